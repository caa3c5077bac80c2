"""The Hub resolver against a local Hub that the real `huggingface_hub` client talks to: licences, lineage and
drift, faults and retries, the cache that makes a second scan silent, offline mode, and a token that never shows."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

huggingface_hub = pytest.importorskip("huggingface_hub")  # imported while the real environment is in force

from modelpolicy.knowledge import load as load_knowledge  # noqa: E402
from modelpolicy.model import (  # noqa: E402
    Artefact,
    Kind,
    Resolved,
    Unresolved,
    Weights,
)
from modelpolicy.resolve import default_resolvers, resolve_all  # noqa: E402
from modelpolicy.resolve import hub as hub_module  # noqa: E402
from modelpolicy.resolve.cache import ResolutionCache  # noqa: E402
from modelpolicy.resolve.hub import HubResolver  # noqa: E402
from tests.hub.server import HubServer  # noqa: E402

MPT = "mosaicml/mpt-30b-instruct"
MPT_OLD_SHA = "b561e0be0dabec4d651fc5e5b70a3a8473b1d710"
SFT = "fixture-org/mistral-7b-instruct-sft"
TOKEN = "hf_modelpolicyTestSecret0123456789"


@pytest.fixture(scope="module")
def hub() -> Iterator[HubServer]:
    with HubServer() as server:
        yield server


@pytest.fixture()
def server(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> HubServer:
    hub.reset()
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    return hub


def resolver(server: HubServer, cache_dir: Path | None = None, *, offline: bool = False) -> HubResolver:
    cache = ResolutionCache(cache_dir) if cache_dir is not None else None
    return HubResolver(load_knowledge(), cache, offline=offline, endpoint=server.endpoint, sleep=lambda _: None)


def licence(resolution: object) -> str | None:
    assert isinstance(resolution, Resolved), resolution
    return resolution.terms.license


def test_the_licence_is_read_at_the_revision_in_use(server: HubServer) -> None:
    hub = resolver(server)
    assert licence(hub.resolve(Kind.MODEL, MPT, None)) == "apache-2.0"
    assert licence(hub.resolve(Kind.MODEL, MPT, MPT_OLD_SHA)) == "cc-by-sa-3.0"
    assert server.count("GET", f"/api/models/{MPT}") == 2


def test_a_quantized_fine_tune_chain_is_followed_to_its_base(server: HubServer) -> None:
    artefact = Artefact(Kind.MODEL, "fixture-org/mistral-7b-instruct-sft-dpo-GGUF", None, ())
    subject = resolve_all((artefact,), default_resolvers(resolver(server)))[0]
    chain = [(a.child, a.parent.id, a.parent.relation) for a in subject.ancestors if a.parent.kind is Kind.MODEL]
    assert chain[:3] == [
        ("fixture-org/mistral-7b-instruct-sft-dpo-GGUF", "fixture-org/mistral-7b-instruct-sft-dpo", "quantized"),
        ("fixture-org/mistral-7b-instruct-sft-dpo", SFT, "finetune"),
        (SFT, "mistralai/Mistral-7B-v0.1", "finetune"),
    ]


def test_a_base_model_cycle_ends(server: HubServer) -> None:
    artefact = Artefact(Kind.MODEL, "fixture-org/orbit-7b-v1", None, ())
    subject = resolve_all((artefact,), default_resolvers(resolver(server)))[0]
    assert [a.parent.id for a in subject.ancestors] == ["fixture-org/orbit-7b-v2"]


def test_a_renamed_repository_resolves_to_its_new_id_and_says_both(server: HubServer) -> None:
    resolution = resolver(server).resolve(Kind.MODEL, "fixture-org/mpt-30b-summarizer", None)
    assert isinstance(resolution, Resolved)
    assert "fixture-org/mpt-30b-summarizer is now fixture-org/mpt-30b-chat-summarizer" in resolution.terms.source


def test_a_card_without_a_licence_is_unresolved_with_its_reason(server: HubServer) -> None:
    resolution = resolver(server).resolve(Kind.MODEL, "fixture-org/news-topic-classifier", None)
    assert isinstance(resolution, Unresolved) and "declares no licence" in resolution.reason


@pytest.mark.parametrize(
    ("statuses", "requests"), [([429, 200], 2), ([500, 500, 500, 200], 4), ([503, 200], 2)], ids=repr
)
def test_throttling_and_server_errors_are_retried(server: HubServer, statuses: list[int], requests: int) -> None:
    server.fail(f"/api/models/{SFT}", statuses, retry_after=0)
    assert licence(resolver(server).resolve(Kind.MODEL, SFT, None)) == "apache-2.0"
    assert server.count("GET", f"/api/models/{SFT}") == requests


def test_an_answer_slower_than_the_timeout_is_asked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_module, "TIMEOUT_SECONDS", 0.2)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with HubServer() as own:  # its own server: the abandoned answer must not land in another test's log
        own.delay(f"/api/models/{SFT}", 60.0)  # without a timeout the test would wait a minute
        started = time.monotonic()
        assert licence(resolver(own).resolve(Kind.MODEL, SFT, None)) == "apache-2.0"
    assert time.monotonic() - started < 30


def test_an_invalid_json_answer_is_retried(server: HubServer) -> None:
    server.corrupt(f"/api/models/{SFT}")
    assert licence(resolver(server).resolve(Kind.MODEL, SFT, None)) == "apache-2.0"


@pytest.mark.parametrize(
    ("repo", "gate_api", "reason"),
    [
        ("fixture-org/does-not-exist", False, "not found on the Hub"),
        ("meta-llama/Llama-3.1-8B", True, "gated: cannot read terms without access"),
    ],
)
def test_missing_and_gated_repositories_are_typed_reasons(repo: str, gate_api: bool, reason: str) -> None:
    with HubServer(gate_api=gate_api) as server:
        resolution = resolver(server).resolve(Kind.MODEL, repo, None)
    assert isinstance(resolution, Unresolved) and resolution.reason.startswith(reason)


def test_an_id_the_hub_client_refuses_is_an_answer_not_a_fault(server: HubServer) -> None:
    resolution = resolver(server).resolve(Kind.MODEL, "org/model.git", None)  # our grammar lets `.git` through
    assert type(resolution) is Unresolved and "not a Hub id the Hub accepts" in resolution.reason
    assert server.requests == []


def test_a_hub_that_keeps_failing_is_a_reason_and_is_not_cached(server: HubServer, tmp_path: Path) -> None:
    server.fail(f"/api/models/{SFT}", [500] * 10)
    resolution = resolver(server, tmp_path).resolve(Kind.MODEL, SFT, None)
    assert isinstance(resolution, Unresolved) and "the Hub answered 500" in resolution.reason
    server.reset()
    assert licence(resolver(server, tmp_path).resolve(Kind.MODEL, SFT, None)) == "apache-2.0"


def test_offline_asks_nothing_and_says_how_to_resolve(server: HubServer, tmp_path: Path) -> None:
    resolution = resolver(server, tmp_path, offline=True).resolve(Kind.MODEL, SFT, None)
    assert isinstance(resolution, Unresolved) and "run it once online, or `modelpolicy lock`" in resolution.reason
    assert server.requests == []


def test_many_artefacts_are_fetched_side_by_side(server: HubServer) -> None:
    repos = sorted(server.repos["model"])
    hub = resolver(server)
    hub.prefetch((Kind.MODEL, repo, None) for repo in repos)
    assert server.count("GET", "/api/models/") == len(repos)
    assert all(hub.resolve(Kind.MODEL, repo, None) is not None for repo in repos)
    assert server.count("GET", "/api/models/") == len(repos)  # answered from this run's answers


def scan(
    server: HubServer, repo: Path, cache: Path, *extra: str, token: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "HF_TOKEN"}}
    env |= {"HF_ENDPOINT": server.endpoint, "MODELPOLICY_CACHE_DIR": str(cache), "HF_HUB_DISABLE_TELEMETRY": "1"}
    if token:
        env["HF_TOKEN"] = token
    return subprocess.run(scan_command(repo, *extra), capture_output=True, text=True, env=env, check=False)


def scan_command(repo: Path, *extra: str) -> list[str]:
    """A scan that also writes, on stderr's last line, whether `huggingface_hub` was imported."""
    script = (
        "import sys\nfrom modelpolicy.cli import main\ncode = main(sys.argv[1:])\n"
        "print('huggingface_hub imported:', 'huggingface_hub' in sys.modules, file=sys.stderr)\nsys.exit(code)\n"
    )
    return [sys.executable, "-c", script, "scan", str(repo), "--format", "json", "--policy", "commercial", *extra]


def test_a_second_scan_asks_the_hub_nothing_and_the_token_never_shows(server: HubServer, tmp_path: Path) -> None:
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    repo.mkdir()
    (repo / "app.py").write_text(
        "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("fixture-org/llama-2-13b-chat-legal")\n'
        f'AutoModel.from_pretrained("{SFT}")\n'
    )
    first = scan(server, repo, cache, token=TOKEN)
    assert first.returncode == 0, first.stderr  # the drift of the relabelled Llama-2 fine-tune is a warning here
    asked = server.count("GET", "/api/")
    assert asked >= 2
    findings = {a["id"]: a for a in json.loads(first.stdout)["artefacts"]}
    assert "license-drift" in {v["code"] for v in findings["fixture-org/llama-2-13b-chat-legal"]["violations"]}
    assert first.stderr.splitlines()[-1] == "huggingface_hub imported: True"
    second = scan(server, repo, cache, token=TOKEN)
    assert server.count("GET", "/api/") == asked, server.requests  # nothing asked again
    assert second.stderr.splitlines()[-1] == "huggingface_hub imported: False"
    assert json.loads(second.stdout) == json.loads(first.stdout)
    written = [first.stdout, first.stderr, second.stdout, second.stderr]
    written += [path.read_bytes().decode("latin-1") for path in cache.rglob("*") if path.is_file()]
    assert all(TOKEN not in text for text in written)
    assert any(entry.authorized for entry in server.log)  # the token was used, only never shown


def test_two_scans_at_once_on_one_cache_both_finish(server: HubServer, tmp_path: Path) -> None:
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    repo.mkdir()
    names = sorted(name for name in server.repos["model"] if name.startswith("fixture-org/"))
    (repo / "app.py").write_text(
        "from transformers import AutoModel\n" + "".join(f'AutoModel.from_pretrained("{n}")\n' for n in names)
    )
    env = {k: v for k, v in os.environ.items() if k != "HF_HUB_OFFLINE"}
    env |= {"HF_ENDPOINT": server.endpoint, "MODELPOLICY_CACHE_DIR": str(cache)}
    scans = [
        subprocess.Popen(scan_command(repo), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) for _ in "ab"
    ]
    outputs = [process.communicate(timeout=120) for process in scans]
    reports = [json.loads(stdout) for stdout, _ in outputs]
    assert all(b"Traceback" not in stderr and b"warning" not in stderr for _, stderr in outputs)
    assert reports[0] == reports[1]
    assert {a["id"] for a in reports[0]["artefacts"]} == set(names)
    again = scan(server, repo, cache)
    assert json.loads(again.stdout) == reports[0]


def test_progress_shows_on_a_terminal_once_the_work_takes_a_moment(
    server: HubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    terminal = io.StringIO()
    monkeypatch.setattr(hub_module, "PROGRESS_AFTER_SECONDS", 0.0)
    hub = HubResolver(load_knowledge(), None, endpoint=server.endpoint, progress=terminal)
    repos = sorted(server.repos["model"])
    hub.prefetch((Kind.MODEL, repo, None) for repo in repos)
    shown = terminal.getvalue()
    assert f"\rresolving {len(repos)}/{len(repos)} on the Hugging Face Hub" in shown
    assert shown.endswith("\r\x1b[K")  # erased at the end
    monkeypatch.setattr(hub_module, "PROGRESS_AFTER_SECONDS", 60.0)
    quiet = io.StringIO()
    HubResolver(load_knowledge(), None, endpoint=server.endpoint, progress=quiet).prefetch([(Kind.MODEL, SFT, None)])
    assert quiet.getvalue() == ""  # over in a moment: nothing shown


def test_datasets_are_read_from_the_hub_too(server: HubServer) -> None:
    hub = resolver(server)
    assert licence(hub.resolve(Kind.DATASET, "fixture-org/support-dialogues", None)) == "mit AND cc-by-nc-4.0"
    gated = hub.resolve(Kind.DATASET, "fixture-org/clinical-notes-deid", None)
    assert isinstance(gated, Resolved) and gated.terms.weights is Weights.GATED
    assert server.count("GET", "/api/datasets/") == 2


def test_a_licence_missing_from_the_metadata_is_read_from_the_license_file(server: HubServer) -> None:
    resolution = resolver(server).resolve(Kind.MODEL, "fixture-org/tabular-forecaster", None)
    assert licence(resolution) == "apache-2.0"
    assert isinstance(resolution, Resolved) and "licence read from its LICENSE file" in resolution.terms.source


def test_a_card_missing_from_the_answer_is_read_from_the_readme(server: HubServer) -> None:
    resolution = resolver(server).resolve(Kind.MODEL, "fixture-org/mirrored-card", None)
    assert licence(resolution) == "cc-by-nc-4.0"
    assert isinstance(resolution, Resolved) and "card from README.md" in resolution.terms.source
    assert [parent.id for parent in resolution.terms.parents] == ["mistralai/Mistral-7B-v0.1"]


def test_an_unauthorised_answer_says_to_check_the_id_or_the_token(server: HubServer) -> None:
    server.fail(f"/api/models/{SFT}", [401])
    resolution = resolver(server).resolve(Kind.MODEL, SFT, None)
    assert isinstance(resolution, Unresolved)
    assert resolution.reason == "the Hub refused access (401): private or gated? set HF_TOKEN to a token with access"


def test_the_time_a_branch_answer_stays_fresh_is_set_by_flag_or_environment(server: HubServer, tmp_path: Path) -> None:
    repo, cache = tmp_path / "repo", tmp_path / "cache"
    repo.mkdir()
    (repo / "app.py").write_text(f'from transformers import AutoModel\nAutoModel.from_pretrained("{SFT}")\n')
    scan(server, repo, cache)
    asked = server.count("GET", f"/api/models/{SFT}")
    scan(server, repo, cache, "--cache-ttl", "0")  # expired at once: asked again
    assert server.count("GET", f"/api/models/{SFT}") == asked + 1
    scan(server, repo, cache, "--cache-ttl", "24")
    assert server.count("GET", f"/api/models/{SFT}") == asked + 1
    bad = subprocess.run(
        scan_command(repo, "--offline"),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MODELPOLICY_CACHE_TTL_HOURS": "soon"},
    )
    assert bad.returncode == 2
    assert "MODELPOLICY_CACHE_TTL_HOURS: expected a number of hours such as 24 or 0.5, got 'soon'" in bad.stderr


def test_a_user_and_password_in_hf_endpoint_are_never_shown_or_stored(server: HubServer, tmp_path: Path) -> None:
    """`HF_ENDPOINT=http://user:secret@127.0.0.1:PORT`: every format, on stdout and in a file, `lock` and its
    lockfile, the cache and the home folder hold no `secret`; and neither does an endpoint that does not answer."""
    from modelpolicy.report import FORMATS

    repo, cache, home = tmp_path / "repo", tmp_path / "cache", tmp_path / "home"
    repo.mkdir()
    (repo / "app.py").write_text(
        f'from transformers import AutoModel\nAutoModel.from_pretrained("{SFT}")\n'
        'AutoModel.from_pretrained("fixture-org/news-topic-classifier")\n'
    )
    server.fail(f"/api/models/{SFT}", [500] * 100, retry_after=0)  # its reason names the endpoint
    endpoint = server.endpoint.replace("http://", "http://user:secret@")
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "HF_TOKEN"}}
    env |= {"HF_ENDPOINT": endpoint, "MODELPOLICY_CACHE_DIR": str(cache), "HOME": str(home)}
    env |= {"HF_HOME": str(home / "hf"), "HF_HUB_DISABLE_TELEMETRY": "1"}
    command = [sys.executable, "-m", "modelpolicy"]
    runs = []
    for fmt in FORMATS:
        scan = [*command, "scan", str(repo), "--policy", "commercial", "--format", fmt]
        runs.append(subprocess.run(scan, capture_output=True, text=True, env=env, check=False))
        runs.append(subprocess.run([*scan, "--output", str(tmp_path / f"report.{fmt}")], env=env, check=False))
    runs.append(subprocess.run([*command, "lock", str(repo)], capture_output=True, text=True, env=env, check=False))
    server.reset()  # the Hub answers again: `lock` writes the lockfile
    runs.append(subprocess.run([*command, "lock", str(repo)], capture_output=True, text=True, env=env, check=False))
    down = env | {"HF_ENDPOINT": "https://user:secret@127.0.0.1:9"}  # nothing listens there
    scan = [*command, "scan", str(repo), "--refresh", "--format", "json"]
    runs.append(subprocess.run(scan, capture_output=True, text=True, env=down, check=False))
    assert [run.returncode for run in runs] == [3] * (2 * len(FORMATS) + 1) + [0, 3]
    written = [text for run in runs for text in (run.stdout or "", run.stderr or "")]
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert repo / "modelpolicy.lock" in files and any(path.parent == cache for path in files)
    written += [path.read_bytes().decode("latin-1") for path in files]
    assert [text for text in written if "secret" in text] == []
    assert "the Hub answered 500 from http://***@127.0.0.1:" in runs[0].stdout
    assert "could not reach the Hugging Face Hub at https://***@127.0.0.1:9" in runs[-1].stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("https://user:secret@mirror.example/api", "https://***@mirror.example/api"),
        ("http://token@127.0.0.1:8080", "http://***@127.0.0.1:8080"),
        ("https://user:p@ss@mirror.example", "https://***@mirror.example"),  # a stray `@` in the password
        ("at HTTPS://u:s@a.example and hf://u:s@b (x)", "at HTTPS://***@a.example and hf://***@b (x)"),
        (
            "https://mirror.example/org/model@main and me@example.com",
            "https://mirror.example/org/model@main and me@example.com",
        ),
    ],
)
def test_without_credentials_drops_the_user_and_password_of_every_url(text: str, shown: str) -> None:
    from modelpolicy.redact import without_credentials

    assert without_credentials(text) == shown


def test_a_licence_link_on_a_card_is_shown_without_its_credentials() -> None:
    from modelpolicy.resolve.card import card_terms

    card = {"license": "other", "license_name": "acme-1.0", "license_link": "https://u:secret@acme.example/LICENSE"}
    resolution = card_terms(Kind.MODEL, card, [], "card", load_knowledge())
    assert isinstance(resolution, Unresolved) and resolution.reason.endswith(
        "its terms are at https://***@acme.example/LICENSE"
    )


def test_an_answer_from_another_endpoint_is_not_reused(server: HubServer, tmp_path: Path) -> None:
    """A run against another HF_ENDPOINT (a mirror, a misconfigured proxy) keeps its answers apart."""
    assert licence(resolver(server, tmp_path).resolve(Kind.MODEL, SFT, None))
    elsewhere = HubResolver(
        load_knowledge(), ResolutionCache(tmp_path), offline=True, endpoint="http://127.0.0.1:9", sleep=lambda _: None
    )
    assert not isinstance(elsewhere.resolve(Kind.MODEL, SFT, None), Resolved)  # nothing cached for that endpoint


def test_a_refusal_is_asked_again_once_it_is_minutes_old(
    server: HubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from modelpolicy.resolve import hub as hub_module

    missing = "fixture-org/appears-later"
    assert not isinstance(resolver(server, tmp_path).resolve(Kind.MODEL, missing, None), Resolved)
    server.repos["model"][missing] = dict(server.repos["model"][SFT], id=missing)
    assert not isinstance(resolver(server, tmp_path).resolve(Kind.MODEL, missing, None), Resolved)  # kept a while
    later = time.time() + hub_module.REFUSAL_TTL_SECONDS + 1
    monkeypatch.setattr(hub_module.time, "time", lambda: later)
    assert licence(resolver(server, tmp_path).resolve(Kind.MODEL, missing, None))
