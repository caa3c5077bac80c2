"""Work done aside, in a forked child process, while the scan goes on with the rest of the files.

Reading and parsing is pure Python, so threads would take turns; a forked child shares everything already loaded
and costs a few milliseconds to start. Its result comes back pickled through a pipe. Where there is no `fork`, or
the process already runs threads, or the child fails in any way (an exception, a signal, a result that does not
unpickle), the caller is told to do the work itself: the child can cost time, never a result.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
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
