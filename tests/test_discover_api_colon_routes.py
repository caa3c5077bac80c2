"""`provider:name` routes (pydantic-ai's `groq:llama-3.3-70b-versatile`, `grok:grok-4`, `bedrock:...`, the Vercel AI
SDK's provider registry): the provider's names, and those that count only in its context, since such a route is no
Hub owner's; with the look-alikes that stay out (Ollama tags, Hub ids, words after a colon)."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import apis, discover
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("groq:llama-3.3-70b-versatile", "groq"),
        ("groq:gemma2-9b-it", "groq"),  # Groq's only in its context: the route is that context
        ("groq:openai/gpt-oss-120b", "groq"),
        ("cerebras:llama-3.3-70b", "cerebras"),
        ("bedrock:amazon.titan-text-express-v1", "bedrock"),
        ("bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock"),
        ("grok:grok-4", "xai"),
    ],
)
def test_colon_routes_send_names_to_their_provider(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "gemma2-9b-it",  # without Groq's route or client, nobody's
        "groq/gemma2-9b-it/config.json",
        "google/gemma-3-27b-it",  # a Hub id: `google/` is an owner as well as a route
        "mistral:7b",  # Ollama tags
        "mistral:latest",
        "grok:config",
        "grok:",
        "groq:prompts",
        "bedrock:meta.json",
    ],
)
def test_look_alikes_are_no_provider(name: str) -> None:
    assert load_knowledge().provider(name) is None


# LangChain's `init_chat_model("provider:model")` writes its own provider names before the colon
@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("google_genai:gemini-2.5-flash", "google"),
        ("google_vertexai:gemini-2.0-flash", "google"),
        ("azure_openai:gpt-4o", "azure"),
        ("azure_ai:gpt-4o-mini", "azure"),
        ("mistralai:mistral-large-latest", "mistral"),
        ("bedrock_converse:anthropic.claude-3-5-sonnet-20240620-v1:0", "bedrock"),
        ("google_anthropic_vertex:claude-3-5-sonnet@20240620", "anthropic"),
        ("perplexity:sonar-pro", "perplexity"),
    ],
)
def test_langchain_provider_prefixes_send_names_to_their_provider(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "google_genai:my-model",  # no name Google's API serves
        "mistralai:Mistral-7B-Instruct-v0.3",  # the Hub's spelling of an open model
        "azure_openai:",
        "google_genai:config.yaml",
    ],
)
def test_langchain_provider_look_alikes_are_no_provider(name: str) -> None:
    assert apis.routed(name) is None
    assert load_knowledge().provider(name) is None


def test_langchain_routes_in_code_and_config(tmp_path: Path) -> None:
    (tmp_path / "agent.py").write_text(
        "from langchain.chat_models import init_chat_model\n"
        "llm = init_chat_model('google_genai:gemini-2.5-flash')\n"
        "agent = create_deep_agent(model='anthropic:claude-haiku-4-5-20251001')\n"
        "backup = init_chat_model(model='azure_openai:gpt-4o')\n",
        encoding="utf-8",
    )
    (tmp_path / "config.yaml").write_text("llm:\n  model: google_vertexai:gemini-2.0-flash\n", encoding="utf-8")
    found = {(a.kind, a.id, r.path, r.line) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}
    assert found == {
        (Kind.API, "google_genai:gemini-2.5-flash", "agent.py", 2),
        (Kind.API, "anthropic:claude-haiku-4-5-20251001", "agent.py", 3),
        (Kind.API, "azure_openai:gpt-4o", "agent.py", 4),
        (Kind.API, "google_vertexai:gemini-2.0-flash", "config.yaml", 2),
    }


def test_an_agent_frameworks_gateway_prefix_in_code(tmp_path: Path) -> None:
    """The OpenAI Agents SDK's `litellm/` and `any-llm/` prefixes, before a router's name, in `model=` and a default."""
    (tmp_path / "agent.py").write_text(
        "import os\n"
        "a = Agent(name='a', model='litellm/openai/gpt-4o-mini')\n"
        "b = Agent(name='b', model='any-llm/openrouter/openai/gpt-5.4-mini')\n"
        "model = os.environ.get('LITELLM_MODEL', 'litellm/anthropic/claude-3-5-haiku-latest')\n"
        "path = 'litellm/proxy/proxy_config.yaml'\n",
        encoding="utf-8",
    )
    found = {(a.kind, a.id, r.line) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}
    assert found == {
        (Kind.API, "litellm/openai/gpt-4o-mini", 2),
        (Kind.API, "any-llm/openrouter/openai/gpt-5.4-mini", 3),
        (Kind.API, "litellm/anthropic/claude-3-5-haiku-latest", 4),
    }


# RamaLama's remote models: a listed `provider:` route written as a URL's scheme (`openai://gpt-4o`)
@pytest.mark.parametrize(
    ("name", "provider"),
    [("openai://gpt-5.1-2025-11-13", "openai"), ("anthropic://claude-3-5-sonnet-latest", "anthropic")],
)
def test_a_route_written_as_a_scheme_sends_a_name_to_its_provider(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "https://gpt-4o",  # a URL's scheme is no provider, listed or not
        "http://claude-3-haiku",
        "openai://whisper-large-v3",  # a name the provider does not serve
        "openai://api.openai.com/v1",  # an address
        "ollama://llama3",  # Ollama's scheme names an Ollama model, not an API's
        "openai://",
    ],
)
def test_scheme_look_alikes_are_no_provider(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_a_scheme_route_in_a_toml_conf(tmp_path: Path) -> None:
    (tmp_path / "shortnames.conf").write_text('[shortnames]\n  "gpt-5.1" = "openai://gpt-5.1-2025-11-13"\n')
    found = discover(tmp_path, [tmp_path])
    assert [(a.kind, a.id) for a in found.artefacts] == [(Kind.API, "openai://gpt-5.1-2025-11-13")]
