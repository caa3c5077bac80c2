"""`scan --since REF`: which findings a change introduces, so a pull request fails only for what it adds.

A finding is new when any of its references sits on a line added since REF: a line git's diff of the work tree
(staged and unstaged changes alike) shows as added, or any line of an untracked file that is not ignored. The diff
starts from the merge base of REF and HEAD, as a pull request's does, so lines that REF's branch removed after the
branch point are not mistaken for additions. Renames are followed (`-M`): a moved file is not a new use.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from modelpolicy.errors import ModelpolicyError
from modelpolicy.model import Finding
from modelpolicy.report import Report

_HUNK = re.compile(rb"^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {ord(k): v for k, v in zip('abtnvfr"\\', b'\a\b\t\n\v\f\r"\\', strict=True)}


@dataclass(frozen=True)
class Added:
    """What changed since REF: lines added to tracked files, and untracked files (new in every line)."""

    lines: frozenset[tuple[str, int]]
    untracked: frozenset[str]

    def covers(self, path: str, line: int) -> bool:
        return (path, line) in self.lines or path in self.untracked

    def touches(self, path: str) -> bool:
        return path in self.untracked or any(p == path for p, _ in self.lines)


def mark_new(report: Report, root: Path, ref: str) -> Report:
    """`report` with each finding marked new or not, and `since` set: only new findings decide the exit code."""
    added = added_since(root, ref)
    findings = tuple(replace(f, new=_is_new(f, added)) for f in report.findings)
    unreadable = tuple(replace(u, new=added.touches(u.skipped.path)) for u in report.unreadable)
    return replace(report, findings=findings, unreadable=unreadable, since=ref)


def _is_new(finding: Finding, added: Added) -> bool:
    return any(added.covers(r.path, r.line) for r in finding.artefact.references)


def added_since(root: Path, ref: str) -> Added:
    """The lines and files added in the work tree at `root` since `ref`; paths relative to `root`, `/`-separated."""
    if ref.startswith("-"):
        raise ModelpolicyError(f"--since {ref}: a git ref cannot start with '-'; name a branch, tag or commit")
    if _git(root, ref, "rev-parse", "--is-inside-work-tree").strip() != b"true":
        raise _not_a_work_tree(root, ref)
    commit = _commit(root, ref)
    diff = _git(
        root,
        ref,
        *("diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0", "-M", "--relative"),
        *("--src-prefix=a/", "--dst-prefix=b/", commit, "--"),
    )
    untracked = _git(root, ref, "ls-files", "--others", "--exclude-standard", "-z")
    return Added(
        lines=frozenset(added_lines(diff)),
        untracked=frozenset(os.fsdecode(p) for p in untracked.split(b"\0") if p),
    )


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
    """Run git in `root`; with `check`, a failure is a ModelpolicyError naming the folder. Without it, b"" then."""
    import subprocess

    command = ["git", "-c", "core.quotepath=off", *args]
    environment = {**os.environ, "LC_ALL": "C"}
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, env=environment, check=False)
    except FileNotFoundError as error:
        raise ModelpolicyError(
            f"--since {ref} needs git, which is not installed; install it or drop --since"
        ) from error
    if done.returncode == 0:
        return done.stdout
    if not check:
        return b""
    if b"not a git repository" in done.stderr:
        raise _not_a_work_tree(root, ref)
    cause = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
    raise ModelpolicyError(f"--since {ref}: git {args[0]} failed in {root}: {cause[0]}")


def _not_a_work_tree(root: Path, ref: str) -> ModelpolicyError:
    return ModelpolicyError(f"--since {ref}: {root} is not in a git work tree; scan a git checkout or drop --since")


def added_lines(diff: bytes) -> set[tuple[str, int]]:
    """(path, line) of each added line in a `--unified=0` patch, the line counted in the new file.

    Hunk bodies are skipped by their counts, so an added line that reads like a header is never taken for one."""
    added: set[tuple[str, int]] = set()
    path: str | None = None
    lines = iter(diff.split(b"\n"))
    for line in lines:
        if line.startswith(b"+++ "):
            path = _new_path(line[4:])
        elif hunk := _HUNK.match(line):
            removed, start, count = (int(g) if g is not None else 1 for g in hunk.groups())
            if path is not None:
                added.update((path, start + i) for i in range(count))
            _skip_body(lines, removed + count)
    return added


def _skip_body(lines: Iterator[bytes], count: int) -> None:
    """Consume `count` `-`/`+` lines of a hunk body; `\\ No newline at end of file` lines do not count."""
    while count > 0:
        line = next(lines, None)
        if line is None:
            return
        if not line.startswith(b"\\"):
            count -= 1


def _new_path(text: bytes) -> str | None:
    """The path of a `+++ ` header, git's C-style quoting undone; None for `/dev/null` (a deleted file)."""
    text = text.removesuffix(b"\t")  # git ends a name that holds a space with a tab
    if text.startswith(b'"'):
        text = _unquote(text[1:-1])
    return os.fsdecode(text[2:]) if text.startswith(b"b/") else None


def _unquote(text: bytes) -> bytes:
    r"""Undo git's quoting of a path: `\t`, `\"`, `\\` and the like, and `\ooo` octal bytes."""
    out = bytearray()
    index = 0
    while index < len(text):
        byte = text[index]
        if byte != ord("\\") or index + 1 >= len(text):
            out.append(byte)
            index += 1
        elif text[index + 1] in _ESCAPES:
            out.append(_ESCAPES[text[index + 1]])
            index += 2
        else:
            out.append(int(text[index + 1 : index + 4], 8))
            index += 4
    return bytes(out)
