"""A whole-tree byte pre-filter: `grep`, run over many files at once, names the files that could hold a marker.

Reading every file into Python only to find that it names no model is most of a large scan's time; `grep` does the
same test in C, in processes that run while the walk goes on. It answers a wider question than `markers.admits`
(every source's words, case folded; any byte outside printable ASCII; any backslash), so a file it does not name holds
nothing any source could find, and a file it names is read and tested exactly as before. Files whose sources rewrite
their bytes before testing them (shell quoting) or read every file, symbolic links and other special files, and small
scans, where starting `grep` costs more than it saves, never reach it. When `grep` is missing or fails on a batch,
that batch's files are read as if it had named them all.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from modelpolicy.discover.markers import Markers
from modelpolicy.discover.walk import Candidate

MIN_FILES = 500  # below this many files to screen, Python's own test is as fast as starting grep
BATCH_FILES = 1000
_BATCH_ARGUMENT_BYTES = 512 * 1024  # well inside the kernel's limit on a command line
_TIMEOUT_SECONDS = 300
_NOT_PLAIN_TEXT = "[^\t\v\f\r -~]"  # NUL, other control bytes and every non-ASCII byte: the file is read and judged
_ERE_SPECIAL = re.compile(r"[.\[\]()*+?{}|^$\\]")


def screenable(markers: Sequence[Markers | None]) -> bool:
    """Whether `grep`'s wider test covers every one of these markers."""
    return bool(markers) and all(m is not None and m.normalise is None and _escapes_need_backslash(m) for m in markers)


@dataclass
class _Batch:
    command: list[str]
    indexes: list[int]
    paths: list[str]
    length: int = 0  # of the paths on grep's command line
    process: subprocess.Popen[bytes] | None = None
    started: bool = False


class Screen:
    """Collects the files to screen, runs `grep` over them in batches (as many at once as there are processors), and
    tells which of them certainly hold no marker."""

    def __init__(self) -> None:
        self._grep = shutil.which("grep")
        self._queued: dict[tuple[Markers, ...], _Batch] = {}  # files wanted by the same sources share a pattern
        self._batches: list[_Batch] = []
        self._workers = os.cpu_count() or 1
        self.indexes: set[int] = set()

    def add(self, index: int, candidate: Candidate, markers: tuple[Markers, ...]) -> bool:
        """Take the file, which must hold one of the `markers` (all `screenable`) to be read; False when it must be
        read anyway (`grep` is missing, the file is not known to be a regular file)."""
        if self._grep is None or candidate.follow or candidate.skip or not _regular(candidate):
            return False
        queued = self._queued.get(markers)
        if queued is None:
            # `--null`, not `-Z`, which BSD grep reads as "decompress"; `-D skip` never blocks on a FIFO.
            command = [self._grep, "-l", "-a", "-i", "-E", "--null", "-D", "skip", *_patterns(markers), "--"]
            queued = self._queued[markers] = _Batch(command, [], [])
        queued.indexes.append(index)
        queued.paths.append(candidate.path)
        queued.length += len(candidate.path) + 1
        self.indexes.add(index)
        if len(queued.paths) >= BATCH_FILES or queued.length > _BATCH_ARGUMENT_BYTES:
            self._close_batch(markers)
        return True

    def finish(self) -> set[int]:
        """No more files: start the last batches, or hand back the files when too few were added to be worth it."""
        if not self._batches and len(self.indexes) < MIN_FILES:
            taken, self.indexes = self.indexes, set()
            self._queued.clear()
            return taken
        for markers in list(self._queued):
            self._close_batch(markers)
        return set()

    def unmarked(self) -> set[int]:
        """The screened files that certainly hold no marker word: waits for `grep`."""
        quiet: set[int] = set()
        for number, batch in enumerate(self._batches):
            self._start(self._batches[: number + self._workers])
            named = self._named(batch)
            if named is not None:
                quiet.update(index for index in batch.indexes if index not in named)
        return quiet

    def _close_batch(self, markers: tuple[Markers, ...]) -> None:
        self._batches.append(self._queued.pop(markers))
        running = [b for b in self._batches if b.process is not None and b.process.poll() is None]
        self._start(self._batches, limit=self._workers - len(running))

    def _start(self, batches: list[_Batch], limit: int | None = None) -> None:
        for batch in batches:
            if limit is not None and limit <= 0:
                return
            if not batch.started:
                batch.started = True
                try:
                    batch.process = subprocess.Popen(
                        [*batch.command, *batch.paths],
                        stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL,
                        stdin=subprocess.DEVNULL,
                        env={**os.environ, "LC_ALL": "C"},
                    )
                except OSError:
                    batch.process = None
                if limit is not None:
                    limit -= 1

    def _named(self, batch: _Batch) -> set[int] | None:
        """The indexes of the batch's files `grep` named; None when it failed, so that the whole batch is read."""
        if batch.process is None:
            return None
        try:
            output = batch.process.communicate(timeout=_TIMEOUT_SECONDS)[0]
        except subprocess.TimeoutExpired:
            batch.process.kill()
            batch.process.communicate()
            return None
        if batch.process.returncode not in (0, 1):
            return None
        by_path = {os.fsencode(path): index for index, path in zip(batch.indexes, batch.paths, strict=True)}
        named = {by_path.get(name) for name in output.split(b"\0") if name}
        return None if None in named else {index for index in named if index is not None}


def _regular(candidate: Candidate) -> bool:
    if candidate.regular:
        return True
    try:
        return stat.S_ISREG(os.lstat(candidate.path).st_mode)
    except OSError:
        return False


def _escapes_need_backslash(markers: Markers) -> bool:
    return markers.escapes is None or markers.escapes.pattern.startswith(b"\\\\")


def _patterns(markers: tuple[Markers, ...]) -> list[str]:
    words = sorted({word.decode("ascii").lower() for m in markers for word in m.words})
    patterns = ["|".join(_ERE_SPECIAL.sub(r"\\\g<0>", word) for word in words), _NOT_PLAIN_TEXT]
    if any(m.escapes is not None for m in markers):
        patterns.append(r"\\")
    return [argument for pattern in patterns for argument in ("-e", pattern)]
