"""A Hub dataset's load arguments written as config (issue 16, found on AutoTrain's configs): a mapping with a `path`
and the splits to read (`data: {path: org/x, train_split: train, valid_split: null}`, `{path: org/x, split: test}`)
names the dataset at `path`, also a legacy one without an owner (`samsum`); a local folder or a builder is none."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def config(text: str, path: str = "configs/llm/sft.yml") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda value: value in {"data", "my_corpus"} or value.startswith(("./", "../")))
    return {(r.kind, r.text) for r in ConfigSource().find(text, context)}


AUTOTRAIN = """task: llm-sft
base_model: meta-llama/Llama-3.2-1B
project_name: autotrain-llama32-1b-finetune
data:
  path: {path}
  train_split: train
  valid_split: null
  chat_template: tokenizer
"""


@pytest.mark.parametrize(
    ("path", "found"),
    [
        ("HuggingFaceH4/no_robots", {(M, "meta-llama/Llama-3.2-1B"), (D, "HuggingFaceH4/no_robots")}),
        ("samsum", {(M, "meta-llama/Llama-3.2-1B"), (D, "samsum")}),  # a legacy id
        ("cats_vs_dogs", {(M, "meta-llama/Llama-3.2-1B"), (D, "cats_vs_dogs")}),
    ],
)
def test_a_mapping_s_path_beside_its_splits_names_a_dataset(path: str, found: set[tuple[Kind, str]]) -> None:
    assert config(AUTOTRAIN.format(path=path)) == found


@pytest.mark.parametrize(
    "text",
    [
        "eval:\n  path: lhoestq/squad\n  split: validation\n",
        '{"evaluation": {"dataset": {"path": "lhoestq/squad", "split": "validation"}}}',
        "dataset:\n  path: lhoestq/squad\n  test_split: test\n",
        "datasets:\n  - path: lhoestq/squad\n    splits: [train]\n",
        "data:\n  path: lhoestq/squad\n  train_split: plain_text:train\n  valid_split: plain_text:validation\n",
        "data:\n  path: lhoestq/squad\n  split: train[:10%]\n",
    ],
)
def test_the_same_under_any_key_and_in_json(text: str) -> None:
    path = "configs/eval.json" if text.startswith("{") else "configs/eval.yaml"
    assert config(text, path) == {(D, "lhoestq/squad")}


@pytest.mark.parametrize(
    "text",
    [
        AUTOTRAIN.format(path="data/"),  # a local folder
        AUTOTRAIN.format(path="data"),  # a folder of the repository
        AUTOTRAIN.format(path="./my_corpus"),
        AUTOTRAIN.format(path="/path/to/your/dataset"),
        AUTOTRAIN.format(path="path/to/your/dataset csv/jsonl files"),  # a placeholder sentence
        AUTOTRAIN.format(path="json"),  # a builder
        AUTOTRAIN.format(path="train.jsonl"),
        AUTOTRAIN.format(path="${DATA_PATH}"),
    ],
)
def test_paths_builders_and_placeholders_beside_splits_are_none(text: str) -> None:
    assert config(text) == {(M, "meta-llama/Llama-3.2-1B")}


@pytest.mark.parametrize(
    "text",
    [
        "model_dir:\n  path: checkpoints\n  split: 2\nmodel: x\n",  # `split: 2` names no split
        "storage:\n  path: org/name\nmodel: gpt2\n",  # a `path` without splits names nothing
        "volumes:\n  - path: data/train\n    split: train\n",  # a relative path under `data/`
    ],
)
def test_look_alikes_name_no_dataset(text: str) -> None:
    assert not {found for found in config(text) if found[0] is D}
