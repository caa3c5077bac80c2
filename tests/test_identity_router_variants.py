"""OpenRouter's variants (issue 16): `org/name:free`, `:nitro`, `:floor`, `:online` name the model `org/name` served
another way, as the Hugging Face router's `:provider` choice does. Look-alikes: an Ollama tag, a version pin, a
variant on an owner-less name."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import HubId, parse_hub_id
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meta-llama/llama-3.3-70b-instruct:free", "meta-llama/llama-3.3-70b-instruct"),
        ("arcee-ai/trinity-large-preview:free", "arcee-ai/trinity-large-preview"),
        ("mistralai/mistral-nemo:nitro", "mistralai/mistral-nemo"),
        ("qwen/qwen3-32b:floor", "qwen/qwen3-32b"),
        ("deepseek-ai/DeepSeek-R1:FREE", "deepseek-ai/DeepSeek-R1"),
    ],
)
def test_a_router_variant_names_the_model_before_it(text: str, expected: str) -> None:
    assert parse_hub_id(text) == HubId(expected, None)


@pytest.mark.parametrize(
    "text",
    [
        "llama3.1:free",  # no owner: an Ollama tag's shape, no Hub id
        "org/model:q4_k_m",  # a quantisation is no variant of the router's
        "org/model:latest",
        "org/model:v2",
    ],
)
def test_other_suffixes_are_no_variant(text: str) -> None:
    assert parse_hub_id(text) is None


def test_a_free_variant_in_a_catalogue_is_the_hub_model() -> None:
    text = 'const FREE_MODELS = [{ id: "meta-llama/llama-3.3-70b-instruct:free", name: "Llama 3.3 (free)" }];\n'
    found = {(r.kind, r.text) for r in JavaScriptSource().find(text, FileContext("src/models.ts", lambda _: False))}
    assert found == {(Kind.MODEL, "meta-llama/llama-3.3-70b-instruct")}
