"""Tables of settings keyed by hosted API model (LiteLLM's and aider's model metadata, pricing tables): each key that
names an API model is a reference, when every value is a mapping and the keys are mostly, the first among them,
API models' names; and, under a plural name (`models:`), each key that is an id, Hub or API. Sections, labels and
Hub-shaped keys of other tables are not."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

A = Kind.API

METADATA_JSON = """\
{
    "deepseek/deepseek-reasoner": {"max_tokens": 8192, "litellm_provider": "deepseek"},
    "openrouter/x-ai/grok-3-beta": {"max_tokens": 131072},
    "gemini-2.5-pro-preview-05-06": {"max_input_tokens": 1048576},
    "claude-3-5-haiku-20241022": {"input_cost_per_token": 8e-07}
}
"""

PRICING_YAML = """\
pricing:
  gpt-4o-mini:
    input: 0.15
    output: 0.6
  claude-3-opus-20240229:
    input: 15
    output: 75
"""


def config(text: str, path: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda v: False))]


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        (
            METADATA_JSON,
            "resources/model-metadata.json",
            [
                (A, "deepseek/deepseek-reasoner", 2),
                (A, "openrouter/x-ai/grok-3-beta", 3),
                (A, "gemini-2.5-pro-preview-05-06", 4),
                (A, "claude-3-5-haiku-20241022", 5),
            ],
        ),
        (PRICING_YAML, "config/prices.yaml", [(A, "gpt-4o-mini", 2), (A, "claude-3-opus-20240229", 5)]),
    ],
)
def test_the_keys_of_a_table_of_settings_by_api_model_are_references(
    text: str, path: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert sorted(config(text, path), key=lambda r: r[2]) == expected


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # sections of a manifest: the first key names no model
        ("metadata:\n  name: x\nspec:\n  replicas: 1\n", "deploy.yaml"),
        # one API model among many sections is no table of models
        ('{"general": {"a": 1}, "gpt-4o": {"b": 2}, "ui": {"c": 3}, "logs": {"d": 4}}', "settings.json"),
        # compose services named like a product, not a model: words the loose patterns match carry no version
        ("services:\n  gpt-researcher:\n    image: x\n  gpt-researcher-tests:\n    image: y\n", "docker-compose.yml"),
        (
            "services:\n  chatgpt-next-web:\n    image: x\n  chatgpt-next-web-proxy:\n    image: y\n",
            "docker-compose.yml",
        ),
        # a lone entry is a setting, not a table
        ('{"gpt-4o": {"temperature": 0}}', "settings.json"),
        # keys mapped to labels, not to settings: a display table
        ('{"gpt-4o": "GPT-4o", "gpt-4o-mini": "GPT-4o mini"}', "labels.json"),
        # labels in mixed case and words equal to a family are no API names
        ('{"GPT-4o": {"color": "red"}, "Claude 3": {"color": "blue"}}', "plot.json"),
        ('{"mistral": {"template": "x"}, "llama2": {"template": "y"}}', "templates.json"),
    ],
)
def test_tables_not_keyed_by_api_models_name_nothing(text: str, path: str) -> None:
    assert config(text, path) == []


SETTINGS_LIST = """\
- name: gpt-3.5-turbo
  weak_model_name: gpt-4o-mini
  reminder: sys

- name: claude-3-opus-20240229
  edit_format: diff
  use_repo_map: true

- name: my-local-alias
  edit_format: whole
"""


def test_a_list_of_settings_named_by_api_model_names_each_model() -> None:
    found = config(SETTINGS_LIST, "resources/model-settings.yml")
    assert sorted(found, key=lambda r: r[2]) == [
        (A, "gpt-3.5-turbo", 1),
        (A, "gpt-4o-mini", 2),
        (A, "claude-3-opus-20240229", 5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # containers and workflow steps name themselves, not a model
        "containers:\n  - name: app\n    image: python:3.11\n  - name: gpt-4o\n    image: python:3.11\n",
        "steps:\n  - name: checkout\n    uses: actions/checkout@v4\n  - name: claude-3-opus-20240229\n    run: x\n",
        # a lone item is no list of models
        "- name: gpt-3.5-turbo\n  reminder: sys\n",
        # labels in mixed case and family words are no API names
        "- name: GPT-4o\n  color: red\n- name: Claude 3 Opus\n  color: blue\n",
        "- name: mistral\n  template: x\n- name: llama2\n  template: y\n",
    ],
)
def test_lists_not_named_by_api_models_name_nothing(text: str) -> None:
    assert config(text, "settings.yml") == []


# MetaGPT's `config2.yaml`: the keys of `models:` are the names the program asks for, sent as the model when no
# `model:` is set; a provider lists some of them whole, with no version (`deepseek-chat`, `mistral-large`)
MODELS_BY_NAME = """\
models:
  "deepseek-chat":
    api_type: "openai"
    base_url: "<your base url>"
  "gpt-4o-mini":
    api_type: "openai"
  "mistral-large":
    api_type: "mistral"
"""


def test_keys_a_provider_lists_whole_are_api_models_without_a_version() -> None:
    found = config(MODELS_BY_NAME, "config/config2.yaml")
    assert sorted(found, key=lambda r: r[2]) == [
        (A, "deepseek-chat", 2),
        (A, "gpt-4o-mini", 5),
        (A, "mistral-large", 7),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a single word a provider lists (Cohere's `command`, Perplexity's `sonar`) is also a word of other things
        "tasks:\n  command:\n    run: x\n  sonar:\n    run: y\n",
        # a hyphenated name no provider lists whole is a service's, as before
        "services:\n  deepseek-chat-ui:\n    image: x\n  deepseek-chat-proxy:\n    image: y\n",
    ],
)
def test_single_listed_words_and_unlisted_names_key_no_table(text: str) -> None:
    assert config(text, "settings.yml") == []


# SkyThought's evaluation settings: a table under `models:` keyed by each model's own id, Hub or hosted API, whatever
# the share of API names among its keys
MODEL_CONFIGS_YAML = """\
system_prompts:
  qwen_cot: &qwen_cot "You are a helpful assistant."
models:
  o1-mini:
    name: o1-mini
    system_prompt: null
  gpt-4o-mini:
    system_prompt: null
  Qwen/Qwen2-7B-Instruct:
    system_prompt: *qwen_cot
  acme/reasoner-32b:
    system_prompt: *qwen_cot
  acme/reasoner-7b:
"""


def test_the_id_keys_of_a_plural_models_table_are_references() -> None:
    assert sorted(config(MODEL_CONFIGS_YAML, "evals/models/model_configs.yaml"), key=lambda r: r[2]) == [
        (A, "o1-mini", 4),
        (A, "gpt-4o-mini", 7),
        (Kind.MODEL, "Qwen/Qwen2-7B-Instruct", 9),
        (Kind.MODEL, "acme/reasoner-32b", 11),
        (Kind.MODEL, "acme/reasoner-7b", 13),
    ]


def test_a_json_datasets_table_keyed_by_id_names_datasets() -> None:
    text = '{"datasets": {"acme/math-500": {"split": "test"}, "acme/gsm": {"split": "train"}}}'
    assert config(text, "eval.json") == [(Kind.DATASET, "acme/math-500", 1), (Kind.DATASET, "acme/gsm", 1)]


@pytest.mark.parametrize(
    "text",
    [
        # roles and a program's own names key a table of models, no ids
        "models:\n  fast:\n    temperature: 0\n  smart:\n    temperature: 1\n",
        "models:\n  llama2:\n    template: x\n  mistral:\n    template: y\n",
        # paths and a key mapped to a label, not to settings
        "models:\n  ./checkpoints/run-1:\n    step: 10\n  acme/reasoner-7b: Reasoner 7B\n",
        # a singular or an unrelated name: the table is one model's settings or a project's sections
        "model:\n  acme/x:\n    a: 1\n  acme/y:\n    b: 2\n",
        "paths:\n  acme/x:\n    a: 1\n  acme/y:\n    b: 2\n",
    ],
)
def test_tables_keyed_by_other_than_ids_name_nothing(text: str) -> None:
    assert config(text, "config.yaml") == []


def test_a_models_table_whose_entries_give_their_own_id_is_keyed_by_names() -> None:
    """OME's chart values: each entry under `models:` names its Hub id (`hfModelId:`); its key is the chart's name for
    it, even where that name is also a hosted API's (`grok-1`)."""
    text = (
        "models:\n"
        "  llama-3-8b:\n    vendor: meta\n    hfModelId: meta-llama/Meta-Llama-3-8B\n"
        "  grok-1:\n    vendor: xai\n    hfModelId: xai-org/grok-1\n"
        "  glm-4-5v:\n    vendor: glm\n    hfModelId: zai-org/GLM-4.5V\n"
    )
    assert config(text, "charts/values.yaml") == [
        (Kind.MODEL, "meta-llama/Meta-Llama-3-8B", 4),
        (Kind.MODEL, "xai-org/grok-1", 7),
        (Kind.MODEL, "zai-org/GLM-4.5V", 10),
    ]
