"""Forms found on web apps and client libraries the benchmark does not label (issue 16, tenth blind wave: SillyTavern,
create-llama, Chroma's clients): a web page's model pickers (`<select id="vectors_openai_model"><option
value="text-embedding-3-small">`, also Hub ids under a select named for models) and its `<script>` blocks, the same
markup written by a script into the page, a JavaScript table of Ollama's models keyed by name in a file that calls
Ollama, an enum of embedding models by a library's short names (`"all-MiniLM-L6-v2"`), and the PaLM API's
`models/embedding-gecko-001`."""

from __future__ import annotations

import pytest

from modelpolicy.discover import ROUTES
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

M, A, OLLAMA = Kind.MODEL, Kind.API, Kind.OLLAMA


def find(text: str, path: str) -> set[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: value.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


# --- web pages ------------------------------------------------------------------------------------------------------

_SETTINGS_PAGE = """<div id="vectors_settings">
  <select id="vectors_source">
    <option value="openai">OpenAI</option>
    <option value="mistral">MistralAI</option>
  </select>
  <select id="vectors_openai_model" class="text_pole">
    <option value="text-embedding-ada-002">text-embedding-ada-002</option>
    <option value="text-embedding-3-small">text-embedding-3-small</option>
  </select>
  <select id="vectors_togetherai_model">
    <option value="togethercomputer/m2-bert-80M-32k-retrieval">M2-BERT</option>
    <option value="BAAI/bge-large-en-v1.5">BGE</option>
  </select>
</div>
"""


def test_a_pages_model_pickers() -> None:
    assert find(_SETTINGS_PAGE, "public/extensions/vectors/settings.html") == {
        (A, "text-embedding-ada-002", 7),
        (A, "text-embedding-3-small", 8),
        (M, "togethercomputer/m2-bert-80M-32k-retrieval", 11),
        (M, "BAAI/bge-large-en-v1.5", 12),
    }


def test_pages_are_read_by_the_javascript_source() -> None:
    assert JavaScriptSource().wants("public/index.html") and JavaScriptSource().wants("docs/demo.HTM")
    route = next(route for route in ROUTES if route.name == "JavaScriptSource")
    assert route.may_want("index", "html") and route.may_want("demo", "htm")


def test_a_pages_script_is_code() -> None:
    page = (
        "<html><body>\n"
        '<script type="module">\n'
        "import { pipeline } from 'https://cdn.jsdelivr.net/npm/@huggingface/transformers';\n"
        "const classify = await pipeline('sentiment-analysis',\n"
        "  'Xenova/distilbert-base-uncased-finetuned-sst-2-english');\n"
        "</script>\n</body></html>\n"
    )
    assert find(page, "demo/index.html") == {(M, "Xenova/distilbert-base-uncased-finetuned-sst-2-english", 5)}


@pytest.mark.parametrize(
    "page",
    [
        # scripts of data or markup, not code
        '<script type="application/json">{"model": "org/not-code"}</script>\n',
        '<script type="text/template"><option value="gpt-4o"></option><option value="o3"></option></script>\n',
        # a select of other things offers no Hub id; one option alone says nothing of a list of models
        '<select name="language"><option value="en/US">English</option><option value="org/x">X</option></select>\n',
        '<select name="model"><option value="./models/local">Local</option></select>\n',
        # labels and words
        '<select id="model"><option value="GPT-4o">GPT-4o</option><option value="default">Default</option></select>\n',
    ],
)
def test_page_look_alikes_name_nothing(page: str) -> None:
    assert find(page, "templates/index.html") == set()


def test_a_server_template_is_read_as_far_as_it_parses() -> None:
    page = '<script>\nconst model = {{ model|tojson }};\n{% if x %}pipeline("x", "org/y"){% endif %}\n</script>\n'
    assert find(page, "templates/chat.html") == {(M, "org/y", 3)}  # no error: a page that only parses once rendered


def test_markup_a_script_writes_into_the_page() -> None:
    script = (
        "class OpenAITtsProvider {\n"
        "  get settingsHtml() {\n"
        '    return `<label for="openai-tts-model">Model:</label>\n'
        '      <select id="openai-tts-model">\n'
        '        <option value="tts-1">tts-1</option>\n'
        '        <option value="tts-1-hd">tts-1-hd</option>\n'
        "      </select>`;\n"
        "  }\n}\n"
    )
    assert find(script, "public/extensions/tts/openai.js") == {(A, "tts-1", 5), (A, "tts-1-hd", 6)}


@pytest.mark.parametrize(
    "script",
    [
        # a select not named for a model, in a string (a test's fixture, another list)
        'const html = `<select><option value="gpt-4o">a</option><option value="gpt-4o-mini">b</option></select>`;\n',
        'const html = \'<select id="voice"><option value="alloy">a</option><option value="org/x">b</option>\';\n',
        # a comment's markup
        '// <select id="model"><option value="gpt-4o">a</option><option value="o3">b</option></select>\n',
    ],
)
def test_string_markup_look_alikes(script: str) -> None:
    assert find(script, "src/settings.js") == set()


# --- an Ollama table keyed by name, in JavaScript ---------------------------------------------------------------------

_OLLAMA_TABLE = """import ollama from "ollama";
const EMBEDDING_MODELS: Record<string, ModelData> = {
  "nomic-embed-text": { dimensions: 768 },
  "mxbai-embed-large": { dimensions: 1024 },
  "all-minilm": { dimensions: 384 },
};
"""


def test_a_table_of_ollamas_models_keyed_by_name() -> None:
    assert find(_OLLAMA_TABLE, "helpers/providers/ollama.ts") == {
        (OLLAMA, "nomic-embed-text", 3),
        (OLLAMA, "mxbai-embed-large", 4),
        (OLLAMA, "all-minilm", 5),
    }


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # no Ollama in sight: the keys are the program's names
        (_OLLAMA_TABLE.replace('import ollama from "ollama";', ""), "helpers/providers/local.ts"),
        # in a file that calls Ollama, a table whose keys are mostly not the library's
        (
            'import ollama from "ollama";\nconst MODELS = {"fast": {}, "smart": {}, "llama3.1": {}};\n',
            "src/models.ts",
        ),
        # too few to say the table is Ollama's
        ('import ollama from "ollama";\nconst MODELS = {"llama3.1": {}, "phi3": {}};\n', "src/models.ts"),
    ],
)
def test_ollama_table_look_alikes(text: str, path: str) -> None:
    assert {found for found in find(text, path) if found[0] is OLLAMA} == set()


# --- a library's short names in an enum of model types ---------------------------------------------------------------


def test_an_enum_of_embedding_models_by_a_librarys_short_names() -> None:
    text = (
        "enum HuggingFaceEmbeddingModelType {\n"
        '  XENOVA_ALL_MINILM_L6_V2 = "all-MiniLM-L6-v2",\n'
        '  XENOVA_ALL_MPNET_BASE_V2 = "all-mpnet-base-v2",\n'
        "}\n"
    )
    assert find(text, "helpers/providers/groq.ts") == {(M, "all-MiniLM-L6-v2", 2), (M, "all-mpnet-base-v2", 3)}


@pytest.mark.parametrize(
    "text",
    [
        'enum EmbeddingModelType {\n  SMALL = "small",\n  BERT = "bert",\n}\n',
        'type ModelType = "minilm" | "mpnet";\n',
    ],
)
def test_words_in_an_enum_of_model_types_name_nothing(text: str) -> None:
    assert find(text, "src/types.ts") == set()


# --- the PaLM API's embedding model ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["models/embedding-gecko-001", "embedding-gecko-001"])
def test_palms_embedding_model_is_googles_api(name: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == "google"


def test_palms_embedding_model_as_a_parameters_default() -> None:
    source = (
        "class GooglePalmEmbeddingFunction:\n"
        '    def __init__(self, model_name: str = "models/embedding-gecko-001"):\n'
        "        self.model_name = model_name\n"
    )
    references = PythonSource().find(source, FileContext("ef/google.py", lambda text: False))
    assert {(r.kind, r.text) for r in references} == {(A, "models/embedding-gecko-001")}


@pytest.mark.parametrize("name", ["gecko", "embedding-gecko", "text-gecko-001"])
def test_gecko_look_alikes_are_no_api(name: str) -> None:
    found = load_knowledge().provider(name)
    assert found is None or found.key != "google"


# --- Nomic's embedding API --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ('from nomic import embed\nout = embed.text(texts=["a"], model="nomic-embed-text-v1.5")\n', "rag/embed.py"),
        (
            'from langchain_nomic import NomicEmbeddings\ne = NomicEmbeddings(model="nomic-embed-text-v1.5")\n',
            "rag/lc.py",
        ),
    ],
)
def test_nomics_api_beside_its_client(source: str, path: str) -> None:
    references = PythonSource().find(source, FileContext(path, lambda text: False))
    assert {(r.kind, r.text) for r in references} == {(A, "nomic-embed-text-v1.5")}


def test_nomics_api_beside_its_endpoint_in_javascript() -> None:
    script = (
        "const SOURCES = {\n  nomicai: {\n    url: 'api-atlas.nomic.ai/v1/embedding/text',\n"
        "    model: 'nomic-embed-text-v1.5',\n  },\n};\n"
    )
    assert find(script, "src/vectors/nomicai-vectors.js") == {(A, "nomic-embed-text-v1.5", 4)}


@pytest.mark.parametrize(
    "source",
    [
        # the open weights, by their Hub id or an Ollama tag, or a plain name with no Nomic API in sight
        'import sentence_transformers as st\nm = st.SentenceTransformer("nomic-ai/nomic-embed-text-v1.5")\n',
        'import ollama\nollama.embed(model="nomic-embed-text", input="a")\n',
        'MODEL_NAME = "nomic-embed-text-v1.5"\n',
        # GPT4All's local weights file, beside Nomic's client
        'from nomic import embed\nfrom gpt4all import Embed4All\ne = Embed4All("nomic-embed-text-v1.5.f16.gguf")\n',
    ],
)
def test_nomic_look_alikes_are_no_api(source: str) -> None:
    references = PythonSource().find(source, FileContext("rag/app.py", lambda text: False))
    assert {r.text for r in references if r.kind is A} == set()


# --- `ollama pull` run by a program ----------------------------------------------------------------------------------


def test_ollama_pull_run_by_a_python_program() -> None:
    source = (
        "import os, subprocess\n"
        'subprocess.run(["ollama", "pull", "llama3.1"])\n'
        'subprocess.run(["ollama", "run", "qwen2.5:7b", "hi"])\n'
        'os.system("ollama pull mistral && echo done")\n'
    )
    references = PythonSource().find(source, FileContext("setup_models.py", lambda text: False))
    assert {(r.kind, r.text, r.line) for r in references} == {
        (OLLAMA, "llama3.1", 2),
        (OLLAMA, "qwen2.5:7b", 3),
        (OLLAMA, "mistral", 4),
    }


def test_ollama_pull_run_by_a_script() -> None:
    script = (
        'const { execSync, spawn } = require("child_process");\n'
        'execSync("ollama pull llama3.1");\n'
        'spawn("ollama", ["run", "qwen2.5:7b"]);\n'
        'await container.exec(["ollama", "pull", "chroma/all-minilm-l6-v2-f32"]);\n'
    )
    assert find(script, "test/startOllama.ts") == {
        (OLLAMA, "llama3.1", 2),
        (OLLAMA, "qwen2.5:7b", 3),
        (OLLAMA, "chroma/all-minilm-l6-v2-f32", 4),
    }


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ('subprocess.run(["ollama", "list"])\nsubprocess.run(["ollama", "pull", model_name])\n', "setup.py"),
        ('print("Run ollama pull llama3 first")\nlog = "pulled with ollama pull phi3"\n', "setup.py"),
        ('spawn("ollama", ["list"]);\nconsole.log("please run ollama pull phi3");\n', "setup.js"),
        ('// execSync("ollama pull gemma2")\nconst s = `ollama run ${model}`;\n', "setup.js"),
    ],
)
def test_ollama_command_look_alikes(source: str, path: str) -> None:
    if path.endswith(".py"):
        found = {r.text for r in PythonSource().find(source, FileContext(path, lambda text: False))}
    else:
        found = {text for _, text, _ in find(source, path)}
    assert found == set()
