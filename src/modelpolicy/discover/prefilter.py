"""A whole-tree byte pre-filter: `grep`, run over many files at once, names the files that could hold a marker.

Reading every file into Python only to find that it names no model is most of a large scan's time; `grep` does the
same test in C, in processes that run while the walk goes on. It answers a wider question than `markers.admits`
(every source's words, in any case; any byte outside printable ASCII; each source's escapes, or any backslash; for a
source that rewrites a file's bytes before testing them, what its `Markers.spelled` says the rewriting could join into
a word), so a file it does not name holds nothing any source could find, and a file it names is read and tested
exactly as before. A notebook's words may be split across lines (between JSON strings): those patterns are tested on
whole files (`grep -z`), in a second `grep` over the same batch. Files of sources that read every file or rewrite
bytes without saying how, symbolic links and other special files, and small scans (few files, and few bytes: Python
tests each word in turn, `grep` all at once), where starting `grep` costs more than it saves, never reach it. When
`grep` is missing or fails on a batch, that batch's files are read as if it had named them all.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from modelpolicy.discover.markers import Markers, any_case
from modelpolicy.discover.walk import Candidate, size_limit

if TYPE_CHECKING:  # `subprocess` is imported when a first `grep` starts: most small scans never start one
    import subprocess

MIN_FILES = 500  # below this many files to screen, Python's own test is as fast as starting grep...
MIN_BYTES = 4 * 1024 * 1024  # ...unless they are this large in all: Python tests each word in turn, grep all at once
BATCH_FILES = 1000  # in a pattern's first batch, started early; each later one holds twice as many, up to 8 times:
_MAX_DOUBLINGS = 3  # every `grep` started costs 1 to 4 ms of CPU (its patterns compiled), 100 of them a large tree's
_BATCH_ARGUMENT_BYTES = 512 * 1024  # well inside the kernel's limit on a command line
_TIMEOUT_SECONDS = 300
_NOT_PLAIN_TEXT = "[^\t\v\f\r -~]"  # NUL, other control bytes and every non-ASCII byte: the file is read and judged
# A regular expression read alike by Python and by `grep -E`: backslashes, letters, digits, slashes, classes and
# alternatives.
_PORTABLE = re.compile(rb"(?:\\\\|\[[A-Za-z0-9-]+\]|[A-Za-z0-9|/])+")
_PORTABLE_PART = re.compile(r"\\\\|\[[A-Za-z0-9-]+\]|.")


def screenable(markers: Sequence[Markers | None]) -> bool:
    """Whether `grep`'s wider test covers every one of these markers."""
    return bool(markers) and all(
        m is not None and (m.normalise is None or m.spelled is not None) and _escapes_need_backslash(m) for m in markers
    )


@dataclass
class _Batch:
    commands: list[list[str]]  # one per `grep` the files go through: by line, and on whole files where needed
    indexes: list[int]
    paths: list[str]
    length: int = 0  # of the paths on grep's command line
    limit: int = 0  # the files it holds when it is closed (while queued)
    processes: list[subprocess.Popen[bytes] | None] | None = None  # started


def _commands(grep: str, markers: tuple[Markers, ...]) -> list[list[str]]:
    """The `grep` commands a batch of files wanted by sources with these markers goes through, less the files."""
    # `--null`, not `-Z`, which BSD grep reads as "decompress"; `-D skip` never blocks on a FIFO.
    options = [grep, "-l", "-a", "-E", "--null", "-D", "skip"]
    whole = [p for m in markers if m.spelled is not None and m.spelled.across_lines for p in m.spelled.patterns]
    by_line = [*options, *_arguments(_patterns(markers)), "--"]
    return [by_line, [*options, "-z", *_arguments(whole), "--"]] if whole else [by_line]


class Screen:
    """Collects the files to screen, runs `grep` over them in batches (as many at once as there are processors), and
    tells which of them certainly hold no marker."""

    def __init__(self) -> None:
        self._grep = shutil.which("grep")
        # Files wanted by the same sources share a pattern, numbered by the markers' object: a tuple of markers hashes
        # every word of every marker, once a file; the caller passes the same object for the same sources.
        self._patterns: dict[int, tuple[tuple[Markers, ...], int]] = {}  # by id(markers): them (kept alive), number
        self._numbers: dict[tuple[Markers, ...], int] = {}  # equal markers, given as another object, share a number
        self._queued: dict[int, _Batch] = {}
        self._closed: dict[int, int] = {}  # how many batches of each pattern were closed
        self._commands: dict[int, list[list[str]]] = {}
        self._batches: list[_Batch] = []
        self._workers = os.cpu_count() or 1
        self._told = 0  # batches whose named files were told
        self._bytes = 0  # of the files added
        self.indexes: set[int] = set()
        self.sizes: dict[int, int] = {}  # of the files added, by index

    def add(self, index: int, candidate: Candidate, markers: tuple[Markers, ...]) -> bool:
        """Take the file, which must hold one of the `markers` (all `screenable`) to be read; False when it must be
        read anyway (`grep` is missing, the file is not a regular file within its size limit)."""
        if self._grep is None or candidate.follow or candidate.skip:
            return False
        size = _readable_size(candidate)
        if size is None:
            return False
        self._bytes += size
        self.sizes[index] = size
        pattern = self._pattern(markers)
        queued = self._queued.get(pattern)
        if queued is None:
            if pattern not in self._commands:
                self._commands[pattern] = _commands(self._grep, markers)
            queued = self._queued[pattern] = _Batch(self._commands[pattern], [], [], limit=self._batch_files(pattern))
        queued.indexes.append(index)
        queued.paths.append(candidate.path)
        queued.length += len(candidate.path) + 1
        self.indexes.add(index)
        if len(queued.paths) >= queued.limit or queued.length > _BATCH_ARGUMENT_BYTES:
            self._close_batch(pattern)
        return True

    def finish(self) -> set[int]:
        """No more files: start the last batches, or hand back the files when too few were added to be worth it."""
        if not self._batches and len(self.indexes) < MIN_FILES and self._bytes < MIN_BYTES:
            taken, self.indexes = self.indexes, set()
            self._queued.clear()
            return taken
        alone = not self._batches and len(self._queued) == 1  # one batch in all: shared out, one part per processor
        for pattern in list(self._queued):
            self._close_batch(pattern, parts=self._workers if alone else 1)
        return set()

    def unmarked(self) -> set[int]:
        """The screened files that certainly hold no marker word: waits for `grep`."""
        named: set[int] = set()
        while (found := self.named(wait=True)) is not None:
            named.update(found)
        return {index for batch in self._batches for index in batch.indexes} - named

    def named(self, wait: bool) -> list[int] | None:
        """The files the next batch's `grep` named (all of them when it failed), once it is done; [] when it is not
        done and not `wait`; None when every batch has been told. Batches are told in the order they were closed."""
        if self._told == len(self._batches):
            return None
        batch = self._batches[self._told]
        self._start(self._batches[: self._told + self._workers])
        if not wait and any(process is not None and process.poll() is None for process in batch.processes or ()):
            return []
        self._told += 1
        named: set[int] = set()
        for process in batch.processes or [None]:
            found = self._named(batch, process)
            named |= set(batch.indexes) if found is None else found
        return sorted(named)

    def _pattern(self, markers: tuple[Markers, ...]) -> int:
        known = self._patterns.get(id(markers))
        if known is None:
            known = self._patterns[id(markers)] = (markers, self._numbers.setdefault(markers, len(self._numbers)))
        return known[1]

    def _batch_files(self, pattern: int) -> int:
        return BATCH_FILES << min(self._closed.get(pattern, 0), _MAX_DOUBLINGS)

    def _close_batch(self, pattern: int, parts: int = 1) -> None:
        batch = self._queued.pop(pattern)
        self._closed[pattern] = self._closed.get(pattern, 0) + 1
        size = max(1, -(-len(batch.paths) // parts))
        for start in range(0, len(batch.paths), size):
            end = start + size
            self._batches.append(_Batch(batch.commands, batch.indexes[start:end], batch.paths[start:end]))
        running = [p for b in self._batches for p in b.processes or () if p is not None and p.poll() is None]
        self._start(self._batches, limit=self._workers - len(running))

    def _start(self, batches: list[_Batch], limit: int | None = None) -> None:
        for batch in batches:
            if limit is not None and limit <= 0:
                return
            if batch.processes is None:
                batch.processes = [_run(command, batch.paths) for command in batch.commands]
                if limit is not None:
                    limit -= len(batch.processes)

    def _named(self, batch: _Batch, process: subprocess.Popen[bytes] | None) -> set[int] | None:
        """The indexes of the batch's files one `grep` named; None when it failed, so that the whole batch is read."""
        if process is None:
            return None
        import subprocess

        try:
            output = process.communicate(timeout=_TIMEOUT_SECONDS)[0]
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return None
        if process.returncode not in (0, 1):
            return None
        by_path = dict(zip(batch.paths, batch.indexes, strict=True))  # grep names few: decode those, encode none
        named = {by_path.get(os.fsdecode(name)) for name in output.split(b"\0") if name}
        return None if None in named else {index for index in named if index is not None}


def _run(command: list[str], paths: list[str]) -> subprocess.Popen[bytes] | None:
    import subprocess

    try:
        return subprocess.Popen(
            [*command, *paths],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "LC_ALL": "C"},
        )
    except OSError:
        return None


def _readable_size(candidate: Candidate) -> int | None:
    """The size of a regular file the reader would read; None for any other. One over its size limit is left to the
    reader, which sizes it without reading it, rather than read whole by `grep` for nothing."""
    try:
        status = os.lstat(candidate.path)
    except OSError:
        return None
    if not stat.S_ISREG(status.st_mode) or status.st_size > size_limit(candidate.relative):
        return None
    return status.st_size


def _escapes_need_backslash(markers: Markers) -> bool:
    return markers.escapes is None or markers.escapes.pattern.startswith(b"\\\\")


def _escapes(escapes: re.Pattern[bytes], caseless: bool) -> str:
    """The escapes as `grep` reads them: the very pattern when it is written alike in both syntaxes (its letters in
    either case for caseless markers, which Python tests on lower-cased bytes), else any backslash."""
    if not _PORTABLE.fullmatch(escapes.pattern):
        return r"\\"
    pattern = escapes.pattern.decode()
    return _PORTABLE_PART.sub(_any_case, pattern) if caseless else pattern


def _any_case(part: re.Match[str]) -> str:
    text = part[0]
    if text.startswith("["):
        return f"[{text[1:-1]}{text[1:-1].swapcase()}]"
    return f"[{text.lower()}{text.upper()}]" if text.isalpha() else text


def _patterns(markers: tuple[Markers, ...]) -> list[str]:
    """What `grep` tests line by line."""
    words = sorted({word.decode("ascii").lower() for m in markers for word in m.words})
    patterns = ["|".join(any_case(word) for word in words), _NOT_PLAIN_TEXT]
    patterns += sorted({_escapes(m.escapes, m.caseless) for m in markers if m.escapes is not None})
    spelled = [m.spelled for m in markers if m.spelled is not None and not m.spelled.across_lines]
    return patterns + [pattern for s in spelled for pattern in s.patterns]


def _arguments(patterns: list[str]) -> list[str]:
    return [argument for pattern in patterns for argument in ("-e", pattern)]
