"""Hosts that serve models under their own spelling of a name: Cloudflare Workers AI (`@cf/meta/...`), Fireworks AI
(`accounts/fireworks/models/...`), Replicate's pinned versions (`owner/name:<64 hex>`), Jina AI's and ElevenLabs' own
names, and the names SambaNova Cloud and Baidu Qianfan serve by plain (mixed-case) name only where the file shows
them; with the look-alikes that stay out (npm scopes, Hub ids with their owner, weights files, Docker digests)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A = Kind.API
VERSION = "df7690f1994d94e96ad9d568eac121aecf50684a0b0963b25a41cc40061269e5"  # a Replicate model version: 64 hex


def context(path: str) -> FileContext:
    return FileContext(path, lambda value: value.startswith("local/"))


def python(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in PythonSource().find(text, context("app.py"))]


def javascript(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, context("node.ts"))]


def config(text: str, path: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ConfigSource().find(text, context(path))]


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("@cf/meta/llama-3.1-8b-instruct-fast", "cloudflare-workers-ai"),
        ("@cf/baai/bge-base-en-v1.5", "cloudflare-workers-ai"),
        ("@hf/thebloke/deepseek-coder-6.7b-instruct-awq", "cloudflare-workers-ai"),
        ("accounts/fireworks/models/llama-v3p1-8b-instruct", "fireworks"),
        ("accounts/my-team/models/my-fine-tune", "fireworks"),
        ("fireworks_ai/accounts/fireworks/models/mixtral-8x7b-instruct", "fireworks"),
        (f"a16z-infra/llama13b-v2-chat:{VERSION}", "replicate"),
        (f"stability-ai/sdxl:{VERSION}", "replicate"),
        ("eleven_multilingual_v2", "elevenlabs"),
        ("eleven_turbo_v2_5", "elevenlabs"),
        ("eleven_flash_v2_5", "elevenlabs"),
        ("ERNIE-Bot-turbo", "baidu-qianfan"),  # Qianfan writes its names in mixed case too
        ("ERNIE-4.0-8K", "baidu-qianfan"),
    ],
)
def test_hosts_serve_their_own_spellings(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider


@pytest.mark.parametrize(
    "name",
    [
        "@cloudflare/workers-types",  # npm scopes
        "@cf/llama",
        "@huggingface/inference",
        "@hf/inference",
        "accounts/settings",
        "accounts/fireworks",
        "a16z-infra/llama13b-v2-chat",  # no version: a Hub id's shape, Replicate's only where Replicate is called
        f"a16z-infra/llama13b-v2-chat:{VERSION[:40]}",  # 40 hex is no Replicate version
        "org/name:latest",
        f"ghcr.io/org/server@sha256:{VERSION}",  # a Docker digest
        f"org/name@{VERSION}",
        "jinaai/jina-embeddings-v3",  # the open weights, a Hub id
        "jina-reranker-v1-tiny-en.f16.gguf",  # a local weights file named after the model
        "jina-embeddings-v2-base-en.Q4_K_M.gguf",
        "jina",
        "eleven",
        "elevenlabs",
        "scribe_v1",  # ElevenLabs' only where ElevenLabs is called
        "Meta-Llama-3.3-70B-Instruct",  # SambaNova's only where SambaNova is called
        "Embedding-V1",  # Qianfan's only where Qianfan is called
        "ERNIE-4.5-21B-A3B-PT",  # Baidu's open weights, a Hub name
        "ERNIE-4.5-0.3B-Paddle",
        "ernie-3.0-base-zh",  # PaddleNLP's open checkpoints
    ],
)
def test_look_alikes_are_no_host(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_sambanova_qianfan_and_elevenlabs_names_count_where_their_api_is_seen() -> None:
    sambanova = apis.contexts('llm = ChatOpenAI(base_url="https://api.sambanova.ai/v1")')
    qianfan = apis.contexts("from langchain_community.embeddings import QianfanEmbeddingsEndpoint")
    elevenlabs = apis.contexts("from elevenlabs.client import ElevenLabs")
    assert apis.named("Meta-Llama-3.3-70B-Instruct", sambanova) == "Meta-Llama-3.3-70B-Instruct"
    assert apis.named("DeepSeek-R1", sambanova) == "DeepSeek-R1"
    assert apis.named("Embedding-V1", qianfan) == "Embedding-V1"
    assert apis.named("scribe_v1", elevenlabs) == "scribe_v1"
    # elsewhere each is a Hub id written without its owner, or nothing
    for name in ("Meta-Llama-3.3-70B-Instruct", "DeepSeek-R1", "Embedding-V1", "scribe_v1"):
        assert apis.named(name) is None
    assert apis.named("Meta-Llama-3.3-70B-Instruct", qianfan) is None
    assert apis.named("Embedding-V1", sambanova) is None


def test_a_node_definitions_default_model_is_read_for_each_host() -> None:
    node = (
        "class Node {{ constructor() {{ this.inputs = [\n"
        "  {{ label: 'Model', name: 'modelName', default: '{}' }}\n] }} }}"
    )
    for name in ("@cf/meta/llama-3.1-8b-instruct-fast", "accounts/fireworks/models/llama-v3p1-8b-instruct"):
        assert javascript(node.format(name)) == [(A, name, 2)]
    jina = node.format("jina-embeddings-v3")
    assert javascript(jina) == []  # no Jina in sight: the open model without its owner, as a local server names it
    assert javascript(jina.replace("constructor()", "credential = ['jinaAIApi']; constructor()")) == [
        (A, "jina-embeddings-v3", 2)
    ]
    plain = node.format("Meta-Llama-3.3-70B-Instruct")
    assert javascript(plain) == []  # no SambaNova in sight: a Hub name without its owner, not read here
    assert javascript(plain.replace("constructor()", "icon = 'sambanova.png'; constructor()")) == [
        (A, "Meta-Llama-3.3-70B-Instruct", 2)
    ]


def test_calls_and_templates_name_the_hosts_models() -> None:
    assert python('llm = ChatFireworks(model="accounts/fireworks/models/llama-v3p1-70b-instruct")') == [
        (A, "accounts/fireworks/models/llama-v3p1-70b-instruct", 1)
    ]
    assert python('audio = client.text_to_speech.convert(voice_id=v, model_id="eleven_multilingual_v2")') == [
        (A, "eleven_multilingual_v2", 1)
    ]
    assert javascript("const r = await client.textToSpeech.stream(voice, { text, modelId: 'eleven_flash_v2_5' })") == [
        (A, "eleven_flash_v2_5", 1)
    ]
    template = '{"nodes": [{"data": {"inputs": {"model": "stability-ai/sdxl:VERSION"}}}]}'.replace("VERSION", VERSION)
    assert config(template, "marketplaces/Image Generation.json") == [(A, f"stability-ai/sdxl:{VERSION}", 1)]
    assert config("model: accounts/fireworks/models/llama-v3p1-8b-instruct\n", "config.yaml") == [
        (A, "accounts/fireworks/models/llama-v3p1-8b-instruct", 1)
    ]
    # an npm scope, a weights file, a local path under a models folder: nothing
    assert javascript("import { Ai } from '@cloudflare/ai';\nconst model = '@cloudflare/workers-types';") == []
    assert config("model: jina-reranker-v1-tiny-en.f16.gguf\n", "models/rerank.yaml") == []
    assert config("model: accounts/team/notes.txt\n", "config.yaml") == []


def test_a_workers_ai_id_is_read_wherever_it_is_written() -> None:
    """`@cf/` and `@hf/` are Workers AI's own spelling: its binding (`env.AI.run(ID, ...)`) is no loader we know, and
    the id is read as a route is, in any call or position, in Python, JS/TS and config alike."""
    name = "@cf/meta/llama-3-8b-instruct"
    assert javascript(f'const answer = await env.AI.run("{name}", {{ prompt }});') == [(A, name, 1)]
    assert python(f'answer = env.AI.run("{name}", prompt)') == [(A, name, 1)]
    assert config(f"settings:\n  chat: '{name}'\n", "config.yaml") == [(A, name, 2)]
    # an npm scope, a scope with one segment: nothing
    assert javascript('import x from "@hf/transformers";\nconst y = run("@cf/llama");') == []
    assert python('import_module("@hf/transformers")') == []


def test_replicates_javascript_client_runs_a_model() -> None:
    head = 'import Replicate from "replicate";\nconst replicate = new Replicate();\n'
    assert javascript(head + f'const out = await replicate.run("stability-ai/sdxl:{VERSION}", {{ input }});') == [
        (A, f"stability-ai/sdxl:{VERSION}", 3)
    ]
    assert javascript(head + 'const out = await replicate.run("meta/meta-llama-3-8b-instruct", { input });') == [
        (A, "meta/meta-llama-3-8b-instruct", 3)
    ]
    # a prediction's id and an unrelated `run` are not models
    assert javascript(head + 'await replicate.wait("ufawqhfynnddngldkgtslldrkq");\nawait job.run("daily");') == []


@pytest.mark.parametrize(
    ("name", "provider"),
    [("Cohere-rerank-v4.0-fast", "azure-ai-foundry"), ("Cohere-command-r-plus-08-2024", "azure-ai-foundry")],
)
def test_azure_foundry_writes_coheres_models_its_own_way(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.named(name) == name  # mixed case is how Azure writes them, not a label


@pytest.mark.parametrize("name", ["CohereForAI/c4ai-command-r-plus", "CohereLabs/c4ai-command-a-03-2025", "Cohere"])
def test_coheres_hub_weights_are_no_azure_name(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_a_rerankers_picker_offers_cohere_on_azure() -> None:
    found = javascript(
        "const inputs = [{ label: 'Model Name', name: 'model', type: 'options', options: [\n"
        "  { label: 'rerank-v3.5', name: 'rerank-v3.5' },\n"
        "  { label: 'Cohere-rerank-v4.0-pro', name: 'Cohere-rerank-v4.0-pro' }\n"
        "], default: 'Cohere-rerank-v4.0-pro' }]"
    )
    assert (A, "rerank-v3.5", 2) in found
    assert (A, "Cohere-rerank-v4.0-pro", 3) in found


@pytest.mark.parametrize(
    "name",
    [
        "openai.gpt-oss-20b-1:0",
        "qwen.qwen3-32b-v1:0",
        "deepseek.v3-v1:0",
        "google.gemma-3-12b-it",
        "mistral.magistral-small-2509",
        "moonshot.kimi-k2-thinking",
        "nvidia.nemotron-nano-12b-v2",
        "writer.palmyra-x5-v1:0",
        "zai.glm-4.7",
        "minimax.minimax-m2",
        "global.anthropic.claude-opus-4-5-20251101-v1:0",
        "twelvelabs.marengo-embed-3-0-v1:0",
    ],
)
def test_bedrock_serves_open_models_under_its_providers_names(name: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == "bedrock"


@pytest.mark.parametrize(
    "name", ["qwen.qwen2_tokenizer.py", "google.genai", "google.generativeai", "nvidia.nemotron", "zai.glm-4.7.yaml"]
)
def test_module_and_file_names_are_no_bedrock_id(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_groq_cerebras_and_qianfan_catalogue_names_count_where_the_file_shows_them() -> None:
    groq = apis.contexts('{"name": "groqChat", "models": []}')
    cerebras = apis.contexts("const model = new ChatCerebras({ apiKey })")
    qianfan = apis.contexts('{"name": "baiduQianfanEmbeddings"}')
    assert apis.named("llama3-8b-8192", groq) == "llama3-8b-8192"
    # an id with its owner stays the Hub's weights where a file only shows Groq (their licence is what they carry);
    # behind Groq's route it is Groq's
    assert apis.named("meta-llama/llama-4-scout-17b-16e-instruct", groq) is None
    assert apis.named("openai/gpt-oss-120b", groq) is None
    assert apis.named("groq/openai/gpt-oss-120b") is not None
    assert apis.named("llama-3.3-70b", cerebras) == "llama-3.3-70b"
    assert apis.named("llama-3.3-70b") is None
    assert apis.named("bge-large-zh", qianfan) == "bge-large-zh"
    assert apis.named("bge-large-zh") is None
