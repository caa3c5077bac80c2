"""Work done aside, in a forked child process, while the scan goes on with the rest of the files.

Reading and parsing is pure Python, so threads would take turns; a forked child shares everything already loaded
and costs a few milliseconds to start. Its result comes back pickled through a pipe. Where there is no `fork`, or
the process already runs threads, or the child fails in any way (an exception, a signal, a result that does not
unpickle), the caller is told to do the work itself: the child can cost time, never a result.

What the parent and the child each do is taken from a `Handout`, one item at a time, so that the one that finishes
early takes more: a file's cost follows what it names, not its size, and a fixed split leaves one waiting.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Aside(Generic[T]):
    """`work` running in a child; `result()` waits for it (None: do the work yourself)."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._pid = 0
        self._pipe = -1
        if not hasattr(os, "fork") or threading.active_count() > 1:  # forking a threaded process may deadlock
            return
        readable, writable = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the caller's code
            os.close(readable)
            _run_child(work, writable)
        os.close(writable)
        self._pid, self._pipe = pid, readable

    def result(self) -> T | None:
        if not self._pid:
            return None
        chunks = []
        with os.fdopen(self._pipe, "rb") as stream:
            while chunk := stream.read(1 << 16):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0:
            return None
        import pickle

        try:
            result: T = pickle.loads(b"".join(chunks))
        except Exception:
            return None
        return result


def _run_child(work: Callable[[], T], writable: int) -> None:
    code = 1
    try:
        import pickle

        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writable, "wb") as stream:
            stream.write(data)
        code = 0
    finally:
        os._exit(code)  # no atexit handlers, no flushing of the parent's buffers a second time


_TOKEN = 4  # bytes: one item's position, read whole (a read of at most PIPE_BUF bytes is never split between readers)
_MAX_TOKENS = 4096  # 16 kB: within any pipe's buffer, so that the whole handout is written before anyone reads


class Handout:
    """Items handed out one at a time to whichever process asks next: their positions (or, for many items, groups of
    consecutive positions) are written whole into a pipe before the fork, and the parent and the child read from it
    until it is empty. `of` gives None where the pipe cannot be made: the caller then does the work alone."""

    def __init__(self, items: Sequence[int], readable: int, group: int) -> None:
        self.items = items
        self._readable = readable
        self._group = group

    @classmethod
    def of(cls, items: Sequence[int]) -> Handout | None:
        group = -(-len(items) // _MAX_TOKENS) or 1
        tokens = b"".join(k.to_bytes(_TOKEN, "little") for k in range(-(-len(items) // group)))
        try:
            readable, writable = os.pipe()
        except OSError:
            return None
        try:
            os.set_blocking(writable, False)  # a pipe smaller than the handout: refuse rather than wait forever
            written = os.write(writable, tokens) if tokens else 0
        except OSError:
            written = -1
        finally:
            os.close(writable)
        if written != len(tokens):
            os.close(readable)
            return None
        return cls(items, readable, group)

    def __iter__(self) -> Iterator[int]:
        while len(token := os.read(self._readable, _TOKEN)) == _TOKEN:
            start = int.from_bytes(token, "little") * self._group
            yield from self.items[start : start + self._group]

    def close(self) -> None:
        os.close(self._readable)
