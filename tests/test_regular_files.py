"""The lockfile and the policy are read only from regular files, with a size limit; `--output` writes through a
symbolic link to its target and refuses devices and FIFOs (issue 20, M5 and M6)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from modelpolicy.cli import main

APP = 'from transformers import AutoModel\nAutoModel.from_pretrained("mistralai/Mistral-7B-v0.1")\n'


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(APP)
    return tmp_path


def not_regular(place: Path, kind: str) -> None:
    if kind == "fifo":
        os.mkfifo(place)
    else:
        place.symlink_to({"zero": "/dev/zero", "stdin": "/dev/stdin", "folder": "/"}[kind])


@pytest.mark.parametrize("kind", ["zero", "stdin", "fifo", "folder"])
def test_a_lockfile_that_is_not_a_regular_file_exits_2_at_once(
    repo: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    not_regular(repo / "modelpolicy.lock", kind)
    assert main(["scan", str(repo), "--locked", "--policy", "research"]) == 2
    err = capsys.readouterr().err
    assert "modelpolicy.lock" in err and ("not a regular file" in err or "cannot read" in err)


@pytest.mark.parametrize("kind", ["zero", "fifo"])
def test_a_policy_file_that_is_not_a_regular_file_exits_2_at_once(
    repo: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    not_regular(repo / ".modelpolicy.toml", kind)  # the repository's own policy, found, not named
    assert main(["scan", str(repo), "--offline"]) == 2
    assert ".modelpolicy.toml" in capsys.readouterr().err


def test_a_policy_file_over_the_size_limit_is_refused(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from modelpolicy import files

    monkeypatch.setattr(files, "MAX_READ_BYTES", 64)
    monkeypatch.setattr(files.read_regular, "__defaults__", (64,))
    (repo / "policy.toml").write_text('extends = "research"\n' + "# padding\n" * 20)
    assert main(["scan", str(repo), "--offline", "--policy", str(repo / "policy.toml")]) == 2
    assert "larger than" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_output_refuses_devices_and_fifos(repo: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    target = repo / "out.json"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/null")
    assert main(["scan", str(repo), "--offline", "--policy", "research", "--output", str(target)]) == 2
    assert "not a regular file" in capsys.readouterr().err
    assert target.is_symlink() or target.is_fifo()


def test_output_writes_through_a_symbolic_link_and_keeps_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    real = repo / "reports" / "scan.json"
    real.parent.mkdir()
    real.write_text("old")
    link = repo / "latest.json"
    link.symlink_to(real)
    assert (
        main(["scan", str(repo), "--offline", "--policy", "research", "--format", "json", "--output", str(link)]) == 0
    )
    assert link.is_symlink() and '"schema"' in real.read_text()


@pytest.mark.parametrize("glob", ["*", "*/*", "**", "?*/*"])
def test_a_wildcard_exception_is_refused_as_too_broad(
    repo: Path, capsys: pytest.CaptureFixture[str], glob: str
) -> None:
    (repo / ".modelpolicy.toml").write_text(
        f'extends = "commercial"\n\n[[exception]]\nid = "{glob}"\nreason = "ship it"\n'
    )
    assert main(["scan", str(repo), "--offline"]) == 2
    assert "waives every artefact; name the owner or the id" in capsys.readouterr().err


def test_an_owner_wide_exception_is_accepted(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".modelpolicy.toml").write_text(
        'extends = "commercial"\n\n[[exception]]\nid = "my-org/*"\nreason = "ours"\n'
    )
    assert main(["scan", str(repo), "--offline"]) == 0
