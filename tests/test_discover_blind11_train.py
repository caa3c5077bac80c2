"""Forms found on training and evaluation repositories the benchmark does not label (issue 16, eleventh blind wave:
huggingface/smollm, huggingface/nanotron, huggingface/optimum): a loader's subclass that hands the parameter defaults
of its `__init__` to `super().__init__` (lighteval's custom tasks), the `dataset_args` optimum's task processors give
`load_dataset`, and options typed as filesystem paths whose owner-less default is a local folder. Look-alikes: a
subclass of a class that loads nothing, a class of several bases, a dict of `load_dataset`'s other arguments, a config
name, an `owner/name` default of a path-typed option, which still reads the Hub, the raw-string keys of a table of
patterns (`{r"gpt2": [...]}`), and a path left for the reader to fill in (`from_pretrained("path_to_llama_7b")`).
Also lighteval's model arguments, `"model_name=ID,dtype=bfloat16,generation_parameters={...}"`, as a positional
argument of its command line or a Python string; look-alikes are other settings written `key=value`."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import is_placeholder
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
NOT_LOCAL = FileContext("tasks.py", lambda _: False)


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


# --- a loader's subclass -----------------------------------------------------------------------------------------

LIGHTEVAL_SUBCLASS = """\
from lighteval.tasks.lighteval_task import LightevalTaskConfig


class CustomMMLUEvaluationTask(LightevalTaskConfig):
    def __init__(
        self,
        name,
        prompt_function=None,
        hf_repo="lighteval/mmlu",
        hf_subset=None,
        metric=None,
    ):
        super().__init__(
            name=name,
            prompt_function=prompt_function,
            hf_repo=hf_repo,
            hf_subset=hf_subset,
            metric=metric,
        )


MMLU_TASKS = [CustomMMLUEvaluationTask(name=f"mmlu:{subset}", hf_subset=subset) for subset in ["a", "b"]]
"""


def test_a_loader_subclass_hands_its_init_default_to_the_base() -> None:
    assert find_python(LIGHTEVAL_SUBCLASS) == {(D, "lighteval/mmlu", 9)}


def test_a_loader_subclass_written_with_the_old_super_call() -> None:
    source = LIGHTEVAL_SUBCLASS.replace("super().__init__(", "super(CustomMMLUEvaluationTask, self).__init__(")
    assert find_python(source) == {(D, "lighteval/mmlu", 9)}


def test_a_subclass_of_a_class_that_loads_nothing_reads_nothing() -> None:
    source = LIGHTEVAL_SUBCLASS.replace("(LightevalTaskConfig)", "(TaskConfig)")
    assert find_python(source) == set()


def test_a_subclass_of_several_bases_is_not_taken_for_a_loader() -> None:
    source = LIGHTEVAL_SUBCLASS.replace("(LightevalTaskConfig)", "(LightevalTaskConfig, Mixin)")
    assert find_python(source) == set()


def test_a_loader_subclass_with_an_owner_less_word_default_reads_nothing() -> None:
    assert find_python(LIGHTEVAL_SUBCLASS.replace('"lighteval/mmlu"', '"auto"')) == set()


def test_a_loader_subclass_reads_what_its_init_passes_on_not_its_other_methods() -> None:
    source = LIGHTEVAL_SUBCLASS + (
        "\n\nclass Other(LightevalTaskConfig):\n"
        '    def describe(self, hf_repo="org/described"):\n'
        "        return hf_repo\n"
    )
    assert find_python(source) == {(D, "lighteval/mmlu", 9)}


# --- `dataset_args` ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["dataset_args", "DEFAULT_DATASET_ARGS", "eval_dataset_args"])
def test_the_arguments_of_load_dataset_name_a_dataset(name: str) -> None:
    assert named_kind(name) is D


@pytest.mark.parametrize("name", ["model_args", "dataset_kwargs", "args", "data_args"])
def test_other_argument_names_name_nothing(name: str) -> None:
    assert named_kind(name) is None


TASK_PROCESSORS = """\
class ImageClassificationProcessing:
    DEFAULT_DATASET_ARGS = "uoft-cs/cifar10"


class TextClassificationProcessing:
    DEFAULT_DATASET_ARGS = {"path": "glue", "name": "sst2"}


TASK_TO_NON_DEFAULT_DATASET = {
    "text-classification": {
        "dataset_args": {"path": "glue", "name": "mnli"},
        "dataset_data_keys": {"primary": "premise", "secondary": "hypothesis"},
    },
    "image-classification": {
        "dataset_args": "sasha/dog-food",
    },
}
"""


def test_dataset_args_as_a_string_or_a_dict_with_its_path() -> None:
    assert find_python(TASK_PROCESSORS) == {
        (D, "uoft-cs/cifar10", 2),
        (D, "glue", 6),
        (D, "glue", 11),
        (D, "sasha/dog-food", 15),
    }


def test_dataset_args_of_other_arguments_or_a_config_name_name_nothing() -> None:
    source = """\
def build(extension, data_files):
    dataset_args = {}
    dataset_args["keep_linebreaks"] = True
    return load_dataset(extension, data_files=data_files, **dataset_args)


TASKS = {"lm": {"dataset_args": {"name": "wikitext-2-raw-v1", "split": "train"}}}
"""
    assert find_python(source) == set()


# --- options typed as filesystem paths ---------------------------------------------------------------------------

CONVERTER = """\
import argparse
import pathlib
from pathlib import Path

from transformers import LlamaForCausalLM


def convert(checkpoint_path):
    return LlamaForCausalLM.from_pretrained(checkpoint_path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint_path", type=Path, default=DEFAULT)
    args = parser.parse_args()
    convert(args.checkpoint_path)
"""


@pytest.mark.parametrize("default", ['"llama-7b"', '"llama-7b-hf"', '"gpt2"'])
def test_an_owner_less_default_of_a_path_option_is_a_local_folder(default: str) -> None:
    assert find_python(CONVERTER.replace("DEFAULT", default)) == set()
    assert find_python(CONVERTER.replace("type=Path", "type=pathlib.Path").replace("DEFAULT", default)) == set()


def test_an_owner_name_default_of_a_path_option_still_reads_the_hub() -> None:
    found = find_python(CONVERTER.replace("DEFAULT", '"meta-llama/Llama-2-7b-hf"'))
    assert found == {(M, "meta-llama/Llama-2-7b-hf", 14)}


def test_an_owner_less_default_of_a_string_option_is_still_read() -> None:
    found = find_python(CONVERTER.replace("type=Path", "type=str").replace("DEFAULT", '"gpt2"'))
    assert found == {(M, "gpt2", 14)}


# --- a table of patterns -----------------------------------------------------------------------------------------

PATTERN_TABLE = """\
import re

model_name2classes = {
    r"gpt2": [VGPT2Config, VGPT2LMHeadModel],
    R"t5-base": [T5Config, T5Model],
    r"llama": [VLlama3Config, VLlama3ForCausalLM],
}


def model_name_to_classes(model_name_or_path):
    for rx, classes in model_name2classes.items():
        if re.search(rx, model_name_or_path.lower()):
            return classes
"""


def test_the_raw_string_keys_of_a_model_table_are_patterns_not_names() -> None:
    assert find_python(PATTERN_TABLE) == set()


def test_the_plain_string_keys_of_a_model_table_are_still_names() -> None:
    found = find_python(PATTERN_TABLE.replace('r"gpt2"', '"gpt2"').replace('R"t5-base"', '"t5-base"'))
    assert found == {(M, "gpt2", 4), (M, "t5-base", 5)}


def test_a_raw_string_elsewhere_in_the_key_s_line_does_not_count() -> None:
    source = 'MODEL_NAME_TO_PATTERN = {"gpt2": r"gpt2.*", "openai-community/gpt2-xl": r"xl"}\n'
    assert find_python(source) == {(M, "gpt2", 1), (M, "openai-community/gpt2-xl", 1)}


# --- a path to fill in -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["path_to_llama_7b", "path-to-model", "Path_To_Checkpoint", "path_to/model"])
def test_a_path_to_fill_in_is_a_placeholder(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["pathology/bert", "org/path_to_x", "path", "topath/to-model", "gpt2"])
def test_names_that_only_hold_the_words_are_no_placeholders(text: str) -> None:
    assert not is_placeholder(text)


def test_a_loader_given_a_path_to_fill_in_reads_nothing() -> None:
    source = (
        'from transformers import LlamaTokenizer\n\ntokenizer = LlamaTokenizer.from_pretrained("path_to_llama_7b")\n'
    )
    assert find_python(source) == set()
    assert find_python(source.replace("path_to_llama_7b", "huggyllama/llama-7b")) == {(M, "huggyllama/llama-7b", 3)}


# --- lighteval's model arguments ---------------------------------------------------------------------------------


def find_shell(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext("eval.sh", lambda _: False))}


LIGHTEVAL_SCRIPT = """\
#!/bin/bash
lighteval vllm "model_name=HuggingFaceTB/SmolLM3-3B,dtype=bfloat16" "custom|gsm_plus|0|0" --custom-tasks tasks.py
lighteval accelerate "model_name=openai-community/gpt2" "leaderboard|truthfulqa:mc|0|0"
lighteval vllm "model_name=Qwen/Qwen3-0.6B,generation_parameters={max_new_tokens:32768,temperature:0.6}" "x|y|0|0"
lighteval endpoint litellm "model_name=gpt-4o-mini" "lighteval|gsm8k|0|0"
"""


def test_lighteval_model_arguments_given_as_an_argument_of_their_own() -> None:
    assert find_shell(LIGHTEVAL_SCRIPT) == {
        (M, "HuggingFaceTB/SmolLM3-3B", 2),
        (M, "openai-community/gpt2", 3),
        (M, "Qwen/Qwen3-0.6B", 4),
        (A, "gpt-4o-mini", 5),
    }


@pytest.mark.parametrize(
    "line",
    [
        "python main.py model_name=baseline epochs=3",  # a run's own name for its setting
        'echo "pretrained=true"',
        "python train.py pretrained=True,dtype=float",
        "grep model_name=llama results.txt",
        'MODEL_ARGS="model_name=$MODEL,dtype=bfloat16"',  # a variable's value: read where it is set
        "python eval.py dtype=bfloat16,model_name=org/x",  # a list whose first key is no model's is some other setting
    ],
)
def test_other_key_value_words_name_nothing(line: str) -> None:
    assert find_shell(line + "\n") == set()


def test_lighteval_model_arguments_in_a_python_string() -> None:
    source = """\
MODEL_ARGS = "model_name=Qwen/Qwen2.5-0.5B,dtype=bfloat16,generation_parameters={max_new_tokens:2048,top_p:0.95}"
OLD_ARGS = "pretrained=EleutherAI/pythia-70m,dtype=float"
LOG_LINE = "model_name=%s"
PROSE = "set model_name=org/x in the config, then run"
"""
    assert find_python(source) == {(M, "Qwen/Qwen2.5-0.5B", 1), (M, "EleutherAI/pythia-70m", 2)}
