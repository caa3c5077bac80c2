"""Forms found on agent frameworks the benchmark does not label (issue 16, thirteenth blind wave: getzep/graphiti,
stitionai/devika): a name written with capitals beside Ollama (a constant's key, a label) is no Ollama model; with
the look-alikes that stay out."""

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
        # the library's own spelling is still its model
        (_BESIDE_OLLAMA + "settings = {'model': 'mistral'}\n", {(OL, "mistral", 3)}),
        (_BESIDE_OLLAMA + "settings = {'model': 'Mistral:7b'}\n", {(OL, "Mistral:7b", 3)}),
    ],
)
def test_capitals_beside_ollama_name_no_ollama_model(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert python(source) == expected
