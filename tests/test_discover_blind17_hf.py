"""Forms of the seventeenth wave's misses in two Hugging Face libraries' examples and scripts: a few-shot trainer's
`pretrained_weight` key (in JSON configs and as an attribute) and the legacy owner-less id it holds, a table of
`(repository, options, ...)` records that a loop unpacks (`for name, (repo, split) in TABLE.items()`) before a loader
or a local function reads the repository, and SetFit's `AbsaModel.from_pretrained(ASPECT_ID, POLARITY_ID)`."""

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

D, M = Kind.DATASET, Kind.MODEL
PY = FileContext("pkg/module.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def config(text: str, path: str = "config/task.json") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


def test_a_pretrained_weight_key_of_a_json_config_names_the_model_it_starts_from() -> None:
    text = '{\n  "pretrained_weight": "org/mlm-base",\n  "batch_size": 8\n}\n'
    assert config(text) == {(M, "org/mlm-base", 2)}


def test_a_pretrained_weight_attribute_names_a_model() -> None:
    source = 'class Settings:\n    def __init__(self):\n        self.pretrained_weight = "org/mlm-large"\n'
    assert python(source) == {(M, "org/mlm-large", 3)}


def test_a_pretrained_weight_that_is_a_local_file_names_nothing() -> None:
    assert config('{"pretrained_weight": "./checkpoints/best.pt"}\n') == set()


def test_the_repository_a_loop_unpacks_from_a_table_of_records_is_what_the_loader_reads() -> None:
    source = (
        "TABLE = {\n"
        '    "small": ("org/corpus-a", {"split": "train"}, 10),\n'
        '    "large": ("org/corpus-b", None, 20),\n'
        "}\n"
        "for label, (repo, options, size) in TABLE.items():\n"
        "    reader = DatasetReader(repo, dataset_options=options)\n"
        "    load_dataset(repo)\n"
    )
    assert python(source) == {(D, "org/corpus-a", 2), (D, "org/corpus-b", 3)}


def test_a_record_of_another_width_gives_the_unpacked_name_nothing() -> None:
    source = (
        'TABLE = {"a": ("org/corpus-a", "train"), "b": ("org/corpus-b", "train", "extra")}\n'
        "for label, (repo, split) in TABLE.items():\n"
        "    load_dataset(repo, split=split)\n"
    )
    assert python(source) == {(D, "org/corpus-a", 1)}


def test_an_enumerated_table_s_unpacked_repository_passed_to_a_local_function_is_read_there() -> None:
    source = (
        "TABLE = {\n"
        '    "web": ("org/web-text", None),\n'
        '    "code": ("org/code-text", "python"),\n'
        "}\n"
        "def rows(repo, subset):\n"
        "    return load_dataset_builder(repo, subset)\n"
        "def main():\n"
        "    for index, (label, (repo, subset)) in enumerate(TABLE.items(), 1):\n"
        "        rows(repo, subset)\n"
    )
    assert python(source) == {(D, "org/web-text", 2), (D, "org/code-text", 3)}


def test_a_loop_variable_passed_to_a_local_function_is_each_item_of_the_literal() -> None:
    source = (
        "def fetch(name):\n"
        "    return AutoTokenizer.from_pretrained(name)\n"
        "def main():\n"
        '    for name in ["org/tok-a", "org/tok-b"]:\n'
        "        fetch(name)\n"
    )
    assert python(source) == {(M, "org/tok-a", 4), (M, "org/tok-b", 4)}


def test_a_legacy_owner_less_albert_id_in_a_config_is_known() -> None:
    assert config('{"pretrained_weight": "albert-xxlarge-v2"}\n') == {(M, "albert-xxlarge-v2", 1)}


def test_an_aspect_model_pair_names_both_models() -> None:
    source = (
        "from setfit import AbsaModel\n"
        'model = AbsaModel.from_pretrained("org/absa-aspect", "org/absa-polarity", spacy_model="en_core_web_sm")\n'
        'other = AbsaModel.from_pretrained("org/absa-aspect-2", polarity_model_id="org/absa-polarity-2")\n'
    )
    assert python(source) == {
        (M, "org/absa-aspect", 2),
        (M, "org/absa-polarity", 2),
        (M, "org/absa-aspect-2", 3),
        (M, "org/absa-polarity-2", 3),
    }


def test_a_peft_model_s_first_argument_is_still_the_base_model_object() -> None:
    source = 'model = PeftModel.from_pretrained(base, "org/lora-adapter")\n'
    assert python(source) == {(M, "org/lora-adapter", 1)}


def test_an_enumerated_list_of_rows_unpacked_in_the_loop_gives_each_row_s_repository() -> None:
    source = (
        'ROWS = [("web", "org/web-text"), ("code", "org/code-text")]\n'
        "for index, (label, repo) in enumerate(ROWS):\n"
        "    load_dataset(repo)\n"
        'for label, (repo, split) in [("math", ("org/math-text", "train"))]:\n'
        "    load_dataset(repo, split=split)\n"
    )
    assert python(source) == {(D, "org/web-text", 1), (D, "org/code-text", 1), (D, "org/math-text", 4)}


def test_a_loop_at_the_top_of_a_script_passes_its_items_to_a_local_function() -> None:
    source = (
        'SOURCES = {"web": ("org/web-text", "train")}\n'
        "def fetch(repo, split):\n"
        "    return load_dataset(repo, split=split)\n"
        "for label, (repo, split) in SOURCES.items():\n"
        "    fetch(repo, split)\n"
        'if __name__ == "__main__":\n'
        '    for repo in ["org/extra-text"]:\n'
        '        fetch(repo, "test")\n'
    )
    assert python(source) == {(D, "org/web-text", 1), (D, "org/extra-text", 7)}


def test_a_loop_variable_given_to_a_local_function_that_only_prints_it_names_nothing() -> None:
    source = 'def show(repo):\n    print(repo)\nfor repo in ["org/web-text"]:\n    show(repo)\n'
    assert python(source) == set()
