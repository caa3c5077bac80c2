"""Forms of training and evaluation repositories the benchmark does not label (issue 16, open-instruct and
llm-foundry): dataset mixtures given to a flag as several words or through a variable, the names of mixture, LoRA and
evaluation-data settings, a loader's `hf_name`, `hf://` data under a dataset's key, and the GPT-3 base models behind
OpenAI's route."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind, takes_many
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
Found = tuple[Kind, str, int]


def shell(text: str, path: str = "scripts/train.sh") -> set[Found]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext(path, lambda value: False))}


def config(text: str, path: str = "config.yaml") -> set[Found]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda value: False))}


# --- the names --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("mixer_list", D),  # open-instruct's DPO scripts: `--mixer_list org/x 125000 ...`
        ("dataset_mixer_list", D),
        ("dataset_mixer_eval_list", D),
        ("DATASET_MIXER_EVAL_LIST", D),
        ("lora_id_or_path", M),  # llm-foundry: `pretrained_lora_id_or_path: org/x-lora`
        ("pretrained_lora_id_or_path", M),
        ("dataset_uri", D),  # llm-foundry's evaluation tasks
        # look-alikes: a mixer of another kind, a LoRA's settings, what a program writes
        ("mixer", None),
        ("audio_mixer", None),
        ("mixer_list_splits", None),
        ("dataset_mixer_list_splits", None),
        ("lora_id_map", None),
        ("lora_rank", None),
        ("output_dataset_uri", None),
        ("dataset_uri_prefix", None),
    ],
)
def test_names_of_mixtures_adapters_and_data_uris(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


@pytest.mark.parametrize(
    ("name", "many"),
    [
        ("mixer_list", True),
        ("dataset_mixer_eval_list", True),
        ("models", True),
        ("dataset_names", True),
        ("model_name_or_path", False),
        ("dataset", True),  # ms-swift's `--dataset org/a#500 org/b#500` (a word after it that is no id names nothing)
        ("dataset_name", False),
        ("tokenizer_name", False),
        ("task_list", False),  # a list, but not of models or datasets
        ("output_models", False),
    ],
)
def test_flags_that_take_several_words(name: str, many: bool) -> None:
    assert takes_many(name) is many


# --- shell: several words after a flag, and a variable's value given to one -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "python dpo.py \\\n  --mixer_list acme/prefs-a 125000 \\\n    acme/prefs-b 938 \\\n  --seed 1\n",
            {(D, "acme/prefs-a", 2), (D, "acme/prefs-b", 3)},
        ),
        (
            "python grpo.py --dataset_mixer_eval_list acme/math 8 acme/code 4 --dataset_mixer_eval_list_splits train",
            {(D, "acme/math", 1), (D, "acme/code", 1)},
        ),
        ("python sft.py --datasets acme/a acme/b --output_dir out", {(D, "acme/a", 1), (D, "acme/b", 1)}),
        # a variable named for datasets, its value a mixture of ids and weights
        ('DATASETS="acme/math 1.0 acme/code 1.0"\n', {(D, "acme/math", 1), (D, "acme/code", 1)}),
        # a variable whose name says nothing, given to a dataset or model flag
        (
            'data_mix="acme/math 20000 acme/code 7000"\npython grpo.py --dataset_mixer_list ${data_mix}\n',
            {(D, "acme/math", 1), (D, "acme/code", 1)},
        ),
        (
            'export EVALS="acme/math 4 acme/if 4"\npython grpo.py --dataset_mixer_eval_list $EVALS\n',
            {(D, "acme/math", 1), (D, "acme/if", 1)},
        ),
        ('CKPT=acme/encoder\npython train.py --model_name_or_path "$CKPT"\n', {(M, "acme/encoder", 1)}),
    ],
)
def test_mixtures_and_variables_given_to_flags_are_read(text: str, expected: set[Found]) -> None:
    assert shell(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a flag of one value takes one word: what follows is the script's own argument
        "python train.py --model_name_or_path /ckpt/run1 extra/argument",
        # weights, splits and flags after a mixture are no ids
        "python grpo.py --dataset_mixer_list_splits train/a --seed 1",
        # a variable never given to a flag, given to another flag, unset, or holding numbers
        'data_mix="acme/math 1.0"\necho done\n',
        "OUT=acme/finetuned\npython train.py --output_dir $OUT --hub_model_id $OUT\n",
        "python grpo.py --dataset_mixer_list $UNSET_MIX",
        'W="1.0 2.0"\npython grpo.py --dataset_mixer_list $W\n',
        # a path given through a variable is no id
        "MODEL_DIR=/weka/checkpoints/olmo/step100-hf\npython dpo.py --model_name_or_path $MODEL_DIR\n",
    ],
)
def test_look_alikes_of_mixtures_and_variables_name_nothing(text: str) -> None:
    assert shell(text) == set()


# --- config: a loader's `hf_name`, `hf://` data under a dataset's key, a LoRA's id ------------------------------------


LLM_FOUNDRY = """\
variables:
  model_name_or_path: facebook/opt-350m
  lora_id_or_path: acme/opt-350m-lora
model:
  name: hf_causal_lm
  pretrained_model_name_or_path: ${variables.model_name_or_path}
  pretrained_lora_id_or_path: ${variables.lora_id_or_path}
train_loader:
  name: finetuning
  dataset:
    hf_name: acme/dolly_hhrlhf
    split: train
eval_loader:
  name: finetuning
  dataset:
    hf_name: json
    hf_kwargs:
      data_dir: ./data
icl_tasks:
- label: kv_pairs
  dataset_uri: hf://acme/long_context_eval
- label: jeopardy
  dataset_uri: eval/local_data/world_knowledge/jeopardy_all.jsonl
"""


def test_llm_foundry_loaders_adapters_and_task_data_are_read() -> None:
    assert config(LLM_FOUNDRY) == {
        (M, "facebook/opt-350m", 2),
        (M, "acme/opt-350m-lora", 3),
        (D, "acme/dolly_hhrlhf", 11),
        (D, "acme/long_context_eval", 21),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # `hf://` under a model's key, or with its own `datasets/`, says what it is itself
        ("model_name_or_path: hf://acme/encoder\n", {(M, "acme/encoder", 1)}),
        ("dataset_uri: hf://datasets/acme/eval\n", {(D, "acme/eval", 1)}),
        # a loader's local format, a `hf_name` outside a dataset's key
        ("dataset:\n  hf_name: json\n", set()),
        ("dataset:\n  hf_name: ./data/local\n", set()),
        ("tokenizer:\n  kwargs:\n    hf_name: acme/x\n", set()),
    ],
)
def test_urls_and_hf_names_under_other_keys(text: str, expected: set[Found]) -> None:
    assert config(text) == expected


# --- the GPT-3 base models behind OpenAI's route ---------------------------------------------------------------------


def test_gpt3_base_models_are_openai_behind_its_route() -> None:
    text = "models:\n- model_name: openai/davinci\n  model:\n    name: openai_causal_lm\n    version: davinci\n"
    assert config(text) == {(A, "openai/davinci", 2)}
    knowledge = load_knowledge()
    assert [knowledge.routed(f"openai/{name}") is not None for name in ("davinci", "curie", "babbage", "ada")] == [
        True
    ] * 4


@pytest.mark.parametrize("name", ["davinci", "ada", "curie", "babbage", "acme/davinci", "openai/adapter"])
def test_gpt3_base_names_alone_are_no_api(name: str) -> None:
    assert load_knowledge().provider(name) is None
    assert all(kind is not A for kind, _, _ in config(f"model: {name}\n"))


# --- a Beaker experiment spec: its task's `arguments`, its datasets' Beaker sources ----------------------------------


BEAKER = """\
version: v2
tasks:
  - name: finetune
    image:
      beaker: someone/open_instruct_auto
    command: ['/bin/sh', '-c']
    arguments: ['
        accelerate launch --mixed_precision bf16
        open_instruct/finetune.py
        --model_name_or_path acme/base-8b
        --tokenizer_name acme/base-8b
        --dataset_mixer_list acme/sft-mix 1.0
    ']
    datasets:
      - mountPath: /data
        source:
          beaker: someone/processed_data
      - mountPath: /models
        source:
          hostPath: /net/models/llama
"""


def containers(text: str, path: str = "configs/beaker/finetune.yaml") -> set[Found]:
    context = FileContext(path, lambda value: False)
    return {(r.kind, r.text, r.line) for r in ContainerSource().find(text, context)}


def test_a_beaker_task_s_arguments_are_its_command_line() -> None:
    found = containers(BEAKER)
    assert {(kind, text) for kind, text, _ in found} == {(M, "acme/base-8b"), (D, "acme/sft-mix")}


def test_a_beaker_dataset_source_names_no_hub_dataset() -> None:
    assert config(BEAKER) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural name's table still names models by their roles, and an item's source written as a string is read
        ("chat_models:\n  fast: acme/small\n  smart: acme/large\n", {(M, "acme/small", 2), (M, "acme/large", 3)}),
        ("datasets:\n  - source: acme/reviews\n    split: train\n", {(D, "acme/reviews", 2)}),
        ("models:\n  - id: local\n    source: acme/encoder\n", {(M, "acme/encoder", 3)}),
    ],
)
def test_roles_and_item_sources_beside_the_beaker_form(text: str, expected: set[Found]) -> None:
    assert config(text) == expected


# --- shell: a flag named for a hosted API's model ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'python -m eval.gsm.run_eval --openai_engine "gpt-3.5-turbo-0301" --save_dir out',
            {(A, "gpt-3.5-turbo-0301", 1)},
        ),
        ("python eval.py --openai-engine gpt-4-0314", {(A, "gpt-4-0314", 1)}),
        ("python chat.py --deployment_name gpt-4o", {(A, "gpt-4o", 1)}),
    ],
)
def test_a_flag_holding_a_hosted_api_model_is_read(text: str, expected: set[Found]) -> None:
    assert shell(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an engine that is a library or a server, a deployment named by its owner for no API model
        "python bench.py --engine vllm",
        "python serve.py --inference_engine sglang --model_name_or_path /ckpt",
        "python chat.py --deployment_name prod-east",
        "python eval.py --openai_engine $ENGINE",
    ],
)
def test_look_alikes_of_api_flags_name_nothing(text: str) -> None:
    assert shell(text) == set()


# --- python: a dataclass field's `default_factory` lambda -------------------------------------------------------------


def python(text: str, path: str = "pkg/args.py") -> set[Found]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(text, FileContext(path, lambda value: False))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "@dataclass\nclass Args:\n"
            '    dataset_mixer_list: list[str] = field(default_factory=lambda: ["acme/sft-mix", "1.0"])\n',
            {(D, "acme/sft-mix", 3)},
        ),
        (
            '@dataclass\nclass Args:\n    model_name_or_path: str = field(default_factory=lambda: "acme/encoder")\n',
            {(M, "acme/encoder", 3)},
        ),
        (
            'class Settings(BaseModel):\n    models: list[str] = Field(default_factory=lambda: ["acme/a", "acme/b"])\n',
            {(M, "acme/a", 2), (M, "acme/b", 2)},
        ),
    ],
)
def test_a_field_default_factory_lambda_is_its_default(text: str, expected: set[Found]) -> None:
    assert python(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # names of functions, a field named for no artefact, a factory that is no lambda, a value built at run time
        '@dataclass\nclass A:\n    dataset_transform_fn: list[str] = field(default_factory=lambda: ["sft_v1"])\n',
        '@dataclass\nclass A:\n    output_dir: list[str] = field(default_factory=lambda: ["acme/out"])\n',
        "@dataclass\nclass A:\n    models: list[str] = field(default_factory=list)\n",
        '@dataclass\nclass A:\n    dataset_mixer_list: list = field(default_factory=lambda: [f"{ORG}/x", "1.0"])\n',
        '@dataclass\nclass A:\n    hub_model_id: str = field(default_factory=lambda: "acme/pushed")\n',
    ],
)
def test_look_alikes_of_field_factories_name_nothing(text: str) -> None:
    assert python(text) == set()
