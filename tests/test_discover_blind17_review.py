"""What the fifteenth wave's merged rules read, checked again after the held-out run: a parameter that a loader reads
and a keyword also names keeps the loader's reading; the open CogVideoX weights and diffusers' scheduler classes are
not Zhipu's API names."""

from __future__ import annotations

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource


def found(text: str) -> list[tuple[int, str, str]]:
    return [(r.line, r.text, r.form) for r in PythonSource().find(text, FileContext("build.py", lambda _: False))]


def test_a_parameter_a_loader_reads_keeps_the_loader_s_reading_beside_a_keyword() -> None:
    """`Settings(dataset=name)` and `load_dataset(name)` in one function: what callers pass is read as the loader reads
    it (an owner-less name a dataset loader takes), not only as a keyword's named default."""
    text = (
        "def build(name):\n"
        "    settings = Settings(dataset=name)\n"
        "    return load_dataset(name)\n"
        "\n"
        'build("squad_like")\n'
        'build("org/data")\n'
    )
    assert found(text) == [(5, "squad_like", "load_dataset"), (6, "org/data", "load_dataset")]


def test_the_open_cogvideox_weights_and_scheduler_classes_are_no_zhipu_api_names() -> None:
    assert [apis.named(name) for name in ("CogVideoX-2b", "cogvideox-5b-i2v", "CogVideoXDDIMScheduler")] == [None] * 3
    assert [apis.named(name) for name in ("cogvideox", "cogvideox-flash", "CogVideoX-3")] == [
        "cogvideox",
        "cogvideox-flash",
        "CogVideoX-3",
    ]


def test_an_orm_s_or_a_network_library_s_models_hold_no_model_class() -> None:
    """Django's `models.CharField("...")` takes a field's label, keras' `Sequential(...)` a network's name: a class
    reached through a `models` module of such a package (or imported from one) names no model, where guidance's
    `models.OpenAI(ID)` still does."""
    text = (
        "from django.db import models\n"
        "from django.db.models import CharField\n"
        "from keras.models import Sequential\n"
        "import guidance\n"
        "\n"
        "class Row(models.Model):\n"
        '    label = models.TextField("bert-base-uncased")\n'
        '    short = CharField("gpt2", max_length=9)\n'
        "\n"
        'net = Sequential("bert-base-uncased")\n'
        'lm = guidance.models.OpenAI("gpt-4o")\n'
    )
    assert [(line, name) for line, name, _ in found(text)] == [(11, "gpt-4o")]
