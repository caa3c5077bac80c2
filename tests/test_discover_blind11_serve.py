"""Forms found on model-serving projects the benchmark does not label (issue 16, eleventh blind wave: InternLM/lmdeploy,
gpustack/gpustack): a repository id named for the hub it is read from (GPUStack's catalogue `huggingface_repo_id:`,
its API's `huggingface_repo_id=`), and module lists of models named as a picker's list, with words after the list's
that say which one it is (`RESTFUL_MODEL_LIST_LATEST = [...]`, `MODEL_LIST = (...)`). Look-alikes: `repo_id` and
`hf_repo_id` alone (what a script pushes as often), a list named for something of a model's other than its name
(`MODEL_LIST_URL`), a list written to (`MODEL_LIST_EXPORT`), and a picker's name bound to a string."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind, picker_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
NOT_LOCAL = FileContext("autotest/utils/constant.py", lambda _: False)


def find_config(text: str, path: str = "gpustack/assets/model-catalog.yaml") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


# --- a repository id named for its hub ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["huggingface_repo_id", "HuggingFaceRepoId", "huggingfaceRepoId", "draft_huggingface_repo_id"]
)
def test_a_repository_id_named_for_the_hub_is_a_model(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["repo_id", "hf_repo_id", "push_huggingface_repo_id", "huggingface_repo"])
def test_other_repository_names_stay_unread(name: str) -> None:
    assert named_kind(name) is None


def test_a_catalogue_reads_each_spec_repository() -> None:
    text = """\
draft_models:
- name: Qwen3-8B-EAGLE3
  algorithm: eagle3
  source: huggingface
  huggingface_repo_id: Tengyunw/qwen3_8b_eagle3
model_sets:
- name: Qwen3-0.6B
  licenses:
    - apache-2.0
  specs:
    - mode: standard
      source: huggingface
      huggingface_repo_id: Qwen/Qwen3-0.6B
      model_scope_model_id: Qwen/Qwen3-0.6B
      backend: vLLM
"""
    found = find_config(text)
    assert (M, "Tengyunw/qwen3_8b_eagle3", 5) in found
    assert (M, "Qwen/Qwen3-0.6B", 13) in found


def test_a_push_target_named_repo_id_stays_unread() -> None:
    text = "hub:\n  hf_repo_id: acme/my-finetune\n"
    assert find_config(text) == set()


def test_a_keyword_named_for_the_hub_is_read() -> None:
    source = 'm = new_model(1, "test", huggingface_repo_id="BAAI/bge-base-en-v1.5", backend="vllm")\n'
    assert find_python(source) == {(M, "BAAI/bge-base-en-v1.5", 1)}


# --- lists of models named as a picker's -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("MODEL_LIST", M),
        ("RESTFUL_MODEL_LIST_LATEST", M),
        ("TOOL_REASONING_MODEL_LIST_LEGACY", M),
        ("RESTFUL_BASE_MODEL_LIST", M),
        ("modelChoicesV2", M),
        ("DATASET_OPTIONS_ALL", D),
    ],
)
def test_a_picker_list_with_words_after_it(name: str, kind: Kind) -> None:
    assert picker_kind(name) is kind


@pytest.mark.parametrize(
    "name",
    [
        "MODEL_LIST_URL",  # an address of a list, not the list
        "MODEL_LIST_PATH",
        "MODEL_LIST_EXPORT",  # written
        "MODEL_LIST_A_B_C",  # more than two words after the list's
        "BACKEND_LIST_LATEST",  # a list of no models
        "LIST_LATEST",
    ],
)
def test_look_alike_lists_are_no_pickers(name: str) -> None:
    assert picker_kind(name) is None


def test_module_lists_named_as_pickers_hold_models() -> None:
    source = """\
RESTFUL_MODEL_LIST_LATEST = [
    'Qwen/Qwen3.5-27B', 'internlm/Intern-S1',
]
RESTFUL_MODEL_LIST_LEGACY = ['internlm/internlm2_5-20b']
RESTFUL_BASE_MODEL_LIST = ('Qwen/Qwen3-8B-Base',)
RESTFUL_MODEL_LIST = RESTFUL_MODEL_LIST_LEGACY if LEGACY else RESTFUL_MODEL_LIST_LATEST
"""
    assert find_python(source) == {
        (M, "Qwen/Qwen3.5-27B", 2),
        (M, "internlm/Intern-S1", 2),
        (M, "internlm/internlm2_5-20b", 4),
        (M, "Qwen/Qwen3-8B-Base", 5),
    }


def test_look_alike_lists_and_strings_stay_unread() -> None:
    source = """\
MODEL_LIST_URL = ['https://example.com/models.json']
BACKEND_LIST = ['turbomind', 'pytorch']
MODEL_LIST = 'org/not-a-list'
MODEL_LIST_PATH = ['configs/models.yaml']
"""
    assert find_python(source) == set()


# --- an image named by a backend's `image_name:` -----------------------------------------------------------------


def find_containers(text: str, path: str = "gpustack/assets/community-inference-backends.yaml") -> set[tuple[str, int]]:
    return {(r.text, r.line) for r in ContainerSource().find(text, FileContext(path, lambda _: False))}


def test_a_backend_s_image_name_is_read() -> None:
    text = """\
- backend_name: llama.cpp
  version_configs:
    server-cuda:
      image_name: ghcr.io/ggml-org/llama.cpp:server-cuda
      custom_framework: cuda
  default_run_command: -m {{model_path}} --host 0.0.0.0 --port {{port}}
- backend_name: PaddleX-GenAI-Server
  version_configs:
    latest:
      image_ref: ccr-2vdh3abv-pub.cnc.bj.baidubce.com/paddlepaddle/paddleocr-genai-vllm-server:latest-nvidia-gpu
"""
    assert find_containers(text) == {
        ("ghcr.io/ggml-org/llama.cpp:server-cuda", 4),
        ("ccr-2vdh3abv-pub.cnc.bj.baidubce.com/paddlepaddle/paddleocr-genai-vllm-server:latest-nvidia-gpu", 10),
    }


def test_image_names_of_no_model_server_or_written_stay_unread() -> None:
    text = """\
templates:
- name: ubuntu
  image_name: ubuntu:24.04
- name: pytorch
  image_name: nvcr.io/nvidia/pytorch:26.04-py3
release:
  push_image_name: vllm/vllm-openai:v0.9.0
  ImageName: vllm/vllm-openai:v0.9.0
env:
  IMAGE_NAME: vllm/vllm-openai
"""
    assert find_containers(text) == set()
