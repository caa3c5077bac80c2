"""Resolution: ask each resolver in turn for an artefact's terms, then walk its lineage.

A card may name as its base model or dataset something that is not a Hub id: a local path (`./ckpt`), a URL, free
text. No resolver is asked about it (the Hub would refuse the id, on every run): it resolves to an `Unresolved`
that says so (`unidentified`), which `lock` records like any answer, and the policy judges as unknown.

Lineage is followed at most MAX_LINEAGE_BREADTH parents per artefact (in the order its card names them) and
MAX_LINEAGE_DEPTH generations deep: a card that names 20 base models, each naming 20 more, would otherwise cost
thousands of Hub requests. A parent past either limit is not asked about; it is an ancestor whose resolution is
`NotFollowed`, saying which limit it passed, and the policy raises `unknown` for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from modelpolicy.discover.identity import is_hub_id, library_owned
from modelpolicy.model import Artefact, Kind, Parent, Resolution, Resolved, Unresolved
from modelpolicy.resolve.images import ImageResolver
from modelpolicy.resolve.interface import CardReader, NotFollowed, Resolver
from modelpolicy.resolve.knowledge import KnowledgeFallback, KnowledgeResolver
from modelpolicy.resolve.ollama import OllamaResolver

MAX_LINEAGE_DEPTH = 4  # generations of base models and datasets followed above an artefact
MAX_LINEAGE_BREADTH = 6  # base models and datasets followed per artefact
Key = tuple[Kind, str, "str | None"]  # kind, id, revision


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


def default_resolvers(*network: Resolver, live_cards: bool = True) -> tuple[Resolver, ...]:
    """The bundled knowledge base first (its curated rows win), then the local Hugging Face cache, the model-server
    images and the Ollama library, then `network` resolvers (the Hub) for what is left; last the knowledge base's
    fallback, which settles what they said about the entries it deferred (`resolve.knowledge`) and, with
    `live_cards`, compares the entries that answered with the cards `network` reads (not for a lockfile: it records
    the terms that decide, and is written the same online and offline)."""
    from modelpolicy.resolve.hf_cache import LocalHubCacheResolver

    knowledge = KnowledgeResolver()
    cards = tuple(r for r in network if isinstance(r, CardReader)) if live_cards else ()
    return (
        knowledge,
        LocalHubCacheResolver(),
        ImageResolver(),
        OllamaResolver(),
        *network,
        KnowledgeFallback(knowledge.knowledge, cards),
    )


def unidentified(kind: Kind, artefact_id: str) -> Unresolved | None:
    """Why a model or dataset named as `artefact_id` cannot be resolved when it is not a Hub id; None when it is one
    (or when `kind` has other ids)."""
    if kind not in (Kind.MODEL, Kind.DATASET) or is_hub_id(artefact_id):
        return None
    return Unresolved(f"{'base model' if kind is Kind.MODEL else 'dataset'} `{artefact_id}` is not a Hub id")


def resolve_one(resolvers: tuple[Resolver, ...], kind: Kind, artefact_id: str, revision: str | None) -> Resolution:
    not_an_id = unidentified(kind, artefact_id)
    if not_an_id is not None:
        return not_an_id
    answer = next((a for r in resolvers if (a := r.resolve(kind, artefact_id, revision)) is not None), None)
    answer = _settled(resolvers, (kind, artefact_id, revision), answer)
    if answer is not None:
        return answer
    return Unresolved("not in the bundled knowledge base or the local Hugging Face cache, and the Hub was not asked")


def _settled(resolvers: tuple[Resolver, ...], key: Key, answer: Resolution | None) -> Resolution | None:
    """`answer` as the knowledge base's fallback settles it (for the entries the knowledge base deferred)."""
    for fallback in _fallbacks(resolvers):
        answer = fallback.settle(*key, answer)
    return answer


Adjust = Callable[[Kind, str, "str | None", Resolution], Resolution]


def resolve_all(
    artefacts: tuple[Artefact, ...], resolvers: tuple[Resolver, ...], adjust: Adjust | None = None
) -> list[Subject]:
    """Each artefact with its lineage. Resolvers that can (`prefetch`) are first asked, side by side, for every
    artefact of a generation the others do not answer: the artefacts, then their parents, and so on. `adjust`
    sees each resolution before it is used: the policy's clarifications correct licences there."""
    memo: dict[Key, Resolution] = {}
    named = [asked(a.kind, a.id, a.revision) for a in artefacts]
    generation = named
    for depth in range(MAX_LINEAGE_DEPTH + 1):  # the artefacts, then MAX_LINEAGE_DEPTH generations of parents
        memo |= {key: found for key in generation if key not in memo and (found := unidentified(*key[:2]))}
        _prefetch(resolvers, [key for key in dict.fromkeys(generation) if key not in memo], memo, cards=depth == 0)
        parents = []
        for key in dict.fromkeys(generation):
            if key not in memo:
                memo[key] = resolve_one(resolvers, *key)
            resolution = memo[key]
            if isinstance(resolution, Resolved):
                parents += [(parent.kind, parent.id, None) for parent in followed(resolution)]
        generation = [key for key in parents if key not in memo]
        if not generation:
            break
    for key in dict.fromkeys(named):
        memo[key] = _beside_live_card(resolvers, key, memo[key])

    adjusted: dict[Key, Resolution] = {}

    def resolved(kind: Kind, artefact_id: str, revision: str | None) -> Resolution:
        key = asked(kind, artefact_id, revision)
        if key not in adjusted:
            found = memo[key] if key in memo else resolve_one(resolvers, *key)
            found = _loaded_as(artefact_id, key[1], found)
            adjusted[key] = adjust(kind, artefact_id, revision, found) if adjust else found
        return adjusted[key]

    return [_subject(artefact, resolved) for artefact in artefacts]


def asked(kind: Kind, artefact_id: str, revision: str | None) -> Key:
    """What is asked for an artefact: the repository a library loads for an owner-less name it owns
    (`SentenceTransformer("all-MiniLM-L6-v2")` loads `sentence-transformers/all-MiniLM-L6-v2`), else the id itself.
    Reports, lockfiles and exceptions keep the id as the code writes it."""
    owned = library_owned(artefact_id) if kind is Kind.MODEL else None
    return (kind, owned or artefact_id, revision)


def _loaded_as(written: str, loaded: str, resolution: Resolution) -> Resolution:
    """`resolution` saying which repository was asked, where it is not the id as written."""
    if written == loaded or not isinstance(resolution, Resolved):
        return resolution
    terms = resolution.terms
    return Resolved(replace(terms, note=f"loaded as {loaded}; {terms.note}".strip().rstrip(";")))


def _prefetch(resolvers: tuple[Resolver, ...], keys: list[Key], memo: dict[Key, Resolution], *, cards: bool) -> None:
    """Answer `keys` from the resolvers before the first one that can prefetch (into `memo`), and have that one
    fetch, side by side, the keys they leave and, with `cards`, the cards of those a re-read entry answered (which
    `_beside_live_card` compares)."""
    for index, resolver in enumerate(resolvers):
        prefetch = getattr(resolver, "prefetch", None)
        if prefetch is None:
            continue
        left, compared = [], []
        for key in keys:
            answer = next((a for r in resolvers[:index] if (a := r.resolve(*key)) is not None), None)
            if answer is None:
                left.append(key)
                continue
            memo[key] = _settled(resolvers, key, answer) or answer
            if cards and any(f.wants_card(*key, memo[key]) for f in _fallbacks(resolvers)):
                compared.append(key)
        prefetch(left, cards=compared)
        return


def _fallbacks(resolvers: tuple[Resolver, ...]) -> list[KnowledgeFallback]:
    return [r for r in resolvers if isinstance(r, KnowledgeFallback)]


def _beside_live_card(resolvers: tuple[Resolver, ...], key: Key, answer: Resolution) -> Resolution:
    """`answer` with what the live card says beside it, where a re-read entry gave it (`resolve.knowledge`)."""
    for fallback in _fallbacks(resolvers):
        answer = fallback.beside_live_card(*key, answer)
    return answer


Lookup = Callable[[Kind, str, "str | None"], Resolution]


def _subject(artefact: Artefact, resolved: Lookup) -> Subject:
    resolution = resolved(artefact.kind, artefact.id, artefact.revision)
    return Subject(artefact, resolution, tuple(_ancestors(artefact.id, resolution, resolved)))


def followed(resolution: Resolution) -> tuple[Parent, ...]:
    """The parents of `resolution` whose lineage is followed: the first MAX_LINEAGE_BREADTH its card names."""
    return resolution.terms.parents[:MAX_LINEAGE_BREADTH] if isinstance(resolution, Resolved) else ()


def _ancestors(root: str, resolution: Resolution, resolved: Lookup) -> list[Ancestor]:
    """Base models and datasets, breadth first, each visited once (a cycle ends there), to MAX_LINEAGE_DEPTH; those
    past MAX_LINEAGE_BREADTH or MAX_LINEAGE_DEPTH are listed as `NotFollowed`, unasked."""
    found: list[Ancestor] = []
    seen = {root.lower()}
    frontier = [(root, resolution)]
    for depth in range(MAX_LINEAGE_DEPTH + 1):
        next_frontier = []
        for child, child_resolution in frontier:
            if not isinstance(child_resolution, Resolved):
                continue
            parents = child_resolution.terms.parents
            for index, parent in enumerate(parents):
                if parent.id.lower() in seen:
                    continue
                seen.add(parent.id.lower())
                if depth == MAX_LINEAGE_DEPTH or index >= MAX_LINEAGE_BREADTH:
                    found.append(Ancestor(parent, child, _not_followed(child, len(parents), depth)))
                    continue
                parent_resolution = resolved(parent.kind, parent.id, None)
                found.append(Ancestor(parent, child, parent_resolution))
                next_frontier.append((parent.id, parent_resolution))
        frontier = next_frontier
    return found


def _not_followed(child: str, parents: int, depth: int) -> NotFollowed:
    if depth == MAX_LINEAGE_DEPTH:
        return NotFollowed(f"lineage deeper than {MAX_LINEAGE_DEPTH} generations: not followed past {child}")
    return NotFollowed(
        f"lineage broader than {MAX_LINEAGE_BREADTH}: {child} names {parents} base models and datasets, "
        f"the first {MAX_LINEAGE_BREADTH} followed"
    )
