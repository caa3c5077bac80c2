"""Forms found on repositories the benchmark does not label (issue 16, thirteenth blind wave:
bigcode-project/bigcode-evaluation-harness, microsoft/LLMLingua): an evaluation task's `DATASET_PATH` class attribute
written without an owner."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
PY = FileContext("harness/tasks/quiz.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


# --- an evaluation task's `DATASET_PATH` ----------------------------------------------------------------------------


def test_a_task_setting_its_configuration_names_an_owner_less_dataset() -> None:
    source = 'class Quiz(Task):\n    DATASET_PATH = "trivia_qa_lite"\n    DATASET_NAME = None\n'
    assert python(source) == {(D, "trivia_qa_lite", 2)}


def test_a_task_reading_the_dataset_its_base_loaded_names_its_dataset() -> None:
    source = (
        "class Quiz(Task):\n"
        '    DATASET_PATH = "quiz_bowl"\n'
        "    def get_dataset(self):\n"
        '        return self.dataset["test"]\n'
    )
    assert python(source) == {(D, "quiz_bowl", 2)}


def test_an_owned_dataset_path_is_read_in_any_class() -> None:
    assert python('class Paths:\n    DATASET_PATH = "acme/quiz"\n') == {(D, "acme/quiz", 2)}


def test_an_owner_less_dataset_path_outside_a_task_is_not_a_dataset() -> None:
    assert python('class Paths:\n    DATASET_PATH = "quiz_bowl"\n') == set()
    assert python('DATASET_PATH = "quiz_bowl"\nDATASET_NAME = None\n') == set()


def test_a_task_loading_a_packaged_builder_or_a_path_names_no_dataset() -> None:
    builder = 'class Quiz(Task):\n    DATASET_PATH = "json"\n    DATASET_NAME = None\n'
    path = 'class Quiz(Task):\n    DATASET_PATH = "./data/quiz"\n    DATASET_NAME = None\n'
    assert python(builder) == set()
    assert python(path) == set()


# --- a call given `device_map=` loads the model its first argument names -------------------------------------------


def test_the_first_argument_of_a_call_placing_weights_is_a_model() -> None:
    source = 'from squeeze import Compressor\nc = Compressor("acme/tiny-lm", device_map="cpu")\n'
    assert python(source) == {(M, "acme/tiny-lm", 2)}


def test_a_constant_given_to_a_call_placing_weights_is_a_model() -> None:
    source = 'BASE = "acme/tiny-lm"\nc = Compressor(BASE, device_map="auto")\n'
    assert python(source) == {(M, "acme/tiny-lm", 1)}


def test_a_call_placing_weights_of_an_unknown_owner_less_name_or_an_object_names_nothing() -> None:
    assert python('c = Compressor("tiny_lm", device_map="cpu")\n') == set()
    assert python('m = build()\nd = dispatch_model(m, device_map="auto")\n') == set()
    assert python('c = Compressor("acme/tiny-lm")\n') == set()


# --- a positional model given to a class of a provider's module ----------------------------------------------------


def test_a_model_given_to_a_class_of_a_providers_module_is_its_api_model() -> None:
    source = 'import openai\nr = openai.ChatCompletion.create(\n    "gpt-4-32k",\n    **request,\n)\n'
    assert python(source) == {(A, "gpt-4-32k", 3)}


def test_other_strings_given_to_a_class_of_a_providers_module_name_nothing() -> None:
    assert python('import openai\nf = openai.File.create("train.jsonl")\n') == set()
    assert python('r = client.chat.completions.create("gpt-4o")\n') == set()


# --- an owner/name under a name for a hosted API's model ----------------------------------------------------------


def test_an_owned_hub_id_given_as_a_model_type_is_a_hub_model() -> None:
    source = 'c = Pruner(model_type="acme/base-7b", lang="en")\n'
    assert python(source) == {(M, "acme/base-7b", 1)}


def test_a_model_type_holds_an_api_model_or_a_hub_id_never_an_architecture() -> None:
    assert python('c = Pruner(model_type="gpt-4o")\n') == {(A, "gpt-4o", 1)}
    assert python('c = Pruner(model_type="llama")\n') == set()
    assert python('c = Pruner(engine="openai/gpt-4o")\n') == {(A, "openai/gpt-4o", 1)}
