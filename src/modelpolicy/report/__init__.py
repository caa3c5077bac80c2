"""Output formats: each module renders a Report; `FORMATS` maps the `--format` choices to them.

Importing this package is cheap: the CLI reads the format names to build its parser, and the pre-commit hook imports
it on every commit, so each format's module is imported only when that format is asked for, and `Report` only when
it is first used (PEP 562)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from modelpolicy.report.interface import Report


class Renderer(Protocol):
    def __call__(self, report: Report, *, color: bool = False) -> str: ...


NAMES = (
    "text",
    "json",
    "sarif",
    "cyclonedx",
    "spdx3",
    "github",
    "markdown",
    "compact",
)  # each the name of a module here with a `render` function


class _Formats(Mapping[str, Renderer]):
    """The renderers by format name, each module imported when its format is first looked up."""

    def __getitem__(self, name: str) -> Renderer:
        if name not in NAMES:
            raise KeyError(name)
        renderer: Renderer = importlib.import_module(f"{__name__}.{name}").render
        return renderer

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)


FORMATS: Mapping[str, Renderer] = _Formats()

# The file each format is written to under `scan --output-dir DIR`; a format missing here: modelpolicy.<format>.
_FILE_NAMES = {
    "text": "modelpolicy.txt",
    "json": "modelpolicy.json",
    "sarif": "modelpolicy.sarif",
    "cyclonedx": "modelpolicy.cdx.json",
    "spdx3": "modelpolicy.spdx.json",
    "github": "modelpolicy.github.txt",
    "markdown": "modelpolicy.md",
    "compact": "modelpolicy.compact.txt",
}


def file_name(format_name: str) -> str:
    return _FILE_NAMES.get(format_name, f"modelpolicy.{format_name}")


def __getattr__(name: str) -> object:
    if name == "Report":
        from modelpolicy.report.interface import Report

        return Report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMATS", "Renderer", "Report", "file_name"]
