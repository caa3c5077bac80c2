"""The warnings for what a policy permits that no finding used: apart from `evaluate`, so that a scan that found
nothing judges its policy without loading what evaluating an artefact needs (the knowledge base, the resolvers)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from modelpolicy.model import Finding
from modelpolicy.policy import Policy, PolicyException


def unused_entries(policy: Policy, findings: Iterable[Finding], today: date | None = None) -> tuple[str, ...]:
    """Warnings for the `allow` entries, exceptions and clarifications no finding used: each is a permission
    nobody needs, or one that no longer matches."""
    applied = {key for finding in findings for key in finding.applied}
    warnings = [
        f"{entry.where}: allow entry {entry.expression} is unused: no artefact has that licence; remove it"
        for entry in policy.allow
        if entry.key not in applied
    ]
    warnings += [_unused_exception(e, today or date.today()) for e in policy.exceptions if e.key not in applied]
    warnings += [
        f"{clarification.where}: the clarification for {clarification.id} is unused: no scanned artefact at "
        f"revision {clarification.revision} has that id; update its revision or remove it"
        for clarification in policy.clarifications
        if clarification.key not in applied
    ]
    return tuple(warnings)


def _unused_exception(exception: PolicyException, today: date) -> str:
    if exception.expires is not None and exception.expires < today:
        why = f"it expired on {exception.expires.isoformat()}; renew it after review, or remove it"
    else:
        why = "nothing it matches needs it; remove it"
    return f"{exception.where}: the exception for {exception.id} is unused: {why}"
