"""Forms found on applications the benchmark does not label (issue 16, eighth blind wave: DocsGPT, Anthropic's
quickstarts, openai-realtime-agents, deep-research, novel): an application's `LLM_NAME` setting, a provider's own key
holding its model (`{"anthropic": "claude-3-5-haiku-latest"}`), while the `owner/name` open weights a provider serves
stay the Hub's; Novita's route; a wrapper named for embeddings; a hosted API's endpoint URL; the AI SDK's other
providers; and a test's one-letter stand-in for a Claude model."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import called_kind, named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A, OL = Kind.MODEL, Kind.API, Kind.OLLAMA


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def find_js(source: str, path: str = "lib/models.ts") -> set[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(source, FileContext(path, lambda text: text.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


def find_config(text: str, path: str = "models.yaml") -> set[tuple[Kind, str, int]]:
    references = ConfigSource().find(text, FileContext(path, lambda text: text.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


# --- an application's LLM_NAME ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["LLM_NAME", "llm_name", "FALLBACK_LLM_NAME", "llmName", "judge_llm_name"])
def test_the_name_of_an_llm_names_a_model(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["output_llm_name", "llm_names_list", "llm_namespace", "push_llm_name"])
def test_a_written_or_other_llm_name_names_none(name: str) -> None:
    assert named_kind(name) is None


def test_an_llm_name_setting_holds_an_api_model() -> None:
    source = 'LLM_NAME = "gpt-4o-mini"\ns = MagicMock(FALLBACK_LLM_NAME="claude-sonnet-4", API_KEY="key")\n'
    assert find_python(source) == {(A, "gpt-4o-mini", 1), (A, "claude-sonnet-4", 2)}


def test_an_llm_name_in_an_env_file_is_read() -> None:
    assert find_config("LLM_NAME=gpt-4o\nLLM_PROVIDER=openai\n", ".env") == {(A, "gpt-4o", 1)}


def test_an_llm_name_that_is_a_word_names_nothing() -> None:
    assert find_config("LLM_NAME=docsgpt\nLLM_NAME_SUFFIX=x\n", ".env") == set()


# --- a config that says which hosted API serves its models ------------------------------------------------------------

OPENROUTER = """\
provider: openrouter
defaults:
  supports_tools: true
models:
  - id: qwen/qwen3-coder:free
    display_name: Qwen3 Coder (free)
  - id: deepseek/deepseek-v3.2
  - id: anthropic/claude-sonnet-4.6
"""


def test_owner_name_ids_a_provider_serves_stay_the_hubs_open_weights_unless_a_route_says_otherwise() -> None:
    """`qwen/qwen3-coder` is the Hub's open weights; `deepseek/deepseek-v3.2` is written as DeepSeek's own route
    (`apis.toml`: its open models behind `deepseek/`), read as that API's wherever it is written."""
    assert find_config(OPENROUTER) == {
        (M, "qwen/qwen3-coder", 5),
        (A, "deepseek/deepseek-v3.2", 7),
        (A, "anthropic/claude-sonnet-4.6", 8),
    }


def test_a_provider_key_in_an_item_sends_the_id_its_route_serves_to_it() -> None:
    """`provider: groq` beside `openai/gpt-oss-120b` says what `groq/openai/gpt-oss-120b` does (a setting that names
    its provider, `apis.routed_by`); without a hosted provider the id stays the Hub's."""
    text = """\
models:
  - provider: groq
    model: openai/gpt-oss-120b
  - provider: local
    model: openai/gpt-oss-20b
"""
    assert find_config(text) == {(A, "openai/gpt-oss-120b", 3), (M, "openai/gpt-oss-20b", 5)}


@pytest.mark.parametrize("provider", ["huggingface", "vllm", "ollama-local", "my-gateway", "openai_compatible"])
def test_a_provider_that_is_no_hosted_api_leaves_hub_ids_as_they_are(provider: str) -> None:
    text = f"provider: {provider}\nmodels:\n  - id: meta-llama/Llama-3.1-8B-Instruct\n"
    assert find_config(text) == {(M, "meta-llama/Llama-3.1-8B-Instruct", 3)}


def test_a_path_under_a_served_config_is_no_model() -> None:
    assert find_config("provider: openrouter\nmodel: ./models/local-model\n") == set()


def test_a_novita_config_names_the_open_weights_it_serves() -> None:
    text = "provider: novita\nmodels:\n  - id: moonshotai/kimi-k2.6\n  - id: zai-org/glm-5\n"
    assert find_config(text) == {(M, "moonshotai/kimi-k2.6", 3), (M, "zai-org/glm-5", 4)}


# --- a dict that says which hosted API serves a model -----------------------------------------------------------------

PROVIDER_MAP = """\
def get_gpt_model() -> str:
    model_map = {
        "openai": "gpt-4o-mini",
        "groq": "llama3-8b-8192",
        "novita": "deepseek/deepseek-r1",
        "local": "meta-llama/Llama-3.1-8B-Instruct",
    }
    return settings.LLM_NAME or model_map.get(settings.LLM_PROVIDER, "")
"""


def test_a_provider_keyed_model_map_names_each_providers_model() -> None:
    assert find_python(PROVIDER_MAP) == {
        (A, "gpt-4o-mini", 3),
        (A, "llama3-8b-8192", 4),
        (A, "deepseek/deepseek-r1", 5),  # DeepSeek's own route (`apis.toml`)
        (M, "meta-llama/Llama-3.1-8B-Instruct", 6),
    }


def test_a_dict_whose_provider_is_a_hosted_api_names_the_open_weights_it_serves() -> None:
    source = 'CONFIG = {"provider": "openrouter", "model": "meta-llama/llama-3.3-70b-instruct"}\n'
    assert find_python(source) == {(M, "meta-llama/llama-3.3-70b-instruct", 1)}


def test_a_dict_whose_provider_is_no_hosted_api_names_a_hub_model() -> None:
    source = 'CONFIG = {"provider": "huggingface", "model": "Qwen/Qwen2.5-7B-Instruct"}\n'
    assert find_python(source) == {(M, "Qwen/Qwen2.5-7B-Instruct", 1)}


def test_a_provider_key_beside_a_path_names_nothing() -> None:
    source = 'MODEL_PATHS = {"groq": "./weights/llama", "novita": "/srv/models/x"}\n'
    assert find_python(source) == set()


# --- the knowledge base: Novita's route, and a one-letter Claude ------------------------------------------------------


@pytest.mark.parametrize("name", ["novita/deepseek/deepseek-r1", "novita/meta-llama/llama-3.3-70b-instruct"])
def test_novitas_route_names_its_models(name: str) -> None:
    assert apis.routed(name) == name


@pytest.mark.parametrize("name", ["novita/outputs/run1", "novita/model.py", "novita"])
def test_a_folder_or_file_named_for_novita_is_no_route(name: str) -> None:
    assert apis.routed(name) is None


@pytest.mark.parametrize("name", ["claude-x", "claude-a"])
def test_a_one_letter_claude_is_a_tests_stand_in(name: str) -> None:
    assert apis.named(name) is None


@pytest.mark.parametrize("name", ["claude-2", "claude-instant-1", "claude-sonnet-4", "claude-opus-4-7"])
def test_claude_models_with_a_version_or_a_tier_are_the_apis(name: str) -> None:
    assert apis.named(name) == name


def test_a_one_letter_claude_passed_as_a_model_is_not_reported() -> None:
    assert find_python('out = llm._raw_gen(llm, model="claude-x", messages=msgs)\n') == set()


# --- a project's own wrapper of an embedding model --------------------------------------------------------------------

WRAPPERS = """\
def _create_instance(embeddings_name):
    embeddings_factory = {
        "huggingface_mpnet": lambda: EmbeddingsWrapper("sentence-transformers/all-mpnet-base-v2"),
        "huggingface_instructor": lambda: EmbeddingsWrapper("hkunlp/instructor-large"),
    }
    model = get_embedding_model("BAAI/bge-small-en-v1.5")
    return embeddings_factory[embeddings_name]()
"""


def test_what_a_wrapper_named_for_embeddings_is_given_is_the_model_it_loads() -> None:
    assert find_python(WRAPPERS) == {
        (M, "sentence-transformers/all-mpnet-base-v2", 3),
        (M, "hkunlp/instructor-large", 4),
        (M, "BAAI/bge-small-en-v1.5", 6),
    }


@pytest.mark.parametrize("name", ["EmbeddingsWrapper", "get_embedding_model", "HFEmbedder", "load_embeddings"])
def test_a_callable_named_for_embeddings_is_given_a_model(name: str) -> None:
    assert called_kind(name) is M


@pytest.mark.parametrize("name", ["save_embeddings", "upload_embedding", "push_embedder"])
def test_a_callable_that_writes_embeddings_is_given_none(name: str) -> None:
    assert called_kind(name) is None


def test_the_texts_and_sizes_an_embeddings_call_is_given_are_no_models() -> None:
    source = """\
model_vectors = compute_embeddings(["hello world", "what is RAG?", "a/b testing"])
model_layer = torch.nn.Embedding(1000, 64)
model_query = embeddings.embed_query("what is this")
model_path = get_embedding_model("./models/all-mpnet-base-v2")
"""
    assert find_python(source) == set()


def test_a_providers_key_holds_its_model_whatever_the_dict_is_named() -> None:
    source = """\
DEFAULTS = {"anthropic": "claude-3-5-haiku-latest", "openai": "gpt-4o-mini", "google": "gemini-1.5-flash"}
"""
    assert find_python(source) == {
        (A, "claude-3-5-haiku-latest", 1),
        (A, "gpt-4o-mini", 1),
        (A, "gemini-1.5-flash", 1),
    }


def test_labels_keys_and_words_under_a_providers_key_are_no_models() -> None:
    source = """\
LABELS = {"openai": "OpenAI", "anthropic": "Anthropic", "google": "gemini", "mistral": "mistral"}
KEYS = {"openai": "OPENAI_API_KEY", "groq": "gsk-placeholder", "novita": "./weights/x"}
PREFIXES = {"openai": "gpt-", "anthropic": "claude-"}
"""
    assert find_python(source) == set()


# --- the same, in JavaScript and in config files ----------------------------------------------------------------------


def test_a_providers_key_in_a_javascript_object_holds_its_model() -> None:
    source = """\
export const DEFAULTS = { openai: "gpt-4o-mini", anthropic: "claude-3-5-haiku-latest" };
const LABELS = { openai: "OpenAI", anthropic: "Anthropic", groq: "./weights/x", google: "gemini" };
"""
    assert find_js(source) == {(A, "gpt-4o-mini", 1), (A, "claude-3-5-haiku-latest", 1)}


def test_a_javascript_object_served_by_a_hosted_api_names_the_open_weights_it_serves() -> None:
    source = """\
const routed = { provider: "openrouter", model: "meta-llama/llama-3.3-70b-instruct" };
const local = { provider: "vllm", model: "meta-llama/Llama-3.1-8B-Instruct" };
"""
    assert find_js(source) == {(M, "meta-llama/llama-3.3-70b-instruct", 1), (M, "meta-llama/Llama-3.1-8B-Instruct", 2)}


def test_a_providers_key_in_a_config_holds_its_model() -> None:
    text = """\
defaults:
  openai: gpt-4o-mini
  anthropic: claude-3-5-haiku-latest
labels:
  openai: OpenAI
  mistral: true
  groq: ./weights/llama
"""
    assert find_config(text) == {(A, "gpt-4o-mini", 2), (A, "claude-3-5-haiku-latest", 3)}


# --- a hosted API's endpoint that names its model ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "model"),
    [
        (
            "wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview-2024-12-17",
            "gpt-4o-realtime-preview-2024-12-17",
        ),
        ("https://api.openai.com/v1/realtime?intent=transcription&model=gpt-4o-transcribe", "gpt-4o-transcribe"),
        (
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent",
            "gemini-1.5-flash",
        ),
        (
            "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
            "gemini-2.0-flash",
        ),
        (
            "https://us-east5-aiplatform.googleapis.com/v1/projects/p/locations/us-east5/publishers/anthropic/models/"
            "claude-3-5-sonnet-v2@20241022:streamRawPredict",
            "claude-3-5-sonnet-v2@20241022",
        ),
    ],
)
def test_an_endpoint_that_names_its_model_calls_it(url: str, model: str) -> None:
    assert apis.url_model(url) == model


@pytest.mark.parametrize(
    "url",
    [
        "https://platform.openai.com/docs/models/gpt-4o",  # a page about a model
        "https://api.openai.com/v1/models/gpt-4o",  # the model's description, no method called
        "https://generativelanguage.googleapis.com/v1beta/models/my-tuned-model:generateContent",  # no API's name
        "https://example.com/search?model=a-bike",
        "see https://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview for details",  # prose
    ],
)
def test_other_urls_call_no_model(url: str) -> None:
    assert apis.url_model(url) is None


def test_an_endpoint_string_is_read_in_every_source() -> None:
    realtime = "wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview"
    gemini = "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-pro:generateContent"
    assert find_python(f'URL = "{realtime}"\n') == {(A, "gpt-4o-realtime-preview", 1)}
    assert find_js(f'const r = await fetch("{gemini}", {{ method: "POST" }});\n') == {(A, "gemini-1.5-pro", 1)}
    assert find_config(f"gemini:\n  endpoint: {gemini}\n") == {(A, "gemini-1.5-pro", 2)}


# --- the AI SDK's other provider functions ----------------------------------------------------------------------------


def test_the_ai_sdks_other_providers_are_given_their_models() -> None:
    source = """\
import { bedrock } from "@ai-sdk/amazon-bedrock";
import { perplexity } from "@ai-sdk/perplexity";
const claude = bedrock("anthropic.claude-3-haiku-20240307-v1:0");
const sonar = perplexity("sonar-pro");
const nothing = perplexity("my-own-name");
"""
    assert find_js(source) == {(A, "anthropic.claude-3-haiku-20240307-v1:0", 3), (A, "sonar-pro", 4)}


def test_an_ollama_provider_function_is_given_an_ollama_tag() -> None:
    source = """\
import { createOllama } from "ollama-ai-provider";
const ollama = createOllama({ baseURL: "http://localhost:11434/api" });
const chat = ollama("qwen2.5:7b");
const embed = ollama("nomic-embed-text");
"""
    assert find_js(source) == {(OL, "qwen2.5:7b", 3), (OL, "nomic-embed-text", 4)}


def test_a_function_named_ollama_without_an_ollama_import_names_nothing() -> None:
    source = 'const ollama = (name: string) => name.trim();\nconst out = ollama("llama3.1");\n'
    assert find_js(source) == set()
