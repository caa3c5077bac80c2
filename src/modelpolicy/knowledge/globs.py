"""Glob patterns (`fnmatch`'s, case-sensitive) matched many at a time, as the knowledge base's names are."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=256)
def glob_union(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a name matches one of the patterns. Most are a literal name or a literal prefix and a `*`: those are
    told by a set and by `str.startswith`; the rest by one regular expression, compiled when first needed (compiling
    them all cost 10 ms of every scan that asks whether a string is an API model's)."""
    exact = frozenset(p for p in patterns if not _SPECIAL.search(p))
    prefixed = [p for p in patterns if p.endswith("*") and not _SPECIAL.search(p[:-1])]
    prefixes = tuple(p[:-1] for p in prefixed)
    others = tuple(p for p in patterns if p not in exact and p not in prefixed)
    regex: list[Callable[[str], re.Match[str] | None]] = []

    def matches(name: str) -> bool:
        if name in exact or name.startswith(prefixes):
            return True
        if not others:
            return False
        if not regex:
            regex.append(re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in others)).match)
        return regex[0](name) is not None

    return matches


_SPECIAL = re.compile(r"[*?\[]")  # what makes a pattern more than its literal text to `fnmatch`
