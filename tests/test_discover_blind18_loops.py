"""Shell `for` loops: the words a loop gives its variable, or the items of an array it expands, are what a flag given
that variable reads (a sweep over models, `names=(...)` then `for name in "${names[@]}"`); words that are no ids, and
words the shell computes, name nothing."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def found(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext("sweep.sh", lambda _: False))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'for m in acme/small acme/large; do\n  python train.py --model_name_or_path "$m"\ndone\n',
            [(M, "acme/small", 1), (M, "acme/large", 1)],
        ),
        (
            'sizes=("acme/tiny" "acme/base")\nfor size in "${sizes[@]}"; do\n'
            "  python eval.py --model_name_or_path ${size} --batch_size 8\ndone\n",
            [(M, "acme/tiny", 1), (M, "acme/base", 1)],
        ),
        (
            "for data in acme/corpus-a acme/corpus-b\ndo\n  python prep.py --dataset_name $data\ndone\n",
            [(D, "acme/corpus-a", 1), (D, "acme/corpus-b", 1)],
        ),
        ("for MODEL_ID in acme/one acme/two; do echo $MODEL_ID; done\n", [(M, "acme/one", 1), (M, "acme/two", 1)]),
    ],
    ids=[
        "loop words into a flag",
        "an array expanded into a flag",
        "into a dataset flag",
        "a variable named for a model",
    ],
)
def test_a_loop_gives_its_words_to_the_flags_that_read_its_variable(
    text: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("for f in *.json; do python check.py --model_name_or_path $f; done\n", []),
        ("for seed in 1 2 3; do python train.py --seed $seed --model_name_or_path acme/x; done\n", ["acme/x"]),
        ("for m in $(ls checkpoints); do python eval.py --model_name_or_path $m; done\n", []),
        ("for ckpt in ./out/a ./out/b; do python eval.py --model_name_or_path $ckpt; done\n", []),
        ("for name in acme/x acme/y; do echo $name; done\n", []),
    ],
    ids=["a glob", "numbers beside a literal id", "a command's output", "local folders", "a variable only printed"],
)
def test_a_loop_s_words_name_nothing_where_no_flag_reads_them_as_ids(text: str, expected: list[str]) -> None:
    assert [name for _, name, _ in found(text)] == expected


def test_an_indexed_array_item_given_through_a_variable_names_the_array_s_items() -> None:
    """`for (( i=0; ... )); do name=${names[$i]}; ... --model_name_or_path ${name}`: the variable stands for each item
    of the array it is read from."""
    text = (
        'names=("acme/big" "acme/small")\n'
        "for (( i=0; i<${#names[*]}; ++i)); do\n"
        "  name=${names[$i]}\n"
        "  python bench.py --model_name_or_path ${name}\n"
        "done\n"
    )
    assert found(text) == [(M, "acme/big", 1), (M, "acme/small", 1)]


def test_variables_that_refer_to_each_other_are_followed_once_each() -> None:
    """A thousand assignments of a variable to itself and to another, then a flag given one: each variable is expanded
    once, and the literal they lead to is found."""
    text = "a=acme/x\n" + "b=$a\na=$b\n" * 1000 + "python run.py --model_name_or_path $b\n"
    assert found(text) == [(M, "acme/x", 1)]
