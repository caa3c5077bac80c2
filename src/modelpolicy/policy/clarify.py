"""Clarifications: the licence a team asserts for an artefact the Hub gets wrong or leaves empty. Each is pinned
to a revision, so that a new upstream revision is read again instead of silently keeping the team's word."""

from __future__ import annotations

from dataclasses import replace

from modelpolicy.model import Kind, Resolution, Resolved, Terms, TrainingData, Weights
from modelpolicy.policy import Clarification, Policy, revision_pin
from modelpolicy.resolve import Adjust


def clarifier(policy: Policy) -> Adjust | None:
    """What `resolve_all` calls on each resolution, or None when the policy clarifies nothing."""
    if not policy.clarifications:
        return None

    def adjust(kind: Kind, artefact_id: str, revision: str | None, resolution: Resolution) -> Resolution:
        for clarification in policy.clarifications:
            if clarification.id.lower() == artefact_id.lower():
                return _clarified(clarification, revision, resolution)
        return resolution

    return adjust


def _clarified(clarification: Clarification, revision: str | None, resolution: Resolution) -> Resolution:
    terms = resolution.terms if isinstance(resolution, Resolved) else None
    now = revision_pin(clarification.revision, revision, resolution)
    if now is not None:
        if terms is None:
            return resolution
        note = (
            f"the clarification at {clarification.where} is pinned to revision {clarification.revision}, and this is "
            f"{now or 'an unknown revision'}: review the licence and update the pin"
        )
        return Resolved(replace(terms, note="; ".join(filter(None, (terms.note, note)))))
    if terms is None:
        terms = Terms(None, Weights.UNKNOWN, TrainingData.UNKNOWN, source="", revision=revision)
    return Resolved(replace(terms, license=clarification.license, source=clarification.source, output=None))
