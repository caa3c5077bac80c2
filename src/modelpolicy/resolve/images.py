"""Terms of model-server container images, whose licence depends on the release the tag names."""

from __future__ import annotations

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import ModelServer
from modelpolicy.knowledge.servers import ImageName, Pin, Reading, read_tag
from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Weights


def split_image(reference: str) -> tuple[str, str | None]:
    """`registry/name:tag@digest` as (registry/name, tag); a registry port is not a tag."""
    name, _, _ = reference.partition("@")
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
        image = ImageName.parse(artefact_id)
        server = self.knowledge.server(image.repository)
        if server is None:
            return None
        reading = read_tag(server, image)
        licences = sorted({v.license for v in reading.versions})
        return Resolved(
            Terms(
                license=" AND ".join(f"({x})" if " " in x and len(licences) > 1 else x for x in licences) or None,
                weights=Weights.UNAVAILABLE,
                training_data=TrainingData.UNAVAILABLE,
                source=self.name,
                note=_note(server, image, reading),
            )
        )


def _note(server: ModelServer, image: ImageName, reading: Reading) -> str:
    """What the tag was read as, and the evidence of the licence it stands for."""
    spans = "; ".join(f"{v.license} from {v.since or 'the start'} until {v.until or 'now'}" for v in reading.versions)
    written = image.tag or (f"@{image.digest}" if image.digest else "no tag")
    if reading.pin is Pin.BUILD:
        return f"unknown version ({written}): it could be {spans}; judged as the strictest; pin a release tag"
    if reading.pin is Pin.FLOATING:
        return (
            f"unpinned image ({written}): judged by the newest release known ({spans}); "
            f"pin a release tag of {server.name}"
        )
    evidence = "; ".join(v.evidence for v in reading.versions)
    return f"{server.name} {written}: {evidence}"
