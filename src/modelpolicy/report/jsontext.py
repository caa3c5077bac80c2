"""The text of a JSON report: `json.dumps(value, indent=2, ensure_ascii=False)`, character for character, in half the
time.

`json` encodes in C only without `indent`; with it, every value goes through its pure-Python generators (6.4 ms for
the report of the 10,000-file benchmark tree, 3.1 ms here). The reports hold only what JSON holds (dicts with string
keys, lists, strings, numbers, booleans, None, and enums of str or int, which `json` writes as their values);
anything else is handed to `json.dumps` itself, so that the text, or the error, is its own.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

try:  # the C version, as `json.dumps(..., ensure_ascii=False)` uses it
    from json.encoder import c_encode_basestring as _string  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover (CPython always has it)
    _string = encode_basestring

_STEP = "  "


def indented(value: Any) -> str:
    """`json.dumps(value, indent=2, ensure_ascii=False)`."""
    pieces: list[str] = []
    try:
        _write(value, pieces, "\n")
    except _NotPlain:
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(pieces)


class _NotPlain(Exception):
    """A value this writer leaves to `json.dumps` (a float, a key that is not a string, another type)."""


def _write(value: Any, pieces: list[str], newline: str) -> None:
    if isinstance(value, str):
        pieces.append(_string(value))
    elif value is None:
        pieces.append("null")
    elif value is True:
        pieces.append("true")
    elif value is False:
        pieces.append("false")
    elif isinstance(value, int):
        pieces.append(int.__repr__(value))
    elif isinstance(value, dict):
        _write_object(value, pieces, newline)
    elif isinstance(value, list | tuple):
        _write_array(value, pieces, newline)
    else:
        raise _NotPlain


def _write_object(value: dict[Any, Any], pieces: list[str], newline: str) -> None:
    if not value:
        pieces.append("{}")
        return
    inner = newline + _STEP
    separator = "{" + inner
    for key, item in value.items():
        if not isinstance(key, str):
            raise _NotPlain
        pieces.append(separator)
        pieces.append(_string(key))
        pieces.append(": ")
        _write(item, pieces, inner)
        separator = "," + inner
    pieces.append(newline + "}")


def _write_array(value: list[Any] | tuple[Any, ...], pieces: list[str], newline: str) -> None:
    if not value:
        pieces.append("[]")
        return
    inner = newline + _STEP
    separator = "[" + inner
    for item in value:
        pieces.append(separator)
        _write(item, pieces, inner)
        separator = "," + inner
    pieces.append(newline + "]")
