"""The SARIF 2.1.0 report, for GitHub code scanning: one rule per concern code, one result per violation per reference.

Code scanning keeps an alert open across pushes by its fingerprint, so `partialFingerprints` hash what the alert is
about (rule, artefact, file) and not where the line is: moving a line keeps the alert, fixing it closes it. Waived
violations stay in the log as suppressed results, so the waiver is visible and auditable where the alert was.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from modelpolicy import __version__
from modelpolicy.model import Finding, Reference, Unreadable, Verdict, Violation
from modelpolicy.policy.changes import CODE, is_change
from modelpolicy.policy.concerns import CONCERNS, HARD_CONCERNS, UNREADABLE, Concern
from modelpolicy.report.columns import license_of
from modelpolicy.report.escape import escape_json
from modelpolicy.report.interface import Report
from modelpolicy.report.jsontext import indented

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://modelpolicy.dev/"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "modelpolicy/v1"
_RULES: tuple[Concern, ...] = (*CONCERNS.values(), *HARD_CONCERNS.values(), UNREADABLE)
_RULE_INDEX = {concern.code: index for index, concern in enumerate(_RULES)}
_LEVELS = {Verdict.FAIL: "error", Verdict.WARN: "warning", Verdict.PASS: "note"}


@dataclass(frozen=True)
class _Hit:
    """One violation of one finding at one of its references (None: the artefact has no reference)."""

    finding: Finding
    violation: Violation
    reference: Reference | None
    waived: bool

    @property
    def order(self) -> tuple[str | int, ...]:
        where = self.reference
        place = (where.path, where.line, where.column) if where else ("", 0, 0)
        return (*place, self.violation.code, self.finding.artefact.id)


def render(report: Report, *, color: bool = False) -> str:
    hits = sorted(_hits(report), key=lambda hit: hit.order)
    results = [_result(hit, fingerprint, report) for hit, fingerprint in zip(hits, _fingerprints(hits), strict=True)]
    results += [_unreadable(item) for item in report.unreadable]
    results += [_policy_changed(warning) for warning in report.warnings if is_change(warning)]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": _driver(report)},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"policy": report.policy.name, "context": report.policy.context.value},
            }
        ],
    }
    return escape_json(indented(log)) + "\n"


def _driver(report: Report) -> dict[str, Any]:
    return {
        "name": "modelpolicy",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [
            *(_rule(concern, report) for concern in _RULES),
            *([_POLICY_CHANGED_RULE] if any(is_change(w) for w in report.warnings) else []),  # `--since` only
        ],
    }


_POLICY_CHANGED_RULE: dict[str, Any] = {
    "id": CODE,
    "name": "PolicyChanged",
    "shortDescription": {"text": "Policy changed"},
    "fullDescription": {"text": "The policy is looser than at the --since REF: an exception, a rule, a preset."},
    "help": {
        "text": "Fix: have the change reviewed, or judge with --policy-from REF.",
        "markdown": "**Fix:** have the change reviewed, or judge with `--policy-from REF`.",
    },
    "defaultConfiguration": {"level": "warning"},
    "properties": {"tags": ["policy"]},
}


def _policy_changed(warning: str) -> dict[str, Any]:
    """A `policy-changed` warning (`file:line: message [policy-changed]`) as a result at that place."""
    file, line, message = _located(warning)
    region = {"region": {"startLine": line}} if line else {}
    location = {"artifactLocation": {"uri": _uri(file), "uriBaseId": SRCROOT}, **region} if file else None
    key = "\0".join((CODE, file or "", message))
    return {
        "ruleId": CODE,
        "ruleIndex": len(_RULES),
        "level": "warning",
        "message": {"text": message},
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]},
        **({"locations": [{"physicalLocation": location}]} if location else {}),
    }


def _located(warning: str) -> tuple[str | None, int | None, str]:
    """`file:line: message` split; a warning without a place is all message."""
    head, separator, message = warning.partition(": ")
    path, _, line = head.rpartition(":")
    if separator and path and line.isdigit():
        return path, int(line), message
    return None, None, warning


def _rule(concern: Concern, report: Report) -> dict[str, Any]:
    """A concern as a rule; its default level is what the report's policy decides for it."""
    hard = concern.code in HARD_CONCERNS
    decided = Verdict.FAIL if hard else _decided(concern, report)
    return {
        "id": concern.code,
        "name": "".join(word.capitalize() for word in concern.code.split("-")),
        "shortDescription": {"text": concern.code.replace("-", " ").capitalize()},
        "fullDescription": {"text": _description(concern)},
        "help": {"text": f"Fix: {concern.fix}.", "markdown": f"**Fix:** {concern.fix}."},
        "defaultConfiguration": {"level": _LEVELS[decided] if decided is not Verdict.PASS else "none"},
        "properties": {"tags": ["licence", "machine-learning", *(["unwaivable"] if hard else [])]},
    }


def _description(concern: Concern) -> str:
    if concern is UNREADABLE:
        return f"A file is flagged when {concern.reason}."
    return f"An artefact is flagged when {concern.reason}."


def _decided(concern: Concern, report: Report) -> Verdict:
    return report.policy.unreadable if concern is UNREADABLE else report.policy.rules[concern.code]


def _unreadable(item: Unreadable) -> dict[str, Any]:
    """A result at the file (at the line of its error, where known) that may name an artefact and was not read."""
    skipped = item.skipped
    region = {"region": {"startLine": skipped.line}} if skipped.line else {}
    key = "\0".join((UNREADABLE.code, skipped.path))
    return {
        "ruleId": UNREADABLE.code,
        "ruleIndex": _RULE_INDEX[UNREADABLE.code],
        "level": _LEVELS[item.verdict] if item.verdict is not Verdict.PASS else "note",
        "message": {"text": f"{skipped.reason}: {UNREADABLE.reason}. Fix: {UNREADABLE.fix}."},
        "partialFingerprints": {FINGERPRINT: hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]},
        "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": _uri(skipped.path), "uriBaseId": SRCROOT}, **region}}
        ],
    }


def _hits(report: Report) -> Iterator[_Hit]:
    for finding in report.findings:
        references: tuple[Reference | None, ...] = finding.artefact.references or (None,)
        for violation, waived in [*((v, False) for v in finding.violations), *((v, True) for v in finding.waived)]:
            for reference in references:
                yield _Hit(finding, violation, reference, waived)


def _fingerprints(hits: list[_Hit]) -> list[str]:
    """Hash of rule, artefact and file, plus the hit's rank among its like in that file: no line, no column."""
    seen: Counter[tuple[str, ...]] = Counter()
    fingerprints = []
    for hit in hits:
        artefact = hit.finding.artefact
        key = (hit.violation.code, artefact.kind.value, artefact.id, hit.reference.path if hit.reference else "")
        fingerprints.append(
            hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8", "surrogateescape")).hexdigest()[:32]
        )
        seen[key] += 1
    return fingerprints


def _result(hit: _Hit, fingerprint: str, report: Report) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": hit.violation.code,
        "ruleIndex": _RULE_INDEX[hit.violation.code],
        "level": _LEVELS[hit.violation.severity],
        "message": {"text": _message(hit)},
        "partialFingerprints": {FINGERPRINT: fingerprint},
        "properties": {"artefact": _label(hit.finding), "kind": hit.finding.artefact.kind.value},
    }
    if hit.reference:
        result["locations"] = [_location(hit.reference)]
    if hit.waived:
        result["suppressions"] = [_suppression(hit, report)]
    return result


def _label(finding: Finding) -> str:
    artefact = finding.artefact
    return artefact.id + (f"@{artefact.revision}" if artefact.revision else "")


def _message(hit: _Hit) -> str:
    finding, violation = hit.finding, hit.violation
    licence = license_of(finding) or "an unknown licence"
    text = f"{finding.artefact.kind.value} {_label(finding)} under {licence}: {violation.message}."
    if violation.severity is Verdict.FAIL and not hit.waived:
        text += f" Fix: {violation.fix}."
        text += "".join(f" Lineage: {step}." for step in finding.lineage)
    return text


def _location(reference: Reference) -> dict[str, Any]:
    """SARIF columns count from 1; ours from 0. The path becomes a relative URI reference: every character but
    letters, digits, `-._~` and `/` percent-encoded, so that `#`, `?`, `%`, a space or a `:` stays part of the path."""
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": _uri(reference.path), "uriBaseId": SRCROOT},
            "region": {"startLine": reference.line, "startColumn": reference.column + 1},
        }
    }


def _uri(path: str) -> str:
    """A relative path as a URI reference: `#`, `?`, `%` and spaces stay part of it; the bytes of a name that is not
    UTF-8 are percent-encoded as they are on disk."""
    return quote(path.encode("utf-8", "surrogateescape"), safe="/")


def _suppression(hit: _Hit, report: Report) -> dict[str, str]:
    """An inline `# modelpolicy: ignore[...]` on the reference's line is `inSource`; an exception, `external`."""
    where = hit.reference
    for suppression in report.suppressions:
        if (
            where
            and suppression.honoured
            and (suppression.path, suppression.line) == (where.path, where.line)
            and (not suppression.codes or hit.violation.code in suppression.codes)
        ):
            return {"kind": "inSource", "status": "accepted", "justification": suppression.reason}
    by = hit.finding.waived_by or "an inline suppression"
    return {"kind": "external", "status": "accepted", "justification": f"waived by {by}"}
