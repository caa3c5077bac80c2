"""Online, the Hub's card of a model or dataset that a re-read knowledge-base entry answers is read beside it: the
entry's terms decide, and where the card says another licence the report says both (issue 17, "Evidence").

The Hub is the local test Hub (tests/hub), asked by the real `huggingface_hub` client through the in-process CLI."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("huggingface_hub.constants")  # read while the real environment is in force

from modelpolicy.cli import main
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Artefact, Kind, Resolved
from modelpolicy.resolve import default_resolvers, resolve_all
from modelpolicy.resolve.hub import HubResolver
from tests.conftest import ask_test_hub
from tests.hub.server import HubServer

MPT = "mosaicml/mpt-30b"  # curated apache-2.0, re-read; the test Hub's card says apache-2.0
MPT_SHA = "59d85f2951eaa7938a6acd4d1087de0881733183"
RELICENSED_SHA = "feedfacefeedfacefeedfacefeedfacefeedface"
MPT7 = "mosaicml/mpt-7b-instruct"
CREATED = "6ec8c4837cd69dd7a5ccafd1df301829313da398"  # placed by the entry's history: cc-by-sa-3.0
CLEANED = "yahma/alpaca-cleaned"  # curated cc-by-nc-4.0 over a card that says cc-by-4.0 (hub_license)
ULTRACHAT = "HuggingFaceH4/ultrachat_200k"  # curated mit; not on the test Hub (404)
LLAMA = "meta-llama/Llama-2-13b-hf"  # curated llama2; gated on the Hub
SAYS = "the Hub's card at"


def repository(tmp_path: Path, *lines: str) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir(exist_ok=True)
    code = ["from transformers import AutoModel", "from datasets import load_dataset", *lines]
    (folder / "app.py").write_text("\n".join(code) + "\n", encoding="utf-8")
    return folder


def relicense(hub: HubServer, repo_id: str, license_id: str) -> None:
    """The repository's head moves to a commit whose card says `license_id`."""
    data = hub.repos["model"][repo_id]
    data["cardData"] = {**data["cardData"], "license": license_id}
    data["sha"] = RELICENSED_SHA


def asked(hub: HubServer) -> int:
    """The questions about models and datasets the Hub got (`huggingface_hub` may also ask for a registry of its
    own, once a day, whatever the caller does)."""
    return hub.count(prefix="/api/models/") + hub.count(prefix="/api/datasets/")


def scan_json(capsys: pytest.CaptureFixture[str], repo: Path, *extra: str) -> tuple[int, dict[str, Any], str]:
    code = main(["scan", str(repo), "--format", "json", "--policy", "commercial", *extra])
    out, err = capsys.readouterr()
    return code, {a["id"]: a for a in json.loads(out)["artefacts"]}, err


def test_online_a_card_that_says_another_licence_is_noted_beside_the_curated_terms_that_decide(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    relicense(hub, MPT, "cc-by-nc-4.0")
    code, found, err = scan_json(capsys, repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")'))
    artefact = found[MPT]
    assert code == 0 and artefact["verdict"] == "pass" and err == ""  # the curated apache-2.0 still decides
    assert artefact["license"] == "apache-2.0" and artefact["source"] == "knowledge"
    assert (
        f"{SAYS} main (commit {RELICENSED_SHA[:12]}) says cc-by-nc-4.0, and the knowledge base apache-2.0: the "
        "knowledge base decides (its evidence was re-read); if the card is right, update the knowledge base "
        "(knowledge/artefacts.toml) or add an exception to the policy"
    ) in artefact["note"]
    assert hub.count("GET", f"/api/models/{MPT}") == 1


def test_the_text_and_markdown_reports_say_it_too(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    relicense(hub, MPT, "cc-by-nc-4.0")
    repo = repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")')
    assert main(["scan", str(repo), "--policy", "commercial"]) == 0
    text = capsys.readouterr().out
    assert f"app.py:3: note: {MPT}: {SAYS} main (commit {RELICENSED_SHA[:12]}) says cc-by-nc-4.0" in text
    assert main(["scan", str(repo), "--policy", "commercial", "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "Notes (1)" in markdown and f"{SAYS} main (commit {RELICENSED_SHA[:12]}) says cc-by-nc-4.0" in markdown


def test_a_card_that_agrees_adds_nothing(hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, found, err = scan_json(capsys, repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")'))
    assert code == 0 and err == "" and SAYS not in (found[MPT]["note"] or "")
    assert hub.count("GET", f"/api/models/{MPT}") == 1  # it was read, and it agreed


def test_the_same_licence_spelt_another_way_agrees(hub: HubServer, tmp_path: Path) -> None:
    relicense(hub, MPT, "Apache-2.0")
    hub_resolver = HubResolver(load_knowledge(), None, endpoint=hub.endpoint)
    subject = resolve_all((Artefact(Kind.MODEL, MPT, None, ()),), default_resolvers(hub_resolver))[0]
    assert isinstance(subject.resolution, Resolved) and subject.resolution.terms.live_card == ""
    assert hub.count("GET", f"/api/models/{MPT}") == 1


def test_a_second_scan_reads_the_card_from_the_cache_and_still_says_both(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    relicense(hub, MPT, "cc-by-nc-4.0")
    repo = repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")')
    scan_json(capsys, repo)
    first = asked(hub)
    _, found, _ = scan_json(capsys, repo)
    assert f"{SAYS} main (commit {RELICENSED_SHA[:12]}) says cc-by-nc-4.0" in found[MPT]["note"]
    assert asked(hub) == first == 1  # the warm cache answered: no request


def test_offline_the_card_is_not_read_nor_noted_even_when_cached(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    relicense(hub, MPT, "cc-by-nc-4.0")
    repo = repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")')
    scan_json(capsys, repo)  # online: the card is cached
    first = asked(hub)
    code, found, err = scan_json(capsys, repo, "--offline")
    assert code == 0 and err == "" and SAYS not in (found[MPT]["note"] or "")
    assert asked(hub) == first


def test_an_entry_that_overrides_a_wrong_card_is_noted_once_in_its_own_words(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The test Hub's card of alpaca-cleaned says cc-by-4.0, which the entry overrides on purpose (`hub_license`)."""
    _, found, _ = scan_json(capsys, repository(tmp_path, f'load_dataset("{CLEANED}")'))
    note = found[CLEANED]["note"]
    assert found[CLEANED]["license"] == "cc-by-nc-4.0"
    assert note.startswith("The Hub's card says cc-by-4.0; the curated terms (cc-by-nc-4.0) apply: ")
    assert SAYS not in note
    assert hub.count("GET", f"/api/datasets/{CLEANED}") == 1


def test_a_pinned_revision_is_compared_with_the_card_at_that_revision(hub: HubServer) -> None:
    hub.repos["model"][MPT7]["revisions"][CREATED] = {"sha": CREATED, "cardData": {"license": "cc-by-nc-sa-4.0"}}
    hub_resolver = HubResolver(load_knowledge(), None, endpoint=hub.endpoint)
    subject = resolve_all((Artefact(Kind.MODEL, MPT7, CREATED, ()),), default_resolvers(hub_resolver))[0]
    assert isinstance(subject.resolution, Resolved)
    terms = subject.resolution.terms
    assert terms.license == "cc-by-sa-3.0" and terms.source == "knowledge"  # the history's licence at that commit
    assert terms.live_card.startswith(f"{SAYS} {CREATED} says cc-by-nc-sa-4.0, and the knowledge base cc-by-sa-3.0")
    assert hub.count("GET", f"/api/models/{MPT7}/revision/{CREATED}") == 1


@pytest.mark.parametrize(
    ("line", "fault"),
    [
        (f'load_dataset("{ULTRACHAT}")', "not found"),
        (f'AutoModel.from_pretrained("{LLAMA}")', "gated"),
    ],
)
def test_a_card_that_cannot_be_read_changes_nothing(
    line: str, fault: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = repository(tmp_path, line)
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    offline = scan_json(capsys, repo, "--offline")
    with HubServer(gate_api=True) as server:
        ask_test_hub(monkeypatch, server.endpoint)
        online = scan_json(capsys, repo)
        assert asked(server) == 1  # asked once (404, or 401 for the gated repository), and no more
    assert online == offline


def test_an_unreachable_hub_changes_nothing_and_is_not_said_when_nothing_needs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as unused:  # a port nothing listens on: the connection is refused
        unused.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{unused.getsockname()[1]}"
    ask_test_hub(monkeypatch, endpoint)
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    repo = repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")')
    assert scan_json(capsys, repo) == scan_json(capsys, repo, "--offline")


def test_a_model_the_knowledge_base_lacks_still_says_an_unreachable_hub(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card read only to compare fails silently; an artefact that needs the Hub still says it cannot be reached."""
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{unused.getsockname()[1]}"
    ask_test_hub(monkeypatch, endpoint)
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "cache"))
    lines = (f'AutoModel.from_pretrained("{MPT}")', 'AutoModel.from_pretrained("fixture-org/orbit-7b-v1")')
    _, _, err = scan_json(capsys, repository(tmp_path, *lines))
    assert err.count("could not reach the Hugging Face Hub") == 1


def test_lock_records_the_curated_terms_without_reading_the_card_and_scan_locked_asks_nothing(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    relicense(hub, MPT, "cc-by-nc-4.0")
    repo = repository(tmp_path, f'AutoModel.from_pretrained("{MPT}")')
    assert main(["lock", str(repo)]) == 0
    capsys.readouterr()
    assert SAYS not in (repo / "modelpolicy.lock").read_text(encoding="utf-8")
    assert asked(hub) == 0
    code, found, _ = scan_json(capsys, repo, "--locked")
    assert code == 0 and found[MPT]["license"] == "apache-2.0" and asked(hub) == 0


def test_only_the_artefacts_the_code_names_are_compared_not_their_lineage(
    hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """vicuna's entry names Llama-2-13b-hf as its base: the report shows no note of an ancestor, so its card is not
    asked for."""
    scan_json(capsys, repository(tmp_path, 'AutoModel.from_pretrained("lmsys/vicuna-13b-v1.5")'))
    assert asked(hub) == hub.count(prefix="/api/models/lmsys/vicuna-13b-v1.5") == 1
