"""The `compact` format, the pre-commit hook's: a line per failing reference, one line of advice, else nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.model import (
    Finding,
    Verdict,
    Violation,
)
from modelpolicy.policy import load_policy
from modelpolicy.report import FORMATS, Report
from modelpolicy.report.escape import escape
from tests.findings import finding, reference

NON_COMMERCIAL = Violation("non-commercial", Verdict.FAIL, "forbids commercial use (cc-by-nc-4.0)", "use another")
DRIFT = Violation("licence-drift", Verdict.FAIL, "declares apache-2.0 over a llama2 base", "check the base")
SHARE_ALIKE = Violation("share-alike", Verdict.WARN, "adaptations stay share-alike", "release them alike")
NOT_LOCKED = Violation("not-locked", Verdict.FAIL, "it is not in modelpolicy.lock", "run `modelpolicy lock`")


def render(*findings: Finding, since: str | None = None, warnings: tuple[str, ...] = ()) -> list[str]:
    report = Report(load_policy("commercial"), findings, (), 1, since=since, warnings=warnings)
    return FORMATS["compact"](report).splitlines()


def test_nothing_is_printed_when_nothing_fails_warnings_included() -> None:
    assert render() == []
    assert (
        render(
            finding("org/ok", reference("a.py", 1)),
            finding("org/alike", reference("a.py", 2), violations=(SHARE_ALIKE,)),
        )
        == []
    )


def test_a_line_per_failing_reference_sorted_by_place_then_one_line_of_advice() -> None:
    lines = render(
        finding("org/nc", reference("b.py", 9), reference("a.py", 12), violations=(NON_COMMERCIAL, SHARE_ALIKE)),
        finding("org/pinned", reference("a.py", 3), violations=(NON_COMMERCIAL,), revision="v1.0"),
        finding("org/fine", reference("a.py", 1)),
    )
    assert lines[:-1] == [
        "a.py:3: org/pinned@v1.0: forbids commercial use (cc-by-nc-4.0) (non-commercial)",
        "a.py:12: org/nc: forbids commercial use (cc-by-nc-4.0) (non-commercial)",
        "b.py:9: org/nc: forbids commercial use (cc-by-nc-4.0) (non-commercial)",
    ]
    assert lines[-1] == (
        "modelpolicy: 3 failures under policy commercial: change the reference, or waive it on its line with "
        "`# modelpolicy: ignore[non-commercial] <reason>` or for the repository with "
        "`modelpolicy approve ID --reason TEXT --by WHO`; `modelpolicy scan PATH` explains each and lists 1 warning"
    )


def test_each_failing_rule_of_an_artefact_gets_its_own_line_at_the_reference() -> None:
    lines = render(finding("org/ft", reference("a.py", 2), violations=(NON_COMMERCIAL, DRIFT)))
    assert lines[:-1] == [
        "a.py:2: org/ft: declares apache-2.0 over a llama2 base (licence-drift)",
        "a.py:2: org/ft: forbids commercial use (cc-by-nc-4.0) (non-commercial)",
    ]
    assert lines[-1].startswith("modelpolicy: 2 failures under policy commercial: change the reference")


def test_the_advice_names_the_lock_command_for_what_is_not_locked_and_counts_policy_warnings() -> None:
    lines = render(finding("org/new", reference("a.py", 2), violations=(NOT_LOCKED,)), warnings=("p.toml:3: unused",))
    assert lines == [
        "a.py:2: org/new: it is not in modelpolicy.lock (not-locked)",
        "modelpolicy: 1 failure under policy commercial: for what is not locked, run `modelpolicy lock` and commit "
        "modelpolicy.lock; `modelpolicy scan PATH` explains each and lists 1 warning",
    ]


def test_under_since_only_new_failures_are_shown() -> None:
    old = finding("org/old", reference("a.py", 1), violations=(NON_COMMERCIAL,), new=False)
    assert render(old, since="main") == []
    lines = render(old, finding("org/new", reference("a.py", 2), violations=(NON_COMMERCIAL,)), since="main")
    assert lines[0] == "a.py:2: org/new: forbids commercial use (cc-by-nc-4.0) (non-commercial)"
    assert len(lines) == 2


def test_control_characters_and_bidirectional_overrides_from_the_repository_are_escaped() -> None:
    hostile = Violation("non-commercial", Verdict.FAIL, "licence \x1b]8;;http://x\x07here", "x")
    lines = render(finding("org/\u202eevil", reference("d\u00e9j\u00e0\n\x1b[2J.py", 1), violations=(hostile,)))
    assert (
        lines[0]
        == "d\u00e9j\u00e0\\x0a\\x1b[2J.py:1: org/\\u202eevil: licence \\x1b]8;;http://x\\x07here (non-commercial)"
    )
    assert escape("tab\there \x7f \x9b") == "tab\\x09here \\x7f \\x9b"


def test_scan_locked_in_compact_format_refuses_a_non_commercial_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    app = tmp_path / "app.py"
    app.write_text('from transformers import AutoModel\nm = AutoModel.from_pretrained("mistralai/Mistral-7B-v0.1")\n')
    assert main(["lock", "--offline", str(tmp_path)]) == 0
    capsys.readouterr()
    assert main(["scan", "--locked", "--format", "compact", str(app)]) == 0
    assert capsys.readouterr().out == ""
    app.write_text('from transformers import AutoModel\nm = AutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n')
    assert main(["scan", "--locked", "--format", "compact", str(app)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("app.py:2: mosaicml/mpt-30b-chat: it is not in modelpolicy.lock (")
    assert out[0].endswith(" (not-locked)")
    assert out[1].startswith("modelpolicy: 1 failure under policy commercial: for what is not locked, run")
