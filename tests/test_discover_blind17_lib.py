"""Forms found on libraries the benchmark does not label (seventeenth blind wave: guidance-ai/guidance,
Sinaptik-AI/pandas-ai): a model class reached through a module of model classes and given its model first
(`models.Transformers("org/x")`, `lib.llms.local.Chat("org/x")`, or a class imported from such a module), and ids
a test makes up for an organisation's (`my-org/x`, `invalid_org/x`, `org/dataset-name`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import is_placeholder
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, A, D = Kind.MODEL, Kind.API, Kind.DATASET
PY = FileContext("examples/run.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


# --- a model class of a module of model classes, given its model first ---------------------------------------------


def test_a_class_reached_through_a_models_module_is_made_for_its_first_argument() -> None:
    source = (
        "from acme import models\n"
        "\n"
        'small = models.Local("distilbert/distilgpt2")\n'
        'hosted = models.Vertex("gemini-1.5-pro")\n'
        'known = models.Local("gpt2")\n'
    )
    assert python(source) == {(M, "distilbert/distilgpt2", 3), (A, "gemini-1.5-pro", 4), (M, "gpt2", 5)}


def test_a_class_reached_through_a_deeper_llms_module_counts_too() -> None:
    source = 'import acme\n\nchat = acme.llms.local.StarChat("bigcode/starcoder", device=0)\n'
    assert python(source) == {(M, "bigcode/starcoder", 3)}


def test_a_class_imported_from_a_models_module_is_followed_to_where_it_is_called() -> None:
    source = 'from acme.models import Local\n\n\ndef build():\n    return Local("Qwen/Qwen2.5-0.5B")\n'
    assert python(source) == {(M, "Qwen/Qwen2.5-0.5B", 5)}


def test_what_names_nothing_stays_nothing() -> None:
    # an ORM's field given its label, a related class, an app's record; a function of a models module given a folder
    source = (
        "from django.db import models\n"
        "from shop.models import Order\n"
        "\n"
        "class Person(models.Model):\n"
        '    name = models.CharField("First name", max_length=30)\n'
        '    owner = models.ForeignKey("Author", on_delete=models.CASCADE)\n'
        '    user = models.ForeignKey("auth.User", on_delete=models.CASCADE)\n'
        '    blank = models.Value("N/A")\n'
        "\n"
        'first = Order("pending")\n'
        'net = keras.models.load_model("saved_model/my_model")\n'
    )
    assert python(source) == set()


# --- owners that stand for an organisation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["org/dataset-name", "acme/model_id", "my-org/my-dataset", "invalid_org/dataset", "myorg/y", "your_organization/z"],
)
def test_an_owner_standing_for_an_organisation_is_a_placeholder(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text", ["openai-community/gpt2", "org/model", "allenai/model-names-7b", "hf-org/model", "fake-org/x"]
)
def test_a_real_owner_is_not(text: str) -> None:
    assert not is_placeholder(text)


def test_a_stand_in_organisations_dataset_path_is_not_reported() -> None:
    source = 'def test_load():\n    dataset_path = "my-org/my-dataset"\n    load(dataset_path)\n'
    assert python(source) == set()
