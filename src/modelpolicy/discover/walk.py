"""Which files a scan reads: git's view of the tree where there is one, else every file under the paths."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 2 * 1024 * 1024
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


@dataclass(frozen=True)
class Candidate:
    """A file to read: its path on disk and its path as reports show it (relative to the root, with `/`)."""

    absolute: Path
    relative: str


def candidates(root: Path, paths: list[Path]) -> Iterator[Candidate]:
    """The files under `paths` (files or folders inside `root`), in a stable order."""
    tracked = _git_files(root)
    for path in paths:
        if path.is_file():
            yield Candidate(path, _relative(path, root))
            continue
        prefix = _relative(path, root)
        if tracked is not None:
            inside = (f for f in tracked if prefix in ("", ".") or f == prefix or f.startswith(prefix + "/"))
            yield from (Candidate(root / f, f) for f in inside if (root / f).is_file())
        else:
            yield from _walk(path, root)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _git_files(root: Path) -> list[str] | None:
    """Tracked files plus untracked ones git does not ignore, when `root` is the top of a git work tree."""
    if not (root / ".git").exists():
        return None
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    names = result.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted({n for n in names if n and not SKIPPED_DIRS.intersection(n.split("/")[:-1])})


def _walk(folder: Path, root: Path) -> Iterator[Candidate]:
    for current, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not _is_venv(Path(current, d)))
        for name in sorted(files):
            path = Path(current, name)
            if not path.is_symlink():
                yield Candidate(path, _relative(path, root))


def _is_venv(folder: Path) -> bool:
    return (folder / "pyvenv.cfg").is_file()


def read_text(path: Path) -> tuple[str | None, str]:
    """The file's text, or None and the reason it is skipped (too large, binary, not UTF-8, unreadable)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, f"larger than {MAX_FILE_BYTES // (1024 * 1024)} MB ({size} bytes)"
        data = path.read_bytes()
    except OSError as error:
        return None, f"unreadable: {error.strerror or error}"
    if b"\0" in data[:8192]:
        return None, "binary file"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError as error:
        return None, f"not UTF-8 (byte {error.start})"
