"""Network faults while resolving: a refused connection, a name that does not resolve, a failed TLS handshake, an
answer too slow, a connection reset mid-body. Each ends with exit 3 (the policy does not allow unknowns), one line on
stderr naming the endpoint and what to do, and a cache and a lockfile byte for byte as they were.

Everything runs through `modelpolicy.cli.main` against real sockets on 127.0.0.1; the `.invalid` name is answered by
a resolver stub (as RFC 6761 says every resolver should), so no DNS query leaves the machine.
"""

from __future__ import annotations

import gc
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

hf_constants = pytest.importorskip("huggingface_hub.constants")  # read while the real environment is in force

from modelpolicy.cli import main  # noqa: E402
from modelpolicy.knowledge import load as load_knowledge  # noqa: E402
from modelpolicy.model import Kind, Resolved  # noqa: E402
from modelpolicy.resolve import hub as hub_module  # noqa: E402
from modelpolicy.resolve.cache import ResolutionCache  # noqa: E402
from modelpolicy.resolve.hub import HubResolver  # noqa: E402
from modelpolicy.resolve.interface import Unreachable  # noqa: E402
from tests.hub.server import HubServer  # noqa: E402

CACHED = "fixture-org/mistral-7b-instruct-sft"  # apache-2.0: passes under commercial
NEW = (
    "fixture-org/acme-coder-7b",
    "fixture-org/orbit-7b-v1",
    "fixture-org/gemma-7b-orca-ft",
)  # not asked before the fault
TIMEOUT = 0.3
ADVICE = ("HF_ENDPOINT", "--offline", "run again")


@pytest.fixture(autouse=True)
def dns_stays_local(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names looked up in the test: `.invalid` fails here, loopback resolves, anything else fails the test, so the
    system resolver (which would send a query for `.invalid` to the network's DNS server) is never asked."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def lookup(host: bytes | str | None, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else str(host)
        asked.append(name)
        if name.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if name in {"127.0.0.1", "localhost", "::1"}:
            return real(host, *args, **kwargs)  # type: ignore[arg-type]
        raise AssertionError(f"test tried to resolve {name!r}")

    monkeypatch.setattr(socket, "getaddrinfo", lookup)
    return asked


@pytest.fixture()
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """A Hub of its own per test (an answer abandoned by a timeout must not land in another test), quick to give up
    on: the resolver's timeout and retries are module settings, shortened here rather than through a hook."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(hub_module, "TIMEOUT_SECONDS", TIMEOUT)
    monkeypatch.setattr(hub_module, "RETRIES", 1)
    with HubServer() as server:
        use_endpoint(monkeypatch, server.endpoint)
        yield server


def use_endpoint(monkeypatch: pytest.MonkeyPatch, endpoint: str) -> None:
    """HF_ENDPOINT as `huggingface_hub` read it on import (the in-process CLI imports it once): the API's endpoint
    and the template of file URLs, which it derives from it."""
    monkeypatch.setenv("HF_ENDPOINT", endpoint)
    monkeypatch.setattr(hf_constants, "ENDPOINT", endpoint)
    monkeypatch.setattr(
        hf_constants, "HUGGINGFACE_CO_URL_TEMPLATE", endpoint + "/{repo_id}/resolve/{revision}/{filename}"
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    write_app(folder, CACHED)
    return folder


def write_app(folder: Path, *ids: str) -> None:
    lines = "".join(f'AutoModel.from_pretrained("{artefact}")\n' for artefact in ids)
    (folder / "app.py").write_text(f"from transformers import AutoModel\n{lines}", encoding="utf-8")


def free_port() -> int:
    """A port nothing listens on (bound, read, released: nothing will take it within the test)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


Fault = Callable[[HubServer, pytest.MonkeyPatch], str]  # breaks the way to the Hub, returns the endpoint in use


def refused(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> str:
    endpoint = f"http://127.0.0.1:{free_port()}"
    use_endpoint(monkeypatch, endpoint)
    return endpoint


def dns_failure(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> str:
    endpoint = "http://does-not-resolve.invalid"
    use_endpoint(monkeypatch, endpoint)
    return endpoint


def tls_error(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> str:
    """HTTPS to the plain-HTTP server: the handshake's first reply is not TLS."""
    endpoint = hub.endpoint.replace("http://", "https://")
    use_endpoint(monkeypatch, endpoint)
    return endpoint


def timeout(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> str:
    hub.delay("/api/", 5.0, times=None)
    return hub.endpoint


def reset_mid_body(hub: HubServer, monkeypatch: pytest.MonkeyPatch) -> str:
    hub.cut("/api/", times=None)
    return hub.endpoint


FAULTS: dict[str, tuple[Fault, str]] = {
    "refused": (refused, "the connection was refused"),
    "dns": (dns_failure, "its host name does not resolve"),
    "tls": (tls_error, "the TLS handshake failed"),
    "timeout": (timeout, f"no answer within {TIMEOUT:g} s"),
    "reset": (reset_mid_body, "the connection broke off mid-answer"),
}


@pytest.fixture(params=list(FAULTS))
def break_hub(
    request: pytest.FixtureRequest, hub: HubServer, monkeypatch: pytest.MonkeyPatch
) -> Callable[[], tuple[str, str]]:
    """Each fault in turn, to apply once the test has set things up: gives the endpoint and what the message says."""
    fault, what = FAULTS[request.param]
    return lambda: (fault(hub, monkeypatch), what)


def assert_one_line_saying_what_to_do(err: str, endpoint: str, what: str) -> str:
    """The Hub's fault is said once, on one line that names the endpoint, what happened and what to do."""
    lines = [line for line in err.splitlines() if line.startswith("modelpolicy: warning: could not reach")]
    assert len(lines) == 1, err
    assert f"could not reach the Hugging Face Hub at {endpoint}: {what}" in lines[0]
    assert all(advice in lines[0] for advice in ADVICE), lines[0]
    assert "Traceback" not in err
    return lines[0]


def test_a_scan_exits_3_says_what_to_do_and_leaves_the_cache_as_it_was(
    break_hub: Callable[[], tuple[str, str]],
    hub: HubServer,
    repo: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    cache = tmp_path / "cache"
    common = ("--policy", "commercial", "--cache-dir", str(cache))
    assert run(capsys, "scan", str(repo), *common)[0] == 0  # CACHED is now in the cache
    before = snapshot(cache)
    endpoint, what = break_hub()
    write_app(repo, CACHED, *NEW)
    asked = hub.count(prefix="/api/")
    code, out, err = run(capsys, "scan", str(repo), *common)
    assert code == 3, out + err
    assert_one_line_saying_what_to_do(err, endpoint, what)
    assert all(
        f"{artefact}: its licence is unknown (could not reach the Hugging Face Hub" in out for artefact in NEW
    ), out
    assert snapshot(cache) == before
    # the Hub is given up on, not waited on again and again: each new artefact is asked at most twice (they are asked
    # at once, so each may be in flight when the first fault is seen, and a broken connection is tried once more)
    assert hub.count(prefix="/api/") - asked <= 2 * len(NEW)


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Each file's bytes; only the names of SQLite's shared-memory index (`-shm`), which every reader rewrites.

    The CLI leaves its cache connection to the garbage collector, whose close checkpoints the WAL into the file:
    collected first, so that the bytes compared are those at rest."""
    gc.collect()
    return {path.name: None if path.name.endswith("-shm") else path.read_bytes() for path in folder.iterdir()}


def test_a_failed_lock_writes_nothing_and_names_what_it_could_not_resolve(
    break_hub: Callable[[], tuple[str, str]], repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert run(capsys, "lock", str(repo), *cache)[0] == 0
    lockfile = repo / "modelpolicy.lock"
    before = lockfile.read_bytes()
    endpoint, what = break_hub()
    write_app(repo, CACHED, NEW[0])
    code, out, err = run(capsys, "lock", str(repo), *cache)
    assert code == 3, out + err
    assert_one_line_saying_what_to_do(err, endpoint, what)
    assert f"modelpolicy: error: {NEW[0]}: could not reach the Hugging Face Hub at {endpoint}" in err
    assert f"{lockfile}: left as it was, not rewritten: 1 artefact could not be resolved; run it again online" in err
    assert lockfile.read_bytes() == before
    assert sorted(path.name for path in repo.iterdir()) == ["app.py", "modelpolicy.lock"]  # no temporary left


def test_lock_check_that_cannot_reach_the_hub_is_not_drift(
    hub: HubServer, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = ("--cache-dir", str(tmp_path / "cache"))
    assert run(capsys, "lock", str(repo), *cache)[0] == 0
    endpoint = refused(hub, monkeypatch)
    code, out, err = run(capsys, "lock", "--check", str(repo), *cache, "--policy", "commercial")
    assert code == 3, out + err
    assert "drift" not in out
    assert f"{repo / 'modelpolicy.lock'}: not checked: 1 artefact could not be resolved" in err
    assert_one_line_saying_what_to_do(err, endpoint, "the connection was refused")


def test_the_dns_failure_never_reached_the_system_resolver(
    hub: HubServer,
    repo: Path,
    dns_stays_local: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dns_failure(hub, monkeypatch)
    assert run(capsys, "scan", str(repo), "--policy", "commercial")[0] == 3
    assert "does-not-resolve.invalid" in dns_stays_local  # answered by the stub: no packet left the machine


def test_under_a_policy_that_allows_unknowns_a_fault_only_warns(
    hub: HubServer, repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    endpoint = refused(hub, monkeypatch)
    code, out, err = run(capsys, "scan", str(repo), "--policy", "research")
    assert code == 0, out + err
    assert_one_line_saying_what_to_do(err, endpoint, "the connection was refused")


def test_a_licence_file_cut_off_mid_body_is_not_cached_as_no_licence(hub: HubServer, tmp_path: Path) -> None:
    """The card names no licence, so the LICENSE file is read: a reset there is a fault, not an answer."""
    forecaster = "fixture-org/tabular-forecaster"
    hub.cut(f"/{forecaster}/resolve/", times=None)
    with ResolutionCache(tmp_path) as cache:
        first = HubResolver(load_knowledge(), cache, sleep=lambda _: None, warn=lambda _: None)
        assert isinstance(first.resolve(Kind.MODEL, forecaster, None), Unreachable)
        hub.reset()
        again = HubResolver(load_knowledge(), cache).resolve(Kind.MODEL, forecaster, None)
    assert isinstance(again, Resolved) and again.terms.license == "apache-2.0"


def test_an_offline_lock_missing_answers_keeps_the_lockfile(
    hub: HubServer, repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--offline` with an empty cache is a Hub not asked: the answers locked before are not replaced by that."""
    assert run(capsys, "lock", str(repo), "--cache-dir", str(tmp_path / "cache"))[0] == 0
    before = (repo / "modelpolicy.lock").read_bytes()
    code, out, err = run(capsys, "lock", str(repo), "--offline", "--cache-dir", str(tmp_path / "empty"))
    assert code == 0, out + err  # what it could not answer keeps its locked entry
    assert out.endswith("0 of them unresolved\n")
    assert (repo / "modelpolicy.lock").read_bytes() == before
