"""`scan --since REF`: which findings a change introduces, so a pull request fails only for what it adds.

A finding is new when any of its references sits on a line added since REF: a line of a work-tree file (staged or
not) that the file's content at REF does not have in that place, or any line of a file REF does not have. The
comparison starts from the merge base of REF and HEAD, as a pull request's does, so lines that REF's branch removed
after the branch point are not mistaken for additions. A file moved since REF (same content, or same name in another
folder) is compared with where it was: a moved file is not a new use.

The comparison is our own (`difflib`), from the blob at REF and the bytes in the work tree: `git diff` would run the
filters, textconv drivers and external diff the tree's configuration names, and honours `.gitattributes` that can
make a file's changes invisible (`*.py binary`, `-diff`). Only the files a finding names are compared.

The policy is compared too (`mark_policy_changes`): each way it is looser than the policy the same scan found at the
merge base is a `policy-changed` warning at the policy file's line (`policy/changes.py`, `policy/at_ref.py`).
"""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from modelpolicy import gitsafe
from modelpolicy.errors import ModelpolicyError
from modelpolicy.model import Finding
from modelpolicy.policy import Policy
from modelpolicy.report import Report


@dataclass
class Added:
    """What changed since a commit, asked file by file: `at_base` is the commit's files (path -> blob id),
    `present` the work tree's (tracked and untracked-not-ignored), each file's added lines worked out once."""

    root: Path
    at_base: dict[str, str]
    present: frozenset[str]
    _lines: dict[str, frozenset[int] | None] = field(default_factory=dict)

    def covers(self, path: str, line: int) -> bool:
        added = self.lines(path)
        return added is None or line in added

    def touches(self, path: str) -> bool:
        added = self.lines(path)
        return added is None or bool(added)

    def lines(self, path: str) -> frozenset[int] | None:
        """The 1-based lines of `path` added since the commit; None when the whole file is new."""
        if path not in self._lines:
            self._lines[path] = self._compare(path)
        return self._lines[path]

    def _compare(self, path: str) -> frozenset[int] | None:
        try:
            now = (self.root / path).read_bytes()
        except OSError:
            return frozenset()  # gone: nothing of it is added
        blob = self.at_base.get(path) or self._moved_from(path, now)
        if blob is None:
            return None
        if blob == _blob_id(now):
            return frozenset()
        return added_lines(_blob(self.root, blob), now)

    def _moved_from(self, path: str, now: bytes) -> str | None:
        """The blob of the file `path` was moved from: one REF has and the work tree has not, with the same
        content, else the only one with the same name."""
        gone = {p: blob for p, blob in self.at_base.items() if p not in self.present}
        same = _blob_id(now)
        if same in gone.values():
            return same
        name = path.rpartition("/")[2]
        named = [blob for p, blob in gone.items() if p.rpartition("/")[2] == name]
        return named[0] if len(named) == 1 else None


def added_lines(before: bytes, after: bytes) -> frozenset[int]:
    """The 1-based lines of `after` that `before` does not have there (line ends `\r\n`, `\r` and `\n` alike,
    counted as `ast` counts lines)."""
    old, new = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    added: set[int] = set()
    for tag, _, _, first, last in matcher.get_opcodes():
        if tag in ("insert", "replace"):
            added.update(range(first + 1, last + 1))
    return frozenset(added)


def _blob_id(data: bytes) -> str:
    """git's object id for a blob of `data` (SHA-1 repositories)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def mark_new(report: Report, root: Path, ref: str) -> Report:
    """`report` with each finding marked new or not, and `since` set: only new findings decide the exit code."""
    added = added_since(root, ref)
    findings = tuple(replace(f, new=_is_new(f, added)) for f in report.findings)
    unreadable = tuple(replace(u, new=added.touches(u.skipped.path)) for u in report.unreadable)
    return replace(report, findings=findings, unreadable=unreadable, since=ref)


def _is_new(finding: Finding, added: Added) -> bool:
    return any(added.covers(r.path, r.line) for r in finding.artefact.references)


def added_since(root: Path, ref: str) -> Added:
    """What the work tree at `root` adds since `ref`; paths relative to `root`, `/`-separated."""
    if ref.startswith("-"):
        raise ModelpolicyError(f"--since {ref}: a git ref cannot start with '-'; name a branch, tag or commit")
    if _git(root, ref, "rev-parse", "--is-inside-work-tree").strip() != b"true":
        raise _not_a_work_tree(root, ref)
    commit = _commit(root, ref)
    prefix = _git(root, ref, "rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()
    listing = _git(root, ref, "ls-tree", "-r", "-z", "--full-tree", commit)
    present = _git(root, ref, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    return Added(root, _blobs(listing, prefix), frozenset(_names(present)))


def _blobs(listing: bytes, prefix: str) -> dict[str, str]:
    """`ls-tree -r -z` output as path (relative to the folder at `prefix`) -> blob id, for files and links."""
    blobs: dict[str, str] = {}
    for entry in listing.split(b"\0"):
        meta, _, name = entry.partition(b"\t")
        fields = meta.split()
        if len(fields) == 3 and fields[1] == b"blob":
            path = os.fsdecode(name)
            if path.startswith(prefix):
                blobs[path[len(prefix) :]] = fields[2].decode()
    return blobs


def _names(listing: bytes) -> list[str]:
    return [os.fsdecode(name) for name in listing.split(b"\0") if name]


def _blob(root: Path, blob: str) -> bytes:
    """A blob's bytes as stored: `cat-file` without `--filters` runs no filter."""
    done = gitsafe.git(root, "cat-file", "blob", blob)
    return done.stdout if done.returncode == 0 else b""


def _commit(root: Path, ref: str) -> str:
    """`ref` as a commit sha: the merge base with HEAD when there is one (a shallow clone may lack it), else `ref`."""
    found = _git(root, ref, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
    if not found:
        raise ModelpolicyError(f"git does not know --since {ref} in {root}; {_fetch_hint(ref)}")
    commit = found.decode().strip()
    base = _git(root, ref, "merge-base", commit, "HEAD", check=False)
    return base.decode().strip() or commit


def _fetch_hint(ref: str) -> str:
    if "~" in ref or "^" in ref:
        return "check it, or fetch the history it needs (a shallow clone: git fetch --unshallow)"
    remote, _, branch = ref.partition("/")
    if branch:
        return f"fetch it with git fetch {remote} {branch} (in CI, check out with enough history), or name another"
    return f"check the name, or fetch it with git fetch origin {ref}"


def _git(root: Path, ref: str, *args: str, check: bool = True) -> bytes:
    """Run git in `root` (`gitsafe`: no command from the tree's configuration runs); with `check`, a failure is a
    ModelpolicyError naming the folder. Without it, b"" then."""
    return gitsafe.output(root, f"--since {ref}", *args, check=check, drop=" or drop --since")


def _not_a_work_tree(root: Path, ref: str) -> ModelpolicyError:
    return ModelpolicyError(f"--since {ref}: {root} is not in a git work tree; scan a git checkout or drop --since")


def mark_policy_changes(
    report: Report, root: Path, ref: str, start: Path, *, explicit: str | None, now: Policy
) -> Report:
    """`report` with a `policy-changed` warning for each way the policy `now` is looser than the one the same scan
    found at REF's merge base (`policy.changes`); a policy at REF that cannot be read is one warning saying so."""
    from modelpolicy.policy.at_ref import policy_at
    from modelpolicy.policy.changes import TAG, policy_changes

    commit = _commit(root, ref)
    try:
        before = policy_at(commit, start, root, explicit, option="--since", label=ref)
    except ModelpolicyError as error:
        problem = f"the policy at {ref} cannot be read ({error}), so changes to it are not listed {TAG}"
        return replace(report, warnings=(*report.warnings, problem))
    file = _policy_file_now(start, root, explicit)
    declared = _table(file) if file else None
    changes = policy_changes(
        before.policy, now, ref=ref, declared_before=before.declared, declared_after=declared, file=file
    )
    return replace(report, warnings=(*report.warnings, *changes))


def _policy_file_now(start: Path, root: Path, explicit: str | None) -> tuple[Path, tuple[str, ...]] | None:
    """The file today's policy is declared in, and its table; None for a preset."""
    from modelpolicy.policy.load import PYPROJECT, policy_file

    if explicit is None:
        return policy_file(start, root)
    path = Path(explicit)
    if explicit.endswith(".toml") or path.exists():
        return path, ("tool", "modelpolicy") if path.name == PYPROJECT else ()
    return None


def _table(file: tuple[Path, tuple[str, ...]]) -> dict[str, Any] | None:
    import tomllib

    from modelpolicy.policy.load import _read

    values: Any = tomllib.loads(_read(file[0]))  # read once already by the loader: it parses
    for key in file[1]:
        values = values.get(key) if isinstance(values, dict) else None
    return values if isinstance(values, dict) else None
