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


# --- a hosted API's route that names its model ------------------------------------------------------------------------

GEMINI = "https://generativelanguage.googleapis.com/v1beta/models"


@pytest.mark.parametrize(
    ("url", "model"),
    [
        (f"{GEMINI}/gemini-2.5-flash:generateContent?key=$GEMINI_API_KEY", "gemini-2.5-flash"),
        (f"{GEMINI}/imagen-4.0-fast:predict?key=${{GEMINI_API_KEY}}", "imagen-4.0-fast"),
        (f"{GEMINI}/gemini-3.1-pro-preview?key=$GEMINI_API_KEY", "gemini-3.1-pro-preview"),
        (
            "https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/publishers/google/models/"
            "gemini-2.0-flash-001:streamGenerateContent",
            "gemini-2.0-flash-001",
        ),
        ("https://acme.openai.azure.com/openai/deployments/gpt-4o/chat/completions", "gpt-4o"),
        (
            "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke",
            "anthropic.claude-3-haiku-20240307-v1:0",
        ),
    ],
)
def test_a_hosted_apis_route_names_its_model(url: str, model: str) -> None:
    assert apis.url_model(url) == model


@pytest.mark.parametrize(
    "url",
    [
        f"{GEMINI}?key=x",  # the list of models
        f"{GEMINI}/${{MODEL_ID}}:generateContent",  # a variable
        f"{GEMINI}/gemini-$VERSION:generateContent",
        f"{GEMINI}/gemini-",  # cut where a value is put in
        "https://acme.openai.azure.com/openai/deployments/support-bot/chat/completions",  # a deployment's own name
        "https://example.com/v1/models/gemini-2.5-flash:generateContent",  # another host
        "https://api.openai.com/v1/models/gpt-4o",
    ],
)
def test_other_routes_and_hosts_name_no_model(url: str) -> None:
    assert apis.url_model(url) is None


def test_the_start_of_a_url_names_a_model_only_followed_by_the_rest_of_its_route() -> None:
    assert apis.url_model(f"{GEMINI}/gemini-1.5", whole=False) is None  # `f"{GEMINI}/gemini-1.5{suffix}:..."`
    assert apis.url_model(f"{GEMINI}/gemini-1.5:generateContent?key=", whole=False) == "gemini-1.5"


def test_a_curl_to_a_route_naming_a_model_is_read() -> None:
    script = f'curl -X POST "{GEMINI}/gemini-2.5-flash:generateContent?key=$KEY" -d @request.json\n'
    assert in_shell(script) == {(A, "gemini-2.5-flash", 1, 70)}
    assert in_shell(f'curl "{GEMINI}/${{MODEL_ID}}:generateContent?key=$KEY" -d @request.json\n') == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (f'requests.post("{GEMINI}/gemini-pro:generateContent?key=" + KEY, json=body)\n', {(A, "gemini-pro", 1)}),
        (f'requests.post(f"{GEMINI}/gemini-1.5-flash:generateContent?key={{key}}")\n', {(A, "gemini-1.5-flash", 1)}),
        (f'requests.post(f"{GEMINI}/{{MODEL}}:generateContent?key={{key}}")\n', set()),
        (f'requests.post(f"{GEMINI}/gemini-1.5{{suffix}}:generateContent")\n', set()),
        (f'ENDPOINT = "{GEMINI}"\n', set()),
    ],
)
def test_python_strings_that_are_such_routes(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert in_python(f"import requests\n\n{source}") == {(k, t, line + 2) for k, t, line in expected}


def test_javascript_strings_and_templates_that_are_such_routes() -> None:
    from modelpolicy.discover.javascript import JavaScriptSource

    source = (
        f"const a = await fetch(`{GEMINI}/gemini-2.0-flash:generateContent?key=${{KEY}}`);\n"
        f"const b = await fetch(`{GEMINI}/${{model}}:generateContent?key=${{KEY}}`);\n"
        f'const c = "{GEMINI}/text-embedding-004:embedContent";\n'
    )
    found = JavaScriptSource().find(source, FileContext("app.js", lambda _: False))
    assert {(r.kind, r.text, r.line) for r in found} == {(A, "gemini-2.0-flash", 1), (A, "text-embedding-004", 3)}


def test_a_config_value_that_is_such_a_route_is_read() -> None:
    from modelpolicy.discover.config import ConfigSource

    text = f"llm:\n  endpoint: {GEMINI}/gemini-1.5-pro:generateContent\n  models_url: {GEMINI}\n"
    found = ConfigSource().find(text, FileContext("conf.yaml", lambda _: False))
    assert {(r.kind, r.text, r.line) for r in found} == {(A, "gemini-1.5-pro", 2)}


# --- a request body printed to a file ---------------------------------------------------------------------------------

BODY = """\
echo '{
  "model": "models/gemini-2.5-flash",
  "contents": [{"parts": [{"text": "hi"}]}]
}' > request.json
curl "$BASE/v1beta/cachedContents?key=$KEY" -d @request.json
"""


def test_a_json_body_echoed_to_a_file_names_its_model() -> None:
    assert in_shell(BODY) == {(A, "models/gemini-2.5-flash", 2, 12)}


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ("""printf '{"model": "acme/chat-7b", "prompt": "%s"}' "$P" > body.json\n""", {(M, "acme/chat-7b", 1, 19)}),
        ("""echo '{"name": "acme/x", "output_model": "acme/y"}' > o.json\n""", set()),  # keys naming no model
        ("""echo '{"model": "acme/x"}'\n""", set()),  # printed to the terminal, written to no file
        ("""echo '{"model": "acme/x"}' >&2\n""", set()),
        ("""echo '{"model": "acme/x"}' > /dev/null\n""", set()),
        ("""echo '{"model": "acme/x"}' >>request.json\n""", {(M, "acme/x", 1, 17)}),
        ("""echo "model: acme/x" > notes.txt\n""", set()),  # no JSON object
        ("""echo '{"setup": {"model": "models/'${MODEL}'"}}' | tee out.json\n""", set()),  # a variable spliced in
    ],
)
def test_printed_json_bodies(script: str, expected: set[tuple[Kind, str, int, int]]) -> None:
    assert in_shell(script) == expected


SPLICED = """\
echo '{
  "model": "models/gemini-2.5-flash",
  "contents": [{"parts": [{"inline_data": {"mime_type": "text/plain", "data": "'$(base64 -w0 a.txt)'"}}]}],
  "ttl": "600s"
}' > request.json
"""


def test_a_command_substitution_spliced_into_the_body_does_not_hide_where_it_is_written() -> None:
    assert in_shell(SPLICED) == {(A, "models/gemini-2.5-flash", 2, 12)}


# --- a project's own module that shadows a library's ------------------------------------------------------------------

SHADOWED = """\
import argparse
import datasets

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="ptb")
args = parser.parse_args()
vocab, train, valid, test = datasets.load_dataset(args.dataset)
"""


@pytest.mark.parametrize("beside", ["lm/datasets.py", "lm/datasets/__init__.py"])
def test_a_loader_of_the_projects_own_module_beside_the_file_reads_no_hub_name(beside: str) -> None:
    context = FileContext("lm/main.py", lambda text: text == beside)
    assert PythonSource().find(SHADOWED, context) == []


@pytest.mark.parametrize("beside", ["", "lm/datasets/corpus.txt", "other/datasets.py"])
def test_the_library_is_read_where_no_module_of_the_project_shadows_it(beside: str) -> None:
    context = FileContext("lm/main.py", lambda text: text == beside)
    assert {(r.kind, r.text, r.line) for r in PythonSource().find(SHADOWED, context)} == {(D, "ptb", 5)}
