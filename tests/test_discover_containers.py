"""The container source: model-server images in Dockerfiles, compose files, Kubernetes manifests and Helm values,
and the models those servers are given."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.model import Kind

M, D, I = Kind.MODEL, Kind.DATASET, Kind.IMAGE  # noqa: E741
Found = tuple[Kind, str, int]
TGI = "ghcr.io/huggingface/text-generation-inference"
TEI = "ghcr.io/huggingface/text-embeddings-inference"

TGI_DOCKERFILE = f"""\
# syntax=docker/dockerfile:1
FROM {TGI}:1.4.5
ENV MODEL_ID=HuggingFaceH4/zephyr-7b-beta \\
    MAX_INPUT_LENGTH=2048
CMD ["--port", "8080"]
"""

TGI_COMPOSE = f"""\
services:
  tgi:
    image: {TGI}:2.0.0
    command: --model-id org/x --num-shard 1
    ports:
      - "8080:80"
    deploy:
      resources:
        reservations:
          devices:
            - capabilities: [gpu]
"""

VLLM_COMPOSE = """\
services:
  vllm:
    image: vllm/vllm-openai:v0.6.3
    command: ["--model", "org/y", "--max-model-len", "8192"]
    environment:
      - HF_TOKEN=${HF_TOKEN}
  db:
    image: postgres:16
"""

OLLAMA_COMPOSE = """\
services:
  ollama:
    image: ollama/ollama:0.3.12
    volumes:
      - ollama:/root/.ollama
volumes:
  ollama: {}
"""

DEPLOYMENT = f"""\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: tgi
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: tgi
          image: {TGI}:2.0.0
          args: ["--model-id", "org/z"]
          resources:
            limits:
              nvidia.com/gpu: 1
"""

HELM_VALUES = """\
image:
  repository: ghcr.io/huggingface/text-embeddings-inference
  tag: "1.5"
model:
  id: org/w
"""


def context(path: str) -> FileContext:
    return FileContext(path, lambda value: value == "models/local")


def find(path: str, text: str) -> list[Found]:
    return [(r.kind, r.text, r.line) for r in ContainerSource().find(text, context(path))]


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "Dockerfile", TGI_DOCKERFILE, [(I, f"{TGI}:1.4.5", 2), (M, "HuggingFaceH4/zephyr-7b-beta", 3)], id="tgi"
        ),
        pytest.param(
            "docker/serve.Dockerfile",
            f"ARG TGI_VERSION=2.0.0\nARG IMAGE={TGI}:$TGI_VERSION\nFROM --platform=linux/amd64 ${{IMAGE}} AS serve\n"
            "ENV MODEL_ID org/a\n",
            [(I, f"{TGI}:2.0.0", 3), (M, "org/a", 4)],
            id="arg-defaults-platform-legacy-env",
        ),
        pytest.param(
            "Dockerfile.gpu",
            f'FROM {TGI}:2.0.0 AS server\nFROM server\nARG MODEL=org/b\nENV PORT=80 MODEL_NAME="$MODEL"\n',
            [(I, f"{TGI}:2.0.0", 1), (M, "org/b", 4)],
            id="stage-alias-and-arg-in-env",
        ),
        pytest.param(
            "Containerfile",
            "FROM vllm/vllm-openai\nRUN <<EOF\nfrom vllm import LLM\nEOF\nENV MODEL=org/c\n",
            [(I, "vllm/vllm-openai", 1), (M, "org/c", 5)],
            id="no-tag-and-heredoc",
        ),
        pytest.param(
            "containers/triton_trt-llm.containerfile",
            "ARG BASE_CONTAINER_IMAGE=nvcr.io/nvidia/tritonserver:24.08-trtllm-python-py3\n"
            "ARG HF_HOME=/var/run/cache\nFROM ${BASE_CONTAINER_IMAGE}\n",
            [(I, "nvcr.io/nvidia/tritonserver:24.08-trtllm-python-py3", 3)],
            id="containerfile-ending-arg-default",
        ),
        pytest.param(
            "Containerfile.cuda",
            "FROM vllm/vllm-openai:v0.6.3\nENV MODEL=org/e\n",
            [(I, "vllm/vllm-openai:v0.6.3", 1), (M, "org/e", 2)],
            id="containerfile-variant",
        ),
        pytest.param(
            "Dockerfile",
            f"FROM {TGI.upper()}:${{VERSION}}\n# ENV MODEL_ID=org/commented\nENV \\\n\n    MODEL_ID=org/d\n",
            [(I, TGI, 1), (M, "org/d", 5)],
            id="unknown-tag-comment-continuation",
        ),
        pytest.param("docker-compose.yml", TGI_COMPOSE, [(I, f"{TGI}:2.0.0", 3), (M, "org/x", 4)], id="compose-tgi"),
        pytest.param(
            "compose.yaml", VLLM_COMPOSE, [(I, "vllm/vllm-openai:v0.6.3", 3), (M, "org/y", 4)], id="compose-vllm"
        ),
        pytest.param("compose.yml", OLLAMA_COMPOSE, [(I, "ollama/ollama:0.3.12", 3)], id="compose-ollama"),
        pytest.param(
            "docker-compose.yml",
            "services:\n  xinference:\n    image: ${XINFERENCE_IMAGE:-xprobe/xinference:latest}\n"
            "  mirror:\n    image: xprobe/xinference-pypiserver:latest\n",
            [(I, "xprobe/xinference:latest", 3)],
            id="compose-xinference-not-its-wheel-mirror",
        ),
        pytest.param(
            "docs/Dockerfile.internvl",
            'FROM openmmlab/lmdeploy:latest\nCMD ["lmdeploy", "serve", "api_server", "org/vl"]\n',
            [(I, "openmmlab/lmdeploy:latest", 1)],
            id="lmdeploy",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  lorax:\n    image: ghcr.io/predibase/lorax:main\n    command: --model-id org/c --port 80\n",
            [(I, "ghcr.io/predibase/lorax:main", 3), (M, "org/c", 4)],
            id="compose-lorax",
        ),
        pytest.param(
            "docker-compose.override.yaml",
            f"services:\n  tgi:\n    image: ${{TGI_IMAGE:-{TGI}:2.2.0}}\n    environment:\n"
            "      MODEL_ID: ${MODEL_ID:-org/e}\n      MODEL: ./models/local\n"
            "  tei:\n    image: ghcr.io/huggingface/text-embeddings-inference:cpu-1.5\n    environment:\n"
            "      - MODEL_ID=org/f\n      - PORT=80\n",
            [
                (I, f"{TGI}:2.2.0", 3),
                (M, "org/e", 5),
                (I, "ghcr.io/huggingface/text-embeddings-inference:cpu-1.5", 8),
                (M, "org/f", 10),
            ],
            id="compose-environment",
        ),
        pytest.param(
            "docker-compose.yml",
            f"x-tgi: &tgi\n  image: {TGI}:2.0.0\nservices:\n  a:\n    <<: *tgi\n    command: >\n"
            "      --port 80\n      --model-id\n      org/folded\n",
            [(I, f"{TGI}:2.0.0", 2), (M, "org/folded", 9)],
            id="compose-merge-key-and-folded-command",
        ),
        pytest.param("k8s/deployment.yaml", DEPLOYMENT, [(I, f"{TGI}:2.0.0", 11), (M, "org/z", 12)], id="k8s"),
        pytest.param(
            "deploy/vllm.yml",
            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: vllm\n      image: vllm/vllm-openai:v0.6.3\n"
            '      command: ["/bin/sh", "-c"]\n      args:\n        - >-\n          vllm serve\n'
            "          --model org/sh\n      env:\n        - name: MODEL_ID\n          value: org/env\n"
            "        - name: HF_TOKEN\n          valueFrom: {secretKeyRef: {name: hf, key: token}}\n"
            "---\napiVersion: batch/v1\nkind: Job\nspec:\n  template:\n    spec:\n      initContainers:\n"
            '        - image: python:3.11\n          command: ["python", "fetch.py", "--dataset", "org/data"]\n',
            [
                (I, "vllm/vllm-openai:v0.6.3", 6),
                (M, "org/sh", 11),
                (M, "org/env", 14),
                (D, "org/data", 25),
            ],
            id="k8s-sh-c-env-and-any-container-command",
        ),
        pytest.param(
            "ray/cluster.yaml",
            "spec:\n  containers:\n  - image: vllm/vllm-openai:v0.7.1\n"
            '    command: ["/bin/bash", "-lc", "--"]\n'
            '    args: ["ulimit -n 65536; echo head; vllm serve org/lc --served-model-name x"]\n'
            "  - image: python:3.11\n"
            '    command: ["sh", "-ec", "python fetch.py --dataset org/ec"]\n',
            [(I, "vllm/vllm-openai:v0.7.1", 3), (M, "org/lc", 5), (D, "org/ec", 7)],
            id="k8s-bash-lc-then-dashes-and-sh-ec",
        ),
        pytest.param(
            "rayjob.yaml",
            "apiVersion: ray.io/v1\nkind: RayJob\nspec:\n"
            "  entrypoint: vllm serve org/ray-served --tensor-parallel-size 2\n"
            "  job:\n    command: python train.py --dataset_name org/ray-data\n"
            "  rayClusterSpec:\n    headGroupSpec:\n      template:\n        spec:\n          containers:\n"
            "          - image: rayproject/ray:2.10.0\n",
            [(M, "org/ray-served", 4), (D, "org/ray-data", 6)],
            id="a-job-s-command-line-outside-a-container",
        ),
        pytest.param(
            "charts/tei/values.yaml",
            HELM_VALUES,
            [(I, "ghcr.io/huggingface/text-embeddings-inference:1.5", 2)],
            id="helm-values",
        ),
        pytest.param(
            "values.yaml",
            "image:\n  registry: ghcr.io\n  repository: huggingface/text-generation-inference\n  tag: 2.0\n"
            "env:\n  - name: MODEL_ID\n    value: org/g\n",
            [(I, f"{TGI}:2.0", 3), (M, "org/g", 7)],
            id="helm-registry-numeric-tag-env",
        ),
    ],
)
def test_finds_servers_and_their_models(path: str, text: str, expected: list[Found]) -> None:
    assert find(path, text) == expected


@pytest.mark.parametrize(
    "instructions",
    [
        pytest.param("ENV MODEL_ID=./weights\nENV PORT=80\n", id="local-model"),
        pytest.param("ENV MODEL_ID=models/local\n", id="folder-in-the-tree"),
        pytest.param('CMD ["--model-id", "org/x"]\n', id="cmd-is-the-shell-source-s"),
    ],
)
def test_a_server_stage_names_only_its_image(instructions: str) -> None:
    assert find("Dockerfile", f"FROM {TGI}:2.0.0\n{instructions}") == [(I, f"{TGI}:2.0.0", 1)]


def test_form_source_and_column() -> None:
    references = ContainerSource().find(TGI_COMPOSE, context("compose.yaml"))
    assert [(r.form, r.source, r.column, r.revision) for r in references] == [
        ("image", "containers", 11, None),
        ("--model-id", "containers", 24, None),
    ]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param("Dockerfile", "FROM python:3.11\nENV MODEL_ID=org/x\n", id="python-base"),
        pytest.param("Dockerfile", "FROM nvidia/cuda:12.1-base AS build\nFROM build\nENV MODEL_ID=org/x\n", id="cuda"),
        pytest.param("k8s.yaml", "containers:\n  - image: nvidia/cuda:12.1-base\n", id="cuda-image"),
        pytest.param("compose.yaml", "services:\n  db:\n    image: postgres\n", id="postgres"),
        pytest.param(
            "compose.yaml", "services:\n  db:\n    image: postgres\n    environment: {MODEL_ID: org/x}\n", id="env"
        ),
        pytest.param("k8s.yaml", "apiVersion: apps/v1\nkind: Deployment\n", id="api-version"),
        pytest.param("values.yaml", "image:\n  repository: nginx\n  tag: '1.27'\n", id="helm-other-image"),
        pytest.param(
            "charts/tgi/templates/deployment.yaml",
            "spec:\n  containers:\n    - image: {{ .Values.image }}\n      args: {{ toYaml .Values.args }}\n",
            id="helm-template",
        ),
        pytest.param("notes.yaml", "model: [org/x\n", id="malformed-without-image-is-not-read"),
    ],
)
def test_other_images_name_nothing(path: str, text: str) -> None:
    assert find(path, text) == []


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("Dockerfile", True),
        ("docker/Dockerfile.gpu", True),
        ("serve.Dockerfile", True),
        ("Containerfile", True),
        ("Dockerfile_tei", True),
        ("docker/Dockerfile-cuda", True),
        ("Containerfile_gpu", True),
        ("containers/triton_trt-llm.containerfile", True),  # Podman's name, as `x.Dockerfile` is Docker's
        ("Containerfile.cuda", True),
        ("Dockerfile_notes.md", False),
        ("dockerfile-lint.json", False),
        ("containerfile-lint.json", False),
        ("Containerfile_notes.md", False),
        ("compose.yml", True),
        ("k8s/deployment.yaml", True),
        ("config.json", False),
        ("run.sh", False),
    ],
)
def test_wants(path: str, wanted: bool) -> None:
    assert ContainerSource().wants(path) is wanted


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("services:\n  a:\n    image: [x\n", r"YAML syntax error at line 4: .*expected ','", id="flow"),
        pytest.param("image: x\n  bad: indent\n", r"YAML syntax error at line 2: mapping", id="indent"),
        pytest.param("image: *undefined\n", r"line 1: found undefined alias", id="alias"),
        pytest.param("[" * 3_000 + "]" * 3_000 + "\nimage: x", r"line 1: nested deeper than 512 levels", id="deep"),
    ],
)
def test_malformed_yaml_is_a_source_error(text: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason) as raised:
        find("compose.yaml", text)
    assert "\n" not in str(raised.value)


def test_an_alias_bomb_is_read_once_and_fast() -> None:
    levels = [f"a: &a [{{image: '{TGI}:2.0.0', command: '--model-id org/x'}}, 1, 2, 3, 4, 5, 6, 7, 8]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(f'*{previous}' for _ in range(9))}]")
    started = time.perf_counter()
    found = find("compose.yaml", "\n".join(levels) + "\n")
    # read linearly it takes milliseconds; expanded, its 9**9 leaves would take hours: a bound far from both, so that
    # a loaded machine cannot fail it
    assert time.perf_counter() - started < 60
    assert found == [(I, f"{TGI}:2.0.0", 1), (M, "org/x", 1)]


def test_discover_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text(TGI_DOCKERFILE)
    (tmp_path / "docker-compose.yml").write_text(TGI_COMPOSE)
    (tmp_path / "k8s").mkdir()
    (tmp_path / "k8s" / "deployment.yaml").write_text(DEPLOYMENT)
    (tmp_path / "k8s" / "broken.yaml").write_text("image: [x\n")
    (tmp_path / "README.md").write_text(f"docker run {TGI}:1.0.0\n")
    discovery = discover(tmp_path, [tmp_path], sources=(ContainerSource(),))
    assert [(a.kind, a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        (I, f"{TGI}:1.4.5", ["Dockerfile:2"]),
        (I, f"{TGI}:2.0.0", ["docker-compose.yml:3", "k8s/deployment.yaml:11"]),
        (M, "HuggingFaceH4/zephyr-7b-beta", ["Dockerfile:3"]),
        (M, "org/x", ["docker-compose.yml:4"]),
        (M, "org/z", ["k8s/deployment.yaml:12"]),
    ]
    assert [(s.path, s.reason) for s in discovery.skipped] == [
        ("k8s/broken.yaml", "YAML syntax error at line 2: did not find expected ',' or ']'")
    ]


def test_with_the_config_source_each_place_counts_once(tmp_path: Path) -> None:
    (tmp_path / "compose.yaml").write_text(
        f"services:\n  tgi:\n    image: {TGI}:2.0.0\n    environment:\n      - MODEL_ID=org/x\n"
        "  tei:\n    image: ghcr.io/huggingface/text-embeddings-inference:1.5\n"
        "    environment:\n      MODEL_ID: org/x\n"
    )
    (tmp_path / "k8s.yaml").write_text(
        f"containers:\n  - image: {TGI}:2.0.0\n    env:\n      - name: MODEL_ID\n        value: org/x\n"
    )
    (tmp_path / "values.yaml").write_text(HELM_VALUES)
    discovery = discover(tmp_path, [tmp_path], sources=(ConfigSource(), ContainerSource()))
    models = [(a.id, [r.location for r in a.references]) for a in discovery.artefacts if a.kind is M]
    assert models == [
        ("org/w", ["values.yaml:5"]),
        ("org/x", ["compose.yaml:5", "compose.yaml:9", "k8s.yaml:5"]),
    ]


@pytest.mark.parametrize("text", ["'", "FROM ghcr.io/huggingface/text-generation-inference:2.0\n'\n\"\n", "`\n"])
def test_a_line_of_no_words_is_no_instruction(text: str) -> None:
    """A lone quote once made the Dockerfile reader index an empty instruction (found by a property test)."""
    found = ContainerSource().find(text, FileContext("Dockerfile", lambda _: False))
    assert [r.text for r in found] == (["ghcr.io/huggingface/text-generation-inference:2.0"] if "FROM" in text else [])


NIM = "nvcr.io/nim/meta/llama-3.1-8b-instruct"


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "values.yaml",
            "nim-llm:\n  image:\n    repository: nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8.5\n    tag: '1.8.3'\n",
            [(I, f"{NIM}:1.8.3", 3)],
            id="helm-repository-with-its-own-tag-takes-the-tag-key",
        ),
        pytest.param(
            "values.yaml",
            "server:\n  image:\n    name: vllm/vllm-openai\n    tag: v0.6.3\n",
            [(I, "vllm/vllm-openai:v0.6.3", 3)],
            id="helm-name-and-tag",
        ),
        pytest.param(
            "values.yaml",
            "image:\n  registry: docker.io\n  repository: vllm\n  name: vllm-openai\n  tag: v0.6.3\n",
            [(I, "docker.io/vllm/vllm-openai:v0.6.3", 3)],
            id="helm-registry-repository-name",
        ),
        pytest.param(
            "chart/env/prod.yaml",
            "image:\n  repository: huggingface\n  name: chat-ui\n",
            [(I, "huggingface/chat-ui", 2)],
            id="helm-overlay-repository-and-name-without-tag",
        ),
        pytest.param(
            "values.yaml",
            f"image:\n  repository: {TGI}\n  digest: sha256:{'a' * 64}\n",
            [(I, f"{TGI}@sha256:{'a' * 64}", 2)],
            id="helm-digest",
        ),
        pytest.param(
            "values.yaml",
            "servingEngineSpec:\n  modelSpec:\n  - name: llama3\n    repository: lmcache/vllm-openai\n"
            '    tag: "2025-05-17-v1"\n    modelURL: meta-llama/Llama-3.1-8B-Instruct\n',
            [(I, "lmcache/vllm-openai:2025-05-17-v1", 4), (M, "meta-llama/Llama-3.1-8B-Instruct", 6)],
            id="production-stack-model-spec",
        ),
        pytest.param(
            "kustomization.yaml",
            f"images:\n- name: vllm/vllm-openai\n  newTag: v0.6.3\n- name: {TGI}\n  newName: mirror.local/tgi\n"
            "  newTag: '2.0'\n- name: placeholder\n  newName: ollama/ollama\n  digest: sha256:" + "b" * 64 + "\n",
            [(I, "vllm/vllm-openai:v0.6.3", 2), (I, f"{TGI}:2.0", 4), (I, "ollama/ollama@sha256:" + "b" * 64, 8)],
            id="kustomize-images",
        ),
        pytest.param(
            ".github/workflows/e2e.yml",
            "jobs:\n  e2e:\n    services:\n      llm:\n        image: ollama/ollama:0.3.12\n    steps:\n"
            "      - uses: docker://vllm/vllm-openai:v0.6.0\n",
            [(I, "ollama/ollama:0.3.12", 5), (I, "vllm/vllm-openai:v0.6.0", 7)],
            id="workflow-service-and-docker-step",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  page-elements:\n    image: ${YOLOX_IMAGE:-nvcr.io/nim/nvidia/nemoretriever-page-elements-v2}"
            ":${YOLOX_TAG:-1.2.0}\n",
            [(I, "nvcr.io/nim/nvidia/nemoretriever-page-elements-v2:1.2.0", 3)],
            id="compose-defaults-of-image-and-tag",
        ),
        pytest.param(
            "isvc.yaml",
            "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nspec:\n  predictor:\n    model:\n"
            "      modelFormat: {name: huggingface}\n      args: ['--model_name=llama3', '--model_id=org/kserve']\n"
            "      storageUri: hf://org/stored\n",
            [(M, "org/kserve", 7)],
            id="kserve-model-args",
        ),
        pytest.param(
            "deploy.yaml",
            "containers:\n- name: vllm\n  image: vllm/vllm-openai:v0.6.3\n  command: [vllm, serve, org/served]\n"
            "  args: ['--lora-modules', 'sql=org/sql-lora']\n",
            [(I, "vllm/vllm-openai:v0.6.3", 3), (M, "org/served", 4), (M, "org/sql-lora", 5)],
            id="command-list-serve-and-lora",
        ),
        pytest.param(
            "charts/kubeai/values.yaml",
            'modelServers:\n  VLLM:\n    images:\n      default: "vllm/vllm-openai:v0.8.3"\n'
            '      cpu: "substratusai/vllm:v0.6.3.post1-cpu"\n  OLlama:\n    images:\n'
            "      default: ollama/ollama:latest\n",
            [
                (I, "vllm/vllm-openai:v0.8.3", 4),
                (I, "substratusai/vllm:v0.6.3.post1-cpu", 5),
                (I, "ollama/ollama:latest", 8),
            ],
            id="helm-table-of-images-by-role",
        ),
        pytest.param(
            "values.yaml",
            "engine:\n  defaultImage: vllm/vllm-openai:v0.6.3\n  sglang_image: 'lmsysorg/sglang:v0.4.6'\n"
            "  fallbackImages: [ollama/ollama:0.3.12]\n",
            [(I, "vllm/vllm-openai:v0.6.3", 2), (I, "lmsysorg/sglang:v0.4.6", 3), (I, "ollama/ollama:0.3.12", 4)],
            id="keys-ending-in-image",
        ),
        pytest.param(
            ".github/workflows/aikit.yaml",
            "on:\n  workflow_dispatch:\n    inputs:\n      aikit_image:\n        description: 'AIKit image to test'\n"
            "        default: 'ghcr.io/kaito-project/aikit/llama3.2:1b'\n        type: string\n"
            "env:\n  SERVER_IMAGE: ${{ github.event.inputs.server_image || 'vllm/vllm-openai:v0.6.3' }}\n",
            [(I, "ghcr.io/kaito-project/aikit/llama3.2:1b", 6), (I, "vllm/vllm-openai:v0.6.3", 9)],
            id="workflow-input-default-and-expression-fallback",
        ),
        pytest.param(
            "deploy.yaml",
            "spec:\n  containers:\n  - image: cr.example.com/aibrix/vllm-openai:v0.10.0-nixl\n"
            "  - image: mirror.example.com:5000/lmsysorg/sglang:v0.4.6\n"
            "  - image: cr.example.com/aibrix/tensorrt-llm:1.1.0\n"
            "  - image: nvcr.io/nvidia/tensorrt-llm/release:0.21.0\n",
            [
                (I, "cr.example.com/aibrix/vllm-openai:v0.10.0-nixl", 3),
                (I, "mirror.example.com:5000/lmsysorg/sglang:v0.4.6", 4),
                (I, "cr.example.com/aibrix/tensorrt-llm:1.1.0", 5),
                (I, "nvcr.io/nvidia/tensorrt-llm/release:0.21.0", 6),
            ],
            id="mirrors-and-own-builds-that-keep-the-name",
        ),
        pytest.param(
            "templates-configmap.yaml",
            "kind: ConfigMap\ndata:\n  templates.yaml: |\n    # deployment templates\n    - name: prod\n"
            '      engine:\n        image: "vllm/vllm-openai:v0.6.3"\n'
            '        args: ["--model", "org/templated"]\n  other.txt: plain text\n',
            [(I, "vllm/vllm-openai:v0.6.3", 7), (M, "org/templated", 8)],
            id="a-literal-block-that-is-yaml-itself",
        ),
    ],
)
def test_finds_images_in_every_form(path: str, text: str, expected: list[Found]) -> None:
    assert find(path, text) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param(
            "Chart.yaml", "dependencies:\n- name: vllm\n  repository: https://charts.example/vllm\n", id="chart"
        ),
        pytest.param(
            "values.yaml", "modelSpec:\n- repository: nginx\n  tag: '1.0'\n  modelURL: org/not-served\n", id="model-url"
        ),
        pytest.param("values.yaml", "image:\n  repository: ${REGISTRY}/vllm-openai\n  tag: v1\n", id="variable"),
        pytest.param("values.yaml", f"image:\n  repository: {TGI}-benchmark\n", id="look-alike-repository"),
        pytest.param("values.yaml", "image:\n  repository: huggingface\n  name: chat-ui-tests\n", id="look-alike-name"),
        pytest.param("values.yaml", "image:\n  repository: nvcr.io/nvidia/pytorch\n  tag: 24.01-py3\n", id="ngc"),
        pytest.param(
            "kustomization.yaml", "images:\n- name: nginx\n  newTag: '1.27'\n- name: app\n  newName: busybox\n", id="k"
        ),
        pytest.param(
            ".github/workflows/ci.yml",
            "jobs:\n  a:\n    steps:\n    - uses: actions/checkout@v4\n    - uses: docker://alpine:3.20\n",
            id="uses",
        ),
        pytest.param("isvc.yaml", "spec:\n  predictor:\n    model:\n      modelFormat: {name: sklearn}\n", id="kserve"),
        pytest.param(
            "values.yaml",
            "modelServers:\n  VLLM:\n    images:\n      default: python:3.12\n      gpu: nvidia/cuda:12.4.0-base\n"
            "resourceProfiles:\n  cpu:\n    imageName: vllm\n  gpu:\n    imagePullPolicy: Always\n",
            id="image-tables-of-other-images-and-image-names",
        ),
        pytest.param(
            "values.yaml",
            "loader:\n  image_tag: vllm/vllm-openai\n  imageName: ollama/ollama\n  images: {count: 3}\n",
            id="keys-that-only-start-with-image",
        ),
        pytest.param(
            ".github/workflows/ci.yaml",
            "on:\n  workflow_dispatch:\n    inputs:\n      base_image:\n        default: 'python:3.12'\n"
            "env:\n  IMAGE: ${{ inputs.image || 'nginx:1.27' }}\n  APP_IMAGE: ${{ inputs.a || inputs.b }}\n",
            id="workflow-inputs-of-other-images",
        ),
        pytest.param(
            "deploy.yaml",
            "spec:\n  containers:\n  - image: cr.example.com/team/official-vllm-openai:v1\n"
            "  - image: registry.example.com/someone/ollama:1\n  - image: nvcr.io/nvidia/tensorrt:24.01-py3\n",
            id="builds-under-another-name-and-other-namespaces",
        ),
        pytest.param(
            "configmap.yaml",
            "data:\n  run.sh: |\n    echo image: vllm/vllm-openai\n  notes.yaml: |\n    image: [unclosed\n"
            "  nested.yaml: |\n    inner: |\n      image: vllm/vllm-openai:v1\n",
            id="literal-blocks-that-are-no-containers-or-nested-twice",
        ),
        pytest.param(
            "job.yaml",
            "spec:\n  entrypoint: ./run.sh --model ./weights\n  command: echo org/not-a-model\n"
            "  containers:\n  - image: python:3.11\n",
            id="job-command-lines-that-name-nothing",
        ),
    ],
)
def test_look_alike_image_forms_name_nothing(path: str, text: str) -> None:
    assert find(path, text) == []


def test_forms_without_an_image_key_pass_the_pre_filter(tmp_path: Path) -> None:
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "e2e.yml").write_text(
        "jobs:\n  a:\n    steps:\n    - uses: docker://vllm/vllm-openai:v0.6.0\n"
    )
    (tmp_path / "isvc.yaml").write_text("spec:\n  model:\n    modelFormat: {name: hf}\n    args: [--model_id=org/k]\n")
    (tmp_path / "serve.sh").write_text("podman run ollama/ollama:0.3.12\n")
    discovery = discover(tmp_path, [tmp_path])
    assert [(a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        ("ollama/ollama:0.3.12", ["serve.sh:1"]),
        ("vllm/vllm-openai:v0.6.0", [".github/workflows/e2e.yml:4"]),
        ("org/k", ["isvc.yaml:4"]),
    ]


def test_a_dockerfile_named_with_a_suffix_is_read_in_a_scan(tmp_path: Path) -> None:
    """`Dockerfile_tei` and `Dockerfile-gpu` are Dockerfiles: a scan routes them to the sources that read one."""
    (tmp_path / "Dockerfile_tei").write_text(f"FROM {TEI}:cpu-1.8\nCOPY tei_data /data\n")
    (tmp_path / "Dockerfile-gpu").write_text("FROM python:3.11\nRUN huggingface-cli download org/served\n")
    (tmp_path / "Dockerfile_notes.md").write_text(f"FROM {TEI}:cpu-1.8\n")
    found = {(a.kind, a.id, r.path) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}
    assert found == {(I, f"{TEI}:cpu-1.8", "Dockerfile_tei"), (M, "org/served", "Dockerfile-gpu")}


CHAT_TEMPLATE_VALUES = """\
servingEngineSpec:
  modelSpec:
    - name: opt
      repository: "lmcache/vllm-openai"
      tag: "v0.3.9post2"
      modelURL: "facebook/opt-125m"
      chatTemplate: |-
        {% for message in messages %}{{ '<|im_start|>' + message['role'] }}{% endfor %}
"""


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "tests/assets/values.yaml",
            CHAT_TEMPLATE_VALUES,
            [(I, "lmcache/vllm-openai:v0.3.9post2", 4), (M, "facebook/opt-125m", 6)],
            id="values-holding-a-jinja-chat-template-are-yaml",
        ),
        pytest.param(
            "helm/values.yaml",
            "# chatTemplate: \"{{ 'Question:' + message['content'] }}\"\nimage:\n  repository: vllm/vllm-openai\n"
            "  tag: v0.6.3\n",
            [(I, "vllm/vllm-openai:v0.6.3", 3)],
            id="a-template-in-a-comment",
        ),
        pytest.param(
            "deploy.yaml",
            "spec:\n  containers:\n    - image: vllm/vllm-openai:{{ .Values.tag }}\n",
            [(I, "vllm/vllm-openai", 3)],
            id="a-template-that-parses-its-action-tag-unknown",
        ),
    ],
)
def test_yaml_with_template_braces_that_parses_is_read(path: str, text: str, expected: list[Found]) -> None:
    assert find(path, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "{{- if .Values.enabled }}\nspec:\n  containers:\n    - image: vllm/vllm-openai:v0.6.3\n{{- end }}\n",
            id="helm-template-with-actions-between-lines",
        ),
        pytest.param(
            'spec:\n  containers:\n    - image: "{{ .Values.repository }}:{{ .Values.tag }}"\n',
            id="helm-template-quoted-actions",
        ),
    ],
)
def test_helm_templates_name_nothing_and_raise_nothing(text: str) -> None:
    assert find("charts/x/templates/deployment.yaml", text) == []


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "compose.yaml",
            "services:\n  vllm:\n    image: vllm/vllm-openai:v0.8.5\n"
            '    command: ["Qwen/Qwen2.5-7B-Instruct", "--max-model-len", "8192"]\n',
            [(I, "vllm/vllm-openai:v0.8.5", 3), (M, "Qwen/Qwen2.5-7B-Instruct", 4)],
            id="compose-command-list",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  vllm:\n    image: vllm/vllm-openai:latest\n    command: acme/encoder --port 8000\n",
            [(I, "vllm/vllm-openai:latest", 3), (M, "acme/encoder", 4)],
            id="compose-command-string",
        ),
        pytest.param(
            "deploy.yaml",
            "spec:\n  containers:\n    - name: vllm\n      image: lmcache/vllm-openai:2025-05-27-v1\n"
            "      args: [meta-llama/Llama-3.1-8B-Instruct, --port, '8000']\n",
            [(I, "lmcache/vllm-openai:2025-05-27-v1", 4), (M, "meta-llama/Llama-3.1-8B-Instruct", 5)],
            id="kubernetes-args",
        ),
    ],
)
def test_a_server_image_s_first_argument_is_its_model(path: str, text: str, expected: list[Found]) -> None:
    assert find(path, text) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param(
            "deploy.yaml",
            "spec:\n  containers:\n    - image: vllm/vllm-openai:v0.8.5\n      command: [python3, serve.py]\n"
            "      args: [acme/encoder]\n",
            id="kubernetes-command-replaces-the-entrypoint",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  vllm:\n    image: vllm/vllm-openai:v0.8.5\n    entrypoint: [python3, app.py]\n"
            "    command: [acme/encoder]\n",
            id="compose-entrypoint-replaced",
        ),
        pytest.param(
            "compose.yaml",
            f"services:\n  tgi:\n    image: {TGI}:2.0\n    command: [acme/encoder]\n",
            id="server-without-a-model-argument",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  app:\n    image: python:3.11\n    command: [acme/encoder]\n",
            id="generic-image",
        ),
        pytest.param(
            "compose.yaml",
            "services:\n  vllm:\n    image: vllm/vllm-openai:v0.8.5\n    command: [./models/local, --port, '80']\n",
            id="local-path",
        ),
    ],
)
def test_arguments_that_name_no_model(path: str, text: str) -> None:
    assert [f for f in find(path, text) if f[0] is M] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "servingEngineSpec:\n  modelSpec:\n  - name: llama3\n    repository: vllm/vllm-openai\n    tag: v0.9.0\n"
            "    modelURL: acme/base\n    vllmConfig:\n"
            '      extraArgs: ["--speculative-model", "acme/draft", "--max-model-len", "4096"]\n',
            [(I, "vllm/vllm-openai:v0.9.0", 4), (M, "acme/base", 6), (M, "acme/draft", 8)],
            id="nested-extra-args",
        ),
        pytest.param(
            "server:\n  repository: vllm/vllm-openai\n  extra_args:\n    - --tokenizer\n    - acme/tok\n",
            [(I, "vllm/vllm-openai", 2), (M, "acme/tok", 5)],
            id="beside-a-split-image",
        ),
        pytest.param(
            "spec:\n  containers:\n    - image: vllm/vllm-openai:v0.9.0\n      args: [--model, acme/base]\n"
            "      extraArgs: [--tokenizer, acme/tok]\n",
            [(I, "vllm/vllm-openai:v0.9.0", 3), (M, "acme/base", 4), (M, "acme/tok", 5)],
            id="beside-a-container-s-args-read-once",
        ),
        pytest.param(
            'server:\n  repository: vllm/vllm-openai\n  extraArgs: "--speculative-model acme/draft --port 80"\n',
            [(I, "vllm/vllm-openai", 2), (M, "acme/draft", 3)],
            id="options-in-one-string",
        ),
    ],
)
def test_argument_lists_outside_a_container(text: str, expected: list[Found]) -> None:
    assert find("values.yaml", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("server:\n  repository: vllm/vllm-openai\n  extraArgs: [acme/base]\n", id="no-option-in-the-list"),
        pytest.param("image: {repository: vllm/vllm-openai}\ntags: [--model, acme/base]\n", id="not-args"),
        pytest.param("image: {repository: vllm/vllm-openai}\nextraArgs: {model: acme/base}\n", id="a-mapping"),
        pytest.param("image: {repository: vllm/vllm-openai}\nextraArgs: see the docs, --model acme/base\n", id="prose"),
        pytest.param("image: {repository: vllm/vllm-openai}\nextraArgs: --model\n", id="one-option"),
    ],
)
def test_other_lists_are_no_arguments(text: str) -> None:
    assert [f for f in find("values.yaml", text) if f[0] is M] == []
