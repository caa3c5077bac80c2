"""What every output format reads: the scan's outcome."""

from __future__ import annotations

from dataclasses import dataclass

from modelpolicy.model import Finding, Skipped, Suppression, Verdict, worst
from modelpolicy.policy import Policy


@dataclass(frozen=True)
class Report:
    policy: Policy
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...]
    files_read: int
    suppressions: tuple[Suppression, ...] = ()
    warnings: tuple[str, ...] = ()  # about the policy itself: entries nothing used
    since: str | None = None  # the git REF of `--since`: only new findings decide the exit code

    @property
    def verdict(self) -> Verdict:
        return worst([f.verdict for f in self.findings])

    def count(self, verdict: Verdict) -> int:
        return sum(1 for f in self.findings if f.verdict is verdict)
