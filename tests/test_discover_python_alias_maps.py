"""The Python source's dicts named for models that map a program's own names to the ids a provider is sent
(`MODEL_MAP = {"llama3-8b": "meta-llama/Meta-Llama-3-8B-Instruct"}`): the values are read, the aliases only when written as ids themselves; with
the look-alikes that stay out (chat templates, labels, a picker's Hub-id keys)."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

A, M, OL = Kind.API, Kind.MODEL, Kind.OLLAMA


def found(text: str) -> list[tuple[Kind, str, int]]:
    return [
        (r.kind, r.text, r.line) for r in PythonSource().find(text, FileContext("app/providers.py", lambda v: False))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'MODEL_MAP = {\n    "llama3-8b": "meta-llama/Meta-Llama-3-8B-Instruct",\n    "mistral": "mistralai/Mistral-7B-Instruct-v0.2",\n}\n',
            [(M, "meta-llama/Meta-Llama-3-8B-Instruct", 2), (M, "mistralai/Mistral-7B-Instruct-v0.2", 3)],
        ),
        (
            'class Groq:\n    base_url = "https://api.groq.com/openai/v1"\n    model_conversion = {"llama3-8b": "llama3-8b-8192", "mixtral": "mixtral-8x7b-32768"}\n',
            [(A, "llama3-8b-8192", 3), (A, "mixtral-8x7b-32768", 3)],
        ),
        # an alias that is itself an API's name names that model too (`_MODEL_POINTERS = {"gpt-4o": "gpt-4o-2024-08-06"}`)
        (
            'MODEL_ALIASES = {"claude-4-sonnet-latest": "anthropic/claude-4-sonnet"}\n',
            [(A, "claude-4-sonnet-latest", 1), (A, "anthropic/claude-4-sonnet", 1)],
        ),
        (
            '_MODEL_POINTERS = {\n    "gpt-4o": "gpt-4o-2024-08-06",\n    "o3": "o3-2025-04-16",\n}\n',
            [(A, "gpt-4o", 2), (A, "gpt-4o-2024-08-06", 2), (A, "o3", 3), (A, "o3-2025-04-16", 3)],
        ),
        # a word only an API in context reads as its model (Claude Code's `sonnet`) is the program's alias here
        (
            '# model names as claude_code spells them\nMODEL_ALIASES = {\n    "sonnet": "claude-sonnet-4-6",\n    "opus": "claude-opus-4-7",\n    "gpt-4o": "gpt-4o-2024-08-06",\n}\n',
            [(A, "claude-sonnet-4-6", 3), (A, "claude-opus-4-7", 4), (A, "gpt-4o", 5), (A, "gpt-4o-2024-08-06", 5)],
        ),
        # a versioned name an API in context reads is a model though: FastChat's NVIDIA paths by model
        (
            'import os\napi_key = os.environ["NVIDIA_API_KEY"]\nmodel_2_api = {\n    "nemotron-4-340b": "/b0fcd392-e905-4ab4-8eb9-aeae95c30b37",\n}\n',
            [(A, "nemotron-4-340b", 4)],
        ),
        ('OLLAMA_MODEL_MAP = {"llama3-8b": "llama3:8b"}\n', [(OL, "llama3:8b", 1)]),
        # a picker's Hub-id keys with labels keep their reading
        (
            'TOKENIZER_OPTIONS = {"Xenova/gpt-3": "gpt-3", "Xenova/gpt-4": "gpt-4 / gpt-3.5-turbo"}\n',
            [(M, "Xenova/gpt-3", 1), (M, "Xenova/gpt-4", 1)],
        ),
    ],
)
def test_alias_dicts(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'MODEL_TEMPLATES = {"codellama-70b": "llama2", "zephyr-7b": "chatml"}\n',
        'MODEL_PROVIDERS = {"my-model": "openai", "other": "anthropic"}\n',
        'MODEL_LABELS = {"fast": "GPT-4o mini", "smart": "Claude Sonnet"}\n',
        'ROUTES = {"llama3-8b": "llama3-8b-8192"}\n',
        'MODEL_PATHS = {"small": "./models/small", "big": "../weights/big"}\n',
        # a model's settings, one of which happens to look like an id
        'MODEL_KWARGS = {"temperature": 0.2, "max_tokens": 512, "stop": "org/x"}\n',
        'MODEL_KWARGS = {"temperature": "0.2", "top_p": "0.9", "stop": "org/x"}\n',
    ],
)
def test_alias_dict_look_alikes(text: str) -> None:
    assert found(text) == []
