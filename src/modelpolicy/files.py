"""Writing the files modelpolicy owns (the lockfile, a policy file, a report) and naming files in messages."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from modelpolicy.errors import ModelpolicyError


def shown_path(path: Path) -> str:
    """`path` relative to the working folder when it is under it, else as given: how messages show files."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def replace_atomically(path: Path, text: str, what: str, check: Callable[[Path], object] | None = None) -> None:
    """Put `text` at `path` in one step: written to a temporary file beside it, flushed to disk, given `path`'s
    permissions (else what the umask gives a new file), `check`ed, then renamed over it. An error or Ctrl-C on the
    way leaves `path` as it was and no temporary file; a write error is a ModelpolicyError naming `what`."""
    import tempfile

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate, from a `\ud800` escape in a scanned file
        bad = error.object[error.start : error.end]
        raise ModelpolicyError(f"cannot write {what}: {bad!r} is not a Unicode character", path=str(path)) from error
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise ModelpolicyError(f"cannot write {what}: {error.strerror}", path=str(path)) from error
    temporary = Path(name)
    try:
        os.fchmod(descriptor, _mode(path))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if check is not None:
            check(temporary)
        temporary.replace(path)
    except OSError as error:
        raise ModelpolicyError(f"cannot write {what}: {error.strerror}", path=str(path)) from error
    finally:
        temporary.unlink(missing_ok=True)


def _mode(path: Path) -> int:
    """The permissions `path` has; for a new file, what the umask gives one (mkstemp's own are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
