"""Shared fixtures. No test may reach the network or write to the real home directory."""

from __future__ import annotations

import functools
import json
import socket
import subprocess
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import jsonschema
import pytest

if TYPE_CHECKING:
    from modelpolicy.report import Report
    from tests.hub.server import HubServer

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "demo"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address other than loopback fails the test by name."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and (host.startswith("127.") or host in {"localhost", "::1"}):
            return real_connect(self, address)  # type: ignore[arg-type]
        raise AssertionError(f"test tried to reach the network: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def json_reports_follow_their_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every JSON report a test renders in-process is validated against the published schema (`modelpolicy
    schema`); tests that run the CLI in a subprocess validate what it wrote themselves."""
    from modelpolicy.report import json as json_report

    render = json_report.render

    def validated(report: Report, *, color: bool = False) -> str:
        text = render(report, color=color)
        jsonschema.validate(json.loads(text), report_schema())
        return text

    monkeypatch.setattr(json_report, "render", validated)


@functools.cache
def report_schema() -> dict[str, object]:
    text = resources.files("modelpolicy.report").joinpath("report.schema.json").read_text(encoding="utf-8")
    schema: dict[str, object] = json.loads(text)
    return schema


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """HOME and the caches point into a temporary folder, so a test cannot touch the real ones."""
    home = tmp_path_factory.mktemp("home")
    for name, value in {
        "HOME": home,
        "XDG_CACHE_HOME": home / ".cache",
        "HF_HOME": home / ".cache" / "huggingface",
    }.items():
        monkeypatch.setenv(name, str(value))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")  # a test that asks the (local) Hub says so
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("MODELPOLICY_CACHE_DIR", raising=False)
    monkeypatch.delenv("HUGGINGFACE_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


def git_init(folder: Path) -> None:
    """Make `folder` a git work tree with one commit of everything in it."""
    run = ["git", "-C", str(folder), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*run, "init", "-q"], check=True)
    subprocess.run([*run, "add", "-A"], check=True)
    subprocess.run([*run, "commit", "-q", "-m", "init", "--allow-empty"], check=True)


def ask_test_hub(monkeypatch: pytest.MonkeyPatch, endpoint: str) -> None:
    """Point the in-process `huggingface_hub` client at the local test Hub: it read its endpoint and offline switch
    on import, so the constants are set, not only the environment."""
    from huggingface_hub import constants as hf_constants

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "ENDPOINT", endpoint)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)


@pytest.fixture()
def hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubServer]:
    """A test Hub of its own per test (tests change its answers), which the in-process CLI talks to, with a cache
    of its own. Test modules whose Hub differs define their own `hub`."""
    from tests.hub.server import HubServer

    with HubServer() as server:
        ask_test_hub(monkeypatch, server.endpoint)
        monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "cache"))
        yield server
