"""The default of an environment variable named for a model, in JavaScript and TypeScript: `const task =
process.env.TASK_MODEL ?? ID` names ID whatever the binding is called, as `os.getenv("TASK_MODEL", ID)` does."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def named(text: str, path: str = "app.ts") -> list[tuple[Kind, str, int, int]]:
    found = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line, r.column) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('const task = process.env.TASK_MODEL ?? "org/task";\n', [(M, "org/task", 1, 39)]),
        ('const embedder = process.env.EMBEDDING_MODEL || "Xenova/gte-small";\n', [(M, "Xenova/gte-small", 1, 48)]),
        ('export const llm = import.meta.env.VITE_OPENAI_MODEL ?? "gpt-4o-mini";\n', [(A, "gpt-4o-mini", 1, 56)]),
        (
            'import { env } from "$env/dynamic/private";\nconst t = (env.TASK_MODEL || "org/t") as string;\n',
            [(M, "org/t", 2, 29)],
        ),
        # beside a loader's call, every binding is read: the same default is found
        (
            'const id = process.env.MODEL_ID ?? "org/a";\nconst m = await AutoModel.from_pretrained(id);\n',
            [(M, "org/a", 1, 35)],
        ),
    ],
)
def test_an_env_default_names_a_model(text: str, expected: list[tuple[Kind, str, int, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const dir = process.env.MODEL_DIR ?? "org/x";\n',  # named for a model's folder, not a model
        'const t = process.env.TASK ?? "org/x";\n',  # not named for a model
        'const t = settings.TASK_MODEL ?? "org/x";\n',  # not the environment
        "const t = process.env.TASK_MODEL ?? `${org}/model`;\n",  # built, not written
        'const t = process.env.TASK_MODEL && "org/x";\n',  # not a default
        'const t = process.env.TASK_MODEL ?? "";\n',
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []
