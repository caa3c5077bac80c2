"""The local fake Hub answers the real huggingface_hub client (2.4.0) the way the resolver will use it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

huggingface_hub = pytest.importorskip("huggingface_hub")
from huggingface_hub import HfApi, hf_hub_download  # noqa: E402
from huggingface_hub.errors import (  # noqa: E402
    GatedRepoError,
    HfHubHTTPError,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from tests.hub.server import HubServer  # noqa: E402

MPT = "mosaicml/mpt-30b-instruct"
MPT_OLD_SHA = "b561e0be0dabec4d651fc5e5b70a3a8473b1d710"
EXPAND = ["cardData", "tags", "gated", "sha"]


@pytest.fixture(scope="module")
def hub() -> Iterator[HubServer]:
    with HubServer() as server:
        yield server


@pytest.fixture()
def server(hub: HubServer) -> HubServer:
    hub.reset()
    return hub


@pytest.fixture()
def api(server: HubServer) -> HfApi:
    return HfApi(endpoint=server.endpoint, token=False)


def test_fixtures_are_well_formed(server: HubServer) -> None:
    assert len(server.repos["model"]) >= 8 and len(server.repos["dataset"]) >= 3
    for repos in server.repos.values():
        for data in repos.values():
            for sha in [data["sha"], *(o.get("sha", data["sha"]) for o in data.get("revisions", {}).values())]:
                assert len(sha) == 40 and int(sha, 16) >= 0
    assert MPT_OLD_SHA in server.repos["model"][MPT]["revisions"]


def test_model_info_expand_returns_card_licence(server: HubServer, api: HfApi) -> None:
    info = api.model_info(MPT, expand=EXPAND)
    assert info.card_data.license == "apache-2.0"
    assert "license:apache-2.0" in info.tags
    assert info.sha == server.repos["model"][MPT]["sha"]
    # The client sends repeated expand= keys; the server returns only those keys plus id/_id.
    assert server.log[-1].query == "expand=cardData&expand=tags&expand=gated&expand=sha"
    assert info.siblings is None and info.downloads is None


def test_expand_bracket_form_is_accepted(server: HubServer) -> None:
    import httpx2

    r = httpx2.get(f"{server.endpoint}/api/models/{MPT}?expand[]=cardData")
    assert set(r.json()) == {"id", "_id", "cardData"}
    assert r.headers["X-Request-Id"].startswith("fakehub-")


def test_model_info_at_old_revision_returns_old_licence(server: HubServer, api: HfApi) -> None:
    info = api.model_info(MPT, revision=MPT_OLD_SHA)
    assert info.card_data.license == "cc-by-sa-3.0"
    assert info.sha == MPT_OLD_SHA
    assert server.requests[-1] == ("GET", f"/api/models/{MPT}/revision/{MPT_OLD_SHA}")
    assert api.model_info(MPT, revision="main").card_data.license == "apache-2.0"
    with pytest.raises(RevisionNotFoundError):
        api.model_info(MPT, revision="refs/pr/99")
    assert server.log[-1].path == f"/api/models/{MPT}/revision/refs/pr/99"  # quoted as refs%2Fpr%2F99


def test_licence_shapes(api: HfApi) -> None:
    qwen = api.model_info("Qwen/Qwen1.5-72B-Chat", expand=EXPAND).card_data
    assert (qwen.license, qwen.license_name) == ("other", "tongyi-qianwen")
    assert api.model_info("lmsys/vicuna-33b-v1.3", expand=EXPAND).card_data.license is None
    assert api.model_info("stabilityai/stablelm-tuned-alpha-7b").card_data.license == ["cc-by-nc-sa-4.0"]


def test_base_model_chain_and_adapter(api: HfApi) -> None:
    chain, repo = [], "fixture-org/vicuna-13b-v1.5-sql"
    while repo:
        info = api.model_info(repo, expand=EXPAND)
        chain.append((repo, info.card_data.license))
        repo = info.card_data.base_model
        if repo:
            assert f"base_model:finetune:{repo}" in info.tags
    assert chain == [
        ("fixture-org/vicuna-13b-v1.5-sql", None),
        ("lmsys/vicuna-13b-v1.5", "llama2"),
        ("meta-llama/Llama-2-13b-hf", "llama2"),
    ]
    lora = api.model_info("fixture-org/mistral-7b-alpaca-lora", expand=EXPAND)
    assert "base_model:adapter:mistralai/Mistral-7B-v0.1" in lora.tags


def test_dataset_info_with_list_licence(server: HubServer, api: HfApi) -> None:
    info = api.dataset_info("fixture-org/mixed-licence-corpus", expand=["cardData", "tags"])
    assert info.card_data.license == ["cc-by-4.0", "odc-by"]
    assert server.requests[-1] == ("GET", "/api/datasets/fixture-org/mixed-licence-corpus")
    assert api.dataset_info("tatsu-lab/alpaca").card_data.license == "cc-by-nc-4.0"


def test_hf_hub_download_readme(server: HubServer, tmp_path: Path) -> None:
    path = hf_hub_download(MPT, "README.md", endpoint=server.endpoint, cache_dir=tmp_path, token=False)
    sha = server.repos["model"][MPT]["sha"]
    assert Path(path) == tmp_path / "models--mosaicml--mpt-30b-instruct" / "snapshots" / sha / "README.md"
    assert "license: apache-2.0" in Path(path).read_text()
    assert server.requests == [("HEAD", f"/{MPT}/resolve/main/README.md"), ("GET", f"/{MPT}/resolve/main/README.md")]
    old = hf_hub_download(
        MPT, "README.md", revision=MPT_OLD_SHA, endpoint=server.endpoint, cache_dir=tmp_path, token=False
    )
    assert "license: cc-by-sa-3.0" in Path(old).read_text()
    ds = hf_hub_download(
        "tatsu-lab/alpaca", "README.md", repo_type="dataset", endpoint=server.endpoint, cache_dir=tmp_path, token=False
    )
    assert "cc-by-nc-4.0" in Path(ds).read_text()
    assert ("HEAD", "/datasets/tatsu-lab/alpaca/resolve/main/README.md") in server.requests


def test_unknown_repo_and_file(server: HubServer, api: HfApi, tmp_path: Path) -> None:
    with pytest.raises(RepositoryNotFoundError):
        api.model_info("nobody/nothing")
    with pytest.raises(RepositoryNotFoundError):
        api.dataset_info("mosaicml/mpt-30b-instruct")  # a model id is not a dataset
    with pytest.raises(RemoteEntryNotFoundError):
        hf_hub_download(MPT, "LICENSE.txt", endpoint=server.endpoint, cache_dir=tmp_path, token=False)


def test_renamed_repo_redirects(server: HubServer, api: HfApi, tmp_path: Path) -> None:
    assert api.model_info("bert-base-uncased").id == "google-bert/bert-base-uncased"
    assert api.model_info("fixture-org/bert-base-uncased-old").card_data.license == "apache-2.0"
    path = hf_hub_download("bert-base-uncased", "README.md", endpoint=server.endpoint, cache_dir=tmp_path, token=False)
    assert "apache-2.0" in Path(path).read_text()
    assert ("HEAD", "/google-bert/bert-base-uncased/resolve/main/README.md") in server.requests


def test_gated_repo(server: HubServer, tmp_path: Path) -> None:
    repo = "meta-llama/Llama-2-13b-chat-hf"
    # Like the real Hub, repo info is public; the files are gated.
    assert HfApi(endpoint=server.endpoint, token=False).model_info(repo, expand=EXPAND).gated == "manual"
    with pytest.raises(GatedRepoError):
        hf_hub_download(repo, "README.md", endpoint=server.endpoint, cache_dir=tmp_path, token=False)
    path = hf_hub_download(repo, "README.md", endpoint=server.endpoint, cache_dir=tmp_path, token="hf_test_secret")
    assert "license: llama2" in Path(path).read_text()
    assert [entry.authorized for entry in server.log] == [False, False, True, True]


def test_gated_api_mode() -> None:
    with HubServer(gate_api=True) as gated:
        with pytest.raises(GatedRepoError):
            HfApi(endpoint=gated.endpoint, token=False).model_info("google/gemma-7b")
        info = HfApi(endpoint=gated.endpoint, token="hf_test_secret").model_info("google/gemma-7b")
        assert info.card_data.license == "gemma"


def test_model_info_does_not_retry_429(server: HubServer, api: HfApi) -> None:
    """HfApi.model_info makes ONE request: a 429 raises at once (the resolver must retry itself)."""
    prefix = f"/api/models/{MPT}"
    server.fail(prefix, [429], retry_after=0)
    with pytest.raises(HfHubHTTPError) as err:
        api.model_info(MPT)
    assert err.value.response.status_code == 429
    assert server.count("GET", prefix) == 1
    assert api.model_info(MPT).card_data.license == "apache-2.0"  # the queued failure is used up


def test_model_info_does_not_retry_500(server: HubServer, api: HfApi) -> None:
    prefix = f"/api/models/{MPT}"
    server.fail(prefix, [500, 500, 500])
    for _ in range(3):
        with pytest.raises(HfHubHTTPError) as err:
            api.model_info(MPT)
        assert err.value.response.status_code == 500
    assert api.model_info(MPT).sha == server.repos["model"][MPT]["sha"]
    assert server.count("GET", prefix) == 4


def test_download_recovers_from_one_head_error(server: HubServer, tmp_path: Path) -> None:
    """hf_hub_download re-asks the HEAD (with backoff) itself; one 500 costs one extra HEAD and no sleep."""
    server.fail(f"/{MPT}/resolve", [500])
    path = hf_hub_download(MPT, "README.md", endpoint=server.endpoint, cache_dir=tmp_path, token=False)
    assert Path(path).is_file()
    assert [m for m, _ in server.requests] == ["HEAD", "HEAD", "GET"]


def test_invalid_json_raises(server: HubServer, api: HfApi) -> None:
    server.corrupt(f"/api/models/{MPT}")
    with pytest.raises(json.JSONDecodeError):
        api.model_info(MPT)
    assert api.model_info(MPT).id == MPT


def test_delay_and_request_counting(server: HubServer, api: HfApi) -> None:
    server.delay("/api/datasets/OpenAssistant/oasst1", 0.2)
    api.dataset_info("OpenAssistant/oasst1")
    api.dataset_info("OpenAssistant/oasst1")
    assert server.count("GET", "/api/datasets/OpenAssistant/oasst1") == 2
    assert len({entry.request_id for entry in server.log}) == 2


def test_authorization_never_stored(server: HubServer, tmp_path: Path) -> None:
    HfApi(endpoint=server.endpoint, token="hf_test_secret").model_info(MPT)
    assert "hf_test_secret" not in repr(server.log) + repr(server.requests)
