"""Forms found on guardrail frameworks the benchmark does not label (issue 16, twelfth blind wave: NeMo Guardrails,
Guardrails AI): a program given to Python as a word (`python -c "...from_pretrained('gpt2-large')"` in a Dockerfile's
RUN or a script), a Guardrails AI validator's `llm_callable`, and tiktoken's look-up of an encoding by its name
(`tiktoken.get_encoding("gpt2")`), which names no model."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import named_kind, tokenizer_lookup
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def _local(text: str) -> bool:
    return text.startswith(("./", "/", "checkpoints/"))


def shell(text: str, path: str = "Dockerfile") -> set[tuple[Kind, str, int, int]]:
    return {(r.kind, r.text, r.line, r.column) for r in ShellSource().find(text, FileContext(path, _local))}


def python(text: str) -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in PythonSource().find(text, FileContext("pkg/app.py", _local))}


def javascript(text: str) -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in JavaScriptSource().find(text, FileContext("src/app.js", _local))}


# --- a program given to Python as a word ------------------------------------------------------------------------------

DOCKERFILE = """\
FROM python:3.10-slim
RUN pip install --no-cache-dir -r requirements.txt
RUN python -c "from transformers import GPT2LMHeadModel; GPT2LMHeadModel.from_pretrained('gpt2-large');"
RUN python3 -c "from fastembed.embedding import FlagEmbedding; FlagEmbedding('sentence-transformers/all-MiniLM-L6-v2');"
"""


def test_a_dockerfiles_python_program_is_read_as_python() -> None:
    lines = DOCKERFILE.splitlines()  # each placed at its string's opening quote, as the Python source places it
    assert shell(DOCKERFILE) == {
        (M, "gpt2-large", 3, lines[2].index("'gpt2-large'")),
        (M, "sentence-transformers/all-MiniLM-L6-v2", 4, lines[3].index("'sentence-transformers")),
    }


def test_a_scripts_python_program_over_several_lines_is_placed_where_it_is_written() -> None:
    script = (
        "#!/bin/bash\n"
        'python -u -c "\n'
        "from huggingface_hub import snapshot_download\n"
        'snapshot_download(repo_id=\\"meta-llama/Llama-3.1-8B-Instruct\\")\n'
        '"\n'
    )
    column = script.splitlines()[3].index('"meta-llama')
    assert shell(script, "scripts/fetch.sh") == {(M, "meta-llama/Llama-3.1-8B-Instruct", 4, column)}


def test_a_python_program_in_a_makefile_and_behind_a_runner() -> None:
    makefile = "fetch:\n\tuv run python -c \"import datasets; datasets.load_dataset('openai/gsm8k', 'main')\"\n"
    assert {(kind, text) for kind, text, _, _ in shell(makefile, "Makefile")} == {(Kind.DATASET, "openai/gsm8k")}


@pytest.mark.parametrize(
    "text",
    [
        "RUN python -c \"print('gpt2-large')\"\n",  # printed, not loaded
        "RUN python -m pip install x -c constraints.txt\n",  # a module's own `-c`
        "RUN python train.py -c configs/run.yaml\n",  # a script's own `-c`
        "RUN python -c \"from transformers import AutoModel; AutoModel.from_pretrained('./weights')\"\n",  # local
        "RUN echo \"python -c from_pretrained('gpt2')\"\n",  # a word echoed
    ],
)
def test_python_program_look_alikes(text: str) -> None:
    assert shell("FROM python:3.10\n" + text) == set()


# --- a Guardrails AI validator's `llm_callable` ----------------------------------------------------------------------


def test_llm_callable_names_a_model() -> None:
    assert named_kind("llm_callable") is M
    source = (
        "guard = Guard().use(\n"
        '    RestrictToTopic(valid_topics=["sports"], llm_callable="gpt-4o", on_fail="exception")\n'
        ")\n"
        'check = ProvenanceLLM(validation_method="sentence", llm_callable="gpt-4o-mini")\n'
    )
    assert python(source) == {(A, "gpt-4o"), (A, "gpt-4o-mini")}


def test_llm_callable_in_a_config() -> None:
    text = "validators:\n  - id: provenance\n    llm_callable: claude-3-5-sonnet-20241022\n"
    found = {(r.kind, r.text) for r in ConfigSource().find(text, FileContext("guard.yaml", _local))}
    assert found == {(A, "claude-3-5-sonnet-20241022")}


@pytest.mark.parametrize(
    "source",
    [
        "check = ProvenanceLLM(llm_callable=my_llm)\n",  # a function given in its place
        'check = ProvenanceLLM(llm_callable="checkpoints/run1")\n',  # a local path
        'check = ProvenanceLLM(callable="gpt-4o")\n',  # not an LLM's
        'check = Validator(llm_callable_name="gpt-4o")\n',  # another ending
    ],
)
def test_llm_callable_look_alikes(source: str) -> None:
    assert python(source) == set()


# --- tiktoken's look-up of an encoding by its name --------------------------------------------------------------------


@pytest.mark.parametrize("callee", ["tiktoken.get_encoding", "get_encoding", "getEncoding", "encoding_for_model"])
def test_tiktoken_lookups(callee: str) -> None:
    assert tokenizer_lookup(callee)


@pytest.mark.parametrize("callee", ["get_model", "AutoTokenizer.from_pretrained", "get_encoder", "load_encoding"])
def test_not_tiktoken_lookups(callee: str) -> None:
    assert not tokenizer_lookup(callee)


@pytest.mark.parametrize(
    "source",
    [
        'import tiktoken\ntokenizer = tiktoken.get_encoding("gpt2")\n',
        'class Splitter:\n    def __init__(self):\n        self.tokenizer = tiktoken.get_encoding("gpt2")\n',
        'import tiktoken\ntokenizer = tiktoken.encoding_for_model("gpt-4")\n',
    ],
)
def test_an_encodings_name_is_no_model(source: str) -> None:
    assert python(source) == set()


def test_a_tokenizer_built_from_a_model_is_still_read() -> None:
    assert python('tokenizer = AutoTokenizer.from_pretrained("gpt2")\ntokenizer = make_tokenizer("gpt2")\n') == {
        (M, "gpt2")
    }


def test_javascript_encodings_name_is_no_model() -> None:
    assert javascript('import { getEncoding } from "js-tiktoken";\nconst tokenizer = getEncoding("gpt2");\n') == set()
    assert javascript('const tokenizer = loadTokenizer("gpt2");\n') == {(M, "gpt2")}


# --- the settings of an item of a list of models ----------------------------------------------------------------------


def config(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext("config/config.yml", _local))}


NEMO_MODELS = """\
models:
  - type: main
    engine: hf_pipeline_llama2_13b
    parameters:
      path: "meta-llama/Llama-2-13b-chat-hf"
      num_gpus: 2
      device: "cuda"
  - type: tabular
    engine: tabular
    parameters:
      path: "<PATH_TO_DOWNLOADED_CHECKPOINT_FOLDER>/ggml-vicuna-13b-4bit-rev1.bin"
  - type: llama_guard
    engine: vllm_openai
    params:
      id: meta-llama/LlamaGuard-7b
      openai_api_base: "http://localhost:5000/v1"
"""


def test_the_id_in_an_items_parameters_is_the_items() -> None:
    assert config(NEMO_MODELS) == {(M, "meta-llama/Llama-2-13b-chat-hf", 5), (M, "meta-llama/LlamaGuard-7b", 15)}


@pytest.mark.parametrize(
    "text",
    [
        "tasks:\n  - type: main\n    parameters:\n      path: meta-llama/Llama-2-13b-chat-hf\n",  # no list of models
        "models:\n  - name: main\n    parameters:\n      path: meta-llama/Llama-2-13b-chat-hf\n",  # the item says
        "models:\n  - type: main\n    parameters:\n      path: ./weights/llama\n      id: gpt2\n",  # a local path
        "models:\n  - type: main\n    options:\n      cache: meta-llama/Llama-2-13b-chat-hf\n",  # not its id's key
        "models:\n  - type: main\n    parameters:\n      device: cuda\n      temperature: 0.1\n",  # settings
    ],
)
def test_item_parameters_look_alikes(text: str) -> None:
    assert config(text) == set()
