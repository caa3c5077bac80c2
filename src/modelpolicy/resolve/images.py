"""Terms of model-server container images, whose licence depends on the version in the tag."""

from __future__ import annotations

from modelpolicy.knowledge import KnowledgeBase, server_licenses, version_key
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Weights


def split_image(reference: str) -> tuple[str, str | None]:
    """`registry/name:tag@digest` as (registry/name, tag); a registry port is not a tag."""
    name = reference.split("@", 1)[0]
    head, _, tail = name.rpartition(":")
    if head and "/" not in tail:
        return head, tail
    return name, None


class ImageResolver:
    name = "knowledge"

    def __init__(self, knowledge: KnowledgeBase | None = None) -> None:
        self.knowledge = knowledge or load_knowledge()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        if kind is not Kind.IMAGE:
            return None
        image, tag = split_image(artefact_id)
        server = self.knowledge.server(image)
        if server is None:
            return None
        ranges = server_licenses(server, tag)
        licences = sorted({r.license for r in ranges})
        if version_key(tag or "") is None:
            spans = "; ".join(f"{r.license} from {r.since or 'the start'} until {r.until or 'now'}" for r in ranges)
            note = f"unknown version ({tag or 'no tag'}): it could be {spans}; judged as the strictest; pin a version"
        else:
            note = f"{server.name} {tag}: {ranges[0].evidence}" if ranges else f"{server.name} {tag}"
        return Resolved(
            Terms(
                license=" AND ".join(licences) if licences else None,
                weights=Weights.UNAVAILABLE,
                training_data=TrainingData.UNAVAILABLE,
                source=self.name,
                note=note,
            )
        )
