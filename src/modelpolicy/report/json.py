"""The JSON report, `modelpolicy.report/2`: a public interface. Add fields freely; never remove or rename one.

Version 2 added `obligations` to each artefact (version 1 documents are version 2 documents without them)."""

from __future__ import annotations

from typing import Any

from modelpolicy.model import Finding, Obligation, Resolved, Unresolved, Verdict
from modelpolicy.policy.concerns import UNREADABLE
from modelpolicy.report.columns import license_of, source_of, training_data_of, weights_of
from modelpolicy.report.escape import escape_json
from modelpolicy.report.interface import Report
from modelpolicy.report.jsontext import indented

SCHEMA = "modelpolicy.report/2"


def render(report: Report, *, color: bool = False) -> str:
    document = {
        "schema": SCHEMA,
        "policy": {
            "name": report.policy.name,
            "source": report.policy.source,
            "context": report.policy.context,
        },
        "verdict": report.verdict.value,
        "since": report.since,
        "artefacts": [_artefact(f) for f in report.findings],
        "summary": {
            "artefacts": len(report.findings),
            **{v.value: report.count(v) for v in Verdict},
            "files_read": report.files_read,
            "skipped": len(report.skipped),
        },
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "unreadable": [
            {
                "path": u.skipped.path,
                "line": u.skipped.line,
                "reason": u.skipped.reason,
                "code": UNREADABLE.code,
                "verdict": u.verdict.value,
                "new": u.new,
                "message": UNREADABLE.reason,
                "fix": UNREADABLE.fix,
            }
            for u in report.unreadable
        ],
        "dynamic": [
            {"path": r.path, "line": r.line, "column": r.column, "kind": r.kind.value, "text": r.text, "form": r.form}
            for r in report.dynamic
        ],
        "warnings": list(report.warnings),
        "suppressions": [
            {"path": s.path, "line": s.line, "codes": sorted(s.codes), "reason": s.reason, "honoured": s.honoured}
            for s in report.suppressions
        ],
    }
    return escape_json(indented(document)) + "\n"


def _artefact(finding: Finding) -> dict[str, Any]:
    artefact = finding.artefact
    resolution = finding.resolution
    return {
        "kind": artefact.kind.value,
        "id": artefact.id,
        "revision": artefact.revision,
        "license": license_of(finding),
        "terms": {
            "weights": weights_of(finding).value,
            "training_data": training_data_of(finding).value,
            "output": finding.output.value,
        },
        "source": source_of(finding),
        "note": resolution.terms.note or None if isinstance(resolution, Resolved) else None,
        "unresolved": resolution.reason if isinstance(resolution, Unresolved) else None,
        "history": list(resolution.terms.history) if isinstance(resolution, Resolved) else [],
        "lineage": list(finding.lineage),
        "verdict": finding.verdict.value,
        "new": finding.new,
        "violations": [
            {"code": v.code, "severity": v.severity.value, "message": v.message, "fix": v.fix}
            for v in finding.violations
        ],
        "waived": [{"code": v.code, "message": v.message} for v in finding.waived],
        "waived_by": finding.waived_by or None,
        "notes": list(finding.notes),
        "references": [
            {"path": r.path, "line": r.line, "column": r.column, "text": r.text, "form": r.form}
            for r in artefact.references
        ],
        "obligations": [_obligation(o) for o in finding.obligations],
    }


def _obligation(obligation: Obligation) -> dict[str, Any]:
    return {
        "license": obligation.license,
        "key": obligation.key,
        "action": obligation.action,
        "when": list(obligation.when),
        "applies": obligation.applies,
        "text": obligation.text or None,
        "via": obligation.via or None,
        "evidence": {"clause": obligation.clause, "quote": obligation.quote, "url": obligation.url},
    }
