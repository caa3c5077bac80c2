"""The JavaScript and TypeScript source: what each form names, and the look-alikes that name nothing."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind, Reference

M, D, A, OL = Kind.MODEL, Kind.DATASET, Kind.API, Kind.OLLAMA


def find(text: str, path: str = "app.js") -> list[Reference]:
    return JavaScriptSource().find(text, FileContext(path, lambda value: value == "models/local"))


def named(text: str, path: str = "app.js") -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in find(text, path)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # transformers.js
        ('const p = await pipeline("sentiment-analysis", "Xenova/distilbert");', [(M, "Xenova/distilbert", 1)]),
        ('pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2", { dtype: "q8" });', [(M, "Xenova/all-MiniLM-L6-v2", 1)]),
        ("const m = await AutoModel.from_pretrained('onnx-community/silero-vad');", [(M, "onnx-community/silero-vad", 1)]),
        ('KokoroTTS.from_pretrained("onnx-community/Kokoro-82M-v1.0-ONNX", {dtype: "fp32"})', [(M, "onnx-community/Kokoro-82M-v1.0-ONNX", 1)]),
        ('AutoTokenizer.from_pretrained("gpt2")', [(M, "gpt2", 1)]),
        # module constants, class fields, arrays, ternaries
        ('const MODEL_ID = "org/x";\nconst m = AutoModel.from_pretrained(MODEL_ID);', [(M, "org/x", 1)]),
        ('const id = "org/x";\nconst m = AutoModel.from_pretrained(id);', [(M, "org/x", 1)]),
        ('class P {\n  static task = "t";\n  static model = "org/x";\n  static get() { return pipeline(this.task, this.model); }\n}', [(M, "org/x", 3)]),
        ('class P {\n  static model_id = "org/x";\n  static f() { return AutoModel.from_pretrained(P.model_id); }\n}', [(M, "org/x", 2)]),
        ('const M = fast ? "org/a" : "org/b";\npipeline("t", M);', [(M, "org/a", 1), (M, "org/b", 1)]),
        ('const id = process.env.MODEL ?? "org/x";\nAutoModel.from_pretrained(id);', [(M, "org/x", 1)]),
        ('const ids = {small: "org/s", big: "org/b"};\nAutoModel.from_pretrained(ids.big);', [(M, "org/b", 1)]),
        ('const ids = ["org/a", "org/b"];\nAutoModel.from_pretrained(ids[0]);', [(M, "org/a", 1), (M, "org/b", 1)]),
        # React state, Vue refs, frozen objects
        ('const [tokenizer, setTokenizer] = useState(param ?? "Xenova/gpt-4");', [(M, "Xenova/gpt-4", 1)]),
        ('const [id, setId] = useState("org/x");\nAutoModel.from_pretrained(id);', [(M, "org/x", 1)]),
        ('const model = ref("org/x");', [(M, "org/x", 1)]),
        ('const ids = Object.freeze(["org/a"]);\nAutoModel.from_pretrained(ids[0]);', [(M, "org/a", 1)]),
        # a parameter: its default and what the file passes it
        ('async function run(model) {\n  return pipeline("t", model);\n}\nrun("org/x");', [(M, "org/x", 4)]),
        ('const run = (id = "org/d") => AutoModel.from_pretrained(id);', [(M, "org/d", 1)]),
        # WebLLM: bare MLC ids in the engine's id position
        ('const selectedModel = "Llama-3.1-8B-Instruct-q4f32_1-MLC";\nconst e = await CreateMLCEngine(selectedModel);', [(M, "Llama-3.1-8B-Instruct-q4f32_1-MLC", 1)]),
        ('CreateWebWorkerMLCEngine(new Worker("w.js"), "phi-2-q4f32_1-MLC")', [(M, "phi-2-q4f32_1-MLC", 1)]),
        ('CreateMLCEngine(["a-MLC", "b-MLC"])', [(M, "a-MLC", 1), (M, "b-MLC", 1)]),
        ('await engine.reload("Qwen2-0.5B-Instruct-q4f16_1-MLC");', [(M, "Qwen2-0.5B-Instruct-q4f16_1-MLC", 1)]),
        # the quoted keys of an object named for models
        ('const TOKENIZER_OPTIONS = Object.freeze({\n  "Xenova/gpt-4": "gpt-4 / gpt-3.5-turbo",\n  "": "Custom",\n});', [(M, "Xenova/gpt-4", 2)]),
        ('const modelChoices = { "org/a": { label: "A" } };', [(M, "org/a", 1)]),
        ('const DATASETS = { "org/ds": "Docs" };', [(D, "org/ds", 1)]),
        # keys and names that say they hold a model
        ('const r = await hf.textGeneration({ model: "org/x", inputs: "hi" });', [(M, "org/x", 1)]),
        ('client.chatCompletion({ model: "meta-llama/Llama-3.1-8B-Instruct", messages })', [(M, "meta-llama/Llama-3.1-8B-Instruct", 1)]),
        ('const EMBEDDING_MODEL = "BAAI/bge-small-en";', [(M, "BAAI/bge-small-en", 1)]),
        ('const cfg = { modelId: "org/x", model_id: "org/y", modelName: "org/z" };', [(M, "org/x", 1), (M, "org/y", 1), (M, "org/z", 1)]),
        ('const opts = { dataset: "org/ds" };', [(D, "org/ds", 1)]),
        ('const MODELS = [\n  "org/a",\n  "org/b",\n];', [(M, "org/a", 2), (M, "org/b", 3)]),
        ('export const MODELS: Cfg[] = [\n  { id: "org/a", name: "A model" },\n];', [(M, "org/a", 2)]),
        ('const model = "org/x" as const;', [(M, "org/x", 1)]),
        # hosted APIs
        ('await openai.chat.completions.create({ model: "gpt-4o", messages });', [(A, "gpt-4o", 1)]),
        ('anthropic.messages.create({ model: "claude-3-5-sonnet-20241022", max_tokens: 10 })', [(A, "claude-3-5-sonnet-20241022", 1)]),
        ('const llm = new ChatOpenAI({ modelName: "gpt-4o-mini" });', [(A, "gpt-4o-mini", 1)]),
        ('const r = streamText({ model: openai("gpt-4o"), prompt });', [(A, "gpt-4o", 1)]),
        ('anthropic("claude-3-haiku-20240307")', [(A, "claude-3-haiku-20240307", 1)]),
        ('google("gemini-1.5-pro")', [(A, "gemini-1.5-pro", 1)]),
        ('openai.responses("gpt-4o")', [(A, "gpt-4o", 1)]),
        ('gateway.languageModel("anthropic/claude-haiku-4.5")', [(A, "claude-haiku-4.5", 1)]),
        ('gateway("openai/gpt-4.1-mini")', [(A, "gpt-4.1-mini", 1)]),
        ('gateway("xai/grok-3")', [(A, "grok-3", 1)]),
        ('vertex("gemini-1.5-flash")', [(A, "gemini-1.5-flash", 1)]),
        ('huggingface("meta-llama/Llama-3.1-8B-Instruct")', []),
        ('openai.chat("meta-llama/Llama-3.1-8B-Instruct")', [(M, "meta-llama/Llama-3.1-8B-Instruct", 1)]),
        ('export const DEFAULT_CHAT_MODEL = "google/gemini-2.5-flash-lite";', [(A, "gemini-2.5-flash-lite", 1)]),
        # Ollama, in a file that imports it (or calls it by its name)
        ("import ollama from 'ollama'\nawait ollama.chat({ model: 'llama3.1', messages })", [(OL, "llama3.1", 2)]),
        ("import { Ollama } from 'ollama/browser'\nconst c = new Ollama()\nc.generate({ model: 'x/z-image-turbo' })", [(OL, "x/z-image-turbo", 3)]),
        ("const ollama = require('ollama')\nollama.pull({ model: 'gpt-oss:20b' })", [(OL, "gpt-oss:20b", 2)]),
        ("ollama.embed({ model: 'nomic-embed-text' })", [(OL, "nomic-embed-text", 1)]),
        ("import ollama from 'ollama'\nasync function run(model: string) {\n  await ollama.chat({ model: model })\n}\nrun('qwen3')", [(OL, "qwen3", 5)]),
        ("import ollama from 'ollama'\nconst model = 'llama3.1'\nollama.pull({ model })", [(OL, "llama3.1", 2)]),
        # a framework's package for Ollama: LlamaIndex's, LangChain's, the AI SDK's community providers
        ('import { ollama } from "@llamaindex/ollama";\nconst llm = ollama({ model: "gpt-oss:20b" });', [(OL, "gpt-oss:20b", 2)]),
        ('import { ChatOllama } from "@langchain/ollama";\nnew ChatOllama({ model: "qwen3" });', [(OL, "qwen3", 2)]),
        ('const { createOllama } = require("ollama-ai-provider");\nconst m = { model: "llama3.2" };', [(OL, "llama3.2", 2)]),
        # a hosted API's name stays the API's there, and a package merely like the name is none of Ollama's
        ('import { ollama } from "@llamaindex/ollama";\nimport { OpenAI } from "@llamaindex/openai";\nnew OpenAI({ model: "gpt-4o" });', [(A, "gpt-4o", 3)]),
        ('import x from "ollamazing";\nconst m = { model: "my-assistant" };', []),
        ('import x from "./ollama";\nconst m = { model: "my-assistant" };', []),
        # Hub URLs
        ('const URL = "https://huggingface.co/datasets/Xenova/transformers.js-docs/resolve/main/jfk.wav";', [(D, "Xenova/transformers.js-docs", 1)]),
        ('fetch("https://huggingface.co/org/x/resolve/v1/model.onnx")', [(M, "org/x", 1)]),
        ("const src = `https://huggingface.co/datasets/org/ds/resolve/main/audio/${id}.mp3`;", [(D, "org/ds", 1)]),
        ('<a href="https://huggingface.co/org/x">card</a>', [(M, "org/x", 1)]),
        ('const m = { model: "https://huggingface.co/mlc-ai/Llama-3-MLC", model_id: "Llama-3-MLC" };', [(M, "mlc-ai/Llama-3-MLC", 1)]),
        # escapes in strings are read
        ('AutoModel.from_pretrained("org\\u002Fx")', [(M, "org/x", 1)]),
        # names spelled other than in plain lower-case ASCII: a key's escape, a KELVIN SIGN (`k` lower-cased)
        ('const cfg = { "\\u006dodel": "org/x" };', [(M, "org/x", 1)]),
        ('const to\u212aenizer = "org/x"; // a model', [(M, "org/x", 1)]),
        # a name's words apart, among calls that name nothing
        ('f(g(h));\nconst [a, setA] = useState(1);\nconst dataPath = "org/d"; // model', [(D, "org/d", 3)]),
        ('f(g(h));\nconst lm_name = "org/x"; // model', [(M, "org/x", 2)]),
    ],
)  # fmt: skip
def test_what_each_form_names(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    path = "app.tsx" if "<a" in text else "app.ts"
    assert sorted(named(text, path)) == sorted(expected)
    assert JavaScriptSource().markers.admit(text.encode(), path) or not expected


@pytest.mark.parametrize(
    "text",
    [
        # a template literal with substitutions is built at run time
        "pipeline('t', `${org}/${name}`)",
        "const MODEL_ID = `org/${name}`;",
        "const u = `https://huggingface.co/datasets/org/${name}/resolve/main/x`;",
        "const u = `https://huggingface.co/${id}/resolve/main/x`;",
        # local paths, import specifiers, modules
        'AutoModel.from_pretrained("./models/x")',
        'AutoModel.from_pretrained("models/local")',
        'import { pipeline } from "@xenova/transformers";',
        'import OpenAI from "openai";\nconst c = new OpenAI();',
        'const { pipeline } = require("@huggingface/transformers");',
        'import x from "react-dom/client";',
        # MIME types, CSS, other hosts, labels, keys that are not model names
        'const blob = new Blob([data], { type: "audio/wav" });',
        'const s = { display: "flex", color: "rgb(0 0 0 / 50%)" };',
        'fetch("https://github.com/org/x/resolve/main/model.onnx")',
        'const label = "org/x";',
        'const m = { name: "GPT-4o", provider: "openai" };',
        'const m = { model: "GPT-4o" };',
        'const m = { label: "claude-3-haiku" };',
        'const m = { model: "Llama 3.1 8B" };',
        'const [label, setLabel] = useState("org/x");',
        # quoted keys of other objects: lint rules, path maps, what a program writes
        'const config = { rules: { "react/prop-types": "off", "import/no-unresolved": "error" } };',
        'const paths = { "src/utils": "./utils" };',
        'const OUTPUT_MODELS = { "org/x": true };',
        # an owner-less name outside a loader's id position is no Hub id
        'const m = { model: "llama" };',
        "const MODEL_NAME = 'resnet50';",
        # an Ollama tag only in an Ollama client's file
        "client.chat({ model: 'llama3.1' })",
        # a method named like a loader, on something else
        "window.location.reload(true);",
        'cache.reload("config");',
        'myProvider.languageModel("title-model")',
        'openai("not a model")',
        # prose holding a URL, comments
        'const help = "see https://huggingface.co/org/x for details";',
        '// pipeline("t", "org/x")\n/* AutoModel.from_pretrained("org/y") */',
        # a site page of the Hub
        'const u = "https://huggingface.co/docs/transformers";',
        'const r = await fetch("https://huggingface.co/oauth/userinfo", { headers });',
        'const PRO_URL = "https://huggingface.co/subscribe/pro";',
        "const e = `https://huggingface.co/${model}`;",
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert find(text, "app.ts") == []


def test_the_column_counts_characters_and_points_at_the_quote() -> None:
    [reference] = find('const é = 1; AutoModel.from_pretrained("org/x");')
    assert (reference.line, reference.column, reference.source, reference.form) == (
        1,
        39,
        "javascript",
        "from_pretrained",
    )


def test_a_revision_in_a_url_is_kept() -> None:
    [reference] = find('fetch("https://huggingface.co/org/x/resolve/abc123/model.onnx")')
    assert (reference.text, reference.revision, reference.form) == ("org/x", "abc123", "url")


def test_a_constant_passed_twice_is_one_reference_at_the_constant() -> None:
    text = 'const ID = "org/x";\nAutoModel.from_pretrained(ID);\nAutoTokenizer.from_pretrained(ID);\n'
    assert named(text) == [(M, "org/x", 1)]


@pytest.mark.parametrize("path", ["a.js", "a.jsx", "a.mjs", "a.cjs", "a.ts", "a.tsx", "a.mts", "a.cts", "A.TS"])
def test_every_ending_is_read_with_its_grammar(path: str) -> None:
    typed = 'const id: string = "org/x";\n' if "ts" in path.lower() else 'const id = "org/x";\n'
    jsx = "const v = <div>{id}</div>;\n" if path.lower().endswith("x") else ""
    assert named(typed + jsx + "AutoModel.from_pretrained(id);\n", path) == [(M, "org/x", 1)]


def test_wants_only_javascript_and_typescript() -> None:
    source = JavaScriptSource()
    assert all(source.wants(p) for p in ["src/a.js", "a.JSX", "x.d.ts", "w.mts"])
    assert not any(source.wants(p) for p in ["a.json", "a.py", "js", "a.tsx.bak", "README.md"])


def test_a_syntax_error_where_a_model_may_be_named_is_a_source_error_with_what_was_read() -> None:
    text = 'AutoModel.from_pretrained("org/x");\nconst m = { model: "org/y" ;;; )))\n'
    with pytest.raises(SourceError) as raised:
        find(text)
    assert raised.value.line == 2
    assert ("org/x", 1) in [(r.text, r.line) for r in raised.value.found]


def test_a_syntax_error_that_names_nothing_is_read_around() -> None:
    """The grammar rejects some text compilers accept (`&` in JSX text): where no marker is, it is no finding."""
    text = 'const v = <span><u>Drag & drop</u></span>;\npipeline("t", "org/x");\n'
    assert named(text, "a.jsx") == [(M, "org/x", 2)]
    text = 'const v = <h3 className="x">Model Size & Performance</h3>;\npipeline("t", "org/x");\n'
    assert named(text, "a.tsx") == [(M, "org/x", 2)]


def test_markers_drop_files_without_a_marker_word() -> None:
    markers = JavaScriptSource().markers
    assert markers.admit(b'import x from "y";\nAutoModel.from_pretrained(id)', "a.js")
    assert markers.admit(b'const MODEL = "org/x"', "a.js")
    assert markers.admit(b'const u = "https://hf.co/org/x"', "a.js")
    assert markers.admit(b'const s = "\\u006dodel"', "a.js")
    assert not markers.admit(b'import React from "react";\nexport default () => <div/>;\n', "a.jsx")


def test_the_source_does_not_import_tree_sitter_until_a_file_is_read() -> None:
    import subprocess
    import sys

    probe = "import sys, modelpolicy.discover.javascript; print('tree_sitter' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout == "False\n"


def test_lines_end_where_the_other_sources_end_them() -> None:
    """A lone `\\r` ends a line for Python's `ast` and for suppressions; the grammar counts `\\n` alone."""
    [reference] = find('a;\rb;\r\nc;\n  pipeline("t", "org/x")')
    assert (reference.line, reference.column) == (4, 16)


def test_a_scan_reads_javascript_and_typescript_files(tmp_path: Path) -> None:
    (tmp_path / "worker.js").write_text(
        'import { pipeline } from "@huggingface/transformers";\npipeline("t", "org/x");\n'
    )
    (tmp_path / "chat.ts").write_text('import ollama from "ollama";\nawait ollama.chat({ model: "llama3.1" });\n')
    (tmp_path / "skip.ts").write_text('pipeline("t", "org/y"); // modelpolicy: ignore vendored example\n')
    found = {(a.kind, a.id, a.references[0].path) for a in discover(tmp_path, [tmp_path]).artefacts}
    assert found == {(M, "org/x", "worker.js"), (OL, "llama3.1", "chat.ts")}


# --- Svelte and Vue single-file components: their <script> blocks ------------------------------------------------

_SVELTE = """<script lang="ts">
\tlet embeddingModel = 'sentence-transformers/all-MiniLM-L6-v2';
\tconst DEFAULT_MODEL = "gpt-4o";
</script>

<div class="model">
\t<input placeholder="org/markup" bind:value={embeddingModel} />
\t<p>model: "org/markup"</p>
</div>

<style>
\t.model { content: "org/style"; }
</style>
"""

_VUE = """<template>
  <div :model="'org/template'">{{ modelId }}</div>
</template>
<script setup>
import { pipeline } from '@huggingface/transformers';
const p = await pipeline('sentiment-analysis', 'Xenova/distilbert-base-uncased');
</script>
"""


def test_a_svelte_component_is_read_in_its_script_blocks_only() -> None:
    found = find(_SVELTE, "src/lib/Settings.svelte")
    assert [(r.kind, r.text, r.line, r.column) for r in found] == [
        (M, "sentence-transformers/all-MiniLM-L6-v2", 2, 22),
        (A, "gpt-4o", 3, 23),
    ]


def test_a_vue_component_is_read_in_its_script_blocks_only() -> None:
    assert named(_VUE, "src/App.vue") == [(M, "Xenova/distilbert-base-uncased", 6)]


@pytest.mark.parametrize(
    "text",
    [
        '<div model="org/x">{"org/y"}</div>\n',  # markup only
        '<style>.a { content: "org/x"; }</style>\n',
        "<script>\nconst MODEL_ID = 'org/x';\n",  # an unclosed block is markup
        "<template><p>const MODEL_ID = 'org/x';</p></template>\n",
    ],
)
def test_component_markup_names_nothing(text: str) -> None:
    assert find(text, "Page.svelte") == [] and find(text, "Page.vue") == []


_OPTIONS = """<script>
\tlet STT_MODEL = '';
</script>

<input list="model-list" bind:value={STT_MODEL} />
<datalist id="model-list">
\t<option value="whisper-1" />
</datalist>
<select bind:value={model}><option value='gpt-4o'>GPT-4o</option><option value="openai/gpt-4o-mini">Mini</option></select>
"""


def test_the_api_models_a_component_offers_as_options() -> None:
    found = find(_OPTIONS, "src/lib/Audio.svelte")
    assert [(r.kind, r.text, r.line, r.column, r.form) for r in found] == [
        (A, "whisper-1", 7, 15, "option"),
        (A, "gpt-4o", 9, 41, "option"),
        (A, "gpt-4o-mini", 9, 79, "option"),
    ]
    assert [r.text for r in find(_OPTIONS, "src/App.vue")] == ["whisper-1", "gpt-4o", "gpt-4o-mini"]


@pytest.mark.parametrize(
    "text",
    [
        '<select><option value="openai">OpenAI</option><option value="">Default</option></select>\n',
        '<option value="org/x">A Hub id is not read from markup</option>\n',
        '<option value="GPT-4o">a label, not a name</option>\n',
        "<option value={voice.name} />\n",  # bound: the script's
        '<option data-value="gpt-4o" label="gpt-4o">x</option>\n',  # not the value
        '<p>value="gpt-4o"</p>\n',  # not an option
        "<script>\nconst html = '<option value=\"gpt-4o\">';\n</script>\n",  # in the script, a string of markup
    ],
)
def test_option_look_alikes(text: str) -> None:
    assert find(text, "Page.svelte") == [] and find(text, "Page.vue") == []


def test_components_are_routed_to_the_javascript_source() -> None:
    assert JavaScriptSource().wants("src/routes/+page.svelte") and JavaScriptSource().wants("src/App.vue")


def in_tree(value: str) -> bool:  # one function for every file of a scan, as discovery gives one
    return False


def test_a_bundle_copied_twice_names_the_same_at_each_path() -> None:
    bundle = "function f(a) { return a + 1; }\n" * 1000 + 'const m = pipeline("t", "org/x");\n'
    first, second = (JavaScriptSource().find(bundle, FileContext(p, in_tree)) for p in ("a/app.js", "b/app.js"))
    assert [(r.path, r.text, r.line) for r in first + second] == [
        ("a/app.js", "org/x", 1001),
        ("b/app.js", "org/x", 1001),
    ]


def test_a_broken_bundle_copied_twice_is_unreadable_at_each_path() -> None:
    bundle = "function f(a) { return a + 1; }\n" * 1000 + 'pipeline("t", "org/x"); model = (;\n'
    for path in ("a/app.js", "b/app.js"):
        with pytest.raises(SourceError) as raised:
            JavaScriptSource().find(bundle, FileContext(path, in_tree))
        assert raised.value.line == 1001
        assert [(r.path, r.text) for r in raised.value.found] == [(path, "org/x")]


MINIFIED = "".join(f"function f{i}(a){{return a+{i}}};" for i in range(1500)) + 'pipeline("t","org/x");'


def test_a_minified_bundle_is_listed_as_not_read_and_is_no_finding(tmp_path: Path) -> None:
    """A large file of lines averaging thousands of characters (pdf.js's worker, a Next.js chunk) is built or vendored
    code: it is not parsed, and it is listed as skipped with the reason, as a file over the size limit is, without
    failing the gate as an unreadable file would. The code beside it is read as before."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "worker.min.js").write_text(MINIFIED + "\n")
    (tmp_path / "app.js").write_text('pipeline("t", "org/app");\n')
    discovery = discover(tmp_path, [tmp_path])
    assert [a.id for a in discovery.artefacts] == ["org/app"]
    [skipped] = discovery.skipped
    assert skipped.path == "static/worker.min.js"
    assert skipped.reason.startswith("minified bundle (built or vendored code), not parsed")
    assert not skipped.may_name


def test_what_is_not_minified_is_read_whatever_its_size_or_name() -> None:
    """The same code written one function a line is read, however large; a minified line under 16 KB is read; a name
    alone (`.min.js`) makes no bundle; a Vue component is read whatever its lines."""
    spread = MINIFIED.replace(";", ";\n")
    assert [r.text for r in find(spread, "bundle.min.js")] == ["org/x"]
    small = MINIFIED[-4000:]
    assert [r.text for r in find(small[small.index("function") :])] == ["org/x"]
    assert [r.text for r in find(f"<script>\n{MINIFIED}\n</script>\n", "Page.vue")] == ["org/x"]


def test_a_minified_bundle_a_script_writes_names_nothing_and_the_script_is_read() -> None:
    """A heredoc that writes a minified bundle: the bundle is not parsed, and the script around it is still read."""
    from modelpolicy.discover.shell import ShellSource

    script = f"huggingface-cli download org/y\ncat > app.min.js <<EOF\n{MINIFIED}\nEOF\n"
    found = ShellSource().find(script, FileContext("run.sh", lambda _: False))
    assert [r.text for r in found] == ["org/y"]


def test_a_switch_over_a_model_routes_each_case_s_model() -> None:
    """`switch (chatSettings.model) { case "gpt-4o": ... }` (chatbot-ui's Azure deployments by model), `switch (model)`:
    the quoted cases of a switch over a name or field named for a model are its models."""
    text = """\
function deployment(chatSettings, profile, model) {
  switch (chatSettings.model) {
    case "gpt-3.5-turbo":
      return profile.azure_openai_35_turbo_id
    case "gpt-4-turbo-preview":
      return profile.azure_openai_45_turbo_id
    default:
      return ""
  }
}
function price(modelId) {
  switch (modelId) {
    case "claude-3-5-sonnet-20240620": return 3
    case "org/model": return 1
  }
}
"""
    assert named(text, "route.ts") == [
        (A, "gpt-3.5-turbo", 3),
        (A, "gpt-4-turbo-preview", 5),
        (A, "claude-3-5-sonnet-20240620", 13),
        (M, "org/model", 14),
    ]


def test_a_switch_over_anything_else_names_nothing() -> None:
    text = """\
switch (provider) { case "openai": break; case "gpt-4o": break }
switch (action.type) { case "gpt-4o": break }
switch (model.provider) { case "gpt-4o": break }
switch (getModel()) { case "gpt-4o": break }
switch (model) { case `${family}-mini`: break; case OTHER: break; case 4: break }
if (settings.model === "gpt-4o") { run() }
"""
    assert named(text, "route.ts") == []


def test_a_model_sent_to_an_ollama_server_by_rest_is_an_ollama_model() -> None:
    """No ollama-js import, but the file calls the server's REST API (`OLLAMA_URL + "/api/chat"`, the port 11434): a
    value under a model's name that the Ollama library knows, or that carries a tag, is an Ollama model."""
    text = """\
const OLLAMA_URL = process.env.NEXT_PUBLIC_OLLAMA_URL || "http://localhost:11434"
export async function chat(messages) {
  await fetch(OLLAMA_URL + "/api/chat", { body: JSON.stringify({ model: "llama3.1:8b", messages }) })
  await fetch(`${OLLAMA_URL}/api/embeddings`, { body: JSON.stringify({ model: "nomic-embed-text", prompt: "x" }) })
  await openai.chat.completions.create({ model: "gpt-4o", messages })
  await hub({ model: "meta-llama/Llama-3.1-8B-Instruct" })
}
"""
    assert named(text, "lib/chat.ts") == [
        (OL, "llama3.1:8b", 3),
        (OL, "nomic-embed-text", 4),
        (A, "gpt-4o", 5),
        (M, "meta-llama/Llama-3.1-8B-Instruct", 6),
    ]


def test_without_an_ollama_server_a_library_name_is_no_ollama_model() -> None:
    text = """\
await fetch("http://localhost:8000/v1/chat", { body: JSON.stringify({ model: "my-finetune:8b" }) })
const settings = { model: "nomic-embed-text", template: "llama2", label: "llama3.1:8b" }
"""
    assert named(text, "lib/chat.ts") == []
    beside = (
        'const URL = "http://localhost:11434"\nconst settings = { model: "test", template: "llama2", x: "mistral" }\n'
    )
    assert named(beside, "lib/chat.ts") == []


def test_a_model_card_s_other_ids_name_the_model_a_provider_is_sent() -> None:
    """chatbot-ui's cards: `modelId` picks the card, `hostedId` is what the provider serves (the same, or Groq's
    `llama3-70b-4096` beside `llama3-70b-8192`); another id of the card names a model when it is an API's name."""
    text = """\
const LLAMA3_70B = {
  modelId: "llama3-70b-8192",
  modelName: "LLaMA3-70b-chat",
  provider: "groq",
  hostedId: "llama3-70b-4096",
  platformLink: "https://groq.com/",
}
const CLAUDE = { model: "claude-3-5-sonnet-20240620", apiId: "claude-3-5-sonnet-latest" }
"""
    assert named(text, "lib/models/llm/groq-llm-list.ts") == [
        (A, "llama3-70b-8192", 2),
        (A, "llama3-70b-4096", 5),
        (A, "claude-3-5-sonnet-20240620", 8),
        (A, "claude-3-5-sonnet-latest", 8),
    ]


def test_ids_beside_no_model_or_holding_no_api_name_name_nothing() -> None:
    text = """\
const request = { model: "gpt-4o", userId: "6f1c2d3e-1111-2222-3333-444455556666", chatId: "abc", id: "llama3" }
const tool = { hostedId: "gpt-4o", name: "x" }
const chat = { model: "gpt-4o", assistantId: "asst_123", vectorStoreId: "vs_abc", label: "gpt-4o-mini" }
"""
    assert named(text, "lib/chat.ts") == [(A, "gpt-4o", 1), (A, "gpt-4o", 3)]


def test_a_tagged_library_name_is_ollama_s_without_a_server_in_sight() -> None:
    """`llama3.1:8b` is Ollama's spelling alone: no Hub id and no hosted API's name carries such a tag."""
    text = """\
const model = "llama3.1:8b"
await fetch("http://localhost:8000/v1/chat", { body: JSON.stringify({ model: "qwen2.5:7b-instruct" }) })
"""
    assert named(text, "lib/chat.ts") == [(OL, "llama3.1:8b", 1), (OL, "qwen2.5:7b-instruct", 2)]


def test_a_model_servers_image_written_as_a_whole_string_is_read() -> None:
    def images(text: str) -> list[tuple[Kind, str, int]]:
        return named(text, "dialog.jsx")

    nim = images(
        "const modelOptions = {\n"
        "    'nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8.0-RTX': { label: 'Llama 3.1 8B Instruct' },\n"
        "}\n"
    )
    assert nim == [(Kind.IMAGE, "nvcr.io/nim/meta/llama-3.1-8b-instruct:1.8.0-RTX", 2)]
    container = images('const ollama = await new GenericContainer("ollama/ollama:0.3.12").start();')
    assert container == [(Kind.IMAGE, "ollama/ollama:0.3.12", 1)]
    # generic images, paths and prose that name a server, and an image with its tag left to a substitution
    assert images('const a = "python:3.11", b = "redis/redis-stack:latest", c = "docker/ollama/README.md";') == []
    assert images('const d = "pull ollama/ollama first"; const e = `vllm/vllm-openai:${TAG}`;') == []


def test_a_table_of_datasets_under_a_folder_names_only_the_hub_ones() -> None:
    """A seed table of an app's own datasets filed in a `folder/`, beside a Hub dataset."""
    text = (
        "export const SEED_DATASETS = [\n"
        '  { name: "folder/simple-dataset", items: [] },\n'
        '  { name: "acme/reviews", items: [] },\n'
        "];\n"
    )
    assert [(r.kind, r.text, r.line) for r in find(text, "seed.ts")] == [(Kind.DATASET, "acme/reviews", 3)]
