"""PythonSource: a function of the file that gives its parameter to a loader reads what each caller in the file
passes (`def load(path): return AutoModel.from_pretrained(path)`, then `load("org/x")`), by position or keyword,
for a function or, through `self`, a method."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

CONTEXT = FileContext("app.py", lambda value: value.startswith(("./", "weights/")))
M, D = Kind.MODEL, Kind.DATASET

HELPERS = (
    "from transformers import AutoModel, AutoTokenizer\n"  # 1
    "from datasets import load_dataset\n"
    "\n"
    "def setup(path, revision=None):\n"
    "    tokenizer = AutoTokenizer.from_pretrained(path)\n"  # 5
    "    return AutoModel.from_pretrained(path), tokenizer\n"
    "\n"
    "def rows(name, split='train'):\n"
    "    return load_dataset(name, split=split)\n"
    "\n"  # 10
    "class Runner:\n"
    "    def prepare(self, checkpoint):\n"
    "        self.model = AutoModel.from_pretrained(checkpoint)\n"
    "\n"
    "    def run(self):\n"  # 15
    "        self.prepare('org/method')\n"
    "\n"
)


def found(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(text, CONTEXT)}


def test_what_callers_pass_to_a_parameter_a_loader_reads() -> None:
    calls = (
        "first = setup('org/first')\n"  # 18
        "second = setup(path='org/second', revision='main')\n"
        "data = rows('org/rows', 'test')\n"  # 20
    )
    assert found(HELPERS + calls) == {
        (M, "org/method", 16),
        (M, "org/first", 18),
        (M, "org/second", 19),
        (D, "org/rows", 20),
    }


def test_a_module_constant_passed_to_the_function_is_followed() -> None:
    assert found(HELPERS + "BASE = 'org/constant'\nmodel = setup(BASE)\n") == {
        (M, "org/method", 16),
        (M, "org/constant", 18),
    }


@pytest.mark.parametrize(
    "calls",
    [
        "model = setup('./weights/local')\n",  # a local folder
        "model = setup(f'org/{size}')\n",  # built, not written
        "model = setup(*choices)\n",  # unpacked: which argument is which is unknown
        "result = other.setup('org/x')\n",  # another object's method of the same name
        "result = Runner().prepare('org/x')\n",  # a method called on no `self`
        "note = setup.__doc__ or 'org/x'\n",  # no call
    ],
)
def test_calls_that_pass_nothing_the_loader_reads(calls: str) -> None:
    assert found(HELPERS + calls) == {(M, "org/method", 16)}


def test_a_parameter_the_function_binds_again_is_not_followed() -> None:
    text = (
        "def setup(path):\n"
        "    path = resolve(path)\n"
        "    return AutoModel.from_pretrained(path)\n"
        "\n"
        "result = setup('org/x')\n"
    )
    assert found(text) == set()
