"""The text report: a table of artefacts on the Weights / Training data / Output scale, then each problem.

With `--since REF` a NEW column and a `(new)` after each problem's severity show what the change introduced: only
those findings decide the verdict on the last line, as they decide the exit code.

Every value from outside (ids, paths, licences, reasons, the policy's name) goes through `escape.escape` before it
is laid out, so no escape sequence, newline or bidi override reaches the terminal as such; the colours are ours. No
line starts a CI runner's workflow command either (`escape.inert`)."""

from __future__ import annotations

from modelpolicy.model import Finding, Suppression, Unreadable, Verdict, worst
from modelpolicy.policy.concerns import UNREADABLE
from modelpolicy.report.columns import OUTPUT_WORDS, license_of, training_data_of, weights_of
from modelpolicy.report.escape import escape, inert
from modelpolicy.report.interface import Report

_HEADERS = ("KIND", "ID", "LICENSE", "WEIGHTS", "TRAINING DATA", "OUTPUT", "VERDICT", "REFERENCES")
_COLORS = {Verdict.PASS: "\033[32m", Verdict.WARN: "\033[33m", Verdict.FAIL: "\033[31m"}
_RESET = "\033[0m"
_MAX_REFERENCES = 3
_NEW = "new"


def render(report: Report, *, color: bool = False) -> str:
    lines = [
        f"modelpolicy: policy {escape(report.policy.name)} ({escape(report.policy.source)}), {report.counted}",
        "",
    ]
    lines += _table(report.findings, color, marked=report.since is not None)
    problems = [f for f in report.findings if f.violations or f.waived or f.notes]
    if problems or report.unreadable:
        lines += ["", "Problems:"]
        for unreadable in report.unreadable:
            lines += _unreadable(unreadable, color, marked=report.since is not None)
        for finding in problems:
            lines += _problems(finding, color, marked=report.since is not None)
    if report.suppressions:
        lines += ["", f"Inline suppressions ({len(report.suppressions)}):"]
        lines += [_suppression(s) for s in report.suppressions]
    if report.warnings:
        lines += ["", f"Policy warnings ({len(report.warnings)}):"]
        lines += [f"  {escape(warning)}" for warning in report.warnings]
    if report.dynamic:
        lines += ["", f"Built at run time, not judged ({len(report.dynamic)}): check what these load"]
        lines += [f"  {escape(r.location)}: {r.kind.value} {escape(r.text)}" for r in report.dynamic]
    if report.show_obligations:
        from modelpolicy.report.obligations import text_lines

        lines += text_lines(report)
    skipped = report.skipped_only
    if skipped:
        lines += ["", f"Skipped {len(skipped)} file{'' if len(skipped) == 1 else 's'}:"]
        lines += [f"  {escape(s.path)}: {escape(s.reason)}" for s in skipped]
    lines += ["", _summary(report, color)]
    return "\n".join(map(inert, lines)) + "\n"


def _row(finding: Finding, marked: bool) -> tuple[str, ...]:
    references = [r.location for r in finding.artefact.references]
    shown = ", ".join(references[:_MAX_REFERENCES])
    if len(references) > _MAX_REFERENCES:
        shown += f" (+{len(references) - _MAX_REFERENCES})"
    artefact_id = finding.artefact.id + (f"@{finding.artefact.revision}" if finding.artefact.revision else "")
    cells = (
        finding.artefact.kind.value,
        artefact_id,
        license_of(finding) or "unknown",
        weights_of(finding).value,
        training_data_of(finding).value,
        OUTPUT_WORDS[finding.output],
        finding.verdict.value,
        *([_NEW if finding.new else ""] if marked else []),
        shown,
    )
    return tuple(map(escape, cells))


def _table(findings: tuple[Finding, ...], color: bool, marked: bool) -> list[str]:
    headers = (*_HEADERS[:-1], "NEW", _HEADERS[-1]) if marked else _HEADERS
    rows = [headers, *(_row(f, marked) for f in findings)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(headers) - 1)]
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        if index and color:
            verdict = Verdict(row[6])
            cells[6] = _COLORS[verdict] + cells[6] + _RESET
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return lines


def _problems(finding: Finding, color: bool, marked: bool) -> list[str]:
    """Each failure with its fix and the lineage behind it; each warning on one line."""
    first = escape(finding.artefact.references[0].location) if finding.artefact.references else "-"
    artefact_id = escape(finding.artefact.id)
    lines = []
    for violation in finding.violations:
        label = violation.severity.value
        if color:
            label = _COLORS[violation.severity] + label + _RESET
        if marked and finding.new:
            label += f" ({_NEW})"
        lines.append(f"  {first}: {label}: {artefact_id}: {escape(violation.message)} [{violation.code}]")
        if violation.severity is Verdict.FAIL:
            lines.append(f"      fix: {escape(violation.fix)}")
    by = escape(finding.waived_by or "an inline suppression")
    lines += [f"  {first}: waived by {by}: {artefact_id} [{v.code}]" for v in finding.waived]
    lines += [f"  {first}: note: {artefact_id}: {escape(note)}" for note in finding.notes]
    if finding.verdict is Verdict.FAIL:
        lines += [f"      lineage: {escape(step)}" for step in finding.lineage]
    return lines


def _unreadable(unreadable: Unreadable, color: bool, marked: bool) -> list[str]:
    """A file that may name an artefact and could not be read whole: a problem of its own, at the line of the error."""
    label = unreadable.verdict.value
    if color:
        label = _COLORS[unreadable.verdict] + label + _RESET
    if marked and unreadable.new:
        label += f" ({_NEW})"
    where = escape(unreadable.skipped.location)
    lines = [f"  {where}: {label}: {escape(unreadable.skipped.reason)}: {UNREADABLE.reason} [{UNREADABLE.code}]"]
    if unreadable.verdict is Verdict.FAIL:
        lines.append(f"      fix: {UNREADABLE.fix}")
    return lines


def _suppression(suppression: Suppression) -> str:
    codes = f"[{', '.join(sorted(suppression.codes))}]" if suppression.codes else "[all rules]"
    if not suppression.honoured:
        return (
            f"  {escape(suppression.path)}:{suppression.line}: {codes} NOT honoured: give a reason after the rule codes"
        )
    return f"  {escape(suppression.path)}:{suppression.line}: {codes} {escape(suppression.reason)}"


def _summary(report: Report, color: bool) -> str:
    """The verdict of the new findings (every one, without `--since`), then the counts: `2 fail (1 new since REF)`."""
    deciding = worst([*(f.verdict for f in report.findings if f.new), *(u.verdict for u in report.unreadable if u.new)])
    counts = ", ".join(f"{report.count(v)} {v.value}{_new_since(report, v)}" for v in Verdict)
    if report.unreadable:
        unreadable = len(report.unreadable)
        counts += f"; {unreadable} unreadable file{'' if unreadable == 1 else 's'}"
    verdict = deciding.value.upper()
    if color:
        verdict = _COLORS[deciding] + verdict + _RESET
    return f"{verdict}: {counts}"


def _new_since(report: Report, verdict: Verdict) -> str:
    if report.since is None or verdict is Verdict.PASS or not report.count(verdict):
        return ""
    new = sum(1 for f in report.findings if f.verdict is verdict and f.new)
    return f" ({new} {_NEW} since {escape(report.since)})"
