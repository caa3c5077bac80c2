"""The pre-commit hooks: the manifest, `lock --verify` (the modelpolicy-lock hook) in-process, and both hooks under
the real pre-commit on real commits.

pre-commit installs this checkout as a hook repository the way a user's pre-commit does: from a commit (a snapshot of
the working tree, uncommitted changes included), into a virtualenv, with `pip install .`. pip finds the build backend
and our dependencies in a wheelhouse rebuilt from this environment's installs, with no index (`tests/hookenv.py`).
The hook environment is built once per session, in its own PRE_COMMIT_HOME.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from identify import identify

from modelpolicy.cli import main
from modelpolicy.discover import SOURCES
from tests import hookenv
from tests.conftest import REPO

MANIFEST = REPO / ".pre-commit-hooks.yaml"
HOOKS = {hook["id"]: hook for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))}
HEADER = "from transformers import AutoModel\n"
CLEAN = 'base = AutoModel.from_pretrained("mistralai/Mistral-7B-v0.1")\n'
NON_COMMERCIAL = 'chat = AutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n'
ZEPHYR = 'zephyr = AutoModel.from_pretrained("HuggingFaceH4/zephyr-7b-beta")\n'
REFUSED = (
    "app.py:3: mosaicml/mpt-30b-chat: its licence forbids commercial use of the artefact or its outputs "
    "(cc-by-nc-sa-4.0) (non-commercial)"
)
RELOCK = "run `modelpolicy lock` and commit modelpolicy.lock"
# ------------------------------------------------------------------------------------------------- the manifest


def test_the_manifest_passes_pre_commit_validate_manifest() -> None:
    done = hookenv.pre_commit("validate-manifest", str(MANIFEST), cwd=REPO, env=dict(os.environ))
    assert done.returncode == 0, done.stdout


def test_the_manifest_declares_both_hooks_as_the_issue_asks() -> None:
    scan, lock = HOOKS["modelpolicy"], HOOKS["modelpolicy-lock"]
    assert scan["entry"] == "modelpolicy scan --locked --format compact"
    assert (scan["language"], scan["pass_filenames"], scan["require_serial"]) == ("python", True, True)
    assert lock["entry"] == "modelpolicy lock --verify"
    assert (lock["language"], lock["pass_filenames"], lock["always_run"]) == ("python", False, True)
    assert {scan["minimum_pre_commit_version"], lock["minimum_pre_commit_version"]} == {"2.9.0"}
    assert scan["types"] == ["text"]  # every staged text file: modelpolicy passes over those no source reads


@pytest.mark.parametrize(
    "name",
    [
        "app.py",
        "stubs/app.pyi",
        "notebooks/train.ipynb",
        "web/app.ts",
        "web/page.tsx",
        "web/chat.js",
        "web/route.mjs",
        "web/worker.mts",
        "web/view.jsx",
        "configs/train.yaml",
        "deploy/compose.yml",
        "adapter_config.json",
        "batches/requests.jsonl",
        "config.toml",
        "pyproject.toml",
        "schema.sql",
        "model_repository/falcon/config.pbtxt",
        "scripts/fetch.sh",
        "scripts/fetch.bash",
        "jobs/train.slurm",
        "Makefile",
        "rules.mk",
        "Dockerfile",
        "Dockerfile.gpu",
        "Containerfile",
        "containers/server.containerfile",
        "serve.dockerfile",
        "dockerfile",
        "Modelfile",
        "prod.env",
        ".env",
        ".env.local",
    ],
)
def test_the_hook_sees_every_file_a_source_reads(name: str, tmp_path: Path) -> None:
    """pre-commit gives the hook the staged files whose tags (identify's, from the name and the content) hold every
    one of its `types`."""
    assert any(source.wants(name) for source in SOURCES), f"no source reads {name}: drop it from this list"
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("model: org/name\n", encoding="utf-8")
    tags = identify.tags_from_path(str(path))
    assert set(HOOKS["modelpolicy"]["types"]) <= tags, f"{name} would not reach the hook (tags {sorted(tags)})"


# -------------------------------------------------------------------------------------- lock --verify, in-process


@pytest.fixture()
def locked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A git repository naming Zephyr (a fine-tune with a base model and two datasets), locked offline."""
    (tmp_path / "app.py").write_text(HEADER + ZEPHYR, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    assert main(["lock", "--offline", str(tmp_path)]) == 0
    capsys.readouterr()
    return tmp_path


def verify(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, str, str]:
    code = main(["lock", "--verify", *map(str, paths)])
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_passes_a_fresh_lockfile_whose_ancestors_are_not_referenced(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lockfile = (locked / "modelpolicy.lock").read_text(encoding="utf-8")
    assert "mistralai/Mistral-7B-v0.1" in lockfile and "HuggingFaceH4/ultrachat_200k" in lockfile
    code, out, _ = verify(capsys, locked)
    assert code == 0
    assert out == f"modelpolicy.lock: up to date with the references in {locked}\n"


def test_verify_names_a_reference_missing_from_the_lockfile_and_the_command_that_fixes_it(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (locked / "app.py").write_text(HEADER + ZEPHYR + NON_COMMERCIAL, encoding="utf-8")
    code, out, _ = verify(capsys, locked)
    assert code == 1
    assert out.splitlines() == [
        "app.py:3: mosaicml/mpt-30b-chat: referenced but not in modelpolicy.lock",
        f"modelpolicy.lock is out of date (1 above): {RELOCK}",
    ]


def test_verify_compares_revisions_and_names_each_entry_no_longer_referenced(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pinned = ZEPHYR.replace('beta")', 'beta", revision="v1.0")')
    (locked / "app.py").write_text(HEADER + pinned, encoding="utf-8")
    code, out, _ = verify(capsys, locked)
    assert code == 1
    assert out.splitlines()[:-1] == [
        "app.py:2: HuggingFaceH4/zephyr-7b-beta@v1.0: referenced but not in modelpolicy.lock",
        "HuggingFaceH4/ultrachat_200k: in modelpolicy.lock but no longer referenced",
        "HuggingFaceH4/ultrafeedback_binarized: in modelpolicy.lock but no longer referenced",
        "HuggingFaceH4/zephyr-7b-beta: in modelpolicy.lock but no longer referenced",
        "gpt-3.5-turbo: in modelpolicy.lock but no longer referenced",  # UltraChat's generating model
        "gpt-4: in modelpolicy.lock but no longer referenced",  # UltraFeedback's
        "mistralai/Mistral-7B-v0.1: in modelpolicy.lock but no longer referenced",
        "stingning/ultrachat: in modelpolicy.lock but no longer referenced",
    ]


def test_verify_names_a_locked_artefact_whose_base_model_is_not_locked(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lockfile = locked / "modelpolicy.lock"
    document = json.loads(lockfile.read_text(encoding="utf-8"))
    document["artefacts"] = [e for e in document["artefacts"] if e["id"] != "mistralai/Mistral-7B-v0.1"]
    lockfile.write_text(json.dumps(document), encoding="utf-8")
    code, out, _ = verify(capsys, locked)
    assert code == 1
    assert out.splitlines()[0] == (
        "HuggingFaceH4/zephyr-7b-beta: its finetune parent mistralai/Mistral-7B-v0.1 is not in modelpolicy.lock"
    )


def test_verify_of_part_of_the_repository_does_not_call_the_rest_unused(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (locked / "other.py").write_text(HEADER, encoding="utf-8")
    assert verify(capsys, locked / "other.py")[0] == 0


@pytest.mark.parametrize(("content", "message"), [(None, "no lockfile"), ("{", "not valid JSON")])
def test_verify_without_a_readable_lockfile_is_a_usage_error_that_says_to_lock(
    locked: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str
) -> None:
    lockfile = locked / "modelpolicy.lock"
    if content is None:
        lockfile.unlink()
    else:
        lockfile.write_text(content, encoding="utf-8")
    code, out, err = verify(capsys, locked)
    assert (code, out) == (2, "")
    assert err.startswith(f"modelpolicy: error: {lockfile}") and message in err and "modelpolicy lock" in err


def test_verify_escapes_control_characters_in_what_it_prints(locked: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (locked / "app\x1b[2J.py").write_text(HEADER + NON_COMMERCIAL, encoding="utf-8")
    code, out, _ = verify(capsys, locked)
    assert code == 1
    assert "\x1b" not in out and "app\\x1b[2J.py:2: mosaicml/mpt-30b-chat" in out


def test_verify_and_check_cannot_be_asked_together(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["lock", "--verify", "--check"])
    assert raised.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


# ----------------------------------------------------------------------------------------- the offline wheelhouse


def test_a_repacked_wheel_holds_the_installed_files_and_a_record_of_their_hashes(tmp_path: Path) -> None:
    import base64
    import hashlib
    import importlib.metadata

    wheel = hookenv.repack(importlib.metadata.distribution("cfgv"), tmp_path)
    assert wheel.name == f"cfgv-{importlib.metadata.version('cfgv')}-py2.py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        record_name = next(name for name in names if name.endswith(".dist-info/RECORD"))
        record = archive.read(record_name).decode().splitlines()
        for line in record:
            name, digest, size = line.rsplit(",", 2)
            if name == record_name:
                continue
            data = archive.read(name)
            expected = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            assert (digest, int(size)) == (f"sha256={expected}", len(data))
    assert "cfgv.py" in names and f"{record_name.rsplit('/', 1)[0]}/WHEEL" in names
    assert {len(record)} == {len(names)}
    assert not any("__pycache__" in name or name.endswith(("INSTALLER", "direct_url.json")) for name in names)


@pytest.mark.parametrize(
    ("lines", "tag"),
    [
        (["Tag: py3-none-any"], "py3-none-any"),
        (["Tag: py2-none-any", "Tag: py3-none-any"], "py2.py3-none-any"),
        (
            ["Tag: cp311-cp311-manylinux_2_17_x86_64", "Tag: cp311-cp311-manylinux2014_x86_64"],
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
        ),
    ],
)
def test_a_wheel_file_name_carries_the_compressed_tag_set_of_its_wheel_file(lines: list[str], tag: str) -> None:
    assert hookenv.wheel_tag("\n".join(["Wheel-Version: 1.0", *lines])) == tag


def test_the_closure_follows_dependencies_and_leaves_out_what_markers_exclude() -> None:
    found = hookenv.closure(["hatchling", 'tomli; python_version < "3.0"'])
    assert {"hatchling", "packaging", "pathspec", "pluggy", "trove-classifiers"} <= found
    assert "tomli" not in found


def test_pip_installs_a_binary_distribution_from_the_wheelhouse_with_no_index(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    hookenv.wheelhouse(["pyyaml"], wheels)
    environment = hookenv.environment(tmp_path / "home", wheels)
    target = tmp_path / "target"
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--target", str(target), "pyyaml"]
    subprocess.run(install, env=environment, check=True)
    probe = (
        f"import sys; sys.path.insert(0, {str(target)!r}); import yaml; assert yaml.__file__.startswith(sys.path[0])"
    )
    subprocess.run([sys.executable, "-I", "-c", probe], check=True)


# ------------------------------------------------------------------------------------ both hooks, under pre-commit


@pytest.fixture(scope="session")
def hook_environment(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, str], dict[str, object]]:
    """The environment pre-commit runs in, and the config's `repos` entry; the hook environment already built."""
    source = tmp_path_factory.mktemp("hook-repository")
    revision = hookenv.snapshot(REPO, source)
    wheels = tmp_path_factory.mktemp("wheelhouse")
    hookenv.wheelhouse(hookenv.needed_to_install(REPO / "pyproject.toml"), wheels)
    environment = hookenv.environment(tmp_path_factory.mktemp("home"), wheels)
    repository: dict[str, object] = {
        "repo": str(source),
        "rev": revision,
        "hooks": [{"id": "modelpolicy"}, {"id": "modelpolicy-lock"}],
    }
    consumer = tmp_path_factory.mktemp("install")
    _configure(consumer, repository, environment)
    done = hookenv.pre_commit("install-hooks", cwd=consumer, env=environment)
    assert done.returncode == 0, done.stdout
    return environment, repository


def _configure(folder: Path, repository: dict[str, object], environment: dict[str, str]) -> None:
    subprocess.run(["git", "init", "-q", str(folder)], check=True, env=environment)
    config = yaml.safe_dump({"repos": [repository]}, sort_keys=False)
    (folder / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")


@pytest.fixture()
def consumer(
    tmp_path: Path, hook_environment: tuple[dict[str, str], dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> Path:
    """A repository that uses both hooks (`pre-commit install`ed) and whose first commit, a clean model and its
    lockfile, they passed."""
    environment, repository = hook_environment
    _configure(tmp_path, repository, environment)
    assert hookenv.pre_commit("install", cwd=tmp_path, env=environment).returncode == 0
    (tmp_path / "app.py").write_text(HEADER + CLEAN, encoding="utf-8")
    _lock(tmp_path, capsys)
    done = _commit(tmp_path, environment)
    assert done.returncode == 0, done.stdout
    return tmp_path


def _lock(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`modelpolicy lock --offline`: the knowledge base resolves the models these tests name."""
    assert main(["lock", "--offline", str(folder)]) == 0
    capsys.readouterr()


def _commit(folder: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`git add -A` and `git commit`, which runs the installed pre-commit hook; its output in `stdout`."""
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True, env=environment)
    return subprocess.run(
        ["git", "-C", str(folder), "commit", "-m", "change"],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )


def _commits(folder: Path) -> int:
    count = ["git", "-C", str(folder), "rev-list", "--count", "HEAD"]
    return int(subprocess.run(count, capture_output=True, text=True, check=True).stdout)


def _hook_line(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(name))


def test_a_clean_commit_passes_both_hooks(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    environment, _ = hook_environment
    (consumer / "app.py").write_text(HEADER + CLEAN + ZEPHYR, encoding="utf-8")
    _lock(consumer, capsys)
    done = _commit(consumer, environment)
    assert done.returncode == 0, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Passed")
    assert _hook_line(done.stdout, "modelpolicy.lock is up to date").endswith("Passed")
    assert _commits(consumer) == 2


def test_a_commit_adding_a_non_commercial_model_is_refused_with_its_compact_line(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    environment, _ = hook_environment
    (consumer / "app.py").write_text(HEADER + CLEAN + NON_COMMERCIAL, encoding="utf-8")
    _lock(consumer, capsys)
    done = _commit(consumer, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Failed")
    assert _hook_line(done.stdout, "modelpolicy.lock is up to date").endswith("Passed")
    lines = done.stdout.splitlines()
    assert REFUSED in lines
    advice = lines[lines.index(REFUSED) + 1]
    assert advice.startswith("modelpolicy: 1 failure under policy commercial: change the reference")
    assert "`# modelpolicy: ignore[non-commercial] <reason>`" in advice and "`modelpolicy approve ID" in advice
    assert _commits(consumer) == 1


def test_a_commit_adding_a_non_commercial_model_in_typescript_is_refused_at_its_line(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    environment, _ = hook_environment
    (consumer / "web").mkdir()
    script = 'import { pipeline } from "@huggingface/transformers";\n'
    script += 'const chat = await pipeline("text-generation", "mosaicml/mpt-30b-chat");\n'
    (consumer / "web" / "chat.ts").write_text(script, encoding="utf-8")
    (consumer / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")  # not text: never handed to the hook
    _lock(consumer, capsys)
    done = _commit(consumer, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Failed")
    assert REFUSED.replace("app.py:3:", "web/chat.ts:2:") in done.stdout.splitlines()
    assert _commits(consumer) == 1


def test_a_commit_whose_lockfile_is_stale_is_refused_by_the_lock_hook(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]]
) -> None:
    environment, _ = hook_environment
    (consumer / "app.py").write_text(HEADER + CLEAN + ZEPHYR, encoding="utf-8")
    done = _commit(consumer, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy.lock is up to date").endswith("Failed")
    assert "app.py:3: HuggingFaceH4/zephyr-7b-beta: referenced but not in modelpolicy.lock" in done.stdout
    assert f"modelpolicy.lock is out of date (1 above): {RELOCK}" in done.stdout
    assert _commits(consumer) == 1


def test_a_commit_that_only_removes_a_reference_is_refused_by_the_lock_hook(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]]
) -> None:
    environment, _ = hook_environment
    (consumer / "app.py").unlink()
    done = _commit(consumer, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Skipped")
    assert "mistralai/Mistral-7B-v0.1: in modelpolicy.lock but no longer referenced" in done.stdout
    assert _commits(consumer) == 1


def test_the_hook_works_in_a_repository_with_no_lockfile(
    tmp_path: Path, hook_environment: tuple[dict[str, str], dict[str, object]]
) -> None:
    """A first run: no `modelpolicy lock` yet. What the bundled knowledge answers is judged; a clean commit passes
    and a non-commercial model fails with its finding."""
    environment, repository = hook_environment
    _configure(tmp_path, {**repository, "hooks": [{"id": "modelpolicy"}]}, environment)
    assert hookenv.pre_commit("install", cwd=tmp_path, env=environment).returncode == 0
    (tmp_path / "app.py").write_text(HEADER + CLEAN, encoding="utf-8")
    done = _commit(tmp_path, environment)
    assert done.returncode == 0, done.stdout
    (tmp_path / "app.py").write_text(HEADER + CLEAN + NON_COMMERCIAL, encoding="utf-8")
    done = _commit(tmp_path, environment)
    assert done.returncode == 1, done.stdout
    assert REFUSED in done.stdout.splitlines()
    assert not (tmp_path / "modelpolicy.lock").exists()


def _relicense(folder: Path, artefact_id: str, license_id: str) -> None:
    """What `lock --refresh` writes when the Hub now answers another licence for `artefact_id`."""
    lockfile = folder / "modelpolicy.lock"
    document = json.loads(lockfile.read_text(encoding="utf-8"))
    for entry in document["artefacts"]:
        if entry["id"] == artefact_id:
            entry["license"] = license_id
    lockfile.write_text(json.dumps(document, indent=2), encoding="utf-8")


def test_a_staged_relock_that_brings_in_a_non_commercial_licence_is_refused_by_the_lock_hook(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]]
) -> None:
    environment, _ = hook_environment
    _relicense(consumer, "mistralai/Mistral-7B-v0.1", "cc-by-nc-4.0")
    done = _commit(consumer, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Skipped")
    assert _hook_line(done.stdout, "modelpolicy.lock is up to date").endswith("Failed")
    lines = done.stdout.splitlines()
    assert (
        "modelpolicy.lock (staged): mistralai/Mistral-7B-v0.1: apache-2.0 at an unknown revision -> cc-by-nc-4.0 at "
        "an unknown revision"
    ) in lines
    assert any(line.startswith("app.py:2: mistralai/Mistral-7B-v0.1: fail under commercial: ") for line in lines)
    assert any(
        line.startswith("modelpolicy.lock (staged): its changes fail 1 artefact under policy commercial")
        for line in lines
    )
    assert _commits(consumer) == 1


def test_a_staged_relock_that_changes_no_verdict_passes_the_lock_hook(
    consumer: Path, hook_environment: tuple[dict[str, str], dict[str, object]]
) -> None:
    environment, _ = hook_environment
    _relicense(consumer, "mistralai/Mistral-7B-v0.1", "mit")
    done = _commit(consumer, environment)
    assert done.returncode == 0, done.stdout
    assert _commits(consumer) == 2


def test_verify_rejudges_a_staged_lockfile_entry_whose_ancestor_changed(
    locked: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Zephyr is referenced; its base model's entry is what the relock changed: Zephyr is judged again."""
    git = ["git", "-C", str(locked)]
    environment = {**os.environ, **hookenv.IDENTITY}
    subprocess.run([*git, "add", "-A"], check=True, env=environment)
    subprocess.run([*git, "commit", "-q", "--no-verify", "-m", "locked"], check=True, env=environment)
    assert verify(capsys, locked)[0] == 0
    _relicense(locked, "mistralai/Mistral-7B-v0.1", "cc-by-nc-4.0")
    assert verify(capsys, locked)[0] == 0, "not staged: the working tree's lockfile is not what the commit records"
    subprocess.run([*git, "add", "modelpolicy.lock"], check=True, env=environment)
    code, out, _ = verify(capsys, locked)
    assert code == 1
    assert "app.py:2: HuggingFaceH4/zephyr-7b-beta: fail under commercial: " in out
    assert out.splitlines()[-1].startswith("modelpolicy.lock (staged): its changes fail 1 artefact")


def test_an_offline_lock_records_what_it_cannot_resolve_and_the_hook_judges_it_by_the_policy_s_unknown(
    tmp_path: Path, hook_environment: tuple[dict[str, str], dict[str, object]], capsys: pytest.CaptureFixture[str]
) -> None:
    environment, repository = hook_environment
    _configure(tmp_path, repository, environment)
    assert hookenv.pre_commit("install", cwd=tmp_path, env=environment).returncode == 0
    unknown = 'mine = AutoModel.from_pretrained("nobody-knows/this-model")\n'
    (tmp_path / "app.py").write_text(HEADER + CLEAN + unknown, encoding="utf-8")
    _lock(tmp_path, capsys)  # offline: the unknown model is locked unresolved, the lock is not aborted
    assert '"unresolved": ' in (tmp_path / "modelpolicy.lock").read_text(encoding="utf-8")
    done = _commit(tmp_path, environment)
    assert done.returncode == 1, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Failed")
    assert _hook_line(done.stdout, "modelpolicy.lock is up to date").endswith("Passed")
    assert "app.py:3: nobody-knows/this-model: its licence is unknown" in done.stdout
    (tmp_path / ".modelpolicy.toml").write_text('extends = "commercial"\nunknown = "warn"\n', encoding="utf-8")
    (tmp_path / "app.py").write_text(HEADER + CLEAN + unknown + "# judged again\n", encoding="utf-8")
    done = _commit(tmp_path, environment)
    assert done.returncode == 0, done.stdout
    assert _hook_line(done.stdout, "modelpolicy (licences").endswith("Passed")
