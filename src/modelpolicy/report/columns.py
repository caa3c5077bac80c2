"""The Weights / Training data / Output scale, in words a reader of the table understands."""

from __future__ import annotations

from modelpolicy.model import Finding, Kind, OutputRights, Resolved, TrainingData, Weights

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


# Kinds the Weights and Training data columns say nothing about: a dataset has no weights, and is the data.
_NOT_A_MODEL = {Kind.DATASET}
NOT_APPLICABLE = "-"
# The concern that says the outputs' use is restricted: beside it, the Output column cannot say the user owns them.
_OUTPUT_RESTRICTED = "output-restrictions"
RESTRICTED_OUTPUT = "user owns, uses restricted"


def weights_cell(finding: Finding) -> str:
    return NOT_APPLICABLE if finding.artefact.kind in _NOT_A_MODEL else weights_of(finding).value


def training_data_cell(finding: Finding) -> str:
    return NOT_APPLICABLE if finding.artefact.kind in _NOT_A_MODEL else training_data_of(finding).value


def output_cell(finding: Finding) -> str:
    """The Output column, in agreement with the findings: outputs the user owns, but whose use the terms restrict,
    are not shown as simply owned."""
    restricted = any(v.code == _OUTPUT_RESTRICTED for v in (*finding.violations, *finding.waived))
    if finding.output is OutputRights.UNRESTRICTED and restricted:
        return RESTRICTED_OUTPUT
    return OUTPUT_WORDS[finding.output]
