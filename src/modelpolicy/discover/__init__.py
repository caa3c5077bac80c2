"""Discovery: walk the tree, let each source read the files it wants, and group references into artefacts."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext, Source, SourceError
from modelpolicy.discover.manifest import ManifestSource
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.discover.walk import candidates, read_text
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Artefact, Reference, Skipped

SOURCES: tuple[Source, ...] = (PythonSource(), NotebookSource(), ShellSource(), ConfigSource(), ManifestSource())


@dataclass(frozen=True)
class Discovery:
    artefacts: tuple[Artefact, ...]
    skipped: tuple[Skipped, ...]
    files_read: int


def discover(root: Path, paths: list[Path], sources: tuple[Source, ...] = SOURCES) -> Discovery:
    """Every artefact referenced in the files under `paths`, and the files that could not be read."""
    references: list[Reference] = []
    skipped: list[Skipped] = []
    files_read = 0
    for candidate in candidates(root, paths):
        wanted = [s for s in sources if s.wants(candidate.relative)]
        if not wanted:
            continue
        text, reason = read_text(candidate.absolute)
        if text is None:
            skipped.append(Skipped(candidate.relative, reason))
            continue
        files_read += 1
        context = FileContext(candidate.relative, lambda value: _exists_in_tree(root, value))
        for source in wanted:
            try:
                references.extend(source.find(text, context))
            except SourceError as error:
                skipped.append(Skipped(candidate.relative, str(error)))
    return Discovery(_group(references), tuple(skipped), files_read)


def _exists_in_tree(root: Path, value: str) -> bool:
    try:
        return (root / value).exists()
    except (OSError, ValueError):
        return False


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
