"""A pull request that loosens the policy it is judged by: `--since` lists each loosening as a `policy-changed`
warning at the policy's line, in every format, and `--policy-from REF` judges under the policy as it was at REF."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from modelpolicy.cli import main
from tests.test_since import commit, git

HEADER = "from transformers import AutoModel\n"
NON_COMMERCIAL = "mosaicml/mpt-30b-chat"  # cc-by-nc-sa-4.0: fails under the commercial preset
BASE_POLICY = 'extends = "commercial"\n'
LOOSER_POLICY = """\
extends = "research"
exclude = ["vendor/"]
allow = ["cc-by-nc-sa-4.0"]
lineage = "off"

[rules]
non-commercial = "warn"

[[exception]]
id = "mosaicml/*"
reason = "the team says so"
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit, tagged `base`, uses a non-commercial model under the commercial preset."""
    (tmp_path / "app.py").write_text(HEADER + f'AutoModel.from_pretrained("{NON_COMMERCIAL}")\n')
    (tmp_path / ".modelpolicy.toml").write_text(BASE_POLICY)
    git(tmp_path, "init", "-q")
    commit(tmp_path, "base")
    git(tmp_path, "tag", "base")
    return tmp_path


def scan(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str]:
    code = main(["scan", str(root), "--offline", *args])
    captured = capsys.readouterr()
    return code, captured.out


def changes(warnings: list[str]) -> list[str]:
    return [w for w in warnings if w.endswith("[policy-changed]")]


def test_each_loosening_since_ref_is_a_warning_at_the_policy_line(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (repo / ".modelpolicy.toml").write_text(LOOSER_POLICY)
    code, out = scan(capsys, repo, "--since", "base", "--format", "json")
    assert code == 0  # the exception and the loosened rule let it pass; the change itself only warns
    found = changes(json.loads(out)["warnings"])
    expected = [
        ".modelpolicy.toml:9: the policy changed since base: an exception for mosaicml/* was added",
        ".modelpolicy.toml:7: the policy changed since base: the rule non-commercial was loosened from fail to warn",
        ".modelpolicy.toml:4: the policy changed since base: lineage was loosened from enforce to off",
        ".modelpolicy.toml:1: the policy changed since base: extends changed from commercial to research",
        ".modelpolicy.toml:3: the policy changed since base: the allow entry cc-by-nc-sa-4.0 was added",
        ".modelpolicy.toml:2: the policy changed since base: the exclude pattern vendor/ was added",
    ]
    for line in expected:
        assert any(w.startswith(line) for w in found), (line, found)


def test_every_format_shows_the_change_and_the_action_annotates_it(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (repo / ".modelpolicy.toml").write_text(BASE_POLICY + '\n[rules]\nnon-commercial = "warn"\n')
    wanted = "the rule non-commercial was loosened from fail to warn"
    for format_name in ("text", "json", "markdown", "compact"):
        _, out = scan(capsys, repo, "--since", "base", "--format", format_name)
        if format_name != "compact":
            assert wanted in out, format_name
    _, github = scan(capsys, repo, "--since", "base", "--format", "github")
    annotation = next(line for line in github.splitlines() if wanted in line)
    assert annotation.startswith("::warning file=.modelpolicy.toml,line=4,title=modelpolicy%3A policy-changed::")
    _, sarif = scan(capsys, repo, "--since", "base", "--format", "sarif")
    run = json.loads(sarif)["runs"][0]
    result = next(r for r in run["results"] if r["ruleId"] == "policy-changed")
    assert wanted in result["message"]["text"]
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "policy-changed"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == ".modelpolicy.toml" and location["region"]["startLine"] == 4


def test_tightening_or_leaving_the_policy_alone_lists_nothing(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    _, same = scan(capsys, repo, "--since", "base", "--format", "json")
    assert changes(json.loads(same)["warnings"]) == []
    (repo / ".modelpolicy.toml").write_text(BASE_POLICY + 'lineage = "enforce"\n\n[rules]\nconditions = "fail"\n')
    _, tighter = scan(capsys, repo, "--since", "base", "--format", "json")
    assert changes(json.loads(tighter)["warnings"]) == []


def test_a_policy_added_since_ref_is_compared_with_the_preset_it_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "app.py").write_text(HEADER)
    git(tmp_path, "init", "-q")
    commit(tmp_path, "base")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".modelpolicy.toml").write_text('context = "research"\n')
    _, out = scan(capsys, tmp_path, "--since", "HEAD", "--format", "json")
    found = changes(json.loads(out)["warnings"])
    assert any("the context changed from commercial to research" in w for w in found), found


def test_policy_from_judges_under_the_policy_at_ref_not_the_one_the_change_ships(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (repo / ".modelpolicy.toml").write_text(LOOSER_POLICY)
    commit(repo, "loosen the policy")
    assert scan(capsys, repo)[0] == 0
    code, out = scan(capsys, repo, "--policy-from", "base", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert document["policy"]["source"].startswith("base:.modelpolicy.toml")


def test_policy_from_follows_extends_at_ref_and_never_reads_the_work_tree_policy(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    (repo / "policies").mkdir()
    (repo / "policies" / "base.toml").write_text(BASE_POLICY)
    (repo / ".modelpolicy.toml").write_text('extends = "policies/base.toml"\n')
    commit(repo, "a shared base")
    git(repo, "tag", "shared")
    (repo / "policies" / "base.toml").write_text('extends = "research"\n')  # the base loosened: not at REF
    (repo / ".modelpolicy.toml").write_text("this is [not TOML")  # never read with --policy-from
    code, out = scan(capsys, repo, "--policy-from", "shared", "--format", "json")
    assert code == 1, out
    assert json.loads(out)["policy"]["name"] == "commercial"


def test_policy_from_an_unknown_ref_or_a_broken_policy_at_it_is_a_one_line_error(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    assert main(["scan", str(repo), "--offline", "--policy-from", "no-such-ref"]) == 2
    assert "git does not know --policy-from no-such-ref" in capsys.readouterr().err
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\n[rules]\nno-such-rule = "pass"\n')
    commit(repo, "a broken policy")
    assert main(["scan", str(repo), "--offline", "--policy-from", "HEAD"]) == 2
    error = capsys.readouterr().err
    assert re.search(r"HEAD:\.modelpolicy\.toml:3: rules\.no-such-rule: unknown key", error), error
    assert "/tmp" not in error and "modelpolicy-policy-" not in error


def test_policy_from_runs_no_filter_the_tree_configures(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    marker = repo / "filter-ran"
    git(repo, "config", "filter.evil.smudge", f"touch {marker}; cat")
    git(repo, "config", "filter.evil.clean", f"touch {marker}; cat")
    git(repo, "config", "core.fsmonitor", f"touch {marker}; false")
    (repo / ".gitattributes").write_text("*.toml filter=evil\n")
    subprocess.run(["git", "-C", str(repo), "add", ".gitattributes"], check=True, env={"PATH": "/usr/bin:/bin"})
    marker.unlink(missing_ok=True)
    assert scan(capsys, repo, "--policy-from", "base")[0] == 1
    assert scan(capsys, repo, "--policy-from", "base", "--since", "base")[0] == 0  # nothing new since base
    assert not marker.exists()
