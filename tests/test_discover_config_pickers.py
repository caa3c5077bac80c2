"""How a JSON or YAML file offers models (issue 16), as a JavaScript app's does: a picker's list (`modelOptions:
[{value: ID, label: x}]`), a plural name's table of ids by role (`chat_models: {fast: ID}`), and a file named for
models that is a list (`models.json`). Look-alikes: a table's settings, a list named for something else, a file named
for something else."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import picker_kind
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API


def find(text: str, path: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("MODEL_OPTIONS", M),
        ("modelList", M),
        ("embeddingModelChoices", M),
        ("dataset_options", D),
        ("options", None),
        ("model", None),  # a model's name, not a picker's list
        ("modelIcons", None),
        ("output_model_options", None),  # written
    ],
)
def test_picker_kind(name: str, kind: Kind | None) -> None:
    assert picker_kind(name) is kind


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "ui/settings.json",
            '{\n  "modelOptions": [\n    {"value": "gpt-4o", "label": "GPT-4o"},\n'
            '    {"value": "org/x", "label": "X"}\n  ]\n}\n',
            {(A, "gpt-4o", 3), (M, "org/x", 4)},
        ),
        ("config.yaml", "model_list:\n  - gpt-4o-mini\n  - org/y\n", {(A, "gpt-4o-mini", 2), (M, "org/y", 3)}),
        (
            "config.yaml",
            "chat_models:\n  fast: gpt-4o-mini\n  smart: org/z\n  template: chat/default\n  cache_dir: x/y\n",
            {(A, "gpt-4o-mini", 2), (M, "org/z", 3)},
        ),
        ("config.yaml", "datasets:\n  train: org/train\n  eval: org/eval\n", {(D, "org/train", 2), (D, "org/eval", 3)}),
        (
            "src/data/models.json",
            '[\n  {"id": "gpt-4o", "label": "GPT-4o"},\n  {"id": "org/x"}\n]\n',
            {(A, "gpt-4o", 2), (M, "org/x", 3)},
        ),
        ("embedding_models.yaml", "- org/e\n", {(M, "org/e", 1)}),
    ],
)
def test_a_files_model_picker(path: str, text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("ui/settings.json", '{"themeOptions": [{"value": "org/x"}]}'),
        ("ui/settings.json", '{"modelOptions": {"temperature": "0.2", "stop": "org/x"}}'),  # settings, not a list
        ("config.yaml", "models:\n  template: chat/default\n  provider: openai\n  base_url: http://h:8000/v1\n"),
        ("config.yaml", "model:\n  fast: org/x\n"),  # one model's table, not a plural's
        ("config.yaml", "models:\n  - title: org/x\n    display_name: org/y\n    description: org/z\n"),  # labels
        ("src/data/tags.json", '["org/x"]\n'),
        ("src/data/models.json", '{"fast": "org/x"}\n'),  # a file named for models, but not a list
        ("src/data/model.json", '["org/x"]\n'),
    ],
)
def test_picker_look_alikes(path: str, text: str) -> None:
    assert find(text, path) == set()


def test_a_model_card_served_by_ollama_names_an_ollama_model() -> None:
    """A catalogue's card that says Ollama serves it (`providerId: ollama`) holds an Ollama library name, though a
    hosted API writes the same name (`mistral-large`); the cards of other providers keep their kinds."""
    text = (
        '{"models": [\n  {"id": "mistral-large", "provider": "Ollama", "providerId": "ollama"},\n'
        '  {"id": "mistral-large-latest", "providerId": "mistral"},\n'
        '  {"id": "llama3.1:8b", "provider": "ollama"}\n]}\n'
    )
    assert find(text, "lib/models.json") == {
        (Kind.OLLAMA, "mistral-large", 2),
        (A, "mistral-large-latest", 3),
        (Kind.OLLAMA, "llama3.1:8b", 4),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a card Ollama serves names no Ollama model when its id is none the library knows, nor a tagged one
        '{"models": [{"id": "my-assistant", "providerId": "ollama"}]}\n',
        # a provider's own settings, not a list of models: its id is the provider's
        '{"providers": [{"id": "ollama", "provider": "ollama"}]}\n',
    ],
)
def test_ollama_card_look_alikes(text: str) -> None:
    assert find(text, "lib/models.json") == set()
