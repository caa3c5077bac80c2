"""Findings for the report tests: a model found at given places, under a non-commercial licence, failing or
warning as its violations say."""

from __future__ import annotations

from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    OutputRights,
    Reference,
    Resolved,
    Terms,
    TrainingData,
    Verdict,
    Violation,
    Weights,
)


def reference(path: str, line: int, column: int = 4) -> Reference:
    return Reference(path, line, column, "x", Kind.MODEL, "python", "from_pretrained")


def finding(
    artefact_id: str,
    *references: Reference,
    violations: tuple[Violation, ...] = (),
    revision: str | None = None,
    new: bool = True,
) -> Finding:
    terms = Terms("cc-by-nc-4.0", Weights.OPEN, TrainingData.UNKNOWN, "knowledge")
    return Finding(
        artefact=Artefact(Kind.MODEL, artefact_id, revision, references),
        resolution=Resolved(terms),
        output=OutputRights.NON_COMMERCIAL,
        verdict=max((v.severity for v in violations), key=lambda v: v.rank, default=Verdict.PASS),
        violations=violations,
        new=new,
    )
