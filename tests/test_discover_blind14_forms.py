"""Forms of the fourteenth (measurement-only) wave's misses: a `None` default a branch replaces before a loader reads
it (gpt-neox's tokenizer), a string a test's `setUp` gives an attribute that another method loads (evaluate's
tests), and a price table for output tokens (SWE-bench's `MODEL_COST_PER_OUTPUT`), no table of outputs written."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL
PY = FileContext("pkg/module.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def test_the_value_a_branch_puts_in_place_of_a_none_default_is_loaded() -> None:
    source = (
        "def build(vocab_file=None, fast=True):\n"
        "    if vocab_file is None:\n"
        '        vocab_file = "gpt2"\n'
        "    return GPT2TokenizerFast.from_pretrained(vocab_file)\n"
    )
    assert python(source) == {(M, "gpt2", 3)}


def test_a_none_default_a_branch_replaces_with_a_local_path_names_nothing() -> None:
    source = (
        "def build(vocab_file=None):\n"
        "    if vocab_file is None:\n"
        '        vocab_file = "./tokenizer"\n'
        "    return AutoTokenizer.from_pretrained(vocab_file)\n"
    )
    assert python(source) == set()


def test_a_string_a_test_s_set_up_gives_an_attribute_is_what_another_method_loads() -> None:
    source = (
        "class TestEvaluator(TestCase):\n"
        "    def setUp(self):\n"
        '        self.default_ckpt = "org/tiny-random-bert"\n'
        '        self.label = "positive"\n'
        "    def test_model(self):\n"
        "        model = AutoModelForSequenceClassification.from_pretrained(self.default_ckpt)\n"
        "        tokenizer = AutoTokenizer.from_pretrained(self.label)\n"
    )
    assert python(source) == {(M, "org/tiny-random-bert", 3)}


def test_an_attribute_assigned_twice_is_not_followed() -> None:
    source = (
        "class Runner:\n"
        "    def setUp(self):\n"
        '        self.ckpt = "org/a"\n'
        "    def swap(self):\n"
        '        self.ckpt = "org/b"\n'
        "    def run(self):\n"
        "        return AutoModel.from_pretrained(self.ckpt)\n"
    )
    assert python(source) == set()


def test_a_price_table_for_output_tokens_is_a_table_of_models() -> None:
    source = (
        'MODEL_COST_PER_INPUT = {"gpt-3.5-turbo-16k": 0.000002, "gpt-4": 0.00003}\n'
        'MODEL_COST_PER_OUTPUT = {"gpt-3.5-turbo-16k": 0.000002, "gpt-4-32k": 0.00012}\n'
        'OUTPUT_MODELS = ["gpt-4o-mini", "gpt-4o"]\n'
    )
    assert python(source) == {
        (A, "gpt-3.5-turbo-16k", 1),
        (A, "gpt-4", 1),
        (A, "gpt-3.5-turbo-16k", 2),
        (A, "gpt-4-32k", 2),
    }


def test_a_none_default_several_branches_choose_among_is_no_default() -> None:
    source = (
        "def stats(place=None):\n"
        "    if place is None:\n"
        "        if on_kaggle():\n"
        '            place = "kaggle"\n'
        "        else:\n"
        '            place = "colab"\n'
        '    snapshot_download(f"org/{place}")\n'
        "    return AutoModel.from_pretrained(place)\n"
    )
    named = {text for _, text, _ in python(source)}  # the f-string itself is kept as what a run builds
    assert not named & {"org/kaggle", "org/colab", "kaggle", "colab"}
