"""modelpolicy.lock: `lock`, `scan --locked` and `lock --check` round-trip through the CLI on the local test Hub,
with drift between lock and check; the format's versions, errors and atomic write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

hf_constants = pytest.importorskip("huggingface_hub.constants")  # read while the real environment is in force

from modelpolicy import lockfile, locking  # noqa: E402
from modelpolicy.cli import main  # noqa: E402
from modelpolicy.model import Kind, Parent, Resolved, Terms, TrainingData, Unresolved, Weights  # noqa: E402
from modelpolicy.resolve.locked import LockfileResolver, locked_key  # noqa: E402
from tests.hub.server import HubServer  # noqa: E402

SFT = "fixture-org/mistral-7b-instruct-sft"
GGUF = "fixture-org/mistral-7b-instruct-sft-dpo-GGUF"
ACME = "fixture-org/acme-coder-7b"
ORBIT = "fixture-org/orbit-7b-v1"
TOKEN = "hf_modelpolicyTestSecret0123456789"
OLD_SHA = "0123456789abcdef0123456789abcdef01234567"
APP = (
    "from transformers import AutoModel\n"
    f'AutoModel.from_pretrained("{GGUF}")\n'
    f'AutoModel.from_pretrained("{ACME}", revision="v1.0")\n'
    f'AutoModel.from_pretrained("{ORBIT}")\n'
)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "app.py").write_text(APP, encoding="utf-8")
    return folder


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def verdicts(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, str]]:
    code, out, _ = run(capsys, "scan", *args, "--format", "json", "--policy", "commercial")
    return code, {a["id"]: a["verdict"] for a in json.loads(out)["artefacts"]}


def relicense(hub: HubServer, repo_id: str, license_id: str, sha: str) -> None:
    """The repository's head moves to a commit `sha` whose card says `license_id`."""
    data = hub.repos["model"][repo_id]
    data["cardData"] = {**data["cardData"], "license": license_id}
    data["sha"] = sha


# ---------------------------------------------------------------------------------------------------- round trip


def test_lock_then_scan_locked_gives_the_fresh_verdicts_offline(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = verdicts(capsys, str(repo))
    code, out, err = run(capsys, "lock", str(repo))
    assert code == 0, err
    assert f"{repo / 'modelpolicy.lock'}: " in out
    text = (repo / "modelpolicy.lock").read_text(encoding="utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, indent=2, ensure_ascii=False) + "\n"  # one key a line, stable diffs
    assert list(document) == ["comment", "version", "artefacts"] and document["version"] == 2
    assert document["comment"] == lockfile.COMMENT
    found = {entry["id"]: entry for entry in document["artefacts"]}
    for ancestor in (
        SFT,
        "fixture-org/mistral-7b-instruct-sft-dpo",
        "mistralai/Mistral-7B-v0.1",
        "fixture-org/orbit-7b-v2",
    ):
        assert ancestor in found  # every ancestor, not only what the code names
    assert list(found[ACME])[:3] == ["kind", "id", "revision"]
    assert found[ACME]["revision"] == "v1.0" and found[ACME]["license"] == "apache-2.0"
    dpo = {"kind": "model", "id": "fixture-org/mistral-7b-instruct-sft-dpo", "relation": "quantized"}
    assert found[GGUF]["parents"] == [dpo]
    asked = hub.count("GET")
    monkeypatch.setattr(hf_constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    assert verdicts(capsys, "--locked", str(repo)) == fresh
    assert hub.count("GET") == asked


def test_a_second_lock_of_an_unchanged_repository_is_byte_identical(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locking, "now_utc", lambda: "2026-01-01T00:00:00Z")
    assert run(capsys, "lock", str(repo))[0] == 0
    first = (repo / "modelpolicy.lock").read_bytes()
    monkeypatch.setattr(locking, "now_utc", lambda: "2026-02-02T00:00:00Z")
    assert run(capsys, "lock", "--refresh", str(repo))[0] == 0
    assert (repo / "modelpolicy.lock").read_bytes() == first
    relicense(hub, SFT, "mit", OLD_SHA)
    assert run(capsys, "lock", "--refresh", str(repo))[0] == 0
    entries = lockfile.read(repo / "modelpolicy.lock").by_key
    assert entries[locked_key(Kind.MODEL, SFT, None)].resolved_at == "2026-02-02T00:00:00Z"  # its facts changed
    assert entries[locked_key(Kind.MODEL, GGUF, None)].resolved_at == "2026-01-01T00:00:00Z"


def test_the_token_is_used_but_never_written(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    code, out, err = run(capsys, "lock", str(repo))
    assert code == 0
    assert any(entry.authorized for entry in hub.log)
    assert all(TOKEN not in text for text in (out, err, (repo / "modelpolicy.lock").read_text(encoding="utf-8")))


def test_locking_one_file_keeps_the_other_entries(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    (repo / "more.py").write_text('AutoModel.from_pretrained("fixture-org/mistral-7b-alpaca-lora")\n', encoding="utf-8")
    assert run(capsys, "lock", str(repo / "more.py"))[0] == 0
    ids = {entry.id for entry in lockfile.read(repo / "modelpolicy.lock").entries}
    assert {"fixture-org/mistral-7b-alpaca-lora", ORBIT, GGUF, ACME} <= ids


LOCAL_BASE = "fixture-org/support-bot-local-base"  # its card: a local path, a URL and words where ids should be
NOT_HUB_IDS = {
    "./checkpoints/base-7b": "base model `./checkpoints/base-7b` is not a Hub id",
    "https://data.example.com/support-tickets.zip": "dataset `https://data.example.com/support-tickets.zip` is not a "
    "Hub id",
    "our own support tickets (2023)": "dataset `our own support tickets (2023)` is not a Hub id",
}


def test_lineage_that_is_not_a_hub_id_is_locked_as_such_and_judged_as_unknown(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "local"
    repo.mkdir()
    sha = hub.repos["model"][LOCAL_BASE]["sha"]
    (repo / "app.py").write_text(f'AutoModel.from_pretrained("{LOCAL_BASE}", revision="{sha}")\n', encoding="utf-8")
    for _ in "ab":  # every run, not only the first
        code, _, err = run(capsys, "lock", str(repo))
        assert code == 0, err
    assert not [path for _, path in hub.requests if "checkpoints" in path or "support" in path.replace(LOCAL_BASE, "")]
    entries = {entry.id: entry for entry in lockfile.read(repo / "modelpolicy.lock").entries}
    assert {artefact: entries[artefact].resolution for artefact in NOT_HUB_IDS} == {
        artefact: Unresolved(reason) for artefact, reason in NOT_HUB_IDS.items()
    }
    own = entries[LOCAL_BASE].resolution
    assert isinstance(own, Resolved) and {p.id for p in own.terms.parents} >= NOT_HUB_IDS.keys()
    assert run(capsys, "lock", "--check", str(repo))[:2] == (0, "modelpolicy.lock: no drift\n")
    assert run(capsys, "lock", "--verify", str(repo))[0] == 0
    for name, settings, verdict in (  # unknown, lineage, training_data
        ("unknowns-fail", ("fail", "enforce", "enforce"), "fail"),
        ("unknowns-warn", ("warn", "enforce", "enforce"), "warn"),
        ("data-warns", ("fail", "off", "warn"), "warn"),  # `warn`: at most a warning
        ("lineage-off", ("fail", "off", "off"), "pass"),
    ):
        policy = tmp_path / f"{name}.toml"
        keys = zip(("unknown", "lineage", "training_data"), settings, strict=True)
        policy.write_text('extends = "commercial"\n' + "".join(f'{key} = "{value}"\n' for key, value in keys))
        code, out, _ = run(capsys, "scan", "--locked", str(repo), "--format", "json", "--policy", str(policy))
        [finding] = json.loads(out)["artefacts"]
        assert (code, finding["verdict"]) == (int(verdict == "fail"), verdict), name
        assert [v["code"] for v in finding["violations"]] == ([] if verdict == "pass" else ["unknown"])
        assert all("is not a Hub id, named by" in v["message"] for v in finding["violations"])
    assert "./checkpoints/base-7b" in json.dumps(finding["lineage"])


def test_locks_of_parts_of_a_repository_at_once_keep_every_entry(hub: HubServer, tmp_path: Path) -> None:
    """`lock FILE` keeps the entries of the other files: run side by side for different files, the runs take turns
    reading and replacing the lockfile (an exclusive lock), so each one's entries survive the others' writes."""
    models = [SFT, GGUF, ORBIT, ACME, "fixture-org/mistral-7b-alpaca-lora", "fixture-org/news-topic-classifier"]
    repo = tmp_path / "parts"
    (repo / ".git").mkdir(parents=True)  # the root every run locks into
    for n, model in enumerate(models):
        (repo / f"m{n}.py").write_text(f'AutoModel.from_pretrained("{model}")\n', encoding="utf-8")
    env = {**os.environ, "HF_ENDPOINT": hub.endpoint}
    command = [sys.executable, "-m", "modelpolicy", "lock"]
    runs = [
        subprocess.Popen([*command, str(repo / f"m{n}.py")], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for n in range(len(models))
    ]
    outcomes = [(run.communicate(timeout=120)[1], run.returncode) for run in runs]
    assert all(code == 0 for _, code in outcomes), outcomes
    assert set(models) <= {entry.id for entry in lockfile.read(repo / "modelpolicy.lock").entries}
    left = {p.name for p in repo.iterdir()} - {f"m{n}.py" for n in range(len(models))}
    assert left == {".git", "modelpolicy.lock"}  # no temporary file left behind


# ----------------------------------------------------------------------------------------------------- --locked


def test_a_reference_missing_from_the_lockfile_fails_and_says_run_lock(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    (repo / "more.py").write_text('AutoModel.from_pretrained("fixture-org/mistral-7b-alpaca-lora")\n', encoding="utf-8")
    code, out, _ = run(capsys, "scan", "--locked", str(repo), "--policy", "research")
    assert code == 1
    assert "fixture-org/mistral-7b-alpaca-lora is not in modelpolicy.lock" in out
    assert "run `modelpolicy lock`" in out


def test_a_revision_not_locked_is_not_locked(hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    (repo / "app.py").write_text(APP.replace('revision="v1.0"', 'revision="v2.0"'), encoding="utf-8")
    code, out, _ = run(capsys, "scan", "--locked", str(repo), "--policy", "research")
    assert code == 1 and f"{ACME} at revision v2.0 is not in modelpolicy.lock" in out


def test_scan_locked_without_a_lockfile_judges_offline_and_fails_what_it_cannot_as_not_locked(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "scan", "--locked", str(repo), "--format", "compact")
    assert code == 1
    assert f"{ACME}@v1.0: it is not in modelpolicy.lock" in out
    assert "run `modelpolicy lock` and commit modelpolicy.lock" in out
    assert "no modelpolicy.lock in" in err and "judged offline" in err


def test_scan_locked_without_a_lockfile_passes_what_the_knowledge_base_answers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("mistralai/Mistral-7B-v0.1")\n'
    )
    assert run(capsys, "scan", "--locked", str(tmp_path), "--format", "compact")[0] == 0
    (tmp_path / "nc.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n'
    )
    code, out, _ = run(capsys, "scan", "--locked", str(tmp_path), "--format", "compact")
    assert code == 1 and "nc.py:2: mosaicml/mpt-30b-chat:" in out and "(non-commercial)" in out


def test_scan_locked_asks_no_network_and_imports_no_hub_client(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    script = (
        "import sys\nfrom modelpolicy.cli import main\ncode = main(sys.argv[1:])\n"
        "print('huggingface_hub imported:', 'huggingface_hub' in sys.modules, file=sys.stderr)\nsys.exit(code)\n"
    )
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0"}
    done = subprocess.run(
        [sys.executable, "-c", script, "scan", "--locked", str(repo), "--policy", "research"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stderr.splitlines()[-1] == "huggingface_hub imported: False"
    assert not (Path(os.environ["HOME"]) / ".cache" / "modelpolicy").exists()  # no cache opened either


def test_an_entry_whose_parent_is_not_locked_is_not_locked() -> None:
    terms = Terms(
        "apache-2.0", Weights.OPEN, TrainingData.UNKNOWN, "x", parents=(Parent(Kind.MODEL, "b/base", "finetune"),)
    )
    resolver = LockfileResolver({locked_key(Kind.MODEL, "a/child", None): Resolved(terms)})
    found = resolver.resolve(Kind.MODEL, "A/Child", None)
    assert isinstance(found, Unresolved) and found.concern == "not-locked"
    assert "finetune parent b/base is not in modelpolicy.lock" in found.reason
    assert resolver.resolve(Kind.API, "gpt-4o", None) is None  # left to the knowledge base


# ------------------------------------------------------------------------------------------------- lock --check


def test_check_reports_a_licence_change_and_exits_1_when_a_verdict_changes(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = hub.repos["model"][SFT]["sha"]
    relicense(hub, SFT, "cc-by-sa-3.0", OLD_SHA)  # locked at an older commit, under share-alike terms
    assert run(capsys, "lock", str(repo))[0] == 0
    before = (repo / "modelpolicy.lock").read_bytes()
    relicense(hub, SFT, "apache-2.0", head)  # upstream relicensed since
    code, out, err = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert code == 1, err
    assert f"{SFT}: cc-by-sa-3.0 at {OLD_SHA[:12]} -> apache-2.0 at {head[:12]}\n" in out
    assert f"{GGUF}: warn -> pass under commercial\n" in out  # the share-alike base no longer taints it
    assert "drift changes" in out and "run `modelpolicy lock`" in out
    assert (repo / "modelpolicy.lock").read_bytes() == before  # a check never rewrites


def test_check_of_an_unchanged_hub_says_no_drift(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    assert run(capsys, "lock", "--check", str(repo)) == (0, "modelpolicy.lock: no drift\n", "")


def test_check_asks_the_hub_again_despite_fresh_cached_answers(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    relicense(hub, ORBIT, "mit", OLD_SHA)
    code, out, _ = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert f"{ORBIT}: apache-2.0 at " in out and f"-> mit at {OLD_SHA[:12]}" in out
    assert code == 0 and "1 entry drifted, no verdict changes" in out  # information only


@pytest.mark.parametrize(
    ("change", "said"),
    [("gated", "became gated (gated: cannot read terms"), ("gone", "disappeared (not found on the Hub")],
)
def test_check_reports_a_model_that_became_gated_or_disappeared(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], change: str, said: str
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    if change == "gated":
        hub.gate_api = True
        hub.repos["model"][GGUF]["gated"] = "manual"
    else:
        del hub.repos["model"][GGUF]
    code, out, _ = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert f"{GGUF}: {said}" in out
    assert f"{GGUF}: pass -> fail under commercial (unknown)" in out
    assert code == 1


def test_check_lists_new_and_no_longer_referenced_artefacts(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    (repo / "app.py").write_text(APP.replace(ORBIT, "fixture-org/mistral-7b-alpaca-lora"), encoding="utf-8")
    code, out, _ = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert code == 0
    assert "fixture-org/mistral-7b-alpaca-lora: new, not in modelpolicy.lock (apache-2.0 at " in out
    assert f"{ORBIT}: in modelpolicy.lock but no longer referenced\n" in out
    assert "fixture-org/orbit-7b-v2: in modelpolicy.lock but no longer referenced\n" in out


def test_check_offline_is_a_usage_error(hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    code, _, err = run(capsys, "lock", "--check", "--offline", str(repo))
    assert code == 2 and "asks the Hub again, and this run is offline" in err


def test_check_names_each_entry_it_could_not_check_and_judges_the_rest(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    hub.fail(f"/api/models/{ORBIT}", [503] * 20)
    relicense(hub, SFT, "cc-by-nc-4.0", OLD_SHA)
    code, out, err = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert f"modelpolicy: warning: {ORBIT}: not checked: " in err
    assert f"{SFT}: apache-2.0 at " in out and f"-> cc-by-nc-4.0 at {OLD_SHA[:12]}" in out
    assert f"{ORBIT}: " not in out  # what was not asked is not drift
    assert code == 1 and out.splitlines()[-1].startswith("modelpolicy.lock: drift changes ")
    assert "; 1 entry not checked (above); review it" in out


def test_check_that_could_check_nothing_exits_3_and_never_says_no_drift(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    monkeypatch.setattr(hf_constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    code, out, err = run(capsys, "lock", "--check", str(repo), "--policy", "commercial")
    assert (code, out) == (3, "")
    assert f"{ORBIT}: " in err and "not checked: 3 artefacts could not be resolved" in err


def test_lock_offline_locks_what_it_cannot_resolve_as_unresolved_for_the_policy_to_judge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "app.py").write_text(
        "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("mistralai/Mistral-7B-v0.1")\n'
        'AutoModel.from_pretrained("nobody-knows/this-model")\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "lock", "--offline", str(tmp_path))
    assert code == 0
    assert out.splitlines()[-1].endswith("modelpolicy.lock: 2 artefacts locked, 1 of them unresolved")
    assert "nobody-knows/this-model: locked unresolved: " in err and "run `modelpolicy lock` online" in err
    found = {e["id"]: e for e in json.loads((tmp_path / "modelpolicy.lock").read_text(encoding="utf-8"))["artefacts"]}
    assert found["mistralai/Mistral-7B-v0.1"]["license"] == "apache-2.0"
    assert "unresolved" in found["nobody-knows/this-model"]
    code, out, _ = run(capsys, "scan", "--locked", "--format", "compact", str(tmp_path))
    assert code == 3 and "nobody-knows/this-model: its licence is unknown" in out  # unknown = "fail" in commercial
    (tmp_path / ".modelpolicy.toml").write_text('extends = "commercial"\nunknown = "warn"\n', encoding="utf-8")
    assert run(capsys, "scan", "--locked", str(tmp_path))[0] == 0


def test_lock_offline_keeps_a_previous_answer_it_cannot_give_again(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    before = (repo / "modelpolicy.lock").read_bytes()
    (repo / "cache").mkdir(exist_ok=True)
    code, out, _ = run(capsys, "lock", "--offline", "--cache-dir", str(repo / "cache"), str(repo))
    assert code == 0 and out.splitlines()[-1].endswith("0 of them unresolved")
    assert (repo / "modelpolicy.lock").read_bytes() == before


# ------------------------------------------------------------------------------------------ versions and errors

V1 = json.dumps(
    {
        "version": 1,
        "artefacts": [
            {"kind": "model", "id": ACME, "revision": "v1.0", "license": "apache-2.0"},
            {"kind": "model", "id": GGUF, "license": "cc-by-nc-4.0"},
            {"kind": "model", "id": ORBIT},
        ],
    }
)


def test_a_format_1_lockfile_is_upgraded_with_a_note(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "modelpolicy.lock").write_text(V1, encoding="utf-8")
    code, out, err = run(capsys, "scan", "--locked", str(repo), "--policy", "commercial", "--format", "json")
    assert f"modelpolicy: note: {repo / 'modelpolicy.lock'}: format 1 read as format 2" in err
    assert "run `modelpolicy lock`" in err
    found = {a["id"]: (a["license"], a["verdict"]) for a in json.loads(out)["artefacts"]}
    assert found[ACME] == ("apache-2.0", "pass")
    assert found[GGUF] == ("cc-by-nc-4.0", "fail")  # the licence format 1 recorded still decides
    assert found[ORBIT][1] == "fail" and code == 1
    assert run(capsys, "lock", str(repo))[0] == 0  # `lock` completes it
    assert json.loads((repo / "modelpolicy.lock").read_text(encoding="utf-8"))["version"] == 2


def test_a_lockfile_from_a_newer_modelpolicy_is_an_error_and_lock_leaves_it(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    newer = '{\n  "comment": "from the future",\n  "version": 3\n}\n'
    (repo / "modelpolicy.lock").write_text(newer, encoding="utf-8")
    for command in (["scan", "--locked"], ["lock"]):
        code, _, err = run(capsys, *command, str(repo))
        assert code == 2
        assert f"{repo / 'modelpolicy.lock'}:3: written in format 3 by a newer modelpolicy" in err
        assert "upgrade modelpolicy" in err
    assert (repo / "modelpolicy.lock").read_text(encoding="utf-8") == newer


ENTRY = (  # lines 4 to 10 of the file, when it is the first entry
    '    {\n      "kind": "model",\n      "id": "o/m",\n      "weights": "open",\n      "training_data": "unknown",\n'
    '      "source": "s"\n    }'
)


def lockfile_text(*entries: str) -> str:
    return '{\n  "version": 2,\n  "artefacts": [\n' + ",\n".join(entries) + "\n  ]\n}\n"


def with_key(key_value: str) -> str:
    """ENTRY with one more key, on line 10."""
    return lockfile_text(ENTRY.replace('"source": "s"', f'"source": "s",\n      {key_value}'))


PARENT = '{"kind": "model", "id": "o/base", "relation": "finetune"}'


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            '{\n  "version": 2,\n  "artefacts": [\n    {"kind": "model",}\n',
            ":4: not valid JSON (Expecting property name enclosed in double quotes)",
        ),
        ('{"version": "2"}\n', ":1: version: expected a format version such as 2, got '2'"),
        ('{"artefacts": [{"kind": "model"}]}\n', ": version: expected a format version such as 2, got None"),
        ("[]\n", ": expected an object with version and artefacts"),
        (lockfile_text(ENTRY.replace('"open"', "3")), ":7: artefacts[1].weights: expected one of open, gated"),
        (lockfile_text(ENTRY.replace(',\n      "source": "s"', "")), ":4: artefacts[1]: missing key source"),
        (with_key('"sha": 7'), ":10: artefacts[1].sha: expected a string, got 7"),
        (with_key('"licence": "mit"'), ":10: artefacts[1].licence: unknown key"),
        (with_key('"parents": ["o/base"]'), ":10: artefacts[1].parents: expected a list of { kind, id, relation }"),
        (with_key('"weights": "gated"'), ":10: artefacts[1].weights: given twice"),
        (with_key(f'"parents": [{PARENT[:-1]}, "id": "o/b"}}]'), ":10: artefacts[1].parents[1].id: given twice"),
        (
            lockfile_text(ENTRY, ENTRY.replace('"model"', '"weights"')),
            ":12: artefacts[2].kind: expected one of model, dataset",
        ),
        (
            lockfile_text(ENTRY.replace('"model"', '"weights"').replace("{\n", f'{{\n      "parents": [{PARENT}],\n')),
            ":6: artefacts[1].kind: expected one of model, dataset",  # its own kind, not its parent's on line 5
        ),
        (
            lockfile_text(ENTRY, ENTRY.replace('"o/m"', '"O/M"')),
            ":11: artefacts[2]: O/M is locked twice (also artefacts[1])",
        ),
    ],
    ids=[
        "json",
        "version-type",
        "no-version",
        "not-an-object",
        "choice",
        "missing",
        "type",
        "unknown-key",
        "parents",
        "duplicate-key",
        "duplicate-nested-key",
        "second",
        "parent-key-first",
        "twice",
    ],
)
def test_a_malformed_lockfile_is_an_error_naming_the_file_and_line(
    repo: Path, capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    (repo / "modelpolicy.lock").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "scan", "--locked", str(repo))
    assert code == 2 and out == ""
    assert err.startswith(f"modelpolicy: error: {repo / 'modelpolicy.lock'}{said}"), err
    assert err.endswith("; run `modelpolicy lock` to write it again\n")
    assert len(err.splitlines()) == 1


def test_lock_replaces_a_corrupted_lockfile_with_a_note(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "modelpolicy.lock").write_text("<<<<<<< HEAD\n", encoding="utf-8")
    code, _, err = run(capsys, "lock", str(repo))
    assert code == 0 and "modelpolicy: note: replacing a lockfile that could not be read: " in err
    assert lockfile.read(repo / "modelpolicy.lock").entries


def test_awkward_strings_survive_the_round_trip(tmp_path: Path) -> None:
    odd = 'quote " backslash \\ tab \t newline \n del \x7f é ✓ \x00'
    terms = Terms(odd, Weights.GATED, TrainingData.AVAILABLE, odd, note=odd, history=(odd,), revision="a" * 40)
    entries = (
        lockfile.Entry(Kind.DATASET, "o/d", odd, Resolved(terms), "sha256:x", "2026-01-01T00:00:00Z"),
        lockfile.Entry(Kind.MODEL, "o/m", None, Unresolved(odd), "", "2026-01-01T00:00:00Z"),
    )
    path = tmp_path / "modelpolicy.lock"
    lockfile.write(path, entries)
    assert lockfile.read(path).entries == entries


# ------------------------------------------------------------------------------------------------ atomic writes


def test_an_error_in_the_middle_of_writing_leaves_the_previous_lockfile(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    before = (repo / "modelpolicy.lock").read_bytes()
    relicense(hub, SFT, "mit", OLD_SHA)
    real, calls = lockfile._fields, []

    def failing(entry: lockfile.Entry) -> list[tuple[str, object]]:
        calls.append(entry)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(entry)

    monkeypatch.setattr(lockfile, "_fields", failing)
    code, _, err = run(capsys, "lock", "--refresh", str(repo))
    assert code == 130 and "interrupted" in err
    assert (repo / "modelpolicy.lock").read_bytes() == before
    assert sorted(p.name for p in repo.iterdir()) == ["app.py", "modelpolicy.lock"]


def test_a_lock_interrupted_by_ctrl_c_while_flushing_leaves_the_previous_lockfile(tmp_path: Path) -> None:
    path = tmp_path / "modelpolicy.lock"
    path.write_text("previous\n", encoding="utf-8")
    script = (
        "import os, signal, sys, time\nfrom pathlib import Path\nfrom modelpolicy import lockfile\n"
        "from modelpolicy.model import Kind, Unresolved\n"
        # Ctrl-C as a terminal delivers it: a suite started in the background by a non-interactive shell runs with
        # SIGINT ignored, which its children inherit, and Python then installs no KeyboardInterrupt handler
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "def stall(fd):\n    print('writing', flush=True)\n    time.sleep(60)\n"
        "os.fsync = stall\n"
        "entries = [lockfile.Entry(Kind.MODEL, f'o/m{i}', None, Unresolved('r' * 500)) for i in range(2000)]\n"
        "lockfile.write(Path(sys.argv[1]), entries)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", script, str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"writing\n"
    assert len(list(tmp_path.glob(".modelpolicy.lock.*.tmp"))) == 1  # the text is written, not yet in place
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=30)
    assert b"KeyboardInterrupt" in stderr
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["modelpolicy.lock"]


KILLED_MID_WRITE = (  # runs the CLI, stalling once the new file is written but not yet in place
    "import os, sys, time\nfrom modelpolicy.cli import main\n"
    "def stall(fd):\n    print('writing', flush=True)\n    time.sleep(60)\n"
    "os.fsync = stall\nsys.exit(main(sys.argv[1:]))\n"
)


@pytest.mark.parametrize(
    ("target", "command"),
    [
        ("modelpolicy.lock", ["lock", "--offline", "{root}"]),
        (".modelpolicy.toml", ["approve", "org/x", "--reason", "r", "--by", "b", "--root", "{root}"]),
    ],
)
def test_a_temporary_file_left_by_a_killed_run_is_removed_by_the_next_write(
    target: str, command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGKILL leaves no chance to remove the temporary copy; the next run that writes the same file removes it."""
    (tmp_path / ".git").mkdir()
    (tmp_path / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    args = [part.format(root=tmp_path) for part in command]
    child = subprocess.Popen([sys.executable, "-c", KILLED_MID_WRITE, *args], stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline() == b"writing\n"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert len(list(tmp_path.glob(f"{target}.*.tmp"))) + len(list(tmp_path.glob(f".{target}.*.tmp"))) == 1
    assert run(capsys, *args)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({".git", ".modelpolicy.toml", target})


def test_a_symlinked_lockfile_stays_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "locks").mkdir()
    (tmp_path / "locks" / "modelpolicy.lock").write_text('{"version": 2, "artefacts": []}\n', encoding="utf-8")
    (tmp_path / "modelpolicy.lock").symlink_to(Path("locks") / "modelpolicy.lock")
    assert run(capsys, "lock", "--offline", str(tmp_path))[0] == 0
    assert (tmp_path / "modelpolicy.lock").is_symlink()
    assert (
        json.loads((tmp_path / "locks" / "modelpolicy.lock").read_text(encoding="utf-8"))["comment"] == lockfile.COMMENT
    )


def test_a_new_lockfile_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "modelpolicy.lock"
    lockfile.write(path, ())
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_relock_prints_each_change_to_an_entry_and_each_verdict_it_moves(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    relicense(hub, ORBIT, "cc-by-nc-4.0", OLD_SHA)
    code, out, _ = run(capsys, "lock", "--refresh", str(repo), "--policy", "commercial")
    assert code == 0
    assert f"{ORBIT}: apache-2.0 at " in out and f"-> cc-by-nc-4.0 at {OLD_SHA[:12]}" in out
    assert f"{ORBIT}: pass -> fail under commercial (non-commercial)" in out
    assert out.splitlines()[-1].endswith("locked, 0 of them unresolved")


def test_a_relock_that_changes_nothing_says_only_what_it_locked(
    hub: HubServer, repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "lock", str(repo))[0] == 0
    code, out, _ = run(capsys, "lock", str(repo))
    assert code == 0 and len(out.splitlines()) == 1
