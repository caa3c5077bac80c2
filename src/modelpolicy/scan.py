"""The scan: discover, resolve, evaluate, in that order. The CLI calls this and maps the outcome to an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from modelpolicy.discover import Discovery, discover
from modelpolicy.discover.exclude import Exclusion
from modelpolicy.errors import ModelpolicyError
from modelpolicy.model import Unreadable, Unresolved, Verdict
from modelpolicy.policy.unused import unused_entries
from modelpolicy.report import Report

if TYPE_CHECKING:  # resolving and evaluating are imported by a scan that found something: `_findings`
    from collections.abc import Callable
    from datetime import date

    from modelpolicy.model import Artefact, Finding
    from modelpolicy.policy import Policy
    from modelpolicy.resolve.interface import Resolver

EXIT_OK = 0
EXIT_POLICY_BROKEN = 1
EXIT_USAGE = 2
EXIT_UNRESOLVED = 3


def scan(
    paths: list[Path],
    policy: Policy,
    network: tuple[Resolver, ...] | Callable[[], tuple[Resolver, ...]] = (),
    *,
    resolvers: tuple[Resolver, ...] | None = None,
    today: date | None = None,
    exclude: tuple[str, ...] = (),
) -> Report:
    """Discover what `paths` use, resolve it (the bundled knowledge, the local caches, then `network`: the Hub; or
    only `resolvers` when given) and judge it under `policy` as of `today`, leaving out what the policy's `exclude`
    and `exclude` name. `network` may be given as the function that makes it: it is called only when the scan
    found something to resolve."""
    discovery = discover_paths(paths, (*policy.exclude, *exclude))
    if resolvers is None:
        resolvers = _default_resolvers(network) if discovery.artefacts else ()
    return judge(discovery, policy, resolvers, today)


def _default_resolvers(network: tuple[Resolver, ...] | Callable[[], tuple[Resolver, ...]]) -> tuple[Resolver, ...]:
    from modelpolicy.resolve import default_resolvers

    return default_resolvers(*(network if isinstance(network, tuple) else network()))


def discover_paths(paths: list[Path], exclude: tuple[str, ...] = ()) -> Discovery:
    """What `paths` use, but for what `exclude` names (`.gitignore` patterns from the root). Apart from `judge`, so
    that `modelpolicy lock --check` can judge one discovery twice."""
    for path in paths:
        if not path.exists():
            raise ModelpolicyError("no such file or directory; give a folder or files to scan", path=str(path))
    return discover(project_root(paths), paths, exclude=Exclusion(exclude))


def judge(discovery: Discovery, policy: Policy, resolvers: tuple[Resolver, ...], today: date | None = None) -> Report:
    """Resolve what `discovery` found through `resolvers` and judge it under `policy` as of `today`."""
    findings = _findings(discovery.artefacts, policy, resolvers, today) if discovery.artefacts else ()
    return Report(
        policy,
        findings,
        discovery.skipped,
        discovery.files_read,
        discovery.suppressions,
        warnings=unused_entries(policy, findings, today),
        unreadable=tuple(Unreadable(s, policy.unreadable) for s in discovery.skipped if s.may_name),
        dynamic=discovery.dynamic,
    )


def _findings(
    artefacts: tuple[Artefact, ...], policy: Policy, resolvers: tuple[Resolver, ...], today: date | None
) -> tuple[Finding, ...]:
    """Each artefact resolved, its lineage walked, and judged: what a scan that found nothing never imports (the
    knowledge base, the resolvers, the evaluation)."""
    from modelpolicy.knowledge import load as load_knowledge
    from modelpolicy.obligations import with_obligations
    from modelpolicy.policy.clarify import clarifier
    from modelpolicy.policy.evaluate import evaluate
    from modelpolicy.resolve import resolve_all

    knowledge = load_knowledge()
    subjects = resolve_all(artefacts, resolvers, clarifier(policy))
    return tuple(
        with_obligations(evaluate(subject, policy, knowledge, today), subject, policy.context, knowledge)
        for subject in subjects
    )


def project_root(paths: list[Path]) -> Path:
    """The folder reports are relative to: the git work tree around the first path, else that path's folder."""
    first = paths[0].resolve()
    start = first if first.is_dir() else first.parent
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def exit_code(report: Report) -> int:
    """1 when the policy is broken (a file that may name an artefact could not be read counts); 3 when the only
    failures are artefacts that could not be resolved.

    Only new findings count: with `--since`, those a change introduced; without it, every finding is new."""
    failing = [f for f in report.findings if f.verdict is Verdict.FAIL and f.new]
    if any(u.verdict is Verdict.FAIL and u.new for u in report.unreadable):
        return EXIT_POLICY_BROKEN
    if not failing:
        return EXIT_OK
    unresolved_only = all(
        isinstance(f.resolution, Unresolved) and all(v.code == "unknown" for v in f.violations) for f in failing
    )
    return EXIT_UNRESOLVED if unresolved_only else EXIT_POLICY_BROKEN
