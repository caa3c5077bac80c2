"""Forms of Python and TypeScript applications with many LLM and embedding providers, found on repositories the
benchmark does not label (issue 16, mem0 and gpt-researcher): an attribute's default read through `getattr`, tables
of hosted API names whatever they are called, and the rows of a pricing table keyed by tuples of names."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import without_gguf_file
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolved
from modelpolicy.resolve.knowledge import KnowledgeResolver

M, A = Kind.MODEL, Kind.API


def find(source: str, path: str = "pkg/app.py") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in PythonSource().find(source, context)}


# --- getattr(obj, NAME, DEFAULT) -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'self.model = CrossEncoder(model=getattr(config, "model", "cross-encoder/ms-marco-MiniLM-L-6-v2"))',
            {(M, "cross-encoder/ms-marco-MiniLM-L-6-v2")},
        ),
        ("model = getattr(config, 'model', 'gpt-5-mini')", {(A, "gpt-5-mini")}),
        ('name = getattr(args, "model_name_or_path", "org/base-7b")', {(M, "org/base-7b")}),
        ('data = getattr(args, "dataset_name", "org/corpus")', {(Kind.DATASET, "org/corpus")}),
    ],
)
def test_the_default_of_an_attribute_named_for_a_model_read_through_getattr(
    source: str, expected: set[tuple[Kind, str]]
) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'path = getattr(config, "output_dir", "org/not-a-model")',  # not named for a model
        'model = getattr(config, "model", None)',
        'model = getattr(config, "model")',  # no default
        'model = getattr(config, "model", default_model)',  # a name bound nowhere
        'tokenizer = getattr(config, "model", "fake/path")',  # an id a test makes up
    ],
)
def test_getattr_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- tables of hosted API names whatever they are called ------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'def cost(tokens, model):\n    costs = {"gpt-3.5-turbo": 0.002, "gpt-4o": 0.01, "o3-mini": 0.001}\n'
            "    return costs[model] * tokens\n",
            {(A, "gpt-3.5-turbo"), (A, "gpt-4o"), (A, "o3-mini")},
        ),
        (
            'LABELS = {"gpt-4o": "GPT-4o (Omni)", "gpt-4o-mini": "GPT-4o mini"}',  # labels shown to people
            {(A, "gpt-4o"), (A, "gpt-4o-mini")},
        ),
        (
            'PRICES = {"claude-3-5-haiku-latest": 1.0, "claude-sonnet-4-5": 3.0}',
            {(A, "claude-3-5-haiku-latest"), (A, "claude-sonnet-4-5")},
        ),
        ('choices = ["grok-2", "grok-3-beta"]', {(A, "grok-2"), (A, "grok-3-beta")}),
        ('SUPPORTED = {"gemini-2.0-flash", "gemini-1.5-pro"}', {(A, "gemini-2.0-flash"), (A, "gemini-1.5-pro")}),
    ],
)
def test_two_or_more_api_names_are_a_table_of_models(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'settings = {"temperature": 0.2, "gpt-4o": 1}',  # not every key is an API's name
        'prices = {"gpt-4o": 1.0}',  # one name is no table
        'labels = ["GPT-4o", "GPT-4"]',  # labels shown to people
        'words = ["gpt-4o", "fast"]',
        'print("gpt-4o")',
        'encodings = ["o200k_base", "cl100k_base"]',
        'deprecated = ["gpt-3.5-turbo-0301", "gpt-4-0314"]',  # what a program says it does not use
        'excluded = {"gpt-4o": 1, "gpt-4o-mini": 2}',
        'aliases = {"gpt-4": "mistral-nemo-instruct-2407", "gpt-3.5": "mistral-nemo-instruct-2407"}',  # an alias map
    ],
)
def test_api_table_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- a pricing table whose rows are keyed by a tuple of names -------------------------------------------------------


def test_the_names_keying_the_rows_of_a_table_named_for_models_are_read() -> None:
    source = (
        "OPENAI_MODEL_PRICING = (\n"
        '    (("gpt-5.5-pro",), 30.0, 180.0),\n'
        '    (("claude-opus-4-5", "claude-4-opus"), 5.0, 25.0),\n'
        ")\n"
    )
    assert find(source) == {(A, "gpt-5.5-pro"), (A, "claude-opus-4-5"), (A, "claude-4-opus")}


def test_only_a_rows_first_item_is_read_as_its_names() -> None:
    source = 'MODELS = [("org/a", ["chat", "org/b"]), ("org/c", ("org/d",))]\n'
    assert find(source) == {(M, "org/a"), (M, "org/c")}


# --- rerank and chat APIs of the providers mem0 ships: ZeroEntropy, Sarvam ----------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("zerank-1", "zeroentropy"),
        ("zerank-1-small", "zeroentropy"),
        ("zembed-1", "zeroentropy"),
        ("sarvam-m", "sarvam"),
    ],
)
def test_zeroentropy_and_sarvam_serve_their_api_names(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    resolution = KnowledgeResolver().resolve(Kind.API, name, None)
    assert isinstance(resolution, Resolved) and resolution.terms.license == found.license


@pytest.mark.parametrize(
    "name", ["zeroentropy/zerank-1-small", "sarvamai/sarvam-m", "sarvamai/sarvam-1", "sarvam", "zerank"]
)
def test_their_open_weights_and_names_are_no_api_model(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_a_default_of_these_providers_names_their_api() -> None:
    source = 'class R:\n    def __init__(self, config):\n        self.model = config.model or "zerank-1"\n'
    assert find(source) == {(A, "zerank-1")}
    assert find('model = os.getenv("SARVAM_MODEL", "sarvam-m")\n') == {(A, "sarvam-m")}


# --- LM Studio's model keys: publisher/repository/file.gguf ----------------------------------------------------------

_LMSTUDIO = "lmstudio-community/Meta-Llama-3.1-70B-Instruct-GGUF/Meta-Llama-3.1-70B-Instruct-IQ2_M.gguf"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (_LMSTUDIO, "lmstudio-community/Meta-Llama-3.1-70B-Instruct-GGUF"),
        ("nomic-ai/nomic-embed-text-v1.5-GGUF/nomic-embed-text-v1.5.f16.gguf", "nomic-ai/nomic-embed-text-v1.5-GGUF"),
        ("models/llama/x.gguf", "models/llama/x.gguf"),  # a folder's file: its repository says nothing of GGUF
        ("org/X-GGUF/sub/x.gguf", "org/X-GGUF/sub/x.gguf"),  # a deeper path
        ("org/X-GGUF/x.bin", "org/X-GGUF/x.bin"),
        ("org/X-GGUF", "org/X-GGUF"),
    ],
)
def test_a_gguf_file_key_names_its_repository(value: str, expected: str) -> None:
    assert without_gguf_file(value) == expected


def test_lmstudio_keys_are_read_in_python_javascript_and_config() -> None:
    expected = {(M, "lmstudio-community/Meta-Llama-3.1-70B-Instruct-GGUF")}
    assert find(f'class L:\n    def __init__(self, c):\n        self.model = c.model or "{_LMSTUDIO}"\n') == expected
    context = FileContext("src/llm.ts", lambda text: False)
    found = JavaScriptSource().find(f'const DEFAULT_MODEL = "{_LMSTUDIO}";\n', context)
    assert {(r.kind, r.text) for r in found} == expected
    found = ConfigSource().find(f"llm:\n  model: {_LMSTUDIO}\n", FileContext("c.yaml", lambda text: False))
    assert {(r.kind, r.text) for r in found} == expected


@pytest.mark.parametrize(
    "source",
    [
        'self.model = "models/llama/llama-2-7b.Q4_K_M.gguf"\n',
        'self.model_path = "weights/base/ggml-model-q4_0.gguf"\n',
        'self.model = "./org/X-GGUF/x.gguf"\n',
    ],
)
def test_gguf_files_in_folders_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- a provider's model object given where a model is: agno's `model=OpenAIChat(id=...)` ----------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('agent = Agent(name="x", model=OpenAIChat(id="gpt-4.1-nano-2025-04-14"))', {(A, "gpt-4.1-nano-2025-04-14")}),
        ('agent = Agent(model=Claude(id="claude-sonnet-4-5"))', {(A, "claude-sonnet-4-5")}),
        ('agent = Agent(model=Gemini(id="gemini-2.0-flash"))', {(A, "gemini-2.0-flash")}),
        ('agent = Agent(model=Ollama(id="llama3.1:8b"))', {(Kind.OLLAMA, "llama3.1:8b")}),
        ('MODEL_ID = "gpt-4o"\nagent = Agent(model=OpenAIChat(id=MODEL_ID))', {(A, "gpt-4o")}),
        ('agent = Agent(model=OpenRouter(id="gpt-4o-mini"))', {(A, "gpt-4o-mini")}),  # a gateway's client
    ],
)
def test_the_id_of_a_providers_model_object_given_as_a_model(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'agent = Agent(model=Widget(id="gpt-4o"))',  # not a provider's client
        'agent = Agent(tools=OpenAIChat(id="gpt-4o"))',  # not given as a model
        "agent = Agent(model=OpenAIChat(id=42))",
        'agent = Agent(model=OpenAIChat(id="run-1"))',  # an id that names no model
        'agent = Agent(model=OpenRouter(id="my-router-preset"))',
    ],
)
def test_model_object_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- a class imported from a module of model classes: agno's `from agno.models.aimlapi import AIMLAPI` ---------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('from agno.models.aimlapi import AIMLAPI\nagent = Agent(model=AIMLAPI(id="gpt-5.2"))', {(A, "gpt-5.2")}),
        (
            'from agno.models.vllm import VLLM\nagent = Agent(model=VLLM(id="Qwen/Qwen2.5-7B-Instruct"))',
            {(M, "Qwen/Qwen2.5-7B-Instruct")},
        ),
        ('from pkg.llms.hosted import Hosted as H\nllm = Agent(model=H(id="gpt-4o"))', {(A, "gpt-4o")}),
        (
            'from agno.models.xiaomi import (\n    MiMo,\n)\nagent = Agent(model=MiMo(id="mimo-v2.5-pro"))',
            {(A, "mimo-v2.5-pro")},
        ),
        # the provider its module is named for is in context: Cerebras serves `llama-4-scout-17b-16e-instruct`
        (
            "from agno.models.cerebras import CerebrasOpenAI\n"
            'agent = Agent(model=CerebrasOpenAI(id="llama-4-scout-17b-16e-instruct"))',
            {(A, "llama-4-scout-17b-16e-instruct")},
        ),
        # agno's module of Meta's Llama API shows that API is meant
        (
            "from agno.models.meta import Llama\n"
            'agent = Agent(model=Llama(id="Llama-4-Maverick-17B-128E-Instruct-FP8"))',
            {(A, "Llama-4-Maverick-17B-128E-Instruct-FP8")},
        ),
    ],
)
def test_the_id_of_a_model_class_imported_from_a_models_module(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'from app.widgets import Widget\nagent = Agent(model=Widget(id="gpt-4o"))',  # no module of models
        'from agno.models.aimlapi import AIMLAPI\nagent = Agent(tools=AIMLAPI(id="gpt-4o"))',  # not given as a model
        'from agno.models.aimlapi import AIMLAPI\nagent = Agent(model=AIMLAPI(id="run-1"))',  # names no model
        # a module of tools, not of models, puts no provider in context
        "from agno.tools.cerebras import CerebrasTools\n"
        'agent = Agent(model=OpenAIChat(id="llama-4-scout-17b-16e-instruct"))',
        'from other.meta import Llama\nagent = Agent(model=Llama(id="Llama-4-Maverick-17B-128E-Instruct-FP8"))',
    ],
)
def test_model_class_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from agno.models.openai.like import OpenAILike\n\n"
            'class DashScope(OpenAILike):\n    id: str = "qwen-plus"\n',
            {(A, "qwen-plus")},
        ),
        (
            'from agno.models.base import Model\n\nclass Hosted(Model):\n    id: str = "org/base-7b"\n',
            {(M, "org/base-7b")},
        ),
        (
            "from agno.knowledge.embedder.base import Embedder\n\nclass LocalEmbedder(Embedder):\n"
            '    id: str = "sentence-transformers/all-MiniLM-L6-v2"\n',
            {(M, "sentence-transformers/all-MiniLM-L6-v2")},
        ),
        # derived from a provider's client, wherever it is imported from
        ('class AIMLAPI(OpenAILike):\n    id: str = "gpt-4o-mini"\n', {(A, "gpt-4o-mini")}),
    ],
)
def test_the_id_field_of_a_model_class(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'from app.widgets import Widget\n\nclass Button(Widget):\n    id: str = "org/base-7b"\n',  # no model's class
        'from agno.models.openai.like import OpenAILike\n\nclass DashScope(OpenAILike):\n    id: str = "run-1"\n',
        "from agno.models.openai.like import OpenAILike\n\n"
        'class DashScope(OpenAILike):\n    key: str = "org/base-7b"\n',
    ],
)
def test_model_class_field_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    "source",
    [
        'agent = Agent(model=OpenAIChat(id="gpt-wrong-id"))',  # a retry example's id no API serves
        'wrong_model_id = "claude-invalid-model"\nagent = Agent(model=Claude(id=wrong_model_id))',
        'client.chat.completions.create(model="gpt-4o-fake", messages=[])',
        'agent = Agent(model=TrustedRouter(id="trustedrouter/zdr"))',  # a router's own choice
    ],
)
def test_stand_in_api_names_name_nothing(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'from agno.models.azure import AzureAIFoundry\nagent = Agent(model=AzureAIFoundry(id="Phi-4"))',
            {(A, "Phi-4")},
        ),
        (
            "from azure.ai.inference import ChatCompletionsClient\n"
            'client.complete(model="Mistral-Large-2411", messages=[])',
            {(A, "Mistral-Large-2411")},
        ),
        (
            'from agno.models.ollama import Ollama\nagent = Agent(model=Ollama(id="openhermes"))',
            {(Kind.OLLAMA, "openhermes")},
        ),
    ],
)
def test_azure_ai_foundry_catalogue_names_and_ollama_library_names(
    source: str, expected: set[tuple[Kind, str]]
) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'client.complete(model="Phi-4", messages=[])',  # no Azure endpoint in the file: a local folder's name
        'from agno.models.azure import AzureAIFoundry\nagent = Agent(model=AzureAIFoundry(id="my-deployment"))',
        'agent = Agent(model=OpenAIChat(id="openhermes"))',  # no Ollama in the file
    ],
)
def test_catalogue_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_a_real_name_beside_a_stand_in_is_found() -> None:
    assert find('agent = Agent(model=OpenAIChat(id="gpt-4o-mini"))') == {(A, "gpt-4o-mini")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [("custom/model", True), ("Custom/my-embedder", True), ("custom-org/model", False), ("org/custom", False)],
)
def test_a_custom_owner_is_a_stand_in(text: str, expected: bool) -> None:
    from modelpolicy.discover.identity import is_placeholder

    assert is_placeholder(text) is expected


def test_a_stand_in_given_as_a_model_names_nothing() -> None:
    context = FileContext("src/rerank.test.ts", lambda text: False)
    found = JavaScriptSource().find('const r = new CrossEncoderReranker({ model: "custom/model" }, "d");\n', context)
    assert found == []


# --- JavaScript: a Hub id given to the constructor of a class named for an encoder or reranker -----------------------


def find_js(source: str, path: str = "src/factory.ts") -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in JavaScriptSource().find(source, FileContext(path, lambda text: False))}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'return new CrossEncoderReranker(config, "Xenova/ms-marco-MiniLM-L-6-v2");',
            {(M, "Xenova/ms-marco-MiniLM-L-6-v2")},
        ),
        (
            'const r = new CrossEncoderReranker(config, "Xenova/bge-reranker-base", 512);',
            {(M, "Xenova/bge-reranker-base")},
        ),
        ('const e = new TransformersEmbeddings("Xenova/all-MiniLM-L6-v2");', {(M, "Xenova/all-MiniLM-L6-v2")}),
        ('const t = new BertTokenizer("google-bert/bert-base-uncased");', {(M, "google-bert/bert-base-uncased")}),
    ],
)
def test_a_hub_id_given_to_an_encoders_constructor(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find_js(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'const b = new DataModel("users/123");',  # an ORM's record
        'const c = new Tokenizer("./vocab/x.json");',  # a local file
        'const d = new Map("a/b");',  # not named for a model
        'const e = new UploadEmbeddings("org/out");',  # what the program writes
        'const f = new CrossEncoderReranker(config, "default-model");',  # no owner: a word
        "const g = new CrossEncoderReranker(config, modelId);",  # a name given: the caller's
        'const h = createReranker("Xenova/bge-reranker-base");',  # a call, not a constructor
    ],
)
def test_constructor_look_alikes_name_nothing(source: str) -> None:
    assert find_js(source) == set()
