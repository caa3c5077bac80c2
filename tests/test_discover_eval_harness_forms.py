"""Forms of evaluation harnesses found on a repository the benchmark does not label (issue 16, lm-evaluation-harness):
the `pretrained` an evaluation wrapper loads, task templates written without a file ending (`_template_yaml`), and
`model_args` strings (`"pretrained=org/x,dtype=float32"`) in Python."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find(source: str, path: str = "pkg/app.py") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: text.startswith("checkpoints/"))
    return {(r.kind, r.text) for r in PythonSource().find(source, context)}


# --- `pretrained`: the weights an evaluation or training wrapper loads ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [("pretrained", M), ("PRETRAINED", M), ("base_pretrained", M), ("output_pretrained", None), ("pretraining", None)],
)
def test_pretrained_names_a_model(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


@pytest.mark.parametrize(
    "source",
    [
        'lm = HFLM(pretrained="EleutherAI/pythia-70m", device="cpu")\n',
        'class MambaLM:\n    def __init__(self, pretrained="EleutherAI/pythia-70m", **kwargs):\n        pass\n',
        'def __init__(self, pretrained: str | None = "EleutherAI/pythia-70m"):\n    pass\n',
        'parser.add_argument("--pretrained", default="EleutherAI/pythia-70m", help="model to compare")\n',
    ],
)
def test_what_pretrained_is_given_is_a_model(source: str) -> None:
    assert (M, "EleutherAI/pythia-70m") in find(source)


@pytest.mark.parametrize(
    "source",
    [
        "model = resnet50(pretrained=True)\n",
        # a tag alone is no id (with a known architecture it names the repository: `open_clip_tags`)
        'model, _, preprocess = open_clip.create_model_and_transforms(args.arch, pretrained="laion2b_s34b_b79k")\n',
        'lm = HFLM(pretrained="checkpoints/run1")\n',
        'lm = HFLM(pretrained=f"{root}/pythia")\n',
    ],
)
def test_pretrained_look_alikes(source: str) -> None:
    assert not {found for found in find(source) if found[0] is M}


def test_pretrained_in_a_shell_command_and_in_config() -> None:
    from modelpolicy.discover.shell import ShellSource

    shell = ShellSource().find(
        "python compare.py --pretrained EleutherAI/pythia-70m\n", FileContext("run.sh", str.isspace)
    )
    assert [(r.kind, r.text) for r in shell] == [(M, "EleutherAI/pythia-70m")]
    assert not ShellSource().find("python train.py --pretrained true\n", FileContext("run.sh", str.isspace))
    assert config("model:\n  pretrained: EleutherAI/pythia-70m\n  use_pretrained: true\n", "cfg.yaml") == {
        (M, "EleutherAI/pythia-70m")
    }


# --- task templates written without a file ending ------------------------------------------------------------------


def found_in_tree(tmp_path: Path, files: dict[str, str]) -> set[tuple[str, str, str]]:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    discovery = discover(tmp_path, [tmp_path])
    return {(a.kind.value, a.id, r.path) for a in discovery.artefacts for r in a.references}


@pytest.mark.parametrize("name", ["_template_yaml", "pawsx_template_yaml", "xnli_common_yaml", "_default_yml"])
def test_a_yaml_template_without_an_ending_is_read(tmp_path: Path, name: str) -> None:
    files = {f"tasks/blimp/{name}": "dataset_path: nyu-mll/blimp\noutput_type: multiple_choice\n"}
    assert found_in_tree(tmp_path, files) == {("dataset", "nyu-mll/blimp", f"tasks/blimp/{name}")}


@pytest.mark.parametrize("name", ["yaml", "_yaml", "notes_yaml.txt", "template", "README"])
def test_other_names_without_a_yaml_ending_are_not_read_as_yaml(tmp_path: Path, name: str) -> None:
    assert not found_in_tree(tmp_path, {f"tasks/{name}": "dataset_path: nyu-mll/blimp\n"})


# --- `model_args` written as one string in Python -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'simple_evaluate(model="hf", model_args="pretrained=EleutherAI/pythia-160m,dtype=float32")\n',
            {(M, "EleutherAI/pythia-160m")},
        ),
        ('CASES = ["pretrained=EleutherAI/pythia-14m,dtype=float32,device=cpu"]\n', {(M, "EleutherAI/pythia-14m")}),
        (
            'ARGS = "pretrained=meta-llama/Llama-3.1-8B, peft=org/lora-adapter"\n',
            {(M, "meta-llama/Llama-3.1-8B"), (M, "org/lora-adapter")},
        ),
    ],
)
def test_a_model_args_string_names_its_models(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert expected <= find(source)


@pytest.mark.parametrize(
    "source",
    [
        'NOTE = "set pretrained=EleutherAI/pythia-160m to compare"\n',  # prose that holds one
        'ARGS = "dtype=float32,device=cpu"\n',  # no model among its keys
        'ARGS = "pretrained=checkpoints/run1,dtype=float32"\n',  # a local path
        'ARGS = f"pretrained={name},dtype=float32"\n',  # built at run time
        'ARGS = "revision=org/x,batch_size=8"\n',  # an id-shaped value under another key
    ],
)
def test_model_args_look_alikes(source: str) -> None:
    assert not find(source)


# --- a mapping read by a key named for a model, with a default ------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('tok = kwargs.pop("tokenizer", "EleutherAI/gpt-neox-20b")\n', (M, "EleutherAI/gpt-neox-20b")),
        ('MambaLM(tokenizer=kwargs.pop("tokenizer", "EleutherAI/gpt-neox-20b"))\n', (M, "EleutherAI/gpt-neox-20b")),
        ('name = config.get("model_name", "org/x")\n', (M, "org/x")),
        ('name = settings.setdefault("embedding_model", "org/x")\n', (M, "org/x")),
        ('data = cfg.get("dataset_name", "org/d")\n', (D, "org/d")),
        ('model = request.json.get("model", "gpt-4o-mini")\n', (Kind.API, "gpt-4o-mini")),
    ],
)
def test_what_a_key_named_for_a_model_defaults_to(source: str, expected: tuple[Kind, str]) -> None:
    assert expected in find(source)


@pytest.mark.parametrize(
    "source",
    [
        'repo = d.get("output_model", "org/x")\n',  # written, not read
        'path = d.get("path", "org/x")\n',  # a key not named for a model
        'name = d.get("model", "unknown")\n',  # a word, no id
        'name = d.pop("model_name", None)\n',
        'name = d.get("model_name")\n',
        'name = d.get(key, "org/x")\n',  # the key is not written
    ],
)
def test_keyed_default_look_alikes(source: str) -> None:
    assert not find(source)


# --- Claude's names ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "claude-2.0",
        "claude-instant-v1",
        "claude-instant-1.2",
        "claude-v1",
        "claude-3-opus-20240229",
        "claude-3-5-sonnet-latest",
        "claude-sonnet-4-20250514",
        "claude-opus-4-1",
        "claude-haiku-4-5",
        "claude-fable-5",  # a tier a new generation brings
    ],
)
def test_claude_s_names_are_the_anthropic_api_s(name: str) -> None:
    assert (Kind.API, name) in find(f'client = AnthropicChat(model="{name}")\n')


@pytest.mark.parametrize("name", ["claude-test", "claude-tokenizer", "claude-code", "claude-model"])
def test_claude_look_alikes(name: str) -> None:
    assert not find(f'client = AnthropicChat(model="{name}")\n')


# --- an evaluation task's `dataset_path` written without an owner ---------------------------------------------------


def config(text: str, path: str = "tasks/xnli/xnli.yaml") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda value: value.startswith(("./", "../")))
    return {(r.kind, r.text) for r in ConfigSource().find(text, context)}


@pytest.mark.parametrize(
    "text",
    [
        "task: xnli_es\ndataset_path: xnli\ndataset_name: es\noutput_type: multiple_choice\n",
        "task: null\ndataset_path: xnli\n",
        "group: test-1\ntask:\n  - piqa\n  - task: siqa_custom\n    dataset_path: xnli\n",
        "dataset_path: xnli\ndoc_to_text: '{{premise}}'\n",
    ],
)
def test_an_evaluation_task_s_dataset_path_may_be_a_legacy_id(text: str) -> None:
    assert config(text) == {(D, "xnli")}


@pytest.mark.parametrize(
    "text",
    [
        "dataset_path: xnli\nbatch_size: 8\n",  # no evaluation task: a word may be a local folder
        "task: t\ndataset_path: json\ndataset_kwargs:\n  data_files: tests/data.json\n",  # a builder
        "task: t\ndataset_path: ./data\n",  # a path
        "task: t\ndataset_path: /data/xnli\n",
        "task: t\ndataset_path: <your-dataset>\n",
        "task: t\ndataset_name: xnli\n",  # a configuration's name, not the dataset
    ],
)
def test_task_dataset_path_look_alikes(text: str) -> None:
    assert not config(text)
