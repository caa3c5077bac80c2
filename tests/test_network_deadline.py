"""The scan's network deadline and the cap on `Retry-After`: a server that answers one byte at a time, or asks to be
left alone for minutes, costs the scan at most its deadline; what is left resolves to `Unreachable`, saying why."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

hf_constants = pytest.importorskip("huggingface_hub.constants")

from modelpolicy.cli import main  # noqa: E402
from modelpolicy.knowledge import load as load_knowledge  # noqa: E402
from modelpolicy.model import Artefact, Kind, Resolved  # noqa: E402
from modelpolicy.resolve import default_resolvers, resolve_all  # noqa: E402
from modelpolicy.resolve import hub as hub_module  # noqa: E402
from modelpolicy.resolve.hub import MAX_RETRY_AFTER_SECONDS, HubResolver  # noqa: E402
from modelpolicy.resolve.interface import Unreachable  # noqa: E402
from tests.hub.server import HubServer  # noqa: E402

SLOW = "fixture-org/acme-coder-7b"
QUICK = "fixture-org/mistral-7b-instruct-sft"  # apache-2.0


@pytest.fixture()
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    """A Hub of its own per test (a dripping answer must not outlive it), with a read timeout far above the drip's
    interval: only the deadline can end the wait."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(hub_module, "TIMEOUT_SECONDS", 2.0)
    with HubServer() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.endpoint)
        monkeypatch.setattr(hf_constants, "ENDPOINT", server.endpoint)
        yield server


def resolver(hub: HubServer, deadline: float | None, waited: list[float] | None = None) -> HubResolver:
    sleep = waited.append if waited is not None else time.sleep
    return HubResolver(
        load_knowledge(), None, endpoint=hub.endpoint, sleep=sleep, warn=lambda _: None, deadline=deadline
    )


def resolve(hub: HubResolver, *ids: str) -> dict[str, object]:
    artefacts = tuple(Artefact(Kind.MODEL, artefact_id, None, ()) for artefact_id in ids)
    return {s.artefact.id: s.resolution for s in resolve_all(artefacts, default_resolvers(hub))}


def test_an_answer_dripping_in_is_given_up_at_the_deadline(hub: HubServer) -> None:
    hub.drip(f"/api/models/{SLOW}", 0.2)
    started = time.monotonic()
    found = resolve(resolver(hub, 1.0), SLOW, QUICK)
    assert time.monotonic() - started < 2.5
    slow = found[SLOW]
    assert isinstance(slow, Unreachable)
    assert "not resolved within the scan's network deadline of 1 s" in slow.reason
    assert "--network-deadline" in slow.reason and "MODELPOLICY_NETWORK_DEADLINE" in slow.reason
    assert isinstance(found[QUICK], Resolved)  # asked side by side, answered in time


def test_once_the_deadline_passed_nothing_more_is_asked(hub: HubServer) -> None:
    hub.drip(f"/api/models/{SLOW}", 0.2)
    hub_resolver = resolver(hub, 0.5)
    assert isinstance(hub_resolver.resolve(Kind.MODEL, SLOW, None), Unreachable)
    asked = hub.count()
    assert isinstance(hub_resolver.resolve(Kind.MODEL, QUICK, None), Unreachable)
    assert hub.count() == asked


def test_a_retry_after_within_the_cap_is_honoured(hub: HubServer) -> None:
    hub.fail(f"/api/models/{QUICK}", [429, 200], retry_after=3)
    waited: list[float] = []
    assert isinstance(resolver(hub, None, waited).resolve(Kind.MODEL, QUICK, None), Resolved)
    assert waited == [3.0]


def test_a_retry_after_beyond_the_cap_is_not_waited_for(hub: HubServer) -> None:
    hub.fail(f"/api/models/{QUICK}", [429, 200], retry_after=600)
    waited: list[float] = []
    found = resolver(hub, None, waited).resolve(Kind.MODEL, QUICK, None)
    assert isinstance(found, Unreachable)
    assert f"asking to wait 600 s (Retry-After; at most {MAX_RETRY_AFTER_SECONDS:g} s is waited)" in found.reason
    assert waited == [] and hub.count("GET", f"/api/models/{QUICK}") == 1


def test_a_retry_after_ending_past_the_deadline_is_not_waited_for(hub: HubServer) -> None:
    hub.fail(f"/api/models/{QUICK}", [429, 200], retry_after=5)
    waited: list[float] = []
    found = resolver(hub, 1.0, waited).resolve(Kind.MODEL, QUICK, None)
    assert isinstance(found, Unreachable) and "network deadline of 1 s" in found.reason
    assert waited == []


def write_app(folder: Path, *ids: str) -> Path:
    folder.mkdir()
    lines = "".join(f'AutoModel.from_pretrained("{artefact}")\n' for artefact in ids)
    (folder / "app.py").write_text(f"from transformers import AutoModel\n{lines}", encoding="utf-8")
    return folder


@pytest.mark.parametrize("how", ["option", "environment"])
def test_the_cli_takes_the_deadline_from_an_option_or_the_environment(
    how: str, hub: HubServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    hub.drip(f"/api/models/{SLOW}", 0.2)
    repo = write_app(tmp_path / "repo", SLOW)
    args = ["scan", str(repo), "--policy", "commercial", "--cache-dir", str(tmp_path / "cache")]
    if how == "option":
        args += ["--network-deadline", "0.5"]
    else:
        monkeypatch.setenv("MODELPOLICY_NETWORK_DEADLINE", "0.5")
    started = time.monotonic()
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 3, out + err
    assert time.monotonic() - started < 2.5
    assert "the network deadline of 0.5 s passed: 1 artefact(s) left unresolved" in err
    assert f"{SLOW}: its licence is unknown (not resolved within the scan's network deadline of 0.5 s" in out


@pytest.mark.parametrize("value", ["soon", "-1", "inf"])
def test_a_deadline_that_is_not_a_number_of_seconds_is_an_error(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MODELPOLICY_NETWORK_DEADLINE", value)
    repo = write_app(tmp_path / "repo", QUICK)
    assert main(["scan", str(repo), "--cache-dir", str(tmp_path / "cache")]) == 2
    assert "MODELPOLICY_NETWORK_DEADLINE: expected a number of seconds" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["scan", str(repo), "--network-deadline", value])
    assert exited.value.code == 2
