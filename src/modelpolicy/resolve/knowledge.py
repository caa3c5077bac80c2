"""Terms from the bundled knowledge base: curated models and datasets, hosted APIs, model servers.

An entry answers first, and for good, when its evidence was re-read and it can tell the terms at the revision the
code names: no revision (or `main`), a revision its licence history places (`changed_in`, `commits`), or any
revision of an entry whose licence never changed. Otherwise it defers to the later sources, the Hub's card at that
revision above all, and `KnowledgeFallback` settles what they say:

- an entry whose evidence was not re-read (`reread = false`) loses to the Hub's card; its licence becomes a note
  where the two disagree, and its curated lineage is kept. When no card could be read (offline, not found), the
  entry is used, saying it is of low confidence;
- a revision the history cannot place, with no card read at it, is judged under every licence the artefact has had
  (all of them apply: the strictest decides), with a note.

Online, the Hub's card of a model or dataset the code names is read even where a re-read entry answered
(`KnowledgeFallback.beside_live_card`): the entry still decides (its evidence was re-read), and where the card's
licence differs from the entry's, a note says what the card says, at which revision, and what to do. A card that
says what the entry already notes it overrides (`hub_license`) adds nothing; one that cannot be read changes nothing.
"""

from __future__ import annotations

from dataclasses import replace

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import KnownArtefact
from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Weights
from modelpolicy.resolve.interface import CardReader

_HEAD = frozenset({"main"})
_MIN_COMMIT_PREFIX = 7


class KnowledgeResolver:
    name = "knowledge"

    def __init__(self, knowledge: KnowledgeBase | None = None) -> None:
        self.knowledge = knowledge or load_knowledge()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        if kind is Kind.API:
            return self._api(artefact_id)
        known = self.knowledge.artefact(kind, artefact_id)
        if known is None or not known.reread:
            return None
        license_ = license_at(known, revision)
        if license_ is None:
            return None
        return Resolved(curated_terms(known, artefact_id, license_, revision))

    def _api(self, model_name: str) -> Resolution | None:
        provider = self.knowledge.provider(model_name, contextual=True)
        if provider is None:
            return None
        return Resolved(
            Terms(
                license=provider.license,
                weights=Weights.UNAVAILABLE,
                training_data=TrainingData.UNAVAILABLE,
                source=self.name,
                note=f"hosted by {provider.name}",
            )
        )


class KnowledgeFallback:
    """Settles the answer of the sources after the knowledge base for the entries it deferred (see the module's
    docstring). It answers nothing on its own (`resolve` is None): `resolve.resolve_one` hands it the answer."""

    name = "knowledge"

    def __init__(self, knowledge: KnowledgeBase | None = None, cards: tuple[CardReader, ...] = ()) -> None:
        self.knowledge = knowledge or load_knowledge()
        self.cards = cards  # what reads a card live, to compare with a re-read entry's terms; none: no comparison

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        return None

    def wants_card(self, kind: Kind, artefact_id: str, revision: str | None, answer: Resolution | None) -> bool:
        """Whether `answer` is a re-read entry's terms, which `beside_live_card` compares with the live card."""
        return (
            bool(self.cards)
            and kind in (Kind.MODEL, Kind.DATASET)
            and isinstance(answer, Resolved)
            and answer.terms.source == KnowledgeResolver.name
            and (known := self.knowledge.artefact(kind, artefact_id)) is not None
            and known.reread
        )

    def beside_live_card(self, kind: Kind, artefact_id: str, revision: str | None, answer: Resolution) -> Resolution:
        """`answer`, a re-read entry's terms, with a note where the live card's licence differs from them."""
        known = self.knowledge.artefact(kind, artefact_id)
        if (
            known is None
            or not isinstance(answer, Resolved)
            or not self.wants_card(kind, artefact_id, revision, answer)
        ):
            return answer
        card = next((c for reader in self.cards if (c := reader.card(kind, artefact_id, revision)) is not None), None)
        if card is None or card.license is None or self._agrees(known, answer.terms, card.license):
            return answer
        at = revision or "main"
        if card.revision and not card.revision.lower().startswith(at.lower()):
            at += f" (commit {card.revision[:12]})"
        said = (
            f"the Hub's card at {at} says {card.license}, and the knowledge base {answer.terms.license}: the knowledge "
            "base decides (its evidence was re-read); if the card is right, update the knowledge base "
            "(knowledge/artefacts.toml) or add an exception to the policy"
        )
        note = f"{answer.terms.note}; {said}" if answer.terms.note else said
        return Resolved(replace(answer.terms, note=note, live_card=said))

    def _agrees(self, known: KnownArtefact, terms: Terms, card_license: str) -> bool:
        """Whether the card says the entry's licence, or what the entry already notes it overrides (`hub_license`)."""
        said = [terms.license or ""]
        if not same_license(known.hub_license, known.license, self.knowledge):
            said.append(known.hub_license)
        return any(same_license(card_license, license_, self.knowledge) for license_ in said if license_)

    def settle(
        self, kind: Kind, artefact_id: str, revision: str | None, answer: Resolution | None
    ) -> Resolution | None:
        """`answer` (None: no source had one), or what replaces it or is added to it for a deferred entry."""
        known = self.knowledge.artefact(kind, artefact_id) if kind in (Kind.MODEL, Kind.DATASET) else None
        if known is None or (isinstance(answer, Resolved) and answer.terms.source == KnowledgeResolver.name):
            return answer
        if isinstance(answer, Resolved):
            return Resolved(_beside_card(known, answer.terms, revision))
        why = f"no card was read ({answer.reason})" if answer else "no card was read (the Hub was not asked)"
        placed = license_at(known, revision)
        if placed is None:
            return Resolved(_every_licence(known, artefact_id, revision or "", why))
        caveat = f"low confidence: this entry's evidence was not re-read and {why}; "
        return Resolved(curated_terms(known, artefact_id, placed, revision, caveat=caveat))


def same_license(one: str, other: str, knowledge: KnowledgeBase) -> bool:
    """Whether two licence expressions say the same, whatever the spelling of their ids (as the policy compares
    them: each id by its family's key, the expression in its normal form)."""
    from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives

    def normal(expression: str) -> frozenset[frozenset[str]]:
        return frozenset(frozenset(_canonical(key, knowledge) for key in branch) for branch in alternatives(expression))

    try:
        return normal(one) == normal(other)
    except ExpressionSyntaxError:
        return one.strip().lower() == other.strip().lower()


def _canonical(license_id: str, knowledge: KnowledgeBase) -> str:
    family = knowledge.family(license_id)
    return family.key if family else license_id.lower()


def license_at(known: KnownArtefact, revision: str | None) -> str | None:
    """The licence at `revision` as the entry's history tells it; None when it cannot place that revision."""
    if revision is None or revision in _HEAD or not known.history:
        return known.license
    commit = revision.lower()
    if len(commit) < _MIN_COMMIT_PREFIX:
        return None
    licences = [change.license for change in known.history] + [known.license]
    for index, change in enumerate(known.history):
        if any(_same_commit(commit, c) for c in change.commits):
            return change.license
        if change.changed_in and _same_commit(commit, change.changed_in):
            return licences[index + 1]
    return None


def _same_commit(revision: str, known: str) -> bool:
    """Whether two spellings of a commit (a full sha or a prefix of at least seven digits) name the same one."""
    known = known.lower()
    return len(known) >= _MIN_COMMIT_PREFIX and (revision.startswith(known) or known.startswith(revision))


def curated_terms(known: KnownArtefact, asked: str, license_: str, revision: str | None, *, caveat: str = "") -> Terms:
    """The entry's terms with `license_`, the licence at `revision`; `caveat` opens its note."""
    pinned = revision is not None and revision not in _HEAD and license_ != known.license
    note = caveat + (f"at revision {revision}: {license_}, before it changed to {known.license}; " if pinned else "")
    return Terms(
        license=license_,
        weights=known.weights,
        training_data=known.training_data,
        source=KnowledgeResolver.name,
        output=None if pinned else known.output,
        note=_moved(known, asked) + note + _note(known),
        parents=known.parents,
        history=_history(known),
        revision=revision if pinned else None,
    )


def _beside_card(known: KnownArtefact, card: Terms, revision: str | None) -> Terms:
    """The Hub's card's terms, with the entry's licence as a note where they disagree, and its curated lineage."""
    expected = license_at(known, revision)
    note = card.note
    if expected is not None and (card.license or "").lower() != expected.lower():
        said = f"the knowledge base says {expected} ({known.evidence}"
        said += ", not re-read)" if not known.reread else ")"
        note = f"{note}; " if note else ""
        note += f"{said}; the Hub's card (the licence here) applies"
    named = {(p.kind, p.id.lower()) for p in card.parents}
    parents = card.parents + tuple(p for p in known.parents if (p.kind, p.id.lower()) not in named)
    return replace(card, note=note, parents=parents, history=card.history or _history(known))


def _every_licence(known: KnownArtefact, asked: str, revision: str, why: str) -> Terms:
    licences = list(dict.fromkeys([*(change.license for change in known.history), known.license]))
    terms = curated_terms(known, asked, known.license, None)
    note = (
        f"revision {revision} is not placed in the knowledge base's licence history and {why}: judged under every "
        f"licence it has had ({', '.join(licences)}), the strictest deciding; "
    )
    expression = " AND ".join(f"({x})" if " " in x else x for x in licences)
    return replace(terms, license=expression, output=None, note=note + terms.note)


def _history(known: KnownArtefact) -> tuple[str, ...]:
    return tuple(f"{change.license} until {change.until} ({change.evidence})" for change in known.history)


def _moved(known: KnownArtefact, asked: str) -> str:
    """`moved to NEW; ` when the code names a repository by a name it had before (`gpt2`)."""
    return "" if known.id.lower() == asked.lower() else f"moved to {known.id}; "


def _note(known: KnownArtefact) -> str:
    """The entry's note and, where the curated licence overrides what the Hub's card says, both."""
    if known.hub_license.lower() == (known.license or "").lower():
        return known.note
    hub = known.hub_license or "no licence"
    override = f"The Hub's card says {hub}; the curated terms ({known.license}) apply: {known.evidence}."
    return f"{override} {known.note}".strip()
