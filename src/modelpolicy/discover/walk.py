"""Which files a scan reads: git's view of the tree where there is one, else every file under the paths.

Symbolic links are never followed (a file named on the command line excepted): one into the tree names a file the
walk meets where it is; one out of the tree, a loop or a dangling link is listed with the reason it was not read. Each
file is opened once, without following a link and without blocking (a FIFO), and checked with the open handle: a
file larger than its limit (`size_limit`) is never read, a binary, UTF-16 or otherwise non-UTF-8 file is not decoded.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024  # a notebook's outputs (images, logs) can dwarf the code cells it is read for
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
        ".ipynb_checkpoints",
    }
)
_BINARY_PROBE = 8192
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


class Candidate(NamedTuple):
    """A file to read: its path on disk and its path as reports show it (relative to the root, with `/`).

    `skip` is set when the walk already knows the file cannot be read (a symbolic link out of the tree...); `folder`
    when that entry is a folder, which no source's `wants` can judge; `follow` when the file was named explicitly and
    a symbolic link is read through; `regular` when the folder's listing said it is a regular file (False: unknown).
    A named tuple: one is made for every file of the tree, at half the cost of a frozen dataclass."""

    path: str
    relative: str
    skip: str = ""
    folder: bool = False
    follow: bool = False
    regular: bool = False

    @property
    def absolute(self) -> Path:
        return Path(self.path)


def candidates(root: Path, paths: list[Path]) -> Iterator[Candidate]:
    """The files under `paths` (files or folders inside `root`), in a stable order. git is asked for its list only
    when a folder is to be walked: files named one by one (the pre-commit hook's) are read as they are named."""
    tracked: list[Candidate] | None = None
    asked = False
    real_root = os.path.realpath(root)
    for path in paths:
        if path.is_file():
            yield Candidate(os.fspath(path), _relative(path, root), follow=True)
            continue
        if not asked:
            tracked, asked = _git_files(root), True
        prefix = _relative(path, root)
        if tracked is not None:
            everything = prefix in ("", ".")
            start = prefix + "/"
            for candidate in tracked:
                name = candidate.relative
                if everything or name == prefix or name.startswith(start):
                    yield candidate
        else:
            yield from _walk(os.fspath(path), "" if prefix in ("", ".") else prefix + "/", real_root)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _git_files(root: Path) -> list[Candidate] | None:
    """Every tracked file, and each untracked one git does not ignore, when `root` is the top of a git work tree. A
    tracked file is always read, wherever it is; untracked files inside a tool's folder (`node_modules/`, `venv/`)
    are not: each such folder is listed once as skipped."""
    if not (root / ".git").exists():
        return None
    import subprocess  # here: a scan of files named one by one, or of a tree outside git, starts no process

    from modelpolicy import gitsafe

    try:
        result = gitsafe.git(root, "ls-files", "-z", "-t", "--cached", "--others", "--exclude-standard", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    files: dict[str, Candidate] = {}
    for entry in result.stdout.decode("utf-8", "surrogateescape").split("\0"):
        tag, _, name = entry.partition(" ")
        if not name:
            continue
        folders = name.split("/")[:-1]
        tool = next((i for i, folder in enumerate(folders) if folder in SKIPPED_DIRS), None) if tag == "?" else None
        if tool is None:
            files.setdefault(name, Candidate(os.path.join(root, name), name))  # noqa: PTH118
        else:
            folder = "/".join(folders[: tool + 1])
            reason = f"untracked files in a tool's folder ({folders[tool]}/), not read"
            files.setdefault(folder, Candidate(os.path.join(root, folder), folder, reason, folder=True))  # noqa: PTH118
    return sorted(files.values(), key=_RELATIVE)


_RELATIVE = attrgetter("relative")


def _walk(top: str, prefix: str, real_root: str) -> Iterator[Candidate]:
    """Depth first, each folder's files (sorted by name) before its sub-folders (sorted by name). Run once for every
    file of the tree: the common case, a regular file, is told by the listing alone, and tested first. A tool's
    folder (`SKIPPED_DIRS`) and a virtual environment below the top are left out whole, and listed as skipped."""
    stack = [(top, prefix)]
    while stack:
        folder, relative = stack.pop()
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=_NAME)
        except OSError as error:
            if relative:  # the folder itself is listed by its parent; the top one is reported by the caller
                yield Candidate(folder, relative.rstrip("/"), f"unreadable folder: {error.strerror}", folder=True)
            continue
        if relative != prefix and _is_virtual_environment(folder, entries):
            yield Candidate(folder, relative.rstrip("/"), "a virtual environment (pyvenv.cfg), not read", folder=True)
            continue
        folders = []
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False):
                    yield Candidate(entry.path, relative + entry.name, "", False, False, True)
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_DIRS:
                        folders.append((entry.path, relative + entry.name + "/"))
                    elif entry.name not in _VERSION_CONTROL:
                        reason = f"a tool's folder ({entry.name}/), not read"
                        yield Candidate(entry.path, relative + entry.name, reason, folder=True)
                    continue
                link = entry.is_symlink()
            except OSError:
                link = False
            if not link:
                yield Candidate(entry.path, relative + entry.name)
            elif (skipped := _outside_link(entry.path, real_root, relative + entry.name)) is not None:
                yield skipped
        stack.extend(reversed(folders))


_NAME = attrgetter("name")
_VERSION_CONTROL = frozenset({".git", ".hg", ".svn"})
_ENVIRONMENT_FOLDERS = frozenset({"bin", "Scripts", "lib", "Lib"})


def _is_virtual_environment(folder: str, entries: list[os.DirEntry[str]]) -> bool:
    """A `pyvenv.cfg` that names the interpreter's home, beside the folders a virtual environment has: an empty or
    stray `pyvenv.cfg` hides nothing."""
    names = {entry.name for entry in entries}
    if "pyvenv.cfg" not in names or not names & _ENVIRONMENT_FOLDERS:
        return False
    try:
        with open(os.path.join(folder, "pyvenv.cfg"), "rb") as config:  # noqa: PTH118, PTH123
            head = config.read(4096)
    except OSError:
        return False
    return any(line.split(b"=")[0].strip() == b"home" for line in head.splitlines() if b"=" in line)


def _outside_link(path: str, real_root: str, relative: str) -> Candidate | None:
    """A symbolic link the walk does not follow: None when it points into the tree (its target is met where it is),
    else the reason it is listed as skipped."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Candidate(path, relative, "symbolic link loop, not followed")
        return Candidate(path, relative, "dangling symbolic link, not followed")
    if target == real_root or target.startswith(real_root.rstrip(os.sep) + os.sep):
        return None
    folder = os.path.isdir(target)  # noqa: PTH112
    what = "a folder" if folder else "a file"
    return Candidate(path, relative, f"symbolic link to {what} outside the tree, not followed", folder=folder)


@dataclass(frozen=True, slots=True)
class Read:
    """What reading a candidate gave: its bytes, or the reason it is skipped; neither for a file that is gone (deleted
    since git listed it) or is a folder (a submodule). A binary file gives both: its bytes may still hold a marker,
    which makes it a file the scan could not read rather than one with nothing to read."""

    data: bytes | None
    reason: str = ""


_GONE = Read(None)


def read_bytes(candidate: Candidate, real_root: str | None = None) -> Read:  # noqa: PLR0911
    """The file's bytes when it is a readable regular file within its `size_limit`, not binary and not UTF-16:
    opened once, sized with the open handle before anything is read, never read past the limit."""
    limit = size_limit(candidate.relative)
    flags = _OPEN_FLAGS if candidate.follow else _OPEN_FLAGS | _NO_FOLLOW
    try:
        descriptor = os.open(candidate.path, flags)
    except OSError as error:
        return _open_error(candidate, error, real_root)
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            return _GONE
        if not stat.S_ISREG(status.st_mode):
            return Read(None, "not a regular file")
        if status.st_size > limit:
            return Read(None, _too_large(status.st_size, limit))
        data = _read_at_most(descriptor, max(status.st_size, 4096), limit + 1)
    except OSError as error:
        return Read(None, f"unreadable: {error.strerror or error}")
    finally:
        os.close(descriptor)
    if len(data) > limit:  # grew since it was sized
        return Read(None, _too_large(len(data), limit))
    if data.startswith(_UTF16_BOMS):
        try:
            return Read(data.decode("utf-16").encode("utf-8", "surrogatepass"))  # YAML and JSON may be UTF-16
        except UnicodeError:
            return Read(data, "not UTF-8 (UTF-16 text that does not decode)")
    if b"\0" in data[:_BINARY_PROBE]:
        return Read(data, "binary file")
    return Read(data)


def _read_at_most(descriptor: int, expected: int, limit: int) -> bytes:
    first = os.read(descriptor, min(expected + 1, limit))
    if len(first) <= expected:
        return first
    parts = [first]
    size = len(first)
    while size < limit and (part := os.read(descriptor, min(1024 * 1024, limit - size))):
        parts.append(part)
        size += len(part)
    return b"".join(parts)


def _open_error(candidate: Candidate, error: OSError, real_root: str | None) -> Read:
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return _GONE
    if error.errno == errno.ELOOP and not candidate.follow:  # a symbolic link, met in git's list of files
        root = real_root if real_root is not None else os.path.realpath(candidate.path[: -len(candidate.relative)])
        link = _outside_link(candidate.path, root, candidate.relative)
        return _GONE if link is None else Read(None, link.skip)
    return Read(None, f"unreadable: {error.strerror or error}")


def size_limit(relative: str) -> int:
    return MAX_NOTEBOOK_BYTES if relative.endswith(".ipynb") else MAX_FILE_BYTES


def _too_large(size: int, limit: int) -> str:
    return f"larger than {limit // (1024 * 1024)} MB ({size} bytes)"


def decode(data: bytes) -> tuple[str | None, str]:
    """The text of bytes `read_bytes` gave, or None and the reason they are not UTF-8."""
    if data.isascii():
        return data.decode("ascii"), ""
    try:
        return data.decode("utf-8-sig"), ""  # a byte-order mark is no part of the text (Python, JSON, YAML skip it)
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte {error.start})"


def read_text(path: Path) -> tuple[str | None, str]:
    """The file's text, or None and the reason it is skipped (too large, binary, not UTF-8, unreadable)."""
    read = read_bytes(Candidate(os.fspath(path), path.name, follow=True))
    if read.data is None or read.reason:
        return None, read.reason or "unreadable: not a file"
    return decode(read.data)
