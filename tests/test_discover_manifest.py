"""The declared manifest in pyproject.toml and modelpolicy.toml."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.manifest import ManifestSource
from modelpolicy.model import Kind

PYPROJECT = """\
[project]
name = "app"
dependencies = ["models-helper"]

[tool.modelpolicy]
models = [
  "mosaicml/mpt-30b@7a1b2c3",
  "./local/checkpoint.bin",
]
datasets = ['tatsu-lab/alpaca']
apis = ["gpt-4o"]
"""


def find(text: str, path: str = "pyproject.toml") -> list[tuple[Kind, str, int, str | None, str]]:
    context = FileContext(path, lambda _: False)
    return [(r.kind, r.text, r.line, r.revision, r.form) for r in ManifestSource().find(text, context)]


def test_declared_items_are_references_at_their_lines() -> None:
    assert find(PYPROJECT) == [
        (Kind.MODEL, "mosaicml/mpt-30b", 7, "7a1b2c3", "declared"),
        (Kind.DATASET, "tatsu-lab/alpaca", 10, None, "declared"),
        (Kind.API, "gpt-4o", 11, None, "declared"),
    ]


def test_modelpolicy_toml_declares_at_top_level() -> None:
    assert find('models = ["org/model"]\n', "modelpolicy.toml") == [(Kind.MODEL, "org/model", 1, None, "declared")]


@pytest.mark.parametrize(
    "text",
    [
        '[project]\nname = "x"\nkeywords = ["models"]\n',
        '[tool.other]\nmodels = ["org/model"]\n',
        'models = ["org/model"]\n',  # top-level only counts in modelpolicy.toml
    ],
)
def test_other_tables_declare_nothing(text: str) -> None:
    assert find(text) == []


def test_broken_toml_is_a_source_error() -> None:
    with pytest.raises(SourceError, match="TOML syntax error"):
        find("[tool.modelpolicy\nmodels = 1\n")


def test_declared_artefacts_are_scanned_like_found_ones(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    discovery = discover(tmp_path, [tmp_path], sources=(ManifestSource(),))
    assert [(a.kind, a.id, a.revision) for a in discovery.artefacts] == [
        (Kind.API, "gpt-4o", None),
        (Kind.DATASET, "tatsu-lab/alpaca", None),
        (Kind.MODEL, "mosaicml/mpt-30b", "7a1b2c3"),
    ]
