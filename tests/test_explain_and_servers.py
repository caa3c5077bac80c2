"""`modelpolicy explain`, and model-server images whose licence depends on the version."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from modelpolicy.cli import main
from modelpolicy.knowledge import load, server_licenses, version_key
from modelpolicy.model import Artefact, Kind, Resolved, Verdict
from modelpolicy.policy import load_policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import default_resolvers, resolve_all
from modelpolicy.resolve.images import split_image

if TYPE_CHECKING:
    from tests.hub.server import HubServer

TGI = "ghcr.io/huggingface/text-generation-inference"


def image_finding(image: str, policy: str) -> tuple[str | None, Verdict, str]:
    subject = resolve_all((Artefact(Kind.IMAGE, image, None, ()),), default_resolvers())[0]
    assert isinstance(subject.resolution, Resolved)
    finding = evaluate(subject, load_policy(policy), load())
    return subject.resolution.terms.license, finding.verdict, subject.resolution.terms.note


@pytest.mark.parametrize(
    ("tag", "licence", "saas", "commercial"),
    [
        ("0.9.4", "apache-2.0", Verdict.PASS, Verdict.PASS),
        ("1.0.0", "hfoil-1.0", Verdict.FAIL, Verdict.WARN),
        ("1.4.5", "hfoil-1.0", Verdict.FAIL, Verdict.WARN),
        ("2.0.0", "apache-2.0", Verdict.PASS, Verdict.PASS),
        ("v2.0.4", "apache-2.0", Verdict.PASS, Verdict.PASS),
    ],
)
def test_tgi_licence_by_version(tag: str, licence: str, saas: Verdict, commercial: Verdict) -> None:
    assert image_finding(f"{TGI}:{tag}", "saas")[:2] == (licence, saas)
    assert image_finding(f"{TGI}:{tag}", "commercial")[1] is commercial


@pytest.mark.parametrize(
    ("tag", "licence", "saas"),
    [
        pytest.param("1.0", "hfoil-1.0", Verdict.FAIL, id="1.0-is-every-1.0.x"),
        pytest.param("1", "hfoil-1.0", Verdict.FAIL, id="1-is-every-1.x"),
        pytest.param("v1.4", "hfoil-1.0", Verdict.FAIL, id="v-prefix"),
        pytest.param("1.4.5-rocm", "hfoil-1.0", Verdict.FAIL, id="variant-suffix"),
        pytest.param("0", "apache-2.0", Verdict.PASS, id="0-is-every-0.x"),
        pytest.param("0.9", "apache-2.0", Verdict.PASS, id="0.9"),
        pytest.param("2.0", "apache-2.0", Verdict.PASS, id="2.0"),
        pytest.param("2", "apache-2.0", Verdict.PASS, id="2"),
        pytest.param("3.0.1", "apache-2.0", Verdict.PASS, id="3.0.1"),
        pytest.param("3.3.6-intel-cpu", "apache-2.0", Verdict.PASS, id="3.x-variant"),
    ],
)
def test_a_tag_stands_for_the_release_range_it_names(tag: str, licence: str, saas: Verdict) -> None:
    found, verdict, note = image_finding(f"{TGI}:{tag}", "saas")
    assert (found, verdict) == (licence, saas)
    assert "unpinned" not in note and "unknown version" not in note


@pytest.mark.parametrize("tag", ["latest", "nightly", None])
def test_a_floating_tag_is_the_newest_release_with_an_unpinned_image_warning(tag: str | None) -> None:
    image = f"{TGI}:{tag}" if tag else TGI
    licence, verdict, note = image_finding(image, "saas")
    assert (licence, verdict) == ("apache-2.0", Verdict.WARN)
    assert "unpinned image" in note and "newest release" in note and "2.0.0" in note
    subject = resolve_all((Artefact(Kind.IMAGE, image, None, ()),), default_resolvers())[0]
    finding = evaluate(subject, load_policy("saas"), load())
    assert [v.code for v in finding.violations] == ["unpinned-image"]


@pytest.mark.parametrize("image", [f"{TGI}:sha-7a1f3b2", f"{TGI}@sha256:{'ab' * 32}", f"{TGI}:7a1f3b2"])
def test_a_digest_or_sha_tag_is_an_unknown_version_judged_as_the_strictest(image: str) -> None:
    licence, verdict, note = image_finding(image, "saas")
    assert licence == "apache-2.0 AND hfoil-1.0"
    assert verdict is Verdict.FAIL
    assert "unknown version" in note and "1.0.0" in note and "2.0.0" in note and "strictest" in note


def test_a_release_tag_beside_a_digest_names_the_release() -> None:
    assert image_finding(f"{TGI}:1.4.5@sha256:{'ab' * 32}", "saas")[:2] == ("hfoil-1.0", Verdict.FAIL)


@pytest.mark.parametrize(
    ("image", "licence"),
    [
        ("vllm/vllm-openai:v0.6.0", "apache-2.0"),
        ("docker.io/vllm/vllm-openai:v0.6.3.post1", "apache-2.0"),
        ("lmcache/vllm-openai:2025-05-17-v1", "apache-2.0"),
        ("lmsysorg/sglang:v0.4.6.post1-cu124", "apache-2.0"),
        ("ollama/ollama:0.3.12", "mit"),
        ("ghcr.io/huggingface/text-embeddings-inference:cpu-1.5", "apache-2.0"),
        ("ghcr.io/huggingface/text-embeddings-inference:turing-1.0", "hfoil-1.0"),
        ("ghcr.io/huggingface/text-embeddings-inference:86-1.2", "apache-2.0 AND hfoil-1.0"),
        ("nvcr.io/nvidia/tritonserver:24.01-py3", "bsd-3-clause AND nvidia-deep-learning-container"),
        ("nvcr.io/nim/meta/llama3-8b-instruct:1.0.3", "nvidia-ai-product-terms"),
        ("ghcr.io/ggerganov/llama.cpp:server-b4500", "mit"),
        ("ghcr.io/ggml-org/llama.cpp:server", "mit"),
        ("localai/localai:v2.20.1-cublas-cuda12", "mit"),
        ("xprobe/xinference:v1.6.0", "apache-2.0"),
        ("xprobe/xinference:latest-cpu", "apache-2.0"),
        ("quay.io/go-skynet/local-ai:v2.20.1", "mit"),
        ("kserve/huggingfaceserver:v0.14.0", "apache-2.0"),
        ("pytorch/torchserve:0.12.0-gpu", "apache-2.0"),
        ("seldonio/mlserver:1.6.1", "apache-2.0"),
        ("openvino/model_server:2024.4-gpu", "apache-2.0"),
        ("ghcr.io/huggingface/chat-ui:0.9.4", "apache-2.0"),
        ("kserve/sklearnserver:v0.14.0", "apache-2.0"),
        ("tensorflow/serving:2.6.2-gpu", "apache-2.0"),
        ("ghcr.io/llm-d/llm-d-cuda:v0.9.0", "apache-2.0"),
        ("docker.io/vllm/vllm-openai-cpu:v0.23.0", "apache-2.0"),
        ("registry.baidubce.com/paddlepaddle/serving:0.5.0-devel", "apache-2.0"),
        (
            "ccr-2vdh3abv-pub.cnc.bj.baidubce.com/paddlepaddle/paddleocr-genai-vllm-server:latest-nvidia-gpu",
            "apache-2.0",
        ),
        ("michaelf34/infinity:0.0.70", "mit"),
        ("fedirz/faster-whisper-server:latest-cuda", "mit"),
        ("ghcr.io/speaches-ai/speaches:0.8.2-cuda", "mit"),
        ("substratusai/vllm:v0.6.3.post1-cpu", "apache-2.0"),
        ("substratusai/vllm-gh200:v0.8.3", "apache-2.0"),
        ("ghcr.io/kaito-project/aikit/llama3.2:1b", "mit"),
        ("ghcr.io/predibase/lorax:0.12.1", "apache-2.0"),
        ("openmmlab/lmdeploy:v0.6.2", "apache-2.0"),
        ("rayproject/ray-llm:2.52.0-py311-cu128", "apache-2.0"),
    ],
)
def test_every_server_of_the_catalogue_resolves(image: str, licence: str) -> None:
    assert image_finding(image, "research")[0] == licence


def test_the_same_holds_for_every_server_in_the_catalogue() -> None:
    """Each server: a release tag names no unknown version, `latest` is its newest range, a digest all of them."""
    for server in load().servers:
        repository = server.images[0].replace("*", "org/name")
        assert "unpinned image" in image_finding(f"{repository}:latest", "research")[2]
        assert "unknown version" in image_finding(f"{repository}@sha256:{'cd' * 32}", "research")[2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TGI}:1.4", (TGI, "1.4")),
        ("localhost:5000/tgi:2.0.1", ("localhost:5000/tgi", "2.0.1")),
        ("localhost:5000/tgi", ("localhost:5000/tgi", None)),
        (f"{TGI}@sha256:abc", (TGI, None)),
    ],
)
def test_split_image(text: str, expected: tuple[str, str | None]) -> None:
    assert split_image(text) == expected


def test_version_key() -> None:
    assert version_key("v1.4.5") == (1, 4, 5)
    assert version_key("2.0.1-rocm") == (2, 0, 1)
    assert version_key("latest") is None
    server = load().server(TGI)
    assert server is not None
    assert [v.license for v in server_licenses(server, "1.0.0")] == ["hfoil-1.0"]
    assert [v.license for v in server_licenses(server, "1.0")] == ["hfoil-1.0"]  # (1, 0) is (1, 0, 0)


@pytest.mark.parametrize(
    ("image", "server"),
    [
        ("docker.io/ollama/ollama", "ollama"),
        ("index.docker.io/vllm/vllm-openai", "vllm"),
        ("GHCR.IO/HuggingFace/Text-Generation-Inference", "text-generation-inference"),
        ("nvcr.io/nim/nvidia/llama-3.2-nv-embedqa-1b-v2", "nvidia-nim"),
        ("nvcr.io/nvidia/tritonserver", "triton"),
        ("infiniflow/text-embeddings-inference", "text-embeddings-inference"),  # a project's copy keeps the name
        ("registry.cn-hangzhou.aliyuncs.com/mirror/text-generation-inference", "text-generation-inference"),
        ("public.ecr.aws/q9t5s3a7/vllm-cpu-release-repo", "vllm"),
        ("vllm/vllm-tpu", "vllm"),
        ("vllm/vllm-openai-cpu", "vllm"),
        ("ghcr.io/llm-d/llm-d-rocm", "llm-d-vllm"),
        ("docker.io/kserve/xgbserver", "kserve-model-servers"),
        ("tensorflow/serving", "tensorflow-serving"),
        ("kfserving/pmmlserver", "kserve-model-servers"),  # KServe's servers under its former name
        ("registry.baidubce.com/paddlepaddle/serving", "paddle-serving"),
        ("paddlepaddle/serving", "paddle-serving"),
        (
            "ccr-2vdh3abv-pub.cnc.bj.baidubce.com/paddlepaddle/paddleocr-genai-fastdeploy-server",
            "paddleocr-genai-server",
        ),
        ("registry.example.com/ocr/paddleocr-genai-vllm-server", "paddleocr-genai-server"),  # a mirror keeps the name
        ("michaelf34/infinity", "infinity"),
        ("docker.io/fedirz/faster-whisper-server", "faster-whisper-server"),
        ("substratusai/vllm-rocm", "substratus-vllm"),  # KubeAI's vLLM builds, one per accelerator
        ("ghcr.io/kaito-project/aikit/llama3.1", "aikit"),
        ("aibrix/vllm-openai", "vllm"),  # a project's own vLLM build keeps the name
        ("cr.example.com/aibrix/vllm/vllm-openai", "vllm"),
        ("lmcache/vllm-openai", "lmcache-vllm"),  # a server naming a build exactly wins over vLLM's copies
        ("docker.io/lmcache/vllm-openai", "lmcache-vllm"),
        ("registry.example.com:5000/ollama/ollama", "ollama"),  # a private registry's mirror of Docker Hub's path
        ("quay.io/lmsysorg/sglang", "sglang"),
        ("localhost/ollama/ollama", "ollama"),
        ("nvcr.io/nvidia/tensorrt-llm/release", "tensorrt-llm"),
        ("cr.example.com/aibrix/tensorrt-llm", "tensorrt-llm"),
        ("vllm/vllm-omni", "vllm"),
        ("quay.io/ascend/vllm-ascend", "vllm"),
        ("aibrix/sglang", "sglang"),
        ("cr.example.com/aibrix/sglang", "sglang"),
        ("rayproject/ray-llm", "ray-serve-llm"),  # Ray Serve LLM's image, KubeRay's RayService samples
        ("docker.io/anyscale/ray-llm", "ray-serve-llm"),  # RayLLM's earlier image
    ],
)
def test_a_repository_is_matched_by_the_catalogue_s_patterns(image: str, server: str) -> None:
    found = load().server(image)
    assert found is not None and found.key == server


@pytest.mark.parametrize(
    "image",
    [
        "python",
        "nvidia/cuda",
        "nvcr.io/nvidia/pytorch",
        "nvcr.io/nvidia/blueprint/rag-server",
        "ollama/ollama-js",
        "ghcr.io/huggingface/text-generation-inference-benchmark",
        "text-embeddings-inference",  # no such library image
        "org/text-embeddings-inference-client",
        "org/text-embeddings-inference/tools",
        "vllm/vllm-openai-fork/x",
        "nginx",
        "mynim/llama",
        "public.ecr.aws/q9t5s3a7/other-tool",
        "public.ecr.aws/someone/vllm-cpu-release-repo",
        "ghcr.io/llm-d/llm-d-inference-scheduler",  # llm-d's router and simulator serve no model
        "ghcr.io/llm-d/llm-d-inference-sim",
        "kserve/kserve-controller",  # KServe's control plane and helpers serve no model
        "kserve/storage-initializer",
        "kserve/art-explainer",
        "tensorflow/tensorflow",
        "kfserving/storage-initializer",
        "paddlepaddle/paddle",  # the framework, not its server
        "ccr-2vdh3abv-pub.cnc.bj.baidubce.com/paddlex/paddlex",  # PaddleX's development image
        "org/paddleocr-genai-vllm-server-client",
        "ruminateer/paddleserving",  # a user's own build under another name
        "substratusai/kubeai",  # KubeAI's controller and model loader serve no model
        "substratusai/kubeai-model-loader",
        "michaelf34/infinity-client",
        "ghcr.io/kaito-project/kaito/workspace",  # KAITO's controller
        "ghcr.io/kaito-project/aikit",  # the repository itself names no image
        "fedirz/faster-whisper",
        "nvidia/tensorrt-llm",  # TensorRT-LLM's GitHub repository, no image
        "rayproject/ray",  # Ray's general runtime images serve no model of their own
        "rayproject/ray-ml",
        "github.com/nvidia/tensorrt-llm",  # a code host is no registry
        "github.com/huggingface/text-generation-inference",
        "github.com/ollama/ollama",
        "fra.ocir.io/tenancy/official-vllm-openai",  # a build under another name
        "org/vllm-openai-proxy",
        "registry.example.com/ollama",  # a registry's own top-level name, no Docker Hub path
        "registry.example.com/someone/ollama",
        "nvcr.io/nvidia/tensorrt",  # the SDK's image, no server
        "aibrix/sglang-router",  # SGLang's router serves no model
        "org/sglang/tools",
        "cr.example.com/aibrix/vllm-openai-aibrix-kvcache",  # a build under another name
        "ascend/vllm-ascend-dev",
    ],
)
def test_look_alike_repositories_are_no_servers(image: str) -> None:
    assert load().server(image) is None


def test_explain_licence_shows_each_fact_and_every_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "llama2"]) == 0
    out = capsys.readouterr().out
    assert "Llama 2 Community License Agreement" in out
    assert "user_threshold: 700000000" in out and "confidence" in out
    for preset in ("research", "internal", "commercial", "saas", "permissive"):
        assert f"  {preset}: " in out
    assert "permissive: FAIL" in out and "research: PASS" in out


def test_explain_artefact_shows_its_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "mosaicml/mpt-30b-instruct"]) == 0
    out = capsys.readouterr().out
    assert "licence: apache-2.0" in out
    assert "history: cc-by-sa-3.0 until 2024-01-15" in out
    assert "commercial: " in out


def test_explain_server_image_under_saas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", f"{TGI}:1.0.0", "--policy", "saas"]) == 0
    out = capsys.readouterr().out
    assert "licence: hfoil-1.0" in out
    assert "saas: FAIL" in out and "[hosting-restricted]" in out and "fix: " in out
    assert "  commercial: PASS" not in out and "  commercial: WARN" not in out


def test_explain_vllm_image(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "vllm/vllm-openai:v0.6.0"]) == 0
    out = capsys.readouterr().out
    assert "image vllm/vllm-openai:v0.6.0" in out and "licence: apache-2.0" in out and "vLLM v0.6.0" in out
    assert "saas: PASS" in out and "permissive: PASS" in out


def test_explain_unknown_subject_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "no-such-thing-at-all"]) == 2
    err = capsys.readouterr().err
    assert "no-such-thing-at-all" in err and len(err.strip().splitlines()) == 1


hf_constants = pytest.importorskip("huggingface_hub.constants")

UNKNOWN_MODEL = "fixture-org/mistral-7b-alpaca-mit"  # on the test Hub, not in the knowledge base


@pytest.fixture()
def test_hub(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubServer]:
    """The local test Hub, which the in-process CLI asks; answers are cached in tmp_path/cache."""
    from tests.conftest import ask_test_hub
    from tests.hub.server import HubServer

    with HubServer() as server:
        ask_test_hub(monkeypatch, server.endpoint)
        yield server


def explain_run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_resolves_an_unknown_hub_id_on_the_hub_then_from_the_cache_offline(
    test_hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert load().artefact(Kind.MODEL, UNKNOWN_MODEL) is None
    cache = str(tmp_path / "cache")
    code, out, err = explain_run(capsys, UNKNOWN_MODEL, "--cache-dir", cache)
    assert code == 0, err
    assert f"model {UNKNOWN_MODEL}" in out and "licence: mit (source: Hugging Face Hub" in out
    assert "tatsu-lab/alpaca" in out and "  research: " in out  # its lineage, and what each preset decides
    asked = test_hub.count("GET", "/api/")
    assert asked >= 1
    code, offline, err = explain_run(capsys, UNKNOWN_MODEL, "--cache-dir", cache, "--offline")
    assert (code, offline) == (0, out), err
    assert test_hub.count("GET", "/api/") == asked  # the answer cache answered


def test_explain_asks_for_a_dataset_when_no_model_has_the_id(
    test_hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = explain_run(capsys, "fixture-org/support-dialogues", "--cache-dir", str(tmp_path / "c"))
    assert code == 0, err
    assert "dataset fixture-org/support-dialogues" in out and "licence: mit AND cc-by-nc-4.0" in out


def test_explain_an_id_the_hub_does_not_know_suggests_cached_ids(
    test_hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = str(tmp_path / "cache")
    assert explain_run(capsys, UNKNOWN_MODEL, "--cache-dir", cache)[0] == 0
    code, out, err = explain_run(capsys, "fixture-org/mistral-7b-alpaca-mlt", "--cache-dir", cache)
    assert code == 0, err
    assert "unresolved: not found on the Hub" in out
    assert f"did you mean {UNKNOWN_MODEL}?" in out


def test_explain_offline_reads_the_local_hugging_face_cache(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    repository = isolated_home / ".cache" / "huggingface" / "hub" / "models--some-org--local-only"
    (repository / "refs").mkdir(parents=True)
    (repository / "refs" / "main").write_text(sha)
    (repository / "snapshots" / sha).mkdir(parents=True)
    (repository / "snapshots" / sha / "README.md").write_text("---\nlicense: apache-2.0\n---\n# local\n")
    code, out, err = explain_run(capsys, "some-org/local-only", "--offline")
    assert code == 0, err
    assert "licence: apache-2.0 (source: local Hugging Face cache" in out
    code, _, err = explain_run(capsys, "some-org/local-onyl", "--offline")
    assert code == 2 and "did you mean some-org/local-only?" in err


def test_explain_offline_refuses_an_unknown_id_with_close_known_ids(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = explain_run(capsys, "mistralai/Mistral-7B-v0.2", "--offline")
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1 and "offline" in err
    assert "did you mean mistralai/Mistral-7B-v0.3, mistralai/Mistral-7B-v0.1" in err


@pytest.mark.parametrize(
    ("subject", "hint"),
    [
        ("MISTRALAI/mistral-7b-V0.2", "did you mean mistralai/Mistral-7B-v0.3"),  # case does not matter
        ("apache-2.1", "did you mean apache-2.0?"),  # a licence once, by its key, not by each of its names
        ("someone/entirely-different-thing", None),  # nothing close: no suggestion
        ("zzz", None),
    ],
)
def test_did_you_mean(subject: str, hint: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = explain_run(capsys, subject, "--offline")
    assert code == 2
    if hint is None:
        assert "did you mean" not in err
    else:
        assert hint in err


def test_explain_says_when_the_hub_cannot_be_reached(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    with socket.socket() as unused:  # a port nothing listens on: the connection is refused
        unused.bind(("127.0.0.1", 0))
        endpoint = f"http://127.0.0.1:{unused.getsockname()[1]}"
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "ENDPOINT", endpoint)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    code, out, err = explain_run(capsys, "mistralai/Mistral-7B-v0.2", "--cache-dir", str(tmp_path / "c"))
    assert (code, out) == (2, "")
    last = err.strip().splitlines()[-1]
    assert "the Hub could not be asked" in last and "connection was refused" in last
    assert "did you mean mistralai/Mistral-7B-v0.3" in last
