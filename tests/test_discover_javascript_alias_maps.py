"""The JavaScript source's tables that map a program's own model names to the ids a provider is sent
(`modelConversion = {"llama3-8b": "llama3-8b-8192"}`, `modelMap = {"mistral-7b": "mistral:7b"}`), as IDE
extensions and gateways write them: the values are read, the aliases only when written as ids themselves; with the look-alikes that stay out."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A, M, OL = Kind.API, Kind.MODEL, Kind.OLLAMA


def found(text: str, path: str = "core/llm/Provider.ts") -> list[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line) for r in references]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a class field named for models that maps aliases to a hosted API's names
        (
            'class Groq extends OpenAI {\n  static defaultOptions = { apiBase: "https://api.groq.com/openai/v1/" };\n  private static modelConversion: { [key: string]: string } = {\n    "mistral-8x7b": "mixtral-8x7b-32768",\n    gemma2: "gemma2-9b-it",\n    "llama3-8b": "llama3-8b-8192",\n  };\n}',
            [(A, "mixtral-8x7b-32768", 4), (A, "gemma2-9b-it", 5), (A, "llama3-8b-8192", 6)],
        ),
        # an alias table whose values are Hub ids (a host serving open weights under their Hub names)
        (
            'const MODEL_MAP = {\n  "qwen2.5-coder-7b": "Qwen/Qwen2.5-Coder-7B-Instruct",\n  "qwen2.5-coder:32b": "Qwen/Qwen2.5-Coder-32B-Instruct",\n};',
            [(M, "Qwen/Qwen2.5-Coder-7B-Instruct", 2), (M, "Qwen/Qwen2.5-Coder-32B-Instruct", 3)],
        ),
        # a table of Ollama's tagged names: Ollama's wherever they stand
        (
            'class Ollama {\n  private modelMap: Record<string, string> = {\n    "llama3.1-8b": "llama3.1:8b",\n    "qwen2.5-coder-7b": "qwen2.5-coder:7b",\n  };\n}',
            [(OL, "llama3.1:8b", 3), (OL, "qwen2.5-coder:7b", 4)],
        ),
        # the same table written as a key of an object given to a call (a test's expectations)
        (
            'createTests(Mistral, {\n  modelConversions: {\n    "mistral-8x7b": "open-mixtral-8x7b",\n  },\n});',
            [(A, "open-mixtral-8x7b", 3)],
        ),
        # an alias that is itself an API's name names that model too (a pointer to a dated version)
        (
            'const MODEL_IDS = {\n  "claude-4-sonnet-latest": "anthropic/claude-4-sonnet",\n};',
            [(A, "claude-4-sonnet-latest", 2), (A, "claude-4-sonnet", 2)],
        ),
        # a picker's table of ids and labels keeps its keys
        (
            'const MODEL_OPTIONS = {\n  "gpt-4o": "GPT-4o",\n  "org/model-x": "Model X",\n};',
            [(A, "gpt-4o", 2), (M, "org/model-x", 3)],
        ),
        # Google's resource names, though written like a folder, are the API's
        ('const card = { model: "models/text-embedding-004" };', [(A, "models/text-embedding-004", 1)]),
    ],
)
def test_alias_tables(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # values that are words: chat templates, providers, labels, files
        'const MODEL_TEMPLATES = { "codellama-70b": "llama2", "zephyr-7b": "chatml" };',
        'const modelProviders = { "my-model": "openai", "other": "anthropic" };',
        'const modelLabels = { "fast": "GPT-4o mini", "smart": "Claude Sonnet" };',
        'const modelIcons = { "anthropic": "anthropic.png", "openai": "openai.svg" };',
        # a table not named for models maps nothing
        'const routes = { "llama3-8b": "llama3-8b-8192" };',
        # a local folder under a table's key is no model
        'const modelPaths = { "small": "./models/small", "big": "../weights/big" };',
        'const modelDirs = { "small": "models/small.bin" };',
    ],
)
def test_alias_table_look_alikes(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a picker's Hub ids with labels that look like API names: the ids are read, the labels are not
        (
            'const TOKENIZER_OPTIONS = Object.freeze({\n  "Xenova/gpt-4": "gpt-4 / gpt-3.5-turbo",\n  "Xenova/gpt-3": "gpt-3",\n});',
            [(M, "Xenova/gpt-4", 2), (M, "Xenova/gpt-3", 3)],
        ),
        # a settings object named for a model: its word keys are settings, not aliases
        ('const modelOptions = { temperature: 0.2, stop: "gpt-4o" };', []),
        ('const modelSettings = { "temperature": "0.2", "top_p": "0.9", "stop": "org/x" };', []),
    ],
)
def test_tables_that_are_no_alias_tables(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provider client's method that tests a name is given no model to call
        (
            'const openai = new OpenAI({ model: "o3-mini" });\nexpect(openai.isOSeriesOrGpt5PlusModel("gpt-6")).toBeTruthy();',
            [(A, "o3-mini", 1)],
        ),
        ('const openai = new OpenAI();\nif (openai.supportsPrediction("gpt-4o")) {}', []),
        # the client's calls that do call a model are read as before
        (
            'const openai = new OpenAI();\nconst out = await openai.embeddings("text-embedding-3-small");',
            [(A, "text-embedding-3-small", 2)],
        ),
    ],
)
def test_a_clients_predicates_call_no_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected
