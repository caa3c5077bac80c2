"""The Weights / Training data / Output scale, in words a reader of the table understands."""

from __future__ import annotations

from modelpolicy.model import Finding, OutputRights, Resolved, TrainingData, Weights

OUTPUT_WORDS = {
    OutputRights.UNRESTRICTED: "user owns outputs",
    OutputRights.CONDITIONAL: "commercial use with conditions",
    OutputRights.NON_COMMERCIAL: "no commercial use",
    OutputRights.UNKNOWN: "unknown",
}


def license_of(finding: Finding) -> str | None:
    resolution = finding.resolution
    return resolution.terms.license if isinstance(resolution, Resolved) else None


def weights_of(finding: Finding) -> Weights:
    resolution = finding.resolution
    return resolution.terms.weights if isinstance(resolution, Resolved) else Weights.UNKNOWN


def training_data_of(finding: Finding) -> TrainingData:
    resolution = finding.resolution
    return resolution.terms.training_data if isinstance(resolution, Resolved) else TrainingData.UNKNOWN


def source_of(finding: Finding) -> str | None:
    resolution = finding.resolution
    return resolution.terms.source if isinstance(resolution, Resolved) else None
