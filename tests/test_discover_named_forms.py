"""Named forms found on repositories the benchmark does not label (issue 16): a name that holds a hosted API's model
only (`azure_deployment`, `engine`) in every Python named position and in JavaScript objects, what a function named for
models returns, the string arguments of a function named for a model, and the keys of a dict named for models."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.apis import name_kind
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import member_kind, named_kind, qualified_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A, OL = Kind.MODEL, Kind.API, Kind.OLLAMA


def find(source: str) -> set[tuple[Kind, str, int, str]]:
    context = FileContext("pkg/app.py", lambda text: text == "checkpoints/run1")
    return {(r.kind, r.text, r.line, r.form) for r in PythonSource().find(source, context)}


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("azure_deployment", A),
        ("AZURE_OPENAI_DEPLOYMENT", A),
        ("deployment_name", A),
        ("engine", A),
        ("model_name", M),
        ("embedding_model", M),
        ("model_type", A),  # CAMEL's `ModelFactory.create(model_type="gpt-4o")`; a Hub config's is an architecture
        ("output_deployment", None),  # written, not read
        ("deployments", None),
        ("prompt", None),
    ],
)
def test_name_kind_is_the_api_name_or_the_naming_rule(name: str, kind: Kind | None) -> None:
    assert name_kind(name) is kind


# --- a name that holds an API's model only, wherever Python names it ---------------------------------------------


@pytest.mark.parametrize(
    ("source", "form"),
    [
        ('def __init__(self, azure_deployment: str = "text-embedding-ada-002"):\n    pass\n', "parameter"),
        ('def f(*, deployment_name="text-embedding-ada-002"):\n    pass\n', "parameter"),
        ('class Settings:\n    azure_deployment: str = "text-embedding-ada-002"\n', "field"),
        ('def f(self):\n    self.azure_deployment = "text-embedding-ada-002"\n', "attribute"),
        ('CONFIG = {"azure_deployment": "text-embedding-ada-002"}\n', "key"),
        ('model = ModelFactory.create(model_platform=P.OPENAI, model_type="text-embedding-ada-002")\n', "keyword"),
        ('AZURE_OPENAI_DEPLOYMENT = "text-embedding-ada-002"\nclient.embed(AZURE_OPENAI_DEPLOYMENT)\n', "constant"),
    ],
)
def test_an_api_only_name_holds_the_api_model_in_every_named_position(source: str, form: str) -> None:
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "text-embedding" in text)
    assert find(source) == {(A, "text-embedding-ada-002", line, form)}


@pytest.mark.parametrize(
    "source",
    [
        'def f(azure_deployment: str = "my-embeddings"):\n    pass\n',  # a deployment's own name, not a model's
        'def f(engine="postgresql"):\n    pass\n',
        'class C:\n    deployment_name: str = "org/x"\n',  # an API-only name never holds a Hub id
        'def f(self):\n    self.engine = "gpt-4o" + suffix\n',  # built, not written
        'def f(output_deployment="gpt-4o"):\n    pass\n',
        # a Hub config's `model_type` is the architecture (`AutoConfig.for_model("gpt2")`), never a model to read
        'config = AutoConfig.for_model(model_type="gpt2")\n',
        'config = dict(model_type="mistral", architectures=["MistralForCausalLM"])\n',
        'MODEL_TYPE = "llama"\nbuild(MODEL_TYPE)\n',
    ],
)
def test_api_only_name_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- what a function named for models returns ---------------------------------------------------------------------


def test_what_a_function_named_for_models_returns() -> None:
    source = (
        "class Client:\n"
        "    def valid_models(self) -> list[str]:\n"
        '        return ["gpt-3.5-turbo", "meta-llama/Llama-2-7b-chat-hf"]\n'
        "\n"
        "def default_model_id(large: bool) -> str:\n"
        "    if large:\n"
        '        return "org/large"\n'
        '    return "org/small"\n'
    )
    assert find(source) == {
        (A, "gpt-3.5-turbo", 3, "return"),
        (M, "meta-llama/Llama-2-7b-chat-hf", 3, "return"),
        (M, "org/large", 7, "return"),
        (M, "org/small", 8, "return"),
    }


def test_what_a_function_returns_is_read_in_its_own_scope() -> None:
    """A name it returns is its own variable when it assigns it: `value = ID; return value`."""
    source = 'def default_model():\n    value = "org/local"\n    return value\n'
    assert {(text, line) for _, text, line, _ in find(source)} == {("org/local", 2)}


@pytest.mark.parametrize(
    "source",
    [
        'def get_prompt():\n    return "org/x"\n',  # not named for a model
        'def save_model():\n    return "org/x"\n',  # named for what it writes
        'def load_model():\n    def inner():\n        return "org/x"\n    return inner\n',  # a nested function's
        'def model_path():\n    return "checkpoints/run1"\n',  # a local path
        'def model_name(size):\n    return f"org/x-{size}"\n',  # built, not written
        'def list_models():\n    return ["mistral", "gemma"]\n',  # bare words: no owner, no API pattern
    ],
)
def test_function_return_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- the string arguments of a function named for a model or dataset ----------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('path, local = resolve_model_reference(request, "org/x")\n', (M, "org/x")),
        ('info = get_dataset_info("org/data")\n', (Kind.DATASET, "org/data")),
        ('client = make_model_client("gpt-4o")\n', (A, "gpt-4o")),
        ('self.fetch_model(\n    "org/x",\n)\n', (M, "org/x")),
        ('path = model_validate_path("org/x")\n', (M, "org/x")),  # a project's own helper, not Pydantic's
        ('enc = my_encoding_for_model_or_default("gpt-4o")\n', (A, "gpt-4o")),  # not tiktoken's own look-up
        ('download_adapter_weights("org/lora", HUB, api_token=None)\n', (M, "org/lora")),  # a LoRA adapter's
        ('weights = fetch_lora("org/lora")\n', (M, "org/lora")),
    ],
)
def test_the_arguments_of_a_function_named_for_a_model(source: str, expected: tuple[Kind, str]) -> None:
    assert {(kind, text) for kind, text, _, form in find(source) if form == "argument"} == {expected}


@pytest.mark.parametrize(
    "source",
    [
        'save_model("org/x")\n',  # what a program writes
        'push_dataset_to_hub("org/data")\n',
        'kagglehub.dataset_download("owner/steam-games")\n',  # another hub's ids look alike
        'dataset_download("owner/steam-games")\n',
        'kagglehub.model_download("google/gemma/pyTorch/2b")\n',
        'compare_model_to_dataset("org/x", "org/data")\n',  # which is which is not said
        'get_model("checkpoints/run1")\n',  # a local path
        'get_model("mistral")\n',  # a bare word
        'get_model(f"org/x-{size}")\n',  # built, not written
        'format_prompt("org/x")\n',  # not named for a model
        'block = ImageBlock.model_validate({"type": "image", "mime_type": "image/png"})\n',  # Pydantic's schema
        'Settings.model_validate_json(\'{"repo": "org/x"}\')\n',
        'copy = config.model_copy("org/x")\n',
        'enc = tiktoken.encoding_for_model("gpt-4o")\n',  # a tokenizer's look-up, no call of the model
        'name = tiktoken.encoding_name_for_model("gpt-3.5-turbo")\n',
        'from tiktoken import encoding_for_model\nenc = encoding_for_model("gpt-4")\n',
        'model.set_adapter("default")\n',  # an adapter's local name, no id
        'pipe.load_lora_weights("checkpoints/run1")\n',  # a local folder
        'pipe.save_lora_weights("org/out")\n',  # what a program writes
        'model.set_adapters(["org/a", "org/b"])\n',  # a plural: names, set by their local names
    ],
)
def test_argument_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_a_function_named_for_a_tokenizer_reads_a_model() -> None:
    source = 'VERSIONS = ["org/x", "fake_llama"]\nTOKENIZERS = {k: maybe_tokenizer(k) for k in VERSIONS}\n'
    assert {(kind, text) for kind, text, _, _ in find(source)} == {(M, "org/x")}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('pipe.load_lora_weights("org/lora-flux", weight_name="w.safetensors")\n', "org/lora-flux"),
        ('pipe.load_lora_weights(pretrained_model_name_or_path_or_dict="org/lora-sd")\n', "org/lora-sd"),
        ('model.load_adapter("org/lora-a", adapter_name="a")\n', "org/lora-a"),
        ('model.load_adapter(peft_model_id="org/lora-b")\n', "org/lora-b"),
    ],
)
def test_a_lora_adapter_loaded_onto_a_model(source: str, expected: str) -> None:
    assert {(kind, text) for kind, text, _, _ in find(source)} == {(M, expected)}


# --- what a name named for a model holds, built from an id ---------------------------------------------------------


def test_a_model_built_from_an_id_by_a_project_wrapper() -> None:
    source = """\
model = TOGETHER("togethercomputer/CodeLlama-13b-Instruct", os.environ["TOKEN"])
model = OPENAI("gpt-4", os.environ["TOKEN"])
model = ANYSCALE("codellama/CodeLlama-34b-Instruct-hf", os.environ["TOKEN"])
class Bot:
    def __init__(self):
        self.llm = HostedLLM("meta-llama/Llama-3.1-8B-Instruct")
"""
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (M, "togethercomputer/CodeLlama-13b-Instruct", 1),
        (A, "gpt-4", 2),
        (M, "codellama/CodeLlama-34b-Instruct-hf", 3),
        (M, "meta-llama/Llama-3.1-8B-Instruct", 6),
    }


@pytest.mark.parametrize(
    "source",
    [
        'model_path = Path("models/llama")\n',  # a path
        'model = torch.load("ckpt/last")\n',  # a file
        'model = torch.hub.load("facebookresearch/dinov2", "dinov2_vitb14")\n',  # GitHub's ids, through another hub
        'model = hub.KerasLayer("google/universal-sentence-encoder")\n',
        'model = MODELS.get("org/x")\n',  # a key
        'model = model.replace("gpt-35", "gpt-3.5")\n',  # a string's edit
        'model_dir = Wrapper("org/y")\n',  # not named for a model
        'result = run("org/z")\n',
        "model = Wrapper(name)\n",  # no literal
        'model = Wrapper("checkpoints/run1")\n',  # a local path
        'model = Wrapper("mistral")\n',  # a bare word
        'model = Wrapper(f"org/x-{size}")\n',  # built, not written
    ],
)
def test_built_from_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- an embedding registry's entries --------------------------------------------------------------------------------


def test_the_entries_of_an_embedding_registry() -> None:
    """LanceDB: `get_registry().get(KEY).create(name=ID)`, the registry called or held in a name; the key `ollama`
    makes the name an Ollama model's."""
    source = """\
from lancedb.embeddings import get_registry
model = get_registry().get("sentence-transformers").create(name="BAAI/bge-small-en-v1.5", device="cuda")
registry = get_registry()
func = registry.get("openai").create(name="text-embedding-3-small")
local = registry.get("ollama").create(name="nomic-embed-text")
"""
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (M, "BAAI/bge-small-en-v1.5", 2),
        (A, "text-embedding-3-small", 4),
        (OL, "nomic-embed-text", 5),
    }


@pytest.mark.parametrize(
    "source",
    [
        'table = db.get("tables").create(name="team/table")\n',  # no registry
        'entry = settings.get("sentence-transformers").create(name="org/y")\n',
        'func = get_registry().get("openai").create(dim=3)\n',  # no name
        'func = get_registry().get("openai").create(name="checkpoints/run1")\n',  # a local path
    ],
)
def test_registry_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- the keys of a dict whose name speaks of models ----------------------------------------------------------------


def test_the_keys_of_a_dict_named_for_models() -> None:
    source = (
        "_MODEL_INFO: Dict[str, ModelInfo] = {\n"
        '    "claude-3-opus-20240229": {"vision": True},\n'
        '    "org/x": {"vision": False},\n'
        "}\n"
        'SUPPORTED_DATASETS = {"org/data": 0.5}\n'
    )
    assert find(source) == {
        (A, "claude-3-opus-20240229", 2, "key"),
        (M, "org/x", 3, "key"),
        (Kind.DATASET, "org/data", 5, "key"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'MODEL_ALIASES = {"gpt4": "x", "small": "y"}\n',  # labels, not names
        'OUTPUT_MODELS = {"org/x": 1}\n',  # what is written
        'PROMPTS = {"org/x": "Say hi"}\n',  # not named for models
        'MODEL_COLORS = {"red": 1, "checkpoints/run1": 2}\n',
        'MODEL_INFO = {f"org/{name}": 1}\n',
        "MODEL_INFO = dict(a=1)\n",
        # a mapping named X_TO_Y has X's as keys: here routes and types, not models
        '_TYPE_TO_MODEL_TYPE = {"openai/chat-completions": 1, "anthropic/messages": 2}\n',
        'ROUTE2MODEL = {"org/route": "x"}\n',
        'MODEL_TYPE_TO_PATCHES = {"org/x": 1}\n',
    ],
)
def test_dict_key_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_the_keys_of_a_mapping_from_models() -> None:
    """`model2version = {"org/x": "v2"}`, `MODELS_TO_PROMPTS`: a mapping named X_TO_Y (or X2Y) whose X's are models."""
    source = (
        'model2version = {"org/x": "v2"}\nMODELS_TO_PROMPTS = {"claude-3-opus-20240229": "Hi"}\n'
        'MODEL_NAME_TO_PATH = {"org/y": "/models/y"}\n'
    )
    assert find(source) == {
        (M, "org/x", 1, "key"),
        (A, "claude-3-opus-20240229", 2, "key"),
        (M, "org/y", 3, "key"),
    }


def test_the_dict_items_of_a_collection_named_for_models() -> None:
    source = (
        "ANTHROPIC_MODELS = [\n"
        '    {"id": "claude-3-opus-20240229", "name": "Claude 3 Opus", "object": "model"},\n'
        '    {"name": "org/x", "revision": "main"},\n'
        "]\n"
        "def get_models():\n"
        '    return [{"id": "dall-e-3", "name": "DALL-E 3"}]\n'
        "def list_models():\n"
        '    return {"object": "list", "data": [{"id": "gemini-pro", "owned_by": "google"}]}\n'
        'TEST_MODELS = [("gpt-4o", 128000)]\n'
        'MODEL_OPTIONS = [{"value": "gpt-4o-mini", "label": "GPT-4o mini"}]\n'  # a picker's option, as in JS
    )
    assert find(source) == {
        (A, "claude-3-opus-20240229", 2, "constant"),
        (M, "org/x", 3, "constant"),
        (A, "dall-e-3", 6, "return"),
        (A, "gemini-pro", 8, "return"),
        (A, "gpt-4o", 9, "constant"),
        (A, "gpt-4o-mini", 10, "constant"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'USERS = [{"id": "gpt-4o", "name": "x"}]\n',  # not named for models
        'MODELS = [{"label": "gpt-4o", "id": 3}]\n',  # the id is no string; a label is not the item's name
        'MODELS = [{"value": 3, "label": "gpt-4o"}]\n',  # the value is no string; the label names nothing
        'MODELS = [{"id": "my-model", "name": "Claude 3 Opus"}]\n',  # the id names nothing; the name is not read
        'MODELS = [{"params": {"id": "gpt-4o"}}]\n',  # a dict in a dict item is not the item
        'MODELS = [[["gpt-4o"]]]\n',  # one level of nesting only
        'def get_models():\n    return {"object": "list", "data": [[{"id": "gpt-4o"}]]}\n',
        'OUTPUT_MODELS = [{"id": "org/x"}]\n',  # what is written
    ],
)
def test_dict_item_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- JavaScript: an API-only name ----------------------------------------------------------------------------------


def js(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, FileContext("app.ts", lambda _: False))}


def test_javascript_azure_deployment_holds_an_api_model() -> None:
    text = 'const config = {\n  model: "gpt-4o-mini",\n  azure_deployment: "gpt-4o-mini",\n};\n'
    assert js(text) == {(A, "gpt-4o-mini", 2), (A, "gpt-4o-mini", 3)}


@pytest.mark.parametrize(
    "text",
    [
        'const config = { model: undefined, azure_deployment: "my-deployment" };',
        'const config = { model: undefined, azureDeployment: "org/x" };',  # never a Hub id
        'const AZURE_DEPLOYMENT = "org/x"; const model = undefined;',
        'const config = { model: undefined, engine: "postgres" };',
    ],
)
def test_javascript_api_only_name_look_alikes(text: str) -> None:
    assert js(text) == set()


# --- what a name named for a model is compared with -----------------------------------------------------------------


def test_what_a_model_name_is_compared_with() -> None:
    source = (
        'if model_name == "org/x":\n'
        "    pass\n"
        'assert ranker._chat_generator.model == "gpt-4.1-mini"\n'
        'if config["model"] in ("gpt-4o", "claude-3-haiku-20240307"):\n'
        "    pass\n"
    )
    assert find(source) == {
        (M, "org/x", 1, "comparison"),
        (A, "gpt-4.1-mini", 3, "comparison"),
        (A, "gpt-4o", 4, "comparison"),
        (A, "claude-3-haiku-20240307", 4, "comparison"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'if model_type == "org/x":\n    pass\n',  # the name does not say it holds a model
        'if model_name.startswith("org/x"):\n    pass\n',  # not a comparison
        'if "gpt" in model:\n    pass\n',  # a part of a name
        # a part looked for inside the name held, though it is shaped as one: a substring test, not a use
        'if "claude-3-haiku" in model_path:\n    pass\n',
        'if "gpt-4o-2024-08-06" not in model_name:\n    pass\n',
        'if "org/x" in self.model_id:\n    pass\n',
        'if "gemini-1.5-pro" in config["model"]:\n    pass\n',
        'if model_name < "org/x":\n    pass\n',  # ordering, not equality
        'if output_model == "org/x":\n    pass\n',  # written
        'if model == "auto":\n    pass\n',
        'if tc.model_name == "default/model":\n    tc.model_name = pick()\n',  # a sentinel, replaced
    ],
)
def test_comparison_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- config beside an Ollama server: a model name the Ollama library knows is an Ollama model ---------------------


def config(text: str, path: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "docker-compose.yaml",
            "services:\n  ollama:\n    image: ollama/ollama\n  app:\n    environment:\n"
            "      - RAG_EMBEDDING_MODEL=nomic-embed-text\n",
            {(OL, "nomic-embed-text", 6)},
        ),
        (
            ".env",
            "OLLAMA_BASE_URL=http://localhost:11434\nEMBEDDING_MODEL=nomic-embed-text\n",
            {(Kind.OLLAMA, "nomic-embed-text", 2)},
        ),
        (
            "config.yaml",
            "llm:\n  base_url: http://host:11434/v1\n  model: llama3.1:8b\n",
            {(Kind.OLLAMA, "llama3.1:8b", 3)},
        ),
        # in the same files, a Hub id and an API model keep their kinds
        (".env", "OLLAMA_HOST=0.0.0.0\nEMBEDDING_MODEL=org/x\nLLM_MODEL=gpt-4o\n", {(M, "org/x", 2), (A, "gpt-4o", 3)}),
    ],
)
def test_config_beside_an_ollama_server_names_ollama_models(
    path: str, text: str, expected: set[tuple[Kind, str, int]]
) -> None:
    assert config(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        (".env", "EMBEDDING_MODEL=nomic-embed-text\n"),  # no Ollama server in sight
        ("config.yaml", "model: llama3.1\n"),  # untagged: a family as well (a tagged one is Ollama's anywhere)
        ("config.yaml", "model: my-finetune:8b\n"),  # a tag on a name the library does not know
        (".env", "OLLAMA_HOST=0.0.0.0\nEMBEDDING_MODEL=custom\n"),  # a word the library does not know, with no tag
        (".env", "OLLAMA_HOST=0.0.0.0\nPROMPT_STYLE=mistral\n"),  # not a model name
    ],
)
def test_ollama_context_look_alikes(path: str, text: str) -> None:
    assert config(text, path) == set()


# --- an X for Y is an X ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("DEFAULT_MODEL_NAME_FOR_TEST", M),
        ("DEFAULT_EAGLE_DRAFT_MODEL_FOR_TEST", M),
        ("DEFAULT_MODEL_NAME_FOR_NIGHTLY_EVAL_TP1", M),
        ("tokenizer_for_eval", M),
        ("DATASET_FOR_TRAINING", Kind.DATASET),
        ("model_for_output", None),  # written
        ("PROMPT_FOR_MODEL", None),  # a prompt, for a model
        ("MODEL_FOR_CAUSAL_LM_MAPPING", M),
    ],
)
def test_a_name_for_something_is_named_by_what_comes_before_for(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


# --- an X to test (load, evaluate...) is an X; an X to Y otherwise maps X to Y -------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("model_to_test", M),
        ("MODELS_TO_EVALUATE", M),
        ("models_to_load", M),
        ("datasets_to_eval", Kind.DATASET),
        ("model_ids_to_benchmark", M),
        ("models_to_push", None),  # written
        ("MODEL_TO_PROMPT", None),  # a mapping from a model to its prompt
        ("model_to_device", None),
        ("model_to_tokenizer_map", None),
        ("path_to_test", None),
        ("to_test", None),
    ],
)
def test_a_name_for_what_a_program_tests_is_named_by_what_comes_before_to(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_a_list_of_models_to_test_names_each() -> None:
    source = (
        'model_to_test = [\n    "unsloth/tinyllama",\n    "unsloth/Qwen2.5-0.5B",\n]\n'
        "@pytest.fixture(params=model_to_test)\ndef loaded(request):\n    return load(request.param)\n"
        'MODEL_TO_PROMPT = "org/template"\n'
    )
    assert find(source) == {(M, "unsloth/tinyllama", 2, "constant"), (M, "unsloth/Qwen2.5-0.5B", 3, "constant")}


# --- the vision tower of a vision-language model -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("vision_tower", M),
        ("mm_vision_tower", M),
        ("--vision-tower", M),
        ("visionTower", M),
        ("post_vision_tower_layernorm", None),
        ("vision_tower_lr", None),
        ("unfreeze_vision_tower", M),  # (a flag's value is a boolean, no id)
        ("vision", None),
        ("tower", None),
    ],
)
def test_a_vision_tower_s_name(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_a_vision_tower_names_its_image_encoder() -> None:
    source = (
        'p.add_argument("--vision_tower", type=str, default="openai/clip-vit-large-patch14-336")\n'
        'self.vision_tower = build_vision_tower(config, prefix="vision_tower")\n'
    )
    assert find(source) == {(M, "openai/clip-vit-large-patch14-336", 1, "add_argument")}


# --- a repository of GGUF weights ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [("GGUF_REPO", M), ("gguf_repo_id", M), ("GGUF_FILE", None), ("gguf_path", None), ("GITHUB_REPO", None)],
)
def test_a_gguf_repository_s_name(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


# --- a checkpoint: the weights a program starts from (`model_checkpoint = "distilbert-base-uncased"`) -------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("checkpoint", M),
        ("model_checkpoint", M),
        ("default_checkpoint", M),
        ("INIT_CHECKPOINT", M),
        ("save_checkpoint", None),  # written
        ("deprecated_model_name", None),  # what a program says it does not use
        ("UNSUPPORTED_MODELS", None),
        ("excluded_datasets", None),
        ("output_checkpoint", None),
        ("checkpoint_dir", None),  # where checkpoints go
        ("checkpoint_steps", None),
    ],
)
def test_a_checkpoint_s_name(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_a_checkpoint_names_the_model_it_holds() -> None:
    source = (
        'model_checkpoint = "distilbert-base-uncased"\n'
        "tokenizer = AutoTokenizer.from_pretrained(model_checkpoint)\n"
        "class SpeechToTextTool(PipelineTool):\n"
        '    default_checkpoint = "openai/whisper-large-v3-turbo"\n'
    )
    assert find(source) == {
        (M, "distilbert-base-uncased", 1, "from_pretrained"),
        (M, "openai/whisper-large-v3-turbo", 4, "field"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'checkpoint = "checkpoints/epoch_3.pt"\n',  # a local file
        'CHECKPOINT = "./runs/last"\n',
        'def f():\n    checkpoint = "step-1000"\n',  # an owner-less name the knowledge base does not know
        'save_checkpoint = "org/mine"\n',  # what the program writes
    ],
)
def test_checkpoints_that_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_models_a_program_says_it_does_not_use_are_not_read() -> None:
    source = 'deprecated_model_name = ["gemini-1.5-pro-exp-0801", "claude-1"]\nUNSUPPORTED_MODELS = ("org/x",)\n'
    assert find(source) == set()
    assert find('MODELS = ["claude-3-opus-20240229"]\n') == {(A, "claude-3-opus-20240229", 1, "constant")}


def test_a_checkpoint_in_config_names_the_model_it_holds() -> None:
    text = "model_checkpoint: org/x\nresume_from_checkpoint: saves/llama3-8b/checkpoint-100\ncheckpoint_dir: org/y\n"
    assert config(text, "train.yaml") == {(M, "org/x", 1)}


def test_constants_of_test_settings_name_models() -> None:
    source = (
        'DEFAULT_MODEL_NAME_FOR_TEST = "meta-llama/Llama-3.1-8B-Instruct"\n'
        'DEFAULT_EAGLE_DRAFT_MODEL_FOR_TEST = "lmsys/sglang-EAGLE-llama2-chat-7B"\n'
        'DEFAULT_TIMEOUT_FOR_SERVER_LAUNCH = "600"\n'
    )
    assert {(kind, text) for kind, text, _, _ in find(source)} == {
        (M, "meta-llama/Llama-3.1-8B-Instruct"),
        (M, "lmsys/sglang-EAGLE-llama2-chat-7B"),
    }


# --- a provider's client given a model name positionally ----------------------------------------------------------


def test_a_provider_client_given_a_model_name() -> None:
    source = (
        'sgl.set_default_backend(sgl.OpenAI("gpt-3.5-turbo"))\n'
        'backend = sgl.Anthropic("claude-3-haiku-20240307")\n'
        'backend = sgl.VertexAI("gemini-pro")\n'
        'example = OPENAI("gpt-4", os.environ["TOKEN"])\n'
    )
    assert find(source) == {
        (A, "gpt-3.5-turbo", 1, "argument"),
        (A, "claude-3-haiku-20240307", 2, "argument"),
        (A, "gemini-pro", 3, "argument"),
        (A, "gpt-4", 4, "argument"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'client = OpenAI("sk-not-a-model")\n',  # a key, not a model name
        'client = OpenAI("org/x")\n',  # a provider's client never names a Hub id by position
        'client = AzureOpenAI("https://x.openai.azure.com")\n',
        'print("gpt-4")\n',  # not a provider's client
        'backend = sgl.RuntimeEndpoint("http://localhost:30000")\n',
    ],
)
def test_provider_client_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- a comma-separated list of ids under a model name; a constant named for a model with a qualifier -----------


def test_a_comma_separated_list_of_ids_under_a_model_name() -> None:
    source = (
        'DEFAULT_MODEL_NAME_FOR_NIGHTLY_EVAL_TP1 = "meta-llama/Llama-3.1-8B-Instruct,mistralai/Mistral-7B-v0.3"\n'
        'MODELS = "org/a,gpt-4o"\n'
    )
    assert find(source) == {
        (M, "meta-llama/Llama-3.1-8B-Instruct", 1, "constant"),
        (M, "mistralai/Mistral-7B-v0.3", 1, "constant"),
        (M, "org/a", 2, "constant"),
        (A, "gpt-4o", 2, "constant"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'MODELS = "org/a,not an id"\n',  # free text
        'MODELS = "org/a,local"\n',  # one item is no id: the whole is not a list of them
        'MODELS = "org/a,"\n',
        'PROMPT = "org/a,org/b"\n',  # not named for a model
    ],
)
def test_comma_list_look_alikes(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("DEFAULT_TARGET_MODEL_EAGLE", M),
        ("DEFAULT_DRAFT_MODEL_EAGLE3", M),
        ("DEFAULT_DRAFT_MODEL_EAGLE_DP_ATTN", M),
        ("MODEL_NAME_QWEN", M),
        ("MODEL_TYPE", None),  # something of a model's, not its name
        ("MODEL_DIR_NAME", None),
        ("MODEL_ALIAS", None),
        ("MODEL_MAX_LEN", None),
        ("OUTPUT_MODEL_EAGLE", None),  # written
        ("MODEL", None),  # no qualifier: the naming rule's own
        ("MODEL_A_B_C_D", None),  # more than three words after it
        ("PROMPT_EAGLE", None),
    ],
)
def test_qualified_model_constants(name: str, kind: Kind | None) -> None:
    assert qualified_kind(name) is kind


def test_only_upper_case_module_constants_take_a_qualifier() -> None:
    source = (
        'DEFAULT_TARGET_MODEL_EAGLE = "meta-llama/Llama-2-7b-chat-hf"\n'
        'default_target_model_eagle = "org/lower"\n'
        'MODEL_TYPE = "org/type"\n'
    )
    assert find(source) == {(M, "meta-llama/Llama-2-7b-chat-hf", 1, "constant")}


def test_a_prompt_s_default_is_what_a_name_for_a_model_holds() -> None:
    source = (
        "def ask():\n"
        '    model_id = Prompt.ask("[bold]Model ID[/]", default="org/x")\n'
        '    dataset = typer.prompt("Dataset", default="org/d")\n'
        '    llm = questionary.text("LLM", default="gpt-4o")\n'
        "    return model_id, dataset, llm\n"
        'EMBEDDING_MODEL = click.prompt("Embedding model", default="org/e")\n'
    )
    assert find(source) == {
        (M, "org/x", 2, "variable"),
        (Kind.DATASET, "org/d", 3, "variable"),
        (A, "gpt-4o", 4, "variable"),
        (M, "org/e", 6, "constant"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'def ask():\n    model_type = Prompt.ask("Type", default="org/x")\n',  # the name says no model
        'def ask():\n    answer = Prompt.ask("Model ID?", default="org/x")\n',
        'def ask():\n    model_id = Prompt.ask("Model ID", default=None)\n',
        'def ask():\n    model_id = Prompt.ask("Model ID", choices=["org/x"], show_default=True)\n',
        'def ask():\n    output_model = Prompt.ask("Save as", default="org/mine")\n',  # what is written
    ],
)
def test_prompt_defaults_that_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_what_a_collection_of_models_is_tested_to_hold() -> None:
    source = (
        'if "gpt-4o" in models:\n'
        "    pass\n"
        'if "org/x" not in model_ids:\n'
        "    pass\n"
        'if model_path in ("claude-3-opus-20240229", "org/y"):\n'
        "    pass\n"
    )
    assert find(source) == {
        (A, "gpt-4o", 1, "comparison"),
        (M, "org/x", 3, "comparison"),
        (A, "claude-3-opus-20240229", 5, "comparison"),
        (M, "org/y", 5, "comparison"),
    }


def test_a_named_value_compared_with_a_constant_list_reads_the_list() -> None:
    source = (
        'LLAMA_EVALS = ["meta-llama/Llama-3.1-8B-evals", "meta-llama/Llama-3.2-1B-evals"]\n'
        "def main(args):\n"
        "    if args.evals_dataset in LLAMA_EVALS:\n"
        "        pass\n"
    )
    assert find(source) == {
        (Kind.DATASET, "meta-llama/Llama-3.1-8B-evals", 1, "comparison"),
        (Kind.DATASET, "meta-llama/Llama-3.2-1B-evals", 1, "comparison"),
    }


def test_two_names_of_different_kinds_compared_read_nothing() -> None:
    source = 'MODEL_ID = "org/x"\nDATASET = "org/d"\nif dataset_name == model_name:\n    pass\n'
    assert {form for _, _, _, form in find(source)} <= {"constant"}


PARAMETRIZED = """\
import pytest
MODELS_TO_TEST = ["org/tiny-a"]
@pytest.mark.parametrize("model", ["gpt-4.1-nano", "org/tiny-b"])
def test_a(model): ...
@pytest.mark.parametrize("model_id", MODELS_TO_TEST)
def test_b(model_id): ...
@pytest.mark.parametrize("tool_name,model,should_raise", [("web", "gpt-4o", False), ("x", "org/tiny-c", True)])
def test_c(tool_name, model, should_raise): ...
@pytest.mark.parametrize(("dataset_name", "n"), [("org/ds", 1)])
def test_d(dataset_name, n): ...
"""


def test_the_values_of_a_parametrized_argument_named_for_a_model() -> None:
    found = {(r.kind, r.text, r.line) for r in PythonSource().find(PARAMETRIZED, FileContext("t.py", lambda v: False))}
    assert found == {
        (Kind.API, "gpt-4.1-nano", 3),
        (Kind.MODEL, "org/tiny-b", 3),
        (Kind.MODEL, "org/tiny-a", 2),
        (Kind.API, "gpt-4o", 7),
        (Kind.MODEL, "org/tiny-c", 7),
        (Kind.DATASET, "org/ds", 9),
    }


@pytest.mark.parametrize(
    "source",
    [
        '@pytest.mark.parametrize("filename", ["org/a.json", "org/name"])\ndef test(filename): ...\n',
        '@pytest.mark.parametrize("model_fixture", ["model", "model_bnb"], indirect=True)\ndef t(model_fixture): ...\n',
        '@pytest.mark.parametrize("model", ["llama", "bert"])\ndef test(model): ...\n',  # owner-less, unknown
        '@pytest.mark.parametrize("model,n", [("org/a", 1, 2)])\ndef test(model, n): ...\n',  # rows of another shape
        'x = parametrize("model")\n',
    ],
)
def test_parametrize_look_alikes(source: str) -> None:
    assert list(PythonSource().find(source, FileContext("t.py", lambda v: False))) == []


def test_an_ollama_name_under_a_model_name_in_a_file_that_speaks_of_ollama() -> None:
    source = (
        '# needs ollama running\n@pytest.mark.parametrize("model", ["qwen3:0.6b", "llama3.2"])\n'
        'def test(model): ...\nconfig = {"provider": "x", "config": {"model": "mistral"}}\n'
        'other = {"model": "zzz-unknown", "template": "llama2"}\n'
    )
    found = [(r.kind, r.text) for r in PythonSource().find(source, FileContext("t.py", lambda v: False))]
    assert found == [(Kind.OLLAMA, "qwen3:0.6b"), (Kind.OLLAMA, "llama3.2"), (Kind.OLLAMA, "mistral")]
    elsewhere = '@pytest.mark.parametrize("model", ["qwen3:0.6b", "llama3.2"])\ndef test(model): ...\n'
    # elsewhere only the tagged name, Ollama's spelling, counts: an untagged `llama3.2` is a family as well
    found = [(r.kind, r.text) for r in PythonSource().find(elsewhere, FileContext("t.py", lambda v: False))]
    assert found == [(Kind.OLLAMA, "qwen3:0.6b")]


# --- a plural name of datasets (`test_datasets`, `{"datasets": [{"id": ...}]}`) and a dict's key set in Python -------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("datasets", Kind.DATASET),
        ("test_datasets", Kind.DATASET),
        ("EVAL_DATASETS", Kind.DATASET),
        ("trainDatasets", Kind.DATASET),
        ("excluded_datasets", None),  # what a program says it does not use
        ("output_datasets", None),  # written
        ("datasets_dir", None),  # where they go
        ("num_datasets_seen", None),
    ],
)
def test_a_plural_name_of_datasets(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_a_dataset_mixture_written_as_a_python_dict() -> None:
    source = (
        "def test_mixture():\n"
        "    dataset_mixture = {\n"
        '        "datasets": [\n'
        '            {"id": "org/alpaca", "columns": ["prompt"], "weight": 0.5},\n'
        "            {\n"
        '                "id": "org/self-instruct",\n'
        '                "weight": 0.3,\n'
        "            },\n"
        "        ],\n"
        '        "seed": 42,\n'
        "    }\n"
        "    return get_dataset(ScriptArguments(dataset_mixture=dataset_mixture))\n"
    )
    assert find(source) == {(Kind.DATASET, "org/alpaca", 4, "key"), (Kind.DATASET, "org/self-instruct", 6, "key")}


def test_a_key_named_for_an_artefact_set_on_a_dict() -> None:
    source = (
        "def check(data):\n"
        '    data["test_datasets"] = [{"path": "org/empty-test-ds"}]\n'
        '    cfg["base_model"] = "org/base"\n'
        'os.environ["EMBEDDING_MODEL"] = "org/embedder"\n'
        'settings["llm_model"] = "gpt-4o"\n'
    )
    assert find(source) == {
        (Kind.DATASET, "org/empty-test-ds", 2, "key"),
        (M, "org/base", 3, "key"),
        (M, "org/embedder", 4, "key"),
        (A, "gpt-4o", 5, "key"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'cfg["hub_model_id"] = "org/pushed"\n',  # what a run writes
        'cfg["output_dir"] = "org/out"\n',  # a key that names no artefact
        'row["model"] = "GPT-4o"\n',  # a label shown to people
        'row["model"] = model\n',  # a value the file does not hold
        'cfg["model"] = "./checkpoints/run1"\n',  # a local path
        'cfg[key] = "org/x"\n',  # a key that is no literal
        'chart = {"datasets": [{"label": "Sales", "data": [1, 2]}]}\n',  # a chart's series: no id under them
        'metrics["datasets"] = 3\n',
        'cfg["base_model"] = "fake/path"\n',  # a test's made-up id
        'DictDefault({"base_model": "dummy/model", "datasets": [{"path": "owner/repo"}]})\n',
    ],
)
def test_keys_set_on_a_dict_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_config_lists_of_datasets_under_a_plural_name() -> None:
    text = (
        "test_datasets:\n  - path: org/eval-ds\n    split: test\n"
        "eval_datasets: [org/e2]\ndatasets:\n  - path: ./d.jsonl\n"
    )
    assert config(text, "config.yml") == {(Kind.DATASET, "org/eval-ds", 2), (Kind.DATASET, "org/e2", 4)}


# --- the repository a tokenizer or a base model's config comes from; a project's wrapper of a Hub download ----------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("tokenizer_config", M),
        ("TOKENIZER_CONFIG", M),
        ("base_model_config", M),
        ("baseModelConfig", M),
        ("model_config", None),  # a dict of settings more often than a repository
        ("tokenizer_config_path", None),
        ("output_tokenizer_config", None),  # written
    ],
)
def test_a_tokenizer_or_base_model_config_names_a_repository(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_tokenizer_and_base_model_config_values() -> None:
    source = (
        'cfg = DictDefault({"tokenizer_config": "huggyllama/llama-7b", "base_model_config": "org/cfg"})\n'
        'other = DictDefault(base_model_config="org/kimi")\n'
        "def f(path):\n"
        '    tokenizer_config = os.path.join(path, "tokenizer_config.json")\n'
        '    tokenizer_config = {"chat_template": "{{ x }}", "model_max_length": 512}\n'
        'model_config = "org/not-read"\n'
    )
    assert find(source) == {
        (M, "huggyllama/llama-7b", 1, "key"),
        (M, "org/cfg", 1, "key"),
        (M, "org/kimi", 2, "keyword"),
    }
    text = "tokenizer_config: org/tok\nbase_model_config: ./llama-7b-hf\nmodel_config:\n  output_router_logits: true\n"
    assert config(text, "config.yml") == {(M, "org/tok", 1)}


def test_a_wrapper_named_for_the_hub_loader_it_wraps() -> None:
    source = (
        "def snapshot_download_w_retry(*args, **kwargs):\n"
        "    return snapshot_download(*args, **kwargs)\n"
        'snapshot_download_w_retry("org/small", repo_type="model")\n'
        'snapshot_download_w_retry("org/alpaca", repo_type="dataset")\n'
        'snapshot_download_w_retry("org/space", repo_type="space")\n'
        'load_dataset_with_retry("org/d", split="train")\n'
        'hf_hub_download_cached(repo_id="org/gguf", filename="x.gguf")\n'
        'from_pretrained_keras("org/keras")\n'
    )
    assert find(source) == {
        (M, "org/small", 3, "snapshot_download_w_retry"),
        (Kind.DATASET, "org/alpaca", 4, "snapshot_download_w_retry"),
        (Kind.DATASET, "org/d", 6, "load_dataset_with_retry"),
        (M, "org/gguf", 7, "hf_hub_download_cached"),
        (M, "org/keras", 8, "from_pretrained_keras"),
    }


@pytest.mark.parametrize(
    "source",
    [
        'my_snapshot_download("org/x")\n',  # a prefix is no wrapper's name
        'snapshot_downloader("org/x")\n',  # nor a longer word
        'from_pretrained_kwargs = {"repo": "org/x"}\n',  # no call
        'load_dataset_with_retry("./data/train.jsonl")\n',  # a local file
    ],
)
def test_wrapper_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_the_source_of_a_dataset_builder_and_a_mixture_given_as_a_list() -> None:
    torchtune = (
        "tokenizer:\n  _component_: torchtune.models.llama3.llama3_tokenizer\n  path: /tmp/Llama-3/tokenizer.model\n"
        "dataset:\n  _component_: torchtune.datasets.alpaca_dataset\n  source: tatsu-lab/alpaca\n"
        "model:\n  _component_: torchtune.models.llama3.lora_llama3_8b\n  source: org/not-a-dataset-key\n"
    )
    assert config(torchtune, "llama3_lora.yaml") == {(Kind.DATASET, "tatsu-lab/alpaca", 6)}
    mixture = 'dataset_mixer_list:\n  - allenai/tulu-3-sft-mixture\n  - "1.0"\n  - org/extra\n  - "0.5"\n'
    assert config(mixture, "tulu.yaml") == {
        (Kind.DATASET, "allenai/tulu-3-sft-mixture", 2),
        (Kind.DATASET, "org/extra", 4),
    }


def test_a_reward_model_among_the_reward_functions() -> None:
    source = (
        "def reward_len(completions, **kwargs):\n    return [len(c) for c in completions]\n"
        'trainer = GRPOTrainer(reward_funcs="org/reward-model", train_dataset=dataset)\n'
        'other = GRPOTrainer(reward_funcs=[reward_len, "org/second-rm"])\n'
        "third = GRPOTrainer(reward_funcs=reward_len)\n"
    )
    assert find(source) == {(M, "org/reward-model", 3, "keyword"), (M, "org/second-rm", 4, "keyword")}
    text = "trl:\n  reward_funcs:\n    - rwd.format_reward\n    - rwd.correctness_reward\n"
    assert config(text, "grpo.yaml") == set()  # Python paths of functions, no ids


# --- the encoders and rerankers a retrieval program loads ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("encoder", M),
        ("bi_encoder", M),
        ("cross_encoder", M),
        ("TEXT_ENCODER", M),
        ("imageEncoder", M),
        ("reranker", M),
        ("RERANKER", M),
        ("encoder_layers", None),  # something of an encoder's, not which
        ("encoder_dir", None),
        ("json_encoder_cls", None),
        ("save_encoder", None),  # written
        ("reranker_top_k", None),
    ],
)
def test_an_encoder_s_and_a_reranker_s_name(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_encoders_and_rerankers_name_the_models_they_load() -> None:
    source = (
        "class SearchModelConfig(models.Model):\n"
        '    bi_encoder = models.CharField(max_length=200, default="thenlper/gte-small")\n'
        '    cross_encoder = "mixedbread-ai/mxbai-rerank-xsmall-v1"\n'
        'config = {"image": {"encoder": "sentence-transformers/clip-ViT-B-32", "model_directory": "~/.cache"}}\n'
        'RERANKER = "BAAI/bge-reranker-base"\n'
    )
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (M, "thenlper/gte-small", 2),
        (M, "mixedbread-ai/mxbai-rerank-xsmall-v1", 3),
        (M, "sentence-transformers/clip-ViT-B-32", 4),
        (M, "BAAI/bge-reranker-base", 5),
    }


def test_encoders_and_rerankers_in_config_and_env_files() -> None:
    context = FileContext("config.yaml", lambda text: False)
    text = "retrieval:\n  bi_encoder: thenlper/gte-small\n  cross_encoder: cross-encoder/ms-marco-MiniLM-L-6-v2\n"
    assert [(r.kind, r.text, r.line) for r in ConfigSource().find(text, context)] == [
        (M, "thenlper/gte-small", 2),
        (M, "cross-encoder/ms-marco-MiniLM-L-6-v2", 3),
    ]
    env = FileContext(".env", lambda text: False)
    assert [(r.kind, r.text) for r in ConfigSource().find("RERANKER=BAAI/bge-reranker-base\nENCODER=utf-8\n", env)] == [
        (M, "BAAI/bge-reranker-base")
    ]


@pytest.mark.parametrize(
    "source",
    [
        'encoder = "utf-8"\n',  # a text encoding, owner-less
        'encoder = json.JSONEncoder()\nENCODER = "cl100k_base"\n',  # a tiktoken encoding, unknown to the knowledge base
        'text_encoder = "models/text_encoder.safetensors"\n',  # a local file
        'reranker = "cohere"\n',  # a provider's name
        'encoder_layers = "org/x"\n',
    ],
)
def test_encoder_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- a CLI's or a web route's parameter whose default is declared through typer or FastAPI ------------------------


def test_a_parameter_default_given_through_typer_or_fastapi() -> None:
    source = (
        "import typer\n"
        "def create(\n"
        '    model: str = typer.Option("gpt-3.5-turbo", help="Model to use for fine-tuning"),\n'
        '    dataset_name: str = typer.Option(default="org/ds"),\n'
        '    base_model: str = typer.Argument("org/base", "--base-model"),\n'
        ") -> None: ...\n"
        'async def route(embedding_model: str = Query("BAAI/bge-small-en-v1.5")): ...\n'
    )
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (A, "gpt-3.5-turbo", 3),
        (Kind.DATASET, "org/ds", 4),
        (M, "org/base", 5),
        (M, "BAAI/bge-small-en-v1.5", 7),
    }


@pytest.mark.parametrize(
    "source",
    [
        'def f(model: str = typer.Option(..., "--model", "-m")): ...\n',  # required, its strings are flags
        'def f(output_model: str = typer.Option("org/mine")): ...\n',  # what the program writes
        'def f(model: str = typer.Option("models/local")): ...\n',  # a local folder
        'def f(name: str = Query("org/x")): ...\n',  # a name that says nothing of a model
        'def f(model: str = make_option("org/x")): ...\n',  # a call that declares no default
    ],
)
def test_parameter_default_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- a record named for a model, by its name; a field declared by its name as a string (Django) ------------------


def test_the_name_of_a_record_of_a_model() -> None:
    source = (
        "class ChatModel(DbBaseModel):\n"
        '    name = models.CharField(max_length=200, default="gemini-2.5-flash")\n'
        "class ChatModelFactory(factory.django.DjangoModelFactory):\n"
        '    name = "claude-3-5-haiku-20241022"\n'
        'chat_model = ChatModelFactory(name="gpt-4o-mini", model_type="openai")\n'
        'entry = ModelEntry(id="org/x", label="X")\n'
        "class EvalDataset:\n"
        '    name = "org/ds"\n'
    )
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (A, "gemini-2.5-flash", 2),
        (A, "claude-3-5-haiku-20241022", 4),
        (A, "gpt-4o-mini", 5),
        (M, "org/x", 6),
        (Kind.DATASET, "org/ds", 8),
    }
    # a row of a Django model class, made or looked up by its name
    rows = (
        'ChatModel.objects.create(name="claude-sonnet-4-0", model_type="anthropic")\n'
        'SearchModelConfig.objects.get_or_create(name="default", bi_encoder="thenlper/gte-small")\n'
        'ChatModel.objects.filter(name="gemini-2.5-flash").first()\n'
        'AiModelApi.objects.create(name="OpenAI", api_base_url=url)\n'  # a provider's label, no model
        'User.objects.create(name="org/x")\n'  # a row of no model
        'ChatModel.objects.exclude(name="gpt-4o")\n'  # a row it leaves out
    )
    assert {(kind, text) for kind, text, _, _ in find(rows)} == {
        (A, "claude-sonnet-4-0"),
        (M, "thenlper/gte-small"),
        (A, "gemini-2.5-flash"),
    }
    # a loader's `name` is its configuration, not a record's name
    loaded = {(kind, text) for kind, text, _, _ in find('load_dataset("org/ds", name="org/config")\n')}
    assert loaded == {(Kind.DATASET, "org/ds")}


@pytest.mark.parametrize(
    "source",
    [
        'class User(BaseModel):\n    name = "org/x"\n',  # the record's own name says nothing of a model
        'class ChatModel(Model):\n    name = models.CharField(default="default")\n',  # no id
        'class ChatModel(Model):\n    friendly_name = "GPT-4o"\n',  # a label, not its name
        'save_model(name="org/x")\n',  # what the program writes
        'user = UserFactory(name="org/x")\n',
        'keras.Model(inputs, outputs, name="encoder")\n',  # an owner-less name the knowledge base does not know
        'Block.model_validate({"name": "org/x"})\n',
    ],
)
def test_record_name_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_a_field_declared_by_its_name_in_a_django_migration() -> None:
    source = (
        "operations = [\n"
        "    migrations.CreateModel(\n"
        '        name="SearchModelConfig",\n'
        "        fields=[\n"
        '            ("name", models.CharField(default="default", max_length=200)),\n'
        '            ("bi_encoder", models.CharField(default="thenlper/gte-small", max_length=200)),\n'
        '            ("cross_encoder", models.CharField(blank=True, default="cross-encoder/ms-marco-MiniLM-L-6-v2")),\n'
        "        ],\n"
        "    ),\n"
        "    migrations.AlterField(\n"
        '        model_name="speechtotextmodeloptions",\n'
        '        name="model_name",\n'
        '        field=models.CharField(default="whisper-1", max_length=200),\n'
        "    ),\n"
        "]\n"
    )
    assert {(kind, text, line) for kind, text, line, _ in find(source)} == {
        (M, "thenlper/gte-small", 6),
        (M, "cross-encoder/ms-marco-MiniLM-L-6-v2", 7),
        (A, "whisper-1", 13),
    }


@pytest.mark.parametrize(
    "source",
    [
        'fields = [("model_type", models.CharField(default="openai"))]\n',  # not a model's name
        'fields = [("model_name", models.CharField(max_length=200))]\n',  # no default
        'fields = [("output_model", models.CharField(default="org/x"))]\n',  # written
        'AlterField(model_name="chatmodel", name="model_type", field=CharField(default="org/x"))\n',
        'pair = ("model_name", "Model name")\n',  # a choice's label
    ],
)
def test_declared_field_look_alikes(source: str) -> None:
    assert find(source) == set()


def test_files_whose_only_marker_is_an_encoder_or_reranker_are_read(tmp_path: Path) -> None:
    """The pre-filter passes a file that names an encoder or reranker and nothing else a marker would catch."""
    (tmp_path / "config.yaml").write_text("retrieval:\n  bi_encoder: thenlper/gte-small\n")
    (tmp_path / ".env").write_text("RERANKER=BAAI/bge-reranker-base\n")
    (tmp_path / "run.sh").write_text("python serve.py --cross-encoder cross-encoder/ms-marco-MiniLM-L-6-v2\n")
    (tmp_path / "app.py").write_text('ENCODER = "sentence-transformers/clip-ViT-B-32"\n')
    found = {(a.id, r.path) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}
    assert found == {
        ("thenlper/gte-small", "config.yaml"),
        ("BAAI/bge-reranker-base", ".env"),
        ("cross-encoder/ms-marco-MiniLM-L-6-v2", "run.sh"),
        ("sentence-transformers/clip-ViT-B-32", "app.py"),
    }


def test_a_parametrize_table_shared_by_many_tests_names_each_row_once() -> None:
    tests = "".join(
        f'@pytest.mark.parametrize("name, model_id", CASES)\ndef test_{index}(name, model_id): ...\n'
        for index in range(3)
    )
    source = f'CASES = [\n    ("a", "org/a"),\n    ("b", "org/b"),\n]\n{tests}'
    found = [(r.text, r.line) for r in PythonSource().find(source, FileContext("tests/test_x.py", lambda _: False))]
    assert found == [("org/a", 2), ("org/b", 3)]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ModelType", Kind.MODEL),
        ("EmbeddingModelType", Kind.MODEL),
        ("RerankerModelTypes", Kind.MODEL),
        ("LLMModelEnum", Kind.MODEL),
        ("ChatModel", Kind.MODEL),  # the naming rule's
        ("DatasetName", Kind.DATASET),
        ("ModelPlatformType", None),  # a platform's type
        ("RoleType", None),
        ("ModelTypeConfig", None),
        ("OutputModelType", None),  # written
    ],
)
def test_the_name_of_an_enum_of_models(name: str, kind: Kind | None) -> None:
    assert member_kind(name) is kind


def test_an_api_only_name_holds_an_ollama_model_in_a_file_that_speaks_of_ollama() -> None:
    source = (
        'model = ModelFactory.create(\n    model_platform=ModelPlatformType.OLLAMA,\n    model_type="llama3.2",\n)\n'
    )
    # the call says its platform is Ollama: the form a dict whose provider is Ollama has (`ollama-provider`)
    assert find(source) == {(OL, "llama3.2", 3, "ollama-provider")}


@pytest.mark.parametrize(
    "source",
    [
        'model = ModelFactory.create(model_platform=P.VLLM, model_type="llama3.2")\n',  # no Ollama in the file
        '# served by ollama\nconfig = dict(model_type="my-finetune")\n',  # no Ollama library name
    ],
)
def test_api_only_name_ollama_look_alikes(source: str) -> None:
    assert find(source) == set()
