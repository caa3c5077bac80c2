"""Forms found on retrieval applications the benchmark does not label (issue 16, sixth blind wave: Quivr, Verba,
faster-whisper): a tokenizer's Hub repository named for the hub it is read from, the value and the offered values of
a setting object bound to a model's key, and Upstage's embedding models by their short names."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- a tokenizer's Hub repository, named for the hub ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["tokenizer_hub", "TOKENIZER_HUB", "tokenizerHub", "tokenizer_hub_id"])
def test_a_tokenizer_hub_names_a_model_to_read(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize(
    "name", ["hub_model_id", "push_tokenizer_hub", "save_tokenizer_hub", "tokenizer_hub_url", "model_hub", "hub"]
)
def test_a_hub_to_push_to_or_a_hub_setting_names_none(name: str) -> None:
    assert named_kind(name) is None


TABLE = """\
class LLMModelConfig:
    _model_defaults = {
        Supplier.OPENAI: {
            "gpt-4o": LLMConfig(
                max_context_tokens=128000,
                tokenizer_hub="acme/gpt-4o-tokenizer",
            ),
        },
    }
"""


def test_a_tokenizer_hub_keyword_in_a_table_of_configs_is_read() -> None:
    assert (M, "acme/gpt-4o-tokenizer", 6) in find(TABLE)


def test_a_hub_model_id_keyword_is_no_model_to_read() -> None:
    assert find('args = TrainingArguments(hub_model_id="acme/pushed", push_to_hub=True)\n') == set()


# --- a setting object's value and offered values, under a model's key -------------------------------------------------

SETTINGS = """\
class SentenceTransformersEmbedder(Embedding):
    def __init__(self):
        super().__init__()
        self.config["Model"] = InputConfig(
            type="dropdown",
            value="all-MiniLM-L6-v2",
            description="Select a model",
            values=["all-MiniLM-L6-v2", "acme/embed-large-v1", "BAAI/bge-m3"],
        )
"""


def test_a_setting_under_a_model_key_names_its_value_and_offered_values() -> None:
    assert find(SETTINGS) == {
        (M, "all-MiniLM-L6-v2", 6),
        (M, "all-MiniLM-L6-v2", 8),
        (M, "acme/embed-large-v1", 8),
        (M, "BAAI/bge-m3", 8),
    }


def test_a_setting_in_a_dict_under_a_model_key_is_read() -> None:
    source = 'CONFIG = {"Model": InputConfig(type="dropdown", value="acme/embed", values=["acme/embed", "acme/b"])}\n'
    assert find(source) == {(M, "acme/embed", 1), (M, "acme/b", 1)}


@pytest.mark.parametrize(
    "source",
    [
        # a setting under a key named for no model
        'self.config["Language"] = InputConfig(type="dropdown", value="en/us", values=["en/us", "fr/fr"])\n',
        # the prose and the type of a setting under a model's key are no values of it
        'self.config["Model"] = InputConfig(type="acme/dropdown", description="acme/x helps", values=[])\n',
    ],
)
def test_a_setting_names_nothing_outside_its_value_and_offered_values(source: str) -> None:
    assert find(f"class E:\n    def __init__(self):\n        {source}") == set()


# --- Upstage's embedding models by their short names -----------------------------------------------------------------

UPSTAGE = """\
import os

base_url = os.getenv("UPSTAGE_BASE_URL", "https://api.upstage.ai/v1/solar")
model = config.get("Model", {"value": "embedding-query"}).value
payload = {"input": content, "model": "embedding-passage"}
"""


def test_upstage_short_embedding_names_are_its_api_in_a_file_that_calls_it() -> None:
    assert {(kind, text) for kind, text, _ in find(UPSTAGE)} == {(A, "embedding-query"), (A, "embedding-passage")}


def test_the_short_embedding_names_are_no_api_model_without_upstage() -> None:
    assert find('payload = {"input": content, "model": "embedding-query"}\n') == set()


# --- a table of models grouped by provider ---------------------------------------------------------------------------

GROUPED = """\
class LLMModelConfig:
    _model_defaults = {
        Supplier.MISTRAL: {
            "mistral-large": LLMConfig(max_context_tokens=128000),
        },
        Supplier.OPENAI: {"gpt-4o": LLMConfig(max_context_tokens=128000)},
    }

MODEL_LIMITS = {"mistral": {"mistral-small": {"context": 32000}}}
"""


def test_the_keys_of_groups_under_a_provider_name_a_models_table() -> None:
    assert {(kind, text) for kind, text, _ in find(GROUPED)} == {
        (A, "mistral-large"),
        (A, "gpt-4o"),
        (A, "mistral-small"),
    }


@pytest.mark.parametrize(
    "source",
    [
        # a model's own key and its settings: the settings' keys name nothing
        'MODEL_INFO = {"acme/x": {"mistral-large": 1}}\n',
        # groups under a key that is no provider's
        'MODEL_LIMITS = {"team": {"mistral-large": 1}}\n',
        # groups in a table named for no model
        "PRICES = {Supplier.MISTRAL: {'mistral-large': 1}}\n",
    ],
)
def test_the_keys_of_other_nested_dicts_name_none(source: str) -> None:
    assert (A, "mistral-large") not in {(kind, text) for kind, text, _ in find(source)}


# --- faster-whisper's own download_model ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'from faster_whisper import available_models, download_model\n\ndownload_model("tiny", output_dir=d)\n',
        'import faster_whisper\n\nfaster_whisper.download_model("tiny")\n',
    ],
)
def test_faster_whispers_download_model_takes_its_short_names(source: str) -> None:
    assert {(kind, text) for kind, text, _ in find(source)} == {(M, "Systran/faster-whisper-tiny")}


@pytest.mark.parametrize(
    "source",
    [
        'from mylib import download_model\n\ndownload_model("tiny")\n',  # another package's
        'from faster_whisper import download_model as fetch\n\ndownload_model("tiny")\n',  # not the name imported
        'import faster_whisper\n\nother.download_model("tiny")\n',
    ],
)
def test_another_download_model_takes_no_short_name(source: str) -> None:
    assert find(source) == set()


def test_a_models_own_settings_under_a_providers_name_keep_an_ollama_table() -> None:
    source = (
        "# the models an Ollama server at localhost:11434 serves\n"
        "_MODEL_INFO = {\n"
        '    "mistral": {"vision": False, "function_calling": True},\n'
        '    "command-r": {"vision": False, "function_calling": True},\n'
        '    "llama3.1": {"vision": False, "function_calling": True},\n'
        '    "qwen2.5": {"vision": False, "function_calling": True},\n'
        "}\n"
    )
    names = {"mistral", "command-r", "llama3.1", "qwen2.5"}
    assert {(kind, text) for kind, text, _ in find(source)} == {(Kind.OLLAMA, name) for name in names}
