"""The `github` format: workflow commands GitHub turns into annotations on the offending lines."""

from __future__ import annotations

import re

import pytest

from modelpolicy.cli import main
from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    OutputRights,
    Suppression,
    Unresolved,
    Verdict,
    Violation,
)
from modelpolicy.policy import load_policy
from modelpolicy.report import FORMATS, Report
from modelpolicy.report.github import escape_data, escape_property
from tests.conftest import DEMO
from tests.findings import finding, reference

NON_COMMERCIAL = Violation("non-commercial", Verdict.FAIL, "forbids commercial use (100% sure)", "use another")
SHARE_ALIKE = Violation("share-alike", Verdict.WARN, "adaptations stay\nshare-alike", "release them alike")


def report(*findings: Finding, since: str | None = None, **fields: object) -> Report:
    return Report(load_policy("commercial"), findings, (), 1, since=since, **fields)  # type: ignore[arg-type]


def render(value: Report) -> list[str]:
    return FORMATS["github"](value).splitlines()


def test_escaping_follows_the_runner_data_and_properties() -> None:
    assert escape_data("100%\r\nnext: a,b") == "100%25%0D%0Anext: a,b"
    assert escape_property("100%\r\nnext: a,b") == "100%25%0D%0Anext%3A a%2Cb"


def test_one_command_per_violation_per_reference_with_path_title_and_message_escaped() -> None:
    weird = reference("data/a,b:c.py", 7, column=0)
    lines = render(report(finding("org/nc", weird, reference("app.py", 2), violations=(NON_COMMERCIAL, SHARE_ALIKE))))
    assert lines == [
        "::error file=app.py,line=2,col=5,title=modelpolicy%3A non-commercial::model org/nc under cc-by-nc-4.0: "
        "forbids commercial use (100%25 sure).%0AFix: use another.",
        "::warning file=app.py,line=2,col=5,title=modelpolicy%3A share-alike::model org/nc under cc-by-nc-4.0: "
        "adaptations stay%0Ashare-alike.%0AFix: release them alike.",
        "::error file=data/a%2Cb%3Ac.py,line=7,col=1,title=modelpolicy%3A non-commercial::model org/nc under "
        "cc-by-nc-4.0: forbids commercial use (100%25 sure).%0AFix: use another.",
        "::warning file=data/a%2Cb%3Ac.py,line=7,col=1,title=modelpolicy%3A share-alike::model org/nc under "
        "cc-by-nc-4.0: adaptations stay%0Ashare-alike.%0AFix: release them alike.",
    ]


def test_under_since_only_new_findings_are_annotated() -> None:
    old = finding("org/old", reference("a.py", 1), violations=(NON_COMMERCIAL,), new=False)
    new = finding("org/new", reference("b.py", 1), violations=(NON_COMMERCIAL,))
    lines = render(report(old, new, since="origin/main"))
    assert [line.split("::")[1] for line in lines] == [
        "error file=b.py,line=1,col=5,title=modelpolicy%3A non-commercial"
    ]
    assert len(render(report(old, new))) == 2  # without --since, every finding is new to the reader


def test_passing_and_waived_findings_are_not_annotated() -> None:
    waived = finding("org/waived", reference("a.py", 1))
    assert render(report(finding("org/ok", reference("a.py", 3)), waived)) == []


def test_an_artefact_without_reference_is_annotated_without_a_place() -> None:
    unresolved = Finding(
        artefact=Artefact(Kind.MODEL, "org/gone", "abc123", ()),
        resolution=Unresolved("offline"),
        output=OutputRights.UNKNOWN,
        verdict=Verdict.FAIL,
        violations=(Violation("unknown", Verdict.FAIL, "its licence is unknown", "lock it"),),
    )
    assert render(report(unresolved)) == [
        "::error title=modelpolicy%3A unknown::model org/gone@abc123 under an unknown licence: its licence is "
        "unknown.%0AFix: lock it."
    ]


def test_policy_warnings_are_annotated_at_their_entry() -> None:
    warnings = (".modelpolicy.toml:5: allow entry mit is unused: remove it", "policy.toml: nothing, no line")
    assert render(report(warnings=warnings)) == [
        "::warning title=modelpolicy%3A policy::policy.toml: nothing, no line",
        "::warning file=.modelpolicy.toml,line=5,title=modelpolicy%3A policy::allow entry mit is unused: remove it",
    ]


def test_a_suppression_without_reason_is_annotated_on_its_line_when_new() -> None:
    new = finding("org/new", reference("b.py", 3), violations=(NON_COMMERCIAL,))
    suppressions = (Suppression("b.py", 3, frozenset({"non-commercial"}), ""), Suppression("a.py", 9, frozenset(), ""))
    lines = render(report(new, since="main", suppressions=suppressions))
    assert (
        "::warning file=b.py,line=3,title=modelpolicy%3A suppression::this suppression is not honoured: give a reason "
        "after the rule codes"
    ) in lines
    assert not any("a.py" in line for line in lines)


def test_the_demo_is_annotated_in_a_stable_order(capsys: pytest.CaptureFixture[str]) -> None:
    def annotations() -> list[str]:
        main(["scan", str(DEMO), "--offline", "--format", "github"])
        return capsys.readouterr().out.splitlines()

    lines = annotations()
    assert lines == annotations()
    places = [
        (found[1], int(found[2])) for found in (re.search(r"file=([^,]*),line=(\d+)", line) for line in lines) if found
    ]
    assert len(places) == len(lines)
    assert places == sorted(places)
    vicuna = next(line for line in lines if "vicuna-33b-v1.3" in line and line.startswith("::error"))
    assert vicuna.startswith("::error file=examples/demo/app/chat.py,line=8,col=")
    assert "title=modelpolicy%3A non-commercial::model lmsys/vicuna-33b-v1.3 under llama1: " in vicuna
