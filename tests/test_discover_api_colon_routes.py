"""`provider:name` routes (pydantic-ai's `groq:llama-3.3-70b-versatile`, `grok:grok-4`, `bedrock:...`, the Vercel AI
SDK's provider registry): the provider's names, and those that count only in its context, since such a route is no
Hub owner's; with the look-alikes that stay out (Ollama tags, Hub ids, words after a colon)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.knowledge import load as load_knowledge


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
