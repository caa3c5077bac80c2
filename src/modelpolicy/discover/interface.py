"""What a discovery source is: something that reads one file's text and names the artefacts in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from modelpolicy.discover.markers import Markers
from modelpolicy.model import Reference


class SourceError(Exception):
    """A file this source cannot read whole (a syntax error, say), with the reason, the line where known, and the
    references it found in the parts it could read: a file that may name an artefact and cannot be read is a finding
    of its own (the gate fails closed), and what could still be read is still reported."""

    def __init__(self, reason: str, *, line: int | None = None, found: Sequence[Reference] = ()) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.found = tuple(found)

    def with_found(self, found: Sequence[Reference]) -> SourceError:
        """The same error, carrying the references read around it."""
        return SourceError(self.reason, line=self.line, found=(*self.found, *found))


class NotRead(SourceError):
    """A file this source leaves unread by choice, with the reason (a minified bundle: built or vendored code): listed
    as skipped, as a file over the size limit is, and not a finding, since what it names is written in the code it
    was built from, which the scan reads. A `SourceError` that found nothing to whatever reads the text as a part of
    another file (a script a heredoc writes)."""


@dataclass(frozen=True)
class FileContext:
    """What a source knows about the file it reads and the tree around it."""

    path: str
    is_local_path: Callable[[str], bool]
    # The hosted APIs the file shows it calls outside the text a source is given (`apis.contexts`): a notebook's other
    # cells and its prose, for a cell read alone
    around_apis: frozenset[str] = frozenset()


class Source(Protocol):
    """One kind of file: Python code, notebooks, config, containers..."""

    name: str
    # The lower-cased name stems (a file name up to its first dot, or the whole name) for which `wants` may answer
    # otherwise than for another stem with the same last ending: `Makefile`, `Dockerfile.gpu`, `.env.local`.
    stems: frozenset[str]

    @property
    def markers(self) -> Markers | None:
        """What a file must hold for this source to find anything in it; None to read every file it wants."""
        ...

    def wants(self, path: str) -> bool:
        """Whether this source reads the file at the (relative, `/`-separated) path, judged by its name alone: by its
        last ending (`.py`), or by its whole name when its stem is one of `stems`."""
        ...

    def find(self, text: str, context: FileContext) -> list[Reference]:
        """The references in the file's text; raises SourceError when the file cannot be parsed, NotRead when the
        source leaves it unread by choice."""
        ...
