"""YAML documents as PyYAML's composed node graphs: nodes keep their line, and an alias is the very node its
anchor names, so a walk that visits each collection once stays linear on an alias bomb. Nothing is constructed,
so no tag can run code. PyYAML is imported here, on first use: discovery is imported on every commit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from modelpolicy.discover.interface import SourceError

if TYPE_CHECKING:
    import yaml


def compose(text: str) -> list[yaml.Node]:
    """Every document's root node; raises SourceError with a one-line reason and the line where known."""
    import yaml

    try:
        return list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        where = f" at line {error.problem_mark.line + 1}" if error.problem_mark else ""
        raise SourceError(f"YAML syntax error{where}: {_one_line(error.problem or str(error))}") from error
    except yaml.YAMLError as error:
        raise SourceError(f"YAML error: {_one_line(str(error))}") from error
    except RecursionError as error:
        raise SourceError("YAML nested too deeply to parse") from error


def _one_line(text: str) -> str:
    return " ".join(text.split())
