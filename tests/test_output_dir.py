"""`scan --format A,B --output-dir DIR`: one scan writes every format asked for, each the same as its own run."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.cli import main
from tests.conftest import DEMO


def test_one_scan_writes_each_format_as_a_scan_of_that_format_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["scan", "--offline", str(DEMO), "--format", "json,sarif,markdown,github", "--output-dir", str(tmp_path)]
    )
    assert code == 1
    assert capsys.readouterr().out == ""
    names = {"json": "modelpolicy.json", "sarif": "modelpolicy.sarif", "markdown": "modelpolicy.md"}
    names |= {"github": "modelpolicy.github.txt"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names.values())
    for format_name, file in names.items():
        assert main(["scan", "--offline", str(DEMO), "--format", format_name]) == 1
        alone = capsys.readouterr().out
        assert (tmp_path / file).read_text(encoding="utf-8") == alone, format_name


def test_the_text_report_in_a_folder_has_every_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["scan", "--offline", str(DEMO), "--format", "text,json", "--output-dir", str(tmp_path / "new")]) == 1
    text = (tmp_path / "new" / "modelpolicy.txt").read_text(encoding="utf-8")
    assert "TRAINING DATA" in text and "\033[" not in text


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--format", "json,sarif"], "several formats are written to files: add --output-dir DIR"),
        (["--format", "json", "--output", "x", "--output-dir", "y"], "--output and --output-dir cannot be given"),
        (["--format", "json,nope"], "argument --format: unknown format 'nope': choose from text, json"),
    ],
)
def test_a_wrong_use_of_formats_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], said: str
) -> None:
    try:
        code = main(["scan", "--offline", str(tmp_path), *arguments])
    except SystemExit as exited:
        code = int(str(exited.code))
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and said in err
