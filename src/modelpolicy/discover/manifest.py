"""The declared manifest: artefacts a repository names dynamically, listed in `[tool.modelpolicy]` of
`pyproject.toml`, or at the top of the policy file `.modelpolicy.toml` or of `modelpolicy.toml`
(`models = ["org/x@rev"]`, `datasets = [...]`, `apis = [...]`). Declared items are scanned like found ones, with
the form `declared`."""

from __future__ import annotations

import tomllib
from typing import Any

from modelpolicy.discover.identity import parse_hub_id
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.markers import Markers
from modelpolicy.model import Kind, Reference

_SECTIONS = {"models": Kind.MODEL, "datasets": Kind.DATASET, "apis": Kind.API}


class ManifestSource:
    name = "manifest"
    stems = frozenset({"pyproject", "modelpolicy", ""})
    markers = Markers((b"models", b"datasets", b"apis"))  # the section names, as written

    def wants(self, path: str) -> bool:
        return path.rsplit("/", 1)[-1] in ("pyproject.toml", "modelpolicy.toml", ".modelpolicy.toml")

    def find(self, text: str, context: FileContext) -> list[Reference]:
        if "models" not in text and "datasets" not in text and "apis" not in text:
            return []
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise SourceError(f"TOML syntax error: {error}") from error
        except ValueError as error:  # a number of more digits than int() converts
            raise SourceError(f"TOML value that cannot be read: {error}") from error
        table = _manifest_table(document, context.path)
        lines = text.split("\n")  # TOML's line breaks only: `splitlines` also breaks at U+0085, U+2028...
        references = []
        for section, kind in _SECTIONS.items():
            for item in _strings(table.get(section)):
                reference = _reference(item, kind, context, lines)
                if reference:
                    references.append(reference)
        return references


def _manifest_table(document: dict[str, Any], path: str) -> dict[str, Any]:
    if path.rsplit("/", 1)[-1] != "pyproject.toml":
        return document
    tool = document.get("tool", {})
    table = tool.get("modelpolicy", {}) if isinstance(tool, dict) else {}
    return table if isinstance(table, dict) else {}


def _strings(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _reference(item: str, kind: Kind, context: FileContext, lines: list[str]) -> Reference | None:
    if kind is Kind.API:
        artefact_id, revision = item, None
    else:
        hub = parse_hub_id(item)
        if hub is None:
            return None
        artefact_id, revision = hub.id, hub.revision
    line, column = _position(lines, item)
    return Reference(context.path, line, column, artefact_id, kind, "manifest", "declared", revision)


def _position(lines: list[str], item: str) -> tuple[int, int]:
    """The first line where the item is written as a TOML string; TOML parsers keep no positions."""
    for quote in ('"', "'"):
        needle = f"{quote}{item}{quote}"
        for number, line in enumerate(lines, start=1):
            column = line.find(needle)
            if column >= 0:
                return number, column
    return 1, 0
