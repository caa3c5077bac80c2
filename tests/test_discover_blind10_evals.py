"""Forms found on evaluation and review tools the benchmark does not label (issue 16, tenth blind wave: Inspect AI,
PR-Agent): routes of LiteLLM's and Inspect AI's providers (`codestral/`, `watsonx/owner/name`, `deepinfra/`,
`cloudflare/@cf/...`, `openai-api/<service>/...`, `together/`, `azureai/`, `hf/`, `vllm-completions/`), Inspect
AI's mock model, and a command quoted in prose that a bracket closes."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.identity import is_placeholder, without_hub_route
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find_in(source: str, path: str = "tests/test_providers.py") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, FileContext(path, lambda v: False))}


# --- routes of hosted providers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("codestral/codestral-2405", "mistral"),  # LiteLLM's route to Codestral's own endpoint
        ("text-completion-codestral/codestral-latest", "mistral"),
        ("watsonx/meta-llama/llama-3-8b-instruct", "watsonx"),  # any owner/name behind watsonx's route
        ("watsonx/mistralai/mistral-large", "watsonx"),
        ("deepinfra/deepseek-ai/DeepSeek-R1-Distill-Llama-70B", "deepinfra"),  # mixed case, as the Hub writes it
        ("cloudflare/@cf/meta/llama-3.3-70b-instruct-fp8-fast", "cloudflare-workers-ai"),
        ("openai-api/openai/gpt-5", "openai"),  # Inspect AI's generic OpenAI-compatible provider
        ("openai-api/together/MiniMaxAI/MiniMax-M2.7", "together"),
        ("together/meta-llama/Llama-3.1-8B-Instruct-Turbo", "together"),
        ("azureai/Llama-3.3-70B-Instruct", "azure-ai-foundry"),  # Inspect AI's Azure AI Foundry provider
        ("azure_ai/command-r-plus", "azure-ai-foundry"),
        ("azure_ai/gpt-4o", "azure"),  # Azure OpenAI's names stay Azure OpenAI's
    ],
)
def test_a_provider_route_names_the_api_model(name: str, provider: str) -> None:
    assert apis.routed(name) == name
    found = load().routed(name)
    assert found is not None and found[0].key == provider


@pytest.mark.parametrize(
    "text",
    [
        "watsonx/data/x.json",  # a file under a folder named for the route
        "watsonx/a/b/c",
        "deepinfra/outputs/x",  # a folder
        "deepinfra/model",  # no owner/name after the route
        "cloudflare/workers-sdk",  # a repository of Cloudflare's, no Workers AI id behind the prefix
        "cloudflare/moonshotai/kimi-k3",  # the prefix leads to no route
        "openai-api/acme/x",  # an unknown service behind Inspect AI's prefix
        "together/results/run1",  # a folder
        "azureai/a/b",
        "azureai/config.yaml",
        "codestral/x.py",
    ],
)
def test_look_alikes_of_a_provider_route_name_no_api_model(text: str) -> None:
    assert apis.routed(text) is None


def test_a_hub_id_alone_stays_a_hub_id() -> None:
    assert apis.routed("deepseek-ai/DeepSeek-R1") is None
    assert apis.routed("meta-llama/Llama-3.1-8B-Instruct") is None


def test_inspect_provider_strings_in_python_name_their_api_models() -> None:
    found = find_in(
        "from inspect_ai.model import get_model\n"
        'model = get_model("openai-api/together/MiniMaxAI/MiniMax-M2.7")\n'
        'other = get_model("azureai/Llama-3.3-70B-Instruct")\n'
        'MAX_TOKENS = {"codestral/codestral-2405": 8191, "deepinfra/deepseek-ai/DeepSeek-R1": 128000}\n'
    )
    assert (A, "openai-api/together/MiniMaxAI/MiniMax-M2.7", 2) in found
    assert (A, "azureai/Llama-3.3-70B-Instruct", 3) in found
    assert (A, "codestral/codestral-2405", 4) in found
    assert (A, "deepinfra/deepseek-ai/DeepSeek-R1", 4) in found
    assert not any(kind is M for kind, _, _ in found)  # `azureai/Llama-3.3-70B-Instruct` is no Hub repository


# --- Inspect AI's providers of local Hub models, and its mock -------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("hf/openai-community/gpt2", "openai-community/gpt2"),
        ("vllm-completions/EleutherAI/pythia-70m", "EleutherAI/pythia-70m"),
        # unchanged: a Hub id whose owner is `hf` would have one slash; deeper paths stay paths
        ("hf/x", "hf/x"),
        ("hf/a/b/c", "hf/a/b/c"),
        ("vllm-completions/x", "vllm-completions/x"),
    ],
)
def test_an_inspect_route_to_a_local_hub_model_is_stripped(value: str, expected: str) -> None:
    assert without_hub_route(value) == expected


def test_get_model_of_a_local_hub_model_names_the_hub_model() -> None:
    found = find_in('model = get_model(\n    "vllm-completions/EleutherAI/pythia-70m",\n    device=0,\n)\n')
    assert (M, "EleutherAI/pythia-70m", 2) in found


@pytest.mark.parametrize("text", ["mockllm/model", "none/none"])
def test_inspect_mock_models_are_placeholders(text: str) -> None:
    assert is_placeholder(text)
    assert find_in(f'eval(task, model="{text}")\n') == set()


@pytest.mark.parametrize("text", ["mockingbird/model-7b", "nonet/x", "EleutherAI/pythia-70m"])
def test_owners_that_only_start_like_a_mock_are_no_placeholders(text: str) -> None:
    assert not is_placeholder(text)


# --- a command quoted in prose --------------------------------------------------------------------------------------


def test_a_bracket_that_closes_a_quoted_command_is_no_part_of_its_id() -> None:
    found = find_in(
        "warn_once(\n"
        "    logger,\n"
        '    f"{output.model} declined this request. Set the fallback_models config "\n'
        '    "(e.g. --fallback-models claude-opus-4-8) to retry refused requests."\n'
        ")\n"
    )
    assert {text for _, text, _ in found} == {"claude-opus-4-8"}


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ('f"{x} [run with --model gpt-4o-mini] first"', "gpt-4o-mini"),
        ('f"{x} run --model gpt-4o-mini, then stop"', "gpt-4o-mini"),
        ('f"{x} run `app --model gpt-4o-mini`."', "gpt-4o-mini"),
    ],
)
def test_prose_punctuation_after_a_quoted_command_is_dropped(command: str, expected: str) -> None:
    assert {text for _, text, _ in find_in(f"x = 1\nmessage = {command}\n")} == {expected}


def test_a_bracket_the_value_opens_itself_stays() -> None:
    # `f(x)` is no id: what a bracket balances is left as written, and names nothing
    assert find_in('x = 1\nmessage = f"{x} --model f(x)"\n') == set()


# --- LiteLLM's `openai/` route to an OpenAI-compatible server ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("openai/qwq-plus", "alibaba-dashscope"),  # PR-Agent's MAX_TOKENS: DashScope through its compatible endpoint
        ("openai/deepseek-chat", "deepseek"),
        ("openai/gpt-4o", "openai"),
    ],
)
def test_the_compatible_route_before_a_name_one_provider_serves_is_that_providers(name: str, provider: str) -> None:
    assert apis.routed(name) == name
    found = load().routed(name)
    assert found is not None and found[0].key == provider


@pytest.mark.parametrize(
    "text",
    [
        "openai/whisper-large-v3",  # the OpenAI organisation's open weights on the Hub
        "openai/gpt-oss-20b",
        "openai/clip-vit-base-patch32",
        "openai/local",  # a local server's own name
        "openai/llama3.1-70b",  # a name only a context makes an API's
        "openai/meta-llama/Llama-3.1-8B-Instruct",  # a Hub model served by an OpenAI-compatible server
    ],
)
def test_the_compatible_route_before_other_names_names_no_api_model(text: str) -> None:
    assert apis.routed(text) is None
