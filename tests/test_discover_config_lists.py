"""Comma-separated lists of models in one value (LibreChat's `OPENAI_MODELS=gpt-4o,gpt-4o-mini`, NextChat's
`CUSTOM_MODELS=-all,+gpt-4o-mini`): each item is read as a value under the name, where it is written; the list as a
whole names nothing, in any source."""

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
