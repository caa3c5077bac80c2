"""`modelpolicy approve`, `init` and `policies`, end to end through `main` in temporary repositories."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.policy import load_policy, preset_names
from modelpolicy.policy.edit import starter
from tests.conftest import git_init

FAILING_MODEL = "mosaicml/mpt-30b-chat"  # cc-by-nc-sa-4.0: fails under the commercial preset
PYPROJECT = """\
[project]
name = "chatbot"  # the product
version = "1.0"

[tool.modelpolicy]
extends = "commercial"    # the default, stated
allow = [
    "llama2",  # reviewed by legal
]

# Our exceptions.
[[tool.modelpolicy.exception]]
id = "my-org/*"
reason = "our own models"

# Ruff comes next.
[tool.ruff]
line-length = 120

[tool.ruff.lint]
select = ["E", "F"]
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose code loads a model the commercial preset fails."""
    (tmp_path / "app.py").write_text(
        f'from transformers import AutoModel\nmodel = AutoModel.from_pretrained("{FAILING_MODEL}")\n',
        encoding="utf-8",
    )
    git_init(tmp_path)
    return tmp_path


def approve(root: Path, *args: str) -> int:
    return main(["approve", *args, "--root", str(root)])


def scan(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, dict[str, object]]]:
    capsys.readouterr()
    code = main(["scan", str(root), "--offline", "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    return code, {a["id"]: a for a in document["artefacts"]}


def test_approve_into_pyproject_keeps_every_byte_and_waives_the_failure(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(PYPROJECT, encoding="utf-8")
    code, artefacts = scan(repo, capsys)
    assert code == 1
    assert artefacts[FAILING_MODEL]["verdict"] == "fail"

    reason = 'evaluation only; "never" shipped\\ see ADR-7\nsecond line'
    code = approve(
        repo, FAILING_MODEL, "--reason", reason, "--by", "Jane Doe", "--expires", "2999-01-31",
        "--license", "cc-by-nc-sa-4.0",
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    text = pyproject.read_text(encoding="utf-8")
    added = text.index('[[tool.modelpolicy.exception]]\nid = "mosaicml')
    end = text.index("\n# Ruff comes next.") + 1
    assert text[:added] + text[end:] == PYPROJECT  # every original byte kept, in place
    assert f"pyproject.toml:{text.count(chr(10), 0, added) + 1};" in out  # the new table's header line
    exceptions = tomllib.loads(text)["tool"]["modelpolicy"]["exception"]
    assert exceptions[1] == {
        "id": FAILING_MODEL,
        "reason": reason,
        "approved_by": "Jane Doe",
        "expires": date(2999, 1, 31),
        "license": "cc-by-nc-sa-4.0",
    }
    assert tomllib.loads(text)["tool"]["ruff"] == {"line-length": 120, "lint": {"select": ["E", "F"]}}

    code, artefacts = scan(repo, capsys)
    assert code == 0
    assert artefacts[FAILING_MODEL]["verdict"] == "pass"
    assert "approved by Jane Doe" in str(artefacts[FAILING_MODEL]["waived_by"])


def test_approve_into_modelpolicy_toml_appends_at_the_end(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = repo / ".modelpolicy.toml"
    original = 'extends = "commercial"\n\n[rules]\nunpinned-revision = "warn"  # we pin everything\n'
    policy.write_text(original, encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "baseline", "--by", "jane", "--revision", "abc123") == 0
    text = policy.read_text(encoding="utf-8")
    assert text == original + '\n[[exception]]\nid = "mosaicml/mpt-30b-chat"\nreason = "baseline"\n' + (
        'approved_by = "jane"\nrevision = "abc123"\n'
    )
    assert ".modelpolicy.toml:6;" in capsys.readouterr().out
    (exception,) = load_policy(str(policy)).exceptions
    assert (exception.id, exception.revision, exception.approved_by) == (FAILING_MODEL, "abc123", "jane")


def test_approve_twice_adds_the_second_after_the_first_and_says_which_applies(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = repo / ".modelpolicy.toml"
    policy.write_text('extends = "commercial"\n\n[rules]\nconditions = "fail"\n', encoding="utf-8")
    (repo / "pyproject.toml").write_text("[tool.ruff]\nline-length = 100\n", encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "first", "--by", "a") == 0
    assert approve(repo, FAILING_MODEL, "--reason", "second", "--by", "b") == 0
    captured = capsys.readouterr()
    assert "already has an exception for mosaicml/mpt-30b-chat" in captured.err
    exceptions = load_policy(str(policy)).exceptions
    assert [e.reason for e in exceptions] == ["first", "second"]
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == "[tool.ruff]\nline-length = 100\n"


def test_approve_inserts_before_the_next_table_and_its_comments(repo: Path) -> None:
    policy = repo / ".modelpolicy.toml"
    original = (
        'extends = "commercial"\n\n[[exception]]\nid = "a/*"\nreason = """first\n[not a header]\n"""\n\n'
        '# the rules we changed\n[rules]\nconditions = "fail"\n'
    )
    policy.write_text(original, encoding="utf-8")
    assert approve(repo, "b/*", "--reason", "second", "--by", "me") == 0
    text = policy.read_text(encoding="utf-8")
    assert text == original.replace(
        '"""\n\n# the rules', '"""\n\n[[exception]]\nid = "b/*"\nreason = "second"\napproved_by = "me"\n\n# the rules'
    )
    assert [e.id for e in load_policy(str(policy)).exceptions] == ["a/*", "b/*"]


def test_approve_keeps_crlf_line_endings(repo: Path) -> None:
    policy = repo / ".modelpolicy.toml"
    policy.write_bytes(b'extends = "commercial"\r\n')
    assert approve(repo, "x/y", "--reason", "r", "--by", "me") == 0
    assert policy.read_bytes() == b'extends = "commercial"\r\n\r\n[[exception]]\r\nid = "x/y"\r\nreason = "r"\r\n' + (
        b'approved_by = "me"\r\n'
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--expires", "soon"), '--expires: expected a date like 2027-01-31, got "soon"'),
        (("--expires", "2027-02-30"), '--expires: expected a date like 2027-01-31, got "2027-02-30"'),
        (("--expires", "2001-01-01"), "--expires: 2001-01-01 is in the past"),
        (("--license", "apache2.0"), '--license: unknown licence "apache2.0"; did you mean "apache-2.0"?'),
        (("--license", "mit AND"), "--license: "),
    ],
)
def test_approve_with_a_bad_argument_exits_2_and_leaves_the_file_alone(
    repo: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    pyproject = repo / "pyproject.toml"
    pyproject.write_text(PYPROJECT, encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me", *args) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"modelpolicy: error: {message}")
    assert "nothing was written" in err
    assert pyproject.read_text(encoding="utf-8") == PYPROJECT
    assert sorted(p.name for p in repo.iterdir()) == [".git", "app.py", "pyproject.toml"]  # no temporary left


def test_approve_an_empty_reason_names_the_argument(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", " ", "--by", "me") == 2
    assert (
        capsys.readouterr().err
        == 'modelpolicy: error: --reason: expected a non-empty string, got " "; nothing was written\n'
    )


def test_approve_without_a_policy_file_says_to_run_init(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.modelpolicy]
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me") == 2
    err = capsys.readouterr().err
    assert "no policy file" in err and "run `modelpolicy init`" in err
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == '[project]\nname = "x"\n'


def test_approve_refuses_an_inline_exception_array(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = '[tool.modelpolicy]\nextends = "commercial"\nexception = [{ id = "a", reason = "b" }]\n'
    (repo / "pyproject.toml").write_text(original, encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me") == 2
    err = capsys.readouterr().err
    assert "pyproject.toml:3: tool.modelpolicy.exception is an inline array" in err
    assert "convert" in err and "[[tool.modelpolicy.exception]]" in err
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == original


def test_approve_refuses_a_broken_policy_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = 'extends = "commercial"\nlinage = "warn"\n'
    (repo / ".modelpolicy.toml").write_text(original, encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me") == 2
    assert '.modelpolicy.toml:2: linage: unknown key; did you mean "lineage"?' in capsys.readouterr().err
    assert (repo / ".modelpolicy.toml").read_text(encoding="utf-8") == original


def test_approve_refuses_an_edit_that_would_break_the_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    original = '[tool]\nmodelpolicy = { extends = "commercial" }\n'  # an inline table cannot take a new table
    (repo / "pyproject.toml").write_text(original, encoding="utf-8")
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me") == 2
    assert "left unchanged" in capsys.readouterr().err
    assert (repo / "pyproject.toml").read_text(encoding="utf-8") == original
    assert sorted(p.name for p in repo.iterdir()) == [".git", "app.py", "pyproject.toml"]


def test_init_then_scan_then_approve(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    assert ".modelpolicy.toml" in out and "modelpolicy scan" in out
    text = (repo / ".modelpolicy.toml").read_text(encoding="utf-8")
    assert text.count("\nextends = ") == 1 and 'extends = "commercial"' in text
    code, artefacts = scan(repo, capsys)
    assert code == 1 and artefacts[FAILING_MODEL]["verdict"] == "fail"
    assert approve(repo, FAILING_MODEL, "--reason", "baseline", "--by", "me") == 0
    assert scan(repo, capsys)[0] == 0
    assert (repo / ".modelpolicy.toml").read_text(encoding="utf-8").startswith(text)


@pytest.mark.parametrize("preset", preset_names())
def test_the_starter_and_its_uncommented_examples_load(preset: str, tmp_path: Path) -> None:
    text = starter(preset, date(2026, 1, 1))
    path = tmp_path / ".modelpolicy.toml"
    path.write_text(text, encoding="utf-8")
    assert load_policy(str(path)).name == preset
    examples = re.sub(r"^# ((?:[a-z_-]+ = |\[).*)$", r"\1", text, flags=re.MULTILINE)
    path.write_text(examples, encoding="utf-8")
    policy = load_policy(str(path))
    assert (policy.context, policy.expected_users) == ("saas", 1000000)
    assert [e.id for e in policy.exceptions] == [FAILING_MODEL]
    assert policy.exceptions[0].expires == date(2026, 4, 1)
    assert [c.id for c in policy.clarifications] == ["example-org/example-model"]
    for key in ("allow", "forbid", "unknown", "lineage", "training_data", "rules", "exception", "clarification"):
        assert re.search(rf"^(\[+)?{key}\b", examples, re.MULTILINE), f"the starter has no example of {key}"


@pytest.mark.parametrize("existing", ["pyproject.toml", ".modelpolicy.toml"])
def test_init_refuses_when_a_policy_exists(repo: Path, capsys: pytest.CaptureFixture[str], existing: str) -> None:
    original = '[tool.modelpolicy]\nextends = "research"\n' if existing == "pyproject.toml" else 'extends = "saas"\n'
    (repo / existing).write_text(original, encoding="utf-8")
    assert main(["init", "--root", str(repo)]) == 2
    err = capsys.readouterr().err
    assert existing in err and "already declares its policy" in err
    assert (repo / existing).read_text(encoding="utf-8") == original
    assert not (repo / ".modelpolicy.toml").exists() or existing == ".modelpolicy.toml"


def test_init_with_an_unknown_preset_suggests_one(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--preset", "comercial", "--root", str(repo)]) == 2
    assert 'unknown preset "comercial"; did you mean "commercial"?' in capsys.readouterr().err
    assert not (repo / ".modelpolicy.toml").exists()


def test_init_with_another_preset(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--preset", "research", "--root", str(repo)]) == 0
    assert scan(repo, capsys)[0] == 0  # research lets a non-commercial model pass


def test_policies_lists_every_preset_with_its_description(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["policies"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        [line.split()[0] for line in lines]
        == preset_names()
        == [
            "commercial",
            "internal",
            "permissive",
            "research",
            "saas",
        ]
    )
    for line, name in zip(lines, preset_names(), strict=True):
        assert line[len("permissive") + 2 :] == load_policy(name).description


def test_twenty_approvals_at_once_are_all_kept(tmp_path: Path) -> None:
    """Each `approve` reads the policy file, inserts its table and replaces the file: run side by side, they take
    turns (an exclusive lock around the read-modify-write), so no run replaces the file with a copy that lacks
    another's exception."""
    (tmp_path / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    ids = [f"org/model-{n}" for n in range(20)]
    loads = "".join(f'AutoModel.from_pretrained("{id_}")\n' for id_ in ids)  # referenced: `approve` does not warn
    (tmp_path / "app.py").write_text(f"from transformers import AutoModel\n{loads}", encoding="utf-8")
    command = [sys.executable, "-m", "modelpolicy", "approve", "--reason", "r", "--by", "b", "--root", str(tmp_path)]
    runs = [subprocess.Popen([*command, id_], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for id_ in ids]
    outcomes = [(*run.communicate(timeout=120), run.returncode) for run in runs]
    assert all(code == 0 and out.startswith("added") and not err for out, err, code in outcomes), outcomes
    policy = load_policy(str(tmp_path / ".modelpolicy.toml"))
    assert sorted(e.id for e in policy.exceptions) == sorted(ids)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".modelpolicy.toml", "app.py"]  # no temporary or lock file


def test_approve_gives_up_with_a_clear_message_while_another_run_holds_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from modelpolicy import files

    policy = tmp_path / ".modelpolicy.toml"
    policy.write_text('extends = "commercial"\n', encoding="utf-8")
    monkeypatch.setattr(files, "LOCK_WAIT_SECONDS", 0.2)
    with files.exclusive(policy, "the policy file"):  # as another run would, between reading and replacing it
        assert approve(tmp_path, "org/x", "--reason", "r", "--by", "b") == 2
    err = capsys.readouterr().err
    assert err == (
        f"modelpolicy: error: {policy}: another modelpolicy run has been writing the policy file for more than 0.2 s; "
        "nothing was written: run this again once it has finished\n"
    )
    assert policy.read_text(encoding="utf-8") == 'extends = "commercial"\n'
    assert approve(tmp_path, "org/x", "--reason", "r", "--by", "b") == 0  # once it is done


def test_approve_edits_the_file_a_symlinked_policy_file_points_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The link stays a link (to a policy shared between repositories, say); the file it points to gets the
    exception. A relative `extends` still starts from the link's folder, as when the policy is read."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "base.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    target = tmp_path / "shared" / "policy.toml"
    target.write_text('extends = "base.toml"\n', encoding="utf-8")
    link = tmp_path / ".modelpolicy.toml"
    link.symlink_to(Path("shared") / "policy.toml")
    assert approve(tmp_path, "org/x", "--reason", "r", "--by", "b") == 0, capsys.readouterr().err
    assert link.is_symlink() and link.readlink() == Path("shared") / "policy.toml"
    assert [e.id for e in load_policy(str(link)).exceptions] == ["org/x"]
    assert sorted(p.name for p in (tmp_path / "shared").iterdir()) == ["policy.toml"]


@pytest.mark.parametrize(
    ("given", "warning"),
    [
        (FAILING_MODEL, None),
        ("MosaicML/MPT-30B-Chat", None),  # exceptions match case-insensitively, and so does the check
        ("mosaicml/*", None),
        (
            "mosaicml/mpt-30b-chta",
            f"is no artefact referenced in {{root}}; the exception was added all the same; "
            f"did you mean {FAILING_MODEL}?",
        ),
        ("other-org/*", "matches no artefact referenced in {root}; the exception was added all the same"),
    ],
)
def test_approve_warns_when_the_id_is_referenced_nowhere_and_adds_it_all_the_same(
    repo: Path, capsys: pytest.CaptureFixture[str], given: str, warning: str | None
) -> None:
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    capsys.readouterr()
    assert approve(repo, given, "--reason", "r", "--by", "me") == 0
    err = capsys.readouterr().err
    if warning is None:
        assert err == ""
    else:
        assert err == f"modelpolicy: warning: {given} {warning.format(root=repo)}\n"
    assert [e.id for e in load_policy(str(repo / ".modelpolicy.toml")).exceptions] == [given]


def test_approve_an_unreferenced_id_warns_on_one_escaped_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    capsys.readouterr()
    assert approve(repo, "evil/\x1b[31mred", "--reason", "r", "--by", "me") == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and len(err.splitlines()) == 1 and "referenced in" in err


def test_approve_leaves_out_what_the_policy_excludes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / ".modelpolicy.toml").write_text('extends = "commercial"\nexclude = ["app.py"]\n', encoding="utf-8")
    capsys.readouterr()
    assert approve(repo, FAILING_MODEL, "--reason", "r", "--by", "me") == 0
    assert "is no artefact referenced" in capsys.readouterr().err
