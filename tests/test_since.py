"""`scan --since REF` on real temporary git repositories: only what a change adds decides the run."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from modelpolicy.cli import main
from modelpolicy.since import added_lines
from tests.conftest import git_init, report_schema
from tests.test_cli import by_id

LOADER = 'AutoModel.from_pretrained("{}")\n'
HEADER = "from transformers import AutoModel\n"
OLD_FAIL = "mosaicml/mpt-30b-chat"  # cc-by-nc-sa-4.0: fails under the default commercial policy
NEW_FAIL = "lmsys/vicuna-33b-v1.3"  # LLaMA-1: non-commercial
PASSING = "mistralai/Mistral-7B-v0.1"  # apache-2.0


def git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit, tagged `base`, already uses a failing model."""
    (tmp_path / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL))
    git_init(tmp_path)
    git(tmp_path, "tag", "base")
    return tmp_path


def scan_since(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, dict[str, object]]:
    code = main(["scan", str(root), "--offline", "--format", "json", *args])
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, report_schema())
    return code, document


def new_ids(document: dict[str, object]) -> set[str]:
    return {i for i, a in by_id(document).items() if a["new"]}


def test_only_the_newly_added_failure_fails_the_run(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format(NEW_FAIL))
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 1
    assert document["since"] == "base"
    artefacts = by_id(document)
    assert {i for i, a in artefacts.items() if a["verdict"] == "fail"} == {OLD_FAIL, NEW_FAIL}
    assert new_ids(document) == {NEW_FAIL}


def test_an_old_failure_alone_does_not_fail_the_run(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "more.py").write_text(HEADER + LOADER.format(PASSING))
    commit(repo, "add a passing model")
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 0
    assert by_id(document)[OLD_FAIL]["verdict"] == "fail"
    assert new_ids(document) == {PASSING}


def test_without_since_every_finding_is_new_and_decides(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, document = scan_since(capsys, repo)
    assert code == 1
    assert document["since"] is None
    assert new_ids(document) == {OLD_FAIL}


def test_moved_and_shifted_lines_are_not_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "src").mkdir()
    git(repo, "mv", "app.py", "src/app.py")
    commit(repo, "move")
    (repo / "src" / "app.py").write_text("# a comment that shifts every line\n\n" + HEADER + LOADER.format(OLD_FAIL))
    git(repo, "add", "src/app.py")  # staged, and the rename detected against base
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 0
    reference = by_id(document)[OLD_FAIL]["references"][0]  # type: ignore[index]
    assert (reference["path"], reference["line"]) == ("src/app.py", 4)
    assert new_ids(document) == set()


def test_an_existing_model_named_on_an_added_line_is_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "other.py").write_text(HEADER + LOADER.format(OLD_FAIL))
    git(repo, "add", "other.py")  # staged only
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 1
    assert new_ids(document) == {OLD_FAIL}


def test_an_untracked_file_is_new_in_every_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".gitignore").write_text("ignored.py\n")
    (repo / "ignored.py").write_text(HEADER + LOADER.format(PASSING))
    (repo / 'we ird "näme".py').write_text(HEADER + LOADER.format(NEW_FAIL))
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 1
    assert new_ids(document) == {NEW_FAIL}


def test_odd_file_names_in_the_diff(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = repo / "dir with space" / 'tab\there "quoted" ü.py'
    odd.parent.mkdir()
    odd.write_text(HEADER + "\n")
    commit(repo, "odd file")
    git(repo, "tag", "odd")
    odd.write_text(HEADER + "\n" + LOADER.format(NEW_FAIL))
    code, document = scan_since(capsys, repo, "--since", "odd")
    assert code == 1
    assert new_ids(document) == {NEW_FAIL}


def test_lines_removed_on_the_base_branch_after_the_branch_point_are_not_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The diff starts from the merge base, as a pull request's: the feature branch did not add the old model."""
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "feature.py").write_text(HEADER + LOADER.format(PASSING))
    commit(repo, "feature")
    git(repo, "checkout", "-q", "-b", "upstream", "base")
    (repo / "app.py").write_text(HEADER)
    commit(repo, "upstream drops the old model")
    git(repo, "checkout", "-q", "feature")
    code, document = scan_since(capsys, repo, "--since", "upstream")
    assert code == 0
    assert new_ids(document) == {PASSING}


def test_a_new_unresolvable_model_alone_exits_3(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format("nobody-knows/this-model-xyz"))
    code, document = scan_since(capsys, repo, "--since", "base")
    assert code == 3
    assert new_ids(document) == {"nobody-knows/this-model-xyz"}


def test_text_report_marks_what_is_new(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format(NEW_FAIL))
    code = main(["scan", str(repo), "--offline", "--since", "base"])
    out = capsys.readouterr().out
    assert code == 1
    table = out.split("\n\n")[1].splitlines()
    assert table[0].split()[-2:] == ["NEW", "REFERENCES"]
    assert [line.split()[-2] for line in table[1:] if NEW_FAIL in line] == ["new"]
    assert next(line for line in out.splitlines() if ": fail (new): " in line).startswith("  app.py:3: ")
    assert len([line for line in out.splitlines() if ": fail: " in line]) == 1  # the old one, unmarked
    assert out.rstrip().splitlines()[-1] == "FAIL: 0 pass, 0 warn, 2 fail (1 new since base)"


def test_text_summary_passes_when_only_old_findings_fail(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(repo), "--offline", "--since", "base"])
    assert code == 0
    assert capsys.readouterr().out.rstrip().splitlines()[-1] == "PASS: 0 pass, 0 warn, 1 fail (0 new since base)"


def test_unknown_ref_exits_2_and_says_how_to_fetch_it(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(repo), "--offline", "--since", "origin/main"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "origin/main" in captured.err and "git fetch origin main" in captured.err


def test_a_ref_that_looks_like_an_option_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(repo), "--offline", "--since=--output=x"])
    assert code == 2
    assert "cannot start with '-'" in capsys.readouterr().err
    assert not (repo / "x").exists()


def test_a_folder_outside_git_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL))
    code = main(["scan", str(tmp_path), "--offline", "--since", "main"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1
    assert str(tmp_path) in err and "not in a git work tree" in err


def test_git_missing_exits_2(repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-such-bin"))
    code = main(["scan", str(repo), "--offline", "--since", "base"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "needs git" in err


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (b"", b"x\ny\n", {1, 2}),
        (b"a\nold\nc\n", b"a\nnew\nc\n", {2}),
        (b"a\nb\nc\n", b"a\nc\n", set()),
        (b"a\nb\n", b"# shifted\n\na\nb\n", {1, 2}),
        (b"a\r\nb\r\n", b"a\nb\nc\n", {3}),  # line ends alone are no change
        (b"a\nb", b"a\nb\n", set()),
    ],
)
def test_added_lines_of_a_file(before: bytes, after: bytes, expected: set[int]) -> None:
    assert added_lines(before, after) == expected


def hostile_git_config(root: Path, marker: Path) -> None:
    """A repository whose configuration and attributes name commands: each would create `marker` if git ran it."""
    hook = root / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\ncat\n")
    hook.chmod(0o755)
    git(root, "config", "core.fsmonitor", str(hook))
    git(root, "config", "filter.evil.clean", str(hook))
    git(root, "config", "filter.evil.process", str(hook))
    git(root, "config", "diff.evil.textconv", str(hook))
    git(root, "config", "diff.external", str(hook))
    (root / ".gitattributes").write_text("* filter=evil diff=evil\n")


@pytest.mark.parametrize("layout", ["git folder", "git file pointing inside the tree"])
def test_no_command_from_the_scanned_trees_git_configuration_runs(
    repo: Path, capsys: pytest.CaptureFixture[str], tmp_path_factory: pytest.TempPathFactory, layout: str
) -> None:
    if layout != "git folder":
        (repo / ".git").rename(repo / "inner-git")
        (repo / ".git").write_text("gitdir: ./inner-git\n")
    marker = tmp_path_factory.mktemp("outside") / "ran"
    hostile_git_config(repo, marker)
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format(NEW_FAIL))  # dirty: git would filter
    code, document = scan_since(capsys, repo, "--since", "base")
    assert not marker.exists()
    assert (code, new_ids(document)) == (1, {NEW_FAIL})
    scan_since(capsys, repo)
    assert not marker.exists()


@pytest.mark.parametrize("attributes", ["*.py binary\n", "*.py -diff\n", "*.py -text\n", "*.py diff=none\n"])
def test_since_counts_added_lines_whatever_gitattributes_says(
    repo: Path, capsys: pytest.CaptureFixture[str], attributes: str
) -> None:
    (repo / ".gitattributes").write_text(attributes)
    commit(repo, "attributes")
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format(NEW_FAIL))
    code, document = scan_since(capsys, repo, "--since", "base")
    assert (code, new_ids(document)) == (1, {NEW_FAIL})


def test_git_environment_variables_cannot_point_at_another_repository(
    repo: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "x.py").write_text("x = 1\n")
    git_init(other)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    (repo / "app.py").write_text(HEADER + LOADER.format(OLD_FAIL) + LOADER.format(NEW_FAIL))
    assert new_ids(scan_since(capsys, repo, "--since", "base")[1]) == {NEW_FAIL}
