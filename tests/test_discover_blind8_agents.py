"""Forms met in agent frameworks' configs and provider code (MetaGPT, SWE-agent), read blind: a setting that names
its hosted provider (`api_type: openrouter`) makes its model that provider's, as the provider's route would."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def config(text: str, path: str) -> list[tuple[Kind, str, int]]:
    found = ConfigSource().find(text, FileContext(path, lambda v: False))
    return sorted(((r.kind, r.text, r.line) for r in found), key=lambda r: r[2])


# MetaGPT's config/examples/openrouter-llama3-70b-instruct.yaml
OPENROUTER_YAML = """\
llm:
  api_type: openrouter
  base_url: "https://openrouter.ai/api/v1"
  api_key: "YOUR_API_KEY"
  model: meta-llama/llama-3-70b-instruct
"""

# AutoGen's OAI_CONFIG_LIST: each entry names the API it calls
CONFIG_LIST = """\
[
  {"model": "meta-llama/Llama-3-70b-chat-hf", "api_type": "together"},
  {"model": "mistralai/mixtral-8x7b-instruct", "provider": "openrouter"}
]
"""


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        (OPENROUTER_YAML, "config/config2.yaml", [(A, "meta-llama/llama-3-70b-instruct", 5)]),
        (
            CONFIG_LIST,
            "OAI_CONFIG_LIST.json",
            [(A, "meta-llama/Llama-3-70b-chat-hf", 2), (A, "mistralai/mixtral-8x7b-instruct", 3)],
        ),
    ],
)
def test_a_model_beside_the_provider_it_is_sent_to_is_that_providers(
    text: str, path: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Hub id in mixed case is no OpenRouter name (OpenRouter writes its ids in lower case)
        ("llm:\n  api_type: openrouter\n  model: Qwen/Qwen2-7B-Instruct\n", [(M, "Qwen/Qwen2-7B-Instruct", 3)]),
        # OpenAI's patterns do not match a Hub id: `openai/org/name` is no route
        ("llm:\n  provider: openai\n  model: org/name-7b\n", [(M, "org/name-7b", 3)]),
        # a type that is no hosted provider leaves the Hub id the Hub's
        ("model:\n  type: huggingface\n  model: org/name-7b\n", [(M, "org/name-7b", 3)]),
        # a local path under a provider is nothing
        ("llm:\n  api_type: openrouter\n  model: ./models/x\n", []),
    ],
)
def test_a_provider_beside_a_value_that_is_none_of_its_names_changes_nothing(
    text: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert config(text, "config.yaml") == expected
