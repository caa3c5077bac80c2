"""LibriSpeech's canonical name, `librispeech_asr` (the Hub's `openslr/librispeech_asr`), is known: written alone,
in a `+`-joined list of datasets or as a sweep's value, it names the dataset."""

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.shell import ShellSource
from modelpolicy.knowledge import load
from modelpolicy.model import Kind


def test_the_knowledge_base_knows_librispeech_by_its_canonical_name() -> None:
    known = load().artefact(Kind.DATASET, "librispeech_asr")
    assert known is not None and known.id == "openslr/librispeech_asr" and known.license == "cc-by-4.0"


def test_a_script_s_joined_list_of_datasets_names_librispeech() -> None:
    text = 'python run_eval.py --dataset_name "librispeech_asr+acme/speech" --dataset_config_name "all+en"\n'
    found = ShellSource().find(text, FileContext("eval.sh", lambda _: False))
    assert sorted(r.text for r in found) == ["acme/speech", "librispeech_asr"]


def test_a_sweep_value_names_librispeech() -> None:
    text = "parameters:\n  train_dataset_name:\n    value: librispeech_asr\n"
    found = ConfigSource().find(text, FileContext("sweep.yaml", lambda _: False))
    assert [r.text for r in found] == ["librispeech_asr"]


def test_a_sweep_s_values_are_the_models_it_runs() -> None:
    """A W&B sweep's parameter named for a model, `values: [...]`: each is a model the sweep trains."""
    text = "parameters:\n  model_name_or_path:\n    values:\n      - acme/a\n      - acme/b\n"
    text += "  seed:\n    values: [1, 2]\n"
    found = ConfigSource().find(text, FileContext("sweep.yaml", lambda _: False))
    assert [(r.line, r.text) for r in found] == [(4, "acme/a"), (5, "acme/b")]


def test_a_decorated_class_field_s_default_is_its_value() -> None:
    """`@Prop({default: ID}) model!: string`: a field named for a model whose decorator gives its default (class
    validators', ORMs' and API schemas' decorators) holds that model; a default of another field names nothing."""
    from modelpolicy.discover.javascript import JavaScriptSource

    text = (
        "export class ChatOptions {\n"
        "  @Prop({\n"
        "    default: 'gpt-4o-mini',\n"
        "  })\n"
        "  model!: string;\n"
        "\n"
        "  @Prop({ default: 'en' })\n"
        "  language!: string;\n"
        "}\n"
    )
    found = JavaScriptSource().find(text, FileContext("options.ts", lambda _: False))
    assert [(r.line, r.text) for r in found] == [(3, "gpt-4o-mini")]
