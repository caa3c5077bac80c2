"""The scheduled drift workflow (examples/workflows/drift.yml), its steps run as the Actions runner runs a workflow's
`run:` steps: `bash --noprofile --norc -eo pipefail` (plus `-u`), fresh GITHUB_OUTPUT files, `env:` expressions
evaluated, `if:` conditions on step outputs. `modelpolicy lock --check` is the real CLI, asking the local test Hub
(`tests/hub`) through HF_ENDPOINT; `gh` is a stand-in on PATH that records each call and answers `gh issue list` as
the test says. The `uses:` steps (checkout, setup-python) are what the test's clone and Python already are, and the
install step (pip from PyPI) is replaced by this environment's modelpolicy on PATH: tests reach no index."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO
from tests.hub.server import HubServer

WORKFLOW: dict[str, Any] = yaml.safe_load((REPO / "examples" / "workflows" / "drift.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
ORBIT = "fixture-org/orbit-7b-v1"
APP = f'from transformers import AutoModel\nAutoModel.from_pretrained("{ORBIT}")\n'
TITLE = "modelpolicy.lock has drifted from the Hub"
GH = """#!/bin/bash
printf '%s\\n' "$(python3 -c 'import json, sys; print(json.dumps(sys.argv[1:]))' "$@")" >>"$GH_CALLS"
if [[ "$1 $2" == "issue list" ]]; then printf '%s\\n' "$GH_OPEN_ISSUE"; fi
if [[ "$1 $2" == "issue create" || "$1 $2" == "issue comment" ]]; then
  for ((i = 1; i <= $#; i++)); do [[ ${!i} == --body-file ]] && { j=$((i + 1)); cp "${!j}" "$GH_BODY"; }; done
fi
exit 0
"""


@dataclass
class Job:
    code: int
    log: str
    steps: dict[str, dict[str, str]]
    gh: list[list[str]]
    body: str


def _run(workspace: Path, temp: Path, environment: Mapping[str, str]) -> Job:
    steps: dict[str, dict[str, str]] = {}
    log, code = "", 0
    [job] = WORKFLOW["jobs"].values()
    for index, step in enumerate(job["steps"]):
        if "uses" in step or step.get("id") == "install":
            continue  # checkout and setup-python: done by the test; install: this environment's modelpolicy
        if "if" in step and not _condition(step["if"], steps):
            continue
        output = temp / f"output-{index}"
        output.touch()
        values = {name: _evaluate(str(value), steps) for name, value in step.get("env", {}).items()}
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-euo", "pipefail", "-c", step["run"]],
            cwd=workspace,
            env={**environment, **values, "GITHUB_OUTPUT": str(output)},
            capture_output=True,
            text=True,
            check=False,
        )
        log += done.stdout + done.stderr
        steps[step.get("id", str(index))] = dict(
            line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines() if line
        )
        code = done.returncode
        if code:
            break
    calls = temp / "gh-calls"
    gh = [json.loads(line) for line in calls.read_text(encoding="utf-8").splitlines()] if calls.exists() else []
    body = temp / "gh-body"
    return Job(code, log, steps, gh, body.read_text(encoding="utf-8") if body.exists() else "")


def _evaluate(text: str, steps: dict[str, dict[str, str]]) -> str:
    def value(match: re.Match[str]) -> str:
        expression = match[1]
        found = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expression)
        if found:
            return steps.get(found[1], {}).get(found[2], "")
        assert expression in {"secrets.HF_TOKEN", "github.token"}, f"this runner evaluates no {expression!r}"
        return "" if expression == "secrets.HF_TOKEN" else "a-token"

    return EXPRESSION.sub(value, text)


def _condition(text: str, steps: dict[str, dict[str, str]]) -> bool:
    found = re.fullmatch(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+) == '(\w*)'\s*\}\}", text)
    assert found, f"this runner evaluates no {text!r}"
    return steps.get(found[1], {}).get(found[2], "") == found[3]


@pytest.fixture()
def hub() -> Iterator[HubServer]:
    with HubServer() as server:
        yield server


@pytest.fixture()
def drift(hub: HubServer, tmp_path: Path) -> Iterator[Any]:
    """A repository whose lockfile `modelpolicy lock` wrote from the test Hub; `drift(open_issue=...)` runs the job."""
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "app.py").write_text(APP, encoding="utf-8")
    tools = tmp_path / "tools"
    tools.mkdir()
    (tools / "gh").write_text(GH, encoding="utf-8")
    (tools / "gh").chmod(0o755)
    environment = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("HF_", "GITHUB_"))},
        "PATH": os.pathsep.join([str(tools), str(Path(sys.executable).parent), os.environ["PATH"]]),
        "HF_ENDPOINT": hub.endpoint,
        "MODELPOLICY_CACHE_DIR": str(tmp_path / "cache"),
        "RUNNER_TEMP": str(tmp_path),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "acme/app",
        "GITHUB_RUN_ID": "42",
    }
    subprocess.run(["modelpolicy", "lock", "."], cwd=workspace, env=environment, check=True, capture_output=True)
    runs = iter(range(100))

    def run(open_issue: str = "") -> Job:
        temp = tmp_path / f"job-{next(runs)}"
        temp.mkdir()
        recorded = {"GH_CALLS": str(temp / "gh-calls"), "GH_BODY": str(temp / "gh-body")}
        return _run(workspace, temp, {**environment, **recorded, "GH_OPEN_ISSUE": open_issue})

    yield run


def relicense(hub: HubServer, license_id: str) -> None:
    data = hub.repos["model"][ORBIT]
    data["cardData"] = {**data["cardData"], "license": license_id}
    data["sha"] = "0123456789abcdef0123456789abcdef01234567"


def test_no_drift_opens_no_issue(drift: Any) -> None:
    job = drift()
    assert job.code == 0, job.log
    assert job.steps["check"]["drift"] == "false"
    assert "modelpolicy.lock: no drift" in job.log
    assert job.gh == []


def test_a_drift_that_changes_a_verdict_opens_an_issue_with_the_drift(drift: Any, hub: HubServer) -> None:
    relicense(hub, "cc-by-nc-4.0")
    job = drift()
    assert job.code == 0, job.log
    assert job.gh[0][:2] == ["issue", "list"]
    assert job.gh[1] == ["issue", "create", "--repo", "acme/app", "--title", TITLE, "--body-file", job.gh[1][-1]]
    assert f"{ORBIT}: apache-2.0 at " in job.body and "-> cc-by-nc-4.0 at 0123456789ab" in job.body
    assert f"{ORBIT}: pass -> fail under commercial (non-commercial)" in job.body
    assert "Run: https://github.com/acme/app/actions/runs/42" in job.body


def test_a_drift_comments_on_the_issue_already_open(drift: Any, hub: HubServer) -> None:
    relicense(hub, "mit")  # drift without a verdict change is still drift
    job = drift(open_issue="7")
    assert job.code == 0, job.log
    assert job.gh[1] == ["issue", "comment", "7", "--repo", "acme/app", "--body-file", job.gh[1][-1]]
    assert "1 entry drifted, no verdict changes" in job.body


def test_a_check_that_could_ask_nothing_fails_the_job_and_opens_no_issue(drift: Any, hub: HubServer) -> None:
    hub.fail(f"/api/models/{ORBIT}", [503] * 50, retry_after=0)
    job = drift()
    assert job.code == 3
    assert "::error title=modelpolicy drift::lock --check could not check the lockfile (exit 3)" in job.log
    assert job.gh == []


def test_the_workflow_is_scheduled_and_asks_only_for_what_it_needs() -> None:
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["schedule"][0]["cron"] and "workflow_dispatch" in triggers
    assert WORKFLOW["permissions"] == {"contents": "read", "issues": "write"}
    [job] = WORKFLOW["jobs"].values()
    assert any("modelpolicy lock --check" in step.get("run", "") for step in job["steps"])
