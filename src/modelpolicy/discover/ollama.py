"""The one place that decides whether a string names a model of the Ollama library, fed by the knowledge base's
Ollama table (`ollama.toml`) and the tag grammar: `name[:tag]`, `namespace/name[:tag]`, and `hf.co/org/repo[:quant]`,
which Ollama pulls from the Hugging Face Hub and is therefore a Hub model.

Every source asks `recognise`, saying how sure the place it read is to hold an Ollama model (`Context`): a library
name (`llama3.1`) or a name with a tag (`my-model:7b`) counts wherever Ollama is meant; a namespaced name
(`user/name`) only where nothing else can be meant (an Ollama call, `ollama pull`, a Modelfile, `ollama/` prefixes),
since elsewhere `org/name` is a Hub id. A word neither in the table nor tag-shaped (`test`, `chatml`) is never one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

# Ollama model names (compared case-insensitively) and tags: letters, digits, `.`, `_`, `-`.
_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}"
_TAG = r"[A-Za-z0-9_][A-Za-z0-9._-]{0,127}"
_OLLAMA = re.compile(rf"(?:(?:registry\.ollama\.ai/)?(?P<namespace>{_NAME})/)?(?P<name>{_NAME})(?::(?P<tag>{_TAG}))?")
_HUB = re.compile(
    rf"(?:https?://)?(?:hf\.co|huggingface\.co)/(?P<repo>[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*)(?::{_TAG})?"
)
# The model-string prefixes of LiteLLM (and of dspy, which passes its strings to LiteLLM) that route to Ollama, and
# the `ollama://` scheme of KubeAI's `Model` (`url: ollama://gemma2:2b`) and RamaLama (`ramalama run ollama://x`), and
# the `ollama:` provider of LangChain's `init_chat_model("ollama:llama3.1")` and pydantic-ai's `Agent("ollama:...")`.
PREFIXES = ("ollama/", "ollama_chat/", "ollama://", "ollama:")
_PREFIXED = re.compile(r"(?:ollama(?:_chat)?/|ollama://|ollama:)(?P<model>\S+)")


# What a file holds when it configures or calls an Ollama server (its name, a service, `OLLAMA_BASE_URL`, the port):
# there a value under a model name that the Ollama library knows, or that carries a tag, is an Ollama model.
SERVER_MARKERS = ("ollama", ":11434")


def server_in(text: str, path: str = "") -> bool:
    """Whether a file shows an Ollama server is meant (any case): by what it holds, or by where it is filed (a folder
    named `ollama`, or the file's own name up to its first dot: `providers/remote/inference/ollama/models.py`, a model
    table that holds Ollama's names and nothing else that says whose)."""
    lowered = text.lower()
    return any(marker in lowered for marker in SERVER_MARKERS) or (bool(path) and _filed_under_ollama(path))


def _filed_under_ollama(path: str) -> bool:
    parts = path.replace("\\", "/").lower().split("/")
    return _OLLAMA_FOLDER in parts[:-1] or parts[-1].split(".", 1)[0] == _OLLAMA_FOLDER


_OLLAMA_FOLDER = "ollama"


def listed(text: str) -> str | None:
    """A key of a table of Ollama's models (`table`) as the model it names: any name the grammar allows without a
    namespace, since the table says what it is (a name the library table does not know resolves to nothing)."""
    found = parse(text)
    return canonical(text) if found is not None and found.namespace is None else None


# The namespace of Ollama's own library and its registry's host, which a name may be written with or without:
# `registry.ollama.ai/library/llama3.1` and `library/llama3.1` are `llama3.1` (RamaLama's `ollama://library/x`).
_LIBRARY_PREFIX = re.compile(r"(?:registry\.ollama\.ai/)?library/", re.IGNORECASE)


def canonical(text: str) -> str:
    """An Ollama model's name without the library's namespace or its registry's host, which name the same model: one
    artefact, not two rows. A user's namespace (`user/name`) stays."""
    value = text.strip()
    prefix = _LIBRARY_PREFIX.match(value)
    return value[prefix.end() :] if prefix else value


def callee(name: str) -> bool:
    """Whether a called name is an Ollama client or one of the many wrappers named for it (`ChatOllama`, `OllamaLLM`,
    `OllamaChatCompletionClient`, `OllamaGenerator`, `OllamaTextEmbedder`): the model it is given is Ollama's."""
    return "ollama" in name.lower()


# A table of models (the keys of a dict named for models) is Ollama's when it has at least this many keys and this share
# of them are names the Ollama library knows or tagged names: `{"llama3.1": ..., "qwen2.5": ..., "qwen3:8b": ...}`.
_TABLE_SIZE = 3
_TABLE_SHARE = 0.8


# A table whose own name says Ollama (`OLLAMA_BASE_MODELS`, `ollamaModels`) says whose models its keys are: a catalogue
# of the library holds names newer than our table knows, so a smaller share of known names will do, each key a name.
_NAMED_TABLE_SHARE = 0.2


def table(names: list[str], *, named: bool = False) -> bool:
    """Whether the keys of a table of models, in a file that shows an Ollama server is meant, are Ollama's; `named`
    when the table's own name says Ollama (`named_for`)."""
    if len(names) < _TABLE_SIZE:
        return False
    known = sum(1 for name in names if recognise(name, Context.NAMED) == (Kind.OLLAMA, name.strip()))
    if named and all(listed(name) is not None for name in names):
        return known >= _NAMED_TABLE_SHARE * len(names)
    return known >= _TABLE_SHARE * len(names)


def named_for(name: str) -> bool:
    """Whether a table's name says it holds Ollama's models (`OLLAMA_BASE_MODELS`, `ollamaModels`)."""
    return "ollama" in name.lower()


class Context(Enum):
    """How sure a place is to hold an Ollama model name."""

    NAMED = "named"  # a value under a name that says Ollama (`OLLAMA_MODEL`, an `ollama:` section, `local_llm`)
    CERTAIN = "certain"  # an Ollama call, `ollama pull`, a Modelfile's FROM, a request to the Ollama server


@dataclass(frozen=True)
class OllamaName:
    namespace: str | None
    name: str
    tag: str | None


def parse(text: str) -> OllamaName | None:
    """`text` as an Ollama model reference, or None when it cannot be one."""
    match = _OLLAMA.fullmatch(text.strip())
    if match is None:
        return None
    namespace = match.group("namespace")
    return OllamaName(None if namespace == "library" else namespace, match.group("name"), match.group("tag"))


def recognise(text: str, context: Context) -> tuple[Kind, str] | None:
    """The artefact a value read in an Ollama `context` names: (OLLAMA, `name[:tag]`), (MODEL, `org/repo`) for a
    Hub model Ollama pulls, or None."""
    value = text.strip()
    hub = _HUB.fullmatch(value)
    if hub:
        return Kind.MODEL, hub.group("repo")
    if _PREFIXED.fullmatch(value):
        return prefixed(value)  # `ollama:llama3.1` is `llama3.1`, not a model named `ollama` tagged `llama3.1`
    found = parse(value)
    if found is None or (found.tag is not None and load_knowledge().routed(value) is not None):
        return None  # `azure_openai:gpt-4o`, `google_genai:gemini-2.5-flash`: a provider's route, not a tag
    known = load_knowledge().ollama(found.name) is not None and found.namespace is None
    if not known and found.tag is not None and load_knowledge().ollama(found.tag) is not None:
        return None  # `azure_ai_inference:deepseek-r1`: a tool's provider before a model, not a name and its tag
    namespaced = found.namespace is not None and (context is Context.CERTAIN or sized(value) is not None)
    if known or namespaced or (found.tag is not None and found.namespace is None):
        return Kind.OLLAMA, canonical(value)
    return None


def capitalised(text: str) -> bool:
    """Whether an untagged name is written with capitals (`MISTRAL`, a constant's spelling; `Mixtral`, a label's): the
    Ollama library spells its names in lower case, so where only the file's words speak of Ollama it names none."""
    found = parse(text)
    return found is not None and found.tag is None and found.name != found.name.lower()


def tagged(text: str) -> str | None:
    """A name the Ollama library knows with a tag (`llama3.1:8b`, `qwen2.5:7b-instruct`, `mistral:latest`), as
    written: under a model name it is Ollama's wherever it stands, since no Hub id and no hosted API's name is so
    spelled. Untagged library names (`mistral`, `llama2`) are also chat templates and families: they need Ollama in
    context (`recognise`)."""
    found = parse(text)
    if found is None or found.namespace is not None or found.tag is None:
        return None
    return canonical(text) if load_knowledge().ollama(found.name) is not None else None


# A tag that gives a model's size in parameters, Ollama's way, alone or before a variant and a quantisation: `258m`,
# `7b`, `0.5b`, `8x7b`, `2b-instruct-q4_K_M`. No Hub id carries a tag, and no hosted API's does so: OpenRouter's are
# words (`:free`, `:nitro`), Bedrock's a version after a dotted name (`:0`), Replicate's a hexadecimal digest.
_SIZE_TAG = re.compile(r"(?:\d+x)?\d+(?:\.\d+)?[bm](?:-[A-Za-z0-9._-]+)?", re.IGNORECASE)


def sized(text: str) -> str | None:
    """A user's model in a namespace with a size tag (`ibm/granite-docling:258m`, `huihui_ai/qwen3-abliterated:8b`),
    as written: Ollama's spelling alone, where a namespaced name without one (`org/name`) is a Hub id."""
    found = parse(text)
    if found is None or found.namespace is None or found.tag is None or not _SIZE_TAG.fullmatch(found.tag):
        return None
    return canonical(text)


def model_start(text: str) -> int:
    """Where the model of a string `prefixed` reads starts (after `ollama/`, `ollama://`); 0 for other strings."""
    match = _PREFIXED.fullmatch(text.strip())
    return match.start("model") + len(text) - len(text.lstrip()) if match else 0


def prefixed(text: str) -> tuple[Kind, str] | None:
    """A LiteLLM model string that routes to Ollama (`ollama/llama3`, `ollama_chat/llama3.2:3b`), or an `ollama://`
    URL (`ollama://gemma2:2b`)."""
    text = text.strip()
    match = _PREFIXED.fullmatch(text)
    if match is None or load_knowledge().server(text.partition(":")[0].lower()) or _HOST.fullmatch(match["model"]):
        return None  # `ollama/ollama:0.5` is the server's image, `ollama://localhost:11434` its address: no model
    found = recognise(match.group("model"), Context.CERTAIN)
    # `ollama/x` is also a GitHub or Hub path (`ollama/ollama-python`): only the `ollama:` provider says Ollama alone
    return found if found or not text.lower().startswith("ollama:") else _unlisted(match.group("model"))


# A name the `ollama:` prefix alone makes Ollama's, the library's table not knowing it (`ollama:bespoke-minicheck`,
# a model a user pulled or created): a name, not a version or a word an image's tag may be (`ollama:0.6`, `:latest`).
_UNLISTED = re.compile(r"[A-Za-z][A-Za-z0-9._]*(?:-[A-Za-z0-9._]+)+|[A-Za-z]+\d[A-Za-z0-9._]*")
_VERSION = re.compile(r"v?\d+(?:\.\d+)*(?:-\w+)?", re.IGNORECASE)


def _unlisted(model: str) -> tuple[Kind, str] | None:
    """An untagged name after an Ollama prefix, as Ollama's (resolved as an unknown model: it fails closed)."""
    name = model.strip()
    if not _UNLISTED.fullmatch(name) or _VERSION.fullmatch(name) or name.lower() in _IMAGE_TAG_WORDS:
        return None
    if name.lower().startswith(_PLACEHOLDER_STARTS):
        return None  # `ollama:my-private-model`, `ollama:your-model`: a stand-in for the reader's own
    return Kind.OLLAMA, name


def provided(text: str) -> tuple[Kind, str] | None:
    """An untagged name a setting says Ollama serves, the library's table not knowing it (`{"provider": "ollama",
    "model": "glm-ocr"}`, `{Engine.OLLAMA: {"model": "dots.ocr"}}`): as certain as the `ollama:` prefix (`_unlisted`),
    a dotted name too. Resolved as an unknown model, it fails closed."""
    name = text.strip()
    return _unlisted(name) or (_unlisted(name.replace(".", "-")) and (Kind.OLLAMA, name))


_PLACEHOLDER_STARTS = ("my-", "my_", "your-", "your_")
# Tags of Ollama's own image that an `ollama:` string may be (`ollama:rocm`, `ollama:0.6.1-rocm`).
_IMAGE_TAG_WORDS = frozenset({"latest", "rocm", "cuda", "cpu", "gpu", "main", "nightly"})


_HOST = re.compile(r"[\w.-]+:\d+(?:/.*)?")  # `host:port`, which no model's tag is (tags hold a letter: `7b`, `latest`)
