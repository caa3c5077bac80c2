"""LiteLLM's `openai/` route to any OpenAI-compatible server (`openai/local` for a llamafile, `openai/llama3.1-70b`
for Cerebras' endpoint): the name after it is no Hub repository unless the OpenAI organisation publishes that family
there, and it is an API's model when the file shows the API that serves it."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.identity import routed_elsewhere
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

CEREBRAS = frozenset({"cerebras"})


def python(text: str) -> set[tuple[Kind, str]]:
    context = FileContext("profile.py", lambda value: False)
    return {(r.kind, r.text) for r in PythonSource().find(text, context)}


@pytest.mark.parametrize("hub_id", ["openai/local", "openai/i", "openai/llama3.1-70b", "OpenAI/Llama-3.1-8B"])
def test_a_name_behind_the_route_is_no_hub_repository(hub_id: str) -> None:
    assert routed_elsewhere(hub_id)


@pytest.mark.parametrize(
    "hub_id",
    [
        "openai/whisper-large-v3",
        "openai/whisper-tiny.en",
        "openai/clip-vit-large-patch14-336",
        "openai/gpt-oss-20b",
        "openai/gpt-oss-safeguard-20b",
        "openai/shap-e",
        "openai/imagegpt-small",
        "openai-community/gpt2",
        "meta-llama/Llama-3.1-8B",
    ],
)
def test_the_open_weights_of_the_openai_organisation_stay_hub_ids(hub_id: str) -> None:
    assert not routed_elsewhere(hub_id)


def test_the_route_to_a_local_server_names_no_artefact() -> None:
    assert python('interpreter.llm.model = "openai/local"\n') == set()
    assert python('llm = LLM(model="openai/i")\n') == set()


def test_the_open_weights_loaded_stay_hub_models() -> None:
    found = python('m = AutoModel.from_pretrained("openai/whisper-large-v3")\n')
    assert found == {(Kind.MODEL, "openai/whisper-large-v3")}


def test_a_name_behind_the_route_is_the_api_s_in_the_file_that_calls_it() -> None:
    assert apis.named("openai/llama3.1-70b", CEREBRAS) == "llama3.1-70b"
    text = 'interpreter.llm.api_base = "https://api.cerebras.ai/v1"\ninterpreter.llm.model = "openai/llama3.1-70b"\n'
    assert python(text) == {(Kind.API, "openai/llama3.1-70b")}


@pytest.mark.parametrize(
    ("text", "in_context"),
    [
        ("openai/llama3.1-70b", frozenset()),  # no API in the file serves it
        ("openai/my-finetune", CEREBRAS),  # no name Cerebras serves
        ("openai/meta/llama3.1-70b", CEREBRAS),  # an `org/name` behind the route is a Hub id's shape
        ("cerebras-openai/llama3.1-70b", CEREBRAS),  # another route
        ("openai/gpt-oss-120b", CEREBRAS),  # the OpenAI organisation's open weights, served or not
        ("openai/whisper-large-v3", frozenset({"groq"})),
    ],
)
def test_a_name_behind_the_route_without_its_api_is_none(text: str, in_context: frozenset[str]) -> None:
    assert apis.named(text, in_context) is None


OLLAMA_FILE = 'subprocess.run(["ollama", "list"], capture_output=True)\n'


def test_a_loop_variable_named_for_a_model_holds_the_literal_items() -> None:
    text = OLLAMA_FILE + 'for model in ["llama3.1", "phi3", "mistral-nemo"]:\n    names.append("Download " + model)\n'
    assert python(text) == {(Kind.OLLAMA, "llama3.1"), (Kind.OLLAMA, "phi3"), (Kind.OLLAMA, "mistral-nemo")}
    text = 'for model_id in ("meta-llama/Llama-3.1-8B", "Qwen/Qwen2.5-7B"):\n    print(model_id)\n'
    assert python(text) == {(Kind.MODEL, "meta-llama/Llama-3.1-8B"), (Kind.MODEL, "Qwen/Qwen2.5-7B")}


@pytest.mark.parametrize(
    "text",
    [
        'for model in ["llama3", "codestral"]:\n    print(model)\n',  # an Ollama name only where Ollama is spoken of
        'for model in ["resnet50", "vgg16"]:\n    print(model)\n',  # owner-less names under a variable
        'for name in ["bert-base-uncased", "org/x"]:\n    print(name)\n',  # a loop variable named for nothing
        'for model_dir in ["./out/llama3", "checkpoints/org-x"]:\n    print(model_dir)\n',  # folders
        "for model in models:\n    print(model)\n",  # no literal sequence
        'for model in [f"org/x-{size}" for size in sizes]:\n    print(model)\n',  # built, not written
    ],
)
def test_loops_that_name_no_model(text: str) -> None:
    assert python(text) == set()


def test_a_command_quoted_in_prose_gives_its_flag_s_value_without_the_backtick() -> None:
    text = 'HELP = {"help_text": "runs `interpreter --model gpt-4o-mini` and asks OI to be concise"}\n'
    assert python(text) == {(Kind.API, "gpt-4o-mini")}
    text = 'HELP = {"help_text": "runs `train.py --model_name_or_path Qwen/Qwen2.5-7B` first"}\n'
    assert python(text) == {(Kind.MODEL, "Qwen/Qwen2.5-7B")}
