"""GitHub Actions workflow commands: an `::error` or `::warning` annotation per violation per reference.

GitHub shows each annotation on the line it names, in the pull request's diff. Under `--since` only new findings
are annotated: the others are not the pull request's doing, and the job summary still lists them. Policy warnings
(`file:line: ...`) are annotated where the policy file says so. The runner reads `%`, CR and LF in the message, and
also `:` and `,` in properties, as syntax: each is escaped as `@actions/core` does, so no path or licence text can
end a command early or start another. Any other control character (an escape sequence the log viewer would render)
or bidi override is shown escaped (`escape.escape`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter

from modelpolicy.model import Finding, Reference, Verdict, Violation
from modelpolicy.policy.changes import CODE, is_change
from modelpolicy.policy.concerns import UNREADABLE
from modelpolicy.report.columns import license_of
from modelpolicy.report.escape import escape
from modelpolicy.report.interface import Report

_COMMANDS = {Verdict.FAIL: "error", Verdict.WARN: "warning"}
_LOCATED = re.compile(r"(?P<file>[^:\n]+):(?P<line>\d+): (?P<message>.*)", re.DOTALL)
_DATA_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A"})
_PROPERTY_ESCAPES = str.maketrans({"%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"})


@dataclass(frozen=True)
class Annotation:
    """One workflow command: `::command file=...,line=...,col=...,title=...::message`."""

    command: str
    message: str
    title: str
    file: str | None = None
    line: int | None = None
    col: int | None = None

    @property
    def order(self) -> tuple[str, int, int, str, str]:
        return (self.file or "", self.line or 0, self.col or 0, self.title, self.message)

    def __str__(self) -> str:
        properties = {"file": self.file, "line": self.line, "col": self.col, "title": self.title}
        shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items() if v is not None)
        return f"::{self.command} {shown}::{escape_data(self.message)}"


def escape_data(text: str) -> str:
    return escape(text.translate(_DATA_ESCAPES))


def escape_property(text: str) -> str:
    return escape(text.translate(_PROPERTY_ESCAPES))


def render(report: Report, *, color: bool = False) -> str:
    annotations = [*_violations(report), *_unreadable(report), *_policy_warnings(report), *_suppressions(report)]
    return "".join(f"{annotation}\n" for annotation in sorted(annotations, key=attrgetter("order")))


def _violations(report: Report) -> Iterator[Annotation]:
    for finding in report.findings:
        if report.since is not None and not finding.new:
            continue
        references: tuple[Reference | None, ...] = finding.artefact.references or (None,)
        for violation in finding.violations:
            for reference in references:
                yield _annotation(finding, violation, reference)


def _annotation(finding: Finding, violation: Violation, reference: Reference | None) -> Annotation:
    """Column 1 is the first character for GitHub; our columns count from 0."""
    return Annotation(
        command=_COMMANDS[violation.severity],
        message=_message(finding, violation),
        title=f"modelpolicy: {violation.code}",
        file=reference.path if reference else None,
        line=reference.line if reference else None,
        col=reference.column + 1 if reference else None,
    )


def _message(finding: Finding, violation: Violation) -> str:
    artefact = finding.artefact
    label = artefact.id + (f"@{artefact.revision}" if artefact.revision else "")
    licence = license_of(finding) or "an unknown licence"
    return f"{artefact.kind.value} {label} under {licence}: {violation.message}.\nFix: {violation.fix}."


def _unreadable(report: Report) -> Iterator[Annotation]:
    """A file that may name an artefact and could not be read, at the line of its error (new ones under `--since`)."""
    for item in report.failing_unreadable:
        message = f"{item.skipped.reason}: {UNREADABLE.reason}.\nFix: {UNREADABLE.fix}."
        title = f"modelpolicy: {UNREADABLE.code}"
        yield Annotation(_COMMANDS[item.verdict], message, title, item.skipped.path, item.skipped.line)


def _policy_warnings(report: Report) -> Iterator[Annotation]:
    """Each warning names the policy entry's `file:line` first; one that does not is annotated without a place."""
    for warning in report.warnings:
        title = f"modelpolicy: {CODE}" if is_change(warning) else "modelpolicy: policy"
        located = _LOCATED.fullmatch(warning)
        if located is None:
            yield Annotation("warning", warning, title)
        else:
            yield Annotation("warning", located["message"], title, located["file"], int(located["line"]))


def _suppressions(report: Report) -> Iterator[Annotation]:
    """An inline suppression without a reason waives nothing: say so on its line (under `--since`, only on the
    lines of new findings, where the pull request is)."""
    new = {(r.path, r.line) for f in report.findings if f.new for r in f.artefact.references}
    for suppression in report.suppressions:
        if not suppression.honoured and (report.since is None or (suppression.path, suppression.line) in new):
            message = "this suppression is not honoured: give a reason after the rule codes"
            yield Annotation("warning", message, "modelpolicy: suppression", suppression.path, suppression.line)
