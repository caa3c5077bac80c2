"""Forms found on embedding and retrieval repositories the benchmark does not label (issue 16, fifth blind wave:
FlagEmbedding, mteb, outlines): a script's options kept in a variable for a later command, bash arrays of ids, and
the names of an embedder's and a reranker's weights."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def found(text: str, path: str = "scripts/run.sh") -> list[tuple[Kind, str, int]]:
    context = FileContext(path, lambda value: value.startswith(("./", "../", "/")))
    return sorted((r.kind, r.text, r.line) for r in ShellSource().find(text, context))


# --- the names of an embedder's and a reranker's weights -------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["embedder_name_or_path", "reranker_name_or_path", "encoder_name_or_path", "embedder", "EMBEDDER", "--embedder"],
)
def test_an_embedder_or_reranker_name_is_a_model_name(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize(
    "name",
    ["embedder_model_class", "embedder_batch_size", "reranker_max_length", "embedder_output_dir", "save_embedder"],
)
def test_an_embedder_setting_is_no_model_name(name: str) -> None:
    assert named_kind(name) is None


def test_embedder_and_reranker_flags_are_read() -> None:
    text = "python -m x.eval --embedder_name_or_path org/embed-m3 --reranker_name_or_path org/rerank-v2 --fp16\n"
    assert found(text) == [(M, "org/embed-m3", 1), (M, "org/rerank-v2", 1)]


# --- options kept in a variable -------------------------------------------------------------------------------------

OPTIONS = """\
model_args="\\
    --model_name_or_path org/base-encoder \\
    --cache_dir $HF_HUB_CACHE \\
    --reranker_name_or_path org/rerank-v2 \\
"
data_args='--dataset_name org/pairs --train_data ./data/train.jsonl'
export EXTRA="--tokenizer_name org/tok"
cmd="torchrun -m x.train $model_args $data_args"
eval $cmd
"""


def test_options_kept_in_a_variable_are_read_at_their_lines() -> None:
    assert found(OPTIONS) == [
        (D, "org/pairs", 6),
        (M, "org/base-encoder", 2),
        (M, "org/rerank-v2", 4),
        (M, "org/tok", 7),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no option in the value: a sentence, a path, a list of words
        'MESSAGE="the model org/x is loaded"\n',
        'train_data="../data/retrieval ../data/sts.jsonl"\n',
        'tasks="NFCorpus SciDocsRR"\n',
        # options that name no model, and a local folder given to one that does
        'training_args="--output_dir ./out/org-x --learning_rate 1e-5"\n',
        'model_args="--model_name_or_path ./checkpoints/run-1 --fp16"\n',
        # an option list pushed to the Hub: an output, not a model read
        'push_args="--hub_model_id org/my-finetune --push_to_hub"\n',
    ],
)
def test_a_variable_without_a_model_option_names_nothing(text: str) -> None:
    assert found(text) == []


# --- bash arrays ------------------------------------------------------------------------------------------------------


def test_the_items_of_an_array_named_for_models_are_read() -> None:
    text = 'models=("org/mini-l6" "org/e5-small")\nfor m in "${models[@]}"; do mteb run -m $m; done\n'
    assert found(text) == [(M, "org/e5-small", 1), (M, "org/mini-l6", 1)]


def test_an_array_over_several_lines_is_read_at_each_items_line() -> None:
    text = "declare -a DATASETS=(\n  org/pairs  # the main set\n  'org/triplets'\n)\n"
    assert found(text) == [(D, "org/pairs", 2), (D, "org/triplets", 3)]


@pytest.mark.parametrize(
    "text",
    [
        'splits=("examples" "gpt4_reason")\n',  # an array not named for a model
        'files=("org/a" "org/b")\n',
        'output_models=("org/a")\n',  # written, not read
        "models=($(ls checkpoints))\n",  # a command's output: nothing written here
        'models=("./checkpoints/a" "/abs/b")\n',  # local folders
    ],
)
def test_an_array_that_names_no_model_is_not_read(text: str) -> None:
    assert found(text) == []


# --- a table of models built from pairs ------------------------------------------------------------------------------


def python_found(source: str, path: str = "pkg/mapping.py") -> list[tuple[Kind, str, int]]:
    context = FileContext(path, lambda value: False)
    return sorted((r.kind, r.text, r.line) for r in PythonSource().find(source, context))


RERANKERS = """\
AUTO_RERANKER_MAPPING = OrderedDict([
    # BGE: the program's own short names, no ids
    (
        "bge-reranker-base",
        RerankerConfig(FlagReranker)
    ),
    ("jinaai/jina-reranker-v2-base-multilingual", RerankerConfig(FlagReranker)),
    ("maidalun1020/bce-reranker-base_v1", RerankerConfig(FlagReranker)),
])
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (RERANKERS, [(M, "jinaai/jina-reranker-v2-base-multilingual", 7), (M, "maidalun1020/bce-reranker-base_v1", 8)]),
        ('MODEL_TABLE = dict([("org/x", 1), ("org/y", 2)])', [(M, "org/x", 1), (M, "org/y", 1)]),
        ('EMBEDDERS = collections.OrderedDict((("org/embed", Cfg()),))', [(M, "org/embed", 1)]),
        ('DATASET_REGISTRY = OrderedDict([("org/pairs", load_pairs)])', [(D, "org/pairs", 1)]),
        ('RERANKER_MAP = {"org/rerank": Cfg()}', [(M, "org/rerank", 1)]),
    ],
)
def test_the_keys_of_a_table_of_models_built_from_pairs_are_read(
    source: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert python_found(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'SETTINGS = OrderedDict([("org/x", 1)])',  # not named for models
        "RERANKER_CLASS_MAPPING = OrderedDict([(RerankerModelClass.BASE, FlagReranker)])",  # keys are no strings
        'MODEL_MAPPING = OrderedDict([("org/x", 1, 2)])',  # no pairs
        'MODEL_MAPPING = OrderedDict(sorted([("org/x", 1)]))',  # built by a call: not read as written
        'OUTPUT_MODELS = OrderedDict([("org/x", 1)])',  # what a program writes
    ],
)
def test_a_table_from_pairs_that_names_no_model_is_not_read(source: str) -> None:
    assert python_found(source) == []


# --- a URL built on the Hub's endpoint -------------------------------------------------------------------------------

MIRACL = """\
import os


class Loader:
    def qrels(self, name, split):
        endpoint = f"{os.getenv('HF_ENDPOINT', 'https://huggingface.co')}/datasets/miracl/miracl"
        url = f"{endpoint}/resolve/main/miracl-v1.0-{name}/qrels/{split}.tsv"
        return download(url)
"""


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (MIRACL, [(D, "miracl/miracl", 6)]),
        (
            'HF_ENDPOINT = os.environ.get("HF_ENDPOINT", "https://hf-mirror.com")\n'
            'url = f"{HF_ENDPOINT}/org/x-model/resolve/main/{name}"\n',
            [(M, "org/x-model", 2)],
        ),
        ("fetch(f\"{os.environ['HF_ENDPOINT']}/datasets/org/pairs/resolve/main/a.zip\")", [(D, "org/pairs", 1)]),
        ('hub = "https://huggingface.co"\nurl = f"{hub}/org/x-model/blob/main/config.json"\n', [(M, "org/x-model", 2)]),
        ('get(url=f"{hub_endpoint}/api/datasets/org/pairs")', [(D, "org/pairs", 1)]),
    ],
)
def test_a_url_on_the_hubs_endpoint_names_its_repository(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert python_found(source, "pkg/loader.py") == expected


@pytest.mark.parametrize(
    "source",
    [
        'url = f"{HF_ENDPOINT}/datasets/org/{name}"',  # a placeholder completes the repository
        'url = f"{HF_ENDPOINT}/org/x-{size}/resolve/main/a"',
        'url = f"{HF_ENDPOINT}/{repo_id}/resolve/main/a"',
        'url = f"{HF_ENDPOINT}/datasets/squad"',  # a legacy one-word dataset: a placeholder may follow elsewhere
        'url = f"{HF_ENDPOINT}/spaces/org/demo"',  # a Space
        'url = f"{API_ENDPOINT}/org/x-model/resolve/main/a"',  # another service's endpoint
        'base = "https://api.example.com"\nurl = f"{base}/org/x-model/resolve/main/a"\n',
        'url = f"{OPENAI_ENDPOINT}/v1/chat/completions"',
    ],
)
def test_a_url_that_is_not_a_whole_repository_on_the_hub_names_nothing(source: str) -> None:
    assert python_found(source, "pkg/loader.py") == []


def test_an_array_of_options_is_read_as_a_command() -> None:
    text = 'ARGS=(\n  --model_name_or_path org/base\n  --dataset_name org/pairs\n  --bf16\n)\npython x.py "$@"\n'
    assert found(text) == [(D, "org/pairs", 3), (M, "org/base", 2)]


def test_an_array_of_options_naming_no_model_is_not_read() -> None:
    assert found("ARGS=(--output_dir org/out --learning_rate 1e-5 --run_name org/run)\n") == []
