"""Ollama models as each source finds them, read through the whole discovery (routes, pre-filters, sources), with
the look-alikes that must not be taken for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.model import Kind

OLLAMA, MODEL = Kind.OLLAMA, Kind.MODEL
Found = tuple[Kind, str, int]


def found(tmp_path: Path, name: str, text: str) -> set[Found]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    artefacts = discover(tmp_path, [tmp_path]).artefacts
    return {(a.kind, a.id, r.line) for a in artefacts for r in a.references if r.path == name}


def ollama_ids(tmp_path: Path, name: str, text: str) -> set[str]:
    return {artefact_id for kind, artefact_id, _ in found(tmp_path, name, text) if kind is OLLAMA}


PYTHON_POSITIVES = [
    ("import ollama\nollama.chat(model='llama3.1', messages=[])\n", {(OLLAMA, "llama3.1", 2)}),
    ("import ollama as o\no.generate('gemma3', 'hi')\n", {(OLLAMA, "gemma3", 2)}),
    ("from ollama import chat\nfor p in chat('gemma3', messages=m, stream=True):\n    pass\n", {(OLLAMA, "gemma3", 2)}),
    ("from ollama import pull as get\nget('qwen2.5:3b')\n", {(OLLAMA, "qwen2.5:3b", 2)}),
    ("from ollama import embed\nembed(model='nomic-embed-text', input='x')\n", {(OLLAMA, "nomic-embed-text", 2)}),
    (
        "from ollama import Client\nclient = Client()\nclient.create(model='my-assistant', from_='gemma3')\n",
        {(OLLAMA, "gemma3", 3)},
    ),
    (
        "from ollama import AsyncClient\nasync def main():\n    client = AsyncClient()\n"
        "    await client.chat('llama3.1', messages=[])\n",
        {(OLLAMA, "llama3.1", 4)},
    ),
    ("from ollama import Client\nmodel = 'gpt-oss:20b'\nClient().chat(model=model)\n", {(OLLAMA, "gpt-oss:20b", 2)}),
    ("import ollama\nollama.show('x/z-image-turbo')\n", {(OLLAMA, "x/z-image-turbo", 2)}),
    ("import ollama\nollama.Client(host=h).chat(model='user/model:7b')\n", {(OLLAMA, "user/model:7b", 2)}),
    ("import ollama\nclient.chat(model='llama3.1')\n", {(OLLAMA, "llama3.1", 2)}),
    (
        "from langchain_ollama import ChatOllama\nllm = ChatOllama(model='llama3.2', temperature=0)\n",
        {(OLLAMA, "llama3.2", 2)},
    ),
    (
        "from langchain_ollama import OllamaEmbeddings\ne = OllamaEmbeddings(model='mxbai-embed-large')\n",
        {(OLLAMA, "mxbai-embed-large", 2)},
    ),
    ("import dspy\nlm = dspy.LM('ollama_chat/llama3.2')\n", {(OLLAMA, "llama3.2", 2)}),
    # LangChain's `init_chat_model` and pydantic-ai write the provider before a colon
    (
        "from langchain.chat_models import init_chat_model\nm = init_chat_model('ollama:llama3.1')\n",
        {(OLLAMA, "llama3.1", 2)},
    ),
    ("m = init_chat_model(model='ollama:qwen2.5:7b', temperature=0)\n", {(OLLAMA, "qwen2.5:7b", 1)}),
    (  # beside it, another provider's route is that API's, not a model `azure_openai` tagged `gpt-4o`
        "m = init_chat_model('ollama:llama3.1')\nn = init_chat_model('azure_openai:gpt-4o')\n",
        {(OLLAMA, "llama3.1", 1), (Kind.API, "azure_openai:gpt-4o", 2)},
    ),
    ("import litellm\nlitellm.completion(model='ollama/llama3', messages=[])\n", {(OLLAMA, "llama3", 2)}),
    (
        "from pydantic import BaseModel\nclass C(BaseModel):\n    local_llm: str = 'llama3.2'\n",
        {(OLLAMA, "llama3.2", 3)},
    ),
    ("import os\nOLLAMA_MODEL = os.getenv('OLLAMA_MODEL', 'mistral-nemo')\n", {(OLLAMA, "mistral-nemo", 2)}),
    (
        "import ollama\nollama.pull('hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M')\n",
        {(MODEL, "bartowski/Llama-3.2-1B-Instruct-GGUF", 2)},
    ),
    # the wrappers of other frameworks named for Ollama (autogen, haystack): their `model=` is Ollama's
    ("c = OllamaChatCompletionClient(model='llama3.1', host=h)\n", {(OLLAMA, "llama3.1", 1)}),
    ("def f():\n    model = 'qwen2.5:7b'\n    return OllamaGenerator(model=model)\n", {(OLLAMA, "qwen2.5:7b", 2)}),
    ("e = OllamaTextEmbedder(model='nomic-embed-text')\n", {(OLLAMA, "nomic-embed-text", 1)}),
    # a table of models in a file that speaks of Ollama, whose keys are the library's names and tags
    (
        "# the models ollama serves\n_MODEL_INFO = {'llama3.1': {}, 'qwen2.5': {}, 'command-r': {}, 'phi4:14b': {}}\n",
        {(OLLAMA, "llama3.1", 2), (OLLAMA, "qwen2.5", 2), (OLLAMA, "command-r", 2), (OLLAMA, "phi4:14b", 2)},
    ),
    (  # there a name the library table does not know is still one (it resolves to nothing and fails closed)
        "# ollama\nMODEL_LIMITS = {'llama3': 1, 'mistral': 2, 'gemma2': 3, 'phi3': 4, 'zz-new-model': 5}\n",
        {(OLLAMA, name, 2) for name in ("llama3", "mistral", "gemma2", "phi3", "zz-new-model")},
    ),
    # a library name with a tag under a model name is Ollama's spelling, in a file that never says Ollama
    ("cfg = LLMConfig(model='llama3.1:8b', api_base=base)\n", {(OLLAMA, "llama3.1:8b", 1)}),
    ("DEFAULT_MODEL = 'qwen2.5:7b-instruct'\n", {(OLLAMA, "qwen2.5:7b-instruct", 1)}),
    # even where a hosted API's pattern (`gpt-*`, `command-r*`) matches the name before its tag
    (
        "m = OpenAIChatCompletionsModel(model='gpt-oss:20b', openai_client=AsyncOpenAI(base_url=BASE))\n",
        {(OLLAMA, "gpt-oss:20b", 1)},
    ),
    ("cfg = LLMConfig(model='command-r:35b')\n", {(OLLAMA, "command-r:35b", 1)}),
    # an OpenAI-compatible client pointed at an Ollama server: the model it is asked for is Ollama's
    (
        "from openai import OpenAI\nclient = instructor.from_openai(OpenAI(base_url='http://localhost:11434/v1',"
        " api_key='ollama'))\nresp = client.chat.completions.create(model='llama2', messages=[])\n",
        {(OLLAMA, "llama2", 3)},
    ),
    (
        "import openai\nclient = openai.OpenAI(base_url=OLLAMA_URL)\n"
        "client.chat.completions.create(model='qwen2.5-coder:7b', messages=[])\n"
        "client.chat.completions.create(model='gpt-4o', messages=[])\n"
        "client.chat.completions.create(model='org/served', messages=[])\n",
        {(OLLAMA, "qwen2.5-coder:7b", 3), (Kind.API, "gpt-4o", 4), (MODEL, "org/served", 5)},
    ),
    # what a model's type is compared with is read when it is a model, not an architecture's word
    (
        "import ollama\nif model_type == 'gpt-4o' or model_type == 'qwen3':\n    ollama.chat(model='llama3.2')\n",
        {(Kind.API, "gpt-4o", 2), (OLLAMA, "llama3.2", 3)},
    ),
]


@pytest.mark.parametrize(("source", "expected"), PYTHON_POSITIVES)
def test_python_positives(tmp_path: Path, source: str, expected: set[Found]) -> None:
    assert found(tmp_path, "app.py", source) == expected


@pytest.mark.parametrize(
    "source",
    [
        "import ollama\nollama.chat(model='test')\n",  # neither in the table nor tag-shaped
        "from ollama import Client\nClient().create(model='my-assistant', from_=base)\n",  # `model` is written
        "import ollama\nollama.chat(model='org/name')\n".replace("ollama.chat", "other.chat"),
        "template = 'llama2'\nstyle = dict(chat_template='chatml', prompt_style='mistral')\n",
        "from transformers import AutoTokenizer\ntok = AutoTokenizer.from_pretrained('org/name')\nmodel = 'llama2'\n",
        "def chat(model):\n    pass\nchat('gemma3')\n",  # a `chat` not imported from ollama
        "from openai import OpenAI\nOpenAI().chat.completions.create(model='llama3.1')\n",
        # beside an Ollama server, a name neither in the library table nor tagged is none of its models
        "from openai import OpenAI\nOpenAI(base_url='http://localhost:11434/v1').chat.completions.create(model='x')\n",
        "x = 'ollama/ollama:0.5.7'\n",  # the server's image
        "HOST = 'ollama:11434'\nTAG = 'ollama:latest'\n",  # a compose service's address, the server's image tag
        "import ollama\n'''ollama.chat(model='llama3.2')'''\n",  # a docstring
        "c = OllamaChatCompletionClient(model='org/name')\n",  # namespaced: only where nothing else is meant
        "c = OllamaChatCompletionClient(model='test')\n",  # neither in the table nor tag-shaped
        "c = OtherClient(model='llama3.1')\n",  # no Ollama client: an owner-less name is nothing
        # architectures named like Ollama's models, in a file that never speaks of Ollama
        "MODEL_TYPES = {'llama': 1, 'mistral': 2, 'gemma2': 3, 'qwen2': 4}\n",
        # a tag outside Ollama's places: on a name the library does not know, or not under a model name
        "cfg = LLMConfig(model='my-finetune:v2')\n",
        "MODEL_ID = 'anthropic.claude-3-sonnet-20240229-v1:0'\n",
        "IMAGE = 'llama3.1:8b'\nlabel = 'mistral:7b'\n",
        # an API's names keep their colons: a fine-tuned OpenAI model, a Bedrock version
        "m = Model(model='ft:gpt-4o-mini-2024-07-18:my-org:support:9FtHmmAb')\n",
        "m = Model(model='cohere.command-r-v1:0')\n",
        # a model's type compared with an architecture's word, in a file that speaks of Ollama (localGPT's reranker)
        "from x.ollama_client import OllamaClient\nif model_type == 'qwen3' or cfg.model_type in ('llama', 'bert'):\n"
        "    pass\n",
    ],
)
def test_python_negatives(tmp_path: Path, source: str) -> None:
    assert not ollama_ids(tmp_path, "app.py", source)


def test_a_hub_id_stays_a_hub_model(tmp_path: Path) -> None:
    source = "from transformers import AutoModel\nAutoModel.from_pretrained('meta-llama/Llama-3.1-8B')\n"
    assert found(tmp_path, "app.py", source) == {(MODEL, "meta-llama/Llama-3.1-8B", 2)}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("pull.sh", "ollama pull llama3.1:8b\n", {"llama3.1:8b"}),
        ("run.sh", "ollama run mistral 'why is the sky blue?'\n", {"mistral"}),
        ("exec.sh", "docker exec -it ollama ollama pull qwen2.5:3b\n", {"qwen2.5:3b"}),
        ("user.sh", "ollama pull user/custom:latest\n", {"user/custom:latest"}),
        (
            "warm.sh",
            'if curl -fsS http://localhost:11434/api/generate \\\n  -d \'{"model":"phi3"}\'; then\n  exit 0\nfi\n',
            {"phi3"},
        ),
        (
            "curl.sh",
            'curl http://localhost:11434/api/generate -d \'{"model":"llama3.2:3b","prompt":"hi"}\'\n',
            {"llama3.2:3b"},
        ),
        (
            "env.sh",
            'echo "LM_FOR_TEST=ollama/llama3.2:3b" >> "$GITHUB_ENV"\nexport OLLAMA_MODEL=gemma3\n',
            {"llama3.2:3b", "gemma3"},
        ),
        (
            ".github/workflows/ci.yml",
            "jobs:\n  t:\n    steps:\n      - run: docker exec ollama ollama pull phi4\n",
            {"phi4"},
        ),
        # a library name with a tag under a model's name or flag, in a script that never says Ollama
        ("serve.sh", "MODEL=llama3.1:8b\npython serve.py --model qwen2.5:7b\n", {"llama3.1:8b", "qwen2.5:7b"}),
    ],
)
def test_shell_positives(tmp_path: Path, name: str, text: str, expected: set[str]) -> None:
    assert ollama_ids(tmp_path, name, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "docker pull ollama/ollama:0.31.2\n",
        "ollama create my-model -f Modelfile\nollama list\nollama serve\n",
        'echo "Ollama failed to serve llama3.2:3b after 3 attempts"\n',
        'curl https://api.example.com/v1/chat -d \'{"model":"llama3.1"}\'\n',
        'curl https://api.example.com/api/chat -d \'{"model":"org/name"}\'\n',
        "ollama pull test\n",
        "MODEL=llama2\n",
        "MODEL=my-finetune:v2\nIMAGE=llama3.1:8b\n",  # a tag on a name the library does not know; not a model's name
    ],
)
def test_shell_negatives(tmp_path: Path, text: str) -> None:
    assert not ollama_ids(tmp_path, "run.sh", text)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "config.yaml",
            "ollama:\n  model: llama3.1:8b\n  embedding_model: nomic-embed-text\n",
            {"llama3.1:8b", "nomic-embed-text"},
        ),
        (
            "litellm.yaml",
            "model_list:\n  - model_name: local\n    litellm_params:\n      model: ollama/mistral\n",
            {"mistral"},
        ),
        (".env", "OLLAMA_MODEL=deepseek-r1:7b\nLOCAL_LLM=llama3.2\n", {"deepseek-r1:7b", "llama3.2"}),
        ("settings.json", '{"ollama": {"model": "qwen3"}}', {"qwen3"}),
        ("pyproject.toml", '[tool.app]\nollama_model = "gemma3:4b"\n', {"gemma3:4b"}),
        # chat-ui's endpoint of a model, in its `MODELS` JSON
        ("models.json", '[{"name": "Local", "endpoints": [{"type": "ollama", "ollamaName": "mistral"}]}]', {"mistral"}),
        # Continue's models: the title labels the entry, the model is what runs
        (
            "config.json",
            '{"models": [{"title": "Qwen", "provider": "ollama", "model": "qwen2.5-coder:7b"}]}',
            {"qwen2.5-coder:7b"},
        ),
        # a library name with a tag under a model name, with no Ollama server in the file
        (
            ".env",
            "LLM_MODEL=qwen2.5:7b\nEMBEDDING_MODEL=nomic-embed-text:v1.5\n",
            {"qwen2.5:7b", "nomic-embed-text:v1.5"},
        ),
        ("settings.yaml", "llm:\n  default_model: ${PGPT_LLM:llama3.1:8b}\n", {"llama3.1:8b"}),
    ],
)
def test_config_positives(tmp_path: Path, name: str, text: str, expected: set[str]) -> None:
    assert ollama_ids(tmp_path, name, text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".env", "LOCAL_LLM=qwen_qwq-32b\nLLM_PROVIDER=lmstudio\n"),  # not in the table, no tag
        ("config.yaml", "chat_template: chatml\nprompt_style: llama2\nmodel: test\n"),
        ("config.yaml", "model: mistral\n"),  # a bare word outside an Ollama place
        ("config.yaml", "ollama:\n  host: http://localhost:11434\n  model: test\n"),
        ("compose.yaml", "services:\n  ollama:\n    image: ollama/ollama:latest\n"),
        ("config.yaml", "ollama_host_name: ollama\nOLLAMA_SERVICE_NAME: mistral\n"),  # names of a host, a service
        ("config.json", '{"models": [{"title": "Mistral", "description": "qwen2.5", "provider": "ollama"}]}'),
        ("config.yaml", "model: my-finetune:v2\ntemplate: llama3.1:8b\n"),  # unknown name; not a model's key
        (".env", "MODEL=anthropic.claude-3-sonnet-20240229-v1:0\n"),  # Bedrock's versioned id
    ],
)
def test_config_negatives(tmp_path: Path, name: str, text: str) -> None:
    assert not ollama_ids(tmp_path, name, text)


def test_a_hub_id_in_config_stays_a_hub_model(tmp_path: Path) -> None:
    assert found(tmp_path, "config.yaml", "base_model: org/name\n") == {(MODEL, "org/name", 1)}


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Modelfile", "FROM llama3.1:8b\nPARAMETER temperature 1\nSYSTEM from here on\n", {(OLLAMA, "llama3.1:8b", 1)}),
        ("models/Modelfile.coder", "# base\nfrom qwen2.5-coder:3b\n", {(OLLAMA, "qwen2.5-coder:3b", 2)}),
        ("assistant.modelfile", "FROM user/custom\n", {(OLLAMA, "user/custom", 1)}),
        ("Modelfile", 'FROM "hf.co/org/repo-GGUF:Q4_K_M"\n', {(MODEL, "org/repo-GGUF", 1)}),
        ("Modelfile", "FROM ./model.gguf\n", set()),
        ("Modelfile", "FROM /models/llama.gguf\n", set()),
        ("Modelfile", "FROM test\n", set()),
    ],
)
def test_modelfile(tmp_path: Path, name: str, text: str, expected: set[Found]) -> None:
    assert found(tmp_path, name, text) == expected


def test_a_dockerfile_from_is_no_modelfile(tmp_path: Path) -> None:
    assert not ollama_ids(tmp_path, "Dockerfile", "FROM python:3.11\nFROM llama3.1:8b\n")


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # mostly not the library's names: no table of Ollama's, so only the names the library knows count
        ("# ollama too\nMODEL_INFO = {'gpt-4o': {}, 'my-model': {}, 'other': {}, 'llama3.1': {}}\n", {"llama3.1"}),
        ("# ollama\nMODEL_INFO = {'llama3.1': {}, 'zz-new': {}}\n", {"llama3.1"}),  # two keys are no table
    ],
)
def test_beside_ollama_without_a_table_only_library_names_count(
    tmp_path: Path, source: str, expected: set[str]
) -> None:
    assert ollama_ids(tmp_path, "app.py", source) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("model.yaml", "kind: Model\nspec:\n  url: ollama://gemma2:2b\n  engine: OLlama\n", {"gemma2:2b"}),
        ("run.sh", "ramalama run ollama://tinyllama\n", {"tinyllama"}),
        ("run.sh", "MODEL=ollama://qwen2.5:7b\n", {"qwen2.5:7b"}),
        ("app.py", "MODEL_URL = 'ollama://llama3.1:8b'\n", {"llama3.1:8b"}),
        ("run.sh", "ramalama pull ollama://library/smollm:135m\n", {"smollm:135m"}),  # the library's namespace
        ("app.py", "CASES = [('ollama://tinyllama', 'ollama://library/tinyllama')]\n", {"tinyllama"}),  # one model
    ],
)
def test_the_ollama_url_scheme_names_an_ollama_model(tmp_path: Path, name: str, text: str, expected: set[str]) -> None:
    assert ollama_ids(tmp_path, name, text) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("config.yaml", "ollama:\n  url: ollama://localhost:11434\n"),  # the server's address
        ("run.sh", "OLLAMA_HOST=ollama://ollama:11434/api\n"),
        ("config.yaml", "url: ollama://\n"),
    ],
)
def test_ollama_urls_that_name_no_model(tmp_path: Path, name: str, text: str) -> None:
    assert not ollama_ids(tmp_path, name, text)
