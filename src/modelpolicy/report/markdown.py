"""The Markdown report: a GitHub job summary, also fit for a pull-request comment.

It opens with the verdict that decides the exit code, then the table of artefacts on the Weights / Training data /
Output scale with coloured markers, then what a reader acts on: each failure with its fix, where it is, and a Mermaid
diagram of its lineage; the longer lists (warnings, waivers, skipped files) fold away under `<details>`.

Text from outside (ids, paths, licences read from model cards) is escaped for where it lands: code spans and table
cells for Markdown, quoted labels for Mermaid, so no value can break the table, the diagram or the page; control
characters and bidi overrides are shown escaped first (`escape.escape`), for whoever reads the file in a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from modelpolicy.model import Finding, OutputRights, Resolved, TrainingData, Verdict, Weights, worst
from modelpolicy.policy.concerns import UNREADABLE
from modelpolicy.report.columns import OUTPUT_WORDS, license_of, training_data_of, weights_of
from modelpolicy.report.escape import escape
from modelpolicy.report.interface import Report

_VERDICTS = {Verdict.PASS: "🟢", Verdict.WARN: "🟡", Verdict.FAIL: "🔴"}
_WEIGHTS = {Weights.OPEN: "🟢", Weights.GATED: "🟡", Weights.UNAVAILABLE: "🔴", Weights.UNKNOWN: "⚪"}
_TRAINING_DATA = {TrainingData.AVAILABLE: "🟢", TrainingData.UNAVAILABLE: "🔴", TrainingData.UNKNOWN: "⚪"}
_OUTPUT = {
    OutputRights.UNRESTRICTED: "🟢",
    OutputRights.CONDITIONAL: "🟡",
    OutputRights.NON_COMMERCIAL: "🔴",
    OutputRights.UNKNOWN: "⚪",
}
_HEADERS = ("Verdict", "Kind", "Artefact", "Licence", "Weights", "Training data", "Output", "References")
_MAX_REFERENCES = 3
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>~#])")
_CODE_SPAN = re.compile(r"(`[^`]+`)")
_LINEAGE = re.compile(r"(?P<relation>.+?) of (?P<child>\S+): (?P<parent>\S+) \((?P<license>.*)\)")
_MERMAID_ESCAPES = str.maketrans({"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;"})


def render(report: Report, *, color: bool = False) -> str:
    failing = [f for f in report.findings if f.verdict is Verdict.FAIL]
    warning = [f for f in report.findings if f.verdict is Verdict.WARN]
    waived = [f for f in report.findings if f.waived]
    blocks = [
        _heading(report),
        _table(report),
        *([f"### 🔴 Failures ({len(failing)})", *(_failure(f, report) for f in failing)] if failing else []),
        *([f"### Unreadable files ({len(report.unreadable)})", _unreadable(report)] if report.unreadable else []),
        _details(f"🟡 Warnings ({len(warning)})", [_warning(f, report) for f in warning]),
        _details(f"Waived ({len(waived)})", [_waived(f) for f in waived]),
        _details(f"Inline suppressions ({len(report.suppressions)})", _suppressions(report)),
        _details(f"Policy warnings ({len(report.warnings)})", [f"- {_escape(w)}" for w in report.warnings]),
        _details(f"Notes ({len(_notes(report.findings))})", _notes(report.findings)),
        _details(
            f"Skipped {_plural(len(report.skipped_only), 'file')}",
            [f"- {_code(s.path)}: {_escape(s.reason)}" for s in report.skipped_only],
        ),
        _obligations(report),
    ]
    return "\n\n".join(block for block in blocks if block) + "\n"


def _obligations(report: Report) -> str:
    """Under `scan --obligations`: what each artefact's licence obliges in the policy's context, folded."""
    if not report.show_obligations:
        return ""
    from modelpolicy.report.obligations import markdown_lines, markdown_summary

    return _details(markdown_summary(report), markdown_lines(report))


def _heading(report: Report) -> str:
    """The verdict of the new findings (every one, without `--since`): the one that decides the exit code."""
    deciding = worst([*(f.verdict for f in report.findings if f.new), *(u.verdict for u in report.unreadable if u.new)])
    policy = report.policy
    counts = " · ".join(f"{report.count(v)} {v.value}{_new_since(report, v)}" for v in Verdict)
    return (
        f"## {_VERDICTS[deciding]} modelpolicy: {deciding.value}\n\n"
        f"Policy **{_escape(policy.name)}** ({_escape(policy.source)}), context {_code(policy.context.value)}: "
        f"{report.counted}; {counts}"
    )


def _unreadable(report: Report) -> str:
    """Each file that may name an artefact and could not be read whole, with its verdict and the fix."""
    lines = [f"Each {UNREADABLE.reason.removeprefix('it ')}. **Fix:** {_escape(UNREADABLE.fix)}.", ""]
    for item in report.unreadable:
        marker = _VERDICTS[item.verdict]
        lines.append(f"- {marker} {_code(item.skipped.location)}: {_escape(item.skipped.reason)}")
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _new_since(report: Report, verdict: Verdict) -> str:
    if report.since is None or verdict is Verdict.PASS or not report.count(verdict):
        return ""
    new = sum(1 for f in report.findings if f.verdict is verdict and f.new)
    return f" ({new} new since {_code(report.since)})"


def _table(report: Report) -> str:
    marked = report.since is not None
    headers = (*_HEADERS[:-1], "New", _HEADERS[-1]) if marked else _HEADERS
    rows = [headers, tuple("---" for _ in headers), *(_row(f, marked) for f in report.findings)]
    return "\n".join("| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows)


def _row(finding: Finding, marked: bool) -> tuple[str, ...]:
    references = [_code(r.location) for r in finding.artefact.references[:_MAX_REFERENCES]]
    more = len(finding.artefact.references) - _MAX_REFERENCES
    weights, training_data = weights_of(finding), training_data_of(finding)
    return (
        f"{_VERDICTS[finding.verdict]} {finding.verdict.value}",
        finding.artefact.kind.value,
        _code(_label(finding)),
        _escape(license_of(finding) or "unknown"),
        f"{_WEIGHTS[weights]} {weights.value}",
        f"{_TRAINING_DATA[training_data]} {training_data.value}",
        f"{_OUTPUT[finding.output]} {OUTPUT_WORDS[finding.output]}",
        *(["🆕" if finding.new else ""] if marked else []),
        ", ".join(references) + (f" (+{more})" if more > 0 else ""),
    )


def _failure(finding: Finding, report: Report) -> str:
    """The artefact, each violation with its fix, where it is named, and the diagram of its lineage."""
    licence = _escape(license_of(finding) or "an unknown licence")
    lines = [f"#### {_code(_label(finding))} under {licence}{_age(finding, report)}", ""]
    for violation in finding.violations:
        marker, code = _VERDICTS[violation.severity], _code(violation.code)
        lines.append(f"- {marker} {code}: {_escape(violation.message)}. **Fix:** {_escape(violation.fix)}.")
    lines.append(f"- At: {_references(finding)}")
    lines += [f"- Lineage: {_escape(step)}" for step in finding.lineage]
    diagram = _mermaid(finding)
    return "\n".join(lines) + (f"\n\n{diagram}" if diagram else "")


def _age(finding: Finding, report: Report) -> str:
    if report.since is None:
        return ""
    return " (🆕 new)" if finding.new else f" (already there at {_code(report.since)})"


def _warning(finding: Finding, report: Report) -> str:
    codes = "; ".join(f"{_code(v.code)}: {_escape(v.message)}" for v in finding.violations)
    return f"- {_code(_label(finding))}{_age(finding, report)}: {codes}. At: {_references(finding)}"


def _waived(finding: Finding) -> str:
    codes = ", ".join(_code(v.code) for v in finding.waived)
    by = _escape(finding.waived_by) if finding.waived_by else "an inline suppression"
    return f"- {_code(_label(finding))}: {codes}, waived by {by}. At: {_references(finding)}"


def _suppressions(report: Report) -> list[str]:
    lines = []
    for suppression in report.suppressions:
        codes = ", ".join(_code(c) for c in sorted(suppression.codes)) or "all rules"
        why = _escape(suppression.reason) if suppression.honoured else "**not honoured**: give a reason after the codes"
        lines.append(f"- {_code(f'{suppression.path}:{suppression.line}')}: {codes}: {why}")
    return lines


def _notes(findings: Iterable[Finding]) -> list[str]:
    """The policy's notes, and where the Hub's card (read online) disagrees with the knowledge base that decides."""
    return [f"- {_code(_label(f))}: {_escape(note)}" for f in findings for note in (*f.notes, *_live_card(f))]


def _live_card(finding: Finding) -> tuple[str, ...]:
    resolution = finding.resolution
    return (resolution.terms.live_card,) if isinstance(resolution, Resolved) and resolution.terms.live_card else ()


def _details(summary: str, lines: list[str]) -> str:
    """A folded list: a blank line after `<summary>` lets GitHub render the Markdown inside."""
    if not lines:
        return ""
    return f"<details><summary>{summary}</summary>\n\n" + "\n".join(lines) + "\n\n</details>"


def _references(finding: Finding) -> str:
    return ", ".join(_code(r.location) for r in finding.artefact.references) or "no reference"


def _label(finding: Finding) -> str:
    artefact = finding.artefact
    return artefact.id + (f"@{artefact.revision}" if artefact.revision else "")


def _mermaid(finding: Finding) -> str:
    """A `graph` from the artefact to each ancestor, labelled with its licence; none when it has no ancestor.

    The lineage lines say `relation of child: parent (licence)`; direct parents the walk named no licence for are
    taken from the terms, so the diagram shows every base and dataset known."""
    nodes = {finding.artefact.id: license_of(finding) or "unknown licence"}
    edges: dict[tuple[str, str], str] = {}
    for step in finding.lineage:
        parsed = _LINEAGE.fullmatch(step)
        if parsed:
            nodes.setdefault(parsed["child"], "")
            nodes[parsed["parent"]] = parsed["license"]
            edges[(parsed["child"], parsed["parent"])] = parsed["relation"]
    resolution = finding.resolution
    for parent in resolution.terms.parents if isinstance(resolution, Resolved) else ():
        nodes.setdefault(parent.id, "licence not resolved")
        edges.setdefault((finding.artefact.id, parent.id), parent.relation)
    if not edges:
        return ""
    number = {name: index for index, name in enumerate(nodes)}
    lines = ["```mermaid", "graph TD"]
    lines += [f'  n{number[name]}["{_label_text(name, licence)}"]' for name, licence in nodes.items()]
    lines += [
        f'  n{number[child]} -->|"{_mermaid_text(relation)}"| n{number[parent]}'
        for (child, parent), relation in edges.items()
    ]
    lines.append("```")
    return "\n".join(lines)


def _label_text(name: str, licence: str) -> str:
    return _mermaid_text(name) + (f"<br/>{_mermaid_text(licence)}" if licence else "")


def _mermaid_text(text: str) -> str:
    """Inside a quoted Mermaid label, `"`, `<`, `>`, `#` and a backtick are written as entity codes."""
    return _one_line(text).translate(_MERMAID_ESCAPES)


def _escape(text: str) -> str:
    """Prose on one line (a line break is a space), with Markdown's inline syntax escaped outside the code spans it
    already has (fixes quote the suppression comment to write in backticks)."""
    parts = _CODE_SPAN.split(escape(" ".join(text.split())))
    return "".join(part if index % 2 else _MARKDOWN_SPECIALS.sub(r"\\\1", part) for index, part in enumerate(parts))


def _code(text: str) -> str:
    """A code span that holds any text: its fence is longer than any run of backticks inside it."""
    text = _one_line(text)
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def _one_line(text: str) -> str:
    """A name on one line: control characters (a line break too) and bidi overrides shown escaped, then runs of
    spaces made one, so that `a<newline>b.py` shows as `a\\x0ab.py`, not as `a b.py`, a name it is not."""
    return " ".join(escape(text).split())


def _cell(text: str) -> str:
    """A table cell: `|` escaped (GitHub reads `\\|` as a pipe inside code spans too), never a line break."""
    return text.replace("|", "\\|")
