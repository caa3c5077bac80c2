"""The Hub resolver on answers it should not trust: a cache entry damaged by hand, a card the Hub will not let us
read, an answer too large to hold."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

huggingface_hub = pytest.importorskip("huggingface_hub")  # imported while the real environment is in force

from modelpolicy.knowledge import load as load_knowledge  # noqa: E402
from modelpolicy.model import Kind, Resolved, Unresolved  # noqa: E402
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
