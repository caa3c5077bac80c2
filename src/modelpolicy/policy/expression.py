"""Licence expressions: `llama2 OR apache-2.0`, a dataset card's list of licences, `gpl-2.0 WITH ...`.

An expression becomes its alternatives (disjunctive normal form): the policy may choose any one alternative, and
must satisfy every licence inside it. `license-expression` parses only the compound ones: it costs an import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SIMPLE = re.compile(r"[^\s()]+")


@dataclass(frozen=True)
class ExpressionSyntaxError(Exception):
    expression: str
    reason: str

    def __str__(self) -> str:
        return f"unparseable licence expression {self.expression!r}: {self.reason}"


def alternatives(expression: str) -> list[tuple[str, ...]]:
    """The licence keys of each alternative of `expression`; raises ExpressionSyntaxError."""
    text = expression.strip()
    if _SIMPLE.fullmatch(text):
        return [(text,)]
    from license_expression import ExpressionError, Licensing

    licensing = Licensing()
    try:
        parsed = licensing.parse(text)
    except ExpressionError as error:
        raise ExpressionSyntaxError(text, str(error)) from error
    if parsed is None:
        raise ExpressionSyntaxError(text, "empty expression")
    normal = licensing.dnf(parsed)
    branches = normal.args if type(normal).__name__ == "OR" else (normal,)
    return [_keys(branch) for branch in branches]


def _keys(branch: object) -> tuple[str, ...]:
    symbols = getattr(branch, "args", None) or (branch,)
    keys = []
    for symbol in symbols:
        licence = getattr(symbol, "license_symbol", symbol)  # `X WITH exception` is judged as X
        keys.append(str(getattr(licence, "key", licence)))
    return tuple(keys)
