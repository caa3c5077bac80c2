"""Licence expressions: `llama2 OR apache-2.0`, a dataset card's list of licences, `gpl-2.0 WITH ...`.

An expression becomes its alternatives (disjunctive normal form): the policy may choose any one alternative, and
must satisfy every licence inside it. `license-expression` parses only the compound ones: it costs an import. The
normal form is computed here, with a bound on its size: an expression comes from a model card anyone can write. A
plain choice between licence ids (`cc-by-sa-3.0 OR gfdl`, common on dataset cards) is read without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_SIMPLE = re.compile(r"[^\s()]+")
_CHOICE = re.compile(r"[A-Za-z0-9.+-]+(?:\s+[Oo][Rr]\s+[A-Za-z0-9.+-]+)+")  # ids joined by OR, in any case
_OPERATORS = frozenset({"and", "or", "with"})


@dataclass(frozen=True)
class ExpressionSyntaxError(Exception):
    expression: str
    reason: str

    def __str__(self) -> str:
        return f"unparseable licence expression {self.expression!r}: {self.reason}"


# The most alternatives an expression may expand to: `(a OR b) AND (c OR d) AND ...` doubles with each term, and a
# licence expression comes from a model card anyone can write.
MAX_ALTERNATIVES = 64


def alternatives(expression: str) -> list[tuple[str, ...]]:
    """The licence keys of each alternative of `expression`; raises ExpressionSyntaxError.

    Each alternative is a sorted tuple of distinct keys; none is a superset of another (`mit OR (mit AND x)` is
    `mit`); they are sorted, shortest first."""
    text = expression.strip()
    if _SIMPLE.fullmatch(text):
        return [(text,)]
    if _CHOICE.fullmatch(text):
        keys = text.split()[::2]
        if not _OPERATORS.intersection(key.lower() for key in keys):
            return sorted({(key,) for key in keys})
    from license_expression import ExpressionError, Licensing

    licensing = Licensing()
    try:
        parsed = licensing.parse(text)
    except ExpressionError as error:
        raise ExpressionSyntaxError(text, str(error)) from error
    except (IndexError, TypeError, AttributeError) as error:  # the parser's own bugs on some input, such as `()`
        raise ExpressionSyntaxError(text, "invalid expression") from error
    if parsed is None:
        raise ExpressionSyntaxError(text, "empty expression")
    branches = _normal_form(parsed, licensing, text)
    minimal = [b for b in branches if not any(other < b for other in branches)]
    return sorted((tuple(sorted(b)) for b in minimal), key=lambda b: (len(b), b))


def _normal_form(node: object, licensing: Any, text: str) -> set[frozenset[str]]:
    """`node` in disjunctive normal form, computed here rather than by `Licensing.dnf`, whose time grows
    exponentially with the expression; more than MAX_ALTERNATIVES alternatives is an error."""
    if isinstance(node, licensing.OR):
        branches = set().union(*(_normal_form(arg, licensing, text) for arg in node.args))
    elif isinstance(node, licensing.AND):
        branches = {frozenset()}
        for arg in node.args:
            options = _normal_form(arg, licensing, text)
            if len(branches) * len(options) > MAX_ALTERNATIVES:
                raise ExpressionSyntaxError(text, f"more than {MAX_ALTERNATIVES} alternatives")
            branches = {branch | option for branch in branches for option in options}
    else:
        licence = getattr(node, "license_symbol", node)  # `X WITH exception` is judged as X
        branches = {frozenset({str(getattr(licence, "key", licence))})}
    if len(branches) > MAX_ALTERNATIVES:
        raise ExpressionSyntaxError(text, f"more than {MAX_ALTERNATIVES} alternatives")
    return branches
