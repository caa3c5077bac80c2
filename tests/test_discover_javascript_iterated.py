"""A field of the items a loop or a callback goes over, read in a model's position, in JavaScript and TypeScript:
`mapLimit(CANDIDATES, 4, async (c) => ({model: c.value}))`, `for (const m of TARGETS) create({model: m})` name the
ids written in the list, whatever the list is called."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API

CANDIDATES = (
    'const CANDIDATES: Candidate[] = [\n  { label: "A", value: "org/a" },\n  { label: "B", value: "gpt-4o" },\n];\n'
)


def named(text: str, path: str = "app.ts") -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a helper given the list and a callback (`mapLimit`, `pMap`), the callback's first parameter an item
        (
            CANDIDATES + "await mapLimit(CANDIDATES, 4, async (c) => {\n  const body = { model: c.value };\n});\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
        # an array's iterating method, the parameter unparenthesised or typed
        (
            CANDIDATES + "const bodies = CANDIDATES.map(c => ({ model: c.value }));\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
        (
            CANDIDATES + "CANDIDATES.forEach((c: Candidate) => probe({ model: c.value }));\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
        # a loop over a list of ids, the loop's variable given whole
        (
            'const TARGETS = ["org/b", "claude-3-5-haiku-latest"];\n'
            "for (const m of TARGETS) {\n  await client.chat.completions.create({ model: m });\n}\n",
            [(M, "org/b", 1), (A, "claude-3-5-haiku-latest", 1)],
        ),
        # a field destructured from each item, by its name or renamed, in a loop or a callback
        (
            CANDIDATES + "for (const { value } of CANDIDATES) {\n  run({ model: value });\n}\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
        (CANDIDATES + "CANDIDATES.map(({ value: id }) => ({ model: id }));\n", [(M, "org/a", 2), (A, "gpt-4o", 3)]),
        # a closure inside the loop reads the loop's variable
        (
            CANDIDATES + "for (const c of CANDIDATES) {\n  queue.push(() => run({ model: c.value }));\n}\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
        # the values of an object literal, gone over with `Object.values`
        (
            'const TIERS = {\n  fast: { id: "org/fast" },\n  smart: { id: "gpt-4o" },\n};\n'
            "for (const t of Object.values(TIERS)) {\n  run({ model: t.id });\n}\n",
            [(M, "org/fast", 2), (A, "gpt-4o", 3)],
        ),
        (
            'const TIERS = { fast: "org/fast" };\nObject.values(TIERS).map((m) => ({ model: m }));\n',
            [(M, "org/fast", 1)],
        ),
        # and a loop over cards, a field of each
        (
            CANDIDATES + "for (const c of CANDIDATES) {\n  run({ model: c.value });\n}\n",
            [(M, "org/a", 2), (A, "gpt-4o", 3)],
        ),
    ],
)
def test_an_item_of_an_iterated_list_names_a_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the item's field is read under a key that names no model
        CANDIDATES + "CANDIDATES.map((c) => ({ label: c.value }));\n",
        # the name is the callback's second parameter (an index), not an item
        CANDIDATES + "CANDIDATES.map((x, c) => ({ model: c.value }));\n",
        # a parameter of that name in between hides the loop's variable; the inner list is unknown
        CANDIDATES + "for (const c of CANDIDATES) {\n  others.map((c) => ({ model: c.value }));\n}\n",
        # a destructured field that holds labels, not ids; a name the pattern does not bind
        CANDIDATES + "CANDIDATES.map(({ label }) => ({ model: label }));\n",
        CANDIDATES + "for (const { value } of CANDIDATES) {\n  run({ model: label });\n}\n",
        # a function in the loop that binds the name itself (a second parameter) hides the loop's variable
        CANDIDATES + "for (const c of CANDIDATES) {\n  items.forEach((x, c) => run({ model: c.value }));\n}\n",
        # a function of no parameters given nothing to go over
        "const f = () => run({ model: c.value });\n",
        # an object's keys are no items
        'const TABLE = { "org/a": 1 };\nObject.keys(TABLE).map((m) => ({ model: m }));\n',
        # a loop over an object's keys goes over no list
        'const TABLE = { a: "org/a" };\nfor (const c in TABLE) {\n  run({ model: c });\n}\n',
        # the items hold no id: a prompt's id, a label
        'const PROMPTS = [{ id: "counter-v1" }, { id: "todo app" }];\nPROMPTS.map((p) => ({ model: p.id }));\n',
        # a callback whose call is given no list
        CANDIDATES + "setTimeout((c) => run({ model: c.value }), 10);\n",
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []
