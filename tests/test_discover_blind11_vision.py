"""Forms found on vision repositories the benchmark does not label (issue 16, eleventh blind wave: kohya-ss/sd-scripts,
OpenGVLab/InternVL): an evaluation set's class whose `__init__` hands a parameter to a loader, built by its name with
the id (`MathVistaDataset(root=ds_collections[name]["root"])`), and the parts a vision-language model is assembled
from (`--vision_path ID --llm_path ID`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import identify, looks_like_path
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find(source: str, path: str = "eval/evaluate.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def find_shell(source: str, path: str = "shell/train.sh") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in ShellSource().find(source, context)}


# --- a class built by its name gives its `__init__` what the call passes ---------------------------------------

EVAL_SET = """\
from datasets import load_dataset
import torch

ds_collections = {
    "MathVista_testmini": {"root": "AI4Math/MathVista", "split": "testmini"},
    "MathVista_test": {"root": "AI4Math/MathVista", "split": "test"},
}


class MathVistaDataset(torch.utils.data.Dataset):

    def __init__(self, root, split, input_size=224):
        dataset = load_dataset(root, cache_dir="data/MathVista/")
        self.data = dataset[split]


def evaluate():
    for ds_name in args.datasets:
        dataset = MathVistaDataset(
            root=ds_collections[ds_name]["root"],
            split=ds_collections[ds_name]["split"],
        )
"""


def test_a_record_field_handed_to_a_class_whose_init_loads_it_is_read() -> None:
    assert find(EVAL_SET) == {(D, "AI4Math/MathVista", 5), (D, "AI4Math/MathVista", 6)}


def test_a_class_built_with_the_id_by_position_or_keyword_gives_it_its_init() -> None:
    source = """\
from transformers import AutoModel


class Backbone:
    def __init__(self, path, device="cpu"):
        self.model = AutoModel.from_pretrained(path)


first = Backbone("org/by-position")
second = Backbone(path="org/by-keyword", device="cuda")
"""
    assert find(source) == {(M, "org/by-position", 9), (M, "org/by-keyword", 10)}


COPIED = """\
from datasets import load_dataset


class EvalSet:
    def __init__(self, root, split="test"):
        self.root = root
        self.split = split

    def load(self):
        return load_dataset(self.root, split=self.split)


EvalSet("org/by-position").load()
EvalSet(root="org/by-keyword")
"""


def test_an_attribute_init_copies_a_parameter_to_then_loaded_reads_what_the_class_is_built_with() -> None:
    assert find(COPIED) == {(D, "org/by-position", 13), (D, "org/by-keyword", 14)}


@pytest.mark.parametrize(
    "source",
    [
        # the attribute holds something made of the parameter, not the parameter
        """\
from transformers import AutoModel
class Scorer:
    def __init__(self, name):
        self.name = name.lower()
    def load(self):
        return AutoModel.from_pretrained(self.name)
Scorer("org/x")
""",
        # the attribute is set twice: which one the loader reads is not one value
        """\
from transformers import AutoModel
class Judge:
    def __init__(self, checkpoint):
        self.checkpoint = checkpoint
        self.checkpoint = "local"
    def load(self):
        return AutoModel.from_pretrained(self.checkpoint)
Judge("org/x")
""",
        # copied by another method than `__init__`: what the class is built with is not what it loads
        """\
from transformers import AutoModel
class Judge:
    def __init__(self, checkpoint):
        self.label = checkpoint
    def reset(self, path):
        self.path = path
    def load(self):
        return AutoModel.from_pretrained(self.path)
Judge("org/x")
""",
    ],
)
def test_an_attribute_that_is_no_plain_copy_of_what_init_is_given_reads_nothing_of_the_call(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    "source",
    [
        # `__init__` gives the loader nothing of the caller's: it binds the parameter again first
        """\
from datasets import load_dataset
class EvalSet:
    def __init__(self, root):
        root = "local/" + root
        self.data = load_dataset(root)
EvalSet(root="org/x")
""",
        # the parameter handed to the loader is another one than the id given
        """\
from datasets import load_dataset
class EvalSet:
    def __init__(self, root, split):
        self.data = load_dataset("json", data_files=split)
EvalSet(root="org/x", split="test")
""",
        # a local folder is no id
        """\
from datasets import load_dataset
class EvalSet:
    def __init__(self, root):
        self.data = load_dataset(root)
EvalSet(root="./data/mmvp")
""",
        # another class of the same module, which loads nothing, built with an id-shaped string
        """\
from datasets import load_dataset
class EvalSet:
    def __init__(self, root):
        self.data = load_dataset(root)
class Report:
    def __init__(self, root):
        self.root = root
Report(root="results/table")
""",
    ],
)
def test_a_class_whose_init_loads_nothing_of_what_it_is_given_names_nothing(source: str) -> None:
    assert find(source) == set()


# --- the parts a vision-language model is assembled from -------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["llm_path", "LLM_PATH", "--llm_path", "vision_path", "--vision-path", "visionPath", "vit_path"]
)
def test_a_name_for_a_language_or_vision_part_names_a_model(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize(
    "name", ["vision", "vit", "torchvision_path", "output_llm_path", "save_vision_path", "vision_paths_list"]
)
def test_names_near_a_part_of_a_vision_language_model_name_none(name: str) -> None:
    assert named_kind(name) is None


ASSEMBLE = """\
torchrun --nproc_per_node=8 internvl/train/internvl_chat_finetune.py \\
  --vision_path "OpenGVLab/InternViT-300M-448px-V2_5" \\
  --llm_path "openai/gpt-oss-20b" \\
  --conv_style "internvl2_5" \\
  --output_dir work_dirs/internvl
"""


def test_the_vision_and_language_parts_of_a_training_command_are_read() -> None:
    assert find_shell(ASSEMBLE) == {(M, "OpenGVLab/InternViT-300M-448px-V2_5", 2), (M, "openai/gpt-oss-20b", 3)}


def test_local_folders_of_the_parts_are_no_ids() -> None:
    local = """\
python -u internvl/train/internvl_chat_pretrain.py \\
  --vision_path "./pretrained/InternViT-6B-448px-V1-5" \\
  --llm_path "/share/models/Qwen2.5-0.5B-Instruct"
"""
    assert find_shell(local) == set()


def test_a_python_option_for_a_part_reads_its_default() -> None:
    source = """\
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--llm_path", default="Qwen/Qwen2-0.5B-Instruct")
parser.add_argument("--vision_path", default="./pretrained/vit")
"""
    assert find(source) == {(M, "Qwen/Qwen2-0.5B-Instruct", 3)}


# --- another catalogue's dataset names, spelled as the Hub's ---------------------------------------------------


@pytest.mark.parametrize(
    "text", ["vtab/caltech101", "vtab/dsprites_label_x_position", "tfds/imagenet2012", "VTAB/pets"]
)
def test_a_tensorflow_datasets_name_is_no_hub_repository(text: str) -> None:
    assert looks_like_path(text)
    assert identify(text, D, lambda path: False, single_names=False) is None


@pytest.mark.parametrize("text", ["google/vtab", "tfds-mirror/imagenet", "vtab-hub/caltech101"])
def test_an_owner_or_name_that_only_holds_the_catalogues_word_is_still_an_id(text: str) -> None:
    assert not looks_like_path(text)


def test_a_benchmark_list_of_vtab_datasets_names_none() -> None:
    source = """\
datasets = [
    'vtab/caltech101',
    'vtab/cifar10',
    'mteb/banking77',
]
"""
    assert find(source) == {(D, "mteb/banking77", 4)}


def test_a_clip_benchmark_command_of_a_vtab_dataset_names_none() -> None:
    command = """\
python3 clip_benchmark/cli.py eval --model_type internvl --task "zeroshot_classification" \\
    --dataset "vtab/flowers" --dataset_root ./data/ --model internvl_c_classification \\
    --output result.json
"""
    assert find_shell(command) == set()
