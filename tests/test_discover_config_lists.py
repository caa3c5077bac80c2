"""Comma-separated lists of models in one value (LibreChat's `OPENAI_MODELS=gpt-4o,gpt-4o-mini`, NextChat's
`CUSTOM_MODELS=-all,+gpt-4o-mini`): each item is read as a value under the name, where it is written; the list as a
whole names nothing, in any source."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def config(text: str, path: str = ".env") -> list[tuple[Kind, str, int, int]]:
    return [(r.kind, r.text, r.line, r.column) for r in ConfigSource().find(text, FileContext(path, lambda v: False))]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (".env", "OPENAI_MODELS=gpt-4o,gpt-4o-mini\n", [(A, "gpt-4o", 1, 14), (A, "gpt-4o-mini", 1, 21)]),
        (
            ".env",
            "ANTHROPIC_MODELS=claude-3-5-haiku-latest, claude-3-7-sonnet-latest\n",
            [(A, "claude-3-5-haiku-latest", 1, 17), (A, "claude-3-7-sonnet-latest", 1, 42)],
        ),
        (".env", "CUSTOM_MODELS=-all,+gpt-4o-mini,-gpt-4\n", [(A, "gpt-4o-mini", 1, 20)]),
        (".env", 'EMBEDDING_MODELS="org/a,org/b"\n', [(M, "org/a", 1, 18), (M, "org/b", 1, 24)]),
        (
            "docker-compose.yml",
            "services:\n  app:\n    environment:\n      - OPENAI_MODELS=gpt-4o,o3-mini\n",
            [(A, "gpt-4o", 4, 8), (A, "o3-mini", 4, 15)],
        ),
        ("config.yaml", "models: gpt-4o, gpt-4o-mini\n", [(A, "gpt-4o", 1, 8), (A, "gpt-4o-mini", 1, 16)]),
    ],
)
def test_each_item_of_a_list_is_read(path: str, text: str, expected: list[tuple[Kind, str, int, int]]) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    "text",
    [
        "OPENAI_MODELS=-all\n",
        "MODEL_DESCRIPTION=fast, cheap\n",  # words, not ids
        "OPENAI_MODELS=${MODELS:-gpt-4o,gpt-4o-mini}\n",  # a default is read whole, never split
        "TAGS=gpt-4o,gpt-4o-mini\n",  # not under a model's name
        "OUTPUT_MODELS=org/a,org/b\n",
    ],
)
def test_lists_that_name_nothing(text: str) -> None:
    assert config(text) == []


def test_a_list_as_a_whole_is_no_api_name() -> None:
    assert apis.named("gpt-4o,gpt-4o-mini") is None
    assert apis.routed("openai/gpt-4o,openai/gpt-4o-mini") is None
    found = JavaScriptSource().find('const customModels = "gpt-4o,gpt-4o-mini";', FileContext("a.ts", lambda v: False))
    assert found == []


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        # a setting's default and the values it offers, under a model's name
        (
            "librechat.yaml",
            "endpoints:\n  custom:\n    - name: Mistral\n      models:\n        default: [mistral-tiny, mistral-small]\n        fetch: true\n",
            [(A, "mistral-tiny", 5, 18), (A, "mistral-small", 5, 32)],
        ),
        (
            "schema.json",
            '{"properties": {"model": {"type": "string", "default": "gpt-4o", "enum": ["o3-mini"]}}}',
            [(A, "gpt-4o", 1, 55), (A, "o3-mini", 1, 74)],
        ),
        ("config.yaml", "llm:\n  provider: openai\n  default: gpt-4o\n", [(A, "gpt-4o", 3, 11)]),
        # a list of API names whatever its key
        (
            "settings.json",
            '{"supported": ["gpt-4o", "claude-3-5-haiku-latest"]}',
            [(A, "gpt-4o", 1, 15), (A, "claude-3-5-haiku-latest", 1, 25)],
        ),
        ("config.yaml", "fallbacks:\n  - gpt-4o-mini\n  - o3-mini\n", [(A, "gpt-4o-mini", 2, 4), (A, "o3-mini", 3, 4)]),
    ],
)
def test_settings_and_lists_of_api_names(path: str, text: str, expected: list[tuple[Kind, str, int, int]]) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config.yaml", "tags: [gpt-4o]\n"),  # one name is no list
        ("config.yaml", "words: [gpt-4o, alloy]\n"),  # a name among other words
        ("config.yaml", "stop: [org/a, org/b]\n"),  # Hub ids need a model's name
        ("schema.json", '{"properties": {"temperature": {"default": "gpt-4o"}}}'),
        ("config.yaml", "ui:\n  default: gpt-4o\n"),  # a default of something other than a model
    ],
)
def test_settings_and_lists_that_name_nothing(path: str, text: str) -> None:
    assert config(text, path) == []
