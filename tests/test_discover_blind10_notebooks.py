"""Forms found on cookbook repositories the benchmark does not label (issue 16, tenth blind wave: huggingface/cookbook
and mistralai/cookbook): an Inference Endpoint created for a model (`create_inference_endpoint(NAME,
repository=ID)`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M = Kind.MODEL


def find(source: str, path: str = "notebooks/deploy.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- an Inference Endpoint serves the repository it is created for ----------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "endpoint = create_inference_endpoint(\n"
            '    "nous-hermes-demo",\n'
            '    repository="NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO",\n'
            '    framework="pytorch",\n'
            ")\n",
            {(M, "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO", 3)},
        ),
        (
            'MODEL = "jinaai/jina-embeddings-v2-base-en"\n'
            'endpoint = huggingface_hub.create_inference_endpoint(NAME, repository=MODEL, task="x")\n',
            {(M, "jinaai/jina-embeddings-v2-base-en", 1)},
        ),
    ],
)
def test_an_inference_endpoint_names_the_model_it_serves(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'endpoint = create_inference_endpoint("org/name-of-endpoint", repository=MODEL)\n',  # its own name: no model
        'endpoint = create_inference_endpoint("demo", repository="./local-weights")\n',  # a path
        'git.clone(repository="huggingface/transformers")\n',  # another call's repository: a GitHub repository
    ],
)
def test_an_inference_endpoints_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()
