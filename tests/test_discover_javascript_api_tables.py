"""The JavaScript source's tables of hosted API models, as chat apps write them: a provider's list of names whatever
it is called, names in the mixed case their API writes, and names only the provider's endpoint in the file makes
an API's; with the look-alikes that stay out."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def named(text: str, path: str = "app/constant.ts") -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of API names is a list of models, whatever its name says
        (
            'const xAIModes = [\n  "grok-2",\n  // older\n  "grok-3-mini",\n];',
            [(A, "grok-2", 2), (A, "grok-3-mini", 4)],
        ),
        (
            'export const SUPPORTED = ["gpt-4o", "claude-3-5-haiku-latest"] as const;\nconst config = { model: SUPPORTED[0] };',
            [(A, "gpt-4o", 1), (A, "claude-3-5-haiku-latest", 1)],
        ),
        (
            'const alibabaModes = ["qwen-turbo", "qwen-max"];\nexport const DEFAULT_MODELS = [...alibabaModes.map((name) => ({ name }))];',
            [(A, "qwen-turbo", 1), (A, "qwen-max", 1)],
        ),
        (
            'const options = [\n  { label: "GPT-4o", value: "gpt-4o" },\n  { label: "Sonnet", value: "claude-3-7-sonnet-latest" },\n];\nconst config = { model: pick(options) };',
            [(A, "gpt-4o", 2), (A, "claude-3-7-sonnet-latest", 3)],
        ),
        (
            'export const MODEL_CARDS = [{ id: "gpt-4o", displayName: "GPT-4o" }, { id: "o3-mini" }];',
            [(A, "gpt-4o", 1), (A, "o3-mini", 1)],
        ),
        # the mixed case an API writes its names in
        (
            'const bytedanceModels = ["Doubao-lite-4k", "Doubao-pro-32k"];',
            [(A, "Doubao-lite-4k", 1), (A, "Doubao-pro-32k", 1)],
        ),
        ('const config = { model: "Doubao-pro-128k" };', [(A, "Doubao-pro-128k", 1)]),
        # names only the provider's endpoint in the same file makes its
        (
            'const BASE = "https://spark-api-open.xf-yun.com";\nconst iflytekModels = ["general", "generalv3.5", "4.0Ultra"];',
            [(A, "general", 2), (A, "generalv3.5", 2), (A, "4.0Ultra", 2)],
        ),
        (
            'const URL = "https://dashscope.aliyuncs.com/api/";\nconst models = ["qwen3-32b", "qwen2.5-72b-instruct"];',
            [(A, "qwen3-32b", 2), (A, "qwen2.5-72b-instruct", 2)],
        ),
        (
            'import { ChatNVIDIA } from "@langchain/nvidia";\nconst llm = { model: "meta/llama-3.1-8b-instruct" };',
            [(A, "meta/llama-3.1-8b-instruct", 2)],
        ),
        # the keys of a table named for models, a name only the provider's endpoint in the file makes its
        (
            'export const PERPLEXITY_MODELS = {\n  "sonar-pro": { contextWindow: 200000 },\n  "r1-1776": { contextWindow: 128000 },\n};\nconst BASE = "https://api.perplexity.ai/";',
            [(A, "sonar-pro", 2), (A, "r1-1776", 3)],
        ),
        # OVHcloud's open models by plain name, beside its client or its key
        (
            'import { OVHcloudLLM } from "@llamaindex/ovhcloud";\nconst llm = new OVHcloudLLM({ model: "gpt-oss-120b", apiKey: process.env.OVHCLOUD_API_KEY });',
            [(A, "gpt-oss-120b", 2)],
        ),
    ],
)
def test_api_tables(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a list with one name, or a name among other words, is no list of models
        'const keys = ["gpt-4o"];',
        'const words = ["gpt-4o", "alloy"];\nexport const DEFAULT_MODELS = [...words.map((name) => ({ name }))];',
        'const DEFAULT_TTS_VOICES = ["alloy", "echo", "fable"];',
        'const parts = ["gpt-4o", `${x}`];\nexport const DEFAULT_MODELS = [...parts];',
        'const labels = ["GPT-4o", "GPT-4o mini"];\nexport const DEFAULT_MODELS = [...labels];',
        'export const MODEL_CARDS = [{ id: "gpt-4o" }, { id: "my-assistant" }];',  # not every card an API's
        'export const MODEL_CARDS = [{ id: "gpt-4o" }, { label: "GPT-4o" }];',
        'export const MODEL_CARDS = [{ id: "gpt-4o" }, someCard];',
        # labels in mixed case of APIs that write their names in lower case
        'const labels = ["GPT-4o", "Claude-3.5"];',
        'const m = { model: "GPT-4o" };',
        'const URL = "https://spark-api-open.xf-yun.com";\nconst m = { model: "GPT-4o" };',
        # words an API uses as names, in a file that does not call it
        'const models = ["general", "generalv3.5", "4.0Ultra"];',
        'const models = ["qwen3-32b", "qwen2.5-72b-instruct"];',
        'const URL = "https://dashscope.aliyuncs.com/api/";\nconst label = "qwen3-32b";',
        'export const PAPER_MODELS = {\n  "r1-1776": { score: 1 },\n};',  # no Perplexity in sight
        'const llm = new VLLM({ model: "gpt-oss-120b" });',  # no OVHcloud in sight
        'const models = ["GPT-4o", "Gemini-2.0-Flash"];',
        # an API's name among other words is a label or prose, not the name
        'const m = { model: "gpt-4o is great" };',
        'const MODELS = ["gpt-4o mini", "claude-3 sonnet"];',
        # open weights written as the Hub writes them stay out of the API lists
        'const ids = ["THUDM/glm-4-9b-chat", "glm-4-9b-chat"];',
    ],
)
def test_api_table_look_alikes(text: str) -> None:
    assert [found for found in named(text) if found[0] is A] == []


def test_hub_ids_in_an_api_providers_table_stay_hub_models() -> None:
    text = 'const siliconflowModels = ["Qwen/Qwen2.5-7B-Instruct", "deepseek-ai/DeepSeek-V3"];'
    assert named(text) == [(M, "Qwen/Qwen2.5-7B-Instruct", 1), (M, "deepseek-ai/DeepSeek-V3", 1)]


def test_the_cards_of_a_list_under_a_model_key_name_their_ids() -> None:
    text = (
        'export const OpenAI = {\n  id: "openai",\n  chatModels: [\n    { id: "gpt-4o", displayName: "GPT-4o" },\n'
        '    { displayName: "Mini", id: "gpt-4o-mini", enabled: true },\n  ],\n};'
    )
    assert named(text) == [(A, "gpt-4o", 4), (A, "gpt-4o-mini", 5)]


@pytest.mark.parametrize(
    "text",
    [
        'const p = { id: "openai", chatModels: [{ displayName: "GPT-4o", enabled: true }] };',  # a label only
        "const p = { models: [{ id: `${prefix}-4o` }] };",
        'const p = { models: [{ path: "./models/x.onnx" }] };',
        'const p = { providers: [{ id: "gpt-4o" }] };',  # not under a model's name
        'const p = { outputModels: [{ id: "org/x" }] };',  # what a program writes
    ],
)
def test_cards_look_alikes(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('config.model = "gpt-4o";', [(A, "gpt-4o", 1)]),
        ('function reset(state) {\n  state.modelConfig.model = "gpt-4o-mini";\n}', [(A, "gpt-4o-mini", 2)]),
        ('this.embeddingModel = "text-embedding-3-small";', [(A, "text-embedding-3-small", 1)]),
        ('settings.model_name = process.env.MODEL ?? "org/x";', [(M, "org/x", 1)]),
    ],
)
def test_a_field_set_by_its_name(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "config.model = model;",
        'config.label = "gpt-4o";',
        'state.customModels = "claude,claude-100k";',
        'config.outputModel = "org/x";',
        "config.model = `${base}-mini`;",
        'config[model] = "gpt-4o";',
    ],
)
def test_fields_set_that_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a setting described under a model's name: its id, default and the values offered
        ('const agent = { model: { id: "gpt-4o", provider: "openai" } };', [(A, "gpt-4o", 1)]),
        (
            'const schema = { properties: { model: { type: "string", default: "gpt-4o", enum: ["gpt-4o", "o3-mini"] } } };',
            [(A, "gpt-4o", 1), (A, "gpt-4o", 1), (A, "o3-mini", 1)],
        ),
        # a form's field for a setting named for a model
        (
            'const fields = [{ key: "model", type: "select", default: "gpt-4o-mini", options: ["gpt-4o-mini", "gpt-4o"] }];',
            [(A, "gpt-4o-mini", 1), (A, "gpt-4o-mini", 1), (A, "gpt-4o", 1)],
        ),
        (
            'export const params = [\n  {\n    name: Locale.ModelVersion,\n    value: "model",\n    default: "sd3-medium",\n'
            '    options: [\n      { name: "SD3 Medium", value: "sd3-medium" },\n      { name: "SD3 Large", value: "sd3-large" },\n    ],\n  },\n];',
            [(A, "sd3-medium", 5), (A, "sd3-medium", 7), (A, "sd3-large", 8)],
        ),
        ('const field = { name: "embedding_model", value: "org/x", label: "Embeddings" };', [(M, "org/x", 1)]),
        # the `items` a select or combobox widget is given (Vuetify; ChatALL's bot settings): the values offered
        (
            'const settings = [\n  { type: Type.Combobox, name: "model", title: "Model", items: ["mistral-large", "org/x"] },\n];',
            [(A, "mistral-large", 2), (M, "org/x", 2)],
        ),
    ],
)
def test_settings_and_form_fields(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const agent = { model: { label: "GPT-4o", provider: "openai" } };',
        'const field = { key: "temperature", default: "gpt-4o", options: ["gpt-4o"] };',  # not a model's setting
        'const field = { key: "model", label: "Model", placeholder: "gpt-4o" };',  # a hint, not the setting's value
        'const field = { key: "outputModel", default: "org/x" };',
        'const field = { key: "model", default: `${family}-mini` };',
        'const item = { title: "model", default: "gpt-4o" };',  # a title is a label
        'const field = { name: "version", type: Type.Combobox, items: ["gpt-4o"] };',  # not a model's setting
        'const field = { name: "model", items: ["Phind Model", "GPT-4"] };',  # labels shown to people
        'const field = { key: "model", items: { type: "string" } };',  # a schema's element, no value offered
        'const menu = { model: { items: ["gpt-4o"] } };',  # a setting described by a schema offers no `items`
    ],
)
def test_settings_look_alikes(text: str) -> None:
    assert named(text) == []


def test_a_model_tables_unquoted_keys_and_its_cards_api_names() -> None:
    """`O1_MODELS = {o1: {...}}` keys an API's name without quotes; Replicate's table keys the program's aliases and
    writes the name it sends in each card (`replicateApi: "meta/meta-llama-3-8b-instruct"`)."""
    text = (
        'export const O1_MODELS = {\n  o1: { contextWindow: 128000 },\n  "o1-mini": { contextWindow: 128000 },\n};\n'
        'export const ALL_AVAILABLE_REPLICATE_MODELS = {\n  "llama-3-8b-instruct": {\n    contextWindow: 8192,\n'
        '    replicateApi: "meta/meta-llama-3-8b-instruct",\n  },\n};\n'
    )
    assert sorted(named(text)) == [(A, "meta/meta-llama-3-8b-instruct", 8), (A, "o1", 2), (A, "o1-mini", 3)]


@pytest.mark.parametrize(
    "text",
    [
        'export const MODELS = {\n  fast: { contextWindow: 1 },\n  smart: { label: "GPT-4o", notes: "gpt-4o is fast" },\n};',
        "export const PRICES = { o1: { input: 15 } };",  # a table named for no models
        'export const MODELS = { default: { description: "the default model" } };',
    ],
)
def test_model_table_card_look_alikes(text: str) -> None:
    assert named(text) == []


def test_a_tables_aliases_of_a_providers_names_are_not_its_models() -> None:
    """Beside Perplexity's endpoint, `r1-1776` names its model as a card's key (`{"r1-1776": {...}}`), but as the
    program's name a table maps to the one it sends (`{"r1-1776": "sonar-reasoning"}`) it is an alias: the values
    are read, the keys are not."""
    text = (
        'const URL = "https://api.perplexity.ai/";\n'
        'const MODEL_IDS = { "r1-1776": "sonar-reasoning", "llama-3-70b-instruct": "sonar-pro" };'
    )
    assert named(text) == [(A, "sonar-reasoning", 2), (A, "sonar-pro", 2)]


def test_a_vue_components_combobox_field_offers_its_items() -> None:
    """ChatALL's `MistralBotSettings.vue`: a `<script>` block's field for the `model` setting, a combobox offering
    `items`; the markup around it is no code."""
    text = (
        '<template>\n  <CommonBotSettings :settings="settings" mutation-type="setMistral" />\n</template>\n\n'
        '<script>\nconst settings = [\n  {\n    type: Type.Combobox,\n    name: "model",\n    title: "Model",\n'
        '    items: ["mistral-large"],\n  },\n];\n</script>\n'
    )
    assert named(text, "src/components/BotSettings/MistralBotSettings.vue") == [(A, "mistral-large", 11)]
