"""A server's `--served-model-name` is the alias its clients ask for, not the model it loads: the value beside it
(often spelled as an id, `org/custom`) is no reference, while the `--model` on the same command line still is."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.names import named_kind
from modelpolicy.model import Kind


def _ids(root: Path, name: str, text: str) -> set[str]:
    (root / name).write_text(text)
    return {artefact.id for artefact in discover(root, [root]).artefacts}


@pytest.mark.parametrize(
    "name", ["served_model_name", "--served-model-name", "servedModelName", "NIM_SERVED_MODEL_NAME", "SERVED_MODEL"]
)
def test_a_served_name_is_named_for_no_artefact(name: str) -> None:
    assert named_kind(name) is None


@pytest.mark.parametrize("name", ["model_name", "--model", "server_model_name", "SERVING_MODEL_ID"])
def test_served_look_alikes_keep_their_kind(name: str) -> None:
    assert named_kind(name) is Kind.MODEL


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("serve.sh", "vllm serve Qwen/Qwen2.5-7B-Instruct --served-model-name acme/chat --port 8000\n"),
        (
            "serve.sh",
            "python -m vllm.entrypoints.openai.api_server --model Qwen/Qwen2.5-7B-Instruct"
            " --served-model-name acme/chat\n",
        ),
        (
            "deploy.yaml",
            "containers:\n  - image: vllm/vllm-openai:v0.6.3\n"
            '    args: ["--model", "Qwen/Qwen2.5-7B-Instruct", "--served-model-name", "acme/chat"]\n',
        ),
        ("values.yaml", "model: Qwen/Qwen2.5-7B-Instruct\nservedModelName: acme/chat\n"),
        ("serve.py", 'MODEL = "Qwen/Qwen2.5-7B-Instruct"\nSERVED_MODEL_NAME = "acme/chat"\nload(MODEL)\n'),
    ],
)
def test_the_loaded_model_is_read_and_its_served_alias_is_not(tmp_path: Path, name: str, text: str) -> None:
    ids = _ids(tmp_path, name, text)
    assert "Qwen/Qwen2.5-7B-Instruct" in ids
    assert "acme/chat" not in ids
