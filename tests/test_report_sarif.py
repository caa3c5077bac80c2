"""The SARIF report: valid against the published SARIF 2.1.0 schema, and what GitHub code scanning relies on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from modelpolicy import __version__
from modelpolicy.cli import main
from modelpolicy.policy.concerns import CONCERNS, HARD_CONCERNS, UNREADABLE
from modelpolicy.report import FORMATS
from tests.conftest import DEMO

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))

CHAT = """\
from transformers import AutoModel, pipeline

vicuna = pipeline("text-generation", model="lmsys/vicuna-33b-v1.3")
chat = AutoModel.from_pretrained("mosaicml/mpt-30b-chat")  # modelpolicy: ignore[non-commercial] approved by legal
"""

POLICY = """\
extends = "commercial"

[[exception]]
id = "lmsys/vicuna-33b-v1.3"
reason = "evaluation baseline only; never shipped"
approved_by = "jane.doe@example.com"
"""


def scan(path: Path, capsys: pytest.CaptureFixture[str], fmt: str = "sarif") -> str:
    main(["scan", str(path), "--offline", "--format", fmt])
    return capsys.readouterr().out


def sarif(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(scan(path, capsys))
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    return log


def results(log: dict[str, Any], rule: str) -> list[dict[str, Any]]:
    return [r for r in log["runs"][0]["results"] if r["ruleId"] == rule]


def repo(tmp_path: Path, chat: str = CHAT, policy: str = "") -> Path:
    (tmp_path / "app").mkdir(exist_ok=True)
    (tmp_path / "app" / "chat.py").write_text(chat, encoding="utf-8")
    (tmp_path / ".modelpolicy.toml").write_text(policy or 'extends = "commercial"\n', encoding="utf-8")
    return tmp_path


def test_demo_log_is_valid_sarif_with_one_run_of_modelpolicy(capsys: pytest.CaptureFixture[str]) -> None:
    log = sarif(DEMO, capsys)
    assert log["version"] == "2.1.0"
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("modelpolicy", __version__)
    assert driver["informationUri"].startswith("https://")
    assert run["results"]


def test_one_rule_per_concern_code_with_descriptions_fix_and_tags(capsys: pytest.CaptureFixture[str]) -> None:
    run = sarif(DEMO, capsys)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [*CONCERNS, *HARD_CONCERNS, UNREADABLE.code]
    for rule in rules:
        concern = CONCERNS.get(rule["id"]) or HARD_CONCERNS.get(rule["id"]) or UNREADABLE
        assert rule["shortDescription"]["text"]
        assert concern.reason in rule["fullDescription"]["text"]
        assert concern.fix in rule["help"]["text"]
        assert "licence" in rule["properties"]["tags"]
    assert rules[[r["id"] for r in rules].index("forbidden")]["defaultConfiguration"]["level"] == "error"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_a_result_per_violation_per_reference_at_its_line_and_column(capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(scan(DEMO, capsys, "json"))
    log = sarif(DEMO, capsys)
    expected = sum(len(a["violations"] + a["waived"]) * len(a["references"]) for a in report["artefacts"])
    assert len(log["runs"][0]["results"]) == expected
    [failure] = [r for r in results(log, "non-commercial") if "vicuna-33b" in r["message"]["text"]]
    assert failure["level"] == "error"
    assert "llama1" in failure["message"]["text"]
    assert "Fix: use an artefact whose licence permits commercial use" in failure["message"]["text"]
    location = failure["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "examples/demo/app/chat.py", "uriBaseId": "%SRCROOT%"}
    [reference] = next(a for a in report["artefacts"] if a["id"] == "lmsys/vicuna-33b-v1.3")["references"]
    assert location["region"] == {"startLine": reference["line"], "startColumn": reference["column"] + 1}
    assert {r["level"] for r in results(log, "output-restrictions")} == {"warning"}


def test_fingerprints_survive_a_moved_line_and_tell_references_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    twice = CHAT + 'again = AutoModel.from_pretrained("lmsys/vicuna-33b-v1.3")\n'
    before = sarif(repo(tmp_path, twice), capsys)["runs"][0]["results"]
    after = sarif(repo(tmp_path, "\n\n# moved down\n" + twice), capsys)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] + 3 for r in before
    ]
    fingerprints = [r["partialFingerprints"]["modelpolicy/v1"] for r in before]
    assert len(set(fingerprints)) == len(fingerprints)


def test_waived_violations_are_suppressed_results_with_their_justification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = sarif(repo(tmp_path, policy=POLICY), capsys)
    by_exception = [r for r in results(log, "non-commercial") if "vicuna-33b" in r["message"]["text"]]
    inline = [r for r in results(log, "non-commercial") if "mpt-30b-chat" in r["message"]["text"]]
    assert [r["suppressions"][0]["kind"] for r in by_exception] == ["external"]
    assert "evaluation baseline only" in by_exception[0]["suppressions"][0]["justification"]
    assert [r["suppressions"] for r in inline] == [
        [{"kind": "inSource", "status": "accepted", "justification": "approved by legal"}]
    ]
    unwaived = [r for r in results(log, "share-alike") if "mpt-30b-chat" in r["message"]["text"]]
    assert unwaived
    assert all("suppressions" not in r for r in unwaived)


def test_the_same_scan_gives_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    assert scan(DEMO, capsys) == scan(DEMO, capsys)


def test_every_format_is_a_choice_and_the_registry_imports_none_until_asked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert {"text", "json", "sarif", "cyclonedx"} <= set(FORMATS)
    for name in FORMATS:
        assert scan(DEMO, capsys, name).strip()
    probe = "import sys, modelpolicy.report; print(sorted(m for m in sys.modules if m.startswith('modelpolicy.')))"
    loaded = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    assert "modelpolicy.report.sarif" not in loaded
    assert "modelpolicy.report.cyclonedx" not in loaded
    assert "modelpolicy.report.interface" not in loaded


def test_file_locations_are_uri_references_that_decode_to_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`artifactLocation.uri` is a URI: a `#` would start a fragment, a `?` a query, a `:` in the first segment a
    scheme; spaces, `%` and non-ASCII letters are percent-encoded. Each decodes back to the file's path."""
    from urllib.parse import unquote, urlsplit

    names = ["my dir/a #1?.py", "100% sure.py", "c:d.py", "ünï[code].py"]
    for name in names:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(CHAT, encoding="utf-8")
    log = sarif(tmp_path, capsys)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert {unquote(uri) for uri in uris} == set(names)
    for uri in uris:
        parts = urlsplit(uri)
        assert (parts.scheme, parts.netloc, parts.path, parts.query, parts.fragment) == ("", "", uri, "", "")
        assert uri.isascii() and " " not in uri
    assert "my%20dir/a%20%231%3F.py" in uris
