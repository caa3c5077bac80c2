"""Forms found on fine-tuning toolkits the benchmark does not label (thirteenth blind wave: tloen/alpaca-lora,
OptimalScale/LMFlow): a name in transformers' `name_or_path` style without `name` (`reward_model_or_path`), and a
project's own download script given the repository as an option (`python download_file.py --repo_id ID
--repo_type model`). Look-alikes: such a script without a kind, and options of other commands."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
NOT_LOCAL = FileContext("align.py", lambda _: False)


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


# --- names -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("reward_model_or_path", M),
        ("model_or_path", M),
        ("criticModelOrPath", M),
        ("output_model_or_path", None),  # what a program writes
        ("model_or_path_list", None),
    ],
)
def test_model_or_path_names(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_dataclass_field_named_model_or_path() -> None:
    source = """from dataclasses import dataclass, field

@dataclass
class ScoringArguments:
    scorer_model_or_path: str = field(default="acme/helpfulness-scorer", metadata={"help": "scorer"})
    scoring_task: str = field(default="text-classification")
"""
    assert find_python(source) == {(M, "acme/helpfulness-scorer", 5)}
