"""The one place that decides whether a string names a hosted API's model, fed by the knowledge base's `apis.toml`.

Two questions, asked by every source:

- `routed(text)`: is the string, as a whole, a name routed to a provider (`openai/gpt-4o-mini` for LiteLLM and dspy,
  `openai:gpt-4o` for pydantic-ai, `anthropic/claude-haiku-4.5` for a gateway)? Such a string names the API
  wherever it is written, as a whole-string URL does. The rest must match the provider's patterns, so that
  `openai/whisper-large-v3` and `openai/gpt-oss-20b` stay Hub ids.
- `named(text, contexts)`: does a value under a name that says it holds a model (`model:`, `APP_LLM_MODELNAME`,
  `engine=`) name an API's model (`gpt-4o`, `claude-3-5-haiku-latest`)? Names that are also Hub ids or a local
  server's (`nvidia/nv-embedqa-e5-v5`, `meta/llama3-8b-instruct` on the NVIDIA API catalog) count only in a file
  that shows the API is meant (`contexts(text)`: a `ChatNVIDIA` call, an `integrate.api.nvidia.com` endpoint, an
  `NVIDIA_API_KEY`), and only as the catalog writes them, in lower case (or in mixed case for an API that writes
  them so: Meta's Llama API, `Llama-3.3-70B-Instruct` where `LlamaAPIClient` or `api.llama.com` is seen).
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from modelpolicy.discover import ollama
from modelpolicy.discover.identity import is_placeholder, looks_like_path, routed_elsewhere, without_env_defaults
from modelpolicy.discover.names import WRITTEN, named_kind, split_words
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ahocorasick_rs import BytesAhoCorasick

_QUOTES = "\"'`"
# Names that hold a hosted API's model and nothing else: the old OpenAI SDK's `engine=`, Stability AI's v1 `engine_id`
# (`/v1/generation/{engine_id}/text-to-image`, `ENGINE_ID: stable-diffusion-xl-1024-v1-0`), Azure OpenAI's
# `deployment_name=` and `azure_deployment=`; the model an LLM-as-judge evaluation asks to grade answers, named for its
# role (`evaluator: str = "gpt-4"`, `model_evaluator="gpt-4-turbo"`, `primary_evaluator=`). What they hold counts only
# when a provider's patterns match it (a search engine's `SEARCH_ENGINE_ID` holds none, an `evaluator="rubric"` none).
API_ENDINGS = frozenset(
    {
        ("engine",),
        ("engine", "id"),
        ("deployment",),
        ("deployment", "name"),
        ("deployment", "id"),
        ("model", "type"),
        ("evaluator",),
    }
)
# A word every route prefix of `apis.toml` holds (a test checks it), for the sources' pre-filters: a file holding none
# of them holds no routed name. Kept here, not derived, so that importing discovery does not load the knowledge base.
ROUTE_MARKERS = (
    b"openai",
    b"azure",
    b"anthropic",
    b"gemini",
    b"vertex_ai",
    b"google",
    b"mistral",
    b"cohere",
    b"xai",
    b"grok",
    b"x-ai",
    b"deepseek",
    b"perplexity",
    b"ai21",
    b"reka",
    b"watsonx",
    b"nvidia_nim",
    b"groq",
    b"openrouter",
    b"bedrock",
    b"voyage",
    b"vertexai",
    b"generative-ai",
    b"cerebras",
    b"sambanova",
    b"fireworks",
    b"writer/",
    b"zai/",
    b"z-ai/",
    b"alibaba/",
    b"alibaba:",
    b"qwen/",
    b"dashscope/",
    b"moonshot/",
    b"moonshotai:",
    b"zai:",
    b"upstage/",
    b"vercel/",
    b"together",
    b"deepinfra",
    b"anyscale/",
    b"codestral",
    b"@cf/",
    b"@hf/",
    b"novita",
    b"aiml",
    b"fal-ai/",
    b"litellm_proxy/",
    b"openhands/",
    b"snowflake",  # Snowflake Cortex: promptfoo's `snowflake:`, Mastra's `snowflake-cortex/`
)

# Words that open the names of the hosted API families tables are most often made of, for the sources' pre-filters: a
# statement writing a table of such names need not say `model` (`costs = {"gpt-4o": 0.01, "claude-3-5-haiku": ...}`,
# Qianfan's `[("ERNIE-Bot-4", "completions_pro"), ...]`, Volcengine Ark's `{"doubao-pro-32k": {...}}`), nor one
# handing an embedding model's name to a factory (`return embedding_factory("text-embedding-ada-002")`).
API_NAME_MARKERS = (b"gpt-", b"claude-", b"gemini-", b"ernie-", b"doubao-", b"text-embedding-")


# Words in the name of the client of a host that serves Hub models by their Hub ids, or of a project's wrapper of one:
# a positional string it is given is a Hub model or an API's (`TOGETHER("togethercomputer/llama-2-7b-chat", key)`).
HUB_HOST_CALLEES = ("together", "anyscale", "fireworks", "deepinfra")


# Words in the name of a provider's client class or function (`sgl.OpenAI`, `VertexAI`, `AzureChatOpenAI`,
# `litellm_completion`), compared lower-cased: a positional string such a call is given that a provider's patterns match
# is that provider's model (`sgl.Anthropic("claude-3-haiku-20240307")`).
PROVIDER_CALLEES = (
    "openai",
    "azure",
    "anthropic",
    "claude",
    "gemini",
    "palm",  # Google's PaLM API before Gemini: `palm.chat(...)`, `ChatGooglePalm`, a project's `init_palm_chat(ID)`
    "vertex",
    "mistral",
    "cohere",
    "xai",
    "grok",
    "deepseek",
    "perplexity",
    "ai21",
    "reka",
    "watsonx",
    "groq",
    "litellm",
    "bedrock",
    "replicate",
    "openrouter",  # a gateway's client: agno's `OpenRouter(id="gpt-4o")`, a project's `openrouter_chat(...)`
    *HUB_HOST_CALLEES,
)


@lru_cache(maxsize=16384)  # a file calls the same few names again and again
def provider_callee(name: str) -> bool:
    """Whether a called name is a provider's client (`OpenAI`, `sgl.VertexAI`, `ChatAnthropic`)."""
    lowered = name.lower()
    return any(word in lowered for word in PROVIDER_CALLEES)


@lru_cache(maxsize=4096)
def hub_host_callee(name: str) -> bool:
    """Whether a called name is the client of a host serving Hub models by their ids (`Together`, `ANYSCALE`)."""
    lowered = name.lower()
    return any(word in lowered for word in HUB_HOST_CALLEES)


@lru_cache(maxsize=1)
def _provider_keys() -> frozenset[str]:
    return frozenset(p.key for p in load_knowledge().providers)


def is_provider_key(text: str) -> bool:
    """Whether `text` is a hosted API provider's key in the knowledge base (`openai`, `mistral`, `groq`), any case."""
    return text.lower() in _provider_keys()


# A hosted API's endpoint that names the model in its query: OpenAI's Realtime API (`wss://api.openai.com/v1/realtime?
# model=gpt-4o-realtime-preview`). Routes that name it in their path are `MODEL_URL_ROUTES`'.
_URL_SCHEMES = ("https://", "http://", "wss://", "ws://")
_MODEL_QUERY = re.compile(r"[?&]model=([A-Za-z0-9._:@/-]+)")


def query_model(text: str) -> str | None:
    """The hosted API model a URL, as a whole string, calls in its `model=` query, when a provider's patterns say it is
    one (`wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview`); None for any other URL (a page about a
    model, `platform.openai.com/docs/models/gpt-4o`, calls none)."""
    value = text.strip()
    if not value.lower().startswith(_URL_SCHEMES) or any(c.isspace() for c in value) or "model" not in value:
        return None
    found = _MODEL_QUERY.search(value)
    name = found.group(1) if found else None
    return name if name and named(name) else None


@lru_cache(maxsize=1)
def _markers() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((p.key, p.context_markers) for p in load_knowledge().providers if p.context_markers)


@lru_cache(maxsize=16384)
def holds_api(name: str) -> bool:
    """Whether a name (of a keyword, key, field or variable) holds a hosted API's model only: `engine`,
    `deployment_name`, `AZURE_OPENAI_DEPLOYMENT`."""
    words = split_words(name)
    return not WRITTEN.intersection(words) and any(words[-len(e) :] == e for e in API_ENDINGS)


# Last words of a callable's name that say it is built with the hosted API model it calls, given first: a project's
# own wrapper of a chat model named for what it is (gpt-engineer's `AI("gpt-4o")`, `MockAI(...)` in its tests), a
# provider's class (`VertexAI("gemini-pro")`). A message or a result of one (`AIMessage(text)`) ends in another word.
# What it is given counts only when a provider's patterns match it.
API_CALLED_ENDINGS = frozenset({("ai",)})


@lru_cache(maxsize=4096)
def builds_api(callable_name: str) -> bool:
    """Whether a callable's name says its first argument is the hosted API model it calls (`AI`, `VertexAI`)."""
    words = split_words(callable_name)
    return not WRITTEN.intersection(words) and any(words[-len(e) :] == e for e in API_CALLED_ENDINGS)


@lru_cache(maxsize=16384)  # asked of every keyword, key and parameter: ~44,000 times in a scan of peft
def name_kind(name: str) -> Kind | None:
    """What a name says it holds, for every named position alike (a keyword, parameter, field, key, variable or
    constant): API for `engine` and Azure's `azure_deployment` / `deployment_name`, else the naming rule's kind."""
    return Kind.API if holds_api(name) else named_kind(name)


def contexts(text: str, path: str = "") -> frozenset[str]:
    """The providers a file shows it calls: those with one of their `context_markers` in its text (any case), and
    those its path is filed under (`path_contexts`). One pass of an Aho-Corasick automaton over every provider's
    markers: a search for each marker in turn was 5% of a scan of peft."""
    keys, automaton = _context_automaton()
    filed = path_contexts(path) if path else frozenset()
    if automaton is None:
        return filed
    return filed | frozenset(
        keys[index] for index, _, _ in automaton.find_matches_as_indexes(_bytes(text.lower()), overlapping=True)
    )


@lru_cache(maxsize=4096)  # the files of one folder share its folders' names
def path_contexts(path: str) -> frozenset[str]:
    """The providers a file is filed under: a folder, or the file's name up to its first dot, spelled as a provider's
    key (`-` and `_` alike, any case). Repositories keep each provider's code in a place named for it
    (`providers/remote/inference/watsonx/models.py`, `AiProviders/groq/index.js`, `llms/sambanova.py`), where its
    model table holds its names bare, with no client or endpoint in the same file to show whose they are. A gateway
    names the folder for the company (`providers/perplexity-ai/`, `together-ai/`, LiteLLM's `llms/fireworks_ai/`),
    the provider's key and `-ai` or `_ai` after it: filed under that provider too."""
    parts = path.replace("\\", "/").lower().split("/")
    names = {part.replace("-", "_") for part in parts[:-1]}
    names.add(parts[-1].split(".", 1)[0].replace("-", "_"))
    names |= {name.removesuffix(_COMPANY_SUFFIX) for name in names if name.endswith(_COMPANY_SUFFIX)}
    return frozenset(key for name, key in _filing_names() if name in names)


# What a folder named for a provider's company writes after its key (`perplexity-ai`, `fireworks_ai`), `-` as `_`.
_COMPANY_SUFFIX = "_ai"


@lru_cache(maxsize=1)
def _filing_names() -> tuple[tuple[str, str], ...]:
    """(folder name, provider key) pairs: each provider's key, with `-` spelled `_`."""
    return tuple((p.key.replace("-", "_"), p.key) for p in load_knowledge().providers)


def _bytes(text: str) -> bytes:
    """The text as the automaton reads it: UTF-8, with the lone surrogates of undecodable bytes kept."""
    return text.encode("utf-8", "surrogatepass")


@lru_cache(maxsize=1)
def _context_automaton() -> tuple[tuple[str, ...], BytesAhoCorasick | None]:
    """The provider of each marker, and the automaton that finds the markers (None when there are none)."""
    from ahocorasick_rs import BytesAhoCorasick, Implementation  # here: a scan that reads no file never builds it

    pairs = [(key, marker.lower()) for key, markers in _markers() for marker in markers]
    if any(not marker for _, marker in pairs):
        raise ValueError("a provider's context marker is empty: every text would show it")
    markers = [_bytes(marker) for _, marker in pairs]
    automaton = BytesAhoCorasick(markers, implementation=Implementation.DFA) if pairs else None  # `markers._automaton`
    return tuple(key for key, _ in pairs), automaton


def routed(text: str) -> str | None:
    """The string as written (without a reasoning effort after it) when it is, as a whole, a model name routed to a
    provider; else None."""
    value = without_options(text.strip())
    if not value or ("/" not in value and ":" not in value):
        return None  # a route is `provider/name` or `provider:name`; most strings have neither, and are let go at once
    if value != value.lower() and not _mixed_case_routed(value):
        return None  # in mixed case only behind the route of an API that writes its names so (`together_ai/Org/X`)
    if any(c.isspace() or c == "," for c in value):
        return None  # `openai/gpt-4o,openai/gpt-4o-mini` is a list, read item by item where a source splits it
    found = load_knowledge().routed(value)
    if found is None or not (found[0].mixed_case or value == value.lower()):
        return None
    provider, rest = found
    if "*/*" in provider.routed_patterns and looks_like_path(rest):
        return None  # `together_ai/results/run1`, `openrouter/outputs/x`: a folder named for the route, not its model
    return value


def listed(text: str) -> bool:
    """Whether a provider's catalogue lists `text` whole, a name of two or more words with no version in it
    (`deepseek-chat`, `mistral-large`): such a name is a model's as surely as `gpt-4o` is. A single word it lists
    (`command`, `sonar`) is also a word of other things."""
    return text.strip().lower() in _listed_names()


@lru_cache(maxsize=1)
def _listed_names() -> frozenset[str]:
    patterns = (pattern.lower() for provider in load_knowledge().providers for pattern in provider.patterns)
    return frozenset(p for p in patterns if "-" in p and not any(c in p for c in "*?["))


@lru_cache(maxsize=4096)
def routing_providers(*spellings: tuple[str, ...]) -> tuple[str, ...]:
    """The providers with routes whose key is one of the words of a spelling, or two or three of them run together: a
    client's name split into words (`ChatGroq`, `ChatOpenRouter`) or its endpoint's host split at its dots
    (`openrouter.ai`). In the catalogue's order: those `routed_by` may ask. Whole words only: `fal` is no part of
    `CausalLM.fallback`."""
    spelled = {
        "".join(words[start:end]).lower()
        for words in spellings
        for start in range(len(words))
        for end in range(start + 1, min(start + 3, len(words)) + 1)
    }
    return tuple(p.key for p in load_knowledge().providers if p.routes and p.key.replace("-", "") in spelled)


def routed_by(provider: str, text: str) -> str | None:
    """The name as written when the provider a setting names serves it by one of its routes: `{api_type: openrouter,
    model: meta-llama/llama-3-70b-instruct}` (MetaGPT's `config2.yaml`, AutoGen's config lists) says what LiteLLM's
    `openrouter/meta-llama/llama-3-70b-instruct` does; else None (a path, a Hub id in mixed case, no such provider)."""
    value = without_env_defaults(text.strip()).strip().strip(_QUOTES).strip()
    if not value or value.startswith(("/", ".", "~")):
        return None
    knowledge = load_knowledge()
    found = next((p for p in knowledge.providers if p.key == provider.strip().lower()), None)
    for route in () if found is None else found.routes:
        served = knowledge.routed(route + value) if routed(route + value) else None
        if served is not None and served[0] is found:  # `openrouter/openai/org/x` is OpenRouter's, not OpenAI's
            return value
    return None


def routed_by_any(providers: tuple[str, ...], text: str) -> str | None:
    """`owner/name` as the first of the providers that serves it by its route (`routed_by`) writes it, else None: a
    name without an owner (`gpt-4o`, Ollama's `gpt-oss:20b`) is read as any other value is, a placeholder
    (`custom/provider-model`) names nothing."""
    if "/" not in text or is_placeholder(text):
        return None
    return next((served for provider in providers if (served := routed_by(provider, text))), None)


def unwrapped(text: str) -> str:
    """A value as the name it holds: `${VAR:-gpt-4o}` as its default, quotes written inside the string let go
    (`default="'gpt-4-vision-preview'"`, an argparse default quoted twice)."""
    return without_env_defaults(text.strip()).strip().strip(_QUOTES).strip()


# Words no API's model name holds, that a test or an example writes into one to have it refused: agno's retry
# examples' `wrong_model_id = "gpt-wrong-id"`, `model="claude-invalid-model"`, `gpt-4o-fake`, `gemini-nonexistent`.
STAND_IN_WORDS = frozenset({"wrong", "invalid", "fake", "nonexistent", "bogus", "dummy", "notexist"})
_NAME_WORDS = re.compile(r"[-_.:/@]")


def _stand_in(value: str) -> bool:
    """Whether a name holds a word of `STAND_IN_WORDS` (`gpt-wrong-id`, `claude-invalid-model`)."""
    return not STAND_IN_WORDS.isdisjoint(_NAME_WORDS.split(value.lower()))


def named(text: str, in_context: frozenset[str] = frozenset(), *, deployment: bool = False) -> str | None:
    """The API model a value under a model name holds (`${VAR:-default}` and quotes read through), or None. The APIs
    write their model names in lower case: `GPT-4o`, `Grok-2`, `Claude-3-Opus` are labels shown to people (a
    picker's, a leaderboard's display name), unless the provider writes its names in mixed case or the value is a
    `deployment` (`engine=`, `deployment_name=`), whose name its owner chose."""
    value = without_options(unwrapped(text))
    if not value or any(c.isspace() or c == "," for c in value) or _stand_in(value):
        return None  # no API's name holds a comma (`gpt-4o,gpt-4o-mini` is a list of two), nor a stand-in's word
    if ":" in value and (ollama.tagged(value) or ollama.sized(value)):
        return None  # `gpt-oss:20b`, `command-r:35b`: a library name with a tag is Ollama's, whatever `gpt-*` matches;
        # so is a user's namespaced model with a size tag, whatever watsonx's `ibm/granite-*` matches
    knowledge = load_knowledge()
    provider = knowledge.provider(value)
    spelled = spelled_by_the_api(value)
    if provider is not None and (deployment or provider.mixed_case or spelled == spelled.lower()):
        return value
    among = in_context if spelled == spelled.lower() else in_context & _mixed_case_keys()
    if not among:
        return None  # in mixed case a name is a Hub id's spelling, unless an API in context writes its names so
    if knowledge.provider(value, contextual=True, among=among) is not None:
        return value
    return _compatible_routed(value, among)


# Amazon Bedrock's spelling of a model: its provider's name, a dot, the model and a version
# (`amazon.titan-embed-text-v1`, `anthropic.claude-3-haiku-20240307-v1:0`, `cohere.rerank-v3-5:0`,
# `openai.gpt-oss-120b-1:0`), behind an inference profile's geography (`us.`, `global.`) and before the context length
# a customisation job starts from (`amazon.nova-micro-v1:0:128k`,
# docs.aws.amazon.com/bedrock/latest/userguide/custom-model-supported.html). No Hub id, path, module or word is spelled
# so: written whole, such a string names the model wherever it stands, as a route does
# (`compare(prompts, "amazon.titan-image-generator-v1")`, `student_model_micro = "amazon.nova-micro-v1:0:128k"`).
_BEDROCK_SPELLING = re.compile(
    r"(?:[a-z]{2,6}\.)?[a-z0-9]+\.[a-z0-9][a-z0-9.-]{0,80}-v?[0-9]+(?:-[0-9]+)?(?::[0-9]+)?(?::[0-9]+k)?"
)


def bedrock_spelled(text: str) -> str | None:
    """The string as written when it is, as a whole, a model's name in Amazon Bedrock's spelling that a provider's
    patterns match (`us.anthropic.claude-3-5-haiku-20241022-v1:0`); else None (`numpy.core-1`, `v1.2.3`)."""
    value = text.strip()
    if not (value[-1:].isdigit() or value[-1:] == "k") or "-" not in value or "." not in value:
        return None  # a version or a context length ends every such name: most strings are let go here, at once
    return value if _BEDROCK_SPELLING.fullmatch(value) is not None and named(value) else None


# The part of a Bedrock ARN before the model an f-string may leave to its placeholders: the region and the account
# (`f"arn:aws:bedrock:{region}::foundation-model/ID"`, `f"arn:aws:bedrock:{region}:{account}:inference-profile/ID"`).
_ARN_MODEL_SEGMENTS = (":foundation-model/", ":inference-profile/")


def arn_model(parts: Sequence[str | None]) -> str | None:
    """The model a Bedrock ARN written in pieces names, the pieces being an f-string's literal parts and None for each
    of its placeholders: the model written whole in the last piece, after a placeholder stands for the region or the
    account only (`["arn:aws:bedrock:", None, "::foundation-model/amazon.nova-2-lite-v1:0:256k"]`); None when a
    placeholder completes the model (`[..., "::foundation-model/", None]`) or the pieces are no Bedrock ARN."""
    last = parts[-1] if parts else None
    at = -1 if last is None else max(last.find(segment) for segment in _ARN_MODEL_SEGMENTS)
    if last is None or at < 0 or None not in parts:
        return None  # an ARN written whole is a routed string, read as one
    model = last[last.index("/", at) + 1 :]
    shaped = "".join("0" if part is None else part for part in parts)  # a region and an account in digits
    found = load_knowledge().routed(shaped) if model else None
    # the route may be a provider's own behind Bedrock's (`bedrock/anthropic.`, which leaves `claude-...`)
    return model if found is not None and model.lower().endswith(found[1]) else None


# LiteLLM's route to any OpenAI-compatible server (`openai/` with an `api_base`): what follows is the name that
# server serves, an API's in context (`openai/llama3.1-70b` where the file calls `api.cerebras.ai`).
COMPATIBLE_ROUTE = "openai/"


def _compatible_routed(value: str, among: frozenset[str]) -> str | None:
    """The name after LiteLLM's `openai/` route when an API in context serves it, else None."""
    rest = value[len(COMPATIBLE_ROUTE) :] if value.lower().startswith(COMPATIBLE_ROUTE) else ""
    if not rest or "/" in rest or not routed_elsewhere(value):
        return None  # `openai/whisper-large-v3`, `openai/gpt-oss-20b`: the OpenAI organisation's open weights
    return rest if load_knowledge().provider(rest, contextual=True, among=among) is not None else None


# Hosted APIs whose REST routes name the model in the URL's path: the host (a pattern: regional hosts) and the segment
# of the path the model follows. Google's Gemini API (`https://generativelanguage.googleapis.com/v1beta/models/
# gemini-2.5-flash:generateContent`, ai.google.dev/api), Vertex AI (`https://us-central1-aiplatform.googleapis.com/v1/
# projects/P/locations/L/publishers/google/models/gemini-2.0-flash-001:streamGenerateContent`), Azure OpenAI's
# deployments (`https://NAME.openai.azure.com/openai/deployments/gpt-4o/chat/completions`) and Bedrock's runtime
# (`https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-3-haiku-20240307-v1:0/invoke`). Each host
# holds a route marker (`google`, `azure`, `bedrock`): the sources' pre-filters let their files through.
MODEL_URL_ROUTES = (
    ("generativelanguage.googleapis.com", "models"),
    ("*aiplatform.googleapis.com", "models"),
    ("*.openai.azure.com", "deployments"),
    ("bedrock-runtime.*.amazonaws.com", "model"),
)
# The method a Google route calls on the model, after a colon (`:generateContent`, `:embedContent`, `:predict`); a
# Bedrock id's version after its colon (`-v1:0`) is a number and stays.
_URL_METHOD = re.compile(r":[A-Za-z]+$")
# A model's name as a route writes it: no variable (`gemini-$VERSION`) nor a name cut where a template's value starts.
_URL_MODEL = re.compile(r"[A-Za-z0-9](?:[\w.@:-]*[A-Za-z0-9])?")


def url_model(text: str, *, whole: bool = True) -> str | None:
    """The model a hosted API's URL names in its path (`MODEL_URL_ROUTES`), as written there, or in its `model=`
    query (`query_model`, of a whole URL only), when a provider's patterns match it:
    `.../v1beta/models/gemini-2.5-flash:generateContent` names `gemini-2.5-flash`; `.../models/${MODEL_ID}:
    generateContent`, `.../v1beta/models` (the list of them) and other hosts name none. When the text may be only the
    start of the URL (`whole` unset: an f-string's literal part, a template's), a model it ends with may be cut where
    a value is put in (`models/gemini-1.5{suffix}`): only one followed by the rest of the route (`:generateContent`,
    `/chat/completions`, a query) is read."""
    try:
        url = urlsplit(text.strip())
        host = (url.hostname or "").lower()
    except ValueError:
        return None
    segments = url.path.split("/")
    for pattern, segment in MODEL_URL_ROUTES:
        if fnmatchcase(host, pattern) and segment in segments[:-1]:
            written = segments[segments.index(segment) + 1]
            if not whole and not (url.query or _URL_METHOD.search(written) or text.find(f"/{written}/") >= 0):
                return None
            model = _URL_METHOD.sub("", unquote(written))
            return model if _URL_MODEL.fullmatch(model) and named(model, deployment=True) else None
    return query_model(text) if whole else None


# Options a model spec writes after the name, as a URL's query (`claude-opus-5?effort=medium`, GitHub Agentic
# Workflows' `model:` and the `ANTHROPIC_MODEL` it sets): `?`, then `key=value` pairs joined by `&`.
_OPTIONS = re.compile(r"\?[a-z_][a-z0-9_.-]*=[^?&=\s]*(?:&[a-z_][a-z0-9_.-]*=[^?&=\s]*)*$", re.IGNORECASE)


# A reasoning effort written after the name and a colon, as GenAIScript's `model:` takes it
# (`claude-3-7-sonnet-latest:high`, `o3-mini:low`), or after a Bedrock id's own `-v1:0`
# (`anthropic.claude-3-7-sonnet-20250219-v1:0:high`, `...-v1:0:0`).
_EFFORT = re.compile(r"(?<=[a-z0-9]):(?:minimal|low|medium|high|xhigh)$|(?<=-v\d:\d):\d+$", re.IGNORECASE)


def without_options(value: str) -> str:
    """The model's name without the options written after it: `claude-opus-5?effort=medium` is `claude-opus-5`,
    `claude-3-7-sonnet-latest:high` is `claude-3-7-sonnet-latest`."""
    # Each pattern can only match from the last `?` or `:` on (neither is in what it matches after), so it is tried
    # there alone: tried at every character, it cost a tenth of a millisecond on a long value.
    for pattern, mark in ((_OPTIONS, "?"), (_EFFORT, ":")):
        at = value.rfind(mark)
        if at >= 0 and (found := pattern.match(value, at)):
            value = value[:at] + value[found.end() :]
    return value


# OpenAI's fine-tuned models (`ft:gpt-4o-mini-2024-07-18:my-org:support:9FtHmmAb`): their organisation, suffix and
# id are their owner's, in any case; the API spells only the base model between the first two colons.
FINE_TUNED = "ft:"


def spelled_by_the_api(value: str) -> str:
    """The part of a model's name whose case the API fixes: the whole name, or a fine-tuned model's base, or the name
    before the `@` of a version its owner wrote (NVIDIA NeMo Customizer's `meta/llama-3.2-1b-instruct@v1.0.0+L40`, a
    configuration's version and the GPU it was tuned for)."""
    if value.startswith(FINE_TUNED):
        return value.split(":", 2)[1]
    return value.partition("@")[0]


@lru_cache(maxsize=1)
def _mixed_case_routes() -> tuple[str, ...]:
    """The routes of the providers that write their model names in mixed case (`together_ai/`), lower-cased."""
    return tuple(route.lower() for p in load_knowledge().providers if p.mixed_case for route in p.routes)


def _mixed_case_routed(value: str) -> bool:
    """Whether a name starts with the route of a provider that writes its names in mixed case, or with one behind a
    gateway's prefix (Inspect AI's `openai-api/together/Org/X`): which prefix is a gateway's the catalogue decides."""
    return value.startswith(_mixed_case_routes()) or value.partition("/")[2].startswith(_mixed_case_routes())


@lru_cache(maxsize=1)
def _mixed_case_keys() -> frozenset[str]:
    """The providers that write their model names in mixed case (`Llama-3.3-70B-Instruct`)."""
    return frozenset(p.key for p in load_knowledge().providers if p.mixed_case)
