"""What every output format reads: the scan's outcome."""

from __future__ import annotations

from dataclasses import dataclass

from modelpolicy.model import Finding, Reference, Skipped, Suppression, Unreadable, Verdict, worst
from modelpolicy.policy import Policy


def plural(count: int, word: str) -> str:
    """`1 file`, `2 files`: every count a person reads goes through it."""
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Report:
    policy: Policy
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    files_read: int
    suppressions: tuple[Suppression, ...] = ()
    warnings: tuple[str, ...] = ()  # about the policy itself: entries nothing used
    since: str | None = None  # the git REF of `--since`: only new findings decide the exit code
    unreadable: tuple[Unreadable, ...] = ()  # files that may name an artefact and could not be read whole
    dynamic: tuple[Reference, ...] = ()  # loaders given an id built at run time: where, not what
    show_obligations: bool = False  # `scan --obligations`: the text and markdown reports list them

    @property
    def verdict(self) -> Verdict:
        return worst([*(f.verdict for f in self.findings), *(u.verdict for u in self.unreadable)])

    def count(self, verdict: Verdict) -> int:
        return sum(1 for f in self.findings if f.verdict is verdict)

    @property
    def counted(self) -> str:
        """`12 artefacts in 5 files`, with the singular where it is one."""
        return f"{plural(len(self.findings), 'artefact')} in {plural(self.files_read, 'file')}"

    @property
    def failing_unreadable(self) -> tuple[Unreadable, ...]:
        """The unreadable files that are not a pass, new ones only under `--since`."""
        return tuple(u for u in self.unreadable if u.verdict is not Verdict.PASS and (u.new or self.since is None))

    @property
    def skipped_only(self) -> tuple[Skipped, ...]:
        """The skipped files that are not findings of their own (`unreadable`)."""
        return tuple(s for s in self.skipped if not s.may_name)
