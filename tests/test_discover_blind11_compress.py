"""Forms found on model-compression and benchmarking tools the benchmark does not label (issue 16, eleventh blind
wave: LLM Compressor, GuideLLM): LLM Compressor's calibration datasets by their registered names, a checkpoint a
script saves to a folder and loads again, a `key=value` list given to an option, and
Podman's `Containerfile.<variant>`."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D, IMAGE = Kind.MODEL, Kind.DATASET, Kind.IMAGE


def find_in(source: str, path: str = "examples/quantize.py") -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in PythonSource().find(source, FileContext(path, lambda v: False))}


def shell(text: str) -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in ShellSource().find(text, FileContext("run.sh", lambda v: False))}


# --- LLM Compressor's `oneshot(dataset=NAME)` -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "repository"),
    [
        ('"open_platypus"', "garage-bAInd/Open-Platypus"),
        ('"ultrachat_200k"', "HuggingFaceH4/ultrachat_200k"),
        ('"ultrachat-200k"', "HuggingFaceH4/ultrachat_200k"),  # the registry reads `-` as `_`
        ('"flickr30k"', "lmms-lab/flickr30k"),
        ('"gsm8k"', "openai/gsm8k"),
        ('"HuggingFaceH4/ultrachat_200k"', "HuggingFaceH4/ultrachat_200k"),  # a Hub id is taken as it is
    ],
)
def test_oneshot_reads_its_dataset_by_registered_name(written: str, repository: str) -> None:
    source = f'from llmcompressor import oneshot\noneshot(model="org/m", dataset={written}, recipe=recipe)\n'
    assert (D, repository) in find_in(source)


def test_oneshot_follows_a_constant_to_its_registered_name() -> None:
    source = (
        'from llmcompressor import oneshot\nMODEL_ID = "org/m"\nDATASET_ID = "flickr30k"\n'
        "oneshot(model=MODEL_ID, dataset=DATASET_ID, splits={'calibration': 'test[:512]'})\n"
    )
    assert find_in(source) == {(M, "org/m"), (D, "lmms-lab/flickr30k")}


@pytest.mark.parametrize(
    "written",
    [
        "ds",  # a dataset object loaded above
        '"custom"',  # the registry's readers of local files
        '"json"',
        '"my_calibration_set"',  # a name the registry does not hold
        '"./data/calibration.jsonl"',
    ],
)
def test_oneshot_reads_no_other_dataset(written: str) -> None:
    source = f'from llmcompressor import oneshot\nds = load_from_disk("x")\noneshot(model="org/m", dataset={written})\n'
    assert {kind for kind, _ in find_in(source)} == {M}


def test_registered_names_are_read_only_by_oneshot() -> None:
    assert find_in('DATASET = "open_platypus"\nrun(dataset=DATASET)\n') == set()


# --- a checkpoint saved to a folder and loaded again -----------------------------------------------------------------


def test_a_folder_named_constant_loaded_again_is_no_model() -> None:
    source = (
        'MODEL_ID = "moonshotai/Kimi-K2.6"\nDEQUANTIZED_SAVE_DIR = "Kimi-K2.6-bf16"\n'
        "model = AutoModelForCausalLM.from_pretrained(MODEL_ID)\nmodel.save_pretrained(DEQUANTIZED_SAVE_DIR)\n"
        "model = AutoModelForCausalLM.from_pretrained(DEQUANTIZED_SAVE_DIR)\n"
        "tok = AutoTokenizer.from_pretrained(args.output_dir)\n"
    )
    assert find_in(source) == {(M, "moonshotai/Kimi-K2.6")}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('MODEL_DIR = "org/x"\nAutoModel.from_pretrained(MODEL_DIR)\n', (M, "org/x")),  # an owner/name is still read
        ('MODEL = "gpt2"\nAutoModel.from_pretrained(MODEL)\n', (M, "gpt2")),  # a legacy name, not under a folder
        ('AutoModel.from_pretrained("gpt2", cache_dir=CACHE_DIR)\n', (M, "gpt2")),
        ('directory_model = "distilgpt2"\nAutoModel.from_pretrained(directory_model)\n', (M, "distilgpt2")),
    ],
)
def test_other_loaded_names_are_still_read(source: str, expected: tuple[Kind, str]) -> None:
    assert expected in find_in(source)


# --- a `key=value` list given to an option ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            'guidellm run --tokenizer "kind=huggingface_auto,model=Xenova/gpt-4" --data kind=synthetic_text,x=8',
            {(M, "Xenova/gpt-4")},
        ),
        (
            "guidellm benchmark --backend kind=openai_http,target=http://localhost:8000,model=Qwen/Qwen3-0.6B",
            {(M, "Qwen/Qwen3-0.6B")},
        ),
        ("tool --source kind=hub,dataset_name=org/ds,split=train", {(D, "org/ds")}),
        # lm-evaluation-harness's own keys stay read
        ("lm_eval --model hf --model_args pretrained=org/x,dtype=float16", {(M, "org/x")}),
    ],
)
def test_a_key_value_list_names_what_its_keys_say(command: str, expected: set[tuple[Kind, str]]) -> None:
    assert shell(command + "\n") == expected


@pytest.mark.parametrize(
    "command",
    [
        "guidellm run --profile kind=constant,rate=10 --constraint kind=max_requests,count=100",
        "tool --opts model=org/x",  # one setting, not a list
        "tool --opts mode=fast,label=org/x",  # keys named for no model
        "tool -o model=org/x,dtype=auto",  # a short option: its value is no list of settings we know
    ],
)
def test_other_key_value_lists_name_nothing(command: str) -> None:
    assert shell(command + "\n") == set()


def test_a_key_value_list_in_a_python_command_names_its_model() -> None:
    source = (
        "cmd = [\n"
        '    sys.executable, "-m", "guidellm", "run",\n'
        '    "--tokenizer", "kind=huggingface_auto,model=Xenova/gpt-4",\n'
        '    "--data-loader", "kind=pytorch,samples=8",\n'
        "]\n"
        "subprocess.run(cmd)\n"
    )
    assert find_in(source) == {(M, "Xenova/gpt-4")}


@pytest.mark.parametrize(
    "source",
    [
        'args = {"request_args": "model=gpt2"}\n',  # one setting: any text
        'CONFIG = "kind=synthetic_text,prompt_tokens=256,output_tokens=128"\n',
        'label = "mode=fast,label=org/x"\n',
    ],
)
def test_other_key_value_strings_name_nothing(source: str) -> None:
    assert find_in(source) == set()


# --- Podman's `Containerfile.<variant>` ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("Containerfile.vllm", True),
        ("deploy/Containerfile.cuda", True),
        ("Containerfile", True),
        ("Containerfile_notes.md", False),
        ("containerfiles.yaml", True),  # YAML, read as any manifest
    ],
)
def test_wants_containerfile_variants(path: str, wanted: bool) -> None:
    assert ContainerSource().wants(path) is wanted


def test_a_containerfile_variant_names_its_base_image(tmp_path: Path) -> None:
    (tmp_path / "Containerfile.vllm").write_text(
        "# Base image: vllm/vllm-openai. Override with build arg.\nARG BASE_IMAGE=vllm/vllm-openai\n"
        "FROM $BASE_IMAGE\nRUN pip install guidellm\n"
    )
    (tmp_path / "Containerfile.base").write_text("ARG BASE_IMAGE=quay.io/fedora/python-313-minimal:latest\n")
    found = discover(tmp_path, [tmp_path / "Containerfile.vllm", tmp_path / "Containerfile.base"])
    assert {(a.kind, a.id) for a in found.artefacts} == {(IMAGE, "vllm/vllm-openai")}


# --- Neural Magic's `model_stub` -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["model_stub", "MODEL_STUB", "compressed_model_stub", "uncompressed_model_stub"])
def test_a_model_stub_is_named_for_a_model(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["stub", "stub_file", "model_stubs_dir", "test_stub"])
def test_other_stubs_name_none(name: str) -> None:
    assert named_kind(name) is None


def test_a_parametrized_model_stub_is_read() -> None:
    source = (
        '@pytest.mark.parametrize("model_stub,exp_keys", [("inference-optimization/DSV4-tiny-empty", ["a.weight"])])\n'
        "def test_load(model_stub, exp_keys):\n"
        "    AutoModelForCausalLM.from_pretrained(model_stub)\n"
    )
    assert find_in(source, "tests/test_linearize.py") == {(M, "inference-optimization/DSV4-tiny-empty")}


# --- LLM Compressor's `DatasetArguments(dataset=NAME)` and settings spread into a loader -----------------------------


def test_dataset_arguments_read_a_registered_name() -> None:
    source = 'args = DatasetArguments(dataset="wikitext", dataset_config_name="wikitext-2-raw-v1")\n'
    assert find_in(source) == {(D, "Salesforce/wikitext")}  # the registered name, not the legacy Hub name


@pytest.mark.parametrize(
    "settings",
    [
        'oneshot_args = dict(recipe=recipe, dataset="open_platypus", splits="train[:16]")\n',
        'oneshot_args = {"recipe": recipe, "dataset": "open_platypus"}\n',
    ],
)
def test_settings_spread_into_a_loader_are_read(settings: str) -> None:
    source = f'{settings}model = oneshot(model="org/m", **oneshot_args)\n'
    assert (D, "garage-bAInd/Open-Platypus") in find_in(source)


def test_settings_spread_into_a_hub_loader_are_read() -> None:
    source = 'kwargs = dict(path="org/d", split="train")\nds = load_dataset(**kwargs)\n'
    assert find_in(source) == {(D, "org/d")}


@pytest.mark.parametrize(
    "source",
    [
        'kwargs = dict(split="train", name="org/x")\nds = load_dataset(**kwargs)\n',  # no key the loader reads
        'settings = dict(dataset="open_platypus")\nrun(**settings)\n',  # spread into a call that is no loader
        'kwargs = make_kwargs(dataset="open_platypus")\noneshot(model="org/m", **kwargs)\n',  # not a dict built here
    ],
)
def test_other_spread_settings_name_nothing_more(source: str) -> None:
    assert {kind for kind, _ in find_in(source)} <= {M}


# --- a test's arguments, which pytest gives it -----------------------------------------------------------------------


def test_a_parametrized_column_given_to_a_loader_is_read() -> None:
    source = (
        '@pytest.mark.parametrize("dataset_key, dataset_config, split", [["gsm8k", "main", "train[:5%]"],'
        ' ["ultrachat_200k", "default", "train_sft[:1%]"]])\n'
        "def test_datasets(tokenizer, dataset_key, dataset_config, split):\n"
        "    args = DatasetArguments(dataset=dataset_key, dataset_config_name=dataset_config)\n"
        '@pytest.mark.parametrize("repo", ["org/a", "org/b"])\n'
        "def test_repos(repo):\n"
        "    snapshot_download(repo)\n"
    )
    assert find_in(source, "tests/test_data.py") == {
        (D, "openai/gsm8k"),
        (D, "HuggingFaceH4/ultrachat_200k"),
        (M, "org/a"),
        (M, "org/b"),
    }


def test_a_fixture_given_to_a_loader_is_read() -> None:
    source = (
        "import pytest\n\n@pytest.fixture\ndef tiny_llama_path():\n"
        '    return "nm-testing/tinysmokellama-3.2"\n\n'
        '@pytest.fixture(scope="module")\ndef tiny_llama_model_args(tiny_llama_path):\n'
        "    return ModelArguments(model=tiny_llama_path)\n\n"
        "def test_tokenizer(tiny_llama_path):\n"
        "    AutoTokenizer.from_pretrained(tiny_llama_path)\n"
    )
    assert find_in(source, "tests/conftest.py") == {(M, "nm-testing/tinysmokellama-3.2")}


@pytest.mark.parametrize(
    "source",
    [
        # a parameter of a function that is no test, though a fixture of that name exists: no argument pytest gives
        '@pytest.fixture\ndef repo():\n    return "org/x"\n\ndef load(repo):\n    AutoModel.from_pretrained(repo)\n',
        # a fixture that returns no id
        "@pytest.fixture\ndef model_path(tmp_path):\n    return tmp_path / 'm'\n\n"
        "def test_load(model_path):\n    AutoModel.from_pretrained(model_path)\n",
        # a column of another argument
        '@pytest.mark.parametrize("repo, label", [("org/a", "gpt-4o-run")])\ndef test_x(repo, label):\n'
        "    print(label)\n",
    ],
)
def test_other_test_arguments_name_nothing(source: str) -> None:
    assert find_in(source, "tests/test_x.py") <= {(M, "org/a")}


def test_a_parametrized_column_given_to_another_call_names_nothing() -> None:
    source = (
        '@pytest.mark.parametrize("s3_path, expected_model_id", [("loras/foobar", "foobar"), ("s3://b/x", "x")])\n'
        "def test_get_bucket_and_model_id(s3_path, expected_model_id):\n"
        "    bucket, model_id = _get_bucket_and_model_id(s3_path)\n"
    )
    assert find_in(source, "tests/test_s3.py") == set()
