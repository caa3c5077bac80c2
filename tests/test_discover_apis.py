"""Hosted API models: the providers' table (routes, exclusions, names only a context makes an API's), the one
recogniser (`discover/apis.py`), and each source's use of it, with the look-alikes that must stay out."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolved
from modelpolicy.resolve.knowledge import KnowledgeResolver

A, M = Kind.API, Kind.MODEL
NVIDIA = frozenset({"nvidia"})
LLAMA_API = frozenset({"llama-api"})
REPLICATE = frozenset({"replicate"})


def context(path: str) -> FileContext:
    return FileContext(path, lambda value: value.startswith("local/"))


def python(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in PythonSource().find(text, context("app.py"))]


def config(text: str, path: str = "docker-compose.yaml") -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ConfigSource().find(text, context(path))]


def shell(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ShellSource().find(text, context("run.sh"))]


def javascript(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, context("app.ts"))]


# --- the table ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("gpt-4o", "openai"),
        ("openai/gpt-4o-mini", "openai"),
        ("openai:gpt-4o", "openai"),
        ("openrouter/openai/gpt-4o", "openai"),
        ("text-embedding-3-small", "openai"),
        ("gpt-35-turbo", "azure"),
        ("azure/gpt-4o", "azure"),
        ("claude-3-5-haiku-latest", "anthropic"),
        ("anthropic/claude-haiku-4.5", "anthropic"),
        ("vertex_ai/claude-3-5-sonnet@20240620", "anthropic"),
        ("gemini-2.0-flash", "google"),
        ("gemini/gemini-2.0-flash", "google"),
        ("vertex_ai/gemini-1.5-pro", "google"),
        ("models/gemini-1.5-pro", "google"),
        ("chat-bison@001", "google"),
        ("google/gemini-2.5-flash-lite", "google"),
        ("mistral/mistral-large-latest", "mistral"),
        ("ministral-8b-2410", "mistral"),
        ("mistral-small-2503", "mistral"),
        ("mistral-large-2411", "mistral"),
        ("mistral-document-ai-2505", "mistral"),  # Mistral Document AI as Azure AI Foundry sells it
        ("mistral.ministral-3-8b-instruct", "bedrock"),  # Bedrock's spelling of the open weights is Bedrock's
        ("command-r-plus", "cohere"),
        ("cohere/command-r", "cohere"),
        ("grok-4", "xai"),
        ("xai/grok-code-fast-1", "xai"),
        ("deepseek-chat", "deepseek"),
        ("deepseek/deepseek-reasoner", "deepseek"),
        ("sonar-pro", "perplexity"),
        ("jamba-large", "ai21"),
        ("reka-core", "reka"),
        ("ibm/granite-13b-chat-v2", "watsonx"),
        ("meta/llama3-8b-instruct", "nvidia"),
        ("nv-rerank-qa-mistral-4b:1", "nvidia"),
        ("ai-mixtral-8x7b-instruct", "nvidia"),
        ("llama3-8b-8192", "groq"),
        ("llama-3.3-70b-versatile", "groq"),
        ("groq/llama-3.1-8b-instant", "groq"),
        ("mixtral-8x7b-32768", "groq"),
        ("Cerebras-Llama-4-Scout-17B-16E-Instruct", "llama-api"),
        ("meta/meta-llama-3-8b-instruct", "replicate"),
        ("meta/meta-llama-3.1-405b-instruct", "replicate"),
        ("openrouter/meta-llama/llama-3.3-70b-instruct", "openrouter"),
        ("openrouter/qwen/qwen-2.5-72b-instruct:free", "openrouter"),
        ("openrouter/auto", "openrouter"),
        ("openrouter/openai/gpt-oss-20b", "openrouter"),  # open weights, served by OpenRouter
        ("meta.llama3-8b-instruct-v1:0", "bedrock"),
        ("us.anthropic.claude-3-haiku-20240307-v1:0", "bedrock"),
        ("amazon.titan-embed-text-v1", "bedrock"),
        ("bedrock/meta.llama3-70b-instruct-v1:0", "bedrock"),
        ("voyage-multilingual-2", "voyage"),
        ("voyage-3.5-lite", "voyage"),
        ("voyage/voyage-code-3", "voyage"),
        ("rerank-2", "voyage"),  # Voyage's rerankers, named exactly; Cohere's `rerank-*` keeps its own
        ("rerank-lite-1", "voyage"),
        ("rerank-v3.5", "cohere"),
        ("rerank-english-v3.0", "cohere"),
        # a Bedrock ARN reads as the `bedrock/` route it stands for: Anthropic's models behind it are Anthropic's
        ("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0", "anthropic"),
        ("arn:aws:bedrock:eu-west-1::foundation-model/meta.llama3-8b-instruct-v1:0", "bedrock"),
        ("nova-2", "deepgram"),
        ("nova-3-medical", "deepgram"),
        ("amazon.nova-2-lite-v1:0", "bedrock"),  # Amazon's Nova 2, not Deepgram's
        ("aura-asteria-en", "deepgram"),
        ("pinecone-rerank-v0", "pinecone"),
        ("llama-text-embed-v2", "pinecone"),
        ("semantic-ranker-default@latest", "google"),  # the Vertex AI ranking API
        ("semantic-ranker-512@latest", "google"),
        # OpenAI's retired GPT-3 names and first embeddings, Perplexity's first pplx-api, GroqCloud's owned ids
        ("text-similarity-ada-001", "openai"),
        ("text-search-babbage-doc-001", "openai"),
        ("code-search-ada-code-001", "openai"),
        ("text-curie-001", "openai"),
        ("code-davinci-002", "openai"),
        ("pplx-70b-online", "perplexity"),
        ("groq/openai/gpt-oss-120b", "groq"),
        ("groq/moonshotai/kimi-k2-instruct", "groq"),
        # Fireworks' resource names and routes, Writer's API names, instructor's and LiteLLM's provider prefixes
        ("accounts/fireworks/models/llama-v3-70b-instruct", "fireworks"),
        ("accounts/fireworks/models/firefunction-v1", "fireworks"),
        ("fireworks/accounts/fireworks/models/llama4-maverick-instruct-basic", "fireworks"),
        ("fireworks_ai/accounts/fireworks/models/qwen3-30b-a3b", "fireworks"),
        ("palmyra-x-004", "writer"),
        ("palmyra-x5", "writer"),
        ("writer/palmyra-x5", "writer"),
        ("cerebras/llama-4-scout-17b-16e-instruct", "cerebras"),
        ("cerebras/llama3.1-8b", "cerebras"),
        ("sambanova/Meta-Llama-3.1-70B-Instruct", "sambanova"),  # LiteLLM's route, in SambaNova's mixed case
        ("sambanova/DeepSeek-R1", "sambanova"),
        ("vertexai/gemini-1.5-flash", "google"),
        ("generative-ai/gemini-2.0-flash", "google"),
        ("MiniMax-M3", "minimax"),
    ],
)
def test_providers_serve_their_names_and_routes(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider


@pytest.mark.parametrize(
    "name",
    [
        "gpt2",
        "openai-community/gpt2",
        "openai/whisper-large-v3",
        "openai/clip-vit-base-patch32",
        "gpt-oss-20b",
        "openai/gpt-oss-120b",
        "google/gemma-2b",
        "mistralai/Mistral-7B-v0.1",
        "deepseek-ai/DeepSeek-V3",
        "ai21labs/Jamba-v0.1",
        "nvidia/nv-embedqa-e5-v5",  # also a Hub id: the catalog's only in context
        "azure/my-deployment",  # a deployment named after nothing the table knows
        "openai/",
        "commander",
        "llama3-8b",  # no Groq suffix: an Ollama or local name
        "gemma2-9b-it",  # Groq's only where a Groq client is called
        "meta-llama/Meta-Llama-3-8B-Instruct",
        "Llama-4-Maverick-17B-128E-Instruct-FP8",  # the Llama API's only where the Llama API is called
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
        "playai-tts",  # Groq's only where a Groq client is called
        "stability-ai/stable-diffusion-2",  # Replicate's only where Replicate is called
        "meta-llama/llama-3.3-70b-instruct",  # OpenRouter's spelling, but a Hub id without OpenRouter's route
        "openrouter/llama",  # a route sends `owner/name`
        "openrouter/prompts/config.yaml",  # a path under a folder named so
        "groq/prompts/system.txt",
        "groq/llama",  # a route sends `owner/name` or Groq's own names
        "text-similarity",  # a family's stem, no model
        "pplx-online-llms",  # the name of a family shown to people
        "meta-llama/Meta-Llama-3-8B",  # the Hub's spelling of what Bedrock calls meta.llama3-8b-instruct-v1:0
        "meta.json",
        "voyageai/voyage-3-m-exp",  # Voyage's open weights on the Hub
        "voyage",
        "bge-reranker-v2-m3",  # Pinecone hosts it, but it names open weights (BAAI's) as well
        "multilingual-e5-large",
        "pinecone",
        "nova",  # a word, no model
        "nova-pro-v1",
        "aura",
        "gpt-",  # the prefix of a family a program matches names against, no model
        "claude-3-",
        "o1-",
        "text-embedding-3-",
        "openai/gpt-",
        "accounts/fireworks/models/weights.safetensors",  # a file under folders so named
        "accounts/models",
        "Writer/palmyra-med-70b",  # Writer's open weights on the Hub
        "palmyra-med-70b",  # their name without the owner, served by NVIDIA's catalog too: not Writer's API
        "palmyra-base",
        "writer/config.yaml",
        "cerebras/prompts",  # a route sends Cerebras' served names only
        "sambanova/results",  # nor SambaNova's route any other name
        "sambanova/gpt-4o",
        "llama3.1-70b",  # Cerebras' only where its API is seen
        "minimax",
    ],
)
def test_hub_ids_and_unknown_routes_are_no_provider(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_context_patterns_count_only_when_asked_and_among_the_context() -> None:
    knowledge = load_knowledge()
    nvidia = knowledge.provider("nvidia/nv-embedqa-e5-v5", contextual=True, among=NVIDIA)
    assert nvidia is not None and nvidia.key == "nvidia"
    assert knowledge.provider("nvidia/nv-embedqa-e5-v5", contextual=True, among=frozenset({"watsonx"})) is None


def test_every_route_holds_a_marker_word_and_every_licence_is_known() -> None:
    knowledge = load_knowledge()
    for provider in knowledge.providers:
        assert provider.evidence, provider.key
        assert knowledge.family(provider.license) is not None, provider.license
        for route in provider.routes:
            assert any(marker.decode() in route.lower() for marker in apis.ROUTE_MARKERS), route


def test_resolution_finds_routed_and_catalog_names() -> None:
    resolver = KnowledgeResolver()
    for name, licence in [
        ("openai/gpt-4o-mini", "openai-terms"),
        ("nvidia/nv-embedqa-e5-v5", "nvidia-api-catalog-terms"),
        ("grok-3", "xai-terms"),
        ("command-r", "cohere-terms"),
        ("openrouter/meta-llama/llama-3.3-70b-instruct", "openrouter-terms"),
        ("together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", "together-terms"),
        ("meta/meta-llama-3-8b-instruct", "replicate-terms"),
        ("Llama-4-Maverick-17B-128E-Instruct-FP8", "llama-api-terms"),
        ("Llama-3.3-70B-Instruct", "llama-api-terms"),  # the Llama API's spelling
        ("llama-3.3-70b-instruct", "nvidia-api-catalog-terms"),  # the catalog's
        ("litellm/openai/gpt-4o-mini", "openai-terms"),  # behind an agent framework's gateway prefix
        ("any-llm/openrouter/anthropic/claude-3-5-haiku-latest", "anthropic-terms"),
    ]:
        resolution = resolver.resolve(Kind.API, name, None)
        assert isinstance(resolution, Resolved) and resolution.terms.license == licence


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("ernie-4.0-8k", "baidu-qianfan"),
        ("ernie-speed-128k", "baidu-qianfan"),
        ("ernie-bot-turbo", "baidu-qianfan"),
        ("Doubao-pro-32k", "volcengine-ark"),  # the console's spelling
        ("doubao-1-5-pro-32k-250115", "volcengine-ark"),
        ("deepseek-v3-250324", "volcengine-ark"),  # an open model Ark serves, with its release date
        ("deepseek-r1-250120", "volcengine-ark"),
        ("deepseek-v3-1-250821", "volcengine-ark"),
        ("qwen-max-0428", "alibaba-dashscope"),
        ("qwen-vl-plus", "alibaba-dashscope"),
        ("qwen-omni-turbo", "alibaba-dashscope"),
        ("hunyuan-standard", "tencent-hunyuan"),
        ("moonshot-v1-8k-vision-preview", "moonshot"),
        ("kimi-k2-0711-preview", "moonshot"),
        ("kimi-latest", "moonshot"),
        ("glm-4-flash", "zhipu"),
        ("glm-4v", "zhipu"),
        ("glm-4.5-air", "zhipu"),
        ("cogview-3-plus", "zhipu"),
        ("learnlm-1.5-pro-experimental", "google"),
        ("sd3-large-turbo", "stability"),
        ("sd3.5-medium", "stability"),
        ("MiniMax-M2.7", "minimax"),  # the console's spelling
        ("MiniMax-Text-01", "minimax"),
        ("abab6.5s-chat", "minimax"),
        ("nano-banana-pro-preview", "google"),
        ("stable-diffusion-xl-1024-v1-0", "stability"),
        ("text-embedding-v3", "alibaba-dashscope"),  # DashScope's embeddings, not an Azure deployment
        ("gte-rerank-v2", "alibaba-dashscope"),
        ("qwen-audio-asr", "alibaba-dashscope"),
        ("glm-asr", "zhipu"),
        ("pplx-embed-v1-0.6b", "perplexity"),
        ("deepseek-v4-flash", "deepseek"),
        ("step-1v-8k", "stepfun"),
        ("step-asr", "stepfun"),
        ("step-2-16k", "stepfun"),
        ("Baichuan3-Turbo", "baichuan"),  # the platform's spelling
        ("Baichuan-Text-Embedding", "baichuan"),
        ("Baichuan4", "baichuan"),
        ("paraformer-v2", "alibaba-dashscope"),
        ("paraformer-realtime-v2", "alibaba-dashscope"),
        ("text-embedding-3-large", "openai"),
        ("text-embedding-ada-002", "openai"),
    ],
)
def test_chat_app_providers_serve_their_api_names(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    resolution = KnowledgeResolver().resolve(Kind.API, name, None)
    assert isinstance(resolution, Resolved) and resolution.terms.license == found.license


@pytest.mark.parametrize(
    "name",
    [
        "ernie-3.0-base-zh",  # PaddleNLP's open checkpoints
        "ernie-3.0-medium-zh",
        "baidu/ERNIE-4.5-0.3B-PT",
        "THUDM/glm-4-9b-chat",
        "glm-4-9b-chat",  # open weights written without their owner
        "glm4",  # Ollama's
        "tencent/Hunyuan-A13B-Instruct",
        "hunyuan-a13b-instruct",
        "moonshotai/Kimi-K2-Instruct",
        "kimi-k2",  # Ollama's cloud model, no snapshot date
        "deepseek-r1",  # Ollama's; Ark's names end in a date of six digits
        "deepseek-v3-0324",
        "deepseek-r1-distill-qwen-7b",
        "deepseek-ai/DeepSeek-V3-0324",
        "Qwen/Qwen2.5-7B-Instruct",
        "qwen2.5",
        "qwen2.5-7b-instruct",  # DashScope's only where the file calls DashScope
        "qwen3-32b",
        "general",  # iFlytek's only where the file calls Spark
        "generalv3.5",
        "4.0Ultra",
        "stabilityai/stable-diffusion-3.5-large",
        "stable-diffusion-3.5-large",
        "sd3",  # an endpoint, not a model
        "MiniMaxAI/MiniMax-M2",  # open weights on the Hub
        "minimax",  # a provider's name
        "gpt-oss-120b",  # open weights: Cerebras' only where the file calls Cerebras
        "gemma-3-27b-it",  # Google's only where the file shows the Gemini API
        "deep-research-pro-preview-12-2025",
        "text-embedding-nomic-embed-text-v1.5",  # LM Studio's name of a local model
        "text-embedding-qwen3-embedding-0.6b",
        "embedding-2",  # Zhipu's only where the file calls Zhipu
        "compound",  # Groq's only where the file calls Groq
        "deepseek-v3",  # Ollama's library name
        "deepseek-ai/DeepSeek-V3",
        "stepfun-ai/Step-Audio-TTS-3B",
        "step-audio-tts-3b",  # open weights written without their owner
        "step",
        "baichuan-inc/Baichuan2-7B-Chat",
        "Baichuan2-7B-Chat",
        "baichuan2-13b-base",
        "jinaai/jina-embeddings-v3",  # the Hub's weights
        "jina",
        "jina-reranker-v1-tiny-en.f16.gguf",  # a file of the weights, run locally
        "gte-large",  # open weights (thenlper/gte-large)
        "jina-embeddings-v4",  # Jina's only where the file shows Jina's API; else the open model, without its owner
        "jina-reranker-v2",  # Xinference's built-in name of jinaai/jina-reranker-v2-base-multilingual
        "paraformer-zh",  # FunASR's local models
        "paraformer-zh-spk",
        "paraformer-en",
        "gpt-oss",  # the open-weights family (an Ollama tag too), no OpenAI API name
        "ministral-3-8b-instruct",  # the open weights (KAITO's preset of mistralai/Ministral-3-8B-Instruct-2512)
        "mistral-large-3-675b-instruct",
        "mistral-small-24b-instruct-2501",  # mistralai/Mistral-Small-24B-Instruct-2501, without its owner
        "ministral-3-3b-base-2512",
        "mistral-large-instruct-2407",
        "mistral-document-ai",  # the product's name, not one of its dated models
    ],
)
def test_open_weights_and_words_are_not_those_providers(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_dashscope_and_spark_names_count_where_their_endpoint_is_seen() -> None:
    knowledge = load_knowledge()
    seen = apis.contexts('BASE = "https://dashscope.aliyuncs.com/api/"; SPARK = "https://spark-api-open.xf-yun.com"')
    assert {"alibaba-dashscope", "iflytek-spark"} <= seen
    qwen = knowledge.provider("qwen3-32b", contextual=True, among=seen)
    spark = knowledge.provider("4.0Ultra", contextual=True, among=seen)
    assert qwen is not None and qwen.key == "alibaba-dashscope"
    assert spark is not None and spark.key == "iflytek-spark"
    assert apis.named("generalv3.5", seen) == "generalv3.5"
    assert apis.named("generalv3.5") is None


def test_zhipu_and_groq_names_that_are_words_count_where_their_api_is_seen() -> None:
    zhipu = apis.contexts('from zhipuai import ZhipuAI\nBASE = "https://open.bigmodel.cn/api/paas/v4"')
    groq = apis.contexts('BASE_URL = "https://api.groq.com/openai/v1"')
    assert apis.named("embedding-2", zhipu) == "embedding-2"
    assert apis.named("embedding-2") is None
    assert apis.named("compound-mini", groq) == "compound-mini"
    assert apis.named("compound-mini") is None
    assert apis.routed("groq/compound") == "groq/compound"


def test_cerebras_and_gemini_names_count_where_their_api_is_seen() -> None:
    cerebras = apis.contexts('const client = new OpenAI({ baseURL: "https://api.cerebras.ai/v1" });')
    gemini = apis.contexts('const window = MODEL_MAP.get("gemini", model);')
    assert apis.named("gpt-oss-120b", cerebras) == "gpt-oss-120b"
    assert apis.named("qwen-3-32b", cerebras) == "qwen-3-32b"
    served = apis.contexts("from cerebras.cloud.sdk import Cerebras")
    assert apis.named("llama3.1-70b", served) == "llama3.1-70b"
    assert apis.named("llama3.1-405b", served) is None  # never served by Cerebras
    assert apis.named("gemma-3-27b-it", gemini) == "gemma-3-27b-it"
    assert apis.named("deep-research-pro-preview-12-2025", gemini) == "deep-research-pro-preview-12-2025"
    # a file that only talks about a model family or an Ollama tag shows neither API
    words = apis.contexts("// gemini models are fast; cerebras chips are big\nconst tag = 'gemma3:27b';")
    assert apis.named("gpt-oss-120b", words) is None
    assert apis.named("gemma-3-27b-it", words) is None
    assert apis.named("gemma-3-27b", gemini) is None  # not the API's spelling


def test_javascript_provider_defaults_in_their_api_files() -> None:
    found = javascript(
        'const { OpenAI } = require("openai");\n'
        'const client = new OpenAI({ baseURL: "https://api.cerebras.ai/v1" });\n'
        'const model = process.env.CEREBRAS_MODEL_PREF || "gpt-oss-120b";\n'
        'const chatModel = process.env.MINIMAX_MODEL_PREF || "MiniMax-M2.7";\n'
    )
    assert (Kind.API, "gpt-oss-120b", 3) in found
    assert (Kind.API, "MiniMax-M2.7", 4) in found
    plain = javascript('const model = process.env.LOCAL_MODEL_PREF || "gpt-oss-120b";\n')
    assert (Kind.API, "gpt-oss-120b", 1) not in plain


def test_javascript_cloudflare_gateway_names_in_a_picker_are_the_apis() -> None:
    """A picker's values sent through Cloudflare AI Gateway's unified API are the providers' names, not Hub ids."""
    found = javascript(
        "export const MODELS = [\n"
        '  { name: "Gemini 3.1 Flash Lite", value: "google-ai-studio/gemini-3.1-flash-lite" },\n'
        '  { name: "Grok 4.1 Fast", value: "grok/grok-4-1-fast" },\n'
        '  { name: "Gemma", value: "google-ai-studio/gemma-7b" },\n'
        "];\n"
    )
    assert (Kind.API, "google-ai-studio/gemini-3.1-flash-lite", 2) in found
    assert (Kind.API, "grok/grok-4-1-fast", 3) in found
    assert not any(kind is Kind.MODEL and "gemini" in text for kind, text, _ in found)
    assert (Kind.API, "google-ai-studio/gemma-7b", 4) not in found


def test_cohere_output_terms_cite_the_saas_agreement() -> None:
    family = load_knowledge().family("cohere-terms")
    assert family is not None
    assert family.value("output") == "conditional"  # usable in the customer's products; ownership not assigned
    assert "saas-agreement" in family.terms["output"].evidence
    assert "incorporate the Cohere API into Customer's products" in family.terms["output"].evidence


# --- the recogniser ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("openai/gpt-4o-mini", "openai/gpt-4o-mini"),
        (" anthropic/claude-3-5-haiku-latest ", "anthropic/claude-3-5-haiku-latest"),
        ("openai:gpt-4o", "openai:gpt-4o"),
        ("gpt-4o", None),  # not routed: only a name position makes it the API's
        ("OpenAI/GPT-4o", None),  # a label, not a routed name
        ("see openai/gpt-4o", None),
        ("openai/gpt-oss-20b", None),
        ("openai/whisper-large-v3", None),
        ("ollama/llama3", None),
        ("openrouter/meta-llama/llama-3.1-8b-instruct", "openrouter/meta-llama/llama-3.1-8b-instruct"),
        ("openrouter/openai/gpt-4o", "openrouter/openai/gpt-4o"),
        # an agent framework's gateway prefix before a router's name (the OpenAI Agents SDK's `litellm/`, `any-llm/`)
        ("litellm/openai/gpt-4o-mini", "litellm/openai/gpt-4o-mini"),
        ("litellm/anthropic/claude-3-5-sonnet-20240620", "litellm/anthropic/claude-3-5-sonnet-20240620"),
        ("any-llm/openrouter/openai/gpt-5.4-mini", "any-llm/openrouter/openai/gpt-5.4-mini"),
        ("litellm/gpt-4o", None),  # past the gateway a route must follow
        ("litellm/proxy/config.yaml", None),  # the package's own folders
        ("any-llm/openai/whisper-large-v3", None),  # a Hub id behind it stays none of OpenAI's
        ("litellm/litellm/openai/gpt-4o", None),  # one gateway, not two
        ("OpenRouter/Meta-Llama/Llama-3.1-8B", None),  # a label, not a routed name
        # Together AI writes its names as the Hub does, in mixed case: behind LiteLLM's and Mastra's routes
        (
            "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo",
            "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo",
        ),
        ("togetherai/Qwen/Qwen2.5-72B-Instruct-Turbo", "togetherai/Qwen/Qwen2.5-72B-Instruct-Turbo"),
        ("together_ai/togethercomputer/llama-2-70b-chat", "together_ai/togethercomputer/llama-2-70b-chat"),
        ("together_ai/llama", None),  # a route sends `owner/name`
        ("together_ai/runs/Exp1/config.yaml", None),  # a path under a folder named so
        ("together_ai/prompts/system.txt", None),
        ("together_ai/results/run1", None),  # a folder of the project's own under a folder named for the route
        ("openrouter/outputs/run1", None),
        ("togethercomputer/RedPajama-Data-1T", None),  # the Hub's organisation, no route
        ("Together_AI/Org/X", None),  # a label: the route itself is written in lower case
        # promptfoo's provider ids: the provider, its endpoint, then the model
        ("anthropic:messages:claude-3-haiku-20240307", "anthropic:messages:claude-3-haiku-20240307"),
        ("openai:chat:gpt-4o-mini", "openai:chat:gpt-4o-mini"),
        ("openai:embedding:text-embedding-3-small", "openai:embedding:text-embedding-3-small"),
        ("anthropic:messages:summarize", None),  # a prompt's name after the endpoint is no model
        ("openai:chat:llama3", None),  # an OpenAI-compatible server's model is no OpenAI model
        ("openai:chat:", None),
        # Amazon Bedrock's ARNs of a foundation model or an inference profile
        (
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0:200k",
            "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0:200k",
        ),
        (
            "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
            "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0",
        ),
        ("arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123", None),  # the account's own
        ("arn:aws:bedrock:us-east-1::foundation-model/my-model", None),
        ("arn:aws:s3:::bucket/anthropic.claude-3-haiku-20240307-v1:0", None),
        # Cloudflare AI Gateway's unified API: `{provider}/{model}` by its own provider names
        ("google-ai-studio/gemini-2.5-flash", "google-ai-studio/gemini-2.5-flash"),
        ("google-vertex-ai/gemini-2.5-pro", "google-vertex-ai/gemini-2.5-pro"),
        ("grok/grok-4-1-fast", "grok/grok-4-1-fast"),
        ("perplexity-ai/sonar-pro", "perplexity-ai/sonar-pro"),
        ("google-ai-studio/gemma-7b", None),  # an open model behind the route is no Gemini API name
        ("grok/llama-3-8b", None),
        ("grok/checkpoints", None),
    ],
)
def test_routed(text: str, expected: str | None) -> None:
    assert apis.routed(text) == expected


@pytest.mark.parametrize(
    ("text", "in_context", "expected"),
    [
        ("gpt-4o", frozenset(), "gpt-4o"),
        ('${LLM:-"gpt-4o-mini"}', frozenset(), "gpt-4o-mini"),
        ("nvidia/nv-embedqa-e5-v5", frozenset(), None),
        ("nvidia/nv-embedqa-e5-v5", NVIDIA, "nvidia/nv-embedqa-e5-v5"),
        ("mixtral_8x7b", NVIDIA, "mixtral_8x7b"),
        ("nvidia/NV-Embed-v2", NVIDIA, None),  # the Hub's spelling: the catalog writes lower case
        ("Snowflake/snowflake-arctic-embed-l", NVIDIA, None),
        ("meta-llama/Llama-3.1-8B", NVIDIA, None),
        ("gpt 4o is great", frozenset(), None),
        ("gpt2", frozenset(), None),
        # the APIs write their names in lower case: capitals make a label shown to people
        ("GPT-4o", frozenset(), None),
        ("Grok-2", frozenset(), None),
        ("Claude-3-Opus", frozenset(), None),
        ("Command-R-Plus", frozenset(), None),
        # Meta's Llama API writes its names in mixed case, without an owner: its own where it is called
        ("Llama-4-Maverick-17B-128E-Instruct-FP8", LLAMA_API, "Llama-4-Maverick-17B-128E-Instruct-FP8"),
        ("Llama-3.3-70B-Instruct", LLAMA_API, "Llama-3.3-70B-Instruct"),
        ("Llama-3.3-70B-Instruct", frozenset(), None),
        ("Llama-3.3-70B-Instruct", NVIDIA, None),  # the catalog writes lower case
        ("meta-llama/Llama-3.3-70B-Instruct", LLAMA_API, None),  # the Hub's id, with its owner
        ("Llama-3.1-8B-Instruct", LLAMA_API, None),  # no name the Llama API serves
        ("Llama-2-7b-hf", LLAMA_API, None),
        ("meta/llama-2-70b-chat", REPLICATE, "meta/llama-2-70b-chat"),
        ("stability-ai/sdxl", REPLICATE, "stability-ai/sdxl"),
        ("stability-ai/sdxl", frozenset(), None),
        ("sentence-transformers/all-mpnet-base-v2", REPLICATE, None),
        # a name the Ollama library knows, with a tag, is Ollama's even where an API's pattern matches its start
        ("gpt-oss:20b", frozenset(), None),
        ("command-r:35b", frozenset(), None),
        (
            "ft:gpt-4o-mini-2024-07-18:my-org:support:9FtHmmAb",
            frozenset(),
            "ft:gpt-4o-mini-2024-07-18:my-org:support:9FtHmmAb",
        ),
    ],
)
def test_named(text: str, in_context: frozenset[str], expected: str | None) -> None:
    assert apis.named(text, in_context) == expected


def test_a_deployment_keeps_the_case_its_owner_chose() -> None:
    """`engine=`, `deployment_name=`, and a client's `model=` (Azure's client takes its deployment there)."""
    assert apis.named("GPT-4", deployment=True) == "GPT-4"
    assert apis.named("GPT-4") is None


def test_python_display_names_beside_api_names_are_labels() -> None:
    source = """\
register_model_info(["gpt-4o-2024-08-06", "grok-2-2024-08-13"], "GPT-4o", "https://openai.com/", "GPT-4o")
register_model_info(["claude-3-opus-20240229"], "Claude-3-Opus", "", "")
card = ModelCard(model="GPT-4o", vendor="OpenAI")
answer = openai.Completion.create(engine="GPT-4", prompt=p)
"""
    assert python(source) == [
        (A, "gpt-4o-2024-08-06", 1),
        (A, "grok-2-2024-08-13", 1),
        (A, "claude-3-opus-20240229", 2),
        (A, "GPT-4", 4),
    ]


def test_config_display_names_are_labels() -> None:
    assert config("llm:\n  model: GPT-4o\n  deployment_name: GPT-4\n", "settings.yaml") == [(A, "GPT-4", 3)]


def test_contexts_are_read_from_markers() -> None:
    assert apis.contexts("from langchain_nvidia_ai_endpoints import ChatNVIDIA") == NVIDIA
    assert apis.contexts("NVIDIA_API_KEY: ${NVIDIA_API_KEY}") == NVIDIA
    assert apis.contexts("from ibm_watsonx_ai import Credentials") == frozenset({"watsonx"})
    assert apis.contexts("image: nvidia/cuda:12.1-base\n# trained on an nvidia gpu") == frozenset()
    assert apis.contexts("from llama_api_client import LlamaAPIClient") == LLAMA_API
    assert apis.contexts('base_url: "https://api.llama.com/compat/v1"') == LLAMA_API
    assert apis.contexts("from langchain_community.llms import Replicate") == REPLICATE
    assert apis.contexts("we replicate the results of the paper with llama") == frozenset()


# --- Python ------------------------------------------------------------------------------------------------------


def test_python_routed_strings_anywhere() -> None:
    source = """\
import dspy, litellm, os
lm = dspy.LM("openai/gpt-4o-mini")
live = dspy.LM(os.getenv("LM_FOR_TEST", "anthropic/claude-3-5-haiku-latest"))
embedder = dspy.Embedder("openai/text-embedding-3-small", dimensions=512)
litellm.completion(model="gemini/gemini-2.0-flash", messages=[])
MODELS = ["xai/grok-3", "deepseek/deepseek-chat"]
agent = Agent("openai:gpt-4o")
"""
    assert python(source) == [
        (A, "openai/gpt-4o-mini", 2),
        (A, "anthropic/claude-3-5-haiku-latest", 3),
        (A, "openai/text-embedding-3-small", 4),
        (A, "gemini/gemini-2.0-flash", 5),
        (A, "xai/grok-3", 6),
        (A, "deepseek/deepseek-chat", 6),
        (A, "openai:gpt-4o", 7),
    ]


def test_python_provider_strings_of_instructor_and_fireworks_anywhere() -> None:
    source = """\
import instructor
PROVIDERS = ["writer/palmyra-x5", "cerebras/llama-4-scout-17b-16e-instruct", "vertexai/gemini-1.5-flash"]
modes = [(instructor.Mode.FIREWORKS_JSON, "accounts/fireworks/models/llama-v3-70b-instruct")]
client = instructor.from_provider("fireworks/accounts/fireworks/models/llama4-maverick-instruct-basic")
"""
    assert python(source) == [
        (A, "writer/palmyra-x5", 2),
        (A, "cerebras/llama-4-scout-17b-16e-instruct", 2),
        (A, "vertexai/gemini-1.5-flash", 2),
        (A, "accounts/fireworks/models/llama-v3-70b-instruct", 3),
        (A, "fireworks/accounts/fireworks/models/llama4-maverick-instruct-basic", 4),
    ]
    assert config("FIREWORKS_MODEL=accounts/fireworks/models/llama-v3p1-8b-instruct\n", ".env") == [
        (A, "accounts/fireworks/models/llama-v3p1-8b-instruct", 1)
    ]
    assert javascript('new ChatFireworks({model: "accounts/fireworks/models/llama-v3p1-8b-instruct"});\n') == [
        (A, "accounts/fireworks/models/llama-v3p1-8b-instruct", 1)
    ]
    look_alikes = """\
import csv
writer = csv.writer(open("writer/out.csv", "w"))
paths = ["accounts/fireworks/models/weights.bin", "accounts/login", "cerebras/notes", "writer/palmyra-med-70b"]
"""
    assert python(look_alikes) == []


def test_openai_fine_tuned_models_keep_their_owner_s_spelling() -> None:
    source = """\
@instructions.distil(mode="dispatch", model="ft:gpt-3.5-turbo-0125:personal::9i1JeuxJ")
def fn(a, b): ...
completion = client.chat.completions.create(model="ft:gpt-4o-mini-2024-07-18:My-Org:support:9FtHmmAb", messages=m)
openai.Completion.create(model="curie:ft-personal-2023-02-01-12-00-00", prompt=p)
"""
    assert python(source) == [
        (A, "ft:gpt-3.5-turbo-0125:personal::9i1JeuxJ", 1),
        (A, "ft:gpt-4o-mini-2024-07-18:My-Org:support:9FtHmmAb", 3),
        (A, "curie:ft-personal-2023-02-01-12-00-00", 4),
    ]
    assert config("model: ft:gpt-4.1-2025-04-14:acme::BxYz12\n", "settings.yaml") == [
        (A, "ft:gpt-4.1-2025-04-14:acme::BxYz12", 1)
    ]
    assert load_knowledge().provider("ft:gpt-4o-mini-2024-07-18:org::id").key == "openai"
    ts = 'await openai.chat.completions.create({model: "ft:gpt-4o-mini-2024-07-18:acme::Ab12", messages});\n'
    assert javascript(ts) == [(A, "ft:gpt-4o-mini-2024-07-18:acme::Ab12", 1)]
    assert javascript('await openai.chat.completions.create({model: "ft:GPT-4o:acme::Ab12"});\n') == []
    assert shell("python app.py --model ft:gpt-4o-mini-2024-07-18:acme::Ab12\n") == [
        (A, "ft:gpt-4o-mini-2024-07-18:acme::Ab12", 1)
    ]
    look_alikes = """\
model = "ft:my-model:org::AbC"
OTHER_MODEL = "ft:GPT-4o:org::AbC"  # the base spelled as a label
label = "ft:gpt-4o:org::AbC is our best"
"""
    assert python(look_alikes) == []


def test_python_names_in_api_positions() -> None:
    source = """\
import dspy
small = dspy.LM("gpt-4o-mini-2024-07-18")
payload = {"model": "sonar-pro", "messages": []}
client.completions.create(engine="text-davinci-003", prompt="hi")
AzureChatOpenAI(deployment_name="gpt-35-turbo")
"""
    assert python(source) == [
        (A, "gpt-4o-mini-2024-07-18", 2),
        (A, "sonar-pro", 3),
        (A, "text-davinci-003", 4),
        (A, "gpt-35-turbo", 5),
    ]
    # what `engine=` and `deployment_name=` hold is a hosted API's model or nothing
    assert python('run(engine="vllm")\nAzureChatOpenAI(deployment_name="org/x")\nsetup(model_engine="org/y")\n') == []


def test_python_a_project_s_wrapper_named_for_a_provider_is_given_its_model() -> None:
    source = 'chat_state = init_palm_chat("chat-bison@001")\nllm = palm.generate_text("models/text-bison-001")\n'
    assert python(source) == [(A, "chat-bison@001", 1), (A, "models/text-bison-001", 2)]
    # what such a call is given is an API's model or nothing
    assert python('palm_reading("org/x")\ninit_palm_chat("hello")\n') == []


def test_python_nvidia_catalog_names_only_where_the_catalog_is_called() -> None:
    called = """\
from langchain_nvidia_ai_endpoints import ChatNVIDIA, NVIDIAEmbeddings
class Settings:
    embedding_model: str = "nvidia/nv-embedqa-e5-v5"
llm = ChatNVIDIA(model="meta/llama-3.1-70b-instruct")
chart = ChatNVIDIA(model="google/deplot")
"""
    assert python(called) == [
        (A, "nvidia/nv-embedqa-e5-v5", 3),
        (A, "meta/llama-3.1-70b-instruct", 4),
        (A, "google/deplot", 5),
    ]
    elsewhere = 'class Settings:\n    embedding_model: str = "nvidia/nv-embedqa-e5-v5"\n'
    assert python(elsewhere) == [(M, "nvidia/nv-embedqa-e5-v5", 2)]


def test_python_groq_names_and_those_only_a_groq_client_makes_its() -> None:
    called = """\
from langchain_groq import ChatGroq
llm = ChatGroq(model="llama3-70b-8192")
fast = ChatGroq(model_name="gemma2-9b-it")
"""
    assert python(called) == [(A, "llama3-70b-8192", 2), (A, "gemma2-9b-it", 3)]
    elsewhere = 'model = "llama3-8b-8192"\nother = Client(model_name="gemma2-9b-it")\nlocal = run(model="llama3-8b")\n'
    assert python(elsewhere) == [(A, "llama3-8b-8192", 1)]


def test_python_llama_api_names_where_the_llama_api_is_called() -> None:
    called = """\
from llama_api_client import LlamaAPIClient
from openai import OpenAI
client = LlamaAPIClient()
compat = OpenAI(base_url="https://api.llama.com/compat/v1/")
STAGE2_MODEL = "Llama-4-Scout-17B-16E-Instruct-FP8"
response = client.chat.completions.create(model="Llama-4-Maverick-17B-128E-Instruct-FP8", messages=[])
other = compat.chat.completions.create(model="Llama-3.3-8B-Instruct", messages=[])
local = AutoModel.from_pretrained("meta-llama/Llama-3.3-70B-Instruct")
"""
    assert python(called) == [
        (A, "Llama-4-Scout-17B-16E-Instruct-FP8", 5),
        (A, "Llama-4-Maverick-17B-128E-Instruct-FP8", 6),
        (A, "Llama-3.3-8B-Instruct", 7),
        (M, "meta-llama/Llama-3.3-70B-Instruct", 8),
    ]
    elsewhere = 'out = client.chat.completions.create(model="Llama-3.3-70B-Instruct", messages=[])\n'
    assert python(elsewhere) == []


def test_python_replicate_names() -> None:
    called = """\
from langchain_community.llms import Replicate
from langchain_community.embeddings import HuggingFaceEmbeddings
llama3_8b_chat = "meta/meta-llama-3-8b-instruct"
llm = Replicate(model=llama3_8b_chat, model_kwargs={"temperature": 0.0})
big = Replicate(model="meta/llama-2-70b-chat")
embeddings = HuggingFaceEmbeddings(model_name="sentence-transformers/all-mpnet-base-v2")
"""
    assert python(called) == [
        (A, "meta/meta-llama-3-8b-instruct", 3),
        (A, "meta/llama-2-70b-chat", 5),
        (M, "sentence-transformers/all-mpnet-base-v2", 6),
    ]


def test_python_bedrock_ids_and_provider_module_functions() -> None:
    source = """\
import replicate, litellm
LLAMA2_13B_CHAT = "meta.llama2-13b-chat-v1"
DEFAULT_MODEL = LLAMA2_13B_CHAT
llm = Bedrock(credentials_profile_name="default", model_id=DEFAULT_MODEL)
answer = invoke_model(runtime, "meta.llama3-8b-instruct-v1:0", "Tell me about llamas", 100)
out = replicate.run("meta/meta-llama-3-8b-instruct", input={"prompt": "hi"})
reply = litellm.completion("gpt-4o", messages=[])
copies = nn.parallel.replicate(module, devices)
folder = replicate.run("some/folder", input={})
"""
    assert python(source) == [
        (A, "meta.llama2-13b-chat-v1", 2),
        (A, "meta.llama3-8b-instruct-v1:0", 5),
        (A, "meta/meta-llama-3-8b-instruct", 6),
        (A, "gpt-4o", 7),
    ]


def test_python_hosts_serving_hub_models_by_their_ids() -> None:
    source = """\
from llama_cookbook.inference.llm import TOGETHER, OPENAI, ANYSCALE
together_example = TOGETHER("togethercomputer/llama-2-7b-chat", "09e45...")
openai_example = OPENAI("gpt-3.5-turbo", "sk-LIz9zL3cYp...")
anyscale_example = ANYSCALE("meta-llama/Llama-2-7b-chat-hf", "esecret_c3u4x7...")
joined = stitch_together("left", "right")
"""
    assert python(source) == [
        (M, "togethercomputer/llama-2-7b-chat", 2),
        (A, "gpt-3.5-turbo", 3),
        (M, "meta-llama/Llama-2-7b-chat-hf", 4),
    ]


def test_python_and_config_names_routed_to_together() -> None:
    source = """\
lm = LitellmModel(model="together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", max_tokens=500)
ds = load_dataset("togethercomputer/RedPajama-Data-1T-Sample")
out = open("together_ai/results/run1")
"""
    assert python(source) == [
        (A, "together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo", 1),
        (Kind.DATASET, "togethercomputer/RedPajama-Data-1T-Sample", 2),
    ]
    assert config("llm:\n  model: together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1\n", "settings.yaml") == [
        (A, "together_ai/mistralai/Mixtral-8x7B-Instruct-v0.1", 2)
    ]


def test_python_groq_speech_names_only_with_a_groq_client() -> None:
    called = 'from groq import Groq\nclient = Groq()\nr = client.audio.speech.create(model="playai-tts", input="hi")\n'
    assert python(called) == [(A, "playai-tts", 3)]
    assert python('r = client.audio.speech.create(model="playai-tts", input="hi")\n') == []


def test_python_look_alikes() -> None:
    source = '''\
"""Use dspy.LM("openai/gpt-4o-mini") to start."""
import dspy
def f():
    """Pass model="gpt-4o" or openai/gpt-4o."""
    print("we compared openai/gpt-4o with claude")
    if name.startswith("openai/"):
        pass
whisper = pipeline(model="openai/whisper-large-v3")
gpt = AutoModel.from_pretrained("openai-community/gpt2")
oss = AutoModel.from_pretrained("openai/gpt-oss-20b")
own = dspy.LM("databricks/my_finetuned_model")
label = "gpt-4o"
'''
    assert python(source) == [
        (M, "openai/whisper-large-v3", 8),
        (M, "openai-community/gpt2", 9),
        (M, "openai/gpt-oss-20b", 10),
    ]


# --- config ------------------------------------------------------------------------------------------------------

COMPOSE = """\
services:
  chain-server:
    environment:
      APP_LLM_MODELNAME: ${APP_LLM_MODELNAME:-"meta/llama3-8b-instruct"}
      APP_LLM_MODELENGINE: nvidia-ai-endpoints
      APP_EMBEDDINGS_MODELNAME: ${APP_EMBEDDINGS_MODELNAME:-nvidia/nv-embedqa-e5-v5}
      APP_TEXTSPLITTER_MODELNAME: Snowflake/snowflake-arctic-embed-l
      NVIDIA_API_KEY: ${NVIDIA_API_KEY}
"""


def test_config_catalog_names_next_to_an_nvidia_endpoint() -> None:
    assert config(COMPOSE) == [
        (A, "meta/llama3-8b-instruct", 4),
        (A, "nvidia/nv-embedqa-e5-v5", 6),
        (M, "Snowflake/snowflake-arctic-embed-l", 7),
    ]
    without = COMPOSE.replace("nvidia-ai-endpoints", "huggingface").replace("NVIDIA_API_KEY", "HF_TOKEN")
    assert (A, "nvidia/nv-embedqa-e5-v5", 6) not in config(without)
    assert (M, "nvidia/nv-embedqa-e5-v5", 6) in config(without)


DOTENV = "LLM_MODEL=gpt-4o-mini\nEMBEDDING_MODEL=text-embedding-3-small\n"
HELM_ENV = "env:\n  - name: LLM_MODEL\n    value: claude-3-5-sonnet-latest\n"
ROUTED_KEYS = "lm: openai/gpt-4o-mini\nteacher: anthropic/claude-3-opus\n"
LITELLM_JSON = '{"model_list": [{"litellm_params": {"model": "azure/gpt-4o"}}]}'
AZURE_KEYS = "azure_deployment: gpt-4o\nengine: nim\ndeployment_name: org/x\n"


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (".env", DOTENV, [(A, "gpt-4o-mini", 1), (A, "text-embedding-3-small", 2)]),
        ("values.yaml", HELM_ENV, [(A, "claude-3-5-sonnet-latest", 3)]),
        ("config.yaml", ROUTED_KEYS, [(A, "openai/gpt-4o-mini", 1), (A, "anthropic/claude-3-opus", 2)]),
        ("c.json", LITELLM_JSON, [(A, "azure/gpt-4o", 1)]),
        ("config.yaml", "model: deepseek-chat\nllm_model: grok-3\n", [(A, "deepseek-chat", 1), (A, "grok-3", 2)]),
        ("config.yaml", AZURE_KEYS, [(A, "gpt-4o", 1)]),
    ],
)
def test_config_api_names(path: str, text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert config(text, path) == expected


LLAMA_API_CONFIG = """\
model:
  backend: openai-compat
  path: "/path/to/checkpoint"
  base_url: "https://api.llama.com/compat/v1"
  model_id: "Llama-4-Maverick-17B-128E-Instruct-FP8"
"""


def test_config_names_routed_through_openrouter() -> None:
    text = 'model:\n  task_model: "openrouter/meta-llama/llama-3.3-70b-instruct"\n  notes: see openrouter/docs\n'
    assert config(text, "config.yaml") == [(A, "openrouter/meta-llama/llama-3.3-70b-instruct", 2)]


def test_config_llama_api_names_beside_its_endpoint() -> None:
    assert config(LLAMA_API_CONFIG, "config.yaml") == [(A, "Llama-4-Maverick-17B-128E-Instruct-FP8", 5)]
    local = LLAMA_API_CONFIG.replace("https://api.llama.com/compat/v1", "http://localhost:8000/v1")
    assert config(local, "config.yaml") == []


RECORDED = '{"generation_info": {"model_name": "gpt-4o"}, "response_metadata": {"model_name": "gpt-4o"}}'


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config.yaml", "description: we use openai/gpt-4o for this\n"),
        ("config.yaml", "notes: gpt-4o\nlabel: claude-3-opus\n"),  # not under a model name
        ("config.yaml", "model: GPT-4o (label)\n"),
        ("config.yaml", "base_url: https://api.openai.com/v1\n"),
        ("run.json", RECORDED),  # a recorded response names the model that answered
    ],
)
def test_config_look_alikes(path: str, text: str) -> None:
    assert config(text, path) == []


def test_config_hub_ids_under_model_names_stay_hub_models() -> None:
    assert config("model: openai/whisper-large-v3\ntokenizer: openai-community/gpt2\n", "c.yaml") == [
        (M, "openai/whisper-large-v3", 1),
        (M, "openai-community/gpt2", 2),
    ]


# --- shell -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("python eval.py --lm openai/gpt-4o-mini", [(A, "openai/gpt-4o-mini", 1)]),
        ("export LM=anthropic/claude-3-5-haiku-latest", [(A, "anthropic/claude-3-5-haiku-latest", 1)]),
        ("export LLM_MODEL=gpt-4o", [(A, "gpt-4o", 1)]),
        ('python app.py --model "deepseek-chat"', [(A, "deepseek-chat", 1)]),
        ("python train.py --model openai/whisper-large-v3", [(M, "openai/whisper-large-v3", 1)]),
        ('echo "compare openai/gpt-4o and gpt-4o-mini"', []),
        ("python run.py --label gpt-4o", []),
        ("export AZURE_OPENAI_DEPLOYMENT=gpt-35-turbo\nexport DEPLOYMENT_NAME=org/x", [(A, "gpt-35-turbo", 1)]),
    ],
)
def test_shell(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert shell(text) == expected


# --- JavaScript --------------------------------------------------------------------------------------------------


def test_javascript_routed_strings_anywhere() -> None:
    text = 'const chosen = "openai/gpt-4o-mini";\nconst other = "openai/whisper-large-v3";\n'
    text += 'const t = "see openai/gpt-4o";\n'
    assert javascript(text) == [(A, "gpt-4o-mini", 1)]


# --- the naming rule's new endings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("APP_LLM_MODELNAME", M),
        ("REFLECTION_LLM", M),
        ("llm", M),
        ("LOCAL_LLM", Kind.OLLAMA),
        ("ollama_llm", Kind.OLLAMA),
        ("llm_provider", None),
        ("output_llm", None),
        ("MODELNAME_SUFFIX", None),
    ],
)
def test_model_name_endings(name: str, kind: Kind | None) -> None:
    assert named_kind(name) is kind


def test_an_llm_variable_holds_an_api_model_or_a_hub_model() -> None:
    assert config("REFLECTION_LLM=gpt-4o\nJUDGE_LLM=meta-llama/Llama-3.1-8B-Instruct\n", ".env") == [
        (A, "gpt-4o", 1),
        (M, "meta-llama/Llama-3.1-8B-Instruct", 2),
    ]


@pytest.mark.parametrize("source", [PythonSource(), ConfigSource(), ShellSource()])
def test_every_api_name_holds_a_marker_word(source: PythonSource | ConfigSource | ShellSource) -> None:
    """A file whose only reference is under `engine=` or `deployment_name=` still passes the pre-filter."""
    words = source.markers.words
    assert all(any(word.decode() in ending[0] for word in words) for ending in apis.API_ENDINGS)


def test_js_perplexity_plain_names_only_where_perplexity_is_meant() -> None:
    """The pplx-api served open models by plain names (`mixtral-8x7b-instruct`, `codellama-70b-instruct`): Perplexity's
    in a file that shows Perplexity (a card's `provider: "perplexity"`, its endpoint or key), nothing elsewhere."""
    cards = """\
const LINK = "https://docs.perplexity.ai/docs/getting-started"
const MIXTRAL = { modelId: "mixtral-8x7b-instruct", provider: "perplexity" }
const CODE = { modelId: "codellama-70b-instruct", provider: "perplexity" }
const SONAR = { modelId: "llama-3-sonar-large-32k-online", provider: "perplexity" }
"""
    assert javascript(cards) == [
        (A, "mixtral-8x7b-instruct", 2),
        (A, "codellama-70b-instruct", 3),
        (A, "llama-3-sonar-large-32k-online", 4),
    ]
    elsewhere = 'const LOCAL = { modelId: "mixtral-8x7b-instruct", provider: "local" }\n'
    assert javascript(elsewhere) == []
    # an arena's registry lists the same open models, and links to Perplexity's blog: no call of its API
    arena = """\
const LLAMA = { models: ["llama-3-70b-instruct", "codellama-70b-instruct"], link: "https://llama.meta.com/" }
const PPLX = { models: ["pplx-70b-online"], link: "https://blog.perplexity.ai/blog/introducing-pplx-online-llms" }
"""
    assert javascript(arena) == [(A, "pplx-70b-online", 2)]


def test_groq_context_length_suffixes_only_with_groq() -> None:
    """Groq writes a context length after its names (`llama2-70b-4096`, `llama3-70b-8192`); another server's
    `llama3-70b-4096` is no Groq name unless the file shows Groq."""
    knowledge = load_knowledge()
    groq = knowledge.provider("llama3-70b-4096", contextual=True, among=frozenset({"groq"}))
    assert groq is not None and groq.key == "groq"
    assert knowledge.provider("llama3-70b-4096") is None
    assert knowledge.provider("llama3-70b-4096", contextual=True, among=frozenset({"perplexity"})) is None
    assert knowledge.provider("codellama-70b-instruct") is None


def test_a_table_of_name_prefixes_names_no_model_but_its_whole_names_stay() -> None:
    source = 'OPENAI_CHAT_MODEL_PREFIXES = (\n    "gpt-",\n    "claude-3-",\n)\nCHAT_MODELS = ("gpt-4o", "o1")\n'
    found = {(ref.kind, ref.text) for ref in PythonSource().find(source, context("models.py"))}
    assert found == {(Kind.API, "gpt-4o"), (Kind.API, "o1")}
    assert load_knowledge().provider("gpt-4o-mini") is not None


@pytest.mark.parametrize(
    "text",
    [
        'requests.post("https://api.jina.ai/v1/embeddings", json=payload)',
        'headers = {"Authorization": f"Bearer {os.environ[\'JINA_API_KEY\']}"}',
        "from langchain_community.embeddings import JinaEmbeddings",
        "from langchain_community.document_compressors import JinaRerank",
        'provider = "jina"',
    ],
)
def test_jina_names_count_where_jinas_api_is_seen(text: str) -> None:
    seen = apis.contexts(text)
    assert apis.named("jina-embeddings-v3", seen) == "jina-embeddings-v3"
    assert apis.named("jina-reranker-v2-base-multilingual", seen) == "jina-reranker-v2-base-multilingual"
    assert apis.named("jina-embeddings-v3") is None


@pytest.mark.parametrize(
    "text",
    [
        '{"model_name": "jina-embeddings-v3", "model_id": "jinaai/jina-embeddings-v3"}',  # a local server's catalogue
        'client.launch_model(model_name="jina-clip-v2", model_type="embedding")',
        "jina_embeddings_v3 = load('jinaai/jina-embeddings-v3')",
    ],
)
def test_a_local_catalogue_of_jinas_open_models_is_no_jina_context(text: str) -> None:
    assert "jina" not in apis.contexts(text)


PROMPTFOO = """\
description: 'Summarization Evaluation'
prompts:
  - prompts.py:basic_summarize
providers:
  - id: anthropic:messages:claude-3-haiku-20240307
    label: "3.0 Haiku"
  - id: openai:chat:gpt-4o-mini
  - id: file://providers/custom.py
"""


def test_promptfoo_provider_ids_name_the_api() -> None:
    assert config(PROMPTFOO, "promptfooconfig.yaml") == [
        (A, "anthropic:messages:claude-3-haiku-20240307", 5),
        (A, "openai:chat:gpt-4o-mini", 7),
    ]


def test_every_route_holds_a_slash_or_a_colon() -> None:
    """`Knowledge.routed` lets a name holding neither go at once: every provider's route must hold one."""
    routes = [route for provider in load_knowledge().providers for route in provider.routes]
    assert routes and all("/" in route or ":" in route for route in routes)
    assert load_knowledge().routed("gpt-4o") is None
    assert load_knowledge().routed("openai/gpt-4o") is not None


# --- Claude Code's aliases and a model spec's options --------------------------------------------------------------


def test_claude_code_aliases_are_anthropics_where_the_file_runs_claude_code() -> None:
    agent = 'from claude_agent_sdk import ClaudeAgentOptions\noptions = ClaudeAgentOptions(model="sonnet")\n'
    assert python(agent) == [(A, "sonnet", 2)]
    sdk = 'import { query } from "@anthropic-ai/claude-agent-sdk";\nquery({ prompt, options: { model: "opus" } });\n'
    assert javascript(sdk) == [(A, "opus", 2)]
    assert config("services:\n  bot:\n    environment:\n      ANTHROPIC_MODEL: haiku\n") == [(A, "haiku", 4)]
    provider = load_knowledge().provider("opusplan", contextual=True, among=apis.contexts("npx claude-code"))
    assert provider is not None and provider.key == "claude-code" and provider.license == "anthropic-terms"


@pytest.mark.parametrize(
    "text",
    [
        'poem = generate(model="gpt-4o", form="sonnet")\n',  # a poem's form, under no model name
        'settings = {"model": "opus", "codec": "opus"}\n',  # no Claude Code in the file: a word
        'from anthropic import Anthropic\nclient.messages.create(model="haiku")\n',  # the API itself takes no alias
        'CLAUDE_MODELS = ["sonnet", "opus", "haiku"]\n',  # substrings a program looks for, no Claude Code run
    ],
)
def test_claude_code_aliases_elsewhere_are_words(text: str) -> None:
    assert [found for found in python(text) if found[1] in ("sonnet", "opus", "haiku")] == []


def test_a_project_s_own_alias_behind_a_provider_s_route_is_no_claude_code_alias() -> None:
    """A Vercel AI SDK registry's `anthropic:haiku` is the project's custom provider's alias, not Claude Code's."""
    text = 'import { anthropic } from "@ai-sdk/anthropic";\nregistry.languageModel("anthropic:haiku");\n'
    assert javascript(text) == []
    assert apis.routed("anthropic:haiku") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("claude-opus-5?effort=medium", "claude-opus-5"),
        ("gpt-5?reasoning_effort=high&verbosity=low", "gpt-5"),
        ("${MODEL:-claude-sonnet-4-5?effort=low}", "claude-sonnet-4-5"),
        ("claude-sonnet-4-5", "claude-sonnet-4-5"),
    ],
)
def test_a_model_spec_is_read_without_its_options(text: str, expected: str) -> None:
    assert apis.named(text) == expected


def test_options_after_a_name_that_is_no_model_name_nothing() -> None:
    assert apis.named("https://example.com/models?name=gpt-4o") is None
    assert apis.named("report?model=gpt-4o") is None
    assert config("env:\n  ANTHROPIC_MODEL: claude-opus-5?effort=medium\n", ".env.yaml") == [(A, "claude-opus-5", 2)]
