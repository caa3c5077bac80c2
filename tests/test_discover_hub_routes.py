"""LiteLLM's routes to a server of Hub models (`huggingface/org/x`, `hosted_vllm/org/x`, `openai/org/x`): the Hub id."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import identify, without_hub_route
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

M = Kind.MODEL


def found(text: str) -> list[tuple[Kind, str, int]]:
    references = ConfigSource().find(text, FileContext("configs/eval.yaml", lambda value: False))
    return [(r.kind, r.text, r.line) for r in references]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("huggingface/meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"),
        ("hosted_vllm/Qwen/Qwen2.5-7B-Instruct", "Qwen/Qwen2.5-7B-Instruct"),
        ("vllm/org/x", "org/x"),
        ("openai/deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"),
        # unchanged: a Hub id itself, a route to a provider naming its own models, a path, a deeper route
        ("openai/gpt-oss-20b", "openai/gpt-oss-20b"),
        ("huggingface/CodeBERTa-small-v1", "huggingface/CodeBERTa-small-v1"),
        ("openrouter/meta-llama/llama-3-70b-instruct", "openrouter/meta-llama/llama-3-70b-instruct"),
        ("openai/org/x/y", "openai/org/x/y"),
        ("openai//x", "openai//x"),
    ],
)
def test_a_route_to_a_server_of_hub_models_is_stripped(value: str, expected: str) -> None:
    assert without_hub_route(value) == expected


def test_a_routed_hub_model_in_a_config_is_the_hub_model() -> None:
    text = (
        "model_parameters:\n"
        '  model_name: "openai/deepseek-ai/DeepSeek-R1-Distill-Qwen-32B"\n'
        '  base_url: "https://router.huggingface.co/v1"\n'
        "judge:\n"
        "  model: hosted_vllm/Qwen/Qwen2.5-7B-Instruct\n"
    )
    assert found(text) == [(M, "deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", 2), (M, "Qwen/Qwen2.5-7B-Instruct", 5)]


@pytest.mark.parametrize(
    "text",
    [
        "model: openrouter/meta-llama/llama-3-70b-instruct\n",  # OpenRouter's own names, no Hub id
        "model_path: huggingface/hub/models--org--x/snapshots\n",  # a cache folder, deeper than a route
        "model: openai/{org}/{name}\n",  # placeholders
    ],
)
def test_look_alikes_of_a_routed_hub_model_name_no_hub_model(text: str) -> None:
    assert [f for f in found(text) if f[0] is M] == []


def test_a_dataset_is_never_read_through_a_model_route() -> None:
    assert identify("openai/org/x", Kind.DATASET, lambda value: False, single_names=False) is None
