"""`exclude` (policy key) and `--exclude` (command line): paths left out of the scan, `.gitignore`-style."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.discover.exclude import Exclusion

LOADER = 'from transformers import AutoModel\nAutoModel.from_pretrained("{}")\n'


@pytest.mark.parametrize(
    ("pattern", "path", "excluded"),
    [
        ("fixtures", "tests/fixtures/a.py", True),
        ("fixtures", "fixtures.py", False),
        ("fixtures/", "tests/fixtures/a.py", True),
        ("fixtures/", "tests/fixtures", False),  # a file named so is no folder
        ("*.ipynb", "docs/x.ipynb", True),
        ("tests/data/*.yaml", "tests/data/a.yaml", True),
        ("tests/data/*.yaml", "tests/data/sub/a.yaml", False),
        ("tests/**/*.yaml", "tests/data/sub/a.yaml", True),
        ("/vendor", "vendor/x.py", True),
        ("/vendor", "src/vendor/x.py", False),
        ("vendor", "src/vendor/x.py", True),
    ],
)
def test_patterns_read_as_gitignore_reads_them(pattern: str, path: str, excluded: bool) -> None:
    assert Exclusion((pattern,)).excludes(path) is excluded


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(LOADER.format("mistralai/Mistral-7B-v0.1"))
    (tmp_path / "tests" / "fixtures").mkdir(parents=True)
    (tmp_path / "tests" / "fixtures" / "nc.py").write_text(LOADER.format("mosaicml/mpt-30b-chat"))
    return tmp_path


def ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [a["id"] for a in json.loads(capsys.readouterr().out)["artefacts"]]


def test_the_policys_exclude_leaves_test_fixtures_out(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(repo), "--offline", "--format", "json"]) == 1
    assert "mosaicml/mpt-30b-chat" in ids(capsys)
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\nexclude = ["tests/fixtures/"]\n')
    assert main(["scan", str(repo), "--offline", "--format", "json"]) == 0
    assert ids(capsys) == ["mistralai/Mistral-7B-v0.1"]


def test_exclude_on_the_command_line_adds_to_the_policys(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(repo), "--offline", "--format", "json", "--exclude", "nc.py", "--exclude", "app.py"])
    assert (code, ids(capsys)) == (0, [])


def test_a_reinclusion_pattern_is_refused_naming_the_key(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\nexclude = ["tests/", "!tests/keep.py"]\n')
    assert main(["scan", str(repo), "--offline"]) == 2
    assert "exclude[1]: re-including with `!` is not supported" in capsys.readouterr().err
