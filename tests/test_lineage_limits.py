"""Lineage limits: a card that names many base models, each naming many more, costs a bounded number of Hub
requests, and the parents left unasked are a finding (`unknown`), not silence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("huggingface_hub")

from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Artefact, Kind, Resolved
from modelpolicy.policy import load_policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import MAX_LINEAGE_BREADTH, MAX_LINEAGE_DEPTH, default_resolvers, resolve_all
from modelpolicy.resolve.hub import HubResolver
from modelpolicy.resolve.interface import NotFollowed
from tests.hub.server import HubServer

WIDTH = 10  # base models each card of the fan-out names


def card(repo_id: str, bases: list[str]) -> dict[str, Any]:
    data: dict[str, Any] = {"license": "apache-2.0"}
    if bases:
        data["base_model"] = bases
    return {"id": repo_id, "sha": "0" * 40, "cardData": data, "tags": ["license:apache-2.0"]}


def fan_out(levels: int) -> dict[str, dict[str, Any]]:
    """`fan/root`, whose card names WIDTH base models, each naming WIDTH more, `levels` deep."""
    models: dict[str, dict[str, Any]] = {}

    def add(repo_id: str, level: int) -> None:
        bases = [f"{repo_id}-{n}" for n in range(WIDTH)] if level < levels else []
        models[repo_id] = card(repo_id, bases)
        for base in bases:
            add(base, level + 1)

    add("fan/root", 0)
    return models


def chain(length: int) -> dict[str, dict[str, Any]]:
    """`chain/m0`, fine-tuned from `chain/m1`, from `chain/m2`, ... `length` generations."""
    return {f"chain/m{n}": card(f"chain/m{n}", [f"chain/m{n + 1}"] if n < length else []) for n in range(length + 1)}


@pytest.fixture(scope="module")
def hub() -> Iterator[HubServer]:
    with HubServer({"model": fan_out(2) | chain(MAX_LINEAGE_DEPTH + 2), "dataset": {}}) as server:
        yield server


@pytest.fixture(autouse=True)
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)


def subject_of(hub: HubServer, artefact_id: str) -> Any:
    hub.reset()
    resolver = HubResolver(load_knowledge(), None, endpoint=hub.endpoint, sleep=lambda _: None)
    return resolve_all((Artefact(Kind.MODEL, artefact_id, None, ()),), default_resolvers(resolver))[0]


def test_a_broad_lineage_follows_the_first_parents_of_each_artefact_and_says_so(hub: HubServer) -> None:
    subject = subject_of(hub, "fan/root")
    asked = hub.count("GET", "/api/models/")
    assert asked == 1 + MAX_LINEAGE_BREADTH + MAX_LINEAGE_BREADTH**2  # not 1 + 10 + 100
    skipped = [a for a in subject.ancestors if isinstance(a.resolution, NotFollowed)]
    assert len(skipped) == (WIDTH - MAX_LINEAGE_BREADTH) * (1 + MAX_LINEAGE_BREADTH)
    assert f"lineage broader than {MAX_LINEAGE_BREADTH}" in skipped[0].resolution.reason
    assert "fan/root names 10 base models" in skipped[0].resolution.reason
    followed = [a for a in subject.ancestors if isinstance(a.resolution, Resolved)]
    assert len(followed) == MAX_LINEAGE_BREADTH + MAX_LINEAGE_BREADTH**2


def test_a_deep_lineage_is_followed_to_the_limit_and_says_so(hub: HubServer) -> None:
    subject = subject_of(hub, "chain/m0")
    assert hub.count("GET", "/api/models/") == 1 + MAX_LINEAGE_DEPTH
    assert [a.parent.id for a in subject.ancestors] == [f"chain/m{n}" for n in range(1, MAX_LINEAGE_DEPTH + 2)]
    last = subject.ancestors[-1].resolution
    assert isinstance(last, NotFollowed)
    assert last.reason == f"lineage deeper than {MAX_LINEAGE_DEPTH} generations: not followed past chain/m4"


def test_a_lineage_not_followed_is_an_unknown_concern(hub: HubServer) -> None:
    subject = subject_of(hub, "chain/m0")
    finding = evaluate(subject, load_policy("commercial"), load_knowledge())
    assert [v.code for v in finding.violations] == ["unknown"]
    assert "lineage deeper than" in finding.violations[0].message


def test_a_lineage_within_the_limits_raises_nothing(hub: HubServer) -> None:
    subject = subject_of(hub, f"chain/m{3}")
    assert not any(isinstance(a.resolution, NotFollowed) for a in subject.ancestors)
    finding = evaluate(subject, load_policy("commercial"), load_knowledge())
    assert not finding.violations


def test_a_parent_not_followed_is_not_locked(hub: HubServer) -> None:
    from modelpolicy.lockfile import entries_for

    subject = subject_of(hub, "chain/m0")
    entries = entries_for([subject], load_knowledge(), {}, "2026-01-01T00:00:00Z")
    locked = {entry.key[1] for entry in entries}
    assert locked == {f"chain/m{n}" for n in range(MAX_LINEAGE_DEPTH + 1)}  # not chain/m5, unasked
