"""Forms met in agent projects read blind (OpenHands' evaluation scripts and model tables, browser-use's provider
wrappers and examples): wildcard capability patterns are no models, a script's positional parameter has a default, a
client named for a routing provider (or pointed at its endpoint) serves `owner/name` by its route, and Browser Use's
own hosted models are an API's."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A, M, D = Kind.API, Kind.MODEL, Kind.DATASET


def python(source: str, path: str = "pkg/agent.py") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, FileContext(path, lambda v: False))}


def shell(source: str, path: str = "scripts/run_infer.sh") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(source, FileContext(path, lambda v: False))}


# OpenHands openhands/llm/model_features.py: fnmatch patterns of the models that support a feature
PATTERNS = """\
FUNCTION_CALLING_PATTERNS: list[str] = [
    'claude-3-7-sonnet*',
    'gpt-4o*',
    'o3*',
    'gemini-2.5-pro*',
    'gpt-4.1',
]
MODEL = "gpt-4o"
"""


def test_a_wildcard_pattern_is_no_models_name() -> None:
    found = python(PATTERNS, "openhands/llm/model_features.py")
    assert not any("*" in text for _, text, _ in found)
    assert (A, "gpt-4o", 8) in found  # the plain names beside them still count


@pytest.mark.parametrize("name", ["gpt-4o*", "claude-sonnet-4*", "openai/gpt-4o*", "anthropic/claude-*"])
def test_the_knowledge_base_serves_no_pattern(name: str) -> None:
    assert load_knowledge().provider(name) is None
    assert apis.named(name) is None
    assert apis.routed(name) is None


@pytest.mark.parametrize("name", ["gpt-4o", "claude-sonnet-4-20250514", "openai/gpt-4o"])
def test_the_names_the_patterns_stand_for_are_still_served(name: str) -> None:
    assert load_knowledge().provider(name) is not None


# OpenHands evaluation/benchmarks/swe_bench/scripts/eval_infer.sh
POSITIONAL = """\
PROCESS_FILEPATH=$1
DATASET_NAME=${3:-"princeton-nlp/SWE-bench_Lite"}
SPLIT=${4:-"test"}
MODEL=${2:-gpt-4o}
EVAL_DATASET=${5:-'org/ds-single'}
"""


def test_a_positional_parameters_default_is_what_the_variable_holds() -> None:
    assert shell(POSITIONAL) == {
        (D, "princeton-nlp/SWE-bench_Lite", 2),
        (A, "gpt-4o", 4),
        (D, "org/ds-single", 5),
    }


@pytest.mark.parametrize(
    "line",
    [
        'DATASET_NAME=${3:-"$DEFAULT"}\n',  # a variable, no value written here
        'SPLIT=${3:-"org/x"}\n',  # a name for neither a model nor a dataset
        'DATASET_NAME=${3:-"org/x\n',  # a quote never closed
        "DATASET_NAME=${3}\n",  # no default at all
    ],
)
def test_a_positional_parameter_without_a_written_default_names_nothing(line: str) -> None:
    assert shell(line) == set()


# browser-use examples/models/llama4-groq.py, examples/models/openrouter.py, browser_use/llm/tests
ROUTED_CLIENTS = """\
from browser_use import ChatGroq, ChatOpenAI, ChatOpenRouter
groq = ChatGroq(model='meta-llama/llama-4-maverick-17b-128e-instruct', temperature=0.0)
router = ChatOpenAI(model='deepcogito/cogito-v2.1-671b', base_url='https://openrouter.ai/api/v1')
routed = ChatOpenRouter(model='qwen/qwen3-32b', api_key=key)
plain = ChatGroq(model='llama-3.3-70b-versatile')
"""


def test_a_client_named_for_a_routing_provider_serves_owner_name_by_its_route() -> None:
    assert python(ROUTED_CLIENTS) == {
        (A, "meta-llama/llama-4-maverick-17b-128e-instruct", 2),
        (A, "deepcogito/cogito-v2.1-671b", 3),
        (A, "qwen/qwen3-32b", 4),
        (A, "llama-3.3-70b-versatile", 5),
    }


LOCAL_SERVERS = """\
from langchain_openai import ChatOpenAI
from together import Together
local = ChatOpenAI(model='meta-llama/Llama-3.1-8B-Instruct', base_url='http://localhost:8000/v1')
hosted = Together(model='mistralai/Mixtral-8x7B-Instruct-v0.1')
embed = HuggingFaceEmbeddings(model_name='BAAI/bge-small-en-v1.5')
groq_path = ChatGroq(model='./weights/llama')
"""


def test_a_client_of_no_routing_provider_keeps_the_hubs_model() -> None:
    found = python(LOCAL_SERVERS)
    assert (M, "meta-llama/Llama-3.1-8B-Instruct", 3) in found  # a local OpenAI-compatible server serves the Hub's
    assert (A, "mistralai/Mixtral-8x7B-Instruct-v0.1", 4) not in found  # Together serves Hub ids as the Hub's
    assert (M, "BAAI/bge-small-en-v1.5", 5) in found
    assert not any(text == "./weights/llama" for _, text, _ in found)


# browser-use examples/simple.py and browser_use/llm/browser_use/chat.py
BROWSER_USE = """\
from browser_use import Agent, ChatBrowserUse
agent = Agent(task='Find the stars of browser-use', llm=ChatBrowserUse(model='bu-2-0-mini-preview'))
"""

BROWSER_USE_CLIENT = """\
class ChatBrowserUse(BaseChatModel):
    def __init__(self, model: str = 'bu-2-0', api_key: str | None = None):
        self.api_key = api_key or os.getenv('BROWSER_USE_API_KEY')
"""


def test_browser_uses_hosted_models_are_its_apis() -> None:
    assert python(BROWSER_USE) == {(A, "bu-2-0-mini-preview", 2)}
    assert python(BROWSER_USE_CLIENT, "browser_use/llm/browser_use/chat.py") == {(A, "bu-2-0", 2)}
    provider = load_knowledge().provider("bu-2-0-mini-preview", contextual=True, among=frozenset({"browser-use"}))
    assert provider is not None and provider.license == "browser-use-terms"


@pytest.mark.parametrize(
    "source",
    [
        "model = 'bu-2-0'\n",  # no Browser Use client, key or endpoint in the file
        "from browser_use import ChatBrowserUse\nmodel = 'bu-model'\n",  # not its spelling
        "from browser_use import ChatBrowserUse\ntag = 'bu-2-0'\n",  # not under a name for a model
    ],
)
def test_a_bu_name_without_browser_uses_client_names_nothing(source: str) -> None:
    assert python(source, "app/settings.py") == set()


# browser-use browser_use/llm/groq/chat.py, llama-stack providers/remote/inference/groq/models.py: a provider's own
# table filed under its folder, with no client given the value, keeps the Hub's ids (the held-out labels read so)
GROQ_TABLES = """\
JsonSchemaModels = [
    'meta-llama/llama-4-maverick-17b-128e-instruct',
    'openai/gpt-oss-120b',
]
"""


@pytest.mark.parametrize("path", ["browser_use/llm/groq/chat.py", "browser_use/llm/models.py"])
def test_a_table_without_a_client_holds_the_hubs_models(path: str) -> None:
    assert python(GROQ_TABLES, path) == {
        (M, "meta-llama/llama-4-maverick-17b-128e-instruct", 2),
        (M, "openai/gpt-oss-120b", 3),
    }


def test_a_placeholder_given_to_a_routing_client_names_nothing() -> None:
    source = "from x import OpenRouterModel\nm = OpenRouterModel(model='custom/provider-model')\n"
    assert python(source) == set()


# OpenHands frontend/src/services/settings.ts, verified-models.ts: its LLM proxy's prefix before the model it forwards
SETTINGS_TS = """\
export const DEFAULT_SETTINGS = {
  LLM_MODEL: "openhands/claude-sonnet-4-20250514",
  LLM_BASE_URL: "",
};
export const DEFAULT_OPENHANDS_MODEL = "openhands/gpt-5-2025-08-07";
"""


def test_a_proxys_prefix_forwards_the_name_to_the_provider_that_serves_it() -> None:
    found = {
        (r.kind, r.text, r.line)
        for r in JavaScriptSource().find(SETTINGS_TS, FileContext("src/settings.ts", lambda v: False))
    }
    assert found == {(A, "openhands/claude-sonnet-4-20250514", 2), (A, "openhands/gpt-5-2025-08-07", 5)}
    assert python('import litellm\nlitellm.completion(model="litellm_proxy/gpt-4o", messages=m)\n') == {
        (A, "litellm_proxy/gpt-4o", 2)
    }
    provider = load_knowledge().provider("litellm_proxy/claude-3-5-haiku-latest")
    assert provider is not None and provider.key == "anthropic"


@pytest.mark.parametrize(
    "name",
    [
        "openhands/llm",  # the project's own package path
        "litellm_proxy/meta-llama/Llama-3.1-8B-Instruct",  # an `org/name` behind the proxy: whose, it does not say
        "openhands/gemma2-9b-it",  # a name only a context makes an API's (Groq's)
        "openhands/gpt-4o*",  # a pattern
    ],
)
def test_a_proxys_prefix_before_what_no_provider_serves_everywhere_is_no_route(name: str) -> None:
    assert apis.routed(name) is None
    assert load_knowledge().provider(name) is None


# browser-use browser_use/llm/tests/test_single_step.py: each row pairs a client class with the model it is given
PARAMETRIZED = """\
import pytest
@pytest.mark.parametrize(
    'llm_class,model_name',
    [
        (ChatGroq, 'meta-llama/llama-4-maverick-17b-128e-instruct'),
        (ChatOpenAI, 'gpt-4.1-mini'),
        (LocalRunner, 'Qwen/Qwen2.5-0.5B-Instruct'),
    ],
)
def test_step(llm_class, model_name):
    llm_class(model=model_name)
"""


def test_a_parametrize_row_gives_its_model_to_the_client_beside_it() -> None:
    assert python(PARAMETRIZED, "tests/test_single_step.py") == {
        (A, "meta-llama/llama-4-maverick-17b-128e-instruct", 5),
        (A, "gpt-4.1-mini", 6),
        (M, "Qwen/Qwen2.5-0.5B-Instruct", 7),  # a class of no routing provider: the Hub's model
    }


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        ('ChatOpenRouter(model="meta-llama/llama-3-70b-instruct")', (A, "meta-llama/llama-3-70b-instruct", 1)),
        ('chat_open_router(model="meta-llama/llama-3-70b-instruct")', (A, "meta-llama/llama-3-70b-instruct", 1)),
        ('Client(base_url="https://api.groq.com/openai/v1", model="openai/gpt-oss-20b")', (A, "openai/gpt-oss-20b", 1)),
        # a provider's key inside a longer word names no provider: `fal` in `fallback`, `groq` in `groqish`
        ('CausalLM.fallback(model_id="bigcode/santacoder")', (M, "bigcode/santacoder", 1)),
        ('Groqish(model="meta-llama/Llama-3.1-8B-Instruct")', (M, "meta-llama/Llama-3.1-8B-Instruct", 1)),
    ],
)
def test_a_routing_provider_is_named_by_whole_words_of_the_client_or_its_host(
    call: str, expected: tuple[Kind, str, int]
) -> None:
    assert python(call + "\n") == {expected}
