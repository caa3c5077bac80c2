"""The pre-commit hook's format: one `path:line: id: reason (rule)` line per failing reference, then one line on how
to fix or waive them; nothing at all when nothing fails.

pre-commit shows a hook's output only when it fails (or under `verbose: true`), right under the hook's name, so the
lines are for the person whose commit was just refused: what failed, where, and the one next step. Warnings do not
block a commit and are not listed: printed on every commit they would teach people to skip the hook's output. When
something fails, the last line counts them and points at `modelpolicy scan`, which lists them with the rest (as do
the CI reports). A failure with several failing rules gets a line per rule, as linters print several codes at one
place. Under `--since` only new findings are shown, as only they decide the exit code.

Every line is made safe for a terminal: ids, paths and licence texts come from the repository and the Hub, so
control characters (an escape sequence could rewrite the screen) and bidirectional overrides are shown escaped
(`escape.escape`), and none starts a CI runner's workflow command (`escape.escape_line`).
"""

from __future__ import annotations

from collections.abc import Iterator

from modelpolicy.model import Finding, Unreadable, Verdict
from modelpolicy.policy.concerns import UNREADABLE
from modelpolicy.report.escape import escape_line
from modelpolicy.report.interface import Report

NOT_LOCKED = "not-locked"


def render(report: Report, *, color: bool = False) -> str:
    """`color` is accepted for the renderer interface and unused: pre-commit captures the hook's output."""
    failing = [f for f in report.findings if f.verdict is Verdict.FAIL and f.new]
    unreadable = [u for u in report.unreadable if u.verdict is Verdict.FAIL and u.new]
    if not failing and not unreadable:
        return ""
    lines = [text for _path, _line, text in sorted([*_lines(failing), *_unreadable_lines(unreadable)])]
    codes = {v.code for f in failing for v in f.violations if v.severity is Verdict.FAIL}
    codes |= {UNREADABLE.code} if unreadable else set()
    lines.append(_advice(report, len(lines), codes))
    return "".join(f"{escape_line(line)}\n" for line in lines)


def _lines(failing: list[Finding]) -> Iterator[tuple[str, int, str]]:
    """Sortable (path, line, text) triples: by file, then line, then id and rule."""
    for finding in failing:
        artefact = finding.artefact
        label = f"{artefact.id}@{artefact.revision}" if artefact.revision else artefact.id
        for violation in finding.violations:
            if violation.severity is not Verdict.FAIL:
                continue
            problem = f"{label}: {violation.message} ({violation.code})"
            if not artefact.references:
                yield ("", 0, problem)
            for reference in artefact.references:
                yield (reference.path, reference.line, f"{reference.location}: {problem}")


def _unreadable_lines(unreadable: list[Unreadable]) -> Iterator[tuple[str, int, str]]:
    for item in unreadable:
        skipped = item.skipped
        text = f"{skipped.location}: {skipped.reason}: may name an artefact, could not be read ({UNREADABLE.code})"
        yield (skipped.path, skipped.line or 0, text)


def _advice(report: Report, count: int, codes: set[str]) -> str:
    """The one closing line: how many failed, and the next step for each kind of failure."""
    steps = []
    if NOT_LOCKED in codes:
        steps.append("for what is not locked, run `modelpolicy lock` and commit modelpolicy.lock")
    if UNREADABLE.code in codes:
        steps.append("fix each unreadable file so that it parses")
    rules = sorted(codes - {NOT_LOCKED, UNREADABLE.code})
    if rules:
        rule = rules[0] if len(rules) == 1 else "RULE"
        steps.append(
            f"change the reference, or waive it on its line with `# modelpolicy: ignore[{rule}] <reason>` or for the "
            "repository with `modelpolicy approve ID --reason TEXT --by WHO`"
        )
    warnings = sum(1 for f in report.findings if f.new for v in f.violations if v.severity is Verdict.WARN)
    warnings += len(report.warnings)
    also = f" and lists {warnings} warning{_s(warnings)}" if warnings else ""
    steps.append(f"`modelpolicy scan PATH` explains each{also}")
    head = f"modelpolicy: {count} failure{_s(count)} under policy {report.policy.name}"
    return f"{head}: {'; '.join(steps)}"


def _s(count: int) -> str:
    return "" if count == 1 else "s"
