"""A project's own download script in shell (issue 16, text-generation-webui's `python download-model.py ID`): the
argument right after a script named for downloading a model or dataset is the one it fetches."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find(source: str, path: str = "scripts/run.sh") -> set[tuple[Kind, str, int, str]]:
    context = FileContext(path, lambda text: text == "checkpoints/run1")
    return {(r.kind, r.text, r.line, r.form) for r in ShellSource().find(source, context)}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("python download-model.py TheBloke/Llama-2-7B-GGUF\n", (M, "TheBloke/Llama-2-7B-GGUF", "download-model.py")),
        ("python3 download-model.py org/x --specific-file x.gguf\n", (M, "org/x", "download-model.py")),
        ("python scripts/download_model.py org/x\n", (M, "org/x", "download_model.py")),
        ("bash ./download_dataset.sh org/d\n", (D, "org/d", "download_dataset.sh")),
        ("./download_dataset.sh org/d\n", (D, "org/d", "download_dataset.sh")),
        ("python download-model.py ${MODEL:-org/y}\n", (M, "org/y", "download-model.py")),
    ],
)
def test_the_argument_of_a_download_script(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, artefact, form = expected
    assert find(source) == {(kind, artefact, 1, form)}


def test_a_download_script_in_a_dockerfile() -> None:
    source = "FROM python:3.11\nRUN python download-model.py org/x\n"
    assert find(source, "Dockerfile") == {(M, "org/x", 2, "download-model.py")}


@pytest.mark.parametrize(
    "source",
    [
        "python download-model.py $MODEL\n",  # not written out
        "python download-model.py --help\n",
        "python download.py org/x\n",  # a download of what, it does not say
        "python save_model.py org/x\n",  # what a program writes
        "python train_model.py data/train\n",  # not a download: its arguments may be local folders
        "python download_model.py ./models/x\n",  # a local path
        "python download_model.py checkpoints/run1\n",
        "less download-model.py org/x\n",  # a file read, not a script run
        "echo download-model org/x\n",  # no script
    ],
)
def test_download_script_look_alikes(source: str) -> None:
    assert find(source) == set()
