"""The GitHub Action, run as the Actions runner runs a composite action, on a real pull-request clone.

`Runner` does what the runner does for each `run:` step: it evaluates the `env:` expressions (the forms the action
uses, and no others), gives the step fresh `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY` / `GITHUB_ENV` / `GITHUB_PATH`
files and applies the last two to the steps after it, and runs the script with `bash --noprofile --norc -eo pipefail`
(plus `-u`, stricter than GitHub, to catch a variable the action forgets to set). The install step is the real one:
pip builds modelpolicy from this checkout with no index, from a wheelhouse of the test environment's own
distributions, so nothing reaches PyPI. It runs once per module; later runs take its reuse path, as a second use of
the action in one job does.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests import hookenv
from tests.conftest import REPO, report_schema

ACTION: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
WORKFLOW: dict[str, Any] = yaml.safe_load((REPO / "examples" / "workflows" / "modelpolicy.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
CONTEXT = re.compile(
    r"(?P<context>inputs|github)\.(?P<name>[\w-]+)|steps\.(?P<step>[\w-]+)\.outputs\.(?P<output>[\w-]+)"
)
GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main"]

BASE = """\
from transformers import AutoModel

instruct = AutoModel.from_pretrained("mosaicml/mpt-30b-instruct", trust_remote_code=True)
"""
NON_COMMERCIAL = 'chat = AutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n'
PERMISSIVE = 'base = AutoModel.from_pretrained("mosaicml/mpt-30b")\n'
UNKNOWN = 'mine = AutoModel.from_pretrained("nobody-knows/this-model")\n'  # offline: cannot be resolved


@dataclass
class Run:
    """What a run of the action left: its exit code, its log, its outputs and the job summary."""

    code: int
    stdout: str
    stderr: str
    outputs: dict[str, str]
    summary: str
    steps: dict[str, dict[str, str]]
    workspace: Path


@dataclass
class Runner:
    """The parts of the Actions runner a composite action meets."""

    workspace: Path
    temp: Path
    inputs: Mapping[str, str]
    github: Mapping[str, str]
    environment: Mapping[str, str]
    cache: Path  # what actions/cache keeps between jobs

    def run(self) -> Run:
        steps: dict[str, dict[str, str]] = {}
        exported: dict[str, str] = {}
        path: list[str] = []
        stdout, stderr, summary = "", "", ""
        for index, step in enumerate(ACTION["runs"]["steps"]):
            if "if" in step and not self._condition(step["if"], steps):
                continue
            if "uses" in step:
                steps[step["id"]] = self._cache(step, steps)
                continue
            files = self._files(index)
            done = subprocess.run(
                ["bash", "--noprofile", "--norc", "-euo", "pipefail", str(self._script(index, step["run"]))],
                cwd=self.workspace,
                env=self._env(step, steps, files, exported, path),
                capture_output=True,
                text=True,
                check=False,
            )
            stdout, stderr = stdout + done.stdout, stderr + done.stderr
            steps[step["id"]] = _outputs(files["GITHUB_OUTPUT"])
            summary += files["GITHUB_STEP_SUMMARY"].read_text(encoding="utf-8")
            exported |= _outputs(files["GITHUB_ENV"])
            path = files["GITHUB_PATH"].read_text(encoding="utf-8").split() + path
            if done.returncode:
                break
        outputs = {name: self._evaluate(o["value"], steps) for name, o in ACTION["outputs"].items()}
        return Run(done.returncode, stdout, stderr, outputs, summary, steps, self.workspace)

    def _condition(self, text: str, steps: dict[str, dict[str, str]]) -> bool:
        """The one form of `if:` the action uses: `${{ steps.ID.outputs.NAME != 'VALUE' }}`."""
        found = re.fullmatch(r"\$\{\{\s*steps\.([\w-]+)\.outputs\.([\w-]+) != '(\w*)'\s*\}\}", text)
        assert found, f"this runner evaluates no {text!r}: keep the action's conditions simple"
        return steps.get(found[1], {}).get(found[2], "") != found[3]

    def _cache(self, step: dict[str, Any], steps: dict[str, dict[str, str]]) -> dict[str, str]:
        """actions/cache/restore and actions/cache/save, on a folder of saved entries (`self.cache`), by exact key:
        what a restore finds, the save of a miss wrote in an earlier job."""
        action, _, version = step["uses"].partition("@")
        assert action in {"actions/cache/restore", "actions/cache/save"} and version == "v4", step["uses"]
        given = {name: self._evaluate(str(value), steps) for name, value in step["with"].items()}
        assert set(given) == {"path", "key"} and given["key"] and given["path"]
        entry, folder = self.cache / given["key"], Path(given["path"])
        if action == "actions/cache/save":
            if not entry.exists():
                shutil.copytree(folder, entry, symlinks=True, copy_function=os.link)
            return {}
        if not entry.exists():
            return {"cache-hit": "false"}
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(entry, folder, symlinks=True, copy_function=os.link)
        return {"cache-hit": "true", "cache-primary-key": given["key"], "cache-matched-key": given["key"]}

    def _files(self, index: int) -> dict[str, Path]:
        folder = self.temp / "runner" / str(index)
        folder.mkdir(parents=True)
        files = {name: folder / name for name in ("GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY", "GITHUB_ENV", "GITHUB_PATH")}
        for file in files.values():
            file.touch()
        return files

    def _script(self, index: int, text: str) -> Path:
        assert "${{" not in text, "inputs reach scripts through env:, never through an expression in the script"
        script = self.temp / "runner" / f"{index}.sh"
        script.write_text(text, encoding="utf-8")
        return script

    def _env(
        self,
        step: dict[str, Any],
        steps: dict[str, dict[str, str]],
        files: dict[str, Path],
        exported: dict[str, str],
        path: list[str],
    ) -> dict[str, str]:
        env = {**self.environment, **exported, **{k: str(v) for k, v in files.items()}}
        env["PATH"] = os.pathsep.join([*path, env["PATH"]])
        env |= {name: self._evaluate(str(value), steps) for name, value in step.get("env", {}).items()}
        return env

    def _evaluate(self, text: str, steps: dict[str, dict[str, str]]) -> str:
        def value(match: re.Match[str]) -> str:
            found = CONTEXT.fullmatch(match[1])
            assert found, f"this runner evaluates no {match[1]!r}: keep the action's expressions simple"
            if found["context"] == "inputs":
                assert found["name"] in ACTION["inputs"], f"undeclared input {found['name']}"
                return self.inputs.get(found["name"], ACTION["inputs"][found["name"]].get("default", ""))
            if found["context"] == "github":
                return self.github[found["name"]]
            return steps.get(found["step"], {}).get(found["output"], "")

        return EXPRESSION.sub(value, text)


def _outputs(file: Path) -> dict[str, str]:
    """`name=value` lines, as the action writes them (it writes no multi-line `name<<DELIMITER` values)."""
    lines = file.read_text(encoding="utf-8").splitlines()
    assert not any("<<" in line.partition("=")[0] for line in lines), "teach this runner name<<DELIMITER values"
    return dict(line.split("=", 1) for line in lines if line)


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Wheels of modelpolicy's dependencies and of its build backend, made from this environment's installs."""
    folder = tmp_path_factory.mktemp("wheelhouse")
    hookenv.wheelhouse(hookenv.needed_to_install(REPO / "pyproject.toml"), folder)
    return folder


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with `main` (a model that warns) and two pull-request branches made from it."""
    folder = tmp_path_factory.mktemp("origin")
    git = [*GIT, "-C", str(folder)]
    subprocess.run([*git, "init", "-q"], check=True)
    _commit(folder, BASE, "base")
    for branch, added in {"pr-fail": NON_COMMERCIAL, "pr-clean": PERMISSIVE, "pr-unknown": UNKNOWN}.items():
        subprocess.run([*git, "checkout", "-q", "-b", branch, "main"], check=True)
        _commit(folder, BASE + added, f"add {branch}")
    subprocess.run([*git, "checkout", "-q", "main"], check=True)
    return folder


def _commit(folder: Path, chat: str, message: str) -> None:
    (folder / "app").mkdir(exist_ok=True)
    (folder / "app" / "chat.py").write_text(chat, encoding="utf-8")
    subprocess.run([*GIT, "-C", str(folder), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(folder), "commit", "-q", "-m", message], check=True)


@pytest.fixture(scope="module")
def runner_temp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("runner-temp")


@pytest.fixture
def action(origin: Path, wheelhouse: Path, runner_temp: Path, tmp_path: Path) -> Iterator[Any]:
    """Run the action on a fresh shallow clone of a branch, as `actions/checkout` leaves a pull request."""

    runs = count()

    def run(branch: str = "pr-fail", base_ref: str = "main", temp: Path = runner_temp, **inputs: str) -> Run:
        folder = tmp_path / f"run-{next(runs)}"
        workspace = folder / "workspace"
        subprocess.run([*GIT, "clone", "-q", "--depth=1", "-b", branch, f"file://{origin}", str(workspace)], check=True)
        event = folder / "event.json"
        event.write_text(json.dumps({"pull_request": {"base": {"ref": base_ref}, "head": {"ref": branch}}}), "utf-8")
        environment = {
            **os.environ,
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_EVENT_PATH": str(event),
            "GITHUB_EVENT_NAME": "pull_request" if base_ref else "push",
            "GITHUB_BASE_REF": base_ref,
            "GITHUB_ACTION_PATH": str(REPO),
            "RUNNER_TEMP": str(temp),
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64",
            "HF_HUB_OFFLINE": "1",
            "MODELPOLICY_CACHE_DIR": str(folder / "cache"),
            "PIP_CONFIG_FILE": os.devnull,
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(wheelhouse),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        environment.pop("VIRTUAL_ENV", None)
        inputs = {"python": sys.executable, **{k.replace("_", "-"): v for k, v in inputs.items()}}
        github = {"base_ref": base_ref, "action_ref": "v0.1.0", "sha": "0" * 40}
        return Runner(workspace, folder, inputs, github, environment, temp.parent / f"{temp.name}-cache").run()

    yield run


def test_install_builds_the_tool_from_the_action_checkout_without_an_index(action: Any, runner_temp: Path) -> None:
    run = action()
    modelpolicy = run.steps["install"]["modelpolicy"]
    assert Path(modelpolicy).is_relative_to(runner_temp)
    version = subprocess.run([modelpolicy, "--version"], capture_output=True, text=True, check=True).stdout
    assert version.strip() == f"modelpolicy {importlib.metadata.version('modelpolicy')}"
    assert (runner_temp / "modelpolicy-venv" / "installed-from").read_text(encoding="utf-8") == run.steps["python"][
        "key"
    ]


def test_the_virtual_environment_is_cached_by_the_action_ref_and_python_version_and_restored_in_the_next_job(
    action: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    temp = tmp_path_factory.mktemp("job-temp")
    first = action(temp=temp)
    assert first.code == 1, first.stderr
    key = first.steps["python"]["key"]
    version = ".".join(map(str, sys.version_info[:3]))
    assert key.startswith(f"modelpolicy-venv-Linux-X64-py{version}-v0.1.0-")
    assert (first.steps["cache"], first.steps["install"]["reused"]) == ({"cache-hit": "false"}, "false")
    assert [entry.name for entry in (temp.parent / f"{temp.name}-cache").iterdir()] == [key]  # saved, though it failed
    shutil.rmtree(temp / "modelpolicy-venv")  # the next job starts on a fresh runner
    second = action(temp=temp)
    assert second.steps["cache"]["cache-hit"] == "true" and second.steps["install"]["reused"] == "true"
    assert "save" not in second.steps
    assert (second.code, second.outputs["verdict"]) == (1, "fail")


def test_the_cache_key_changes_with_the_sources_the_venv_is_built_from(action: Any, tmp_path: Path) -> None:
    copy = tmp_path / "action"
    for name in ("pyproject.toml", "src/modelpolicy/__init__.py"):
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, copy / name)
    done = [
        subprocess.run(
            [sys.executable, "-c", _key_script(), str(copy)], capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    (copy / "src" / "modelpolicy" / "__init__.py").write_text("# another release\n", encoding="utf-8")
    changed = subprocess.run(
        [sys.executable, "-c", _key_script(), str(copy)], capture_output=True, text=True, check=True
    )
    assert done[0] == done[1] and "digest=" in done[0]
    assert changed.stdout != done[0]


def _key_script() -> str:
    """The Python the action's `python` step runs to name the cache entry."""
    script = next(step["run"] for step in ACTION["runs"]["steps"] if step["id"] == "python")
    return textwrap.dedent(script.split("<<'EOF'\n", 1)[1].split("\nEOF\n", 1)[0])


def test_the_action_says_it_runs_on_linux_and_macos_and_refuses_windows() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "Linux and macOS runners" in readme and "not Windows" in readme
    script = next(step["run"] for step in ACTION["runs"]["steps"] if step["id"] == "python")
    done = subprocess.run(
        ["bash", "--noprofile", "--norc", "-euo", "pipefail", "-c", script],
        env={**os.environ, "RUNNER_OS": "Windows", "PYTHON": sys.executable, "GITHUB_OUTPUT": os.devnull},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert (
        "::error title=modelpolicy::the modelpolicy action runs on Linux and macOS runners, not Windows" in done.stdout
    )


def test_a_pull_request_adding_a_non_commercial_model_fails_with_an_annotation_on_its_line(action: Any) -> None:
    run = action()
    assert run.code == 1, run.stderr
    assert run.outputs["verdict"] == "fail"
    assert int(run.outputs["failures"]) >= 1
    column = NON_COMMERCIAL.index('"') + 1
    assert (
        f"::error file=app/chat.py,line=4,col={column},title=modelpolicy%3A non-commercial::"
        "model mosaicml/mpt-30b-chat under cc-by-nc-sa-4.0: "
    ) in run.stdout
    assert "mpt-30b-instruct" not in run.stdout  # it warns, but main had it already
    assert run.summary.startswith("## 🔴 modelpolicy: fail")
    assert "`mosaicml/mpt-30b-chat` under cc-by-nc-sa-4.0 (🆕 new)" in run.summary


def test_outputs_are_set_from_the_json_report(action: Any) -> None:
    run = action(fail_on="never")
    assert run.code == 0, run.stderr
    assert run.outputs["verdict"] == "fail"
    assert run.outputs["failures"] == "1"
    assert run.outputs["warnings"] == "0"  # the warning on main is not the pull request's
    report = json.loads(Path(run.outputs["report"]).read_text(encoding="utf-8"))
    jsonschema.validate(report, report_schema())
    assert report["since"] == "origin/main"
    assert {a["id"]: a["new"] for a in report["artefacts"]} == {
        "mosaicml/mpt-30b-chat": True,
        "mosaicml/mpt-30b-instruct": False,
    }


def test_a_clean_pull_request_passes_and_annotates_nothing(action: Any) -> None:
    run = action(branch="pr-clean", fail_on="warn")
    assert run.code == 0, run.stderr
    assert run.outputs["verdict"] == "pass"
    assert "::error" not in run.stdout and "::warning" not in run.stdout
    assert run.summary.startswith("## 🟢 modelpolicy: pass")


def test_without_a_pull_request_every_artefact_counts(action: Any) -> None:
    run = action(branch="pr-clean", base_ref="", fail_on="warn")
    assert run.code == 1
    assert run.outputs["verdict"] == "warn"
    assert "title=modelpolicy%3A trust-remote-code::model mosaicml/mpt-30b-instruct" in run.stdout


def test_sarif_is_written_when_asked_and_the_summary_left_out_when_not(action: Any) -> None:
    run = action(sarif_file="reports/modelpolicy.sarif", summary="false", fail_on="never")
    assert run.code == 0, run.stderr
    log = json.loads((run.workspace / "reports" / "modelpolicy.sarif").read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0"
    assert "non-commercial" in {result["ruleId"] for result in log["runs"][0]["results"]}
    assert run.summary == ""


def test_an_unresolvable_artefact_fails_with_3_unless_fail_on_is_never(action: Any) -> None:
    failed = action(branch="pr-unknown")
    assert failed.code == 3
    assert failed.outputs["verdict"] == "fail"
    reported = action(branch="pr-unknown", fail_on="never")
    assert reported.code == 0
    assert "::warning title=modelpolicy::some artefacts could not be resolved" in reported.stdout


@pytest.mark.parametrize("fail_on", ["fail", "never"])
def test_a_malformed_policy_fails_the_step_with_its_message_whatever_fail_on_says(
    action: Any, tmp_path: Path, fail_on: str
) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('extends = "nope"\n', encoding="utf-8")
    run = action(policy=str(policy), fail_on=fail_on)
    assert run.code == 2
    assert "::error title=modelpolicy::the scan failed (exit 2): modelpolicy: error: " in run.stdout
    assert 'unknown preset "nope"' in run.stdout
    assert run.outputs["verdict"] == ""


def test_a_wrong_fail_on_is_refused_before_anything_is_installed(action: Any) -> None:
    run = action(fail_on="sometimes")
    assert run.code == 2
    assert "::error title=modelpolicy::the fail-on input must be fail, warn or never" in run.stdout
    assert list(run.steps) == ["prepare"]


def test_every_input_has_a_description_and_every_output_a_step_output() -> None:
    for name, spec in ACTION["inputs"].items():
        assert spec["description"], name
        assert "default" in spec, name
    step_ids = [step["id"] for step in ACTION["runs"]["steps"]]
    for spec in ACTION["outputs"].values():
        found = CONTEXT.fullmatch(EXPRESSION.fullmatch(spec["value"])[1])  # type: ignore[index]
        assert found and found["step"] in step_ids
    assert ACTION["runs"]["using"] == "composite"


def test_the_example_workflow_runs_on_pull_requests_and_uploads_the_sarif_it_asks_for() -> None:
    triggers = WORKFLOW.get("on", WORKFLOW.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert WORKFLOW["permissions"] == {"contents": "read", "security-events": "write"}
    [job] = WORKFLOW["jobs"].values()
    checkout, ours, upload = job["steps"]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert re.fullmatch(r"[\w-]+/modelpolicy@\S+", ours["uses"])
    assert set(ours["with"]) <= set(ACTION["inputs"])
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == ours["with"]["sarif-file"]


def test_a_pull_request_loosening_the_policy_is_annotated_and_policy_from_judges_by_the_base(
    action: Any, origin: Path
) -> None:
    git = [*GIT, "-C", str(origin)]
    subprocess.run([*git, "checkout", "-q", "-b", "pr-loosen", "pr-fail"], check=True)
    exception = '[[exception]]\nid = "mosaicml/mpt-30b-chat"\nreason = "trust me"\n'
    (origin / ".modelpolicy.toml").write_text(f'extends = "commercial"\n\n{exception}', encoding="utf-8")
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "waive it"], check=True)
    subprocess.run([*git, "checkout", "-q", "main"], check=True)
    base = subprocess.run([*git, "rev-parse", "main"], capture_output=True, text=True, check=True).stdout.strip()
    loosened = action(branch="pr-loosen")
    assert loosened.code == 0, loosened.stdout
    assert (
        "::warning file=.modelpolicy.toml,line=3,title=modelpolicy%3A policy-changed::the policy changed since "
        "origin/main: an exception for mosaicml/mpt-30b-chat was added (trust me)"
    ) in loosened.stdout
    judged = action(branch="pr-loosen", policy_from=base)
    assert judged.code == 1, judged.stdout
    assert "title=modelpolicy%3A non-commercial::model mosaicml/mpt-30b-chat" in judged.stdout
