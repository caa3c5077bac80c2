"""Terms of Ollama library models: the licence of the upstream model the library entry packages, by size where the
terms differ by size (`qwen2.5:3b`). A name the table does not know resolves Unresolved: judged like any unknown."""

from __future__ import annotations

from modelpolicy.discover.ollama import parse
from modelpolicy.knowledge import KnowledgeBase, ollama_tag
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Unresolved, Weights


class OllamaResolver:
    name = "knowledge"

    def __init__(self, knowledge: KnowledgeBase | None = None) -> None:
        self.knowledge = knowledge or load_knowledge()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        if kind is not Kind.OLLAMA:
            return None
        found = parse(artefact_id)
        if found is None:
            return Unresolved(f"`{artefact_id}` is not an Ollama model name")
        if found.namespace is not None:
            return Unresolved(f"`{artefact_id}` is a community model of the Ollama registry, whose terms are not known")
        model = self.knowledge.ollama(found.name)
        if model is None:
            return Unresolved(f"`{found.name}` is not in the bundled table of the Ollama library")
        sized = ollama_tag(model, found.tag)
        terms = sized or model
        return Resolved(
            Terms(
                license=terms.license,
                weights=Weights.OPEN,
                training_data=TrainingData.UNKNOWN,
                source=self.name,
                note=f"Ollama library `{model.name}` packages {terms.upstream}: {terms.evidence}",
            )
        )
