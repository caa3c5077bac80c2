"""Forms found on model-serving deployment repositories the benchmark does not label (twelfth blind wave:
NVIDIA/nim-deploy, containers/ai-lab-recipes): model servers published under other names (NIMs on Amazon ECR Public,
NeMo Retriever NIMs under NGC's NeMo microservices, Dynamo's runtimes, the llama-cpp-python and whisper.cpp servers
Podman AI Lab's recipes run); a Dockerfile's `ARG SERVER_IMAGE=IMAGE` pulled by a later `RUN podman pull`; the image a
NIMCache pulls its model with (`modelPuller:`) and a variable named for the container (`ngc_container=`). Look-alikes:
the other images of those registries (`nv-ingest`, a recipe's application image, an image holding only a model's
weights), an f-string's hole in an image, keys and variables named otherwise, a container's name."""

from __future__ import annotations

import pytest

from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.images import server_image, whole_image
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

IMG = Kind.IMAGE


def context(path: str) -> FileContext:
    return FileContext(path, lambda _: False)


def found(source: ContainerSource | ShellSource | PythonSource, path: str, text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in source.find(text, context(path))}


# --- model servers published under other names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "public.ecr.aws/nvidia/nim:llama3.1-nemotron-nano-8b-v1-1.8.4",
            "public.ecr.aws/nvidia/nim:llama3.1-nemotron-nano-8b-v1-1.8.4",
        ),
        (
            "nvcr.io/nvidia/nemo-microservices/nemoretriever-ocr-v1:1.0.0",
            "nvcr.io/nvidia/nemo-microservices/nemoretriever-ocr-v1:1.0.0",
        ),
        (
            "nvcr.io/nvidia/nemo-microservices/llama-3.2-nemoretriever-1b-vlm-embed-v1",
            "nvcr.io/nvidia/nemo-microservices/llama-3.2-nemoretriever-1b-vlm-embed-v1",
        ),
        ("nvcr.io/nvidia/ai-dynamo/vllm-runtime:0.8.0", "nvcr.io/nvidia/ai-dynamo/vllm-runtime:0.8.0"),
        ("nvcr.io/nvidia/ai-dynamo/sglang-runtime:0.8.0", "nvcr.io/nvidia/ai-dynamo/sglang-runtime:0.8.0"),
        ("quay.io/ai-lab/llamacpp_python:latest", "quay.io/ai-lab/llamacpp_python:latest"),
        ("ghcr.io/containers/llamacpp_python_cuda:latest", "ghcr.io/containers/llamacpp_python_cuda:latest"),
        ("ghcr.io/abetlen/llama-cpp-python:v0.3.2", "ghcr.io/abetlen/llama-cpp-python:v0.3.2"),
        ("quay.io/ai-lab/whispercpp:latest", "quay.io/ai-lab/whispercpp:latest"),
        (
            "quay.io/redhat-et/locallm-object-detection-server:latest",
            "quay.io/redhat-et/locallm-object-detection-server:latest",
        ),
        ("quay.io/wxpe/tgis-vllm:release.4e3ff78", "quay.io/wxpe/tgis-vllm:release.4e3ff78"),
    ],
)
def test_servers_published_under_other_names_are_images(written: str, expected: str) -> None:
    assert server_image(written) == expected
    assert whole_image(written) == expected  # a string of code holding one is found too (the pre-filter's words)


@pytest.mark.parametrize(
    "written",
    [
        "nvcr.io/nvidia/nemo-microservices/nv-ingest:25.6.2",  # NeMo microservices' pipeline, no model server
        "nvcr.io/nvidia/nemo-microservices/nemo-customizer:25.06",
        "nvcr.io/nvidia/blueprint/rag-server:2.2.0",
        "public.ecr.aws/nvidia/cuda:12.4.1-base-ubuntu22.04",
        "quay.io/ai-lab/chatbot:latest",  # a recipe's application
        "quay.io/ai-lab/granite-7b-lab:latest",  # an image that holds a model's weights, no server
        "quay.io/ai-lab/chromadb:latest",
        "nvcr.io/nvidia/ai-dynamo/dynamo-operator:0.8.0",
        "nvcr.io/nim/meta/:1.0.0",  # an f-string's hole: `f"nvcr.io/nim/meta/{name}:1.0.0"`
        "nvcr.io/nim//llama3-8b-instruct",
    ],
)
def test_look_alike_images_name_nothing(written: str) -> None:
    assert server_image(written) is None


def test_an_image_with_an_f_string_hole_names_nothing() -> None:
    source = (
        'os.environ["CONTAINER_NAME"] = "llama3-8b-instruct"\n'
        'os.environ["IMG_NAME"] = f"nvcr.io/nim/meta/{os.environ[\'CONTAINER_NAME\']}:1.0.0"\n'
        'IMAGE = f"nvcr.io/nim/meta/{name}:1.0.0"\n'
    )
    assert not {r for r in found(PythonSource(), "deploy.py", source) if r[0] is IMG}


def test_a_recipe_s_model_service_image() -> None:
    text = """\
application:
  containers:
    - name: llamacpp-server
      model-service: true
      image: quay.io/ai-lab/llamacpp_python:latest
    - name: streamlit-chat-app
      image: quay.io/ai-lab/chatbot:latest
"""
    assert found(ContainerSource(), "recipes/chatbot/ai-lab.yaml", text) == {
        (IMG, "quay.io/ai-lab/llamacpp_python:latest", 5)
    }


# --- an ARG naming a server's image, pulled by a later RUN ----------------------------------------------------------


def test_an_arg_naming_a_server_image_is_read_alone() -> None:
    text = """\
FROM quay.io/centos-bootc/centos-bootc:stream9
ARG MODEL_IMAGE=quay.io/ai-lab/granite-7b-lab:latest
ARG APP_IMAGE=quay.io/ai-lab/chatbot:latest
ARG SERVER_IMAGE=quay.io/ai-lab/llamacpp_python:latest
RUN podman pull --arch=${TARGETARCH} --root /usr/lib/containers/storage ${SERVER_IMAGE}
RUN podman pull --arch=${TARGETARCH} --root /usr/lib/containers/storage ${APP_IMAGE}
"""
    assert found(ShellSource(), "bootc/Containerfile", text) == {(IMG, "quay.io/ai-lab/llamacpp_python:latest", 4)}


def test_an_arg_naming_another_image_names_nothing() -> None:
    text = "ARG APP_IMAGE=quay.io/ai-lab/chatbot:latest\nARG VERSION=1.0\nRUN podman pull ${APP_IMAGE}\n"
    assert found(ShellSource(), "bootc/Containerfile", text) == set()


# --- the image a NIMCache pulls its model with; a variable named for the container ---------------------------------


def test_a_nim_cache_s_model_puller() -> None:
    text = """\
apiVersion: apps.nvidia.com/v1alpha1
kind: NIMCache
spec:
  source:
    ngc:
      modelPuller: nvcr.io/nim/meta/llama3-8b-instruct:1.0.3
      pullSecret: ngc-secret
"""
    assert found(ContainerSource(), "storage/nim-cache.yaml", text) == {
        (IMG, "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3", 6)
    }


@pytest.mark.parametrize(
    "text",
    [
        "spec:\n  modelPuller: busybox:latest\n",  # no model server
        "spec:\n  puller: nvcr.io/nim/meta/llama3-8b-instruct:1.0.3\n  image: python:3.11\n",  # not named for one
        "env:\n  IMAGE_NAME: quay.io/ai-lab/llamacpp_python\n",  # what a workflow builds and pushes
    ],
)
def test_look_alike_keys_name_no_image(text: str) -> None:
    assert found(ContainerSource(), "storage/nim-cache.yaml", text) == set()


def test_a_variable_named_for_the_container() -> None:
    text = 'ngc_container="nvcr.io/nim/meta/llama3-8b-instruct:1.0.0"\nNIM_CONTAINER=vllm-server\nCONTAINER=ollama\n'
    assert found(ShellSource(), "scripts/config.sh", text) == {(IMG, "nvcr.io/nim/meta/llama3-8b-instruct:1.0.0", 1)}
