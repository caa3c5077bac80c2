"""Forms found on inference-engine and fine-tuning projects the benchmark does not label (issue 16, twelfth blind wave:
mlc-ai/mlc-llm, kvcache-ai/ktransformers, instructlab/instructlab): a catalogue record's Hub repository field
(`ModelInfo(name=..., hf_repo="org/x")`), whose `name` beside it is a label; a CLI's `model download --repository ID`;
a class's upper-case constant named for a model with a qualifier after it (`JUDGE_MODEL_MT`) and an embedding model's
repository (`GRANITE_EMBEDDING_REPO`); SiliconFlow's `Pro/` tier before a Hub id. Look-alikes: a build's output folder
(`dist/x-MLC`, `build/x`), a record not named for a model, an upload's repository, a non-Hub `--repository`
(`docker://...`, a script's own), a table looked up by a value's class (llama.cpp's `{BpeVocab: "gpt2"}.get(type(v))`).
"""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import without_hub_route
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind, record_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
CONTEXT = FileContext("kt-kernel/python/cli/utils/model_registry.py", lambda _: False)


def find_python(source: str) -> set[tuple[Kind, str]]:
    """(kind, id) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text) for r in PythonSource().find(source, CONTEXT)}
    assert by_statements == {(r.kind, r.text) for r in read_whole(source, CONTEXT)}
    return by_statements


def find_shell(text: str, path: str = "scripts/e2e-custom.sh") -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in ShellSource().find(text, FileContext(path, lambda _: False))}


# --- a record's Hub repository field ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'BUILTIN_MODELS = [\n    ModelInfo(\n        name="MiniMax-M2",\n        hf_repo="MiniMaxAI/MiniMax-M2",\n'
            '        aliases=["minimax-m2", "m2"],\n    ),\n]\n',
            {(M, "MiniMaxAI/MiniMax-M2")},  # the name beside it is the catalogue's label, no hosted API's
        ),
        (
            'x = ModelInfo(name="DeepSeek-V3.2", hf_repo="deepseek-ai/DeepSeek-V3.2")',
            {(M, "deepseek-ai/DeepSeek-V3.2")},
        ),
        ('x = ModelSpec(hf_repo_id="org/x-GGUF")', {(M, "org/x-GGUF")}),
        ('x = DatasetInfo(name="main", hf_repo="org/prompts")', {(D, "org/prompts")}),
        # a record named for a model without a Hub field keeps its name read
        ('x = ChatModelFactory(name="gpt-4o-mini")', {(A, "gpt-4o-mini")}),
    ],
)
def test_the_hub_repository_of_a_model_record_is_read(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find_python(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'x = TaskConfig(name="gsm8k", hf_repo="openai/gsm8k")',  # a record not named for a model or dataset
        'x = ModelInfo(hf_repo="your-username/my-model")',  # a placeholder
        'upload_model(hf_repo="org/tuned")',  # written, not read
        'x = ModelInfo(name="local", hf_repo="./models/x")',  # a local folder
    ],
)
def test_a_hub_repository_field_of_another_record_is_not_read(source: str) -> None:
    assert find_python(source) == set()


def test_record_kind_of_a_hub_repository_field() -> None:
    assert record_kind("ModelInfo", "hf_repo") is M
    assert record_kind("DatasetEntry", "hf_repo_id") is D
    assert record_kind("TaskConfig", "hf_repo") is None
    assert record_kind("ModelInfo", "repo") is None  # a record's `repo` is as often its code's


# --- a build's output folder ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'small_model = "dist/Eagle-llama2-7b-chat-q0f16-MLC"\nengine = MLCEngine(model=small_model)\n',
        'engine = MLCEngine(model="dist/rwkv-6-world-1b6-q0f16-MLC", model_lib="dist/x/x-cuda.so")',
        'model = "build/my-model"\nAutoModel.from_pretrained(model)\n',
    ],
)
def test_a_model_in_a_build_folder_is_a_local_path(source: str) -> None:
    assert find_python(source) == set()


def test_an_owner_that_only_starts_like_a_build_folder_is_read() -> None:
    source = 'model = "distilbert/distilbert-base-uncased"\nAutoModel.from_pretrained(model)\n'
    assert find_python(source) == {(M, "distilbert/distilbert-base-uncased")}


# --- a CLI's `model download --repository ID` -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ilab model download --repository instructlab/granite-7b-lab-GGUF --filename granite-7b-lab-Q4_K_M.gguf\n",
            {(M, "instructlab/granite-7b-lab-GGUF")},
        ),
        ("ilab model download --repository=instructlab/merlinite-7b-lab\n", {(M, "instructlab/merlinite-7b-lab")}),
        (
            'REPO=TheBloke/Mixtral-8x7B-Instruct-v0.1-GGUF\nilab model download --repository "${REPO}" --hf-token x\n',
            {(M, "TheBloke/Mixtral-8x7B-Instruct-v0.1-GGUF")},
        ),
        ("mytool dataset download --repo org/prompts\n", {(D, "org/prompts")}),
    ],
)
def test_the_repository_of_a_model_download_subcommand_is_read(text: str, expected: set[tuple[Kind, str]]) -> None:
    assert find_shell(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an OCI artefact off the Hub
        "ilab model download --repository docker://quay.io/instructlab/granite-7b-lab --release latest\n",
        # a container image a script pushes, and a `--repository` of no `model download`
        "./docker/push-to-dockerhub.sh --repository kvcache/ktransformers --dry-run\n",
        "helm repo add stable --repository charts/stable\n",
        "mytool model list --repository org/x\n",
    ],
)
def test_a_repository_option_of_another_command_is_not_read(text: str) -> None:
    assert find_shell(text) == set()


# --- a class's upper-case constants -----------------------------------------------------------------------------------


def test_a_class_constant_named_for_a_model_with_a_qualifier_is_read() -> None:
    source = (
        "class _InstructlabDefaults:\n"
        '    GRANITE_EMBEDDING_REPO = "ibm-granite/granite-embedding-125m-english"\n'
        '    JUDGE_MODEL_MT = "prometheus-eval/prometheus-8x7b-v2.0"\n'
        '    JUDGE_MODEL_DK = "gpt-4o"\n'
    )
    assert find_python(source) == {
        (M, "ibm-granite/granite-embedding-125m-english"),
        (M, "prometheus-eval/prometheus-8x7b-v2.0"),
        (A, "gpt-4o"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'class D:\n    MODEL_DIR = "org/x"\n',  # a folder of a model's, no qualifier
        'class D:\n    MODEL_FAMILY = "granite"\n',
        'class D:\n    judge_model_mt = "org/x"\n',  # a class's attribute in lower case: not a constant
        'class D:\n    OUTPUT_MODEL_MT = "org/x"\n',  # written
        'class D:\n    EMBEDDING_REPO_URL = "org/x"\n',
    ],
)
def test_a_class_constant_named_otherwise_is_not_read(source: str) -> None:
    assert find_python(source) == set()


def test_an_embedding_repository_is_named_for_a_model() -> None:
    assert named_kind("GRANITE_EMBEDDING_REPO") is M
    assert named_kind("embedding_repo_id") is M
    assert named_kind("EMBEDDING_REPO_URL") is None


# --- SiliconFlow's `Pro/` tier ---------------------------------------------------------------------------------------


def test_siliconflow_pro_tier_names_the_hub_model() -> None:
    source = (
        "import argparse\nparser = argparse.ArgumentParser()\n"
        'parser.add_argument("--model_name", type=str, default="Pro/deepseek-ai/DeepSeek-R1")\n'
    )
    assert find_python(source) == {(M, "deepseek-ai/DeepSeek-R1")}
    assert without_hub_route("Pro/Qwen/Qwen2.5-7B-Instruct") == "Qwen/Qwen2.5-7B-Instruct"
    assert without_hub_route("pro/Qwen/Qwen2.5-7B-Instruct") == "pro/Qwen/Qwen2.5-7B-Instruct"  # spelled so only
    assert without_hub_route("Pro/x/y/z") == "Pro/x/y/z"


# --- a table looked up by a value's class -----------------------------------------------------------------------------


def test_a_table_looked_up_by_a_class_names_no_model() -> None:
    source = (
        "def write(vocab):\n"
        '    tokenizer_model = {SentencePieceVocab: "llama", HfVocab: "llama", BpeVocab: "gpt2"}.get(type(vocab))\n'
        "    return tokenizer_model\n"
    )
    assert find_python(source) == set()


def test_a_table_looked_up_by_a_name_is_still_read() -> None:
    source = (
        "def load(size):\n"
        '    tokenizer_model = {"small": "gpt2", "large": "org/x"}.get(size)\n'
        "    return AutoTokenizer.from_pretrained(tokenizer_model)\n"
    )
    assert find_python(source) == {(M, "gpt2"), (M, "org/x")}


def test_a_catalogue_label_elsewhere_in_the_file_is_no_hosted_api() -> None:
    source = (
        'BUILTIN_MODELS = [ModelInfo(name="MiniMax-M2", hf_repo="MiniMaxAI/MiniMax-M2")]\n'
        'MODEL_COMPUTE_FUNCTIONS = {"MiniMax-M2": compute_m2, "gpt-4o": compute_other}\n'
    )
    # the catalogue's own name for its Hub model keys the table; a hosted API's name it does not label stays one
    assert find_python(source) == {(M, "MiniMaxAI/MiniMax-M2"), (A, "gpt-4o")}


def test_a_hosted_api_name_without_a_catalogue_label_is_read() -> None:
    assert find_python('MODEL_COMPUTE_FUNCTIONS = {"MiniMax-M2": compute_m2}\n') == {(A, "MiniMax-M2")}


# --- a table of configs written out -----------------------------------------------------------------------------------


def test_the_key_of_a_config_written_out_names_a_preset() -> None:
    source = (
        "MODEL_PRESETS = {\n"
        '    "llama2_7b": {"architectures": ["LlamaForCausalLM"], "hidden_size": 4096},\n'
        '    "gpt2": {"activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "n_embd": 768},\n'
        "}\n"
    )
    assert find_python(source) == set()


def test_the_key_of_a_table_of_settings_is_still_read() -> None:
    source = 'MODEL_SETTINGS = {"gpt2": {"max_length": 1024}, "org/x": {"max_length": 4096}}\n'
    assert find_python(source) == {(M, "gpt2"), (M, "org/x")}


# --- a table a model's name is looked for in --------------------------------------------------------------------------


def test_the_keys_of_a_table_a_config_origin_is_looked_for_in_are_read() -> None:
    source = (
        "def get_hf_config(text_config_dict):\n"
        "    try:\n"
        '        hf_config = AutoConfig.from_pretrained(text_config_dict["_name_or_path"]).to_dict()\n'
        "    except OSError:\n"
        '        preset_mapping = {"meta-llama/Llama-2-7b-hf": "llama2_7b", "lmsys/vicuna-7b-v1.5": "llama2_7b"}\n'
        '        if text_config_dict["_name_or_path"] in preset_mapping:\n'
        '            hf_config = MODEL_PRESETS[preset_mapping[text_config_dict["_name_or_path"]]]\n'
        "    return hf_config\n"
    )
    assert find_python(source) == {(M, "meta-llama/Llama-2-7b-hf"), (M, "lmsys/vicuna-7b-v1.5")}


def test_a_config_origin_compared_with_an_id_names_it() -> None:
    assert find_python('if config._name_or_path == "org/y":\n    patch()\n') == {(M, "org/y")}


def test_the_keys_of_a_table_of_aliases_a_name_is_looked_for_in_are_not_read() -> None:
    # the keys are the program's own names for the ids its values are written as; the values are read, as ever
    source = 'def f(model_name):\n    if model_name in {"team/alias": "org/x", "fast": "org/y"}:\n        return 1\n'
    assert find_python(source) == {(M, "org/x"), (M, "org/y")}


def test_the_keys_of_a_table_of_hosted_apis_a_name_is_looked_for_in_keep_their_routes_kinds() -> None:
    # MetaGPT's TOKEN_MAX: OpenRouter's lower-case owner/name ids beside API names are no Hub models there
    source = (
        'TOKEN_MAX = {"gpt-4o": 128000, "claude-3-haiku-20240307": 200000, "openai/gpt-4": 8192,\n'
        '             "microsoft/wizardlm-2-8x22b": 65536}\n'
        "def budget(model):\n"
        "    if model not in TOKEN_MAX:\n"
        "        return 0\n"
        "    return TOKEN_MAX[model]\n"
    )
    assert all(kind is not M for kind, _ in find_python(source))


@pytest.mark.parametrize(
    "source",
    [
        # a table looked for something no name says is a model
        'def f(key):\n    if key in {"org/x": "llama2_7b"}:\n        return 1\n',
        # a config's origin set aside, not compared: the naming rule leaves `_name_or_path` unread (its own record)
        'config = {"_name_or_path": "org/x", "architectures": ["LlamaForCausalLM"]}\n',
    ],
)
def test_the_keys_of_other_tables_are_not_read(source: str) -> None:
    assert find_python(source) == set()


def test_the_name_and_key_of_an_architecture_record_name_no_checkpoint() -> None:
    source = (
        "MODELS = {\n"
        '    "gpt2": Model(\n'
        '        name="gpt2",\n'
        "        model=gpt2_model.GPT2LMHeadModel,\n"
        "        config=gpt2_model.GPT2Config,\n"
        '        source={"huggingface-torch": gpt2_loader.huggingface},\n'
        "    ),\n"
        "}\n"
    )
    assert find_python(source) == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a record given a config object, or no config at all, names its model
        ('MODELS = {"gpt2": Model(name="gpt2", config=load_config("x.json"))}\n', {(M, "gpt2")}),
        ('MODELS = {"gpt-4o": ModelEntry(name="gpt-4o", client=OpenAIClient)}\n', {(A, "gpt-4o")}),
    ],
)
def test_a_record_without_a_config_class_is_still_read(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find_python(source) == expected


def test_the_keys_of_a_table_a_model_type_is_looked_for_in_are_architectures() -> None:
    source = 'def f(model_type):\n    if model_type in {"llama": 1, "qwen2": 2}:\n        return 1\n'
    assert find_python(source) == set()
