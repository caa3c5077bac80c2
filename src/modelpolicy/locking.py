"""The `lock` command: resolve what a repository uses and write `modelpolicy.lock`, or check it for drift against
the Hub's answers today. The file's format lives in `lockfile.py`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from modelpolicy.errors import ModelpolicyError
from modelpolicy.files import exclusive
from modelpolicy.lockfile import (
    FILENAME,
    Entry,
    NewerFormatError,
    entries_for,
    entry_order,
    now_utc,
    read,
    resolver_for,
    write,
)
from modelpolicy.model import Artefact, Parent, Resolved, Terms, Unresolved, Weights
from modelpolicy.resolve.interface import Unreachable
from modelpolicy.resolve.locked import LOCKED_KINDS, Key, locked_key

if TYPE_CHECKING:
    from modelpolicy.discover import Discovery
    from modelpolicy.model import Finding
    from modelpolicy.policy import Policy
    from modelpolicy.resolve import Subject
    from modelpolicy.resolve.interface import Resolver


@dataclass(frozen=True)
class Locked:
    """What `lock` wrote, and what it has to say about it."""

    path: Path
    entries: tuple[Entry, ...]
    notes: tuple[str, ...]  # skipped files, a previous lockfile that was upgraded or could not be read
    unreachable: tuple[str, ...] = ()  # when not empty, nothing was written: why, one line each, then what to do
    changes: tuple[str, ...] = ()  # each existing entry the rewrite changed: licence, revision, gating, lineage
    verdicts: tuple[str, ...] = ()  # each verdict those changes move under the policy given to `lock`


def lock(
    paths: list[Path],
    root: Path,
    resolvers: tuple[Resolver, ...],
    *,
    now: str | None = None,
    exclude: tuple[str, ...] = (),
    policy: Policy | None = None,
    offline: bool = False,
) -> Locked:
    """Resolve what `paths` use through `resolvers` (before any clarification: the policy applies them when it
    judges) and write `<root>/modelpolicy.lock`. Locking part of the repository keeps the other entries.

    When the Hub could not be asked about an artefact (`Unreachable`: offline, no network, a timeout, a server
    error), nothing is written: the lockfile holds the answers a team reviewed, and replacing good ones with "could
    not reach the Hub" (or writing only some) would fail every later commit for a reason unrelated to the code.
    `Locked.unreachable` then says which artefacts, and the previous lockfile stays as it was. An `offline` lock
    (`lock --offline`) asked no one on purpose: what the knowledge base and the local caches do not answer keeps its
    previous entry, else is locked unresolved, which the policy's `unknown` judges.

    Runs side by side take turns (`files.exclusive`) from reading the previous lockfile to replacing it, so that
    each keeps the entries the others wrote: resolving, the slow part, is done before."""
    from modelpolicy.resolve import resolve_all
    from modelpolicy.scan import discover_paths

    path = root / FILENAME
    _previous(path)  # a lockfile written by a newer modelpolicy stops the run here, before the Hub is asked
    discovery = discover_paths(paths, exclude)
    subjects = resolve_all(discovery.artefacts, resolvers)
    skipped = tuple(f"skipped {skipped.path}: {skipped.reason}" for skipped in discovery.skipped)
    whole = any(p.resolve() == root.resolve() for p in paths)
    with exclusive(path, "the lockfile"):
        locked, previous = _rewrite(path, subjects, skipped, whole, now or now_utc(), offline=offline)
    if locked.unreachable or not previous:
        return locked
    kept = {key: entry for key, entry in previous.items() if key in {e.key for e in locked.entries}}
    changes = tuple(line for line in _changes(kept, {e.key: e for e in locked.entries}) if ": new, not in" not in line)
    verdicts = () if policy is None or not changes else tuple(_moved(discovery, policy, previous, locked.entries))
    return replace(locked, changes=changes, verdicts=verdicts)


def _moved(discovery: Discovery, policy: Policy, before: Mapping[Key, Entry], after: Iterable[Entry]) -> list[str]:
    """The verdicts a rewrite of the lockfile moves under `policy`."""
    from modelpolicy.resolve.images import ImageResolver
    from modelpolicy.resolve.knowledge import KnowledgeResolver
    from modelpolicy.scan import judge

    bundled = (KnowledgeResolver(), ImageResolver())
    then = judge(discovery, policy, (resolver_for(before.values(), FILENAME), *bundled))
    now = judge(discovery, policy, (resolver_for(tuple(after), FILENAME), *bundled))
    return _verdict_changes(then.findings, now.findings, policy.name)


def _rewrite(
    path: Path, subjects: list[Subject], skipped: tuple[str, ...], whole: bool, now: str, *, offline: bool = False
) -> tuple[Locked, dict[Key, Entry]]:
    """Replace the lockfile at `path` with an entry per subject (and, unless the `whole` repository was locked,
    the entries of the previous lockfile that no subject replaces); nothing when one could not be resolved. Also
    the previous lockfile's entries."""
    from modelpolicy.knowledge import load as load_knowledge

    previous, notes = _previous(path)
    entries = entries_for(subjects, load_knowledge(), previous, now)
    if offline:
        entries = _locked_offline(entries, previous)
    failed = [entry for entry in entries if isinstance(entry.resolution, Unreachable)]
    if failed:
        return Locked(path, entries, skipped, _unreachable(path, failed, "left as it was, not rewritten")), previous
    if not whole:
        kept = previous.keys() - {entry.key for entry in entries}
        entries = tuple(sorted((*entries, *(previous[key] for key in kept)), key=entry_order))
    write(path, entries)
    return Locked(path, entries, notes + skipped), previous


OFFLINE_UNRESOLVED = "not in the bundled knowledge or the local caches, locked offline: run `modelpolicy lock` online"


def _locked_offline(entries: tuple[Entry, ...], previous: Mapping[Key, Entry]) -> tuple[Entry, ...]:
    """The entries of an offline lock: one it could not resolve keeps the previous lockfile's (an answer once
    reviewed, with its ancestors), else is locked unresolved for the policy's `unknown` to judge."""
    held = {entry.key for entry in entries if isinstance(entry.resolution, Unreachable)}
    return tuple(
        replace(entry, resolution=Unresolved(OFFLINE_UNRESOLVED), digest="")
        if isinstance(entry.resolution, Unreachable)
        else entry
        for entry in _holding(entries, held, previous)
    )


def _unreachable(path: Path, failed: list[Entry], outcome: str) -> tuple[str, ...]:
    """One line per artefact the Hub could not be asked about, with why, then what became of the lockfile."""
    lines = [f"{e.label}: {e.resolution.reason}" for e in failed if isinstance(e.resolution, Unresolved)]
    count = f"{len(failed)} artefact{'' if len(failed) == 1 else 's'}"
    lines.append(f"{path}: {outcome}: {count} could not be resolved; run it again online, once the Hub answers")
    return tuple(lines)


def _previous(path: Path) -> tuple[dict[Key, Entry], tuple[str, ...]]:
    """The entries of the lockfile about to be replaced, whose times are kept where the facts did not change. One
    that cannot be read is replaced, with a note; one written by a newer modelpolicy is left alone (an error)."""
    if not path.exists():
        return {}, ()
    try:
        previous = read(path)
    except NewerFormatError:
        raise
    except ModelpolicyError as error:
        return {}, (f"replacing a lockfile that could not be read: {error}",)
    return previous.by_key, previous.notes


@dataclass(frozen=True)
class Drift:
    """How the Hub's answers today differ from the lockfile: one line per entry, and per verdict that changes."""

    changes: tuple[str, ...]
    verdicts: tuple[str, ...]
    notes: tuple[str, ...] = ()
    unreachable: tuple[str, ...] = ()  # when not empty, nothing could be checked: why, then what to do
    unchecked: tuple[str, ...] = ()  # each artefact the Hub could not be asked about, and why: not drift


def check(
    paths: list[Path], root: Path, policy: Policy, resolvers: tuple[Resolver, ...], exclude: tuple[str, ...] = ()
) -> Drift:
    """Resolve what `paths` use again through `resolvers`, compare it with the lockfile entry by entry, and judge
    both under `policy`. A verdict counts as changed only for an artefact the lockfile holds: one it lacks is
    listed as new (`scan --locked` fails it as not locked)."""
    from modelpolicy.knowledge import load as load_knowledge
    from modelpolicy.resolve import resolve_all
    from modelpolicy.resolve.images import ImageResolver
    from modelpolicy.resolve.knowledge import KnowledgeResolver
    from modelpolicy.scan import discover_paths, judge

    locked = read(root / FILENAME)
    discovery = discover_paths(paths, (*policy.exclude, *exclude))
    subjects = resolve_all(discovery.artefacts, resolvers)
    fresh = entries_for(subjects, load_knowledge(), locked.by_key, now_utc())
    failed = [entry for entry in fresh if isinstance(entry.resolution, Unreachable)]
    if failed and len(failed) == len(fresh):  # nothing was checked: saying "no drift" would be a lie
        return Drift((), (), locked.notes, _unreachable(root / FILENAME, failed, "not checked"))
    unchecked = tuple(
        f"{e.label}: not checked: {e.resolution.reason}" for e in failed if isinstance(e.resolution, Unresolved)
    )
    fresh = _holding(fresh, {e.key for e in failed}, locked.by_key)
    bundled = (KnowledgeResolver(), ImageResolver())
    then = judge(discovery, policy, (resolver_for(locked.entries, FILENAME), *bundled))
    now = judge(discovery, policy, (resolver_for(fresh, "the Hub's answers"), *bundled))
    changes = _changes(locked.by_key, {entry.key: entry for entry in fresh})
    verdicts = _verdict_changes(then.findings, now.findings, policy.name)
    return Drift(tuple(changes), tuple(verdicts), locked.notes, unchecked=unchecked)


def _holding(fresh: Iterable[Entry], held: set[Key], locked: Mapping[Key, Entry]) -> tuple[Entry, ...]:
    """`fresh` with the locked entries of `held` (the Hub said nothing about these: not drift, so the locked answer
    stands), and of their locked ancestors, which could not be walked to."""
    kept = _needed(held & locked.keys(), locked).keys
    entries = {e.key: locked.get(e.key, e) if e.key in held else e for e in fresh}
    entries.update({key: locked[key] for key in kept if key not in entries})
    return tuple(sorted(entries.values(), key=entry_order))


def _changes(locked: Mapping[Key, Entry], fresh: Mapping[Key, Entry]) -> list[str]:
    lines = []
    for key in sorted(locked.keys() | fresh.keys(), key=lambda k: (k[0].value, k[1], k[2] or "")):
        old, new = locked.get(key), fresh.get(key)
        if new is None and old is not None:
            lines.append(f"{old.label}: in {FILENAME} but no longer referenced")
        elif old is None and new is not None:
            lines.append(f"{new.label}: new, not in {FILENAME} ({_state(new)})")
        elif old is not None and new is not None and replace(new, resolved_at=old.resolved_at) != old:
            lines.append(f"{new.label}: {_change(old, new)}")
    return lines


def _state(entry: Entry) -> str:
    resolution = entry.resolution
    if isinstance(resolution, Unresolved):
        return f"unresolved: {resolution.reason}"
    at = resolution.terms.revision[:12] if resolution.terms.revision else "an unknown revision"
    return f"{resolution.terms.license or 'no licence'} at {at}"


def _change(old: Entry, new: Entry) -> str:
    before, after = old.resolution, new.resolution
    if isinstance(after, Unresolved) and isinstance(before, Resolved):
        for word, became in (("gated", "became gated"), ("not found", "disappeared")):
            if word in after.reason:
                return f"{became} ({after.reason})"
    if not (isinstance(before, Resolved) and isinstance(after, Resolved)):
        return f"{_state(old)} -> {_state(new)}"
    was, now = before.terms, after.terms
    parts = []
    if (was.license, was.revision) != (now.license, now.revision):
        parts.append(f"{_state(old)} -> {_state(new)}")
    if now.weights is Weights.GATED and was.weights is not Weights.GATED:
        parts.append("became gated")
    if was.parents != now.parents:
        parts.append(f"lineage {_lineage(was)} -> {_lineage(now)}")
    if old.digest != new.digest and was.license == now.license:
        parts.append(f"the knowledge base's terms of {now.license} changed")
    others = [f for f in _OTHER_FACTS if getattr(was, f) != getattr(now, f)]
    others = [f for f in others if not (f == "weights" and "became gated" in parts)]
    if others:
        parts.append(f"{', '.join(others)} changed")
    return "; ".join(parts) or f"source {was.source} -> {now.source}"


_OTHER_FACTS = ("weights", "training_data", "output", "note", "history")


def _lineage(terms: Terms) -> str:
    return ", ".join(f"{p.relation} of {p.id}" for p in terms.parents) or "none"


def _verdict_changes(then: Iterable[Finding], now: Iterable[Finding], policy: str) -> list[str]:
    before = {finding.artefact.key: finding for finding in then}
    lines = []
    for finding in now:
        old = before.get(finding.artefact.key)
        if old is None or old.verdict is finding.verdict or _not_locked(old):
            continue
        artefact = finding.artefact
        label = f"{artefact.id}@{artefact.revision}" if artefact.revision else artefact.id
        codes = ", ".join(v.code for v in finding.violations)
        lines.append(f"{label}: {old.verdict} -> {finding.verdict} under {policy}" + (f" ({codes})" if codes else ""))
    return lines


def _not_locked(finding: Finding) -> bool:
    return isinstance(finding.resolution, Unresolved) and finding.resolution.concern == "not-locked"


@dataclass(frozen=True)
class Staleness:
    """How the lockfile falls short of the references in the repository, one line each: what `scan --locked` would
    fail as not locked, and entries nothing needs any more."""

    missing: tuple[str, ...]
    unused: tuple[str, ...]
    notes: tuple[str, ...] = ()


def verify(paths: list[Path], root: Path, exclude: tuple[str, ...] = ()) -> Staleness:
    """Compare the references under `paths` with `<root>/modelpolicy.lock`, offline: no resolver runs. A model or
    dataset reference (at its revision) needs an entry, and so does each base model or dataset its entry names; an
    entry neither referenced nor an ancestor of one is unused. Unused entries are only looked for when `paths` cover
    the whole repository. Raises ModelpolicyError when the lockfile is missing or cannot be read."""
    from modelpolicy.scan import discover_paths

    locked = read(root / FILENAME)
    entries = locked.by_key
    referenced = {locked_key(*a.key): a for a in discover_paths(paths, exclude).artefacts}
    missing = [_unlocked(a) for key, a in referenced.items() if a.kind in LOCKED_KINDS and key not in entries]
    needed = _needed(referenced.keys() & entries.keys(), entries)
    missing += [
        f"{entries[child].label}: its {parent.relation} parent {parent.id} is not in {FILENAME}"
        for child, parent in needed.missing
    ]
    whole = any(p.resolve() == root.resolve() for p in paths)
    unused = [f"{e.label}: in {FILENAME} but no longer referenced" for k, e in entries.items() if k not in needed.keys]
    return Staleness(tuple(sorted(missing)), tuple(sorted(unused)) if whole else (), locked.notes)


@dataclass(frozen=True)
class _Needed:
    keys: frozenset[Key]
    missing: tuple[tuple[Key, Parent], ...]  # an entry, and an ancestor of it the lockfile lacks


def _needed(start: set[Key], entries: Mapping[Key, Entry]) -> _Needed:
    """The entries `start` needs: themselves and their ancestors, walked through the entries' `parents`."""
    seen, todo, missing = set(start), list(start), []
    while todo:
        key = todo.pop()
        resolution = entries[key].resolution
        for parent in resolution.terms.parents if isinstance(resolution, Resolved) else ():
            parent_key = locked_key(parent.kind, parent.id, None)
            if parent_key in entries and parent_key not in seen:
                seen.add(parent_key)
                todo.append(parent_key)
            elif parent_key not in entries and parent.kind in LOCKED_KINDS:
                missing.append((key, parent))
    return _Needed(frozenset(seen), tuple(missing))


def _unlocked(artefact: Artefact) -> str:
    where = f"{artefact.references[0].location}: " if artefact.references else ""
    label = f"{artefact.id}@{artefact.revision}" if artefact.revision else artefact.id
    return f"{where}{label}: referenced but not in {FILENAME}"


@dataclass(frozen=True)
class Rejudged:
    """A staged lockfile's changed entries, judged: one line per change, then each finding they touch that does
    not pass, and whether any of those fails."""

    lines: tuple[str, ...]
    failed: int
    warned: int


def rejudge_staged(paths: list[Path], root: Path, policy: Policy, exclude: tuple[str, ...] = ()) -> Rejudged | None:
    """When `<root>/modelpolicy.lock` is staged with changes from HEAD's, judge under `policy` every artefact the
    repository references whose entry, or an ancestor's, changed: a relock that brings in a non-commercial licence
    is caught at the commit, not at the next full scan. None when nothing about the lockfile is staged (or `root` is
    no git work tree). The index's copy is judged, which is what the commit records."""
    from modelpolicy.model import Verdict
    from modelpolicy.resolve.images import ImageResolver
    from modelpolicy.resolve.knowledge import KnowledgeResolver
    from modelpolicy.scan import discover_paths, judge

    staged = _blob_of(root, "ls-files", "--stage", "--", FILENAME)
    if staged is None or staged == _blob_of(root, "ls-tree", "HEAD", "--", FILENAME) or not _has_head(root):
        return None  # a first commit stages every file: the `modelpolicy` hook judges them all
    path = root / FILENAME
    try:
        before = _lockfile_at(root, _blob_of(root, "ls-tree", "HEAD", "--", FILENAME), path)
    except ModelpolicyError:  # HEAD's could not be read: every staged entry is new
        before = {}
    after = _lockfile_at(root, staged, path)
    changed = {key for key, entry in after.items() if _differs(before, key, entry)}
    if not changed:
        return None
    judged = judge(
        discover_paths(paths, (*policy.exclude, *exclude)),
        policy,
        (resolver_for(after.values(), f"{FILENAME} (staged)"), KnowledgeResolver(), ImageResolver()),
    )
    lines: list[str] = [
        f"{FILENAME} (staged): {line}"
        for line in _changes({k: before[k] for k in changed & before.keys()}, {k: after[k] for k in changed})
        if line
    ]
    touched = [f for f in judged.findings if _touches(locked_key(*f.artefact.key), after, changed)]
    failing = [f for f in touched if f.verdict is not Verdict.PASS]
    for finding in failing:
        where = f"{finding.artefact.references[0].location}: " if finding.artefact.references else ""
        for violation in finding.violations:
            lines.append(
                f"{where}{finding.artefact.id}: {violation.severity} under {policy.name}: {violation.message} "
                f"[{violation.code}]"
            )
    fails = sum(1 for f in failing if f.verdict is Verdict.FAIL)
    return Rejudged(tuple(lines), fails, len(failing) - fails)


def _differs(before: Mapping[Key, Entry], key: Key, new: Entry) -> bool:
    """Whether a staged entry changed from HEAD's lockfile. An entry HEAD's lockfile lacks is new for a reference
    the commit stages, which the `modelpolicy` hook judges: it counts only in a first lockfile, whose entries all
    replace the offline answers the hook judged before."""
    old = before.get(key)
    if old is None:
        return not before
    return replace(new, resolved_at=old.resolved_at) != old


def _touches(key: Key, entries: Mapping[Key, Entry], changed: set[Key]) -> bool:
    """Whether the entry for `key`, or an ancestor of it through the entries' lineage, is among `changed`."""
    return key in entries and bool(_needed({key}, entries).keys & changed)


def _has_head(root: Path) -> bool:
    from modelpolicy.gitsafe import git

    try:
        return git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").returncode == 0
    except OSError:
        return False


def _blob_of(root: Path, *listing: str) -> str | None:
    """The blob id `git ls-files --stage` or `git ls-tree` gives for the lockfile; None when there is none (no git,
    no work tree, no HEAD yet, or the file is not there)."""
    from modelpolicy.gitsafe import git

    try:
        done = git(root, *listing)
    except OSError:
        return None
    fields = done.stdout.split(b"\t", 1)[0].split()
    if done.returncode != 0 or len(fields) < 3:
        return None
    return fields[1 if listing[0] == "ls-files" else 2].decode("ascii", "replace")


def _lockfile_at(root: Path, blob: str | None, path: Path) -> dict[Key, Entry]:
    """The entries of the lockfile held in git `blob` (none for None), read as if from `path`."""
    from modelpolicy.gitsafe import git
    from modelpolicy.lockfile import parse

    if blob is None:
        return {}
    done = git(root, "cat-file", "blob", blob)
    if done.returncode != 0:
        return {}
    try:
        text = done.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ModelpolicyError(
            f"cannot read the staged lockfile ({error}); run `modelpolicy lock`", path=str(path)
        ) from None
    return parse(text, path).by_key
