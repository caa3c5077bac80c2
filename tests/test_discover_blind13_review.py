"""Look-alikes of the thirteenth wave's forms, found when its merged rules were reviewed: what each rule reads must
stay within the form it was written for (an imported provider's class, LM Studio's names, an evaluation task's
`DATASET_PATH`, a catalogue's `distribution_path`, a download script's repository, a constant's literal)."""

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

A, M, D = Kind.API, Kind.MODEL, Kind.DATASET


def _context(path: str) -> FileContext:
    return FileContext(path, lambda value: value.startswith(("./", "/")))


def python(source: str, path: str = "app/main.py") -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, _context(path))}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, _context(path))}
    return by_statements


def config(text: str, path: str = "app/catalogue.yaml") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, _context(path))}


def shell(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, _context("scripts/get.sh"))}


def typescript(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, _context("web/src/models.ts"))}


def test_an_imported_provider_class_is_read_only_when_called_by_its_own_name() -> None:
    source = (
        "import asyncio, subprocess\n"
        "from app.openai_tools import run, Realtime\n"
        'subprocess.run("gpt-4")\n'
        'asyncio.run("claude-3-opus-20240229")\n'
        'Realtime("gpt-4o-realtime-preview-2024-10-01")\n'
    )
    assert python(source) == {(A, "gpt-4o-realtime-preview-2024-10-01", 5)}


def test_names_with_underscores_are_no_lm_studio_models() -> None:
    source = (
        'client = OpenAI(base_url="http://localhost:1234/v1", api_key="unused")\n'
        'tokenizer_name = "cl100k_base"\n'
        'model_id = "my_model_v3"\n'
        'client.chat.completions.create(model="qwen2.5-7b-instruct", messages=[])\n'
    )
    assert python(source) == {(A, "qwen2.5-7b-instruct", 4)}


def test_only_an_evaluation_task_s_owner_less_dataset_path_is_a_hub_dataset() -> None:
    task = 'class MBPP(Task):\n    DATASET_PATH = "mbpp"\n    def docs(self):\n        return self.dataset["test"]\n'
    loader = (
        "class Loader:\n"
        '    DATASET_PATH = "train_data"\n'
        "    def __init__(self):\n"
        '        self.dataset = open("data.json")\n'
    )
    assert python(task) == {(D, "mbpp", 2)}
    assert python(loader) == set()


def test_a_str_format_field_of_other_digits_raises_nothing() -> None:
    source = 'url = "{0}openai/deployments/{\u00b2}/chat".format(base, name)\n'
    assert python(source) == set()


def test_a_hub_source_s_local_paths_and_class_names_name_nothing() -> None:
    index = "store:\n  provider: huggingface\n  index_path: my-index/store\n"
    tokenizer = "tokenizer:\n  tokenizer_type: HuggingFaceTokenizer\n  vocab_path: tokenizers/gpt2\n"
    catalogue = "llama3:\n  distribution_channel: HuggingFaceSnapshot\n  distribution_path: org/llama-3-8b\n"
    assert config(index) == set()
    assert config(tokenizer) == set()
    assert config(catalogue) == {(M, "org/llama-3-8b", 3)}


def test_a_download_script_s_repository_given_first_keeps_its_repo_type() -> None:
    assert shell("python download_model.py org/z --repo_type dataset\n") == {(D, "org/z", 1)}
    assert shell("python download_file.py --repo_id org/y --repo_type model\n") == {(M, "org/y", 1)}


def test_a_name_bound_twice_in_a_file_is_not_followed_to_either_literal() -> None:
    text = (
        'function a() { const name = "org/secret-model"; return name }\n'
        "function b(name) { const models = [name]; return models }\n"
    )
    assert typescript(text) == set()
