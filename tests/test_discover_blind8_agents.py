"""Forms met in agent frameworks' configs and provider code (MetaGPT, SWE-agent), read blind: a setting that names
its hosted provider (`api_type: openrouter`) makes its model that provider's, as the provider's route would."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
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
    # `chatglm3-6b` is also the open weights' own name (FastChat's registry lists it beside a DashScope link)
    assert python(DASHSCOPE_MODELS) == [(A, "baichuan2-7b-chat-v1", 6)]


def test_the_same_names_without_dashscope_are_no_api() -> None:
    source = DASHSCOPE_MODELS.replace("from dashscope.aigc.generation import Generation", "import os")
    assert (A, "baichuan2-7b-chat-v1", 6) not in python(source)


# MetaGPT's metagpt/utils/token_counter.py: prices and context windows by model, among them a few names no
# provider's catalogue lists (`llama3-70b-llama3-70b-instruct`, a router's `microsoft/wizardlm-2-8x22b`)
TOKEN_COSTS = """\
TOKEN_COSTS = {
    "gpt-3.5-turbo": {"prompt": 0.0015, "completion": 0.002},
    "claude-2.1": {"prompt": 0.008, "completion": 0.024},
    "llama3-70b-llama3-70b-instruct": {"prompt": 0.0, "completion": 0.0},
    "glm-4": {"prompt": 0.014, "completion": 0.014},
}
TOKEN_MAX = {
    "gpt-4o": 128000,
    "microsoft/wizardlm-2-8x22b": 65536,
    "gemini-1.5-pro": 2097152,
}
"""


def test_a_table_of_settings_by_model_names_the_api_models_among_its_keys() -> None:
    assert python(TOKEN_COSTS) == [
        (A, "gpt-3.5-turbo", 2),
        (A, "claude-2.1", 3),
        (A, "glm-4", 5),
        (A, "gpt-4o", 8),
        (A, "gemini-1.5-pro", 10),
    ]


@pytest.mark.parametrize(
    "source",
    [
        # the first key names no model: a table of other things with an API name among them
        'LIMITS = {"default": 4096, "gpt-4o": 128000, "o1-mini": 65536}\n',
        # fewer than half the keys name a model
        'COSTS = {"gpt-4o": 1.0, "search": 2.0, "vision": 3.0}\n',
        # values that are no settings (strings, lists): only a table all of whose keys are API names counts
        'NOTES = {"gpt-4o": "fast", "my-model": "slow"}\n',
        'GROUPS = {"gpt-4o": ["a"], "team-x": ["b"]}\n',
        # half the keys: a pipeline's components named after models (haystack's breakpoint tests)
        'data = {"gpt-4o": {"messages": m}, "gpt-3": {"messages": m}, "builder_a": {"q": q}, "builder_b": {"q": q}}\n',
        # a JSON schema's properties, one of them a word a provider lists (Cohere's `command`)
        'schema = {"properties": {"command": {"type": "string"}, "restart": {"type": "boolean"}}}\n',
    ],
)
def test_tables_mostly_of_other_keys_name_nothing(source: str) -> None:
    assert python(source) == []


# MetaGPT's metagpt/ext/aflow/scripts/interface.py: `def optimize(..., llm_name: str = "gpt-4o-mini")`
@pytest.mark.parametrize("name", ["llm_name", "LLM_NAME", "llmName", "judge_llm_name", "--llm-name"])
def test_an_llm_name_is_a_model_name(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["llm_names_file", "llm_name_label", "llm_type", "llm_provider"])
def test_an_llm_setting_is_no_model_name(name: str) -> None:
    assert named_kind(name) is None


def test_a_parameter_named_for_an_llm_defaults_to_its_model() -> None:
    source = 'def optimize(dataset: str, llm_name: str = "gpt-4o-mini", rounds: int = 1):\n    return dataset\n'
    assert python(source, "metagpt/ext/aflow/scripts/interface.py") == [(A, "gpt-4o-mini", 1)]


# the hosted APIs of China's providers, priced in MetaGPT's token_counter.py: 01.AI's Yi API by its own names;
# Qianfan's and DashScope's names for the open models they serve, theirs only where the file shows them (the open
# Qwen chat models' own names, `qwen1.5-72b-chat`, stay theirs: model registries list them beside a DashScope link)
PROVIDER_TABLES = """\
TOKEN_COSTS = {
    "gpt-4o": {"prompt": 0.005, "completion": 0.015},
    "yi-34b-chat-0205": {"prompt": 0.0003, "completion": 0.0003},
    "yi-large": {"prompt": 0.0028, "completion": 0.0028},
}
QIANFAN_MODEL_TOKEN_COSTS = {
    "ERNIE-Bot-4": {"prompt": 0.017, "completion": 0.017},
    "Llama-2-7B-Chat": {"prompt": 0.00056, "completion": 0.00056},
    "ChatGLM2-6B-32K": {"prompt": 0.00056, "completion": 0.00056},
}
DASHSCOPE_TOKEN_COSTS = {
    "qwen-max": {"prompt": 0.0055, "completion": 0.0166},
    "qwen-7b-chat": {"prompt": 0.00084, "completion": 0.00084},
    "llama2-7b-chat-v2": {"prompt": 0.0, "completion": 0.0},
    "chatglm-6b-v2": {"prompt": 0.0011, "completion": 0.0011},
}
DOUBAO_TOKEN_COSTS = {
    "doubao-lite": {"prompt": 0.000043, "completion": 0.000086},
    "doubao-pro-128k": {"prompt": 0.00071, "completion": 0.0013},
}
"""


def test_chinese_providers_tables_name_their_models() -> None:
    assert [(kind, text) for kind, text, _ in python(PROVIDER_TABLES)] == [
        (A, "gpt-4o"),
        (A, "yi-34b-chat-0205"),
        (A, "yi-large"),
        (A, "ERNIE-Bot-4"),
        (A, "Llama-2-7B-Chat"),
        (A, "ChatGLM2-6B-32K"),
        (A, "qwen-max"),
        (A, "llama2-7b-chat-v2"),
        (A, "chatglm-6b-v2"),
        (A, "doubao-lite"),
        (A, "doubao-pro-128k"),
    ]


@pytest.mark.parametrize(
    "source",
    [
        # the open weights by their own names, where no provider is shown, are no hosted API's
        'MODELS = ["yi-34b-chat", "yi-1.5-9b-chat"]\n',
        'model_name = "qwen1.5-72b-chat"\n',
        'model_name = "Llama-2-7B-Chat"\n',
    ],
)
def test_open_model_names_without_their_host_are_no_api(source: str) -> None:
    assert [kind for kind, _, _ in python(source)].count(A) == 0


# MetaGPT's examples/aflow/optimize.py: a benchmark's display name, read from the project's own copy
def test_a_known_owner_less_dataset_counts_only_as_the_hub_spells_it() -> None:
    source = 'gsm = ExperimentConfig(dataset="GSM8K", question_type="math")\n'
    assert python(source) == []
    assert python(source.replace("GSM8K", "gsm8k")) == [(Kind.DATASET, "gsm8k", 1)]
    # a loader's own owner-less argument is read as written, whatever its case
    assert python('ds = load_dataset("GSM8K")\n') == [(Kind.DATASET, "GSM8K", 1)]
