"""Forms found on notebook and script collections the benchmark does not label (issue 16, eighth blind wave: the Gemini
cookbook, mlx-examples): Google's music model by its `models/` name, a shell variable given its default inside any
word (`${MODEL:=ID}`), the Hub repository a converter reads named for the Hub (`hf_path`), and an owner-less name
that is the folder a program writes its weights to (`from_pretrained("mlx_model")`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.identity import folder_name, identify
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API


def in_python(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def in_shell(source: str) -> set[tuple[Kind, str, int, int]]:
    context = FileContext("run.sh", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line, r.column) for r in ShellSource().find(source, context)}


# --- Google's music model ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["models/lyria-realtime-exp", "lyria-realtime-exp", "lyria-002", "models/imagen-4.0-generate-001"]
)
def test_google_media_models_are_the_gemini_apis(name: str) -> None:
    assert apis.named(name) == name


@pytest.mark.parametrize("name", ["lyrics-generator", "models/lyrics-bert", "lyria", "models/lyrical"])
def test_names_that_only_start_like_lyria_are_none(name: str) -> None:
    assert apis.named(name) is None


def test_a_music_session_connected_to_a_lyria_constant_is_read() -> None:
    source = 'MODEL = "models/lyria-realtime-exp"\nsession = client.aio.live.music.connect(model=MODEL)\n'
    assert in_python(source) == {(A, "models/lyria-realtime-exp", 1)}


# --- a variable's default given inside a word -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('echo "MODEL: ${MODEL:=gemini-2.5-flash}"\n', {(A, "gemini-2.5-flash", 1, 22)}),
        (': "${MODEL_ID:=acme/chat-7b}"\n', {(M, "acme/chat-7b", 1, 15)}),
        ('curl "$HOST/${DATASET:-acme/ds}/info"\n', {(D, "acme/ds", 1, 23)}),
        ("MODEL=${MODEL:-acme/x}\n", {(M, "acme/x", 1, 15)}),  # read once, as the assignment is
    ],
)
def test_a_default_expanded_in_any_word_is_the_variables_value(
    script: str, expected: set[tuple[Kind, str, int, int]]
) -> None:
    assert in_shell(script) == expected


@pytest.mark.parametrize(
    "script",
    [
        "echo ${OUTPUT_DIR:=acme/x}\n",  # not named for a model
        "echo ${MODEL:-$DEFAULT}\n",  # the default is another variable
        'echo "${MODEL_PATH:=./weights}"\n',  # a local folder
        "echo ${MODEL:+acme/x}\n",  # an alternative value, used only when the variable is set
        "echo ${MODEL:?acme/x is required}\n",  # an error message
    ],
)
def test_other_expansions_name_nothing(script: str) -> None:
    assert in_shell(script) == set()


# --- the Hub repository named for the Hub -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["hf_path", "HF_PATH", "--hf-path", "hfPath", "tokenizer_hf_path"])
def test_an_hf_path_names_a_model_to_read(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["push_hf_path", "output_hf_path", "hf", "path", "hf_path_suffix"])
def test_an_hf_path_written_to_or_of_another_thing_names_none(name: str) -> None:
    assert named_kind(name) is None


def test_a_dataset_hf_path_names_a_dataset() -> None:
    assert named_kind("dataset_hf_path") is D


def test_a_converter_given_an_hf_path_reads_it() -> None:
    source = 'convert(hf_path="acme/Chat-7B-v0.3", mlx_path="./chat-7b-4bit", quantize=True)\nHF_PATH = "acme/clip"\n'
    assert in_python(source) == {(M, "acme/Chat-7B-v0.3", 1), (M, "acme/clip", 2)}


def test_an_hf_path_flag_in_a_command_is_read() -> None:
    assert in_shell('mlx_lm.convert --hf-path "acme/Chat-7B" --mlx-path ./out -q\n') == {(M, "acme/Chat-7B", 1, 26)}


# --- a folder of weights by its name ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["mlx_model", "lora_fused_model", "tmp-clip-model", "sft_checkpoints", "my_weights"])
def test_an_owner_less_name_ending_in_a_folders_word_is_a_folder(name: str) -> None:
    assert folder_name(name)
    assert identify(name, M, lambda _: False, single_names=True) is None


@pytest.mark.parametrize("name", ["gpt2", "bert-base-uncased", "t5-small", "squad_v2", "model", "acme/mlx_model"])
def test_legacy_names_one_word_names_and_owned_ids_are_not_judged_so(name: str) -> None:
    assert not folder_name(name)
    assert identify(name, M, lambda _: False, single_names=True) is not None


def test_a_loader_given_a_folder_of_weights_names_nothing() -> None:
    source = 'model = CLIPModel.from_pretrained("mlx_model")\ntok = AutoTokenizer.from_pretrained("t5-small")\n'
    assert in_python(source) == {(M, "t5-small", 2)}
