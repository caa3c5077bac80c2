"""The scan: discover, resolve, evaluate, in that order. The CLI calls this and maps the outcome to an exit code."""

from __future__ import annotations

from pathlib import Path

from modelpolicy.discover import discover
from modelpolicy.errors import ModelpolicyError
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Unresolved, Verdict
from modelpolicy.policy import Policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.report import Report
from modelpolicy.resolve import default_resolvers, resolve_all
from modelpolicy.resolve.interface import Resolver

EXIT_OK = 0
EXIT_POLICY_BROKEN = 1
EXIT_USAGE = 2
EXIT_UNRESOLVED = 3


def scan(paths: list[Path], policy: Policy, network: tuple[Resolver, ...] = ()) -> Report:
    """Discover what `paths` use, resolve it (the bundled knowledge, the local caches, then `network`: the Hub) and
    judge it under `policy`."""
    for path in paths:
        if not path.exists():
            raise ModelpolicyError("no such file or directory; give a folder or files to scan", path=str(path))
    root = _root(paths)
    discovery = discover(root, paths)
    knowledge = load_knowledge()
    subjects = resolve_all(discovery.artefacts, default_resolvers(*network))
    findings = tuple(evaluate(subject, policy, knowledge) for subject in subjects)
    return Report(policy, findings, discovery.skipped, discovery.files_read, discovery.suppressions)


def _root(paths: list[Path]) -> Path:
    """The folder reports are relative to: the git work tree around the first path, else that path's folder."""
    first = paths[0].resolve()
    start = first if first.is_dir() else first.parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def exit_code(report: Report) -> int:
    """1 when the policy is broken; 3 when the only failures are artefacts that could not be resolved."""
    failing = [f for f in report.findings if f.verdict is Verdict.FAIL]
    if not failing:
        return EXIT_OK
    unresolved_only = all(
        isinstance(f.resolution, Unresolved) and all(v.code == "unknown" for v in f.violations) for f in failing
    )
    return EXIT_UNRESOLVED if unresolved_only else EXIT_POLICY_BROKEN
