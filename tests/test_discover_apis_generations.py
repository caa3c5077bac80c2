"""Hosted API names of the newer generations and the gateways' routes to them (issue 16): Zhipu's GLM-5, DashScope's
Qwen3 hosted tiers, Kimi's K2 point releases, Step 3, MiMo point releases, ElevenLabs' Scribe versions, SAP AI Core's
`anthropic--claude-*`; the Vercel AI Gateway's `alibaba/` and `zai/`, OpenRouter's `qwen/` and `z-ai/`, LiteLLM's
`dashscope/` and `moonshot/`. Look-alikes: the same families' open weights, with or without their owner."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("glm-5", "zhipu"),
        ("glm-5.1", "zhipu"),
        ("glm-5v-turbo", "zhipu"),
        ("zai/glm-4.6", "zhipu"),
        ("z-ai/glm-4.6", "zhipu"),
        ("openrouter/z-ai/glm-4.5-air", "zhipu"),
        ("qwen3.5-plus", "alibaba-dashscope"),
        ("qwen3-vl-plus", "alibaba-dashscope"),
        ("qwen3-coder-flash", "alibaba-dashscope"),
        ("alibaba/qwen3.6-plus", "alibaba-dashscope"),
        ("qwen/qwen3.6-plus", "alibaba-dashscope"),
        ("dashscope/qwen-turbo", "alibaba-dashscope"),
        ("kimi-k2.5", "moonshot"),
        ("kimi-k2-thinking", "moonshot"),
        ("kimi-k3", "moonshot"),
        ("moonshot/kimi-k2-0905-preview", "moonshot"),
        ("step-3", "stepfun"),
        ("step-3.5-flash", "stepfun"),
        ("mimo-v2.5", "xiaomi-mimo"),
        ("anthropic--claude-3.5-sonnet", "anthropic"),
        ("solar-pro2", "upstage"),
        ("solar-mini", "upstage"),
        ("upstage/solar-pro-3", "upstage"),
        ("solar-embedding-1-large-query", "upstage"),
        ("v0-1.5-md", "vercel-v0"),
        ("vercel/v0-1.0-md", "vercel-v0"),
    ],
)
def test_a_newer_generations_name_is_its_apis(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider


@pytest.mark.parametrize(
    "name",
    [
        "qwen/qwen3-32b",  # OpenRouter's and Groq's spelling of the open weights: the Hub's `Qwen/Qwen3-32B`
        "Qwen/Qwen3-235B-A22B",
        "qwen3-32b",  # an open model without its owner: DashScope's only where the file shows DashScope
        "alibaba/qwen3.6-35b-a3b",  # the open weights behind a gateway: no hosted tier's name
        "zai-org/GLM-4.5",
        "glm-4-9b-chat",
        "moonshotai/Kimi-K2-Instruct",
        "moonshotai/kimi-k2-instruct-0905",
        "kimi-k2",  # the family, an Ollama library name
        "stepfun-ai/step3",
        "qwen3.8-max",  # a `-max` may be open weights (xinference's family of `Qwen/Qwen3.8-2.4T-A95B`)
        "step-audio-tts-3b",
        "scribe_v2",  # ElevenLabs' only where the file shows ElevenLabs
        "anthropic--",
        "upstage/SOLAR-10.7B-Instruct-v1.0",  # Upstage's open weights on the Hub
        "upstage/solar-pro-preview-instruct",
        "solar-10.7b-instruct-v1.0",
        "solar",  # a word
        "v0",
        "v0-1.5",
    ],
)
def test_open_weights_and_families_are_no_hosted_name(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_scribe_is_elevenlabs_beside_it() -> None:
    found = load_knowledge().provider("scribe_v2", contextual=True, among=frozenset({"elevenlabs"}))
    assert found is not None and found.key == "elevenlabs"


def javascript(text: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("src/providers/builtins.ts", lambda _: False)
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, context)}


def test_a_provider_specs_default_behind_a_gateway_route_is_the_apis() -> None:
    text = (
        'const SPECS = [\n  { id: "vercel-ai-gateway", defaultModelId: "alibaba/qwen3.6-plus" },\n'
        '  { id: "groq", defaultModelId: "qwen/qwen3-32b" },\n'
        '  { id: "zai", defaultModelId: "glm-5v-turbo" },\n'
        '  { id: "sapaicore", defaultModelId: "anthropic--claude-3.5-sonnet" },\n];\n'
    )
    assert javascript(text) == {
        (A, "alibaba/qwen3.6-plus", 2),
        (M, "qwen/qwen3-32b", 3),
        (A, "glm-5v-turbo", 4),
        (A, "anthropic--claude-3.5-sonnet", 5),
    }


def test_a_routed_name_in_config_is_the_apis() -> None:
    text = "llm:\n  model: z-ai/glm-4.6\n  fallback: qwen/qwen3-32b\n"
    found = {(r.kind, r.text) for r in ConfigSource().find(text, FileContext("config.yaml", lambda _: False))}
    assert (A, "z-ai/glm-4.6") in found
    assert (A, "qwen/qwen3-32b") not in found


def config_found(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext("config.yaml", lambda _: False))}


def test_a_mapping_whose_provider_is_ollama_names_ollama_models() -> None:
    text = (
        "models:\n  - provider: ollama\n    model: command-r\n  - provider: cohere\n    model: command-r\n"
        "llm:\n  provider: ollama\n  config:\n    model: llama3.1\n    temperature: 0.1\n"
        "embedder:\n  provider: openai\n  config:\n    model: text-embedding-3-small\n"
    )
    assert config_found(text) == {
        (Kind.OLLAMA, "command-r", 3),
        (A, "command-r", 5),
        (Kind.OLLAMA, "llama3.1", 9),
        (A, "text-embedding-3-small", 14),
    }


def test_ollama_under_another_key_says_nothing_of_the_provider() -> None:
    text = "chat:\n  title: ollama\n  model: command-r\nserver:\n  type: vllm\n  model: command-r-plus\n"
    assert config_found(text) == {(A, "command-r", 3), (A, "command-r-plus", 6)}


def python_found(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(text, FileContext("app.py", lambda _: False))}


def test_a_dict_whose_provider_is_ollama_names_ollama_models() -> None:
    text = (
        'local = {"provider": "ollama", "model": "command-r"}\n'
        'config = {"llm": {"provider": "ollama", "config": {"model": "mistral-small", "temperature": 0}}}\n'
        'remote = {"provider": "cohere", "model": "command-r-plus"}\n'
        'embedder = {"provider": "openai", "config": {"model": "text-embedding-3-small"}}\n'
    )
    assert python_found(text) == {
        (Kind.OLLAMA, "command-r", 1),
        (Kind.OLLAMA, "mistral-small", 2),
        (A, "command-r-plus", 3),
        (A, "text-embedding-3-small", 4),
    }


def test_ollama_as_a_label_or_an_api_name_beside_ollama() -> None:
    text = (
        'card = {"title": "ollama", "model": "command-r"}\n'
        'odd = {"provider": "ollama", "model": "gpt-4o"}\n'  # no library name: still OpenAI's
    )
    assert python_found(text) == {(A, "command-r", 1), (A, "gpt-4o", 2)}


def test_a_python_or_config_cards_id_is_read_before_its_label() -> None:
    python_text = (
        "MODELS = [\n"
        '    {"name": "Fast", "value": "gpt-4o-mini"},\n'
        '    {"name": "all-MiniLM-L6-v2", "key": "sentence-transformers/all-MiniLM-L6-v2"},\n'
        '    {"name": "gpt-4o"},\n'
        "]\n"
    )
    assert python_found(python_text) == {
        (A, "gpt-4o-mini", 2),
        (M, "sentence-transformers/all-MiniLM-L6-v2", 3),
        (A, "gpt-4o", 4),
    }
    config_text = (
        "models:\n  - name: Fast\n    value: gpt-4o-mini\n"
        "  - name: all-MiniLM-L6-v2\n    key: sentence-transformers/all-MiniLM-L6-v2\n"
    )
    assert config_found(config_text) == {(A, "gpt-4o-mini", 3), (M, "sentence-transformers/all-MiniLM-L6-v2", 5)}
