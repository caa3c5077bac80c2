"""The Hub resolver on answers it should not trust: a cache entry damaged by hand, a card the Hub will not let us
read, an answer too large to hold."""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

huggingface_hub = pytest.importorskip("huggingface_hub")  # imported while the real environment is in force

from modelpolicy.knowledge import load as load_knowledge  # noqa: E402
from modelpolicy.model import Kind, Resolved, Unresolved  # noqa: E402
from modelpolicy.resolve import hub_limits  # noqa: E402
from modelpolicy.resolve.cache import ResolutionCache  # noqa: E402
from modelpolicy.resolve.hub import HubResolver  # noqa: E402
from tests.hub.server import HubServer  # noqa: E402

SFT = "fixture-org/mistral-7b-instruct-sft"
SHA = "0123456789abcdef0123456789abcdef01234567"
GATED = "fixture-org/gated-card-only"


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


def cached_id(server: HubServer, artefact_id: str) -> str:
    return f"{server.endpoint.rstrip('/')}#{artefact_id}"


TAMPERED: list[dict[str, Any]] = [
    {"id": SFT, "sha": SHA, "card": {"license": "mit"}, "tags": 5},
    {"id": SFT, "sha": SHA, "card": {}, "tags": [], "license_file": {"name": "LICENSE"}},
    {"problem": "gated", "asked_at": "yesterday"},
    {"id": SFT, "sha": SHA, "card": "a string", "tags": []},
    {"id": SFT, "sha": 7, "card": {"license": "mit"}, "tags": []},
    {"sha": SHA},
]


@pytest.mark.parametrize("payload", TAMPERED, ids=repr)
def test_a_tampered_cache_entry_is_a_miss_asked_again_and_replaced(
    server: HubServer, tmp_path: Path, payload: dict[str, Any]
) -> None:
    with ResolutionCache(tmp_path) as cache:
        cache.put("model", cached_id(server, SFT), "main", payload)
    resolution = resolver(server, tmp_path).resolve(Kind.MODEL, SFT, None)
    assert isinstance(resolution, Resolved) and resolution.terms.license == "apache-2.0"
    assert server.count("GET", f"/api/models/{SFT}") == 1
    with ResolutionCache(tmp_path) as cache:
        replaced = cache.get("model", cached_id(server, SFT), "main")
    assert replaced is not None and replaced != payload and replaced["card"]["license"] == "apache-2.0"


def test_offline_a_tampered_cache_entry_is_only_missing(server: HubServer, tmp_path: Path) -> None:
    with ResolutionCache(tmp_path) as cache:
        cache.put("model", cached_id(server, SFT), "main", TAMPERED[0])
    resolution = resolver(server, tmp_path, offline=True).resolve(Kind.MODEL, SFT, None)
    assert isinstance(resolution, Unresolved) and "not in the cache" in resolution.reason
    assert server.requests == []


def gated_card_hub() -> HubServer:
    """A gated repository whose metadata carries no card: its licence is only in the README, which needs access."""
    readme = "---\nlicense: llama3.1\n---\n# A gated model\n"
    repo = {"id": GATED, "sha": "1" * 40, "gated": "manual", "tags": [], "readme": readme}
    return HubServer({"model": {GATED: repo}, "dataset": {}})


def test_a_gated_readme_is_recorded_as_gated_not_as_a_card_without_a_licence(tmp_path: Path) -> None:
    with gated_card_hub() as server:
        first = resolver(server, tmp_path).resolve(Kind.MODEL, GATED, None)
        assert server.count("GET", f"/{GATED}/resolve/") + server.count("HEAD", f"/{GATED}/resolve/") >= 1
        again = resolver(server, tmp_path, offline=True).resolve(Kind.MODEL, GATED, None)
    for resolution in (first, again):
        assert isinstance(resolution, Unresolved), resolution
        assert resolution.reason.startswith("gated: cannot read terms without access"), resolution.reason
        assert "declares no licence" not in resolution.reason


BIG = "fixture-org/huge-answers"


def big_hub(*, card_padding: int = 0, readme_padding: int = 0) -> HubServer:
    """A repository whose metadata, or whose README (the only place its licence is), is padded past the cap."""
    readme = "---\nlicense: mit\n---\n" + "x" * readme_padding
    card = {"license": "apache-2.0", "padding": "y" * card_padding} if card_padding else None
    repo: dict[str, Any] = {"id": BIG, "sha": "2" * 40, "tags": [], "readme": readme}
    if card is not None:
        repo["cardData"] = card
    return HubServer({"model": {BIG: repo}, "dataset": {}})


@pytest.mark.parametrize(
    ("padding", "asked"), [({"card_padding": 300_000}, "/api/models/"), ({"readme_padding": 300_000}, f"/{BIG}/")]
)
def test_an_answer_larger_than_the_cap_is_not_read_and_leaves_the_artefact_unresolved(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, padding: dict[str, int], asked: str
) -> None:
    monkeypatch.setattr(hub_limits, "MAX_ANSWER_BYTES", 64 * 1024)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with big_hub(**padding) as server:
        resolution = resolver(server, tmp_path).resolve(Kind.MODEL, BIG, None)
        assert isinstance(resolution, Unresolved), resolution
        assert "is larger than" in resolution.reason and "so it was not read" in resolution.reason
        assert server.count("GET", asked) == 1  # refused at once, not asked again and again
        assert "declares no licence" not in resolution.reason


def test_an_answer_under_the_cap_is_read_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_limits, "MAX_ANSWER_BYTES", 64 * 1024)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    with big_hub(readme_padding=10_000) as server:
        resolution = resolver(server).resolve(Kind.MODEL, BIG, None)
    assert isinstance(resolution, Resolved) and resolution.terms.license == "mit"


class _Inflating(BaseHTTPRequestHandler):
    """Every answer a small gzip of a model info padded with a megabyte of spaces."""

    def do_GET(self) -> None:
        body = json.dumps({"id": BIG, "sha": "3" * 40, "cardData": {"license": "mit"}, "tags": []}).encode()
        compressed = gzip.compress(body[:-1] + b" " * (1 << 20) + b"}")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(compressed)))
        self.end_headers()
        self.wfile.write(compressed)

    def log_message(self, format: str, *args: Any) -> None:
        return


def test_a_compressed_answer_is_counted_as_it_inflates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hub_limits, "MAX_ANSWER_BYTES", 64 * 1024)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Inflating)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}"
        hub = HubResolver(load_knowledge(), None, endpoint=endpoint, sleep=lambda _: None)
        resolution = hub.resolve(Kind.MODEL, BIG, None)
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(resolution, Unresolved) and "is larger than" in resolution.reason, resolution
