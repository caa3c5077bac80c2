"""What a discovery source is: something that reads one file's text and names the artefacts in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from modelpolicy.discover.markers import Markers
from modelpolicy.model import Reference


class SourceError(Exception):
    """A file this source cannot read (a syntax error, say): the file is skipped with this reason."""


@dataclass(frozen=True)
class FileContext:
    """What a source knows about the file it reads and the tree around it."""

    path: str
    is_local_path: Callable[[str], bool]


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
        """The references in the file's text; raises SourceError when the file cannot be parsed."""
        ...
