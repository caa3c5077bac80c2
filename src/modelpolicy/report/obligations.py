"""The obligations section the text and markdown reports show under `scan --obligations`: per artefact, each
obligation that applies under the policy's context, the text to display, and the clause it comes from. The JSON
report lists every obligation, applying or not; `modelpolicy notice` writes them out as a NOTICE document."""

from __future__ import annotations

from modelpolicy.model import Finding, Obligation
from modelpolicy.report.escape import escape
from modelpolicy.report.interface import Report


def applying(finding: Finding) -> tuple[Obligation, ...]:
    """The obligations of `finding` that apply under the policy's context."""
    return tuple(o for o in finding.obligations if o.applies)


def text_lines(report: Report) -> list[str]:
    """`Obligations under context saas:` then, per artefact with any, one line per obligation (escaped)."""
    with_any = [f for f in report.findings if applying(f)]
    lines = ["", f"Obligations under context {report.policy.context.value}:"]
    if not with_any:
        return [*lines, "  none of the artefacts' licences obliges anything in this context"]
    for finding in with_any:
        lines.append(f"  {finding.artefact.kind.value} {escape(finding.artefact.id)}:")
        for obligation in applying(finding):
            via = f" (from {escape(obligation.via)}, {obligation.license})" if obligation.via else ""
            lines.append(f"    - {escape(obligation.action)} [{escape(obligation.clause)}]{via}")
            if obligation.text:
                lines.append(f"      text: {escape(obligation.text)}")
    return lines


def markdown_summary(report: Report) -> str:
    count = sum(len(applying(f)) for f in report.findings)
    return f"Obligations under context {report.policy.context.value} ({count})"


def markdown_lines(report: Report) -> list[str]:
    """Per artefact, a list of the obligations that apply, each with the text to display and its clause, linked."""
    from modelpolicy.report.markdown import _code, _escape

    lines = []
    for finding in (f for f in report.findings if applying(f)):
        lines.append(f"- {finding.artefact.kind.value} {_code(finding.artefact.id)}")
        for obligation in applying(finding):
            via = f" (from {_code(obligation.via)})" if obligation.via else ""
            text = f" Text: {_code(obligation.text)}." if obligation.text else ""
            clause = f"[{_escape(obligation.clause)}]({obligation.url})"
            lines.append(f"  - {_escape(obligation.action)}{text} {clause}{via}")
    return lines or ["None of the artefacts' licences obliges anything in this context."]
