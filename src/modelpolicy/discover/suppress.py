"""Inline suppressions: `# modelpolicy: ignore[code, ...] reason` on the line of a reference.

A suppression needs a reason, so that the report can list it for audit; one without a reason is not honoured.
Without codes it drops the reference; with codes it waives those rules for the artefact it names.
"""

from __future__ import annotations

import re

from modelpolicy.model import Suppression

_MARKER = "modelpolicy:"
_SUPPRESSION = re.compile(r"(?:#|//)\s*modelpolicy:\s*ignore(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)$")


def suppressions(path: str, text: str) -> dict[int, Suppression]:
    """The suppressions in a file's text, by line number."""
    if _MARKER not in text:
        return {}
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _SUPPRESSION.search(line) if _MARKER in line else None
        if match:
            codes = frozenset(c.strip() for c in (match.group("codes") or "").split(",") if c.strip())
            reason = match.group("reason").strip().lstrip(":-—").strip()
            found[number] = Suppression(path, number, codes, reason)
    return found
