"""A TypeScript app's own catalogue of models (issue 16): cards whose id is written under `key` (Perplexica's
`{name: "GPT 4 omni", key: "gpt-4o"}`), beside a label that names nothing. Look-alikes: a card's label beside its id,
a list named for something else whose cards have keys, a card's `key` that is a word."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A, OL = Kind.MODEL, Kind.API, Kind.OLLAMA


def find(text: str, path: str = "src/lib/models/providers/index.ts") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, FileContext(path, lambda _: False))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "const defaultChatModels: Model[] = [\n  { name: 'GPT 4 omni', key: 'gpt-4o' },\n"
            "  { name: 'o3 Mini', key: 'o3-mini' },\n];\n",
            {(A, "gpt-4o", 2), (A, "o3-mini", 3)},
        ),
        (
            "const defaultEmbeddingModels: Model[] = [\n"
            "  {\n    name: 'all-MiniLM-L6-v2',\n    key: 'Xenova/all-MiniLM-L6-v2',\n  },\n"
            "  { name: 'mxbai-embed-large-v1', key: 'mixedbread-ai/mxbai-embed-large-v1' },\n];\n",
            {(M, "Xenova/all-MiniLM-L6-v2", 4), (M, "mixedbread-ai/mxbai-embed-large-v1", 6)},
        ),
        # under a key named for models, as in a provider's `getDefaultModels()` answer
        (
            "return { chat: [], embedding: [], models: [{ name: 'Claude', key: 'claude-3-5-haiku-latest' }] };\n",
            {(A, "claude-3-5-haiku-latest", 1)},
        ),
        # a card that names its model only under `name` still does
        ("const models = [{ name: 'gpt-4o-mini', size: 1 }];\n", {(A, "gpt-4o-mini", 1)}),
    ],
)
def test_a_catalogue_cards_key_is_its_model(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the label of a card whose id is under `key` names nothing, even when it is a model's short name
        "const defaultEmbeddingModels = [{ name: 'all-MiniLM-L6-v2', key: 'local-minilm' }];\n",
        # a list named for something else: its cards' keys are the program's own
        "const optimizationModes = [{ key: 'speed', title: 'Speed' }, { key: 'quality', title: 'Quality' }];\n",
        # a card's `key` that is a word, in a list named for models
        "const chatModels = [{ key: 'fast', title: 'Fast' }, { key: 'default', title: 'Default' }];\n",
        # a settings field whose key is an API key
        "const providerConfigFields = [{ type: 'password', name: 'API Key', key: 'apiKey' }];\n",
    ],
)
def test_a_cards_label_or_word_key_names_nothing(text: str) -> None:
    assert find(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provider's spec whose id is Ollama: its default is the library's, tagged, though an API's names match it
        (
            'const SPECS = [\n  { id: "ollama", name: "Ollama", defaultModelId: "deepseek-v4-flash:0731" },\n'
            '  { id: "deepseek", defaultModelId: "deepseek-v4-flash" },\n];\n',
            {(OL, "deepseek-v4-flash:0731", 2), (A, "deepseek-v4-flash", 3)},
        ),
        # `{provider: "ollama", model: ...}`: Cohere's pattern matches `command-r`, the provider says Ollama's
        ('const local = { provider: "ollama", model: "command-r:35b" };\n', {(OL, "command-r:35b", 1)}),
        ('const local = { providerId: "ollama", model: "command-r" };\n', {(OL, "command-r", 1)}),
    ],
)
def test_a_model_in_an_ollama_providers_object_is_ollamas(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another provider's object: its names are its API's
        ('const remote = { provider: "cohere", model: "command-r" };\n', {(A, "command-r", 1)}),
        # an API's name the Ollama library does not list stays the API's, whatever the object says
        ('const odd = { provider: "ollama", model: "gpt-4o" };\n', {(A, "gpt-4o", 1)}),
        # Ollama named under another key (a label, a description) says nothing of the model's provider
        ('const card = { label: "ollama", model: "command-r" };\n', {(A, "command-r", 1)}),
    ],
)
def test_a_model_beside_another_provider_is_not_ollamas(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "function buildVertexModels(): Record<string, ModelInfo> {\n  const models = generated();\n"
            '  return {\n    ...models,\n    "claude-fable-5": fable,\n  };\n}\n',
            {(A, "claude-fable-5", 5)},
        ),
        (
            'const getModels = () => ({ "gpt-4o": { price: 5 }, "org/local-x": {} });\n',
            {
                (A, "gpt-4o", 1),
                (M, "org/local-x", 1),
            },
        ),
    ],
)
def test_the_quoted_ids_a_function_named_for_models_returns(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a function named for something else returns a table keyed by model names: its prices, not its models
        'function buildHeaders() {\n  return { "gpt-4o": "x-header" };\n}\n',
        # a table of models keyed by the program's own words
        "function buildModels() {\n  return { fast: info, smart: other };\n}\n",
        # quoted keys that are words or labels
        'function getModels() {\n  return { "Fast model": info, "default": other };\n}\n',
    ],
)
def test_what_other_functions_return_names_nothing(text: str) -> None:
    assert find(text) == set()
