"""Forms met in agent frameworks' configs and provider code (MetaGPT, SWE-agent), read blind: a setting that names
its hosted provider (`api_type: openrouter`) makes its model that provider's, as the provider's route would."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def config(text: str, path: str) -> list[tuple[Kind, str, int]]:
    found = ConfigSource().find(text, FileContext(path, lambda v: False))
    return sorted(((r.kind, r.text, r.line) for r in found), key=lambda r: r[2])


# MetaGPT's config/examples/openrouter-llama3-70b-instruct.yaml
OPENROUTER_YAML = """\
llm:
  api_type: openrouter
  base_url: "https://openrouter.ai/api/v1"
  api_key: "YOUR_API_KEY"
  model: meta-llama/llama-3-70b-instruct
"""

# AutoGen's OAI_CONFIG_LIST: each entry names the API it calls
CONFIG_LIST = """\
[
  {"model": "meta-llama/Llama-3-70b-chat-hf", "api_type": "together"},
  {"model": "mistralai/mixtral-8x7b-instruct", "provider": "openrouter"}
]
"""


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        (OPENROUTER_YAML, "config/config2.yaml", [(A, "meta-llama/llama-3-70b-instruct", 5)]),
        (
            CONFIG_LIST,
            "OAI_CONFIG_LIST.json",
            [(A, "meta-llama/Llama-3-70b-chat-hf", 2), (A, "mistralai/mixtral-8x7b-instruct", 3)],
        ),
    ],
)
def test_a_model_beside_the_provider_it_is_sent_to_is_that_providers(
    text: str, path: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Hub id in mixed case is no OpenRouter name (OpenRouter writes its ids in lower case)
        ("llm:\n  api_type: openrouter\n  model: Qwen/Qwen2-7B-Instruct\n", [(M, "Qwen/Qwen2-7B-Instruct", 3)]),
        # OpenAI's patterns do not match a Hub id: `openai/org/name` is no route
        ("llm:\n  provider: openai\n  model: org/name-7b\n", [(M, "org/name-7b", 3)]),
        # a type that is no hosted provider leaves the Hub id the Hub's
        ("model:\n  type: huggingface\n  model: org/name-7b\n", [(M, "org/name-7b", 3)]),
        # a local path under a provider is nothing
        ("llm:\n  api_type: openrouter\n  model: ./models/x\n", []),
    ],
)
def test_a_provider_beside_a_value_that_is_none_of_its_names_changes_nothing(
    text: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert config(text, "config.yaml") == expected


def python(source: str, path: str = "pkg/provider.py") -> list[tuple[Kind, str, int]]:
    found = PythonSource().find(source, FileContext(path, lambda v: False))
    return sorted(((r.kind, r.text, r.line) for r in found), key=lambda r: (r[2], r[1]))


# MetaGPT's metagpt/provider/qianfan_api.py: pairs of a Qianfan model and its endpoint, in a method
QIANFAN_PAIRS = """\
class QianFanLLM(BaseLLM):
    def __init_qianfan(self):
        support_system_pairs = [
            ("ERNIE-Bot-4", "completions_pro"),  # (model, corresponding-endpoint)
            ("ERNIE-Bot-8k", "ernie_bot_8k"),
            ("ERNIE-Speed", "ernie_speed"),
            ("EB-turbo-AppBuilder", "ai_apaas"),
        ]
"""


def test_the_first_items_of_rows_that_are_all_api_names_are_a_table_of_models() -> None:
    assert python(QIANFAN_PAIRS) == [
        (A, "ERNIE-Bot-4", 4),
        (A, "ERNIE-Bot-8k", 5),
        (A, "ERNIE-Speed", 6),
        (A, "EB-turbo-AppBuilder", 7),
    ]
    assert python('LIMITS = (("gpt-4o", 128000), ("claude-3-5-haiku-20241022", 200000))\n') == [
        (A, "claude-3-5-haiku-20241022", 1),
        (A, "gpt-4o", 1),
    ]


@pytest.mark.parametrize(
    "source",
    [
        # a row keyed by a name no API serves: the table is no table of models
        'PAIRS = [("gpt-4o", "a"), ("my-alias", "b")]\n',
        # an API name that is no row's first item is a value of the row, not its key
        'PAIRS = [("fast", "gpt-4o"), ("smart", "gpt-4o-mini")]\n',
        # rows of one item are no rows of a table
        'ITEMS = [("gpt-4o",), "gpt-4o-mini"]\n',
        # Hub ids are no hosted API's names
        'PAIRS = [("org/model-a", 1), ("org/model-b", 2)]\n',
    ],
)
def test_rows_not_keyed_by_api_names_are_no_table(source: str) -> None:
    assert python(source) == []


# MetaGPT's metagpt/provider/dashscope_api.py: DashScope's names for the open models it served first
DASHSCOPE_MODELS = """\
from dashscope.aigc.generation import Generation

support_system_models = [
    "qwen-",  # all support
    "llama2-",  # all support
    "baichuan2-7b-chat-v1",
    "chatglm3-6b",
]
"""


def test_dashscope_names_of_open_models_are_its_api_where_the_file_calls_it() -> None:
    assert python(DASHSCOPE_MODELS) == [(A, "baichuan2-7b-chat-v1", 6), (A, "chatglm3-6b", 7)]


def test_the_same_names_without_dashscope_are_no_api() -> None:
    source = DASHSCOPE_MODELS.replace("from dashscope.aigc.generation import Generation", "import os")
    assert (A, "chatglm3-6b", 7) not in python(source)
    assert (A, "baichuan2-7b-chat-v1", 6) not in python(source)
