"""Discovery: walk the tree, let each source read the files it wants, and group references into artefacts.

Each file is read once, as bytes; `markers.admits` drops, before decoding and parsing, the files in which no wanted
source could find anything. Inline suppressions (`# modelpolicy: ignore[...] reason`) are read from the same text.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext, Source, SourceError
from modelpolicy.discover.manifest import ManifestSource
from modelpolicy.discover.markers import admits
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.discover.suppress import suppressions
from modelpolicy.discover.walk import candidates, decode, read_bytes
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Artefact, Reference, Skipped, Suppression

SOURCES: tuple[Source, ...] = (
    PythonSource(),
    NotebookSource(),
    ShellSource(),
    ConfigSource(),
    ContainerSource(),
    ManifestSource(),
)


@dataclass(frozen=True)
class Discovery:
    artefacts: tuple[Artefact, ...]
    skipped: tuple[Skipped, ...]
    files_read: int
    suppressions: tuple[Suppression, ...] = ()


def discover(root: Path, paths: list[Path], sources: tuple[Source, ...] = SOURCES) -> Discovery:
    """Every artefact referenced in the files under `paths`, and the files that could not be read."""
    references: list[Reference] = []
    skipped: list[Skipped] = []
    files_read = 0
    used: set[Suppression] = set()
    real_root = os.path.realpath(root)
    is_local_path = _in_tree(root)
    for candidate in candidates(root, paths):
        relative = candidate.relative
        wanted = [s for s in sources if s.wants(relative)]
        if candidate.skip:
            if wanted or candidate.folder:
                skipped.append(Skipped(relative, candidate.skip))
            continue
        if not wanted:
            continue
        read = read_bytes(candidate, real_root)
        data = read.data
        if data is None:
            if read.reason:
                skipped.append(Skipped(relative, read.reason))
            continue
        text, reason = decode(data)
        if text is None:
            skipped.append(Skipped(relative, reason))
            continue
        files_read += 1
        wanted = [s for s in wanted if admits(s, data, relative)]
        if not wanted:
            continue
        context = FileContext(relative, is_local_path)
        found: list[Reference] = []
        for source in wanted:
            try:
                found.extend(source.find(text, context))
            except SourceError as error:
                skipped.append(Skipped(relative, str(error)))
        references.extend(_apply_suppressions(found, suppressions(relative, text), used))
    return Discovery(
        _group(references), tuple(skipped), files_read, tuple(sorted(used, key=lambda u: (u.path, u.line)))
    )


def _apply_suppressions(
    found: list[Reference], by_line: dict[int, Suppression], used: set[Suppression]
) -> list[Reference]:
    """Drop the references a blanket suppression covers, flag those a coded one covers (`ignore:<code>`); collect
    every suppression that stands on a reference's line, honoured or not, for the report."""
    kept = []
    for reference in found:
        suppression = by_line.get(reference.line)
        if suppression is None:
            kept.append(reference)
            continue
        used.add(suppression)
        if not suppression.honoured:
            kept.append(reference)
        elif suppression.codes:
            flags = reference.flags | {f"ignore:{code}" for code in suppression.codes}
            kept.append(replace(reference, flags=flags))
    return kept


def _in_tree(root: Path) -> Callable[[str], bool]:
    def exists(value: str) -> bool:
        try:
            return (root / value).exists()
        except (OSError, ValueError):
            return False

    return exists


def _distinct(references: list[Reference]) -> tuple[Reference, ...]:
    """Each place once, in file order: a constant passed to two loaders is one reference, at the constant."""
    places = {(r.path, r.line, r.column): r for r in references}
    return tuple(places[key] for key in sorted(places))


def _group(references: list[Reference]) -> tuple[Artefact, ...]:
    """One artefact per (kind, canonical id, revision), with its references in file order."""
    knowledge = load_knowledge()
    groups: dict[tuple[str, str, str | None], list[Reference]] = defaultdict(list)
    for reference in references:
        canonical = knowledge.canonical_id(reference.kind, reference.text)
        groups[(reference.kind, canonical, reference.revision)].append(reference)
    artefacts = (
        Artefact(refs[0].kind, artefact_id, revision, _distinct(refs))
        for (_, artefact_id, revision), refs in groups.items()
    )
    return tuple(sorted(artefacts, key=lambda a: (a.kind, a.id.lower(), a.revision or "")))
