"""Forms found on agent frameworks the benchmark does not label (issue 16, thirteenth blind wave: getzep/graphiti,
stitionai/devika): a catalogue of providers, each a list of (label, id) pairs, whose every pair names a model, not
only the first; a name written with capitals beside Ollama (a constant's key, a label) is no Ollama model; with the
look-alikes that stay out."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A = Kind.API
PY = FileContext("app/backends.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


_CATALOGUE = """class Picker:
    def __init__(self):
        self.models = {
            "ANTHROPIC": [
                ("Large", "claude-3-opus-20240229"),
                ("Fast", "claude-3-haiku-20240307"),
            ],
            "OPENAI": [("Small", "gpt-4o-mini"), ("Full", "gpt-4o")],
        }
"""


def test_every_pair_of_a_providers_list_names_a_model() -> None:
    assert python(_CATALOGUE) == {
        (A, "claude-3-opus-20240229", 5),
        (A, "claude-3-haiku-20240307", 6),
        (A, "gpt-4o-mini", 8),
        (A, "gpt-4o", 8),
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a row of columns keyed by its first: the other columns are prices, not models
        (
            'MODEL_PRICES = (\n    (("gpt-4o", "gpt-4o-2024-08-06"), 2.5, 10.0),\n)\n',
            {(A, "gpt-4o", 2), (A, "gpt-4o-2024-08-06", 2)},
        ),
        # pairs of sizes under a name for models: no names
        ("model_shapes = {\n    'small': [(224, 224), (384, 384)],\n}\n", set()),
    ],
)
def test_rows_that_are_no_catalogue_of_pairs(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert python(source) == expected


OL = Kind.OLLAMA
_BESIDE_OLLAMA = "import ollama\n\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a dict of clients keyed by the providers' constant names, in a file that also speaks of Ollama
        (
            _BESIDE_OLLAMA + "def route(name):\n    model_mapping = {\n        'OLLAMA': local,\n"
            "        'MISTRAL': MistralClient(),\n        'GEMMA': GemmaClient(),\n    }\n"
            "    return model_mapping[name]\n",
            set(),
        ),
        # a label before the id it shows: the id is read, not the label as Ollama's model
        (
            _BESIDE_OLLAMA
            + "models = {\n    'GROQ': [('Mixtral', 'mixtral-8x7b-32768'), ('Gemma', 'gemma-7b-it')],\n}\n",
            {(A, "mixtral-8x7b-32768", 4), (A, "gemma-7b-it", 4)},
        ),
        # the library's own spelling is still its model
        (_BESIDE_OLLAMA + "settings = {'model': 'mistral'}\n", {(OL, "mistral", 3)}),
        (_BESIDE_OLLAMA + "settings = {'model': 'Mistral:7b'}\n", {(OL, "Mistral:7b", 3)}),
    ],
)
def test_capitals_beside_ollama_name_no_ollama_model(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert python(source) == expected
