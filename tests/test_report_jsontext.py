"""The JSON reports' text (modelpolicy.report.jsontext): character for character what `json.dumps(value, indent=2,
ensure_ascii=False)` writes, for what reports hold and for what they do not (handed to `json.dumps` itself)."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum
from typing import Any

import pytest

from modelpolicy.report.jsontext import indented


class _Colour(StrEnum):
    RED = "red"


class _Level(IntEnum):
    HIGH = 3


CASES: list[Any] = [
    {},
    [],
    "",
    None,
    True,
    0,
    -12,
    {"a": [], "b": {}, "c": [[], {}, [[]]]},
    {"text": 'quote " backslash \\ tab \t newline \n nul \x00 del \x7f bidi \u202e line \u2028 é 🍷'},
    {"surrogate": "\udcff", "ids": ("a/b", "c/d"), "nested": {"list": [1, "two", None, False, {"x": [True]}]}},
    {"enum": _Colour.RED, "level": _Level.HIGH, "keyed": {_Colour.RED: 1}},
    [{"path": "a.py", "line": 3, "column": 0, "flags": ["dynamic"]}] * 3,
    {"float": 1.5, "nan": float("nan")},  # not in a report: handed to json.dumps
    {1: "int key", None: "none key", 2.5: "float key", False: "bool key"},  # idem
]


@pytest.mark.parametrize("value", CASES)
def test_the_text_is_json_dumps_indented(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


def test_what_json_cannot_write_fails_as_json_dumps_fails() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        indented({"set": {1, 2}})
