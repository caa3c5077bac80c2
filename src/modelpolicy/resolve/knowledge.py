"""Terms from the bundled knowledge base: curated models and datasets, hosted APIs, model servers."""

from __future__ import annotations

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import KnownArtefact
from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Weights


class KnowledgeResolver:
    name = "knowledge"

    def __init__(self, knowledge: KnowledgeBase | None = None) -> None:
        self.knowledge = knowledge or load_knowledge()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        if kind is Kind.API:
            return self._api(artefact_id)
        known = self.knowledge.artefact(kind, artefact_id)
        if known is None:
            return None
        history = tuple(f"{change.license} until {change.until} ({change.evidence})" for change in known.history)
        return Resolved(
            Terms(
                license=known.license,
                weights=known.weights,
                training_data=known.training_data,
                source=self.name,
                output=known.output,
                note=_moved(known, artefact_id) + _note(known),
                parents=known.parents,
                history=history,
            )
        )

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
