"""Forms found on repositories the benchmark does not label (issue 16, pydantic-ai and simonw/llm): pydantic-ai's newer
`provider:` routes (`google:`, `google-cloud:`, `voyageai:`, `moonshotai:`, `zai:`, `openai-chat:`), a route's bare
prefix (`accounts/fireworks/models/`), the classes a function named for models constructs (llm's plugin hook
`register_models`), and the short `-m` flag of a command line (`llm -m gpt-4o`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A = Kind.API


def find(source: str, path: str = "pkg/plugin.py") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in PythonSource().find(source, context)}


def find_shell(script: str, path: str = "scripts/run.sh") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in ShellSource().find(script, context)}


# --- pydantic-ai's routes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("google:gemini-3-flash-preview", "google"),
        ("google-cloud:text-embedding-005", "google"),
        ("google-cloud:gemini-embedding-001", "google"),
        ("voyageai:voyage-3.5", "voyage"),
        ("moonshotai:kimi-k2.5", "moonshot"),
        ("zai:glm-4.7", "zhipu"),
        ("openai-chat:gpt-4o", "openai"),
        ("openai-responses:o3", "openai"),
    ],
)
def test_pydantic_ai_routes_send_names_to_their_provider(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "google:search",  # a word after the route: no model of Google's
        "google:",
        "voyageai:config",
        "moonshotai:",
        "zai:settings",
        "google-cloud:us-central1",
        "accounts/fireworks/models/",  # a prefix a program strips: no model's name
        "openai/",
        "google/gemma-3-27b-it",  # a Hub id
    ],
)
def test_route_look_alikes_are_no_routed_name(name: str) -> None:
    assert apis.routed(name) is None


def test_a_route_in_an_agent_and_an_environment_default_is_read() -> None:
    source = (
        "MODEL = os.environ.get('CAMERA_REALTIME_MODEL', 'google:gemini-3.1-flash-live-preview')\n"
        "agent = Agent('google:gemini-3-flash-preview', output_type=str)\n"
        "prefix = 'accounts/fireworks/models/'\n"
    )
    assert find(source) == {(A, "google:gemini-3.1-flash-live-preview"), (A, "google:gemini-3-flash-preview")}


# --- the classes a function named for models constructs ---------------------------------------------------------------

HOOK = """
@hookimpl
def register_models(register):
    register(
        Chat(
            "gpt-4o",
            vision=True,
        ),
        AsyncChat("gpt-4o", vision=True),
        aliases=("4o",),
    )
    register(Responses("o3", reasoning=True), AsyncResponses("o3", reasoning=True))
    register(Completion("gpt-3.5-turbo-instruct", default_max_tokens=256), aliases=("3.5-instruct",))
    register(ClaudeMessages("claude-3-5-haiku-latest"), aliases=("haiku",))
"""


def test_the_classes_a_models_hook_registers_are_read() -> None:
    assert find(HOOK) == {
        (A, "gpt-4o"),
        (A, "o3"),
        (A, "gpt-3.5-turbo-instruct"),
        (A, "claude-3-5-haiku-latest"),
    }


def test_an_embedding_models_hook_is_read() -> None:
    source = 'def register_embedding_models(register):\n    register(Large("text-embedding-3-large", 256))\n'
    assert find(source) == {(A, "text-embedding-3-large")}


@pytest.mark.parametrize(
    "source",
    [
        # an alias, a local folder, a word: no API's name
        'def register_models(register):\n    register(Chat("4o"), aliases=("chatgpt",))\n',
        'def load_models():\n    root = Path("models")\n    return Loader(root)\n',
        'def register_models(register):\n    register(Markov("markov"))\n',
        # a function not named for models, and a function's call, not a class's
        'def helper():\n    x = Chat("gpt-4")\n',
        'def register_models(register):\n    log("gpt-4o")\n',
        # a function whose name says it writes a model
        'def save_models():\n    x = Chat("gpt-4o")\n',
    ],
)
def test_look_alikes_of_a_models_hook_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- the short `-m` flag -------------------------------------------------------------------------------------------


def test_the_short_model_flag_of_an_argv_list_is_read() -> None:
    source = (
        'result = runner.invoke(cli, ["hello", "--no-stream", "-m", "gpt-4o-mini"])\n'
        'os.system("llm -m claude-3-5-haiku-latest hello")\n'
    )
    assert find(source) == {(A, "gpt-4o-mini"), (A, "claude-3-5-haiku-latest")}


@pytest.mark.parametrize(
    "source",
    [
        'subprocess.run(["python", "-m", "vllm.entrypoints.openai.api_server"])\n',
        'os.system("python -m gpt_tools.run")\n',
        'runner.invoke(cli, ["-m", "chatgpt", "-o", "temperature", "0.5"])\n',  # an alias of the program's
        'subprocess.run(["llama-cli", "-m", "models/llama-3.gguf"])\n',  # a local file
    ],
)
def test_look_alikes_of_the_short_model_flag_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_the_short_model_flag_of_a_script_is_read() -> None:
    script = 'llm -m gpt-4o "Summarise this"\ncat notes.txt | llm -m o3-mini -s "system"\n'
    assert find_shell(script) == {(A, "gpt-4o"), (A, "o3-mini")}


@pytest.mark.parametrize(
    "script",
    ["python -m llm.cli\n", 'llm -m 4o "x"\n', "llama-cli -m ./models/llama.gguf -p hi\n"],
)
def test_look_alikes_of_the_short_model_flag_in_a_script_name_nothing(script: str) -> None:
    assert find_shell(script) == set()


# --- TwelveLabs' video models -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["pegasus1.5", "pegasus1.2", "marengo2.7", "marengo3.0"])
def test_twelvelabs_models_are_its_api(name: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == "twelvelabs"


@pytest.mark.parametrize("name", ["pegasus-xsum", "google/pegasus-xsum", "pegasus", "pegasus-large", "marengo"])
def test_look_alikes_of_twelvelabs_models_are_no_api(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_a_twelvelabs_call_is_read() -> None:
    source = "response = await ctx.deps.twelvelabs.analyze(model_name='pegasus1.5', prompt=prompt)\n"
    assert find(source) == {(A, "pegasus1.5")}


# --- pydantic-ai's other providers: its Gateway, hosts of open models, Hugging Face and Ollama -----------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("gateway/openai:gpt-5", "openai"),
        ("gateway/anthropic:claude-sonnet-4-5", "anthropic"),
        ("gateway/google-cloud:gemini-2.5-pro", "google"),
        ("gateway/groq:llama-3.3-70b-versatile", "groq"),
        ("gateway/bedrock:amazon.nova-pro-v1:0", "bedrock"),
        ("azure-responses:gpt-5", "azure"),
        ("bedrock-mantle:openai.gpt-oss-120b", "bedrock"),
        ("openrouter:anthropic/claude-sonnet-4-5", "openrouter"),
        ("together:meta-llama/Llama-3.3-70B-Instruct-Turbo", "together"),
        ("fireworks:accounts/fireworks/models/qwq-32b", "fireworks"),
        ("sambanova:Meta-Llama-3.3-70B-Instruct", "sambanova"),
        ("alibaba:qwen-max", "alibaba-dashscope"),
    ],
)
def test_pydantic_ai_provider_prefixes_route_names(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "gateway/openai:",  # a prefix
        "gateway/openai:settings",
        "together:results/run-1.json",  # a path behind the route
        "openrouter:",
        "sambanova:config",
        "alibaba:",
        "fireworks:models",
    ],
)
def test_look_alikes_of_pydantic_ai_provider_prefixes_are_no_routed_name(name: str) -> None:
    assert apis.routed(name) is None


def test_pydantic_ai_hugging_face_and_ollama_prefixes_name_a_hub_model_and_an_ollama_model() -> None:
    source = "a = Agent('huggingface:Qwen/Qwen3-32B')\nb = Agent('ollama:qwen3')\nc = Agent('ollama:llama3.2:3b')\n"
    assert find(source) == {(Kind.MODEL, "Qwen/Qwen3-32B"), (Kind.OLLAMA, "qwen3"), (Kind.OLLAMA, "llama3.2:3b")}


@pytest.mark.parametrize(
    "source",
    [
        "x = 'huggingface:'\n",
        "x = 'huggingface:./models/x'\n",  # a local path
        "x = 'huggingface:datasets'\n",
        "x = 'huggingface:org/x/y/z'\n",
        "x = 'ollama:latest'\n",  # a tag alone, a port, a model the library does not know
        "x = 'ollama:11434'\n",
        "x = 'ollama:my-private-model'\n",
    ],
)
def test_look_alikes_of_the_hugging_face_and_ollama_prefixes_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_the_ollama_servers_image_stays_an_image() -> None:
    assert find("x = 'ollama/ollama:0.5.7'\n") == {(Kind.IMAGE, "ollama/ollama:0.5.7")}
