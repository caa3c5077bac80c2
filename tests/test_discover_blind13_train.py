"""Forms found on fine-tuning toolkits the benchmark does not label (thirteenth blind wave: tloen/alpaca-lora,
OptimalScale/LMFlow): a name in transformers' `name_or_path` style without `name` (`reward_model_or_path`), and a
project's own download script given the repository as an option (`python download_file.py --repo_id ID
--repo_type model`). Look-alikes: such a script without a kind, and options of other commands."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
NOT_LOCAL = FileContext("align.py", lambda _: False)


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


def find_shell(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext("fetch.sh", lambda _: False))}


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


# --- a project's download script given the repository as an option ------------------------------------------------


def test_download_script_with_repository_option_and_type() -> None:
    script = """#!/bin/bash
if [ "$1" = "weights" ]; then
    python ../tools/fetch_and_download.py \\
        --repo_id acme/vision-chat-13b \\
        --filename shard-1.bin \\
        --repo_type "model"
fi
python tools/download_one_file.py --repo_id acme/instruct-pairs --filename pairs.json --repo_type=dataset
"""
    assert find_shell(script) == {(M, "acme/vision-chat-13b", 4), (D, "acme/instruct-pairs", 8)}


def test_download_script_named_for_its_kind() -> None:
    script = """python scripts/download_model.py --repo-id acme/named-model --local-dir weights
python scripts/download_dataset.py acme/positional-set
"""
    assert find_shell(script) == {(M, "acme/named-model", 1), (D, "acme/positional-set", 2)}


def test_download_script_of_unknown_kind_and_other_commands_read_nothing() -> None:
    script = """python tools/download_file.py --repo_id acme/some-repo --filename a.json
python tools/publish.py --repo_id acme/pushed-repo --repo_type model
cat tools/download_model.py --repo_id acme/not-run
"""
    assert find_shell(script) == set()
