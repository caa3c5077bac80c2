"""The text report, as `modelpolicy scan` prints it: it fits the terminal, says each rule once, and its columns agree
with its findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modelpolicy.cli import main
from tests.conftest import REPO

DEMO = REPO / "examples" / "demo"
HEADERS = ("KIND", "ID", "LICENSE", "WEIGHTS", "TRAINING DATA", "OUTPUT", "VERDICT", "REFERENCES")


def scan(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["scan", "--offline", "--policy", "commercial", *args])
    return capsys.readouterr().out


def table(out: str) -> list[str]:
    lines = out.splitlines()
    return lines[2 : lines.index("", 2)]


@pytest.mark.parametrize("columns", [80, 100, 120, 160])
def test_the_table_fits_the_width_columns_gives_and_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    out = scan(capsys, str(DEMO))
    rows = table(out)
    assert all(len(line) <= columns for line in out.splitlines()[1:]), "every line but the first fits"
    for needed in ("ID", "LICENSE", "VERDICT"):
        assert needed in rows[0]
    assert "mosaicml/mpt-30b-chat" in out and "cc-by-nc-sa-4.0" in rows[10]
    shown = [header for header in HEADERS if header in rows[0]]
    hidden = [header for header in HEADERS if header not in shown]
    if hidden:
        assert rows[-1].startswith("(") or rows[-2].startswith("(")
        said = " ".join(out.split())
        assert "--wide shows every column" in said
        assert all(header.lower() in said for header in hidden)


def test_wide_shows_every_column_however_narrow_the_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    rows = table(scan(capsys, "--wide", str(DEMO)))
    assert all(header in rows[0] for header in HEADERS)
    assert "examples/demo/app/chat.py:15, examples/demo/app/chat.py:16" in "\n".join(rows)


def test_a_pipe_without_columns_gets_every_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    rows = table(scan(capsys, str(DEMO)))
    assert all(header in rows[0] for header in HEADERS)
    assert not any(row.startswith("(") for row in rows)


def test_warnings_are_grouped_by_rule_each_rule_said_once_with_its_count(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = scan(capsys, str(DEMO))
    reason = "its terms restrict what its outputs may be used for, such as training other models"
    assert out.count(reason) == 1
    assert f"  warn (7): {reason} [output-restrictions]" in out
    groups = [int(n) for n in re.findall(r"^  warn \((\d+)\): ", out, flags=re.M)]
    assert f"Warnings ({sum(groups)}), by rule:" in out  # the heading counts what the groups list
    assert "    examples/demo/app/chat.py:22: gpt-4 (openai-terms)" in out
    assert "Failures (2):" in out and out.count("      fix: ") == 2


def test_the_output_column_agrees_with_an_output_restrictions_warning(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    out = scan(capsys, str(DEMO))
    gpt4 = next(row for row in table(out) if "  gpt-4  " in row)
    assert "user owns outputs" not in gpt4 and "user owns, uses restricted" in gpt4
    rwkv = next(row for row in table(out) if "BlinkDL/rwkv-4-raven" in row)
    assert "user owns outputs" in rwkv  # no restriction on its outputs: owned, as the column says


def test_a_dataset_shows_no_weights_and_no_training_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    (tmp_path / "data.py").write_text(
        'from datasets import load_dataset\nload_dataset("HuggingFaceH4/ultrachat_200k")\n', encoding="utf-8"
    )
    out = scan(capsys, str(tmp_path))
    [header, row] = table(out)
    cells = row.split()
    assert cells[0] == "dataset" and "open" not in cells
    start = header.index("WEIGHTS")
    assert row[start : start + 1] == "-" and row[header.index("TRAINING DATA")] == "-"


def test_counts_people_read_are_in_the_right_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    (tmp_path / "app.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b")\n'
    )
    out = scan(capsys, str(tmp_path))
    assert "), 1 artefact in 1 file\n" in out
