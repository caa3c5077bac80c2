"""Property-based tests of each discovery source (profile: test_properties.py): on any text, and on documents
built from our model keys with arbitrary values, a source raises nothing but SourceError, and every reference
points at a line of the text; where the document writes an id as it is, the reference's line holds it."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable

import pytest
import yaml
from _pytest.mark import ParameterSet
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.containers import ContainerSource
from modelpolicy.discover.interface import FileContext, Source, SourceError
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.manifest import ManifestSource
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.discover.workflow import WorkflowSource
from modelpolicy.model import Kind, Reference
from tests.test_properties import file_text, hub_ids, revisions, syntax_text
from tests.test_properties_policy import Toml


def case(source: Source, path: str) -> ParameterSet:
    return pytest.param(source, path, id=f"{type(source).__name__}-{path}")


SOURCES_AND_PATHS = [
    case(ConfigSource(), "config.yaml"),
    case(ConfigSource(), "config.json"),
    case(ConfigSource(), "config.toml"),
    case(ConfigSource(), "pyproject.toml"),
    case(ConfigSource(), ".env"),
    case(PythonSource(), "train.py"),
    case(NotebookSource(), "explore.ipynb"),
    case(ShellSource(), "run.sh"),
    case(ShellSource(), "Makefile"),
    case(ShellSource(), "Dockerfile"),
    case(ContainerSource(), "Dockerfile"),
    case(ContainerSource(), "compose.yaml"),
    case(ContainerSource(), "deploy.yaml"),
    case(ManifestSource(), "pyproject.toml"),
    case(ManifestSource(), ".modelpolicy.toml"),
    case(WorkflowSource(), ".github/workflows/ci.yml"),
    case(WorkflowSource(), ".gitlab-ci.yml"),
    case(JavaScriptSource(), "worker.js"),
    case(JavaScriptSource(), "models.ts"),
    case(JavaScriptSource(), "App.tsx"),
    case(JavaScriptSource(), "Page.svelte"),
]
# A property that fails on a known bug is not shrunk: its minimal example is in the reason, and shrinking costs time.
KNOWN_BUG = settings(phases=(Phase.explicit, Phase.generate))


def find(source: Source, path: str, text: str) -> list[Reference]:
    """The source's references, checked to point at a line of `text`; SourceError is an answer too."""
    try:
        references = source.find(text, FileContext(path, lambda _: False))
    except SourceError:
        return []
    lines = text.split("\n")
    for reference in references:
        assert 1 <= reference.line <= len(lines), reference
        assert reference.column >= 0 and reference.path == path and reference.text, reference
    return references


def assert_on_their_lines(references: list[Reference], text: str) -> None:
    lines = text.split("\n")
    for reference in references:
        if reference.kind in (Kind.MODEL, Kind.DATASET) and "dynamic" not in reference.flags:
            assert reference.text in lines[reference.line - 1], (reference, lines[reference.line - 1])


# ------------------------------------------------------------------------------------------------ any text

_WORDS = ["model", "base_model", "dataset", "from_pretrained(", "FROM ", "image:", "--model", "MODEL_ID=", "models = ["]
_WORDS += ["!hf download ", "vllm serve ", "https://huggingface.co/", "--model_args pretrained=", "ARG BASE_MODEL="]
_WORDS += ["ENV MODEL_ID ", "MODEL ?= ", "add_argument('--adapter', default=", "args.adapter", "def f():\n ckpt = "]
_WORDS += ["pipeline('t', ", "{ model: ", "const MODEL_ID = ", "`${", "CreateMLCEngine(", "this.model", "<div>", "=> "]
_likely_text = st.lists(st.one_of(st.sampled_from(_WORDS), hub_ids, syntax_text), max_size=12).map("".join)


@pytest.mark.parametrize(("source", "path"), SOURCES_AND_PATHS)
@given(text=st.one_of(file_text, syntax_text, _likely_text))
@example(text="'")
@example(text="FROM")
@example(text="\\\n")
def test_any_text_gives_references_on_its_lines_or_a_source_error(source: Source, path: str, text: str) -> None:
    find(source, path, text)


# ------------------------------------------------------------------------------------------------ built documents

_MODEL_KEYS = ["model", "base_model", "model_name_or_path", "tokenizer", "dataset", "datasets", "repo_id", "MODEL_ID"]
_OTHER_KEYS = ["name", "path", "id", "value", "output_dir", "dataset_mixer", "image", "env", "environment", "command"]
_OTHER_KEYS += ["run", "script"]
ids_or_text = st.one_of(
    hub_ids,
    st.builds("{}@{}".format, hub_ids, revisions),
    hub_ids.map("https://huggingface.co/{}".format),
    hub_ids.map("hf://datasets/{}".format),
    hub_ids.map(lambda repo_id: f"${{MODEL:-{repo_id}}}"),
    st.sampled_from(["gpt2", "./local", "json", "ghcr.io/huggingface/text-generation-inference:1.0"]),
    file_text,
)
documents = st.recursive(
    ids_or_text,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(_MODEL_KEYS + _OTHER_KEYS), inner, max_size=4),
    ),
    max_leaves=8,
)
mappings = st.dictionaries(st.sampled_from(_MODEL_KEYS + _OTHER_KEYS), documents, min_size=1, max_size=5)


@given(mappings, st.booleans())
def test_yaml_documents(document: dict[str, object], flow: bool) -> None:
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True, width=10**9, sort_keys=False)
    readers: list[tuple[Source, str]] = [
        (ConfigSource(), "config.yaml"),
        (ContainerSource(), "compose.yaml"),
        (WorkflowSource(), ".github/workflows/ci.yml"),
    ]
    for source, path in readers:
        assert_on_their_lines(find(source, path, text), text)


@given(mappings, st.sampled_from([None, 1, 2]), st.booleans())
def test_json_documents(document: dict[str, object], indent: int | None, ascii_only: bool) -> None:
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    assert_on_their_lines(find(ConfigSource(), "config.json", text), text)


@st.composite
def toml_documents(draw: st.DrawFn) -> str:
    document = draw(st.dictionaries(st.sampled_from(_MODEL_KEYS + _OTHER_KEYS), documents, min_size=1, max_size=5))
    return Toml(draw).document({k: v for k, v in document.items() if not isinstance(v, list) or v})


@given(toml_documents())
def test_toml_documents_raise_only_source_errors(text: str) -> None:
    find(ConfigSource(), "config.toml", text)


@KNOWN_BUG
@given(toml_documents())
def test_toml_documents(text: str) -> None:
    assert_on_their_lines(find(ConfigSource(), "config.toml", text), text)


@given(st.lists(st.tuples(st.sampled_from([*_MODEL_KEYS, "OTHER", "export MODEL"]), ids_or_text), max_size=6))
def test_env_files(pairs: list[tuple[str, str]]) -> None:
    text = "\n".join(f"{key}={value}" for key, value in pairs if "\n" not in value and "\r" not in value)
    assert_on_their_lines(find(ConfigSource(), ".env", text), text)


_CALLS = [
    "AutoModel.from_pretrained({})",
    "load_dataset({})",
    "pipeline('text-generation', model={})",
    "hf_hub_download(repo_id={}, filename='x')",
    "snapshot_download({}, revision='main')",
    "LLM(model={})",
    "MODEL = {}\nm = AutoModel.from_pretrained(MODEL)",
    "def main():\n    ckpt = {}\n    return AutoModel.from_pretrained(ckpt)",
    "EMBEDDING_MODEL = {}",
    "urlretrieve({}, 'weights.bin')",
]


def _filled(templates: list[str], quote: Callable[[str], str], most: int) -> st.SearchStrategy[str]:
    """Text of 1 to `most` of the templates, each `{}` filled with a quoted id or other text."""
    lines = st.lists(st.tuples(st.sampled_from(templates), ids_or_text), min_size=1, max_size=most)
    return lines.map(lambda chosen: "".join(template.replace("{}", quote(value)) for template, value in chosen))


python_modules = _filled([f"{call}\n" for call in _CALLS], repr, 4)


@given(python_modules)
def test_python_modules(text: str) -> None:
    assert_on_their_lines(find(PythonSource(), "train.py", text), text)


_JS_LINES = [
    "const p = await pipeline('text-generation', {});",
    "AutoModel.from_pretrained({}, { dtype: 'q4' });",
    "const MODEL_ID = {};\nAutoTokenizer.from_pretrained(MODEL_ID);",
    "class P { static model = {}; static f() { return pipeline('t', this.model); } }",
    "await client.chatCompletion({ model: {}, messages });",
    "const EMBEDDING_MODEL = {};",
    "const MODELS = [{}, { id: {}, name: 'x' }];",
    "fetch({});",
    "async function run(model: string) { return CreateMLCEngine(model); }\nrun({});",
    "const r = await generateText({ model: openai({}), prompt });",  # Vercel AI SDK provider function
    "await ollama.chat({ model: {}, messages: [] });",
    "const llm = new ChatOpenAI({ modelName: {}, temperature: 0 });",
    "const MODELS = { [{}]: { label: {} } };",
]
javascript_modules = _filled([f"{line}\n" for line in _JS_LINES], json.dumps, 4)


@given(javascript_modules, st.sampled_from(["app.js", "app.ts", "app.tsx"]))
def test_javascript_modules(text: str, path: str) -> None:
    assert_on_their_lines(find(JavaScriptSource(), path, text), text)


@given(javascript_modules, st.sampled_from(["Page.svelte", "App.vue"]), st.sampled_from(["", '<div a="{x}">\n']))
def test_component_scripts(script: str, path: str, markup: str) -> None:
    text = f'{markup}<script lang="ts">\n{script}</script>\n{markup}<style>.a {{ b: c }}</style>\n'
    assert_on_their_lines(find(JavaScriptSource(), path, text), text)


_SHELL_LINES = [
    "!huggingface-cli download {}\n",
    "files = !python train.py --model_name_or_path {}\n",
    "%%bash\nEMBED_MODEL={} vllm serve {}\n",
]
shell_cells = _filled(_SHELL_LINES, shlex.quote, 3)


@given(
    st.lists(st.one_of(python_modules, shell_cells), min_size=1, max_size=3), st.sampled_from([None, 1]), st.booleans()
)
def test_notebooks(cells: list[str], indent: int | None, ascii_only: bool) -> None:
    document = {
        "cells": [
            {"cell_type": "code", "metadata": {}, "source": cell.splitlines(keepends=True), "outputs": []}
            for cell in cells
        ],
        "metadata": {"language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    text = json.dumps(document, indent=indent, ensure_ascii=ascii_only)
    assert_on_their_lines(find(NotebookSource(), "explore.ipynb", text), text)  # ids need no JSON escape


_COMMANDS = [
    "huggingface-cli download {}",
    "hf download {} --repo-type dataset",
    "python serve.py --model {}",
    "vllm serve {}",
    "text-generation-launcher --model-id {}",
]
shell_scripts = _filled([f"{command}\n" for command in _COMMANDS], shlex.quote, 4)


@given(shell_scripts)
def test_shell_scripts(text: str) -> None:
    assert_on_their_lines(find(ShellSource(), "run.sh", text), text)


@given(shell_scripts, st.sampled_from(["vllm/vllm-openai:v0.6.0", "ghcr.io/huggingface/text-generation-inference:2"]))
def test_dockerfiles(script: str, image: str) -> None:
    text = f"FROM {image}\n" + "".join(f"RUN {line}\n" for line in script.splitlines())
    for source in (ShellSource(), ContainerSource()):
        assert_on_their_lines(find(source, "Dockerfile", text), text)


_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # `str.splitlines` breaks lines at these too; TOML does not
manifests = st.dictionaries(
    st.sampled_from(["models", "datasets", "apis", "extends"]), st.lists(ids_or_text, max_size=3)
)


def _manifest(sections: dict[str, list[str]]) -> str:
    return "".join(f"{key} = {json.dumps(items, ensure_ascii=False)}\n" for key, items in sections.items())


@given(manifests.map(_manifest).filter(lambda text: not any(c in text for c in _LINE_BREAKS)))
def test_manifests(text: str) -> None:
    assert_on_their_lines(find(ManifestSource(), ".modelpolicy.toml", text), text)


@KNOWN_BUG
@given(manifests.map(_manifest), st.sampled_from(_LINE_BREAKS))
def test_manifests_with_unicode_line_breaks(text: str, line_break: str) -> None:
    text = f'apis = ["{line_break}"]\n{text}models = ["org/model"]\n'
    assert_on_their_lines(find(ManifestSource(), ".modelpolicy.toml", text), text)
