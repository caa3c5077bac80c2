"""Writing the files modelpolicy owns (the lockfile, a policy file, a report) and naming files in messages."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from modelpolicy.errors import ModelpolicyError

MAX_READ_BYTES = 64 * 1024 * 1024  # a policy file or lockfile larger than this is refused, not read
LOCK_WAIT_SECONDS = 60.0  # how long a run waits for another that is rewriting the same file
_LOCK_POLL_SECONDS = 0.02


def shown_path(path: Path) -> str:
    """`path` relative to the working folder when it is under it, else as given: how messages show files."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def read_regular(path: Path, what: str, limit: int = MAX_READ_BYTES) -> str:
    """The UTF-8 text of the regular file at `path` (through a symbolic link), read without blocking and never past
    `limit`: a link to `/dev/zero`, a FIFO or `/dev/stdin` is refused at once rather than read forever. Raises
    FileNotFoundError when there is nothing there, else ModelpolicyError naming `what`."""
    import stat

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise
    except OSError as error:
        raise ModelpolicyError(f"cannot read {what}: {error.strerror}", path=shown_path(path)) from error
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ModelpolicyError(f"{what} is not a regular file (a folder, device or FIFO)", path=shown_path(path))
        if status.st_size > limit:
            raise ModelpolicyError(f"{what} is larger than {limit // 2**20} MB", path=shown_path(path))
        data = os.read(descriptor, limit + 1)
    except OSError as error:
        raise ModelpolicyError(f"cannot read {what}: {error.strerror}", path=shown_path(path)) from error
    finally:
        os.close(descriptor)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ModelpolicyError(f"{what} is not UTF-8 (byte {error.start})", path=shown_path(path)) from None


def written_at(path: Path) -> Path:
    """Where a write of `path` lands: when `path` is a symbolic link, the file it points to (the link stays a link,
    to a policy shared between repositories, say), else `path`."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def replace_atomically(path: Path, text: str, what: str, check: Callable[[Path], object] | None = None) -> None:
    """Put `text` at `path` (`written_at`: through a symbolic link) in one step: written to a temporary file beside
    it, flushed to disk, given `path`'s permissions (else what the umask gives a new file), `check`ed, then renamed
    over it. An error or Ctrl-C on the way leaves `path` as it was and no temporary file; a write error is a
    ModelpolicyError naming `what`.

    The temporary file is `.<name>.<pid>.<random>.tmp`: a run killed before it could remove its own (SIGKILL, a
    power cut) leaves one, and the next write of `path` removes those whose process is gone."""
    import tempfile

    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate, from a `\ud800` escape in a scanned file
        bad = error.object[error.start : error.end]
        raise ModelpolicyError(f"cannot write {what}: {bad!r} is not a Unicode character", path=str(path)) from error
    target = written_at(path)
    if target.exists() and not target.is_file():  # a device, a FIFO or a folder is never replaced by a file
        raise ModelpolicyError(f"cannot write {what}: not a regular file; give a file's path", path=str(path))
    _remove_left_behind(target)
    try:
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise ModelpolicyError(f"cannot write {what}: {error.strerror}", path=str(path)) from error
    temporary = Path(name)
    try:
        os.fchmod(descriptor, _mode(target))
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if check is not None:
            check(temporary)
        temporary.replace(target)
    except OSError as error:
        raise ModelpolicyError(f"cannot write {what}: {error.strerror}", path=str(path)) from error
    finally:
        temporary.unlink(missing_ok=True)


def _remove_left_behind(path: Path) -> None:
    """Remove the temporary copies of `path` that runs killed mid-write left: those whose process is gone."""
    if sys.platform == "win32":  # pragma: no cover  # `os.kill(pid, 0)` would send a Ctrl-C there
        return
    prefix = f".{path.name}."
    try:
        found = [f for f in path.parent.iterdir() if f.name.startswith(prefix) and f.name.endswith(".tmp")]
    except OSError:
        return  # the write that follows says what is wrong with the folder
    for temporary in found:
        pid = temporary.name[len(prefix) :].partition(".")[0]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):  # removed by another run meanwhile, or not ours to remove
                temporary.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        return True
    return True


def _mode(path: Path) -> int:
    """The permissions `path` has; for a new file, what the umask gives one (mkstemp's own are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def exclusive(path: Path, what: str, wait: float | None = None) -> Iterator[None]:
    """Hold the write lock of `path`, a file modelpolicy reads, changes and replaces (the policy file, the lockfile),
    so that runs side by side take turns and none replaces the file with a copy that lacks another's change.

    The lock is `flock` on the folder that holds `path` (`written_at`), not on the file: the file is replaced by a
    rename, so a lock on it would stay with the old copy, and a lock file beside it would be one more file in the
    repository. A run waits for it up to `wait` seconds (LOCK_WAIT_SECONDS), then fails naming `what`, having
    changed nothing. Where the system cannot lock (Windows, a file system without `flock`) the run goes on without
    it, as before."""
    if sys.platform == "win32":  # pragma: no cover
        yield
        return
    try:
        descriptor = os.open(written_at(path).parent, os.O_RDONLY)
    except OSError as error:
        raise ModelpolicyError(f"cannot write {what}: {error.strerror}", path=str(path)) from error
    try:
        wait = LOCK_WAIT_SECONDS if wait is None else wait
        deadline = time.monotonic() + wait
        while not _lock(descriptor):
            if time.monotonic() > deadline:
                raise ModelpolicyError(
                    f"another modelpolicy run has been writing {what} for more than {wait:g} s; nothing was "
                    "written: run this again once it has finished",
                    path=str(path),
                )
            time.sleep(_LOCK_POLL_SECONDS)
        yield
    finally:
        os.close(descriptor)  # and with it, the lock


def _lock(descriptor: int) -> bool:
    """Take the lock on `descriptor`: False while another run holds it; True once this one does, or at once where
    the system cannot lock."""
    import fcntl

    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:  # ENOLCK, EOPNOTSUPP, EBADF (NFS wants a descriptor open for writing): no locking here
        return True
    return True
