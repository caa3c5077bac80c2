"""Resolution: ask each resolver in turn for an artefact's terms, then walk its lineage."""

from __future__ import annotations

from dataclasses import dataclass

from modelpolicy.model import Artefact, Kind, Parent, Resolution, Resolved, Unresolved
from modelpolicy.resolve.hf_cache import LocalHubCacheResolver
from modelpolicy.resolve.images import ImageResolver
from modelpolicy.resolve.interface import Resolver
from modelpolicy.resolve.knowledge import KnowledgeResolver

MAX_LINEAGE_DEPTH = 8


@dataclass(frozen=True)
class Ancestor:
    """A base model or training dataset of an artefact, reached through `child`."""

    parent: Parent
    child: str
    resolution: Resolution


@dataclass(frozen=True)
class Subject:
    """An artefact with its own resolution and its ancestors'."""

    artefact: Artefact
    resolution: Resolution
    ancestors: tuple[Ancestor, ...]


def default_resolvers() -> tuple[Resolver, ...]:
    return (KnowledgeResolver(), LocalHubCacheResolver(), ImageResolver())


def resolve_one(resolvers: tuple[Resolver, ...], kind: Kind, artefact_id: str, revision: str | None) -> Resolution:
    for resolver in resolvers:
        answer = resolver.resolve(kind, artefact_id, revision)
        if answer is not None:
            return answer
    return Unresolved("not in the bundled knowledge base, and this version does not yet ask the Hub")


def resolve_all(artefacts: tuple[Artefact, ...], resolvers: tuple[Resolver, ...]) -> list[Subject]:
    return [_subject(artefact, resolvers) for artefact in artefacts]


def _subject(artefact: Artefact, resolvers: tuple[Resolver, ...]) -> Subject:
    resolution = resolve_one(resolvers, artefact.kind, artefact.id, artefact.revision)
    return Subject(artefact, resolution, tuple(_ancestors(artefact.id, resolution, resolvers)))


def _ancestors(root: str, resolution: Resolution, resolvers: tuple[Resolver, ...]) -> list[Ancestor]:
    """Base models and datasets, breadth first, each visited once, to MAX_LINEAGE_DEPTH."""
    found: list[Ancestor] = []
    seen = {root.lower()}
    frontier = [(root, resolution)]
    for _ in range(MAX_LINEAGE_DEPTH):
        next_frontier = []
        for child, child_resolution in frontier:
            if not isinstance(child_resolution, Resolved):
                continue
            for parent in child_resolution.terms.parents:
                if parent.id.lower() in seen:
                    continue
                seen.add(parent.id.lower())
                parent_resolution = resolve_one(resolvers, parent.kind, parent.id, None)
                found.append(Ancestor(parent, child, parent_resolution))
                next_frontier.append((parent.id, parent_resolution))
        frontier = next_frontier
    return found
