"""The `markdown` format: the job summary and pull-request comment."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from modelpolicy.cli import main
from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    OutputRights,
    Parent,
    Reference,
    Resolved,
    Skipped,
    Terms,
    TrainingData,
    Verdict,
    Violation,
    Weights,
)
from modelpolicy.policy import load_policy
from modelpolicy.report import FORMATS, Report
from tests.conftest import DEMO

NON_COMMERCIAL = Violation("non-commercial", Verdict.FAIL, "it forbids commercial use", "use another model")
CONDITIONS = Violation("conditions", Verdict.WARN, "it sets conditions on `trust_remote_code`", "check them")


def finding(
    artefact_id: str,
    *,
    path: str = "app/chat.py",
    license: str = "cc-by-nc-4.0",
    violations: tuple[Violation, ...] = (),
    new: bool = True,
    **fields: object,
) -> Finding:
    terms = Terms(license, Weights.GATED, TrainingData.AVAILABLE, "knowledge", parents=fields.pop("parents", ()))  # type: ignore[arg-type]
    reference = Reference(path, 3, 8, artefact_id, Kind.MODEL, "python", "from_pretrained")
    return Finding(
        artefact=Artefact(Kind.MODEL, artefact_id, None, (reference,)),
        resolution=Resolved(terms),
        output=OutputRights.NON_COMMERCIAL,
        verdict=max((v.severity for v in violations), key=lambda v: v.rank, default=Verdict.PASS),
        violations=violations,
        new=new,
        **fields,  # type: ignore[arg-type]
    )


def render(*findings: Finding, since: str | None = None, skipped: tuple[Skipped, ...] = (), **fields: object) -> str:
    report = Report(load_policy("commercial"), findings, skipped, 4, since=since, **fields)  # type: ignore[arg-type]
    return FORMATS["markdown"](report)


def mermaid(text: str) -> list[str]:
    return re.findall(r"```mermaid\n(.*?)```", text, re.DOTALL)


def test_heading_names_the_verdict_and_the_policy() -> None:
    text = render(finding("org/nc", violations=(NON_COMMERCIAL,)))
    heading, _, policy = text.split("\n")[:3]
    assert heading == "## 🔴 modelpolicy: fail"
    assert policy.startswith("Policy **commercial** (preset commercial")
    assert "context `commercial`: 1 artefact in 4 files; 0 pass · 0 warn · 1 fail" in policy


def test_the_table_has_a_row_per_artefact_with_coloured_markers() -> None:
    rows = [line for line in render(finding("org/nc", violations=(NON_COMMERCIAL,))).splitlines() if line[:1] == "|"]
    assert rows == [
        "| Verdict | Kind | Artefact | Licence | Weights | Training data | Output | References |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        "| 🔴 fail | model | `org/nc` | cc-by-nc-4.0 | 🟡 gated | 🟢 available | 🔴 no commercial use "
        "| `app/chat.py:3` |",
    ]


def test_cells_escape_pipes_and_newlines() -> None:
    text = render(finding("org/odd", path="a|b.py", license="MIT |\nevil"))
    [row] = [line for line in text.splitlines() if "org/odd" in line]
    assert "| MIT \\| evil |" in row
    assert "`a\\|b.py:3`" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 9  # eight cells, no more


def test_failures_come_with_fix_references_and_markdown_escaped() -> None:
    text = render(finding("org/nc", violations=(NON_COMMERCIAL, CONDITIONS)))
    assert "#### `org/nc` under cc-by-nc-4.0\n" in text
    assert "- 🔴 `non-commercial`: it forbids commercial use. **Fix:** use another model." in text
    assert "- 🟡 `conditions`: it sets conditions on `trust_remote_code`. **Fix:** check them." in text
    assert "- At: `app/chat.py:3`" in text
    assert mermaid(text) == []  # no ancestor, no diagram


def test_under_since_new_findings_are_marked_and_only_they_decide() -> None:
    old = finding("org/old", violations=(NON_COMMERCIAL,), new=False)
    text = render(old, finding("org/fine", license="mit"), since="origin/main")
    assert text.startswith("## 🟢 modelpolicy: pass\n")
    assert "1 fail (0 new since `origin/main`)" in text
    assert "| New | References |" in text
    assert "#### `org/old` under cc-by-nc-4.0 (already there at `origin/main`)" in text
    [fine] = [line for line in text.splitlines() if "org/fine" in line]
    assert "| 🆕 |" in fine


def test_warnings_waivers_policy_warnings_and_skipped_files_fold_away() -> None:
    text = render(
        finding("org/cond", violations=(CONDITIONS,)),
        finding("org/waived", waived=(NON_COMMERCIAL,), waived_by="policy.toml:4"),
        warnings=("policy.toml:9: allow entry mit is unused; remove it",),
        skipped=(Skipped("nb.ipynb", "invalid JSON"),),
    )
    assert "<details><summary>🟡 Warnings (1)</summary>\n\n- `org/cond`: `conditions`: it sets" in text
    assert "- `org/waived`: `non-commercial`, waived by policy.toml:4. At: `app/chat.py:3`" in text
    assert "<details><summary>Policy warnings (1)</summary>\n\n- policy.toml:9: allow entry mit is unused" in text
    assert "<details><summary>Skipped 1 file</summary>\n\n- `nb.ipynb`: invalid JSON\n\n</details>" in text


def test_a_failing_fine_tune_of_the_demo_has_its_lineage_drawn(capsys: pytest.CaptureFixture[str]) -> None:
    main(["scan", str(DEMO), "--offline", "--format", "markdown"])
    text = capsys.readouterr().out
    section = text.split("#### `lmsys/vicuna-33b-v1.3` under llama1")[1].split("####")[0]
    [diagram] = mermaid(section)
    assert diagram.splitlines() == [
        "graph TD",
        '  n0["lmsys/vicuna-33b-v1.3<br/>llama1"]',
        '  n1["huggyllama/llama-30b<br/>llama1"]',
        '  n0 -->|"finetune"| n1',
    ]


def test_mermaid_labels_are_quoted_safely_and_direct_parents_are_drawn() -> None:
    parents = (Parent(Kind.DATASET, "org/data", "trained on"),)
    lineage = ('finetune of org/tuned: org/base ("quoted" <b>#1</b>)',)
    text = render(finding("org/tuned", violations=(NON_COMMERCIAL,), lineage=lineage, parents=parents))
    [diagram] = mermaid(text)
    assert diagram.splitlines()[1:] == [
        '  n0["org/tuned<br/>cc-by-nc-4.0"]',
        '  n1["org/base<br/>#quot;quoted#quot; #lt;b#gt;#35;1#lt;/b#gt;"]',
        '  n2["org/data<br/>licence not resolved"]',
        '  n0 -->|"finetune"| n1',
        '  n0 -->|"trained on"| n2',
    ]


def test_both_ci_formats_are_registered_and_imported_only_when_asked() -> None:
    assert {"github", "markdown"} <= set(FORMATS)
    probe = "import sys, modelpolicy.report; print(sorted(m for m in sys.modules if m.startswith('modelpolicy.')))"
    loaded = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    assert "modelpolicy.report.github" not in loaded
    assert "modelpolicy.report.markdown" not in loaded
