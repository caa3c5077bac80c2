"""The repository's policy as it was at a git commit: `scan --policy-from REF`, and what `--since REF` compares with.

A pull request ships its own policy: one that adds an exception, loosens a rule or switches to a laxer preset would
judge itself. `--policy-from` judges under the policy of another commit (the pull request's base) instead.

The files are read from git's objects at the commit (`ls-tree`, `cat-file` without `--filters`, through `gitsafe`:
no hook, filter or fsmonitor of the tree's configuration runs), never from the work tree: the nearest
`pyproject.toml` with `[tool.modelpolicy]` or `.modelpolicy.toml` from the scanned folder up to the root, as a scan
finds them, and each file a relative `extends` names, from the same commit. They are written to a private temporary
folder laid out as the repository is, and read there by the ordinary loader, so every check a policy file gets, it
gets here too. An `extends` that is a preset, or an absolute path, is what it is today. A symbolic link in the
commit is followed inside the commit. Places in the policy (an exception's `file:line`) and in errors are shown as
`REF:path:line`, git's own way to name a file at a commit.
"""

from __future__ import annotations

import os
import posixpath
import tempfile
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from modelpolicy import gitsafe
from modelpolicy.errors import ModelpolicyError
from modelpolicy.files import MAX_READ_BYTES, shown_path
from modelpolicy.policy import Policy

_LINK_MODE = "120000"
_MAX_LINKS = 8  # links followed for one file, as a system would stop a loop
_MAX_FILES = 64  # files read from the commit: the two candidates per folder and an `extends` chain


@dataclass(frozen=True)
class PolicyAt:
    """The policy at a commit, and the table its own file declares there (None: no policy file, a preset)."""

    policy: Policy
    declared: dict[str, Any] | None


@dataclass(frozen=True)
class _Entry:
    mode: str
    blob: str
    size: int


def policy_at(
    ref: str, start: Path, root: Path, explicit: str | None, *, option: str = "--policy-from", label: str = ""
) -> PolicyAt:
    """The policy a scan of `start` (inside `root`) finds, as it was at the commit `ref` names; with `explicit`
    (`--policy`), that file at the commit, or that preset. Places are shown as `LABEL:path` (default: `ref`)."""
    from modelpolicy.policy.load import PYPROJECT, load_named, load_repository_policy

    if ref.startswith("-"):
        raise ModelpolicyError(f"{option} {ref}: a git ref cannot start with '-'; name a branch, tag or commit")
    top = Path(_git(root, ref, option, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())
    found = _git(root, ref, option, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip()
    if not found:
        raise ModelpolicyError(f"git does not know {option} {ref} in {root}; fetch it, or name another commit")
    tree = _tree(_git(root, ref, option, "ls-tree", "-r", "-z", "-l", "--full-tree", found.decode()))
    folder = start if start.is_dir() else start.parent
    with tempfile.TemporaryDirectory(prefix="modelpolicy-policy-") as temporary:
        copy = _Copy(Path(temporary).resolve(), tree, root, label or ref)
        try:
            if explicit and (explicit.endswith(".toml") or Path(explicit).exists()):
                inside = _relative(Path(explicit), top, f"{option} {ref}: --policy {explicit}")
                copy.take(inside)
                prefix = ("tool", "modelpolicy") if posixpath.basename(inside) == PYPROJECT else ()
                policy = load_named(str(copy.folder / inside))
                declared = copy.declared(inside, prefix)
            elif explicit:
                return PolicyAt(load_named(explicit), None)
            else:
                start_inside = _relative(folder, top, f"{option} {ref}")
                root_inside = _relative(root, top, f"{option} {ref}")
                for candidate in _folders(start_inside, root_inside):
                    copy.take(posixpath.join(candidate, PYPROJECT) if candidate else PYPROJECT)
                    copy.take(posixpath.join(candidate, ".modelpolicy.toml") if candidate else ".modelpolicy.toml")
                (copy.folder / start_inside).mkdir(parents=True, exist_ok=True)
                policy = load_repository_policy(copy.folder / start_inside, copy.folder / root_inside)
                declared = copy.declared_for(start_inside, root_inside)
        except ModelpolicyError as error:
            raise copy.relabel_error(error) from None
        return PolicyAt(copy.relabel(policy), declared)


class _Copy:
    """The policy files of one commit, written under `folder` where they are in the repository."""

    def __init__(self, folder: Path, tree: dict[str, _Entry], root: Path, ref: str) -> None:
        self.folder, self.tree, self.root, self.ref = folder, tree, root, ref
        self.taken: set[str] = set()
        self.prefixes = sorted({f"{folder}{os.sep}", f"{shown_path(folder)}{os.sep}"}, key=len, reverse=True)

    def take(self, path: str) -> None:
        """Write the file at `path` in the commit (following links there), then the files its `extends` names."""
        if path in self.taken or len(self.taken) >= _MAX_FILES:
            return
        entry = self._followed(path)
        if entry is None:
            return
        self.taken.add(path)
        if entry.size > MAX_READ_BYTES:
            raise ModelpolicyError(
                f"larger than {MAX_READ_BYTES // (1024 * 1024)} MiB at {self.ref}: not a policy file to read",
                path=f"{self.ref}:{path}",
            )
        done = gitsafe.git(self.root, "cat-file", "blob", entry.blob)
        target = self.folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(done.stdout if done.returncode == 0 else b"")
        for extends in _relative_extends(done.stdout, posixpath.basename(path)):
            self.take(posixpath.normpath(posixpath.join(posixpath.dirname(path), extends)))

    def _followed(self, path: str) -> _Entry | None:
        for _ in range(_MAX_LINKS):
            entry = self.tree.get(path)
            if entry is None or entry.mode != _LINK_MODE:
                return entry
            target = gitsafe.git(self.root, "cat-file", "blob", entry.blob).stdout.decode("utf-8", "replace")
            path = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            if path.startswith(("../", "/")) or path == "..":
                return None  # outside the repository: not the commit's to give
        return None

    def declared(self, path: str, prefix: tuple[str, ...]) -> dict[str, Any] | None:
        return _table(self.folder / path, prefix)

    def declared_for(self, start: str, root: str) -> dict[str, Any] | None:
        """The table of the policy file a scan found (as `load.policy_file` finds it), None when it found none."""
        from modelpolicy.policy.load import policy_file

        found = policy_file(self.folder / start, self.folder / root)
        return None if found is None else _table(found[0], found[1])

    def relabel(self, policy: Policy) -> Policy:
        relabelled: Policy = _relabelled(policy, self._label)
        return relabelled

    def relabel_error(self, error: ModelpolicyError) -> ModelpolicyError:
        path = self._label(error.path) if error.path else None
        return ModelpolicyError(self._label(Exception.__str__(error)), path=path, line=error.line)

    def _label(self, text: str) -> str:
        for prefix in self.prefixes:
            text = text.replace(prefix, f"{self.ref}:")
        return text


def _relabelled(value: Any, label: Any) -> Any:
    """`value` with every place string passed through `label`: the frozen dataclasses of a policy, their tuples."""
    if type(value) is str:
        return label(value)
    if isinstance(value, tuple):
        return tuple(_relabelled(item, label) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _relabelled(getattr(value, f.name), label) for f in fields(value)}
        return replace(value, **changes)
    return value


def _table(path: Path, prefix: tuple[str, ...]) -> dict[str, Any] | None:
    try:
        values: Any = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return None
    for key in prefix:
        values = values.get(key) if isinstance(values, dict) else None
    return values if isinstance(values, dict) else None


def _relative_extends(data: bytes, name: str) -> list[str]:
    """The relative `.toml` file a policy file's `extends` names (in `[tool.modelpolicy]` for a pyproject.toml)."""
    try:
        values: Any = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return []  # the loader says what is wrong with it
    if name == "pyproject.toml":
        values = values.get("tool", {}).get("modelpolicy", {}) if isinstance(values.get("tool"), dict) else {}
    extends = values.get("extends") if isinstance(values, dict) else None
    if isinstance(extends, str) and extends.strip().endswith(".toml") and not posixpath.isabs(extends.strip()):
        return [extends.strip()]
    return []


def _folders(start: str, root: str) -> Iterable[str]:
    """`start`, then each folder above it up to `root` (repository-relative, "" for the top)."""
    folder = start
    while True:
        yield folder
        if folder == root or not folder:
            return
        folder = posixpath.dirname(folder)


def _relative(path: Path, top: Path, what: str) -> str:
    """`path` relative to the repository's top folder, `/`-separated ("" for the top itself)."""
    try:
        inside = path.resolve().relative_to(top.resolve())
    except ValueError:
        raise ModelpolicyError(f"{what}: {path} is outside the git repository at {top}") from None
    text = inside.as_posix()
    return "" if text == "." else text


def _tree(listing: bytes) -> dict[str, _Entry]:
    """`ls-tree -r -z -l` output as repository path -> entry, for files and links."""
    tree: dict[str, _Entry] = {}
    for line in listing.split(b"\0"):
        meta, _, name = line.partition(b"\t")
        parts = meta.split()
        if len(parts) == 4 and parts[1] == b"blob":
            size = int(parts[3]) if parts[3].isdigit() else 0
            tree[os.fsdecode(name)] = _Entry(parts[0].decode(), parts[2].decode(), size)
    return tree


def _git(root: Path, ref: str, option: str, *args: str, check: bool = True) -> bytes:
    return gitsafe.output(root, f"{option} {ref}", *args, check=check)
