"""Which licence a LICENSE file holds, from the titles the knowledge base gives each family (its name and aliases).

A repository whose card declares no licence often ships the text itself. Its title is near the top (after a
preamble at most, as in Creative Commons legal code), so the first few kilobytes are compared, words only and case
folded, with every family's name and aliases; the longest title found decides. A one-word alias (`apache`, `mit`)
is too common in prose to decide anything, and a text no title matches is not guessed at.
"""

from __future__ import annotations

import re
from functools import cache

from modelpolicy.knowledge import KnowledgeBase

HEAD_CHARACTERS = 8192
_WORD = re.compile(r"[a-z0-9]+")


def identify(text: str, knowledge: KnowledgeBase) -> str | None:
    """The Hub id (else the key) of the family whose longest title appears at the head of `text`; None if none."""
    head = f" {' '.join(_WORD.findall(text[:HEAD_CHARACTERS].lower()))} "
    best: tuple[int, str] | None = None
    for words, family in _titles(knowledge):
        if f" {words} " in head and (best is None or len(words) > best[0]):
            best = (len(words), family)
    return best[1] if best else None


@cache
def _titles(knowledge: KnowledgeBase) -> tuple[tuple[str, str], ...]:
    titles = []
    for family in knowledge.families:
        identifier = family.hub_ids[0] if family.hub_ids else family.key
        for title in (family.name, *family.aliases):
            words = " ".join(_WORD.findall(title.lower()))
            if " " in words:
                titles.append((words, identifier))
    return tuple(titles)
