"""JSON written as a string value: chat-ui's ``MODELS=`[{"name": ID, ...}]` `` in `.env` (a dotenv value quoted over
many lines), the same list folded into Helm values (`MODELS: >`) or quoted in compose. The array or object is read as
the JSON files are, under the key that holds it, each string where it is written in the file."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL

CHAT_UI_ENV = """\
MONGODB_URL=
MODELS=`[
  {
    "name": "mistralai/Mistral-7B-Instruct-v0.2",
    "displayName": "Mistral 7B",
    "tokenizer": "mistralai/Mistral-7B-Instruct-v0.2",
    "endpoints": [{"type": "tgi", "url": "http://127.0.0.1:8080"}],
  },
  {"name": "gpt-4o", "endpoints": [{"type": "openai"}]}
]`
TEXT_EMBEDDING_MODELS=`[{"name": "Xenova/gte-small", "endpoints": [{"type": "transformersjs"}]}]`
"""

HELM_VALUES = """\
envVars:
  TASK_MODEL: "org/task"
  MODELS: >
    [
      { "id": "org/first", "description": "A model." },
      { "id": "org/second", "parameters": { "max_tokens": 8 } }
    ]
  OTHER: "1"
"""


def config(text: str, path: str) -> list[tuple[Kind, str, int, int]]:
    return [(r.kind, r.text, r.line, r.column) for r in ConfigSource().find(text, FileContext(path, lambda v: False))]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            ".env",
            CHAT_UI_ENV,
            [
                (M, "mistralai/Mistral-7B-Instruct-v0.2", 4, 12),
                (M, "mistralai/Mistral-7B-Instruct-v0.2", 6, 17),
                (A, "gpt-4o", 9, 11),
                (M, "Xenova/gte-small", 11, 33),
            ],
        ),
        (".env.local", 'MODELS=[{"name": "org/a"}]\n', [(M, "org/a", 1, 17)]),
        (
            ".env",  # JSON5, as chat-ui parses it: comments, a trailing comma
            'MODELS=`[\n  // {"name": "org/old"},\n  {"name": "org/a", /* "name": "org/older", */ "url": "http://h:8080"},\n]`\n',
            [(M, "org/a", 3, 11)],
        ),
        (".env", 'MODELS=\'[{"id": "org/a"}]\'\n', [(M, "org/a", 1, 16)]),
        (".env", 'OPENAI_MODELS=["gpt-4o", "gpt-4o-mini"]\n', [(A, "gpt-4o", 1, 15), (A, "gpt-4o-mini", 1, 25)]),
        ("values.yaml", HELM_VALUES, [(M, "org/task", 2, 14), (M, "org/first", 5, 14), (M, "org/second", 6, 14)]),
        ("values.yaml", 'env:\n  MODELS: |\n    [{"name": "org/a"},]\n', [(M, "org/a", 3, 14)]),
        (
            "docker-compose.yml",
            'services:\n  app:\n    environment:\n      MODELS: \'[{"name": "org/a"}]\'\n',
            [(M, "org/a", 4, 25)],
        ),
        (
            "deployment.yaml",
            'env:\n  - name: MODELS\n    value: \'[{"name": "org/a"}, {"name": "org/b"}]\'\n',
            [(M, "org/a", 3, 22), (M, "org/b", 3, 41)],
        ),
    ],
)
def test_json_in_a_value_is_read(path: str, text: str, expected: list[tuple[Kind, str, int, int]]) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # ids in links and prose of a JSON value not named for a model
        (".env", 'PUBLIC_ANNOUNCEMENTS=[{"title": "New", "link": "/models/org/a", "cta": "Go"}]\n'),
        (".env", 'MCP_SERVERS=[{"name": "Hugging Face", "url": "https://hf.co/mcp"}]\n'),
        ("values.yaml", 'env:\n  ANNOUNCEMENTS: >\n    [{"title": "org/a is here"}]\n'),
        # entries that only label a model, an alias that is no id
        (".env", 'MODELS=`[\n  {"displayName": "My model", "description": "fast"},\n  {"id": "omni"}\n]`\n'),
        # text in brackets that is not JSON is a value as before
        (".env", "MODELS=[org/a]\n"),
        ("values.yaml", "env:\n  NOTE: |\n    [x]\n    MODEL_ID=org/x\n"),
        ("deployment.yaml", 'env:\n  - name: ANNOUNCEMENTS\n    value: \'[{"name": "org/a"}]\'\n'),
        ("docker-compose.yml", 'services:\n  app:\n    environment:\n      - \'MCP_SERVERS=[{"name": "org/a"}]\'\n'),
    ],
)
def test_json_values_that_name_nothing(path: str, text: str) -> None:
    assert config(text, path) == []


def test_a_quote_never_closed_leaves_the_next_lines_read() -> None:
    assert config('NOTE="unclosed\nMODEL_ID=org/x\n', ".env") == [(M, "org/x", 2, 9)]


def test_json_in_a_compose_environment_item_is_read_under_its_name() -> None:
    text = 'services:\n  app:\n    environment:\n      - \'MODELS=[{"name": "org/a"}]\'\n'
    assert [(kind, name, line) for kind, name, line, _ in config(text, "docker-compose.yml")] == [(M, "org/a", 4)]


def test_a_quoted_value_over_lines_that_is_no_json_is_read_line_by_line() -> None:
    """A value quoted over lines that is no JSON is read as the list of its lines, each at its line (column 0): the
    URL on its third line is reported there, not where the value opens (found by the property tests)."""
    text = 'NOTE="\nsee\nhttps://huggingface.co/org/x\n"\n'
    assert config(text, ".env") == [(Kind.MODEL, "org/x", 3, 0)]


def test_a_list_quoted_over_lines_names_each_line() -> None:
    assert config('MODELS="org/a\norg/b"\n', ".env") == [(Kind.MODEL, "org/a", 1, 8), (Kind.MODEL, "org/b", 2, 0)]
