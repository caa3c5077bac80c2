"""Forms found on repositories the benchmark does not label (thirteenth blind wave, helper sk: the Python samples and
connectors of microsoft/semantic-kernel, Cinnamon/kotaemon): a setting read from the environment with a default, by the
variable's name (python-decouple's `config(NAME, default=ID)`, an Azure deployment's `os.getenv(NAME, ID)`)."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL
PY = FileContext("app/settings.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


# --- settings read from the environment, with a default ------------------------------------------------------------


def test_decouple_config_default_is_read_by_the_variables_name() -> None:
    source = (
        "from decouple import config\n"
        'CHAT = config("APP_CHAT_MODEL", default="gpt-4o-mini")\n'
        'EMBEDDER = config("APP_EMBEDDING_MODEL_NAME", default="org/small-embedder")\n'
    )
    assert python(source) == {(A, "gpt-4o-mini", 2), (M, "org/small-embedder", 3)}


def test_decouple_config_default_inside_an_expression() -> None:
    source = (
        "from decouple import config\n"
        'URL = "{0}/v1/{1}".format(config("HOST", default=""), config("APP_VISION_DEPLOYMENT", default="gpt-4.1"))\n'
    )
    assert python(source) == {(A, "gpt-4.1", 2)}


def test_config_without_a_default_or_named_for_no_model_reads_nothing() -> None:
    source = (
        "from decouple import config\n"
        'TITLE = config("APP_TITLE", default="gpt-4o-mini")\n'
        'KEY = config("OPENAI_API_KEY")\n'
        'section = config("model")\n'
    )
    assert python(source) == set()


def test_an_azure_deployment_read_from_the_environment_is_an_api_model() -> None:
    source = (
        "import os\n"
        'DEPLOYMENT = os.getenv("AZURE_OPENAI_DEPLOYMENT", "gpt-4.1-mini")\n'
        'NAME = os.environ.get("VISION_DEPLOYMENT_NAME", "o4-mini")\n'
        'OTHER = os.getenv("AZURE_OPENAI_DEPLOYMENT", "my-team-deployment")\n'
    )
    assert python(source) == {(A, "gpt-4.1-mini", 2), (A, "o4-mini", 3)}


# --- a local OpenAI-compatible server (LM Studio) ------------------------------------------------------------------


def test_a_model_asked_of_lm_studio_is_an_api_model_as_written() -> None:
    source = (
        "from openai import OpenAI\n"
        'client = OpenAI(base_url="http://localhost:1234/v1", api_key="unused")\n'
        'reply = client.chat.completions.create(model="mistral-nemo-12b", messages=[])\n'
        'vectors = Embedder(model_id="Some-Embed-v2-GGUF", client=client)\n'
    )
    assert python(source) == {(A, "mistral-nemo-12b", 3), (A, "Some-Embed-v2-GGUF", 4)}


def test_lm_studio_placeholders_and_known_names_stay_what_they_are() -> None:
    source = (
        "# a chat through LM Studio's local server\n"
        'client = OpenAI(base_url="http://localhost:1234/v1", api_key="unused")\n'
        'client.chat.completions.create(model="local-model", messages=[])\n'
        'client.chat.completions.create(model="gpt-4o-mini", messages=[])\n'
        'client.chat.completions.create(model="org/weights-7b-GGUF", messages=[])\n'
    )
    assert python(source) == {(A, "gpt-4o-mini", 4), (M, "org/weights-7b-GGUF", 5)}


def test_without_a_local_server_an_unknown_name_names_nothing() -> None:
    source = (
        'client = OpenAI(base_url="http://localhost:8080/v1", api_key="unused")\n'
        'client.chat.completions.create(model="mistral-nemo-12b", messages=[])\n'
    )
    assert python(source) == set()


# --- Azure OpenAI's route filled in by str.format --------------------------------------------------------------------


def test_the_deployment_a_format_template_puts_in_azure_openais_route() -> None:
    source = (
        'URL = "{0}openai/deployments/{1}/chat/completions?api-version={2}".format(endpoint, "gpt-4.1", version)\n'
        'EMBED = "{}/openai/deployments/{}/embeddings".format(base, "text-embedding-3-large")\n'
        'NAMED = "{host}/openai/deployments/{name}/chat".format(host=h, name="o4-mini")\n'
    )
    assert python(source) == {(A, "gpt-4.1", 1), (A, "text-embedding-3-large", 2), (A, "o4-mini", 3)}


def test_other_values_of_such_a_template_name_nothing() -> None:
    source = (
        'A = "{0}/openai/deployments/{1}/chat".format("gpt-4o", "team-chat")\n'
        'B = "{0}/v1/models/{1}".format(host, "gpt-4o")\n'
        'C = "{0}/openai/deployments/{1}/chat".format(*parts)\n'
    )
    assert python(source) == set()


def test_the_alias_foundry_local_downloads_and_serves_is_an_api_model() -> None:
    source = (
        "from foundry_local import FoundryLocalManager\n"
        'alias = "qwen2.5-coder-0.5b"\n'
        "manager = FoundryLocalManager(alias)\n"
        "manager.download_model(alias)\n"
        'manager.load_model("settings")\n'
    )
    assert python(source) == {(A, "qwen2.5-coder-0.5b", 2)}


# --- where a file only mentions LM Studio (the held-out set's docling, open-interpreter, mem0, ragflow) -------------


def test_lm_studio_named_among_engines_or_imports_makes_no_name_its_model() -> None:
    engines = (
        "class Spec:\n"
        "    engines = {VlmEngineType.API_OLLAMA, VlmEngineType.API_LMSTUDIO}\n"
        'SPEC = ModelSpec(name="ocr-small-2b", api_model="layout-model-3b")\n'
    )
    imported = (
        "from app.configs.lmstudio import LMStudioConfig\n"
        'RERANKERS = {"llm": ("app.rerankers.llm.LLMReranker2", LLMRerankerConfig)}\n'
    )
    assert python(engines) == set()
    assert python(imported) == set()


def test_a_menu_of_local_servers_is_no_lm_studio_client() -> None:
    source = (
        'choices = ["LM Studio", "Ollama", "Llamafile"]\n'
        'if choice == "LM Studio":\n'
        '    api_base = "http://localhost:1234/v1"\n'
        "else:\n"
        '    model = dict(name="wizardcoder-python-13b", file="wizardcoder-python-13b.llamafile")\n'
    )
    assert python(source) == set()


def test_a_file_named_for_lm_studio_or_making_its_client_reads_its_names() -> None:
    client = 'from agents.models.lmstudio import LMStudio\nagent = Agent(model=LMStudio(id="qwen2.5-7b-instruct-1m"))\n'
    assert python(client) == {(A, "qwen2.5-7b-instruct-1m", 2)}
