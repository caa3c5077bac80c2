"""Forms seen in serving and benchmark code (a blind sample of SGLang): rows of test-case tuples under a name for
models, a constant written twice, a function named for datasets given a model, `get_tokenizer("org/x")` from
serving code, and Git clones of the Hub over SSH. Each with the look-alikes that must stay unread."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import HubId, parse_hub_url
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind, names_command_line, names_image, split_words
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def found(source: str) -> Counter[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text == "checkpoints/run1")
    return Counter((r.kind, r.text, r.line) for r in PythonSource().find(source, context))


# --- rows of test cases: `MODELS = [("org/x", 1, 1e-5), ...]` ----------------------------------------------------


def test_rows_of_a_list_named_for_models_are_read() -> None:
    source = 'MODELS = [\n    ("org/a", 1, 4e-2),\n    ("org/b", 2, 1e-5),\n]\n'
    assert found(source) == Counter([(M, "org/a", 2), (M, "org/b", 3)])


def test_every_id_of_a_row_is_read_and_its_settings_are_not() -> None:
    source = 'MODEL_PAIRS = [("org/target", "org/draft", "fp16", 0.5)]\n'
    assert found(source) == Counter([(M, "org/target", 1), (M, "org/draft", 1)])


@pytest.mark.parametrize(
    "source",
    [
        'PROMPTS = [("org/a", 1)]\n',  # not named for models
        'MODELS = [("./local/ckpt", 1), ("checkpoints/run1", 2)]\n',  # local paths
        'MODELS = [("llama", "chat template", 1)]\n',  # words, not ids
    ],
)
def test_rows_that_name_no_model_are_not_read(source: str) -> None:
    assert found(source) == Counter()


# --- a constant written twice with the same value -------------------------------------------------------------------


def test_a_constant_written_twice_with_one_value_is_still_a_constant() -> None:
    source = 'DEFAULT_EMBEDDING_MODEL = "org/e"\nOTHER = 1\nDEFAULT_EMBEDDING_MODEL = "org/e"\n'
    assert found(source) == Counter([(M, "org/e", 1), (M, "org/e", 3)])


def test_a_constant_rebound_to_another_value_is_not_one() -> None:
    source = 'DEFAULT_MODEL = "org/a"\nDEFAULT_MODEL = "org/b"\n'
    assert found(source) == Counter()


# --- a positional argument named for another kind than the callee ---------------------------------------------------


def test_an_argument_named_for_a_model_given_to_a_function_named_for_datasets_is_a_model() -> None:
    source = (
        "import argparse\n"
        "p = argparse.ArgumentParser()\n"
        'p.add_argument("--model", default="openai/whisper-large-v3")\n'
        'p.add_argument("--dataset", default="org/audio")\n'
        "args = p.parse_args()\n"
        "process_dataset(args.model, client, args.dataset)\n"
    )
    assert found(source) == Counter([(M, "openai/whisper-large-v3", 3), (D, "org/audio", 4)])


def test_an_unnamed_argument_still_takes_the_callee_kind() -> None:
    assert found('download_dataset("org/d")\n') == Counter([(D, "org/d", 1)])


# --- `get_tokenizer` and the other loaders that need `hf-hub:` with timm and open_clip ------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('get_tokenizer("org/tok")\n', [(M, "org/tok", 1)]),
        ('open_clip.get_tokenizer("hf-hub:org/c")\n', [(M, "org/c", 1)]),
        (
            'import argparse\np = argparse.ArgumentParser()\np.add_argument("--name", default="org/x")\n'
            "args = p.parse_args()\nt = get_tokenizer(args.name)\n",
            [(M, "org/x", 3)],
        ),
        (
            'p.add_argument("--tokenizer", default="org/t")\nargs = p.parse_args()\n'
            "tok = get_tokenizer(args.tokenizer, trust_remote_code=True)\n",
            [(M, "org/t", 1)],
        ),
    ],
)
def test_get_tokenizer_reads_a_namespaced_hub_id(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'timm.create_model("resnet50", pretrained=True)\n',  # an architecture
        'open_clip.get_tokenizer("ViT-B-32")\n',
        'get_tokenizer("./tokenizers/local")\n',  # a local path
        'get_tokenizer("checkpoints/run1")\n',  # a folder of the repository
    ],
)
def test_prefix_loaders_do_not_read_architectures_or_paths(source: str) -> None:
    assert found(source) == Counter()


# --- Git clones of the Hub over SSH ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("git@hf.co:datasets/bigainlco/LooGLE", (D, HubId("bigainlco/LooGLE", None))),
        ("git@huggingface.co:acme/encoder.git", (M, HubId("acme/encoder", None))),
        ("ssh://git@hf.co/acme/encoder", (M, HubId("acme/encoder", None))),
        ("git@github.com:acme/encoder.git", None),  # another host
        ("git@hf.co:spaces/acme/demo", None),  # a Space
        ("hf://example.com/model:hash_value", None),  # placeholders, in a URL as anywhere
        ("https://huggingface.co/your-username/your-model", None),
        ("hf://datasets/test/data", None),
        ("hf://example-org/model", (M, HubId("example-org/model", None))),
    ],
)
def test_ssh_clone_urls(url: str, expected: tuple[Kind, HubId] | None) -> None:
    assert parse_hub_url(url) == expected


def test_ssh_clone_in_a_script() -> None:
    text = "git lfs install\ngit clone git@hf.co:datasets/bigainlco/LooGLE\ngit clone git@github.com:org/tool.git\n"
    references = ShellSource().find(text, FileContext("download.sh", lambda value: False))
    assert [(r.kind, r.text, r.line) for r in references] == [(D, "bigainlco/LooGLE", 2)]


def test_an_owner_less_word_written_twice_is_not_followed() -> None:
    """A notebook runs `output_dir = "run-sft"` in two cells, then loads the adapter it trained there."""
    source = 'output_dir = "run-sft"\nx = 1\noutput_dir = "run-sft"\nPeftModel.from_pretrained(model, output_dir)\n'
    assert found(source) == Counter()


# --- LoRA adapters: `lora_adapters=[...]`, `LORA_PATH`, `--lora_weights`, `adapter_name_or_path` --------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("lora_adapters", M),
        ("LORA_ADAPTERS", M),
        ("lora_path", M),
        ("LORA_PATH", M),
        ("lora_paths", M),
        ("lora_weights", M),
        ("adapter_id", M),
        ("adapter_path", M),
        ("adapter_name_or_path", M),
        ("save_lora_path", None),  # what the program writes
        ("output_adapter_path", None),
        ("lora_rank", None),
        ("lora_alpha", None),
        ("lora_dropout", None),
        ("adapter_type", None),
    ],
)
def test_names_of_lora_adapters(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_lora_adapters_given_to_a_launcher_and_a_table_of_paths() -> None:
    source = (
        'launcher("org/base", lora_adapters=["org/a", "org/b"])\n'
        'LORA_PATH = {"base": "org/llama", "lora": "org/wizard-lora"}\n'
    )
    assert found(source) == Counter(
        [(M, "org/base", 1), (M, "org/a", 1), (M, "org/b", 1), (M, "org/llama", 2), (M, "org/wizard-lora", 2)]
    )


@pytest.mark.parametrize(
    "source",
    [
        'request = {"lora_path": ["/home/me/test_lora", "lora1", None]}\n',  # local paths and served names
        'init_lora_weights = "pissa"\n',  # an initialisation, not an adapter
        'peft_config = {"lora_weights": "gaussian"}\n',
    ],
)
def test_lora_names_holding_no_adapter(source: str) -> None:
    assert found(source) == Counter()


def test_lora_adapters_in_a_script_and_a_config() -> None:
    script = (
        "LORA_ADAPTERS=org/a,org/b text-generation-launcher --model-id org/base\npython merge.py --lora_weights org/c\n"
    )
    shell = ShellSource().find(script, FileContext("serve.sh", lambda value: False))
    assert sorted((r.text, r.line) for r in shell) == [("org/a", 1), ("org/b", 1), ("org/base", 1), ("org/c", 2)]
    config = (
        "model_name_or_path: org/base\nadapter_name_or_path: org/adapter\n---\n"
        "adapter_name_or_path: saves/llama3/lora/sft\n"
    )
    found_in_config = ConfigSource().find(config, FileContext("infer.yaml", lambda value: False))
    assert sorted((r.text, r.line) for r in found_in_config) == [("org/adapter", 2), ("org/base", 1)]


# --- a model-server image held in a shell variable ------------------------------------------------------------------


def test_an_image_in_a_variable_named_for_one() -> None:
    script = (
        "IMAGE=lmsysorg/sglang:latest\n"
        'export VLLM_IMAGE="vllm/vllm-openai:v0.6.0"\n'
        "BASE_IMAGE=python:3.11\n"  # not a model server
        "PUSH_IMAGE=vllm/vllm-openai:mine\n"  # what a build writes
        "IMAGE_TAG=vllm/vllm-openai\n"  # not named for an image
        'docker run --gpus all "$IMAGE"\n'
    )
    references = ShellSource().find(script, FileContext("run.sh", lambda value: False))
    assert sorted((r.kind, r.text, r.line) for r in references) == [
        (Kind.IMAGE, "lmsysorg/sglang:latest", 1),
        (Kind.IMAGE, "vllm/vllm-openai:v0.6.0", 2),
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("IMAGE", True), ("VLLM_IMAGE", True), ("serverImage", True), ("IMAGE_NAME", True), ("PUSH_IMAGE", False)],
)
def test_names_of_images(name: str, expected: bool) -> None:
    assert names_image(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("args", True),
        ("TRAIN_ARGS", True),
        ("extraArgs", True),
        ("docker-cmd", True),
        ("SERVER_OPTIONS", True),
        ("HELP_TEXT", False),
        ("args_file", False),  # a file of them, not the options themselves
        ("model_args_path", False),
    ],
)
def test_names_of_command_lines(name: str, expected: bool) -> None:
    assert names_command_line(name) is expected


# --- a parameter's default given to a loader --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def load(path="org/d", split="test"):\n    return load_dataset(path, split=split)\n', [(D, "org/d", 1)]),
        (
            'def build(ckpt: str = "org/m", *, revision=None):\n    return AutoModel.from_pretrained(ckpt)\n',
            [(M, "org/m", 1)],
        ),
        ('def tok(*, source="org/t"):\n    return AutoTokenizer.from_pretrained(source)\n', [(M, "org/t", 1)]),
        # a signature written a parameter to a line (black's style): the line is no assignment of the body's
        (
            'def load(\n    path: str = "org/d",\n    split: str = "test",\n):\n'
            "    return load_dataset(path, split=split)\n",
            [(D, "org/d", 2)],
        ),
    ],
)
def test_a_parameter_default_given_to_a_loader(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'def load(path="auto"):\n    return AutoModel.from_pretrained(path)\n',  # owner-less: a mode, not an id
        'def load(path="./data/train"):\n    return load_dataset(path)\n',  # a local path
        'def load(path="org/d"):\n    path = pick(path)\n    return load_dataset(path)\n',  # rebound before use
        'def load(\n    path="org/d",\n):\n    path = pick(path)\n    return load_dataset(path)\n',
        "def load(path):\n    return load_dataset(path)\n",  # no default
        'def load(path="org/d"):\n    return open(path)\n',  # not a loader
    ],
)
def test_parameter_defaults_that_name_nothing_loaded(source: str) -> None:
    assert found(source) == Counter()


# --- a model-server image in a `.env` file, and `.env` files written without their dot ------------------------------


def test_an_image_in_an_env_file() -> None:
    text = (
        "IMAGE=lmsysorg/sglang:latest\n"
        'VLLM_IMAGE="vllm/vllm-openai:v0.6.0"\n'
        "BASE_IMAGE=python:3.11\n"  # not a model server
        "PUSH_IMAGE=vllm/vllm-openai:mine\n"  # what a build writes
        "SERVER=vllm/vllm-openai:latest\n"  # not named for an image
        "MODEL_ID=org/x\n"
    )
    references = ConfigSource().find(text, FileContext("deploy/.env", lambda value: False))
    assert sorted((r.kind, r.text, r.line) for r in references) == [
        (Kind.IMAGE, "lmsysorg/sglang:latest", 1),
        (Kind.IMAGE, "vllm/vllm-openai:v0.6.0", 2),
        (M, "org/x", 6),
    ]


def test_a_copy_of_a_server_image_under_another_account_in_an_env_file() -> None:
    """RAGFlow's `.env` runs its own copy of TEI: a repository that keeps the server's name is that server."""
    text = (
        "TEI_IMAGE_CPU=infiniflow/text-embeddings-inference:cpu-1.8\n"
        "TEI_IMAGE_GPU=registry.example.com/mirror/text-embeddings-inference:1.8\n"
        "UI_IMAGE=org/text-embeddings-inference-ui:1.0\n"  # another image that only starts with the name
        "TEI_MODEL=${TEI_MODEL:-Qwen/Qwen3-Embedding-0.6B}\n"
    )
    references = ConfigSource().find(text, FileContext("docker/.env", lambda value: False))
    assert sorted((r.kind, r.text, r.line) for r in references) == [
        (Kind.IMAGE, "infiniflow/text-embeddings-inference:cpu-1.8", 1),
        (Kind.IMAGE, "registry.example.com/mirror/text-embeddings-inference:1.8", 2),
        (M, "Qwen/Qwen3-Embedding-0.6B", 4),
    ]


def test_an_image_key_in_yaml_is_left_to_the_container_source() -> None:
    text = "IMAGE: lmsysorg/sglang:latest\n"
    assert ConfigSource().find(text, FileContext("values.yaml", lambda value: False)) == []


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("scripts/env.example", True),
        ("env.local", True),
        (".env.example", True),
        ("prod.env", True),
        ("env.py", False),
        ("env.sh", False),
        ("environment.example", False),
    ],
)
def test_env_files_without_their_dot(path: str, wanted: bool) -> None:
    assert ConfigSource().wants(path) is wanted


def test_a_scan_reads_an_env_file_without_its_dot(tmp_path: Path) -> None:
    (tmp_path / "env.example").write_text("IMAGE=lmsysorg/sglang:latest\nMODEL_ID=org/x\n")
    discovery = discover(tmp_path, [tmp_path])
    assert {(a.kind, a.id) for a in discovery.artefacts} == {(Kind.IMAGE, "lmsysorg/sglang:latest"), (M, "org/x")}


# --- a command line written as a Python list ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'subprocess.run(["python3", "-m", "sglang.launch_server", "--model-path", "org/served", "--tp", "2"])\n',
            [(M, "org/served", 1)],
        ),
        ('other_args = ["--speculative-draft-model-path", "org/draft"]\n', [(M, "org/draft", 1)]),
        ('cmd = ("vllm", "serve", "--tokenizer=org/tok")\n', [(M, "org/tok", 1)]),
        ('argv = ["train.py", "--dataset_name", "org/d"]\n', [(D, "org/d", 1)]),
        ('DRAFT = "org/draft"\nargs = ["--draft-model", DRAFT]\n', [(M, "org/draft", 1)]),
        ('args = ["--model", "gpt-4o"]\n', [(Kind.API, "gpt-4o", 1)]),
    ],
)
def test_flags_of_a_command_written_as_a_list(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'args = ["--model-path", "./checkpoints/last"]\n',  # a local path
        'args = ["--model-path", "--dataset"]\n',  # a flag, not a value
        'args = ["--served-model-name", "default"]\n',  # a served name, not an id
        'args = ["--output-model", "org/mine"]\n',  # what the program writes
        'args = ["--tp", "org/x"]\n',  # a flag not named for a model
        'args = ["--model"]\n',  # no value
        'names = ["model", "org/x"]\n',  # no flag
    ],
)
def test_command_lists_that_name_nothing(source: str) -> None:
    assert found(source) == Counter()


# --- a command line written as one string (blind FastChat: `cmd += "--tokenizer org/x"`) -----------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('os.system("python train.py --model_name_or_path org/a --data_path data/train.json")\n', [(M, "org/a", 1)]),
        ('cmd += "--tokenizer org/tok"\n', [(M, "org/tok", 1)]),
        ('cmd += f"--tokenizer-path org/tok"\n', [(M, "org/tok", 1)]),
        ('run(f"python3 -m x.serve --model-path {path} --dataset_name org/d --port {port}")\n', [(D, "org/d", 1)]),
        ('cmd = "vllm serve --tokenizer=org/tok --tp 2"\n', [(M, "org/tok", 1)]),
        ('run("python eval.py --model gpt-4o")\n', [(Kind.API, "gpt-4o", 1)]),
        (
            'SCRIPT = """\ntorchrun train.py\n    --model_name_or_path org/a\n    --dataset_name org/d\n"""\n',
            [(M, "org/a", 3), (D, "org/d", 4)],
        ),
    ],
)
def test_flags_of_a_command_written_as_one_string(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'cmd = f"--model_name_or_path meta-llama/Llama-2-{size}b-hf"\n',  # an f-string's part, not an id
        'cmd = f"--model org/{name} --tp 2"\n',
        'cmd = "serve --model-path ./checkpoints/last"\n',  # a local path
        'cmd = "serve --model-path --trust-remote-code"\n',  # a flag, not a value
        'cmd = "train --output_model org/mine"\n',  # what the program writes
        'cmd = "serve --tp org/x"\n',  # a flag not named for a model
        'note = "pass a model with --model, e.g. a folder"\n',  # prose: the word after the flag is no id
        'def f():\n    """Run: python x.py --model_name_or_path org/doc"""\n',  # a docstring is never read
    ],
)
def test_command_strings_that_name_nothing(source: str) -> None:
    assert found(source) == Counter()


# --- an attribute of `self` copied from a parameter's default -------------------------------------------------------


def test_an_attribute_copied_from_a_parameter_default_and_loaded_in_another_method() -> None:
    source = (
        "class ASRDataset:\n"
        '    def __init__(self, path: str = "org/speech", split: str = "test"):\n'
        "        self.path = path\n"
        "        self.split = split\n"
        "    def load(self):\n"
        "        return load_dataset(self.path, split=self.split)\n"
    )
    assert found(source) == Counter([(D, "org/speech", 2)])


@pytest.mark.parametrize(
    "source",
    [
        # assigned twice: which one a call sees is not known
        "class A:\n    def __init__(self, path='org/d'):\n        self.path = path\n"
        "    def reset(self):\n        self.path = other()\n"
        "    def go(self):\n        return load_dataset(self.path)\n",
        # an owner-less default
        "class A:\n    def __init__(self, path='auto'):\n        self.path = path\n"
        "    def go(self):\n        return AutoModel.from_pretrained(self.path)\n",
        # another class's attribute of the same name
        "class A:\n    def __init__(self, path='org/d'):\n        self.path = path\n"
        "class B:\n    def go(self):\n        return load_dataset(self.path)\n",
    ],
)
def test_attributes_that_name_nothing_loaded(source: str) -> None:
    assert found(source) == Counter()


# --- names with an acronym before a word ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("HFModelId", ("hf", "model", "id")),
        ("OpenAIModel", ("open", "ai", "model")),
        ("defaultLLMModelName", ("default", "llm", "model", "name")),
        ("modelIDs", ("model", "ids")),  # a plural acronym stays one word
        ("ModelURLs", ("model", "urls")),
        ("MODEL_ID", ("model", "id")),
        ("baseModel_name-or.path", ("base", "model", "name", "or", "path")),
    ],
)
def test_split_words_at_an_acronym(name: str, words: tuple[str, ...]) -> None:
    assert split_words(name) == words


def test_a_constant_named_with_an_acronym_before_model() -> None:
    assert found('DEFAULT_HFModelId = "org/x"\nconst = {"embeddingModelID": "org/e"}\n') == Counter(
        [(M, "org/x", 1), (M, "org/e", 2)]
    )


def test_comma_joined_variables_in_a_script() -> None:
    script = "MODEL_IDS=org/c,org/d\nDATASET_PATH=data/train.json,data/test.json\nSERVED_MODEL_NAME=chat,default\n"
    references = ShellSource().find(script, FileContext("run.sh", lambda value: False))
    assert sorted((r.text, r.line) for r in references) == [("org/c", 1), ("org/d", 1)]


# --- the name a server gives what it serves is no Hub id ------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('client.chat_completion(model="tgi", messages=m)\n', []),  # TGI's own name for what it serves
        ('client.text_generation("hi", model="default")\n', []),
        ('client.chat_completion(model="org/x", messages=m)\n', [(M, "org/x", 1)]),
        ('client.text_generation("hi", model="gpt2")\n', [(M, "gpt2", 1)]),  # a legacy id the knowledge base knows
        ('AutoModel.from_pretrained("gpt2")\n', [(M, "gpt2", 1)]),
    ],
)
def test_inference_tasks_take_owner_less_names_the_knowledge_base_knows(
    source: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert found(source) == Counter(expected)


# --- a serving command's model, written in Python (blind production-stack: `vllm serve ID` and its kin) ---------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('subprocess.Popen(["vllm", "serve", "org/one", "--port", "8000"])\n', [(M, "org/one", 1)]),
        ('subprocess.run(["/usr/bin/trtllm-serve", "org/two"])\n', [(M, "org/two", 1)]),
        ('cmd = ["vllm", "serve", "--host", "0.0.0.0", "org/three"]\n', [(M, "org/three", 1)]),
        ('os.system("lmdeploy serve api_server org/four --server-port 23333")\n', [(M, "org/four", 1)]),
        ('cmd = "vllm serve --host 0.0.0.0 org/five"\n', [(M, "org/five", 1)]),
        ('subprocess.run(["lmdeploy", "lite", "auto_awq", "org/six", "--work-dir", "./w4"])\n', [(M, "org/six", 1)]),
        ('os.system("lmdeploy serve gradio org/seven --server-port 6006")\n', [(M, "org/seven", 1)]),
    ],
)
def test_a_serving_command_s_model(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'cmd = ["vllm", "serve", "./checkpoints/last"]\n',  # a local path
        'cmd = ["vllm", "serve", "--config", "serve.yaml"]\n',  # an option's value
        'cmd = f"vllm serve {model} --port 8000"\n',  # built from a variable
        'cmd = ["vllm", "bench", "org/x"]\n',  # another subcommand
        'cmd = ["lmdeploy", "lite", "kv_qparams", "org/x"]\n',  # a subcommand that reads no model first
        'print("vllm serve")\n',  # no model
    ],
)
def test_serving_commands_in_python_that_name_nothing(source: str) -> None:
    assert found(source) == Counter()


# --- a download command written in Python (blind xtuner: `os.system(f"huggingface-cli download ID ...")`) ----------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('os.system("huggingface-cli download org/one --local-dir ./m")\n', [(M, "org/one", 1)]),
        ('os.system(f"huggingface-cli download --resume-download org/two --local-dir {path}")\n', [(M, "org/two", 1)]),
        (
            'subprocess.run(["huggingface-cli", "download", "org/three", "--local-dir", target])\n',
            [(M, "org/three", 1)],
        ),
        ('os.system("hf download --repo-type dataset org/four")\n', [(D, "org/four", 1)]),
        ('os.system("pip install -U huggingface_hub && hf download org/five")\n', [(M, "org/five", 1)]),
        (
            'subprocess.check_call("/opt/bin/tune download org/six --output-dir /tmp/m", shell=True)\n',
            [(M, "org/six", 1)],
        ),
    ],
)
def test_a_download_command_s_repository(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'os.system(f"hf download org/{name}")\n',  # the id goes on in a placeholder
        'os.system(f"hf download org/model-{size} --local-dir m")\n',
        'os.system(f"huggingface-cli download {repo} --local-dir m")\n',
        'print("run hf download org/x to fetch it")\n',  # a message that mentions the command
        'os.system("pip download torch")\n',
        'os.system("huggingface-cli download ./local")\n',
        'subprocess.run(["huggingface-cli", "upload", "org/x", "."])\n',  # what a program writes
    ],
)
def test_download_commands_in_python_that_name_nothing(source: str) -> None:
    assert found(source) == Counter()


# --- Hydra-style overrides written in Python (verl launched from a list or a string, Hydra's `compose`) ---------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'subprocess.run(["python3", "-m", "verl.trainer.main_ppo", "actor_rollout_ref.model.path=org/one"])\n',
            [(M, "org/one", 1)],
        ),
        (
            'cmd = f"python3 -m verl.trainer.main_ppo critic.model.path=org/two trainer.n_gpus={n}"\n',
            [(M, "org/two", 1)],
        ),
        ('cfg = compose(config_name="ppo", overrides=["+dataset.name=org/three"])\n', [(D, "org/three", 1)]),
        ('cmd = "python train.py ++model.tokenizer=org/four data.max_len=512"\n', [(M, "org/four", 1)]),
    ],
)
def test_an_override_s_model(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        'cmd = f"python3 -m verl.trainer.main_ppo critic.model.path=org/{name} trainer.x=1"\n',  # goes on in `{name}`
        'cmd = "python3 -m verl.trainer.main_ppo critic.model.path=./ckpt/critic"\n',  # a local folder
        'cmd = ["python", "train.py", "model.lora_rank=64", "trainer.project_name=org/x"]\n',  # not named for one
        'cmd = ["python", "train.py", "model=llama2_7b"]\n',  # a config group
        'env = ["MODEL_ID=org/x"]\n',  # a plain assignment: an environment, not an override
    ],
)
def test_overrides_in_python_that_name_nothing(source: str) -> None:
    assert found(source) == Counter()


# --- KServe's `model_id_or_path="org/x"` beside a served name given first -------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("model_id_or_path", M),
        ("MODEL_ID_OR_PATH", M),
        ("modelIdOrPath", M),
        ("output_model_id_or_path", None),  # what the program writes
        ("model_id_or_path_exists", None),
    ],
)
def test_names_of_a_model_id_or_path(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_a_model_id_or_path_is_read_and_the_served_name_before_it_is_not() -> None:
    source = (
        'model = HuggingfaceEncoderModel(\n    "yelp-polarity",\n'
        '    model_id_or_path="textattack/bert-base-uncased-yelp-polarity",\n)\n'
        'local = Server("local", model_id_or_path="/mnt/models")\n'
        "wrapped = Server(name, model_id_or_path=args.model_dir)\n"
    )
    assert found(source) == Counter([(M, "textattack/bert-base-uncased-yelp-polarity", 3)])


@pytest.mark.parametrize(
    "source",
    [
        # the f-string deep in a function, the file's other lines holding none
        'import os\n\ndef launch(size):\n    if size:\n        cmd = f"--model org/{size} --tp 2"\n    return cmd\n',
        # written over several lines, its prefix on the second: its part before `{...}` is still no id
        'cmd = (\n    "--model org/"\n    f"{name} --tp 2"\n)\n',
        'cmd = rf"--model org/{name}"\n',
        'cmd = Rf"--model org/{name}"\n',
    ],
)
def test_an_f_strings_part_before_a_placeholder_is_no_id_wherever_it_is_written(source: str) -> None:
    assert found(source) == Counter()
