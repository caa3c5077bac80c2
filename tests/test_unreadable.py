"""A file that may name an artefact and cannot be read whole is a finding in every format: the gate fails closed.

What can still be read of it is read (the other YAML documents, the Python statements and notebook cells that parse),
and the policy's `unreadable` rule (by default its `unknown` verdict) decides whether the file fails the scan."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from modelpolicy.cli import main
from tests.conftest import report_schema

MODEL = "mosaicml/mpt-30b-chat"

# Each writes one file the scan cannot read whole; the model it names is the one a reader of the file would see.
HIDERS: dict[str, tuple[str, Callable[[Path], None], int | None]] = {
    "yaml first document nested 1,500 deep": (
        "train.yaml",
        lambda root: (root / "train.yaml").write_text("- " * 1_500 + "x\n---\nmodel_name_or_path: " + MODEL + "\n"),
        1,
    ),
    "python syntax error": (
        "app.py",
        lambda root: (root / "app.py").write_text(
            f'from transformers import AutoModel\nm = AutoModel.from_pretrained("{MODEL}"\nprint(m)\n'
        ),
        2,
    ),
    "notebook that is not JSON": (
        "nb.ipynb",
        lambda root: (root / "nb.ipynb").write_text(
            '{"cells": [{"cell_type": "code", "source": ["from transformers import AutoModel\\n", '
            f'"AutoModel.from_pretrained(\'{MODEL}\')"]}}, {{"cell_type": "code" "source": []}}]}}'
        ),
        None,
    ),
    "text that is not UTF-8": (
        "serve.py",
        lambda root: (root / "serve.py").write_bytes(
            b"# caf\xe9\nfrom transformers import AutoModel\nAutoModel.from_pretrained(name)\n"
        ),
        None,
    ),
}


def scan(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["scan", str(root), "--offline", *args])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("case", list(HIDERS))
def test_an_unreadable_file_fails_commercial_and_is_listed_in_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path, write, line = HIDERS[case]
    write(tmp_path)
    code, out = scan(tmp_path, capsys, "--policy", "commercial", "--format", "json")
    document = json.loads(out)
    jsonschema.validate(document, report_schema())
    assert code == 1
    assert document["verdict"] == "fail"
    [unreadable] = document["unreadable"]
    assert (unreadable["path"], unreadable["line"], unreadable["verdict"]) == (path, line, "fail")
    assert unreadable["code"] == "unreadable"


@pytest.mark.parametrize("case", list(HIDERS))
def test_under_research_an_unreadable_file_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    HIDERS[case][1](tmp_path)
    code, out = scan(tmp_path, capsys, "--policy", "research", "--format", "json")
    assert code == 0
    assert [u["verdict"] for u in json.loads(out)["unreadable"]] == ["warn"]


@pytest.mark.parametrize(
    ("case", "found"),
    [
        ("yaml first document nested 1,500 deep", [MODEL]),
        ("python syntax error", []),  # the loader is the statement that does not parse
        ("notebook that is not JSON", [MODEL]),
    ],
)
def test_what_can_still_be_read_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, found: list[str]
) -> None:
    HIDERS[case][1](tmp_path)
    _, out = scan(tmp_path, capsys, "--policy", "research", "--format", "json")
    assert [a["id"] for a in json.loads(out)["artefacts"]] == found


def test_the_statements_around_a_python_syntax_error_are_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        f'from transformers import AutoModel\nAutoModel.from_pretrained("{MODEL}")\ndef broken(:\n    pass\n'
    )
    _, out = scan(tmp_path, capsys, "--policy", "research", "--format", "json")
    document = json.loads(out)
    assert [a["id"] for a in document["artefacts"]] == [MODEL]
    assert [(u["path"], u["line"]) for u in document["unreadable"]] == [("app.py", 3)]


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("text", "train.yaml:1: fail: YAML syntax error at line 1: nested deeper than 512 levels"),
        ("compact", "train.yaml:1: YAML syntax error at line 1: nested deeper than 512 levels"),
        ("github", "::error file=train.yaml,line=1,title=modelpolicy%3A unreadable::YAML syntax error"),
        ("markdown", "- 🔴 `train.yaml:1`: YAML syntax error at line 1"),
        ("sarif", '"ruleId": "unreadable"'),
    ],
)
def test_every_format_reports_the_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, expected: str
) -> None:
    HIDERS["yaml first document nested 1,500 deep"][1](tmp_path)
    (tmp_path / "train.yaml").write_text("- " * 1_500 + "x\n---\nmodel: ./checkpoints/run\n")  # nothing else fails
    code, out = scan(tmp_path, capsys, "--policy", "commercial", "--format", fmt)
    assert code == 1
    assert expected in out


def test_the_sarif_result_is_at_the_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "train.yaml").write_text("- " * 1_500 + "x\n---\nmodel: ./checkpoints/run\n")
    _, out = scan(tmp_path, capsys, "--policy", "commercial", "--format", "sarif")
    [result] = json.loads(out)["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    assert (result["level"], location["artifactLocation"]["uri"], location["region"]["startLine"]) == (
        "error",
        "train.yaml",
        1,
    )


@pytest.mark.parametrize(("rule", "code"), [("pass", 0), ("warn", 0), ("fail", 1)])
def test_the_unreadable_rule_decides_over_unknown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: str, code: int
) -> None:
    HIDERS["python syntax error"][1](tmp_path)
    policy = tmp_path / "policy.toml"
    policy.write_text(f'extends = "commercial"\n\n[rules]\nunreadable = "{rule}"\n')
    assert scan(tmp_path, capsys, "--policy", str(policy))[0] == code


def test_a_file_without_a_marker_is_not_a_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notes.py").write_text("def broken(:\n    pass\n")
    (tmp_path / "data.yaml").write_text("a: [\n")
    code, out = scan(tmp_path, capsys, "--policy", "commercial", "--format", "json")
    assert (code, json.loads(out)["unreadable"]) == (0, [])


def test_an_unreadable_file_not_touched_since_the_ref_does_not_fail_a_pull_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import subprocess

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    HIDERS["python syntax error"][1](tmp_path)
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@e", "commit", "-q", "-m", "old")
    assert scan(tmp_path, capsys, "--policy", "commercial", "--since", "HEAD")[0] == 0
    (tmp_path / "new.py").write_text("from transformers import AutoModel\nAutoModel.from_pretrained(\n")
    assert scan(tmp_path, capsys, "--policy", "commercial", "--since", "HEAD")[0] == 1
