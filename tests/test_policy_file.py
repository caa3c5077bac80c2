"""The policy file: where it is found, what each key does, and the exact error every malformed policy gets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.errors import ModelpolicyError
from modelpolicy.model import Context, Verdict
from modelpolicy.policy import Listed, Mode, find_policy
from modelpolicy.policy.locate import key_lines

PYPROJECT_HEAD = '[project]\nname = "app"\n\n[tool.ruff]\nline-length = 100\n\n'


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


MALFORMED = [
    ("context = 3\n", ".modelpolicy.toml:1: context: expected one of research, internal, commercial, saas, got 3"),
    (
        'extends = "commercial"\ncontxt = "saas"\n',
        '.modelpolicy.toml:2: contxt: unknown key; did you mean "context"?',
    ),
    (
        'extends = "commercial"\n\n[rules]\nnon-comercial = "fail"\n',
        '.modelpolicy.toml:4: rules.non-comercial: unknown key; did you mean "non-commercial"?',
    ),
    (
        'extends = "commercial"\n[rules]\nshare-alike = "error"\n',
        '.modelpolicy.toml:3: rules.share-alike: expected one of pass, warn, fail, got "error"',
    ),
    (
        'extends = "commercial"\nrules = 1\n',
        '.modelpolicy.toml:2: rules: expected a table of rule = "pass" | "warn" | "fail", got 1',
    ),
    (
        'extends = "commercial"\n\n[[exception]]\nid = "a/b"\nreason = "ok"\nexpires = "soon"\n',
        '.modelpolicy.toml:6: exception[0].expires: expected a date like 2027-01-31, got "soon"',
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\nexpires = "2027-02-30"\n',
        '.modelpolicy.toml:5: exception[0].expires: expected a date like 2027-01-31, got "2027-02-30"',
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\nexpires = 2027-01-31T10:00:00\n',
        ".modelpolicy.toml:5: exception[0].expires: expected a date like 2027-01-31, got 2027-01-31 10:00:00",
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\n',
        ".modelpolicy.toml:2: exception[0]: reason is required: a non-empty string",
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "  "\n',
        '.modelpolicy.toml:4: exception[0].reason: expected a non-empty string, got "  "',
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\nrevision = ""\n',
        '.modelpolicy.toml:5: exception[0].revision: expected a non-empty string, got ""',
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\naproved_by = "Ann"\n',
        '.modelpolicy.toml:5: exception[0].aproved_by: unknown key; did you mean "approved_by"?',
    ),
    (
        'extends = "commercial"\nexception = ["a/b"]\n',
        '.modelpolicy.toml:2: exception[0]: expected a table, got "a/b"',
    ),
    (
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\nlicense = "apche-2.0"\n',
        '.modelpolicy.toml:5: exception[0].license: unknown licence "apche-2.0"; did you mean "apache-2.0"?; '
        "`modelpolicy explain ID` shows what a licence id means",
    ),
    (
        'extends = "commercial"\nallow = "mit"\n',
        '.modelpolicy.toml:2: allow: expected a list of licence ids or expressions, got "mit"',
    ),
    (
        'extends = "commercial"\nallow = [\n  "apache-2.0",\n  "mit OR",\n]\n',
        '.modelpolicy.toml:4: allow[1]: OR requires two or more licenses as in: MIT OR BSD in "mit OR"',
    ),
    (
        'extends = "commercial"\nforbid = [3]\n',
        ".modelpolicy.toml:2: forbid[0]: expected a licence id or expression such as apache-2.0, got 3",
    ),
    (
        'extends = "comercial"\n',
        '.modelpolicy.toml:1: extends: unknown preset "comercial"; did you mean "commercial"?; presets are '
        "commercial, internal, permissive, research, saas",
    ),
    (
        'extends = "base.toml"\n',
        '.modelpolicy.toml:1: extends: "base.toml" is not a file next to .modelpolicy.toml',
    ),
    ('extends = ["commercial"]\n', ".modelpolicy.toml:1: extends: expected a non-empty string, got a list"),
    (
        'extends = "commercial"\nunknown = "pass"\n',
        '.modelpolicy.toml:2: unknown: expected one of fail, warn, got "pass"',
    ),
    (
        'extends = "commercial"\nlineage = "strict"\n',
        '.modelpolicy.toml:2: lineage: expected one of enforce, warn, off, got "strict"',
    ),
    (
        'extends = "commercial"\ntraining_data = "of"\n',
        '.modelpolicy.toml:2: training_data: expected one of enforce, warn, off, got "of"; did you mean "off"?',
    ),
    (
        'extends = "commercial"\nexpected_users = "many"\n',
        '.modelpolicy.toml:2: expected_users: expected a whole number of users such as 1000000, got "many"',
    ),
    (
        'extends = "commercial"\nexpected_users = 0\n',
        ".modelpolicy.toml:2: expected_users: expected a whole number of users such as 1000000, got 0",
    ),
    (
        'extends = "commercial"\n[[clarification]]\nid = "a/b"\nlicense = "mit"\nreason = "LICENSE file says MIT"\n',
        ".modelpolicy.toml:2: clarification[0]: revision is required: a non-empty string",
    ),
    (
        'name = "mine"\n',
        ".modelpolicy.toml: context: not set; set it to one of research, internal, commercial, saas, or set `extends`",
    ),
    ('name = "x"\ncontext = \n', ".modelpolicy.toml:2: TOML syntax error: Invalid value"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_a_malformed_policy_exits_2_naming_file_line_and_key(
    in_tmp: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (in_tmp / ".modelpolicy.toml").write_text(text)
    (in_tmp / "app.py").write_text('MODEL = "mistralai/Mistral-7B-v0.1"\n')
    code = main(["scan", ".", "--offline"])
    assert (code, capsys.readouterr().err) == (2, f"modelpolicy: error: {message}\n")


def test_the_issue_s_example_in_pyproject(in_tmp: Path) -> None:
    exceptions = "".join(
        f'[[tool.modelpolicy.exception]]\nid = "org/m{i}"\nreason = "ok"\nexpires = {when}\n\n'
        for i, when in enumerate(("2027-01-31", "2027-02-28", '"soon"'))
    )
    (in_tmp / "pyproject.toml").write_text(
        f'{PYPROJECT_HEAD}[tool.modelpolicy]\nextends = "commercial"\n\n{exceptions}'
    )
    with pytest.raises(ModelpolicyError) as raised:
        find_policy(in_tmp, in_tmp, None)
    assert str(raised.value) == (
        'pyproject.toml:23: tool.modelpolicy.exception[2].expires: expected a date like 2027-01-31, got "soon"'
    )


def test_a_cyclic_extends_exits_2_naming_the_chain(in_tmp: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (in_tmp / ".modelpolicy.toml").write_text('extends = "a.toml"\n')
    (in_tmp / "a.toml").write_text('extends = "b.toml"\n')
    (in_tmp / "b.toml").write_text('# b\nextends = "a.toml"\n')
    assert main(["scan", ".", "--offline"]) == 2
    assert capsys.readouterr().err == (
        "modelpolicy: error: b.toml:2: extends: extends is cyclic: .modelpolicy.toml -> a.toml -> b.toml -> a.toml\n"
    )


def test_a_preset_that_does_not_exist_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", ".", "--offline", "--policy", "sass"]) == 2
    assert capsys.readouterr().err == (
        'modelpolicy: error: unknown preset "sass"; did you mean "saas"?; presets are commercial, internal, '
        "permissive, research, saas, or give a .toml file\n"
    )


def test_pyproject_wins_over_the_dotfile_and_the_report_says_which(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text(f'{PYPROJECT_HEAD}[tool.modelpolicy]\nextends = "saas"\n')
    (in_tmp / ".modelpolicy.toml").write_text('extends = "research"\n')
    policy = find_policy(in_tmp, in_tmp, None)
    assert (policy.context, policy.source) == (Context.SAAS, "pyproject.toml [tool.modelpolicy], extends saas")


def test_a_pyproject_without_the_table_leaves_the_dotfile_in_charge(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text(PYPROJECT_HEAD)
    (in_tmp / ".modelpolicy.toml").write_text('extends = "research"\n')
    assert find_policy(in_tmp, in_tmp, None).source == ".modelpolicy.toml, extends research"


def test_the_nearest_policy_up_to_the_root_applies_and_policy_overrides_it(in_tmp: Path) -> None:
    (in_tmp / ".modelpolicy.toml").write_text('extends = "research"\n')
    service = in_tmp / "services" / "api"
    service.mkdir(parents=True)
    (service / ".modelpolicy.toml").write_text('extends = "saas"\n')
    assert find_policy(service, in_tmp, None).context is Context.SAAS
    assert find_policy(service / "main.py", in_tmp, None).context is Context.SAAS
    assert find_policy(in_tmp / "services", in_tmp, None).context is Context.RESEARCH
    assert find_policy(service, in_tmp, "internal").source == "preset internal"


def test_no_policy_file_means_the_commercial_preset_and_says_so(in_tmp: Path) -> None:
    policy = find_policy(in_tmp, in_tmp, None)
    assert policy.name == "commercial"
    assert policy.source == "preset commercial: no [tool.modelpolicy] in pyproject.toml, no .modelpolicy.toml"


def test_every_key_is_read(in_tmp: Path) -> None:
    (in_tmp / ".modelpolicy.toml").write_text(
        """
extends = "commercial"
name = "acme"
description = "Acme's products"
context = "saas"
allow = ["mit", "apache-2.0 AND cc-by-4.0"]
forbid = ["agpl-3.0"]
unknown = "warn"
lineage = "warn"
training_data = "off"
expected_users = 1_000_000_000

[rules]
share-alike = "fail"

[[exception]]
id = "mosaicml/*"
reason = "legal review LEGAL-12"
approved_by = "Ann Lee"
expires = 2027-01-31
license = "cc-by-sa-3.0"
revision = "abc1234"

[[clarification]]
id = "org/model"
license = "mit"
revision = "0123456789abcdef"
reason = "its LICENSE file is MIT; the card says nothing"
"""
    )
    policy = find_policy(in_tmp, in_tmp, None)
    assert (policy.name, policy.description, policy.context) == ("acme", "Acme's products", Context.SAAS)
    assert policy.allow == (
        Listed("mit", ".modelpolicy.toml:6", ".modelpolicy.toml allow[0]"),
        Listed("apache-2.0 AND cc-by-4.0", ".modelpolicy.toml:6", ".modelpolicy.toml allow[1]"),
    )
    assert policy.forbid == (Listed("agpl-3.0", ".modelpolicy.toml:7", ".modelpolicy.toml forbid[0]"),)
    assert policy.rules["unknown"] is Verdict.WARN
    assert policy.rules["share-alike"] is Verdict.FAIL
    assert policy.rules["non-commercial"] is Verdict.FAIL  # from the preset
    assert (policy.lineage, policy.training_data, policy.expected_users) == (Mode.WARN, Mode.OFF, 1_000_000_000)
    (exception,) = policy.exceptions
    assert exception.where == ".modelpolicy.toml:16"
    assert (exception.id, exception.approved_by, exception.expires) == ("mosaicml/*", "Ann Lee", date(2027, 1, 31))
    assert (exception.license, exception.revision) == ("cc-by-sa-3.0", "abc1234")
    (clarification,) = policy.clarifications
    assert (clarification.id, clarification.license, clarification.where) == (
        "org/model",
        "mit",
        ".modelpolicy.toml:24",
    )


def test_extends_merges_a_policy_file_onto_a_policy_file(in_tmp: Path) -> None:
    (in_tmp / "company.toml").write_text(
        'extends = "internal"\nforbid = ["agpl-3.0"]\n[[exception]]\nid = "a/*"\nreason = "company-wide"\n'
    )
    (in_tmp / ".modelpolicy.toml").write_text(
        'extends = "company.toml"\ncontext = "saas"\nforbid = ["gpl-3.0"]\n[rules]\nhosting-restricted = "fail"\n'
        '[[exception]]\nid = "b/*"\nreason = "team"\n'
    )
    policy = find_policy(in_tmp, in_tmp, None)
    assert [f.expression for f in policy.forbid] == ["agpl-3.0", "gpl-3.0"]
    assert [e.id for e in policy.exceptions] == ["a/*", "b/*"]
    assert policy.exceptions[0].where == "company.toml:3"
    assert policy.context is Context.SAAS
    assert policy.rules["hosting-restricted"] is Verdict.FAIL
    assert policy.rules["conditions"] is Verdict.WARN  # from internal, through company.toml
    assert policy.source == ".modelpolicy.toml, extends company.toml"


def test_context_alone_starts_from_the_preset_of_that_name(in_tmp: Path) -> None:
    (in_tmp / ".modelpolicy.toml").write_text('name = "mine"\ncontext = "saas"\n[rules]\nshare-alike = "fail"\n')
    policy = find_policy(in_tmp, in_tmp, None)
    assert (policy.name, policy.context, policy.source) == ("mine", Context.SAAS, ".modelpolicy.toml, context saas")
    assert policy.rules["hosting-restricted"] is Verdict.FAIL  # the saas preset's
    assert policy.rules["share-alike"] is Verdict.FAIL


def test_a_string_date_is_accepted_like_a_toml_date(in_tmp: Path) -> None:
    (in_tmp / ".modelpolicy.toml").write_text(
        'extends = "commercial"\n[[exception]]\nid = "a/b"\nreason = "ok"\nexpires = "2027-01-31"\n'
    )
    assert find_policy(in_tmp, in_tmp, None).exceptions[0].expires == date(2027, 1, 31)


def test_key_lines_follow_tables_arrays_inline_tables_and_strings() -> None:
    text = (
        "# a comment with [brackets] and = signs\n"
        'a = """multi\nline = 3\n"""\n'
        "b = ['x', # one\n  'y']\n"
        '"quoted.key" = { c = 1, d = [2, 3] }\n'
        "[t . u]\n"
        "v = '''it's\n= 1'''\n"
        "[[w]]\n[[w]]\nx.y = 1\n"
    )
    lines = key_lines(text)
    assert lines[("a",)] == 2
    assert (lines[("b",)], lines[("b", 0)], lines[("b", 1)]) == (5, 5, 6)
    assert (lines[("quoted.key", "c")], lines[("quoted.key", "d", 1)]) == (7, 7)
    assert (lines[("t", "u")], lines[("t", "u", "v")]) == (8, 9)
    assert (lines[("w", 0)], lines[("w", 1)], lines[("w", 1, "x", "y")]) == (11, 12, 13)
    assert ("line",) not in lines


def test_key_lines_place_each_of_thousands_of_exceptions() -> None:
    text = "".join(f'[[exception]]\nid = "org/m-{i}"\nreason = """two\nlines"""\n\n' for i in range(2000))
    lines = key_lines(text)
    assert [lines[("exception", i, "id")] for i in range(2000)] == [5 * i + 2 for i in range(2000)]
    assert [lines[("exception", i)] for i in range(2000)] == [5 * i + 1 for i in range(2000)]


def test_a_scan_reports_an_expired_exception_and_the_entries_nothing_used(
    in_tmp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "app.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n'
    )
    (in_tmp / ".modelpolicy.toml").write_text(
        'extends = "commercial"\nallow = ["mit"]\n\n'
        '[[exception]]\nid = "mosaicml/mpt-30b-chat"\nreason = "demo only"\napproved_by = "Ann Lee"\n'
        "expires = 2020-01-31\n"
    )
    assert main(["scan", ".", "--offline"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("modelpolicy: policy commercial (.modelpolicy.toml, extends commercial), 1 artefact")
    assert (
        "app.py:2: fail: mosaicml/mpt-30b-chat: the exception for mosaicml/mpt-30b-chat at .modelpolicy.toml:4 "
        "(demo only, approved by Ann Lee) expired on 2020-01-31 [exception-expired]"
    ) in out
    assert "Policy warnings (1):\n  .modelpolicy.toml:2: allow entry mit is unused" in out
    assert out.count("expired on 2020-01-31") == 1  # the failure says it: not a note, nor a policy warning again
