"""The text report: a table of artefacts on the Weights / Training data / Output scale, then the failures one by one
with their fix, then the warnings grouped by rule, each rule said once with a count.

Given a `width` (the terminal's, see the CLI), the table fits it: the references shrink to the first one, then the
columns a reader needs least are dropped, and a line under the table says which (`--wide` shows them all); the lines
after the table wrap, under the text they continue. Without one (a pipe, a file, `--wide`) nothing is cut.

With `--since REF` a NEW column and a `(new)` after each problem's severity show what the change introduced: only
those findings decide the verdict on the last line, as they decide the exit code.

Every value from outside (ids, paths, licences, reasons, the policy's name) goes through `escape.escape` before it
is laid out, so no escape sequence, newline or bidi override reaches the terminal as such; the colours are ours. No
line starts a CI runner's workflow command either (`escape.inert`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from modelpolicy.model import Finding, Resolved, Suppression, Unreadable, Verdict, Violation, worst
from modelpolicy.policy.concerns import CONCERNS, HARD_CONCERNS, UNREADABLE
from modelpolicy.report.columns import license_of, output_cell, training_data_cell, weights_cell
from modelpolicy.report.escape import escape, inert
from modelpolicy.report.interface import Report, plural

_COLORS = {Verdict.PASS: "\033[32m", Verdict.WARN: "\033[33m", Verdict.FAIL: "\033[31m"}
_RESET = "\033[0m"
_MAX_REFERENCES = 3
_NEW = "new"
_GAP = "  "
# The columns dropped, in this order, when the table is wider than the terminal; ID, LICENSE and VERDICT stay.
_DROPPED_FIRST = ("TRAINING DATA", "WEIGHTS", "KIND", "OUTPUT", "REFERENCES")
_EXPIRED = "exception-expired"
_UNUSED_EXPIRED = re.compile(r"(?P<where>.+?): the exception for (?P<id>.+?) is unused: it expired on ")


def render(report: Report, *, color: bool = False, width: int | None = None) -> str:
    marked = report.since is not None
    head = [f"modelpolicy: policy {escape(report.policy.name)} ({escape(report.policy.source)}), {report.counted}", ""]
    table = _table(report.findings, color, marked, width)
    rest = _failures(report, color, marked)
    rest += _warnings(report, color, marked)
    rest += _waived_and_notes(report.findings)
    if report.suppressions:
        rest += ["", f"Inline suppressions ({len(report.suppressions)}):"]
        rest += [_suppression(s) for s in report.suppressions]
    policy_warnings = _policy_warnings(report)
    if policy_warnings:
        rest += ["", f"Policy warnings ({len(policy_warnings)}):"]
        rest += [f"  {escape(warning)}" for warning in policy_warnings]
    if report.dynamic:
        rest += ["", f"Built at run time, not judged ({len(report.dynamic)}): check what these load"]
        rest += [f"  {escape(r.location)}: {r.kind.value} {escape(r.text)}" for r in report.dynamic]
    if report.show_obligations:
        from modelpolicy.report.obligations import text_lines

        rest += text_lines(report)
    skipped = report.skipped_only
    if skipped:
        rest += ["", f"Skipped {plural(len(skipped), 'file')}:"]
        rest += [f"  {escape(s.path)}: {escape(s.reason)}" for s in skipped]
    rest += ["", _summary(report, color)]
    lines = head + table + [wrapped for line in rest for wrapped in _wrap(line, width)]
    return "\n".join(map(inert, lines)) + "\n"


# ----------------------------------------------------------------------------------------------------- the table


@dataclass(frozen=True)
class _Column:
    header: str
    cells: tuple[str, ...]

    @property
    def width(self) -> int:
        return max(len(cell) for cell in (self.header, *self.cells))


def _columns(findings: tuple[Finding, ...], marked: bool, references: int) -> list[_Column]:
    def column(header: str, cells: Iterable[str]) -> _Column:
        return _Column(header, tuple(map(escape, cells)))

    columns = [
        column("KIND", (f.artefact.kind.value for f in findings)),
        column("ID", (f.artefact.id + (f"@{f.artefact.revision}" if f.artefact.revision else "") for f in findings)),
        column("LICENSE", (license_of(f) or "unknown" for f in findings)),
        column("WEIGHTS", map(weights_cell, findings)),
        column("TRAINING DATA", map(training_data_cell, findings)),
        column("OUTPUT", map(output_cell, findings)),
        column("VERDICT", (f.verdict.value for f in findings)),
    ]
    if marked:
        columns.append(column("NEW", (_NEW if f.new else "" for f in findings)))
    columns.append(column("REFERENCES", (_references(f, references) for f in findings)))
    return columns


def _references(finding: Finding, shown: int) -> str:
    references = [r.location for r in finding.artefact.references]
    text = ", ".join(references[:shown])
    return text + (f" (+{len(references) - shown})" if len(references) > shown else "")


def _fitted(findings: tuple[Finding, ...], marked: bool, width: int | None) -> tuple[list[_Column], list[str]]:
    """The columns that fit in `width`, and the headers of those dropped to fit: the references shrink to the first
    one, then columns go until the rest fit (lines after the table wrap; the table's rows do not)."""
    columns = _columns(findings, marked, _MAX_REFERENCES)
    if width is None or _line_width(columns) <= width:
        return columns, []
    columns = _columns(findings, marked, 1)
    dropped = []
    for header in _DROPPED_FIRST:
        if _line_width(columns) <= width:
            break
        columns = [c for c in columns if c.header != header]
        dropped.append(header)
    return columns, dropped


def _line_width(columns: list[_Column]) -> int:
    return sum(c.width for c in columns) + len(_GAP) * (len(columns) - 1)


def _table(findings: tuple[Finding, ...], color: bool, marked: bool, width: int | None) -> list[str]:
    columns, dropped = _fitted(findings, marked, width)
    lines = []
    for row in range(len(findings) + 1):
        cells = []
        for column in columns:
            cell = column.header if row == 0 else column.cells[row - 1]
            padded = cell.ljust(column.width)
            if row and color and column.header == "VERDICT":
                padded = _COLORS[Verdict(cell)] + padded + _RESET
            cells.append(padded)
        lines.append(_GAP.join(cells).rstrip())
    if dropped:
        hidden = ", ".join(dropped).lower()
        lines += _wrap(f"({hidden} not shown, to fit {width} columns: --wide shows every column)", width)
    return lines


# ---------------------------------------------------------------------------------------------------- problems


def _label(verdict: Verdict, color: bool, new: bool) -> str:
    label = verdict.value
    if color:
        label = _COLORS[verdict] + label + _RESET
    return label + (f" ({_NEW})" if new else "")


def _where(finding: Finding) -> str:
    return escape(finding.artefact.references[0].location) if finding.artefact.references else "-"


def _failures(report: Report, color: bool, marked: bool) -> list[str]:
    """Each failure with its fix, and the lineage behind the artefact's failing."""
    lines = []
    for unreadable in report.unreadable:
        if unreadable.verdict is Verdict.FAIL:
            lines += _unreadable(unreadable, color, marked)
    for finding in report.findings:
        failed = [v for v in finding.violations if v.severity is Verdict.FAIL]
        for violation in failed:
            label = _label(violation.severity, color, marked and finding.new)
            lines.append(
                f"  {_where(finding)}: {label}: {escape(finding.artefact.id)}: {escape(violation.message)} "
                f"[{violation.code}]"
            )
            lines.append(f"      fix: {escape(violation.fix)}")
        if failed:
            lines += [f"      lineage: {escape(step)}" for step in finding.lineage]
    count = sum(1 for u in report.unreadable if u.verdict is Verdict.FAIL) + sum(
        1 for f in report.findings for v in f.violations if v.severity is Verdict.FAIL
    )
    return ["", f"Failures ({count}):", *lines] if lines else []


def _warnings(report: Report, color: bool, marked: bool) -> list[str]:
    """The warnings grouped by rule, the rule's meaning said once with the count, then one line per artefact."""
    groups: dict[str, list[str]] = {}
    for finding in report.findings:
        for violation in finding.violations:
            if violation.severity is Verdict.WARN:
                new = f" ({_NEW})" if marked and finding.new else ""
                detail = _detail(violation)
                line = f"    {_where(finding)}{new}: {escape(finding.artefact.id)}" + (f" {detail}" if detail else "")
                groups.setdefault(violation.code, []).append(line)
    for unreadable in report.unreadable:
        if unreadable.verdict is Verdict.WARN:
            new = f" ({_NEW})" if marked and unreadable.new else ""
            line = f"    {escape(unreadable.skipped.location)}{new}: {escape(unreadable.skipped.reason)}"
            groups.setdefault(UNREADABLE.code, []).append(line)
    if not groups:
        return []
    total = sum(map(len, groups.values()))
    lines = ["", f"Warnings ({total}), by rule:"]
    for code, found in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        label = _label(Verdict.WARN, color, new=False)
        lines.append(f"  {label} ({len(found)}): {_reason(code)} [{code}]")
        lines += found
    return lines


def _reason(code: str) -> str:
    concern = CONCERNS.get(code) or HARD_CONCERNS.get(code)
    if code == UNREADABLE.code:
        concern = UNREADABLE
    return concern.reason if concern else code


def _detail(violation: Violation) -> str:
    """What a warning says beyond its rule's meaning (the licence, where): the rest of its message."""
    reason = _reason(violation.code)
    rest = violation.message.removeprefix(reason).strip() if violation.message.startswith(reason) else violation.message
    return escape(rest)


def _waived_and_notes(findings: tuple[Finding, ...]) -> list[str]:
    """What exceptions and suppressions waived, and the notes a failure has not said already."""
    lines = []
    for finding in findings:
        by = escape(finding.waived_by or "an inline suppression")
        lines += [
            f"  {_where(finding)}: waived by {by}: {escape(finding.artefact.id)} [{v.code}]" for v in finding.waived
        ]
        said = {v.message for v in finding.violations}
        lines += [
            f"  {_where(finding)}: note: {escape(finding.artefact.id)}: {escape(note)}"
            for note in (*finding.notes, *_live_card(finding))
            if note not in said
        ]
    return ["", "Waived and noted:", *lines] if lines else []


def _live_card(finding: Finding) -> tuple[str, ...]:
    """Where the Hub's card (read online) disagrees with the knowledge base's terms that decide: what it says."""
    resolution = finding.resolution
    return (resolution.terms.live_card,) if isinstance(resolution, Resolved) and resolution.terms.live_card else ()


def _policy_warnings(report: Report) -> list[str]:
    """The policy's warnings, but for an expired exception a failure already names: it is said once."""
    failing = [v.message for f in report.findings for v in f.violations if v.code == _EXPIRED]

    def said(warning: str) -> bool:
        found = _UNUSED_EXPIRED.match(warning)
        key = f"the exception for {found['id']} at {found['where']} (" if found else None
        return key is not None and any(message.startswith(key) for message in failing)

    return [warning for warning in report.warnings if not said(warning)]


def _unreadable(unreadable: Unreadable, color: bool, marked: bool) -> list[str]:
    """A file that may name an artefact and could not be read whole: a problem of its own, at the line of the error."""
    label = _label(unreadable.verdict, color, marked and unreadable.new)
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


def _wrap(line: str, width: int | None) -> list[str]:
    """`line` cut at spaces to `width`, the continuation indented under the text it continues."""
    if width is None or len(line) <= width:
        return [line]
    import textwrap  # only for a line wider than the terminal: a report to a file or a pipe is not cut

    indent = " " * (len(line) - len(line.lstrip()) + 4)
    return textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False, break_on_hyphens=False)


def _summary(report: Report, color: bool) -> str:
    """The verdict of the new findings (every one, without `--since`), then the counts: `2 fail (1 new since REF)`."""
    deciding = worst([*(f.verdict for f in report.findings if f.new), *(u.verdict for u in report.unreadable if u.new)])
    counts = ", ".join(f"{report.count(v)} {v.value}{_new_since(report, v)}" for v in Verdict)
    if report.unreadable:
        counts += f"; {plural(len(report.unreadable), 'unreadable file')}"
    verdict = deciding.value.upper()
    if color:
        verdict = _COLORS[deciding] + verdict + _RESET
    return f"{verdict}: {counts}"


def _new_since(report: Report, verdict: Verdict) -> str:
    if report.since is None or verdict is Verdict.PASS or not report.count(verdict):
        return ""
    new = sum(1 for f in report.findings if f.verdict is verdict and f.new)
    return f" ({new} {_NEW} since {escape(report.since)})"
