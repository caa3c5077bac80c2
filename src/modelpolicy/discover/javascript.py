"""JavaScript and TypeScript, parsed with tree-sitter: never run.

A reference is a string (or a module constant, class field, array or object literal that holds one) in

- the id position of a loader (`_LOADERS`): transformers.js `pipeline(task, ID)` and `X.from_pretrained(ID)`, WebLLM
  `CreateMLCEngine(ID)` and `engine.reload(ID)`, the Vercel AI SDK's provider functions (`openai("gpt-4o")`,
  `gateway("anthropic/claude-haiku-4.5")`, `gateway.languageModel(ID)`);
- the value of a key or the initialiser of a name that says it holds a model or dataset (`names`): `{model: ID}` in
  an OpenAI, Anthropic, @huggingface/inference, LangChain.js or ollama-js call, `const EMBEDDING_MODEL = ID`,
  `static model_id = ID`, and the items of a collection so named (`const MODELS = [ID, {id: ID}]`);
- a Hugging Face URL that is the whole string, or the literal start of a template (`${BASE}/x` aside).

An owner-less name counts in a loader's id position, or when the knowledge base knows it; a hosted API's model name
(`gpt-4o`, `anthropic/claude-haiku-4.5` through a gateway) is that API's; in a file that imports `ollama`, a model
named under a key is an Ollama library tag. A template literal with substitutions, a local path, an import
specifier or an unresolvable name is no reference. A file the grammar cannot read whole raises `SourceError` with
what it found in the rest.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from modelpolicy.discover import apis, names, ollama
from modelpolicy.discover.identity import (
    URL,
    URL_MARKERS,
    HubId,
    identify,
    library_owned,
    looks_like_path,
    name_shaped,
    parse_hub_id,
    parse_hub_url,
)
from modelpolicy.discover.images import IMAGE_MARKERS, whole_image
from modelpolicy.discover.interface import FileContext, NotRead, SourceError
from modelpolicy.discover.markers import Markers, holds_any, minimal_words, occurrences
from modelpolicy.discover.names import called_kind, collection_kind, picker_kind, plural_kind, tokenizer_lookup
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Reference

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Query

_ENDINGS = frozenset({"js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "svelte", "vue", "html", "htm"})
# Single-file components: only their `<script>` blocks are code; the rest (markup, styles) is blanked, lines kept.
_COMPONENTS = frozenset({"svelte", "vue"})
# Web pages, read as components are (their markup's options, their `<script>` blocks' code), except that a page is
# often a server's template (`{{ model }}`, `{% if %}` in a script) that only parses once rendered: what its scripts
# name is read as far as they parse, and a page that does not parse is no unreadable file.
_PAGES = frozenset({"html", "htm"})
# What a label shown to people holds and no id does: a blank or a bracket (`Claude-4.6-Opus (max)`, `GPT 4o`).
_LABEL = re.compile(r"[\s()\[\]]")

# The `type` of a `<script>` that holds JavaScript (none, `module`, `text/babel`...); `application/json`, `importmap`,
# `text/template` hold data or markup, blanked with the rest.
_SCRIPT_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
_CODE_TYPES = frozenset({"", "module", "text/javascript", "application/javascript", "text/babel", "text/jsx"})
_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.DOTALL | re.IGNORECASE)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MAX_DEPTH = 40  # how far an expression is followed through names, fields and operands
# How many expressions one value, and one file's values in all, are followed through: names bound to names bound to
# `a ?? b` double with each step. Past either, what was found so far is what the value or the file names.
_VALUE_BUDGET = 5_000
_FILE_BUDGET = 200_000
# The last word of a class whose instance is made of a model given to its constructor (`new CrossEncoderReranker(cfg,
# ID)`, `new TransformersEmbedder(ID)`); not `Model`, an ORM's record as often (`new DataModel("users/123")`), nor a
# class a program writes with (`names.WRITTEN`: `new UploadEmbeddings(...)`).
_MODEL_CLASS_WORDS = frozenset({"encoder", "reranker", "embedder", "embeddings", "tokenizer"})
# Every form read holds one of these words, case aside: a loader's or provider function's name, a key's, a URL's.
_MARKER_WORDS = (
    b"model",
    b"pretrained",
    b"pipeline",
    b"dataset",
    b"tokenizer",
    b"repo",
    b"mlcengine",
    b"reload",
    b"ollama",
    b"gateway",
    b"openai",
    b"anthropic",
    b"google",
    b"mistral",
    b"cohere",
    b"groq",
    b"xai",
    b"vertex",
    b"deepseek",
    b"azure",
    # Replicate's client (`replicate.run(ID)`) and endpoint (`api.replicate.com`), DeepInfra's provider function
    b"replicate",
    b"deepinfra",
    *URL_MARKERS,
    *apis.ROUTE_MARKERS,
    *IMAGE_MARKERS,
    # every word a name the reader reads may say what it holds with (`REFLECTION_LLM`, `deploymentName`, `lora_path`)
    *sorted(word.encode() for word in names.marker_words()),
    *sorted({ending[0].encode() for ending in apis.API_ENDINGS}),
    *sorted(word.encode() for word in _MODEL_CLASS_WORDS),  # `new CrossEncoderReranker(cfg, ID)`
)


# What a string that is a Hub URL, a routed name (`openai/gpt-4o`) or a model server's image holds, any case, written
# or behind an escape.
_URL_OR_ROUTE_WORDS = (*URL_MARKERS, *apis.ROUTE_MARKERS, *IMAGE_MARKERS, b"\\")


# What a name says it holds (`apis.name_kind`), kept for the many names of a bundle.
@lru_cache(maxsize=16_384)
def _name_kind(name: str) -> Kind | None:
    """`apis.name_kind`, but a model's type (`modelType`, `enum EmbeddingModelType`) is read by `_Finder._model_type`:
    an owner's id or a hosted API's name, never a word (`modelType: "llm"`)."""
    return None if _a_model_type(name) else apis.name_kind(name)


class _Mode:
    """How a value in a position is told apart: a Hub loader's id, a hosted API's model name, or a named value."""

    HUB = "hub"
    API = "api"
    NAMED = "named"


@dataclass(frozen=True)
class _Loader:
    """A call's id argument at `position`; `receiver` is a word the callee's object must hold (`engine.reload`)."""

    mode: str
    position: int
    receiver: str = ""


_HUB_LOADER = _Loader(_Mode.HUB, 0)
_API_LOADER = _Loader(_Mode.API, 0)
# The AI SDK's community Ollama providers (`import { ollama } from "ollama-ai-provider"`, `ai-sdk-ollama`): called by
# the name, in a file that imports an Ollama package, `ollama("llama3.1")` is given an Ollama library tag.
_OLLAMA_PROVIDER = "ollama"
_OLLAMA_PROVIDER_LOADER = _Loader(_Mode.NAMED, 0)
# By the callee's last name: `pipeline(...)`, `AutoModel.from_pretrained(...)`, `openai.chat(...)` is `chat` of
# `openai`, read through `_PROVIDERS` instead.
_LOADERS: dict[str, _Loader] = {
    "pipeline": _Loader(_Mode.HUB, 1),
    "from_pretrained": _HUB_LOADER,
    # WebLLM: `CreateMLCEngine(ID | [ID, ...])`, `engine.reload(ID)`
    "CreateMLCEngine": _HUB_LOADER,
    "CreateWebWorkerMLCEngine": _Loader(_Mode.HUB, 1),  # (worker, ID)
    "CreateServiceWorkerMLCEngine": _HUB_LOADER,
    "CreateExtensionServiceWorkerMLCEngine": _HUB_LOADER,
    "reload": _Loader(_Mode.HUB, 0, receiver="engine"),
    # The Vercel AI SDK: `gateway.languageModel(ID)`, `provider.textEmbeddingModel(ID)`
    "languageModel": _API_LOADER,
    "textEmbeddingModel": _API_LOADER,
    "imageModel": _API_LOADER,
    # and its other model kinds, of a provider or of a registry (`registry.speechModel("elevenlabs:eleven_v3")`)
    "embeddingModel": _API_LOADER,
    "transcriptionModel": _API_LOADER,
    "speechModel": _API_LOADER,
    "rerankingModel": _API_LOADER,
    "videoModel": _API_LOADER,
    # LangChain.js's universal constructor: `initChatModel("gpt-4o-mini")`, `initChatModel("openai:gpt-4o")`, and
    # `initChatModel("llama3.1", {modelProvider: "ollama"})`, an Ollama tag since its options say so
    "initChatModel": _API_LOADER,
}
# Calls that set a field by its name, written as a string: a form's, a query's or a map's (`formData.append("model",
# ID)`, the multipart body of a transcription request; `params.set("model", ID)`). What they set is read as the value
# of a key so named is (`{model: ID}`).
_KEYED_SETTERS = frozenset({"append", "set"})
# @huggingface/hub's functions that read one repository, by name: the key of the object they are given that names it
# (`modelInfo({name: ID})`, `downloadFile({repo: {type: "dataset", name: ID}, path})`,
# `parseSafetensorsMetadata({repo: ID})`), and what it is when its designation does not say (`type:`, `datasets/`).
_HUB_CLIENT: dict[str, tuple[str, Kind]] = {
    "modelInfo": ("name", Kind.MODEL),
    "datasetInfo": ("name", Kind.DATASET),
    **dict.fromkeys(
        (
            "downloadFile",
            "downloadFileToCacheDir",
            "snapshotDownload",
            "fileDownloadInfo",
            "fileExists",
            "listFiles",
            "pathsInfo",
            "parseSafetensorsMetadata",
        ),
        ("repo", Kind.MODEL),
    ),
}
# A repository's designation: `{type: "model" | "dataset" | "space", name}`, or a string `datasets/org/x`; a Space
# is no artefact of ours.
_REPO_TYPES: dict[str, Kind | None] = {"model": Kind.MODEL, "dataset": Kind.DATASET, "space": None}
_REPO_PREFIXES: dict[str, Kind | None] = {"models/": Kind.MODEL, "datasets/": Kind.DATASET, "spaces/": None}
# The Vercel AI SDK's provider instances, called (`openai("gpt-4o")`) or by method (`openai.responses("gpt-4o")`), and
# Replicate's client (`replicate.run("owner/name:version", {input})`, `replicate.stream(...)`).
_PROVIDERS = frozenset(
    {
        "openai",
        "anthropic",
        "google",
        "vertex",
        "mistral",
        "cohere",
        "groq",
        "xai",
        "deepseek",
        "azure",
        "gateway",
        "replicate",
        # the AI SDK's other providers whose model names a provider's patterns know (`bedrock("anthropic.claude-...")`,
        # `perplexity("sonar-pro")`, `cerebras("llama3.1-8b")`, `fireworks(...)`, `togetherai(...)`, `deepinfra(...)`)
        "bedrock",
        "perplexity",
        "cerebras",
        "fireworks",
        "togetherai",
        "deepinfra",
    }
)
# The keys of an object that say which provider it is or calls (`{provider: "ollama", model: ...}`, a provider's spec
# `{id: "ollama", defaultModelId: ...}`).
_PROVIDER_KEYS = frozenset(
    {"provider", "providerId", "provider_id", "providerName", "apiProvider", "modelProvider", "id", "type"}
)
# Words of a name that speak of what a program reads: the quoted keys of an object so named are ids, when owned.
# Modules whose import makes the file an Ollama client's: its `model:` values are Ollama library tags.
_OLLAMA_MODULES = frozenset({"ollama", "ollama/browser"})
# A framework's or an AI SDK's package for Ollama, named for it: `@llamaindex/ollama`, `@langchain/ollama`,
# `ollama-ai-provider`, `ai-sdk-ollama` (not `ollamazing`, `@acme/llama`).
_OLLAMA_PACKAGE = re.compile(r"(?:@[\w.-]+/)?(?:[\w.-]+-)?ollama(?:-[\w.-]+)?(?:/.*)?", re.IGNORECASE)
_OLLAMA_TAG = re.compile(r"[a-z0-9][a-z0-9._-]*(?:/[a-z0-9._-]+){0,2}(?::[\w.-]+)?", re.IGNORECASE)
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_WRAPPERS = frozenset(
    {"parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression", "await_expression"}
)
# Calls that give back their argument (`Object.freeze`, Vue's refs), and hooks that give `[value, setter]` for it.
_HOLDERS = frozenset({b"Object.freeze", b"ref", b"shallowRef", b"readonly", b"signal", b"writable"})
_STATE_HOOKS = frozenset({b"useState", b"React.useState", b"createSignal"})


def _name_words() -> re.Pattern[bytes]:
    """What a key or bound name that says what it holds (`apis.name_kind`, `named_kind` of a plural's singular,
    `collection_kind`) is written with, lower-cased: the first word of each ending the naming rule reads, followed by
    its other words (`data` then `path`), separators or nothing between; a backslash, for a key spelled with an
    escape."""
    endings = {*names.ENDINGS, *names.OLLAMA_ENDINGS, *names.LOCAL_ENDINGS, *apis.API_ENDINGS}
    endings |= {(word,) for word in names.COLLECTION_WORDS}
    plain = {first for first, *rest in endings if not rest}
    plain = minimal_words(plain)
    joined = {(first, *rest) for first, *rest in endings if rest and not any(word in first for word in plain)}
    patterns = [re.escape(word) for word in sorted(plain)]
    patterns += [
        re.escape(first) + "(?=" + "".join(f"[^a-z0-9]*{re.escape(w)}" for w in rest) + ")"
        for first, *rest in sorted(joined)
    ]
    return re.compile("|".join([*patterns, r"\\"]).encode())


_NAME_WORDS = _name_words()
# What the callee of a call `_Finder._call` reads (or its object, a provider) is written as, lower-cased.
_CALLEE_WORDS = tuple(
    sorted(
        word
        for name in {*_LOADERS, *_PROVIDERS, *_HUB_CLIENT, *_MODEL_CLASS_WORDS, _OLLAMA_PROVIDER}
        if not _NAME_WORDS.search(word := name.lower().encode())
    )
)
_KELVIN = "\u212a".encode()  # KELVIN SIGN, which lower-cases to `k`: a name may spell `tokenizer` with it
_FUNCTIONS = frozenset(
    {"function_declaration", "function_expression", "arrow_function", "method_definition", "generator_function"}
)


class JavaScriptSource:
    name = "javascript"
    stems: frozenset[str] = frozenset()
    # A JavaScript identifier or string may spell a word with `\u` or `\x` escapes.
    markers = Markers(_MARKER_WORDS, caseless=True, escapes=re.compile(rb"\\[ux]"))

    def wants(self, path: str) -> bool:
        name = path.rsplit("/", 1)[-1]
        return "." in name and name.rsplit(".", 1)[1].lower() in _ENDINGS

    def find(self, text: str, context: FileContext) -> list[Reference]:
        options: list[Reference] = []
        ending = context.path.rsplit(".", 1)[-1].lower()
        if _minified(text) and ending not in _COMPONENTS and ending not in _PAGES:
            raise NotRead(_MINIFIED_REASON)
        if ending in _COMPONENTS or ending in _PAGES:
            options = _markup_options(text, context)
            text = _scripts_only(text, page=ending in _PAGES)
            if ending in _PAGES and text.isspace():
                return options
        try:
            return _copies.read(text, context, self._read) + options
        except SourceError as error:
            if ending in _PAGES:
                return [*error.found, *options]
            raise SourceError(error.reason, line=error.line, found=[*error.found, *options]) from None

    def _read(self, text: str, context: FileContext) -> list[Reference]:
        data = text.encode("utf-8", "surrogatepass")
        tree = _parser(_dialect(context.path)).parse(data)
        root = tree.root_node
        lowered = data.lower()
        strings = _url_strings(root, lowered, _dialect(context.path))
        named = _named_positions(root, data, lowered)
        finder = _Finder(context, data, named or [], strings)
        if named is None or finder.follows_names(b"ollama" in lowered):  # every call, key and binding gathered
            gathered = _Finder(context, data, _gathered(root, _dialect(context.path)), strings)
            if named is not None:
                gathered.read_only(finder)
            finder = gathered
        found = finder.references()
        if b"value=" in lowered:
            found += _jsx_options(root, data, context)
            if b"<select" in lowered:
                found += _string_options(root, text, context)
        if b"replicate" in lowered:
            found += _replicate_versions(root, data, context)
        if b"ollama" in lowered:
            found += _ollama_commands(root, data, context)
        line = _error_line(tree.root_node, data, self.markers) if tree.root_node.has_error else None
        if line is not None:
            raise SourceError("javascript: syntax error", line=line, found=found)
        return found


# A minified bundle: a large file whose lines average more characters than any hand-written code's. Built or vendored
# code (pdf.js's worker, a Next.js chunk, tailwind's runtime) names what the code it was built from names, and that
# code is what the scan reads; parsing it costs a second or more a megabyte and, in 119 bundles of the benchmark and
# held-out repositories, found nothing the labels count. CodeQL leaves `*.min.js` out by default for the same reason.
_MINIFIED_BYTES = 16 * 1024
_MINIFIED_LINE = 1000  # characters a line, on average; hand-written code averages under 100
_MINIFIED_REASON = (
    "minified bundle (built or vendored code), not parsed: its models are named in the code it was built from; "
    "scan that code, or name the file under `--exclude` to leave it out of the report"
)


def _minified(text: str) -> bool:
    """Whether the text is a minified bundle: large, with lines averaging over `_MINIFIED_LINE` characters."""
    return len(text) >= _MINIFIED_BYTES and len(text) > _MINIFIED_LINE * (text.count("\n") + 1)


class _Copies:
    """What the last large files read named, by their text, grammar and tree: a bundle is often vendored in several
    places (a web build copied into each example), and a copy names what the first one did, at its own path."""

    _KEPT = 8
    _LARGE = 16 * 1024  # characters: a small file's copy costs less to read again than to keep

    def __init__(self) -> None:
        self.read_before: dict[tuple[str, str, object], tuple[list[Reference], SourceError | None]] = {}

    def read(
        self, text: str, context: FileContext, read: Callable[[str, FileContext], list[Reference]]
    ) -> list[Reference]:
        if len(text) < self._LARGE:
            return read(text, context)
        key = (text, _dialect(context.path), context.is_local_path)
        if key not in self.read_before:
            try:
                self.read_before[key] = (read(text, context), None)
            except SourceError as error:
                self.read_before[key] = (list(error.found), error)
            if len(self.read_before) > self._KEPT:
                del self.read_before[next(iter(self.read_before))]
        found, problem = self.read_before[key]
        placed = [replace(reference, path=context.path) for reference in found]
        if problem is not None:
            raise SourceError(problem.reason, line=problem.line, found=placed)
        return placed


_copies = _Copies()


def _scripts_only(text: str, page: bool = False) -> str:
    """A Svelte or Vue component (or a web `page`) with everything but its `<script>` blocks' code blanked, each
    character kept in place (a blank for each, line breaks as they are), so that positions in the code are positions in
    the file. A page's scripts of data or markup (`type="application/json"`) are blanked too."""
    kept: list[str] = []
    end = 0
    for script in _SCRIPT.finditer(text):
        if page and (typed := _SCRIPT_TYPE.search(script.group(1))) and typed.group(1).lower() not in _CODE_TYPES:
            continue
        kept.append(_NOT_NEWLINE.sub(" ", text[end : script.start(2)]))
        kept.append(script.group(2))
        end = script.end(2)
    kept.append(_NOT_NEWLINE.sub(" ", text[end:]))
    return "".join(kept)


# In a component's markup, the choices of a `<select>` or `<datalist>` (`<option value="whisper-1" />`): a value that
# is a hosted API's model name is one the user may pick, and the component sends it as the model. Only API names are
# read there (their providers' patterns say what they are); a bound value (`value={m.id}`) is the script's. Under a
# `<select>` whose `id` or `name` is a model's (`<select id="vectors_togetherai_model">`), a Hub id offered is one too.
_OPTION = re.compile(r"""<option\b[^>]*?\svalue\s*=\s*(["'])([^"'{}<>\s]+)\1""", re.IGNORECASE)
_SELECT = re.compile(r"<select\b[^>]*>", re.IGNORECASE)
_SELECT_NAME = re.compile(r"""\s(?:id|name)\s*=\s*["']([\w.:-]+)["']""", re.IGNORECASE)


def _markup_options(
    text: str, context: FileContext, kept: Callable[[int], bool] | None = None, named_only: bool = False
) -> list[Reference]:
    """The models a component's markup offers as `<option>` values, outside its `<script>` blocks (or, given `kept`,
    at the places it keeps); only under a `<select>` named for a model when `named_only`."""
    scripts = [] if kept else [(m.start(2), m.end(2)) for m in _SCRIPT.finditer(text)]
    selects = _Selects(text)
    found: list[Reference] = []
    for match in _OPTION.finditer(text):
        start = match.start(2)
        if any(first <= start < last for first, last in scripts) or (kept and not kept(start)):
            continue
        kind = selects.kind_at(match.start())
        decided = _option_model(match.group(2), kind, context) if kind or not named_only else None
        if decided is None:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line = text.count("\n", 0, start) + 1
        found.append(
            Reference(context.path, line, start - 1 - line_start, decided[1], decided[0], "javascript", "option")
        )
    return found


class _Selects:
    """The `<select>` elements of markup, and what each says it holds by its `id` or `name` (`names.named_kind`, or
    a picker's name: `model_options`): `<select id="vectors_openai_model">` holds models, `<select name="language">`
    other things."""

    _CLOSE = re.compile(r"</select\b", re.IGNORECASE)

    def __init__(self, text: str) -> None:
        self.openings = [(m.start(), m.end(), _select_name_kind(m.group(0))) for m in _SELECT.finditer(text)]
        self.starts = [start for start, _, _ in self.openings]
        self.closes = [m.start() for m in self._CLOSE.finditer(text)]

    def kind_at(self, at: int) -> Kind | None:
        """What the select an element at `at` is in holds; None outside one."""
        index = bisect.bisect_right(self.starts, at) - 1
        if index < 0:
            return None
        _, end, kind = self.openings[index]
        close = bisect.bisect_left(self.closes, end)
        return None if close < len(self.closes) and self.closes[close] < at else kind


def _select_name_kind(opening: str) -> Kind | None:
    name = _SELECT_NAME.search(opening)
    return None if name is None else names.named_kind(name.group(1)) or picker_kind(name.group(1))


def _option_model(value: str, kind: Kind | None, context: FileContext) -> tuple[Kind, str] | None:
    """What an option's value names: a hosted API's model; under a select named for models, a Hub id too."""
    if (name := _api_name(value)) is not None:
        return Kind.API, name
    if kind in (Kind.MODEL, Kind.DATASET):
        hub = identify(value, kind, context.is_local_path, single_names=False)
        return None if hub is None else (kind, hub.id)
    return None


def _string_options(root: Node, text: str, context: FileContext) -> list[Reference]:
    """`html = "<select id='openai-tts-model'><option value='tts-1'>..."`: the markup a script writes into
    the page, read as a component's is when the select is named for a model (a select of other things, or markup
    that only sits in a string, a test's fixture, says nothing of what is offered)."""

    def in_string(start: int) -> bool:
        at = len(text[:start].encode("utf-8", "surrogatepass"))
        node = root.descendant_for_byte_range(at, at + 1)
        if node is not None and node.type == "string_fragment":
            node = node.parent
        if node is None or node.type not in ("template_string", "string"):
            return False
        return node.parent is not None and node.parent.type != "jsx_attribute"  # JSX's own: `_jsx_options`

    return _markup_options(text, context, in_string, named_only=True)


# In JSX, a model picker's choices (`<select><option value="gpt-4o">...</option><option value="gpt-4o-mini">`, a
# component library's `<SelectItem value=ID />`, `<MenuItem>`, `<Select.Option>`): two or more hosted API names offered
# as values among one element's children are models a user picks; a lone option does not say which list it is in.
_JSX_OPTION = re.compile(rb"""<(?:option|[A-Za-z][\w.]*(?:Item|Option))\b[^<>]*?\svalue\s*=\s*(["'])([^"'{}<>\s]+)\1""")
_JSX_OPENINGS = frozenset({"jsx_opening_element", "jsx_self_closing_element"})


def _jsx_options(root: Node, data: bytes, context: FileContext) -> list[Reference]:
    """The API models two or more options of one JSX element offer as their `value`s."""
    offered: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for match in _JSX_OPTION.finditer(data):
        name = _api_name(match.group(2).decode("utf-8", "replace"))
        opening = root.descendant_for_byte_range(match.start(), match.start() + 1) if name else None
        opening = opening.parent if opening is not None else None
        if name is None or opening is None or opening.type not in _JSX_OPENINGS:
            continue  # a string or comment that holds markup is no element
        option = opening.parent if opening.type == "jsx_opening_element" else opening
        holder = option.parent if option is not None else None
        if holder is not None and holder.type == "jsx_element":
            offered.setdefault(_span(holder), []).append((match.start(2) - 1, name))
    found: list[Reference] = []
    for options in offered.values():
        for start, name in options if len(options) >= 2 else ():
            line, column = _place(data, start)
            found.append(Reference(context.path, line, column, name, Kind.API, "javascript", "option"))
    return found


# A script that runs `ollama pull` or `ollama run` (`container.exec(["ollama", "pull", "nomic-embed-text"])`,
# `spawn("ollama", ["run", ID])`, `execSync("ollama pull llama3.1")`): the model written there is the one fetched, as
# the shell source reads the command; a name given in a variable is the program's, not read here.
_OLLAMA_COMMAND = re.compile(
    rb"""(["'`])ollama\1\s*,\s*\[?\s*(["'`])(pull|run)\2\s*,\s*(["'`])([^"'`\s]+)\4"""
    rb"""|(["'`])\s*ollama\s+(pull|run)\s+([^"'`\s;&|$]+)[^"'`]*\6"""
)


def _ollama_commands(root: Node, data: bytes, context: FileContext) -> list[Reference]:
    """The Ollama models an `ollama pull` or `ollama run` written in a script's strings fetches (a namespaced
    `user/name` too: nothing but Ollama is meant there)."""
    found: list[Reference] = []
    for match in _OLLAMA_COMMAND.finditer(data):
        group = 5 if match.group(5) else 8
        node = root.descendant_for_byte_range(match.start(group), match.start(group) + 1)
        if node is None or node.type not in ("string_fragment", "template_string", "string"):
            continue  # a comment's command, or markup's
        recognised = ollama.recognise(match.group(group).decode("utf-8", "replace"), ollama.Context.CERTAIN)
        if recognised is not None:
            line, column = _place(data, match.start(group) - (1 if group == 5 else 0))
            command = (match.group(3) or match.group(7)).decode()
            found.append(
                Reference(context.path, line, column, recognised[1], recognised[0], "javascript", f"ollama {command}")
            )
    return found


# Replicate's predictions API given a model's version alone (`fetch("https://api.replicate.com/v1/predictions", {body:
# JSON.stringify({version: "854e87...", input})})`, `replicate.predictions.create({version, input})`): the version
# is the model Replicate runs, an API model whose own name is not written (`apis.toml` knows the spelling, in a file
# that calls Replicate).
_VERSION_KEY = re.compile(rb"""\bversion["']?\s*:\s*["']([0-9a-f]{64})["']""")


def _replicate_versions(root: Node, data: bytes, context: FileContext) -> list[Reference]:
    """The 64-digit versions written under a `version` key of an object, in a file that calls Replicate."""
    found: list[Reference] = []
    in_context: frozenset[str] | None = None
    for match in _VERSION_KEY.finditer(data):
        string = _pair_value(root, match.start(1), match.end(1))
        if string is None:
            continue  # a comment or a string that holds the text is no object's version
        if in_context is None:
            in_context = apis.contexts(data.decode("utf-8", "replace"), context.path)
        version = match.group(1).decode()
        if apis.named(version, in_context):
            line, column = _place(data, string.start_byte)
            found.append(Reference(context.path, line, column, version, Kind.API, "javascript", "version"))
    return found


def _pair_value(root: Node, start: int, end: int) -> Node | None:
    """The string spanning `start` to `end` when it is the value of an object's key (`{version: "..."}`), else None."""
    string = root.descendant_for_byte_range(start, end)
    while string is not None and string.type != "string":
        string = string.parent
    pair = string.parent if string is not None else None
    if pair is None or pair.type != "pair" or pair.child_by_field_name("value") != string:
        return None
    return string


def _place(data: bytes, at: int) -> tuple[int, int]:
    """The 1-based line and the column, in characters, of the byte `at` of a file's text."""
    line_start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, len(data[line_start:at].decode("utf-8", "replace"))


def _dialect(path: str) -> str:
    ending = path.rsplit(".", 1)[-1].lower()
    dialects = {"ts": "typescript", "mts": "typescript", "cts": "typescript", "tsx": "tsx", "html": "javascript"}
    dialects["htm"] = "javascript"
    return dialects.get(ending, "typescript" if ending in _COMPONENTS else "javascript")


@lru_cache(maxsize=3)
def _parser(dialect: str) -> Parser:
    from tree_sitter import Parser

    return Parser(_language(dialect))


@lru_cache(maxsize=3)
def _language(dialect: str) -> Language:
    """Imported here: tree-sitter and its grammars load only when a JavaScript or TypeScript file is read."""
    from tree_sitter import Language

    if dialect == "javascript":
        import tree_sitter_javascript

        return Language(tree_sitter_javascript.language())
    import tree_sitter_typescript

    grammar = tree_sitter_typescript.language_tsx if dialect == "tsx" else tree_sitter_typescript.language_typescript
    return Language(grammar())


# The kinds of node `_Finder._visit` reads: calls, pairs, bindings, named functions, imports.
_GATHERED = (
    "call_expression",
    "new_expression",
    "pair",
    "variable_declarator",
    "field_definition",
    "public_field_definition",
    "assignment_expression",
    "function_declaration",
    "import_statement",
    "jsx_attribute",
    # declarations whose name says they hold a model: a parameter's default (`model = ID`, `{modelName = ID}`), an
    # enum (`enum Models {Fast = ID}`), a type of string literals (`type ModelId = ID | ID`, `model: ID | ID;`)
    "assignment_pattern",
    "object_assignment_pattern",
    "required_parameter",
    "optional_parameter",
    "enum_declaration",
    "type_alias_declaration",
    "property_signature",
    "method_definition",
    # a switch over a value named for a model (`switch (settings.model) { case "gpt-4o": ... }`): its cases' ids
    "switch_statement",
)


def _gathered(root: Node, dialect: str) -> list[Node]:
    """The tree's nodes of the `_GATHERED` kinds in the order a walk meets them (each before what it holds), found by
    tree-sitter rather than by visiting each of the tree's nodes from Python: most of a bundle's nodes are of none."""
    from tree_sitter import QueryCursor

    found = QueryCursor(_gathering(dialect)).captures(root).get("node", [])
    # The cursor gives them in no useful order. A walk meets them by where they start, and of two that start at the
    # same byte the one holding the other first (no two of these kinds span the same bytes): sorted by end, longest
    # first, then, keeping that order among equals, by start.
    found.sort(key=attrgetter("end_byte"), reverse=True)
    found.sort(key=attrgetter("start_byte"))
    return found


@lru_cache(maxsize=3)
def _gathering(dialect: str) -> Query:
    from tree_sitter import Query

    language = _language(dialect)
    kinds = " ".join(f"({kind})" for kind in _GATHERED if language.id_for_node_kind(kind, True) is not None)
    return Query(language, f"[{kinds}] @node")


def _says_kind(name: str) -> bool:
    """Whether `_Finder._named` may read a binding of this name."""
    return bool(_name_kind(name) or plural_kind(name) or collection_kind(name))


_MAX_POSITION_WORDS = 2000


def _named_positions(root: Node, data: bytes, lowered: bytes) -> list[Node] | None:
    """The calls, pairs and bindings at whose callee, key or bound name one of `_CALLEE_WORDS` or `_NAME_WORDS` is
    written, in the order `_gathered` gives them; None when a name may be spelled otherwise (`_KELVIN`). Every
    position `_Finder.references` reads is among them, so when none of them is one, the file's other nodes need not
    be gathered: a bundle of thousands of calls that names no model costs its parse and its few words, not a walk of
    its calls."""
    if _KELVIN in data:
        return None
    words = list(itertools.islice(_position_words(lowered), _MAX_POSITION_WORDS + 1))
    if len(words) > _MAX_POSITION_WORDS:
        return None  # finding each word's node costs the tree's depth: many words in a deep tree are read the usual way
    found: dict[tuple[int, int, str], Node] = {}
    for at, length in words:
        node = root.descendant_for_byte_range(at, at + length)
        position = _position_of(node) if node is not None else None
        if position is not None:
            found.setdefault((position.start_byte, position.end_byte, position.type), position)
    return sorted(found.values(), key=lambda node: (node.start_byte, -node.end_byte))


def _position_words(lowered: bytes) -> Iterator[tuple[int, int]]:
    """Where each word that a position's name must hold is written (start, length); a backslash stands for a key
    whose word is spelled with an escape."""
    yield from occurrences(lowered, _CALLEE_WORDS)
    for match in _NAME_WORDS.finditer(lowered):
        yield match.start(), match.end() - match.start()


def _position_of(node: Node) -> Node | None:
    """The call, pair or binding whose callee (or its object), key or bound name is `node`, the node a word is
    written in; None when it is none of these."""
    if node.type in ("string_fragment", "escape_sequence") and node.parent is not None:
        node = node.parent  # a quoted key's text
    parent = node.parent
    if parent is None:
        return None
    grandparent = parent.parent
    if parent.type == "member_expression" and grandparent is not None and _callee_node(grandparent) == parent:
        return grandparent  # `X.from_pretrained(...)`, `openai.responses(...)`
    if _callee_node(parent) == node or _bound_node(parent) == node or _field_value(parent, node):
        return parent
    bound_in = ("array_pattern", "member_expression")
    if parent.type in bound_in and grandparent is not None and _bound_node(grandparent) == parent:
        return grandparent  # `const [model, setModel] = useState(ID)`, `config.model = ID`
    for holder in (parent, grandparent):  # a declaration named for a model: `function getModel()`, `<Chat model=...>`
        if holder is not None and holder.type in _DECLARATIONS:
            return holder
    # `const task = process.env.TASK_MODEL ?? ID`, `switch (chatSettings.model)`, `formData.append("model", ID)`
    return _declared_default(parent) or _switch_of(node) or _shorthand_call(node) or _keyed_setter_of(node)


def _shorthand_call(node: Node) -> Node | None:
    """`create({ model, messages })`: the call a `{model}` shorthand is given to."""
    given = node.parent.parent if node.type == "shorthand_property_identifier" and node.parent is not None else None
    return given.parent if given is not None and given.type == "arguments" else None


def _declared_default(read: Node) -> Node | None:
    """The binding whose value is `a.X ?? b` (or `||`), `read` its `a.X`, as written or wrapped (`(a.X ?? b) as
    string`); None for any other place."""
    default = read.parent
    if read.type != "member_expression" or default is None or default.type != "binary_expression":
        return None
    holder = default.parent
    while holder is not None and holder.type in _WRAPPERS:
        holder = holder.parent
    return holder if holder is not None and holder.type == "variable_declarator" else None


def _switch_of(node: Node) -> Node | None:
    """The switch statement over `node`, or over a field that `node` names: `switch (model)`,
    `switch (chatSettings.model)`."""
    current, parent = node, node.parent
    if parent is not None and parent.type == "member_expression" and parent.child_by_field_name("property") == current:
        current, parent = parent, parent.parent
    if parent is not None and parent.type == "parenthesized_expression":
        current, parent = parent, parent.parent
    if parent is not None and parent.type == "switch_statement" and parent.child_by_field_name("value") == current:
        return parent
    return None


# The kinds of `_GATHERED` that are read by the name they declare (not a call, a pair or a binding, which
# `_position_of` finds by their callee or bound name): a word in that name, or in a parameter or attribute it holds,
# makes the declaration a position to read.
_CALLS_AND_BINDINGS = frozenset(
    {"call_expression", "new_expression", "pair", "variable_declarator", "field_definition", "public_field_definition"}
)
_DECLARATIONS = frozenset(_GATHERED) - _CALLS_AND_BINDINGS - {"assignment_expression", "import_statement"}
_NAMES = frozenset({"identifier", "shorthand_property_identifier", "member_expression", "subscript_expression"})


def _names_constants(node: Node) -> bool:
    """Whether a value is a name, or an array with a name among its items: what `_Finder._literal` follows to the
    literal the name is bound to."""
    node = _unwrapped(node)
    items = node.named_children if node.type == "array" else [node]
    return any(_unwrapped(item).type == "identifier" for item in items)


def _holds_name(node: Node) -> bool:
    """Whether an expression holds a name, a field or a subscript anywhere in it: what `_Finder.values` may follow."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in _NAMES:
            return True
        stack.extend(current.children)
    return False


def _spreads(node: Node) -> bool:
    """Whether an array literal spreads other values into itself (`[...openaiModels, ...googleModels]`)."""
    node = _unwrapped(node)
    return node.type == "array" and any(child.type == "spread_element" for child in node.named_children)


def _field_value(pair: Node, node: Node) -> bool:
    """Whether `node` is the quoted value of a pair, as a form's field says which setting it is (`{key: "model"}`)."""
    return pair.type == "pair" and node.type == "string" and pair.child_by_field_name("value") == node


def _callee_node(node: Node) -> Node | None:
    if node.type == "call_expression":
        return node.child_by_field_name("function")
    return node.child_by_field_name("constructor") if node.type == "new_expression" else None


def _keyed_setter_of(key: Node) -> Node | None:
    """The call of a method of `_KEYED_SETTERS` given the string `key` first and one more argument
    (`x.append(KEY, V)`), or None."""
    arguments = key.parent
    call = arguments.parent if key.type == "string" and arguments is not None else None
    if call is None or call.type != "call_expression" or arguments is None or arguments.type != "arguments":
        return None
    function = call.child_by_field_name("function")
    method = function.child_by_field_name("property") if function and function.type == "member_expression" else None
    given = arguments.named_children
    setter = method is not None and (method.text or b"").decode("utf-8", "replace") in _KEYED_SETTERS
    return call if setter and len(given) == 2 and given[0] == key else None


def _field_or_default(field: Node) -> Node | None:
    """A class field's value: written after `=`, else the `default` its decorator gives it (`@Prop({default: ID})
    model!: string`, as class-validator's, ORMs' and API-schema decorators write a field's default)."""
    value = field.child_by_field_name("value")
    if value is not None:
        return value
    for decorator in (child for child in field.named_children if child.type == "decorator"):
        call = next((child for child in decorator.named_children if child.type == "call_expression"), None)
        arguments = call.child_by_field_name("arguments") if call is not None else None
        for given in (node for node in arguments.named_children if node.type == "object") if arguments else ():
            for pair in (node for node in given.named_children if node.type == "pair"):
                key = pair.child_by_field_name("key")
                if key is not None and key.text == b"default":
                    return pair.child_by_field_name("value")
    return None


_BOUND_FIELDS = {"pair": "key", "variable_declarator": "name", "assignment_expression": "left"}


def _bound_node(node: Node) -> Node | None:
    """A pair's key, or the name a binding binds (`_Finder._visit`)."""
    if node.type in ("field_definition", "public_field_definition"):
        return node.child_by_field_name("property") or node.child_by_field_name("name")
    field = _BOUND_FIELDS.get(node.type)
    return node.child_by_field_name(field) if field else None


_LITERALS = frozenset({"string", "template_string"})
# Nodes that open a scope of their own: a name bound inside one is not the module's.
_SCOPES = frozenset(
    {"statement_block", "class_body", "function_declaration", "function_expression", "arrow_function"}
    | {"method_definition", "generator_function_declaration", "generator_function"}
)


def _at_top_level(node: Node) -> bool:
    """Whether a bound value stands in the module's own scope, in no function, class or block."""
    parent = node.parent
    while parent is not None:
        if parent.type in _SCOPES:
            return False
        parent = parent.parent
    return True


def _url_strings(root: Node, lowered: bytes, dialect: str) -> list[Node]:
    """The strings and templates in whose own text (not a substitution's) a URL's or a route's word, or an escape, is
    written, in the order they are written: only those can be a Hub URL or a routed name, or start with a URL. Found
    from where the words are, rather than by reading each of a bundle's thousands of strings; where the words are
    many (finding each one's node costs the tree's depth), by reading each string's own text."""
    hits = list(itertools.islice(_url_words(lowered), _MAX_POSITION_WORDS + 1))
    if len(hits) > _MAX_POSITION_WORDS:
        return [node for node in _strings(root, dialect) if _holds_url_word(node, lowered)]
    found: dict[int, Node] = {}
    for at, length in hits:
        node = root.descendant_for_byte_range(at, at + length)
        if node is not None and node.type not in _STRINGS:
            node = node.parent  # the fragment or escape a string is written in
        if node is not None and node.type in _STRINGS:
            found.setdefault(node.start_byte, node)
    return [found[start] for start in sorted(found)]


def _url_words(lowered: bytes) -> Iterator[tuple[int, int]]:
    return iter(occurrences(lowered, _URL_OR_ROUTE_WORDS))


def _strings(root: Node, dialect: str) -> list[Node]:
    from tree_sitter import QueryCursor

    found = QueryCursor(_string_query(dialect)).captures(root).get("node", [])
    return sorted(found, key=attrgetter("start_byte"))


@lru_cache(maxsize=3)
def _string_query(dialect: str) -> Query:
    from tree_sitter import Query

    return Query(_language(dialect), "[(string) (template_string)] @node")


def _holds_url_word(node: Node, lowered: bytes) -> bool:
    """Whether a word of `_URL_OR_ROUTE_WORDS` is written in a string's own text, outside its substitutions."""
    own = bytearray(lowered[node.start_byte : node.end_byte])
    for child in node.children:
        if child.type == "template_substitution":
            own[child.start_byte - node.start_byte : child.end_byte - node.start_byte] = bytes(
                child.end_byte - child.start_byte
            )
    return holds_any(bytes(own), _URL_OR_ROUTE_WORDS)


_STRINGS = frozenset({"string", "template_string"})


def _error_line(root: Node, data: bytes, markers: Markers) -> int | None:
    """The first line of a part the grammar could not read whose lines may name an artefact (hold a marker word).
    The grammar recovers around what it cannot read, and it misses some of what compilers accept (`&` in JSX text):
    JSX text and lines that cannot name anything are no reason to report the file unreadable."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error and _is_jsx_text(node, data):
            continue
        if node.is_error or node.is_missing:
            start = data.rfind(b"\n", 0, node.start_byte) + 1
            end = data.find(b"\n", node.end_byte)
            if markers.admit(data[start : len(data) if end < 0 else end], ""):
                return node.start_point[0] + 1
            continue
        stack.extend(reversed([child for child in node.children if child.has_error or child.is_missing]))
    return None


def _is_jsx_text(node: Node, data: bytes) -> bool:
    """Text among an element's children that the grammar rejects (`Size & Performance`) and compilers accept: prose,
    which holds no form this source reads."""
    parent = node.parent
    text = data[node.start_byte : node.end_byte]
    return parent is not None and parent.type == "jsx_element" and not any(c in text for c in b"{}<>")


@dataclass(frozen=True)
class _Value:
    """A string a name or expression stands for, and the string node it is written at."""

    node: Node
    text: str


class _Finder:
    """One file's tree: its names' bindings, gathered once, then each position read."""

    def __init__(self, context: FileContext, data: bytes, nodes: list[Node], strings: list[Node]) -> None:
        self.context = context
        self.data = data
        self.bindings: dict[str, list[Node]] = {}
        self.fields: dict[str, list[Node]] = {}
        self.functions: dict[tuple[int, int], str] = {}  # a named function's name, by its node's span
        self.calls: list[tuple[Node, str, str]] = []  # each call with its callee's name and object (`_callee`)
        self.calls_to: dict[str, list[Node]] = {}  # the calls of a plain name: `run(...)`
        self.budget = _FILE_BUDGET
        self.value_budget = _VALUE_BUDGET
        self.breaks: list[int] | None = None  # where each line after the first starts, when some end in `\r`
        self.pairs: list[Node] = []
        self.attributes: list[Node] = []  # JSX attributes: `<Chat model="gpt-4o" />`
        self.returning: list[tuple[str, Node]] = []  # functions named for a model: `function getModel() {...}`
        self.strings = strings  # those that may be a URL or a routed name (`_url_strings`)
        self.named: list[tuple[str, Node]] = []
        self.ollama = False
        self.api_contexts: frozenset[str] | None = None  # the providers the file shows it calls, when first asked
        self.ollama_server: bool | None = None  # whether the file shows an Ollama server, when first asked
        self.cards: set[tuple[int, int]] = set()  # the objects whose ids `_sibling_ids` read, by span
        self.label_columns: dict[tuple[int, str], bool] = {}  # `_labels_column`, by array and key
        self.found: dict[int, Reference] = {}
        for node in nodes:
            self._visit(node)

    # --- the nodes read, in the order they are written ---

    def _visit(self, node: Node) -> None:
        kind = node.type
        if kind in ("call_expression", "new_expression"):
            callee, receiver = self._callee(node)
            self.calls.append((node, callee, receiver))
            if callee and not receiver:
                self.calls_to.setdefault(callee, []).append(node)
        elif kind == "pair":
            self.pairs.append(node)
        elif kind == "jsx_attribute":
            self.attributes.append(node)
        elif kind in _DECLARED:
            name_field, value_field = _DECLARED[kind]
            self._declared(node.child_by_field_name(name_field), node.child_by_field_name(value_field))
        elif kind == "variable_declarator":
            self._bind(node.child_by_field_name("name"), node.child_by_field_name("value"), self.bindings)
        elif kind in ("field_definition", "public_field_definition"):
            name = node.child_by_field_name("property") or node.child_by_field_name("name")
            self._bind(name, _field_or_default(node), self.fields)
        elif kind == "assignment_expression":
            self._bind(node.child_by_field_name("left"), node.child_by_field_name("right"), self.bindings)
            self._assigned_field(node.child_by_field_name("left"), node.child_by_field_name("right"))
        elif kind == "function_declaration" and (name := node.child_by_field_name("name")) is not None:
            self.functions[_span(node)] = self.text(name)
            self._named_function(self.text(name), node)
        elif kind == "method_definition" and (name := node.child_by_field_name("name")) is not None:
            self._named_function(self.text(name), node)
        elif kind == "import_statement" and (module := node.child_by_field_name("source")) is not None:
            self.ollama = self.ollama or _ollama_module(self.string(module))
        elif kind == "switch_statement":
            self._switch(node)

    def _bind(self, name: Node | None, value: Node | None, into: dict[str, list[Node]]) -> None:
        if name is not None and value is not None and name.type == "array_pattern":
            name, value = _state(name, value)
        if name is None or value is None or name.type not in ("identifier", "property_identifier"):
            return
        identifier = self.text(name)
        into.setdefault(identifier, []).append(value)
        if value.type == "arrow_function":
            self.functions.setdefault(_span(value), identifier)
            self._named_function(identifier, value)
        elif value.type == "call_expression" and self._callee(value)[0] == "require":
            arguments = value.child_by_field_name("arguments")
            first = arguments.named_children[0] if arguments and arguments.named_children else None
            self.ollama = self.ollama or (first is not None and _ollama_module(self.string(first)))
        self.named.append((identifier, value))

    def _assigned_field(self, target: Node | None, value: Node | None) -> None:
        """`config.model = "gpt-4o"`, `state.modelConfig.model = ID`: a field set by its name, read as a named value
        (`_named`), not bound (which `obj.model` it is the file does not say)."""
        if target is None or value is None or target.type != "member_expression":
            return
        field = target.child_by_field_name("property")
        if field is not None and field.type == "property_identifier":
            self.named.append((self.text(field), value))

    def _switch(self, switch: Node) -> None:
        """`switch (chatSettings.model) { case "gpt-4o": ... }`: a switch over a name or field named for a model
        routes each case's model (to a deployment, an endpoint, a price); its quoted cases are read as named values.
        A switch over anything else (`provider`, `action.type`) names nothing."""
        value = switch.child_by_field_name("value")
        subject = _unwrapped(value) if value is not None else None
        if subject is not None and subject.type == "member_expression":
            subject = subject.child_by_field_name("property")
        if subject is None or subject.type not in ("identifier", "property_identifier"):
            return
        name = self.text(subject)
        body = switch.child_by_field_name("body")
        if _name_kind(name) is None or body is None:
            return
        for case in body.named_children:
            label = case.child_by_field_name("value") if case.type == "switch_case" else None
            if label is not None and label.type == "string":
                self.named.append((name, label))

    def _named_function(self, name: str, function: Node) -> None:
        if _name_kind(name) is not None or collection_kind(name) is not None:
            self.returning.append((name, function))

    def _declared(self, name: Node | None, value: Node | None) -> None:
        """A declaration read as a named value (`_named`), not bound: a parameter's default, an enum's body, a type."""
        if name is None or value is None:
            return
        if value.type == "type_annotation" and value.named_children:
            value = value.named_children[0]
        if name.type in (
            "identifier",
            "type_identifier",
            "property_identifier",
            "shorthand_property_identifier_pattern",
        ):
            self.named.append((self.text(name), value))

    # --- the positions read ---

    def follows_names(self, ollama: bool) -> bool:
        """Whether reading the positions gathered may need what the file binds: a loader's or a provider's call, a key
        that says what it holds, a JSX attribute or a function named for a model, given an expression that holds a
        name (`values` follows it to its bindings, fields and arguments); a binding or key read for a model, in a file
        that may be an Ollama client's (`ollama`: its imports and calls tell). The bindings `_named` reads are read as
        written."""
        calls = [
            call
            for call, name, receiver in self.calls
            if name in _LOADERS
            or name in _PROVIDERS
            or name in _HUB_CLIENT
            or receiver.lower() in _PROVIDERS
            or (call.type == "new_expression" and _chat_model_class(name))
        ]
        pairs = [
            pair for pair in self.pairs if (name := self._key(pair.child_by_field_name("key"))) and _name_kind(name)
        ]
        provider = any(name == _OLLAMA_PROVIDER and not receiver for _, name, receiver in self.calls)
        if ollama and (pairs or provider or any(_says_kind(name) for name, _ in self.named)):
            return True  # `ollama("llama3.1")` counts where the file imports an Ollama package
        if any(_says_kind(name) and _spreads(value) for name, value in self.named):
            return True  # `DEFAULT_MODELS = [...openaiModels.map(...), ...]`: the lists spread are read (`_api_list`)
        if any(_says_kind(name) and _names_constants(value) for name, value in self.named):
            return True  # `MODEL_NAMES = [FAST, SMART]`, `CHAT_MODEL = FAST`: the literals the names are bound to
        given = [call.child_by_field_name("arguments") for call in calls]
        given += [shorthand for call, _, _ in self.calls for shorthand in self._model_shorthands(call)]
        given += [pair.child_by_field_name("value") for pair in pairs]
        given += [attribute.named_children[-1] for attribute in self.attributes if attribute.named_children]
        given += [function for _, function in self.returning]  # what it returns may be a name: `return DEFAULT`
        return any(node is not None and _holds_name(node) for node in given)

    def read_only(self, positions: _Finder) -> None:
        """Read the positions `positions` gathered (those at the words their names hold: `_named_positions`), and the
        arrays bound under any name (`_api_list`), following names through every binding this finder gathered: a
        bundle of thousands of calls and keys whose few named positions follow a name costs a walk of its bindings,
        not a reading of each call and key. Each is read in the order this finder met it."""
        self.ollama = self.ollama or any(receiver == "ollama" for _, _, receiver in self.calls)
        calls = {_span(call) for call, _, _ in positions.calls}
        pairs = {_span(pair) for pair in positions.pairs}
        attributes = {_span(attribute) for attribute in positions.attributes}
        returning = {(name, _span(function)) for name, function in positions.returning}
        named = {(name, _span(value)) for name, value in positions.named}
        self.calls = [call for call in self.calls if _span(call[0]) in calls]
        self.pairs = [pair for pair in self.pairs if _span(pair) in pairs]
        self.attributes = [attribute for attribute in self.attributes if _span(attribute) in attributes]
        self.returning = [(name, node) for name, node in self.returning if (name, _span(node)) in returning]
        self.named = [
            (name, value)
            for name, value in self.named
            if (name, _span(value)) in named or _unwrapped(value).type == "array"
        ]

    def references(self) -> list[Reference]:
        self.ollama = self.ollama or any(receiver == "ollama" for _, _, receiver in self.calls)
        for call, name, receiver in self.calls:
            self._call(call, name, receiver)
        for pair in self.pairs:
            self._pair(pair)
        for attribute in self.attributes:
            self._attribute(attribute)
        for name, function in self.returning:
            self._returned(name, function)
        for name, value in self.named:
            self._named(name, value)
            self._env_default(name, value)
        for node in self.strings:
            self._url(node)
        return sorted(self.found.values(), key=lambda r: (r.line, r.column))

    def _call(self, call: Node, name: str, receiver: str) -> None:
        self._called_with(call, name)
        if name in _HUB_CLIENT:
            self._hub_client(call, name)
        if call.type == "new_expression" and _constructs_a_model(name):
            self._constructed(call, name)
        if call.type == "new_expression" and _chat_model_class(name):
            self._chat_shorthand(call, name)
        self._iterated_shorthands(call)
        loader = _LOADERS.get(name)
        if (name in _PROVIDERS or receiver.lower() in _PROVIDERS) and not _predicate(name):
            loader = _API_LOADER
        elif name == _OLLAMA_PROVIDER and not receiver and self.ollama:
            loader = _OLLAMA_PROVIDER_LOADER  # ollama-ai-provider's `ollama("llama3.1")`: the library's tag
        if loader is None or (loader.receiver and loader.receiver not in receiver.lower()):
            return
        arguments = call.child_by_field_name("arguments")
        if arguments is None or arguments.type != "arguments" or len(arguments.named_children) <= loader.position:
            return
        given = arguments.named_children[loader.position]
        if loader.mode == _Mode.API and self._ollama_options(arguments, given):
            self._ollama_given(given, name)
            return
        for value in self.values(given):
            self._report(value, loader.mode, Kind.MODEL, name)

    def _called_with(self, call: Node, name: str) -> None:
        """`setModel("gpt-4o")`, a request builder's `.model(ID)`, `loadModel("org/x")`: a string written as an
        argument of a function whose name says it is given a model or dataset (`names.called_kind`, as the Python
        source reads such calls), a hosted API's name or an `owner/name` id; and `formData.append("model", ID)`, a
        field set by its name (`_KEYED_SETTERS`), read as `{model: ID}` is. Not a predicate's (`isReasoningModel(ID)`
        asks about a name). Only strings written there: a name passed is read where it is bound, if its own name says
        what it holds."""
        arguments = call.child_by_field_name("arguments") if call.type == "call_expression" else None
        given = arguments.named_children if arguments is not None and arguments.type == "arguments" else []
        if name in _KEYED_SETTERS and len(given) == 2:
            key = self.string(given[0]) if given[0].type == "string" else None
            kind = _name_kind(key) if key else None
            if kind is not None and key is not None and _unwrapped(given[1]).type in _STRINGS:
                for value in self._literal(given[1]):
                    self._report(value, _Mode.NAMED, kind, key)
            return
        called = called_kind(name) if name and name not in _LOADERS and not _predicate(name) else None
        for argument in given if called is not None else ():
            if called is not None and _unwrapped(argument).type in _STRINGS:
                for value in self._literal(argument):  # named, not in an API's position: in a provider's folder
                    self._report(value, _Mode.NAMED, called, name)  # `useModelSelection("bedrock")` is no model

    def _ollama_options(self, arguments: Node, given: Node) -> bool:
        """`initChatModel("llama3.1", {modelProvider: "ollama"})`: another argument of a call given an API's model is
        an object that says Ollama serves it."""
        return any(
            argument != given and self._ollama_card(_unwrapped(argument)) for argument in arguments.named_children
        )

    def _ollama_given(self, given: Node, name: str) -> None:
        """The Ollama library's names (or a tagged one) an argument stands for; a Hub id Ollama pulls is the Hub's."""
        for found in self.values(given):
            recognised = ollama.recognise(found.text, ollama.Context.NAMED)
            if recognised is not None:
                self._add(found.node, recognised[1], recognised[0], name, None)

    def _constructed(self, call: Node, name: str) -> None:
        """`new CrossEncoderReranker(config, "Xenova/ms-marco-MiniLM-L-6-v2")`: a Hub id (`owner/name`) written as an
        argument of a class named for a model, an encoder or a reranker is the model it is made of (the strings
        written there only: a name given is the caller's)."""
        arguments = call.child_by_field_name("arguments")
        for argument in arguments.named_children if arguments is not None else ():
            if _unwrapped(argument).type == "string":
                for value in self.values(argument):
                    if "/" in value.text:
                        self._report(value, _Mode.NAMED, Kind.MODEL, name)

    def _iterated_shorthands(self, call: Node) -> None:
        """`MODELS.map((model) => new ChatOpenAI({ model }))`, `it.each([ID, ...])("%s", (model) => make({ model }))`:
        a `{model}` shorthand given to a call, whose name is the variable of a loop or of a callback over a list,
        holds each of the list's items. A name bound otherwise is read where it is bound (`_named`)."""
        for shorthand in self._model_shorthands(call):
            name = self.text(shorthand)
            kind = _name_kind(name)
            if kind is None:
                continue
            for item in self._iterated(shorthand, name, 0):
                for found in self.values(item, 1):
                    self._report(found, _Mode.NAMED, kind, name)

    def _model_shorthands(self, call: Node) -> list[Node]:
        """The `{model}` shorthands, named for what they hold, of the object literals a call is given."""
        arguments = call.child_by_field_name("arguments")
        return [
            child
            for argument in (arguments.named_children if arguments is not None else ())
            if argument.type == "object"
            for child in argument.named_children
            if child.type == "shorthand_property_identifier" and _name_kind(self.text(child))
        ]

    def _chat_shorthand(self, call: Node, name: str) -> None:
        """`new ChatOpenAI("gpt-4o")`, `new ChatBedrockConverse(modelId, {region})`: LangChain.js's chat models take
        their model's name as the first argument, in place of `{model: ...}`; a hosted API's name there is that
        API's (an `owner/name` a provider serves, the Hub's), and a class named for Ollama (`new ChatOllama("llama3")`)
        is given a library tag. Options given first (`{model}`) are read as any object's keys."""
        arguments = call.child_by_field_name("arguments")
        given = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        if given is None or _unwrapped(given).type == "object":
            return
        if ollama.callee(name):
            self._ollama_given(given, name)
            return
        for value in self.values(given):
            self._report(value, _Mode.API, Kind.MODEL, name)

    def _hub_client(self, call: Node, name: str) -> None:
        """`modelInfo({name: ID})`, `listFiles({repo: {name: ID, type: "dataset"}})`: the repository an
        @huggingface/hub function reads, of the kind its designation says."""
        key, kind = _HUB_CLIENT[name]
        arguments = call.child_by_field_name("arguments")
        given = arguments.named_children[0] if arguments is not None and arguments.named_children else None
        value = self._object_value(_unwrapped(given), key) if given is not None else None
        if value is None:
            return
        designation: Kind | None = kind
        if _unwrapped(value).type == "object":
            designation = self._repo_type(_unwrapped(value), kind)
            value = self._object_value(_unwrapped(value), "name")
        for found in self.values(value) if value is not None and designation is not None else ():
            prefix = next((p for p in _REPO_PREFIXES if found.text.startswith(p)), "")
            typed = _REPO_PREFIXES[prefix] if prefix else designation
            if typed is not None:
                self._report(replace(found, text=found.text.removeprefix(prefix)), _Mode.HUB, typed, name)

    def _object_value(self, node: Node, key: str) -> Node | None:
        """The value of `key` in an object literal (`{repo: ID}`), or None."""
        if node.type != "object":
            return None
        for pair in node.named_children:
            if pair.type == "pair" and self._key(pair.child_by_field_name("key")) == key:
                return pair.child_by_field_name("value")
        return None

    def _repo_type(self, designation: Node, kind: Kind) -> Kind | None:
        """The kind a `{type, name}` designation says, `kind` when it says none, None for a Space or a type unknown."""
        typed = self._object_value(designation, "type")
        if typed is None:
            return kind
        text = self.string(typed)
        return _REPO_TYPES.get(text) if text is not None else None

    def _pair(self, pair: Node) -> None:
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        name = self._key(key)
        kind = _name_kind(name) if name else None
        if kind is None and name and value is not None and _unwrapped(value).type == "array":
            kind = picker_kind(name)  # a picker's choices under a key: `name_or_path_options: [{value: ID, label}]`
        if kind is None and name and value is not None:
            self._unnamed_pair(name, value, pair.parent)
        if kind is None or value is None or name is None or self._labels_column(pair, name):
            return
        self._ollama_values(pair, kind, name)
        for found in self.values(value):
            self._report(found, _Mode.NAMED, kind, name)
        self._sibling_ids(pair)
        argument = _call_argument(value)
        if argument is not None:  # `{model: lmstudio("qwen2.5")}`: a provider instance the file made, given the id
            for found in self.values(argument):
                self._report(found, _Mode.NAMED, kind, name)
        items = _unwrapped(value)
        if items.type == "object":  # `model: {id: "gpt-4o", provider: "openai"}`, `model: {default: ID, enum: [...]}`
            for found in [*self._literal(items), *self._setting(items)]:
                self._report(found, _Mode.NAMED, kind, name)
        if items.type == "array":  # `chatModels: [{id: "gpt-4o", displayName: "GPT-4o"}]`: each card's id
            for item in items.named_children:
                if _unwrapped(item).type == "object":
                    for found in self._literal(item):
                        self._report(found, _Mode.NAMED, kind, name)

    def _labels_column(self, pair: Node, name: str) -> bool:
        """Whether the records of the array a pair's object stands in write labels under its key: a leaderboard's
        `[{model: "OpenAI/GPT-5-high", avgAcc: 48.2}, {model: "Anthropic/Claude-4.6-Opus (max)", ...}]` names its rows
        for people (a blank or a bracket in one of them), and none of its values is an id. Asked once per array."""
        record = pair.parent
        table = record.parent if record is not None and record.type == "object" else None
        if table is None or table.type != "array":
            return False
        column = (table.start_byte, name)
        if column not in self.label_columns:
            texts = (self.string(value) for item in table.named_children if (value := self._object_value(item, name)))
            self.label_columns[column] = any(text is not None and _LABEL.search(text) for text in texts)
        return self.label_columns[column]

    def _ollama_card(self, card: Node | None) -> bool:
        """`{provider: "ollama", model: "command-r:35b"}`, a provider's spec `{id: "ollama", defaultModelId: ID}`: an
        object whose provider is Ollama, by a key that says which provider (`_PROVIDER_KEYS`)."""
        if card is None or card.type != "object":
            return False
        for pair in card.named_children:
            key = self._key(pair.child_by_field_name("key")) if pair.type == "pair" else None
            value = pair.child_by_field_name("value") if key in _PROVIDER_KEYS else None
            if value is not None and value.type == "string" and (self.string(value) or "").lower() == "ollama":
                return True
        return False

    def _provider_keyed(self, name: str, value: Node) -> None:
        """`{openai: "gpt-4o-mini"}`: a string under a hosted provider's own key is that provider's model when its
        patterns say so; a label (`OpenAI`) or a key's name names nothing, and an `owner/name` is read as anywhere."""
        text = self.string(value) if value.type == "string" else None
        if text and "/" not in text and apis.named(text):
            self._add(value, text, Kind.API, name, None)

    def _ollama_values(self, pair: Node, kind: Kind, name: str) -> None:
        """The values under a model's key in an Ollama provider's object: a library name or a tagged one is Ollama's,
        before a hosted API's patterns are asked (`command-r:35b` is the library's, not Cohere's; `deepseek-v4-flash:
        0731` no API's); any other value is read as under any model's key."""
        value = pair.child_by_field_name("value")
        if kind is not Kind.MODEL or value is None or not self._ollama_card(pair.parent):
            return
        for found in self.values(value):
            recognised = ollama.recognise(found.text, ollama.Context.NAMED)
            if recognised is not None and recognised[0] is Kind.OLLAMA:
                self._add(found.node, recognised[1], Kind.OLLAMA, name, None)

    def _unnamed_pair(self, name: str, value: Node, parent: Node | None) -> None:
        """A key that names no model but says where models are: a form's field (`{key: "model", default: ID}`), a key
        named as a model's type (`_model_type`), a table of aliases (`modelConversions: {"llama3-8b": ID}`)."""
        if name in names.FIELD_KEYS:
            self._field(name, value, parent)
        if name not in _PROVIDER_KEYS and apis.is_provider_key(name):
            self._provider_keyed(name, value)
        if _a_model_type(name):
            self._model_type(name, value)  # LlamaIndex's `new HuggingFaceEmbedding({modelType: "BAAI/bge-small-en"})`
        table = collection_kind(name)
        if table is not None and (items := _unwrapped(value)).type == "object":
            self._alias_map(name, items, table)  # `modelConversions: {"llama3-8b": "llama3-8b-8192"}`

    def _sibling_ids(self, pair: Node) -> None:
        """`{modelId: "llama3-70b-8192", hostedId: "llama3-70b-4096", provider: "groq"}`: in a model's card, another
        key that is an id (`hostedId`, `apiId`, `providerModelId`) holds the name a provider is sent when its value is
        a hosted API's model name; a user's, a chat's or a request's id is none, and names nothing."""
        card = pair.parent
        if card is None or card.type != "object" or _span(card) in self.cards:
            return  # each card once: an object of many model keys is read in one pass, not once for each
        self.cards.add(_span(card))
        for sibling in card.named_children:
            key = self._key(sibling.child_by_field_name("key")) if sibling.type == "pair" else None
            value = sibling.child_by_field_name("value") if key else None
            if key is None or value is None or value.type != "string" or _name_kind(key) is not None:
                continue
            text = self.string(value) if names.split_words(key)[-1:] == ("id",) else None
            found = self._hosted_or_local(text, _Mode.API, Kind.API) if text else None
            if found is not None:
                self._add(value, found[1].id, found[0], key, None)

    def _field(self, key: str, value: Node, description: Node | None) -> None:
        """`{key: "model", type: "select", default: ID, options: [{label, value: ID}]}`: a form's field for a setting
        named for a model (`names.FIELD_KEYS` say which), read as values under the setting's name: its default, the
        values offered, and its `value` unless that key names the field."""
        setting = self.string(value) if _unwrapped(value).type == "string" else None
        kind = _name_kind(setting) if setting else None
        if kind is None or setting is None or description is None or description.type != "object":
            return
        offered = names.FIELD_OPTION_KEYS if key == "value" else (*names.FIELD_OPTION_KEYS, "value")
        for found in self._setting(description, offered):
            self._report(found, _Mode.NAMED, kind, setting)

    def _setting(self, description: Node, keys: tuple[str, ...] = names.SETTING_KEYS) -> Iterator[_Value]:
        """The strings of a setting's description under `keys` (those of a schema's setting, `names.SETTING_KEYS`,
        unless told): its values."""
        entries = {self._key(key): entry for key, entry in _entries(description)}
        for key in keys:
            if key in entries:
                yield from self._literal(entries[key])

    def _returned(self, name: str, function: Node) -> None:
        """`function getModel(tier) { if (tier === "fast") return "gpt-4o-mini"; return "gpt-4o"; }`, `const
        defaultModel = () => "gpt-4o"`: what a function named for a model returns, read as a value under its name
        (its own returns, not those of functions nested in it); of a function named for a table of models
        (`function buildVertexModels() { return {...generated, "claude-fable-5": info}; }`), the quoted keys of the
        object it returns that are ids, as those of a constant so named."""
        kind, table = _name_kind(name), collection_kind(name)
        body = function.child_by_field_name("body")
        if body is None:
            return
        returned = [body] if body.type != "statement_block" else _returns(body)
        for value in returned:
            if kind is not None:
                for found in self._literal(value):
                    self._report(found, _Mode.NAMED, kind, name)
            if table is not None and (container := _unwrapped(value)).type == "object":
                self._collection_keys(name, container, table)

    def _attribute(self, attribute: Node) -> None:
        """`<ModelPicker defaultModel="gpt-4o" />`, `model={"gpt-4o"}`: a JSX attribute named for a model, read as a
        key of that name is."""
        children = attribute.named_children
        if len(children) != 2 or children[0].type != "property_identifier":
            return
        name, value = self.text(children[0]), children[1]
        if value.type == "jsx_expression":
            if not value.named_children:
                return
            value = value.named_children[0]
        kind = _name_kind(name)
        if kind is not None:
            for found in self.values(value):
                self._report(found, _Mode.NAMED, kind, name)

    def _named(self, name: str, value: Node) -> None:
        """`const EMBEDDING_MODEL = ID`, `static model_id = ID`, the items of `const MODELS = [...]`, and the quoted
        keys of an object whose name speaks of models (`TOKENIZER_OPTIONS = {"org/x": "Label"}`)."""
        kind = _name_kind(name)
        if kind is None and _unwrapped(value).type in _TYPE_BODIES and _a_model_type(name):
            self._model_type(name, value)
            return
        if kind is not None:
            for found in [*self._literal(value), *self._made_with(value)]:
                self._report(found, _Mode.NAMED, kind, name)
            if name[-1:] not in "sS":  # `const MODELS = {fast: ID, smart: ID}`: a collection's items, read below
                return
        container = _defined(_unwrapped(value))
        kind = plural_kind(name)
        if kind is None and container.type == "array":
            kind = picker_kind(name)
            if kind is None:
                self._api_list(name, container)
        if kind is None and _grouped_lists(container):  # `MODEL_LIST = {openai: [ID, ...], groq: [ID, ...]}`
            kind = picker_kind(name)
        if kind is not None and container.type == "object":
            self._provider_lists(name, container)
        if kind is not None and container.type in ("array", "object"):
            for item in self._items(container):
                for found in self._literal(item):
                    self._report(found, _Mode.NAMED, kind, name)
        kind = collection_kind(name)
        if kind is not None and container.type == "object":
            self._collection_keys(name, container, kind)

    def _provider_lists(self, name: str, container: Node) -> None:
        """`MODEL_LIST = {openrouter: ["meta-llama/llama-3.3-70b-instruct", ...], openai: [...]}`: in a table of models
        keyed by provider, a list under a provider's name holds that provider's names; an `owner/name` it serves by its
        route is its API's model (`apis.routed_by_any`), not the Hub's; a plain name is read as any other item is."""
        for key, value in _entries(container):
            providers = apis.routing_providers(names.split_words(self._key(key) or ""))
            if not providers or (listed := _unwrapped(value)).type != "array":
                continue
            for found in self._literal(listed):
                served = apis.routed_by_any(providers, found.text.strip())
                if served is not None:
                    self._add(found.node, served, Kind.API, name, None)

    def _collection_keys(self, name: str, container: Node, kind: Kind) -> None:
        """The quoted keys of an object named for models that are ids: `{"org/x": "Label"}`, `{"gpt-4o": {price:
        5}}`, a card's key beside its provider's endpoint (`{"r1-1776": {contextWindow: 128000}}`, not the program's
        name a table maps to the provider's, `{"qwen3-235b": "qwen3-235b-a22b-instruct-2507"}`); not the program's
        aliases (`_alias_map`)."""
        aliases = self._alias_map(name, container, kind)
        if kind is Kind.MODEL and self._ollama_table(name, container):
            return
        for key, value in _entries(container):
            unquoted = key is not None and key.type == "property_identifier" and _span(key) not in aliases
            if key is not None and unquoted and _api_name(word := self.text(key)):  # `O1_MODELS = {o1: {...}}`
                self._report(_Value(key, word), _Mode.NAMED, kind, name)
            if key is None or key.type != "string" or not (text := self.string(key)) or _span(key) in aliases:
                continue
            of_a_card = _unwrapped(value).type == "object"
            if "/" in text or _api_name(text) or (of_a_card and self._api_in_context(text)):
                self._report(_Value(key, text), _Mode.NAMED, kind, name)
        for _, card in _entries(container):
            self._card_api_names(name, _unwrapped(card))

    def _ollama_table(self, name: str, container: Node) -> bool:
        """`const EMBEDDING_MODELS = {"nomic-embed-text": {dimensions: 768}, "mxbai-embed-large": ..., "all-minilm":
        ...}`: in a file that shows an Ollama server, a table named for models whose quoted keys are mostly names the
        Ollama library knows (`ollama.table`) is a table of Ollama's models, each key one, as the Python source reads
        it; a table named for Ollama (`OLLAMA_BASE_MODELS = {"qwen3.6": {pulls: 5800000}, ...}`) needs fewer known."""
        keys = [
            (key, text)
            for key, _ in _entries(container)
            if key is not None and key.type == "string" and (text := self.string(key))
        ]
        named = ollama.named_for(name)
        if not keys or not self._shows_ollama_server() or not ollama.table([text for _, text in keys], named=named):
            return False
        for key, text in keys:
            if (listed := ollama.listed(text)) is not None:
                self._add(key, listed, Kind.OLLAMA, name, None)
        return True

    def _shows_ollama_server(self) -> bool:
        if self.ollama_server is None:
            self.ollama_server = ollama.server_in(self.data.decode("utf-8", "replace"), self.context.path)
        return self.ollama_server

    def _card_api_names(self, name: str, card: Node) -> None:
        """`ALL_AVAILABLE_REPLICATE_MODELS = {"llama-3-70b": {contextWindow: 8192, replicateApi: "meta/meta-llama-3-70b-
        instruct"}}`: in a card of a table named for models, a field whose value is wholly a hosted API's name (by its
        provider's own patterns) is the name the program sends; a label (`GPT-4o`) or a word names nothing."""
        if card.type != "object":
            return
        for _, field in _entries(card):
            text = self.string(field) if field.type == "string" else None
            if text and _api_name(text):
                self._report(_Value(field, text), _Mode.NAMED, Kind.API, name)

    def _model_type(self, name: str, value: Node) -> None:
        """`enum EmbeddingModelType { MINILM = "Xenova/all-MiniLM-L6-v2" }`, `{modelType: "BAAI/bge-small-en-v1.5"}`:
        the members of an enum or a type named as a model's type, or a key so named, when written as ids (an owner and
        a name, a hosted API's name, a name a library loads from its own organisation: `"all-MiniLM-L6-v2"`). Most such
        types and keys hold kinds of model (`"chat" | "embedding"`, `Vision = "vision"`, `modelType: "llm"`): a word
        names nothing there, nor an Ollama tag."""
        for found in self._literal(value):
            text = found.text.strip()
            owned = "/" in text or library_owned(text) is not None  # `MINILM = "all-MiniLM-L6-v2"`: a library's own
            hub = identify(text, Kind.MODEL, self.context.is_local_path, single_names=False) if owned else None
            if _api_name(text):
                self._report(found, _Mode.NAMED, Kind.API, name)
            elif hub is not None:  # an owner's model, in a file that calls Ollama too
                self._add(found.node, hub.id, Kind.MODEL, name, hub.revision)

    def _made_with(self, value: Node) -> list[_Value]:
        """`const model = amazonBedrock("us.anthropic.claude-...")`: the literal id a provider instance the file made
        is given, bound to a model's name as under a model's key (`{model: lmstudio(ID)}`); what a call that builds a
        path or reads a module or file is given (`path.join("src/models", name)`, `require("gpt-3-encoder")`): none.
        A method called on what another call made (`new ChatOllama({...}).bindTools([{name: "get_weather"}])`) is
        given tools, schemas or settings, unless it is given a name alone (`createOpenAI({...}).chat("gpt-4o")`)."""
        call = _unwrapped(value)
        function = call.child_by_field_name("function") if call.type == "call_expression" else None
        if function is None or self.text(function).rpartition(".")[2] in _PATH_CALLS:
            return []
        if tokenizer_lookup(self.text(function)):  # `const tokenizer = getEncoding("gpt2")`: an encoding's name
            return []
        argument = _call_argument(call)
        if argument is None or (_chained(function) and _unwrapped(argument).type not in ("string", "template_string")):
            return []
        return list(self._literal(argument))

    def _alias_map(self, name: str, container: Node, kind: Kind) -> set[tuple[int, int]]:
        """`modelConversion = {"llama3-8b": "llama3-8b-8192"}`, `modelMap = {"mistral-7b": "mistral:7b"}`: in a table
        named for models that maps names to names, a value written as an id (a Hub id, a hosted API's name, a tagged
        Ollama name) is the model the name stands for, read under the table's name; its key is the program's own alias,
        and names nothing unless it is written as an id itself (`{"gpt-4o": "gpt-4o-2024-08-06"}`). The spans of those
        keys are returned. A bare word (`"llama2"`, a chat template's name) or a label (`"GPT-4o"`, `"gpt-4 /
        gpt-3.5-turbo"`) is no such value; a key that is a Hub id (`{"Xenova/gpt-4": "gpt-4"}`) is a picker's id and
        label, and a table whose keys are all written as words (`{stop: "gpt-4o"}`) is a setting's: those are left as
        they are, unless every one of its two or more values is written as an id (`modelMap = {fast: "gpt-4o-mini",
        smart: "gpt-4o"}`, a table of tiers). Among quoted aliases, one written as a word is an alias too (`gemma2:
        "gemma2-9b-it"`)."""
        entries: list[tuple[Node, Node, str, bool]] = []  # key, value, the value's text, whether the key is quoted
        for key, written in _entries(container):
            value = _unwrapped(written)
            text = self.string(value) if value.type == "string" else None
            quoted = key is not None and key.type == "string"
            alias = (self.string(key) if quoted else self.text(key)) if key is not None else None
            if key is None or key.type == "shorthand_property_identifier" or not alias or "/" in alias:
                continue
            if text and self._id_written(text.strip()):
                entries.append((key, value, text, quoted))
        aliases: set[tuple[int, int]] = set()
        values = [_unwrapped(value) for _, value in _entries(container)]
        named = [value for value in values if value.type == "string" and name_shaped(self.string(value) or "")]
        tiers = len(values) >= 2 and len(entries) == len(values)  # `{fast: ID, smart: ID}`: every value an id
        if not (tiers or any(quoted for *_, quoted in entries)) or 2 * len(named) <= len(values):
            return aliases  # most entries map a name to a name: `{temperature: 0.2, stop: "x"}` is settings
        for key, value, text, quoted in entries:
            self._report(_Value(value, text), _Mode.NAMED, kind, name)
            alias = (self.string(key) if quoted else self.text(key)) or ""
            if value.start_byte in self.found and not self._id_written(alias):  # `{"gpt-4o": "gpt-4o-2024-08-06"}`
                aliases.add(_span(key))
        return aliases

    def _id_written(self, text: str) -> bool:
        """Whether a table's value is written as an id rather than a word: owner and name, a hosted API's name (by
        itself or in the file's provider's context), or an Ollama name with its tag."""
        if not text or any(blank.isspace() for blank in text):
            return False
        return "/" in text or bool(_api_name(text) or self._api_in_context(text) or ollama.tagged(text))

    def _env_default(self, name: str, value: Node) -> None:
        """`process.env.TASK_MODEL ?? ID` (or `||`; `import.meta.env.X`, `env.X`) bound to a name that says nothing
        (`_named` reads the others): the default of a variable named for a model names one, as Python's
        `os.getenv("TASK_MODEL", ID)` does."""
        value = _unwrapped(value)
        if _name_kind(name) is not None or value.type != "binary_expression":
            return
        if self.text(value.child_by_field_name("operator")) not in ("??", "||"):
            return
        read, default = value.child_by_field_name("left"), value.child_by_field_name("right")
        read = None if read is None else _unwrapped(read)
        if read is None or default is None or read.type != "member_expression":
            return
        source, variable = read.child_by_field_name("object"), self.text(read.child_by_field_name("property"))
        kind = _name_kind(variable)
        if kind is not None and source is not None and self.text(source).rpartition(".")[2].lower() == "env":
            for found in self._literal(default):
                self._report(found, _Mode.NAMED, kind, variable)

    def _url(self, node: Node) -> None:
        """A string wholly a Hub URL, a routed name or a model server's image; a template whose literal start holds a
        whole repository's URL."""
        if node.type == "string":
            text = self.string(node)
            api = _api_name(text.strip()) if text is not None and apis.routed(text) else None
            if api is not None:  # a name routed to a hosted API (`"openai/gpt-4o"`), wherever it is written
                self._add(node, api, Kind.API, "routed", None)
                return
            found = parse_hub_url(text.strip()) if text is not None and URL.fullmatch(text.strip()) else None
            image = whole_image(text) if found is None and text is not None else None
            if image is not None:  # a model server's image, as a whole string (`"nvcr.io/nim/meta/...:1.8.0"`)
                self._add(node, image, Kind.IMAGE, "image", None)
                return
            # a route that names its model, or a whole URL's `model=` query (`"wss://...realtime?model=ID"`)
            hosted = apis.url_model(text.strip()) if found is None and text else None
        else:
            start = self._template_start(node)
            found = _url_in_start(start) if start else None
            hosted = _api_url_in_start(start) if start and found is None else None
        if hosted is not None:  # a hosted API's route that names its model (`.../models/gemini-2.5-flash:predict`)
            self._add(node, hosted, Kind.API, "url", None)
        if found is not None:
            kind, hub = found
            self._add(node, hub.id, kind, "url", hub.revision)

    # --- deciding what a value names ---

    def _report(self, value: _Value, mode: str, kind: Kind, form: str) -> None:
        text = value.text.strip()
        if not text or self.context.is_local_path(text):
            return
        if looks_like_path(text) and not _api_name(text):  # Google's `models/text-embedding-004` is no folder
            return
        decided = self._decide(text, mode, kind)
        if decided is not None:
            self._add(value.node, decided[1].id, decided[0], form, decided[1].revision)

    def _decide(self, text: str, mode: str, kind: Kind) -> tuple[Kind, HubId] | None:
        if mode == _Mode.HUB:
            hub = identify(text, kind, self.context.is_local_path, single_names=True)
            return None if hub is None else (kind, hub)
        routed = ollama.prefixed(text) if kind is Kind.MODEL and text[:6].lower() == "ollama" else None
        if routed is not None:  # `initChatModel("ollama:qwen2.5:14b")`, `{model: "ollama/llama3"}`: Ollama's, by route
            return routed[0], HubId(routed[1], None)
        # beside an Ollama client a `model:` is an Ollama tag, but `{model: "gpt-4o"}` is still OpenAI's
        ollama_tag = self.ollama and mode == _Mode.NAMED and kind is Kind.MODEL and _OLLAMA_TAG.fullmatch(text)
        if ollama_tag and not _hosted_only(text):
            return Kind.OLLAMA, HubId(text, None)
        hosted = self._hosted_or_local(text, mode, kind) or (self._behind_provider(text) if mode == _Mode.API else None)
        if hosted is not None:
            return hosted
        hub = identify(text, kind, self.context.is_local_path, single_names=False)
        if hub is None or kind is Kind.API or (mode == _Mode.API and "/" not in hub.id):
            return None  # under `azure_deployment:` or `engine:`, a hosted API's model or nothing
        return kind, hub

    def _behind_provider(self, text: str) -> tuple[Kind, HubId] | None:
        """In a provider's id position: a provider registry's `groq:gemma2-9b-it` (whatever the key), or a gateway's
        `xai/grok-3`, a hosted model whose terms are not known, unless its owner's API takes the name back as open
        weights (`openai/gpt-oss-120b`, the Hub's model)."""
        registered = _registered_name(text)
        api = (_api_name(registered) or self._api_in_context(registered)) if registered else None
        if api is not None:
            return Kind.API, HubId(api, None)
        if text.partition("/")[0] in _PROVIDERS and parse_hub_id(text) and not _owners_open_weights(text):
            return Kind.API, HubId(text, None)
        return None

    def _hosted_or_local(self, text: str, mode: str, kind: Kind) -> tuple[Kind, HubId] | None:
        """A hosted API's model name, or, under a model's name beside an Ollama server, an Ollama model."""
        api = _api_name(text) or self._api_in_context(text)
        if api is not None:
            return Kind.API, HubId(api, None)
        local = self._beside_ollama(text) if mode == _Mode.NAMED and kind is Kind.MODEL else None
        return None if local is None else (Kind.OLLAMA, HubId(local, None))

    def _beside_ollama(self, text: str) -> str | None:
        """`fetch(OLLAMA_URL + "/api/chat", {body: JSON.stringify({model: "llama3.1:8b"})})`: in a file that shows an
        Ollama server (its name, its port) but imports no client, a value under a model's name is an Ollama model
        when the Ollama library knows the name or it carries a tag, as the config source reads it."""
        if tag := ollama.tagged(text):
            return tag  # `const model = "llama3.1:8b"`: Ollama's spelling, with or without a server in sight
        found = ollama.recognise(text, ollama.Context.NAMED) if self._shows_ollama_server() else None
        return found[1] if found is not None and found[0] is Kind.OLLAMA else None

    def _api_in_context(self, text: str) -> str | None:
        """A name only a provider's context makes its (`generalv3.5` where iFlytek Spark's endpoint is written,
        `nvidia/nv-embedqa-e5-v5` beside a `ChatNVIDIA`), as the other sources read it (`apis.named`)."""
        if self.api_contexts is None:
            self.api_contexts = apis.contexts(self.data.decode("utf-8", "replace"), self.context.path)
        if not self.api_contexts or (text != text.lower() and load_knowledge().provider(text) is not None):
            return None  # `GPT-4o` is a label of a name any file reads in lower case (`_api_name`)
        return apis.named(text, self.api_contexts)

    def _api_list(self, name: str, container: Node) -> None:
        """`const xAIModes = ["grok-2", "grok-3"]`, `const options = [{label: "GPT-4o", value: "gpt-4o"}, ...]`: an
        array of two or more strings or cards, every one a hosted API's model name or holding one as its id or value
        (`names.ITEM_KEYS`), is a list of models whatever it is called."""
        items = [item for item in container.named_children if item.type != "comment"]
        if len(items) < 2 or any(_unwrapped(item).type not in ("string", "object") for item in items):
            return
        names: list[_Value] = []
        for item in items:
            held = [value for value in self._literal(item) if _api_name(value.text)]
            if not held:
                return
            names += held
        for value in names:
            self._report(value, _Mode.NAMED, Kind.API, name)

    def _add(self, node: Node, text: str, kind: Kind, form: str, revision: str | None) -> None:
        if node.start_byte in self.found:
            return
        line, start = self._line(node)
        column = len(self.data[start : node.start_byte].decode("utf-8", "replace"))
        self.found[node.start_byte] = Reference(
            self.context.path, line, column, text, kind, "javascript", form, revision
        )

    def _line(self, node: Node) -> tuple[int, int]:
        """The 1-based line a node starts on and that line's first byte. The grammar ends lines at `\n` alone; a
        file that ends some at a lone `\r` is counted as the other sources count it (`\r\n`, `\r`, `\n`)."""
        if b"\r" not in self.data:
            row, column = node.start_point
            return row + 1, node.start_byte - column
        if self.breaks is None:
            self.breaks = [match.end() for match in _LINE_BREAK.finditer(self.data)]
        index = bisect.bisect_right(self.breaks, node.start_byte)
        return index + 1, self.breaks[index - 1] if index else 0

    # --- what an expression stands for ---

    def values(self, node: Node, depth: int = 0) -> Iterator[_Value]:
        """The strings an expression may be: a literal, a name's bindings, `this.x` and `Class.x` fields, an
        array's items, `MODELS[0]`, both sides of `a ?? b` and `c ? a : b`, a parameter's arguments."""
        node = _unwrapped(node)
        if depth == 0:
            self.value_budget = _VALUE_BUDGET
        self.budget -= 1
        self.value_budget -= 1
        if depth > _MAX_DEPTH or self.budget < 0 or self.value_budget < 0:
            return
        kind = node.type
        if kind in ("string", "template_string"):
            text = self.string(node)
            if text is not None:
                yield _Value(node, text)
        elif kind in ("identifier", "shorthand_property_identifier"):
            yield from self._name(node, depth)
        elif kind == "member_expression":
            yield from self._member(node, depth)
        else:
            for part in self._parts(node, depth):
                yield from self.values(part, depth + 1)

    def _parts(self, node: Node, depth: int) -> list[Node]:
        """What a compound expression may be: an array's items, `MODELS[0]` (every item of MODELS), both branches
        of `c ? a : b`, both sides of `a ?? b` and `a || b`."""
        kind = node.type
        if kind == "subscript_expression" and (target := node.child_by_field_name("object")) is not None:
            return [item for container in self._containers(target, depth + 1) for item in self._items(container)]
        if kind == "array":
            return list(node.named_children)
        if kind == "ternary_expression":
            fields = ("consequence", "alternative")
        elif kind == "binary_expression" and self.text(node.child_by_field_name("operator")) in ("??", "||"):
            fields = ("left", "right")
        else:
            return []
        return [part for field in fields if (part := node.child_by_field_name(field)) is not None]

    def _name(self, node: Node, depth: int) -> Iterator[_Value]:
        name = self.text(node)
        for bound in self.bindings.get(name, ()):
            yield from self.values(bound, depth + 1)
        yield from self._arguments(node, name, depth)
        for item in self._iterated(node, name, depth):
            yield from self.values(item, depth + 1)

    def _iterated(self, node: Node, name: str, depth: int) -> Iterator[Node]:
        """What a name stands for when it is the variable of a loop over a list (`for (const c of CANDIDATES)`) or the
        first parameter of a callback given a list (`CANDIDATES.map((c) => ...)`, `mapLimit(CANDIDATES, 4, async (c)
        => ...)`): the list's items, whose fields `{model: c.value}` reads; or, destructured from each item (`for
        (const { value } of CANDIDATES)`, `({ value: id }) => ...`), that field of each. A list is an array literal,
        written or bound to a name, or an object literal's values (`Object.values(MODELS)`)."""
        for listed, field in _iterated_lists(node, name, self.text):
            values_of = (
                _first_argument(_unwrapped(listed), _OBJECT_VALUES) if listed.type == "call_expression" else None
            )
            items: list[Node] = []
            for container in self._containers(values_of or listed, depth + 1):
                if container.type == "array" and values_of is None:
                    items += container.named_children
                elif container.type == "object" and values_of is not None:
                    items += [value for _, value in _entries(container)]
            if not field:
                yield from items
                continue
            column = int(field[1:]) if field.startswith("#") else None
            for item in items:
                for card in self._containers(item, depth + 1):
                    if card.type == "object":
                        yield from (value for key, value in _entries(card) if self._key(key) == field)
                    elif card.type == "array" and column is not None and column < len(card.named_children):
                        yield card.named_children[column]  # `it.each([["openai", ID]])("%s", (_, model) => ...)`

    def _member(self, node: Node, depth: int) -> Iterator[_Value]:
        target = node.child_by_field_name("object")
        member = self.text(node.child_by_field_name("property"))
        if target is not None and target.type in ("this", "identifier") and member in self.fields:
            for bound in self.fields[member]:
                yield from self.values(bound, depth + 1)
            return
        for container in self._containers(target, depth + 1) if target is not None else ():
            for key, value in _entries(container):
                if self._key(key) == member:
                    yield from self.values(value, depth + 1)

    def _arguments(self, node: Node, name: str, depth: int) -> Iterator[_Value]:
        """A parameter of the named function that holds `node`: its default, and what the file's calls pass it."""
        function = node.parent
        while function is not None and function.type not in _FUNCTIONS:
            function = function.parent
        parameters = function.child_by_field_name("parameters") if function is not None else None
        if function is None or parameters is None:
            return
        index = next((i for i, p in enumerate(parameters.named_children) if _parameter_name(self, p) == name), None)
        if index is None:
            return
        parameter = parameters.named_children[index]
        if (default := parameter.child_by_field_name("right") or parameter.child_by_field_name("value")) is not None:
            yield from self.values(default, depth + 1)
        for call in self.calls_to.get(self.functions.get(_span(function), ""), ()):
            arguments = call.child_by_field_name("arguments")
            if arguments is not None and len(arguments.named_children) > index:
                yield from self.values(arguments.named_children[index], depth + 1)

    def _containers(self, node: Node, depth: int) -> Iterator[Node]:
        """The array and object literals a name (or a literal itself) stands for. Each step counts against the value's
        and the file's budgets, as `values` does: names bound to each other (`var e=t,t=e`, a minified bundle's) would
        otherwise be followed along every path, twice as many with each step."""
        node = _unwrapped(node)
        self.budget -= 1
        self.value_budget -= 1
        if self.budget < 0 or self.value_budget < 0:
            return
        if node.type in ("array", "object"):
            yield node
        elif node.type == "identifier" and depth <= _MAX_DEPTH:
            for bound in self.bindings.get(self.text(node), ()):
                yield from self._containers(bound, depth + 1)
            for item in self._iterated(node, self.text(node), depth + 1):
                yield from self._containers(item, depth + 1)

    def _items(self, container: Node) -> Iterator[Node]:
        if container.type == "array":
            yield from container.named_children
        else:
            yield from (value for _, value in _entries(container))

    def _literal(self, node: Node) -> Iterator[_Value]:
        """A named value's strings as written: a literal, an array's, a default's (`x ?? ID`), an object item's
        `names.ITEM_KEYS` values, a string-literal type's (`"a" | "b"`), an enum's values, and the literal a name
        stands for (`const FAST = ID as const`, then `MODEL_NAMES = [FAST, SMART]` or `CHAT_MODEL = FAST`)."""
        node = _unwrapped(node)
        if node.type in ("string", "template_string"):
            text = self.string(node)
            if text is not None:
                yield _Value(node, text)
        elif node.type == "identifier":
            yield from self._bound_literals(node)
        elif node.type == "array":
            for item in node.named_children:
                yield from self._literal(item)
        elif node.type in ("ternary_expression", "binary_expression"):  # `x ?? ID`, `c ? ID : ID`
            for part in self._parts(node, 0):
                yield from self._literal(part)
        elif node.type in ("union_type", "literal_type", "enum_body"):
            for part in _declared_parts(node):
                yield from self._literal(part)
        elif node.type == "object":
            entries = {self._key(key): value for key, value in _entries(node)}
            written = [key for key in entries if key and _unwrapped(entries[key]).type in ("string", "template_string")]
            ids = [key for key in names.CARD_ID_KEYS if key in written]
            # `{name: "GPT-4o", value: "gpt-4o"}`, `{name: "all-MiniLM-L6-v2", key: "Xenova/all-MiniLM-L6-v2"}`: beside
            # an id the name is a label, and names nothing; alone it is the id (`{name: ID, size: 7}`)
            for key in ids or [key for key in names.ITEM_KEYS if key in written]:
                yield from self._literal(entries[key])

    def _bound_literals(self, name: Node) -> Iterator[_Value]:
        """The string literal a name the module binds once, at its top level, is bound to (`const GPT_4 = "gpt-4"`); a
        literal only: no chain of names followed, so no cycle. A name bound in a function or block, or twice, may be
        another scope's (a parameter of the same name elsewhere), and is left."""
        bindings = self.bindings.get(self.text(name), ())
        if len(bindings) == 1 and _at_top_level(bindings[0]) and _unwrapped(bindings[0]).type in _LITERALS:
            yield from self._literal(bindings[0])

    # --- text ---

    def text(self, node: Node | None) -> str:
        return "" if node is None else self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def string(self, node: Node) -> str | None:
        """A string literal's value, escapes read; None for a template with substitutions (built at run time)."""
        if node.type == "template_string":
            if any(child.type == "template_substitution" for child in node.named_children):
                return None
        elif node.type != "string":
            return None
        body = self.text(node)[1:-1]
        return _ESCAPE.sub(_unescape, body) if "\\" in body else body

    def _template_start(self, node: Node) -> str | None:
        """A template's literal text before its first substitution, when it has one."""
        parts: list[str] = []
        for child in node.named_children:
            if child.type == "template_substitution":
                return "".join(parts)
            parts.append(self.text(child))
        return None

    def _key(self, key: Node | None) -> str | None:
        if key is None:
            return None
        if key.type in ("property_identifier", "identifier", "shorthand_property_identifier"):
            return self.text(key)
        return self.string(key) if key.type == "string" else None

    def _callee(self, call: Node) -> tuple[str, str]:
        """The called function's last name and, for a method, the text of its object: (`from_pretrained`,
        `AutoModel`)."""
        function = call.child_by_field_name("function") or call.child_by_field_name("constructor")
        if function is None:
            return "", ""
        if function.type == "member_expression":
            return self.text(function.child_by_field_name("property")), self.text(
                function.child_by_field_name("object")
            )
        return (self.text(function), "") if function.type == "identifier" else ("", "")


# The declarations `_declared` reads, by node kind: the fields of their name and of their value.
_DECLARED = {
    "assignment_pattern": ("left", "right"),
    "object_assignment_pattern": ("left", "right"),
    "required_parameter": ("pattern", "value"),
    "optional_parameter": ("pattern", "value"),
    "enum_declaration": ("name", "body"),
    "type_alias_declaration": ("name", "value"),
    "property_signature": ("name", "type"),
}


def _ollama_module(module: str | None) -> bool:
    """Whether importing the module makes the file an Ollama client's: ollama-js, or a package named for Ollama."""
    return module is not None and (module in _OLLAMA_MODULES or _OLLAMA_PACKAGE.fullmatch(module) is not None)


# The bodies of an enum or a type of string literals (`enum ModelType {...}`, `type ModelType = "a" | "b"`).
_TYPE_BODIES = frozenset({"enum_body", "union_type", "literal_type"})


def _a_model_type(name: str) -> bool:
    """Whether an enum's or a type's name says it is a model's type (`HuggingFaceEmbeddingModelType`, `ModelType`):
    a type of models' names, or of their kinds (`"chat" | "embedding"`), which `_Finder._model_type` tells apart."""
    return names.split_words(name)[-2:] == ("model", "type")


# First words of a method that tests a name rather than calls a model with it: `openai.isOSeriesModel("o3")`,
# `client.supportsTools("gpt-4o")`.
_PREDICATE_WORDS = frozenset({"is", "has", "supports", "can", "should", "needs", "requires"})


def _constructs_a_model(name: str) -> bool:
    words = names.split_words(name)
    return bool(words) and words[-1] in _MODEL_CLASS_WORDS and not names.WRITTEN.intersection(words)


# The words after `Chat` that name what a chat holds or shows, not a model: `new ChatMessage("hi", "user")`,
# `ChatPromptTemplate`, `ChatMessageHistory`, a UI's `ChatWindow`.
_NOT_CHAT_MODEL_WORDS = frozenset(
    {
        "message",
        "messages",
        "chunk",
        "prompt",
        "template",
        "history",
        "session",
        "completion",
        "completions",
        "input",
        "store",
        "window",
        "bot",
        "room",
        "box",
        "view",
        "panel",
        "list",
        "item",
        "handler",
        "event",
        "error",
        "state",
    }
)


def _chat_model_class(name: str) -> bool:
    """Whether a constructed class is named as LangChain.js names its chat models: `ChatOpenAI`, `ChatOllama`,
    `AzureChatOpenAI` (`Chat` first or second, a provider's name after it), not a message's or a prompt's class."""
    words = names.split_words(name)
    at = words.index("chat") if "chat" in words[:2] else -1
    return 0 <= at < len(words) - 1 and not _NOT_CHAT_MODEL_WORDS.intersection(words)


def _predicate(name: str) -> bool:
    """Whether a method's name says it answers a question about what it is given (`isOSeriesOrGpt5PlusModel`)."""
    words = names.split_words(name)
    return bool(words) and words[0] in _PREDICATE_WORDS


# `Object.values(MODELS)`: an object literal's values, as a list a loop or a callback goes over.
_OBJECT_VALUES = frozenset({b"Object.values"})
# Methods of an array that call a function with each of its items first (`MODELS.map((m) => ...)`).
_ITERATING = frozenset({"map", "flatMap", "forEach", "filter", "find", "findLast", "some", "every"})


def _iterated_lists(node: Node, name: str, text: Callable[[Node | None], str]) -> list[tuple[Node, str]]:
    """The expressions a name at `node` goes over the items of, each with the field of the item the name is bound to
    ("" for the item itself): the list of the nearest enclosing `for (... of LIST)` that binds the name, or, when the
    first parameter of the nearest function that binds it does so and that function is given to a call, the object
    of an iterating method (`LIST.map(fn)`) or the call's other arguments (`mapLimit(LIST, 4, fn)`). The nearest
    scope that binds the name decides: a parameter named so in between hides the loop's."""
    current = node.parent
    while current is not None:
        if current.type == "for_in_statement":
            field = _bound_field(current.child_by_field_name("left"), name, text)
            operator = current.child_by_field_name("operator")
            listed = current.child_by_field_name("right")
            if field is not None:
                of = operator is not None and text(operator) == "of" and listed is not None
                return [(listed, field)] if of and listed is not None else []
        if current.type in _FUNCTIONS:
            parameters = _parameters(current)
            fields = [_bound_field(parameter, name, text) for parameter in parameters]
            if fields and fields[0] is not None:
                return [(listed, fields[0] or "") for listed in _callback_lists(current, text)]
            if "" in fields:  # a later parameter of a parametrised test: that column of each row
                table = _each_rows(current, text)
                return [(table, f"#{fields.index('')}")] if table is not None else []
            if any(field is not None for field in fields):
                return []
        current = current.parent
    return []


def _parameters(function: Node) -> list[Node]:
    """A function's formal parameters: `c => ...` has one, written without parentheses."""
    single = function.child_by_field_name("parameter")
    if single is not None:
        return [single]
    parameters = function.child_by_field_name("parameters")
    return list(parameters.named_children) if parameters is not None else []


def _bound_field(pattern: Node | None, name: str, text: Callable[[Node | None], str]) -> str | None:
    """The field of an item that a loop variable or a parameter binds `name` to: "" when it is the item itself (`c`,
    `c: Candidate`), the key for a destructured field (`{ value }`, `{ value: id }`, `{ value = "x" }`); None when it
    binds no such name."""
    if pattern is not None and pattern.type in ("required_parameter", "optional_parameter"):
        pattern = pattern.child_by_field_name("pattern")
    if pattern is not None and pattern.type == "identifier":
        return "" if text(pattern) == name else None
    for part in pattern.named_children if pattern is not None and pattern.type == "object_pattern" else ():
        shorthand = part if part.type == "shorthand_property_identifier_pattern" else None
        if part.type == "object_assignment_pattern":  # `{ value = "x" }`
            shorthand = part.child_by_field_name("left")
        if shorthand is not None and text(shorthand) == name:
            return name
        value = part.child_by_field_name("value") if part.type == "pair_pattern" else None
        if value is not None and value.type == "identifier" and text(value) == name:
            return text(part.child_by_field_name("key"))
    return None


def _callback_lists(function: Node, text: Callable[[Node | None], str]) -> list[Node]:
    """For a function given to a call: the lists that call goes over."""
    given = function.parent
    call = given.parent if given is not None and given.type == "arguments" else None
    if given is None or call is None or call.type != "call_expression":
        return []
    callee = call.child_by_field_name("function")
    if (
        callee is not None
        and callee.type == "member_expression"
        and text(callee.child_by_field_name("property")) in _ITERATING
    ):
        target = callee.child_by_field_name("object")
        return [target] if target is not None else []
    table = _each_table(callee, text) if callee is not None else None
    if table is not None:  # `it.each([ID, ...])("title %s", (model) => ...)`: the test runs once for each row
        return [table]
    return [argument for argument in given.named_children if argument != function]


# A test framework's parametrised tests (Jest, Vitest, Bun, Mocha's plugins): `it.each(ROWS)(title, fn)`,
# `test.each`, `describe.each`, `test.concurrent.each`; `fn` is called with each row.
_EACH_RUNNERS = frozenset(
    {"it", "test", "describe", "bench", "it.concurrent", "test.concurrent", "describe.concurrent"}
)


def _each_rows(function: Node, text: Callable[[Node | None], str]) -> Node | None:
    """The rows of the parametrised test a function is the body of (`it.each(ROWS)(title, function)`), or None."""
    given = function.parent
    call = given.parent if given is not None and given.type == "arguments" else None
    callee = call.child_by_field_name("function") if call is not None and call.type == "call_expression" else None
    return _each_table(callee, text) if callee is not None else None


def _each_table(callee: Node, text: Callable[[Node | None], str]) -> Node | None:
    """The rows of `it.each(ROWS)` when `callee` is that call (a test run for each row), else None."""
    function = callee.child_by_field_name("function") if callee.type == "call_expression" else None
    if (
        function is None
        or function.type != "member_expression"
        or text(function.child_by_field_name("property")) != "each"
    ):
        return None
    if text(function.child_by_field_name("object")) not in _EACH_RUNNERS:
        return None
    arguments = callee.child_by_field_name("arguments")
    first = arguments.named_children[0] if arguments is not None and arguments.named_children else None
    return first if first is not None and first.type != "template_string" else None


def _chained(function: Node) -> bool:
    """Whether a called function is a method of what another call or a `new` returned (`new X(...).bindTools`)."""
    target = function.child_by_field_name("object") if function.type == "member_expression" else None
    return target is not None and _unwrapped(target).type in ("call_expression", "new_expression", "await_expression")


def _call_argument(node: Node) -> Node | None:
    """The first argument of a call (`myProvider("gpt-4o")`, `z.enum([...]).default("gpt-4o")`), if it has one."""
    node = _unwrapped(node)
    arguments = node.child_by_field_name("arguments") if node.type == "call_expression" else None
    if arguments is None or arguments.type != "arguments" or not arguments.named_children:
        return None
    return arguments.named_children[0]


def _returns(body: Node) -> list[Node]:
    """The values a function body's own `return` statements give, not those of the functions nested in it."""
    found: list[Node] = []
    stack = [body]
    while stack:
        node = stack.pop()
        if node.type == "return_statement":
            found += node.named_children[:1]
        elif node.type not in _FUNCTIONS and node.type != "class_body":
            stack.extend(node.named_children)
    return found


def _grouped_lists(container: Node) -> bool:
    """Whether an object holds lists only, one or more (`{openai: [ID, ...], groq: [ID, ...]}`, `{chat: [...]}`): named
    as a picker's (`MODEL_LIST`, `modelOptions`), a table of models grouped by provider or use, whose lists' items are
    its models; named as a table only (`DEFAULT_VENDOR_MODEL_FILTERS`, `PER_MODEL_BETA_FEATURES`) its lists may hold
    the prefixes or features of models."""
    values = [_unwrapped(value) for _, value in _entries(container)] if container.type == "object" else []
    return bool(values) and all(value.type == "array" for value in values)


def _declared_parts(node: Node) -> list[Node]:
    """The parts of a type of string literals (`type ModelId = "gpt-4o" | "gpt-4o-mini"`) or the values of an enum's
    members (`enum Models { Fast = "gpt-4o-mini" }`)."""
    if node.type != "enum_body":
        return list(node.named_children)
    members = (member for member in node.named_children if member.type == "enum_assignment")
    return [value for member in members if (value := member.child_by_field_name("value")) is not None]


def _span(node: Node) -> tuple[int, int]:
    return node.start_byte, node.end_byte


def _unwrapped(node: Node) -> Node:
    """`(x)`, `x as const`, `x satisfies T`, `x!`, `await x`, `Object.freeze(x)`, Vue's `ref(x)`: x."""
    while True:
        if node.type in _WRAPPERS and node.named_children:
            node = node.named_children[0]
        elif node.type == "call_expression" and (first := _first_argument(node, _HOLDERS)) is not None:
            node = first
        else:
            return node


def _defined(node: Node) -> Node:
    """`defineModels([...])`, `llmsDefineModels<T>()([...])`: a collection passed alone to a helper that types it (and
    gives it back), as the collection a name is given; other values as they are."""
    arguments = node.child_by_field_name("arguments") if node.type == "call_expression" else None
    if arguments is None or len(arguments.named_children) != 1:
        return node
    only = _unwrapped(arguments.named_children[0])
    return only if only.type == "array" else node


def _first_argument(call: Node, callees: frozenset[bytes]) -> Node | None:
    """The first argument of a call to one of `callees` (as written: `Object.freeze`), if it has one."""
    function = call.child_by_field_name("function")
    arguments = call.child_by_field_name("arguments")
    if function is None or function.text not in callees or arguments is None or arguments.type != "arguments":
        return None
    return arguments.named_children[0] if arguments.named_children else None


def _state(pattern: Node, value: Node) -> tuple[Node | None, Node | None]:
    """`const [model, setModel] = useState(ID)` binds `model` to ID; other destructuring binds nothing."""
    first = pattern.named_children[0] if pattern.named_children else None
    initial = _first_argument(value, _STATE_HOOKS) if value.type == "call_expression" else None
    return (first, initial) if first is not None and first.type == "identifier" else (None, None)


def _entries(node: Node) -> Iterator[tuple[Node | None, Node]]:
    """An object literal's (key, value) pairs; `{model}` shorthand is its own key and value."""
    for child in node.named_children:
        if child.type == "pair" and (value := child.child_by_field_name("value")) is not None:
            yield child.child_by_field_name("key"), value
        elif child.type == "shorthand_property_identifier":
            yield child, child


def _parameter_name(finder: _Finder, parameter: Node) -> str:
    """A formal parameter's name: `model`, `model = "x"`, `model: string` (TypeScript's `required_parameter`)."""
    if parameter.type == "identifier":
        return finder.text(parameter)
    name = parameter.child_by_field_name("left") or parameter.child_by_field_name("pattern")
    return finder.text(name) if name is not None and name.type == "identifier" else ""


def _unescape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if escape[0] in "ux" and len(escape) > 1:
        try:
            return chr(int(escape[1:].strip("{}"), 16))
        except (ValueError, OverflowError):
            return escape
    return _SIMPLE_ESCAPES.get(escape, escape if escape not in "\r\n" else "")


def _url_in_start(start: str) -> tuple[Kind, HubId] | None:
    """The repository a template's literal start names whole: `https://huggingface.co/datasets/ORG/NAME/resolve/
    main/${file}` does; `https://huggingface.co/datasets/ORG/${name}` names no repository."""
    match = URL.match(start.strip())
    if match is None:
        return None
    found = parse_hub_url(match.group())
    if found is None or "/" not in found[1].id or f"{found[1].id}/" not in match.group():
        return None
    return found


def _api_url_in_start(start: str) -> str | None:
    """The model a template's literal start names in a hosted API's route, followed by the rest of the route:
    `https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent?key=${key}` does;
    `.../models/${model}:generateContent` names none."""
    match = URL.match(start.strip())
    return apis.url_model(match.group(), whole=False) if match else None


def _hosted_only(text: str) -> bool:
    """A hosted API's model name (`gpt-4o`, `claude-3-7-sonnet-20250219`) that the Ollama library does not list: in a
    file that also calls Ollama (a provider switch), it is still the API's. A name both know (`gpt-oss`,
    `deepseek-r1`), a tagged one (`qwen3:8b`) or a namespaced one stays Ollama's there."""
    if ":" in text or "/" in text or _api_name(text) is None:
        return False
    return load_knowledge().ollama(text) is None


def _api_name(text: str) -> str | None:
    """A hosted API's model name as written (`gpt-4o`), or behind a gateway's provider prefix when the prefix is that
    API's own (`anthropic/claude-haiku-4.5`): then without it, the name the API's terms list. The APIs name their
    models in lower case: `GPT-4o` is a label, `Ministral-3-3B-...-MLC` a build of open weights; only an API that
    writes its names in mixed case has them read so (`_mixed_case_api_name`)."""
    knowledge = load_knowledge()
    if "," in text or any(c.isspace() for c in text.strip()):
        return None  # `gpt-4o,gpt-4o-mini` is a list of two, `gpt-4o mini` a label, `gpt-4o is fast` prose
    if (spelled := apis.spelled_by_the_api(text)) != spelled.lower():  # an OpenAI fine-tune's id keeps its case
        return _mixed_case_api_name(text)
    if "/" not in text:
        return text if knowledge.provider(text) else None
    prefix, _, name = text.partition("/")
    provider = knowledge.provider(name)
    if provider is not None and provider.key == prefix.lower() and parse_hub_id(text) is not None:
        return name
    return text if knowledge.provider(text) else None


# Calls that build a path or a URL, or read a module or a file: what they are given is no model's id.
_PATH_CALLS = frozenset(
    {
        "require",
        "import",
        "resolve",
        "join",
        "dirname",
        "basename",
        "relative",
        "normalize",
        "fileURLToPath",
        "pathToFileURL",
        "readFile",
        "readFileSync",
        "existsSync",
        "fetch",
        "URL",
    }
)
# `registry.languageModel("groq:gemma2-9b-it")`: the Vercel AI SDK's provider registry, a provider's key and a colon
_REGISTERED = re.compile(r"[A-Za-z][\w.-]*:(?P<name>\S+)")


def _registered_name(text: str) -> str | None:
    """The name after a provider registry's key (`elevenLabs:eleven_multilingual_v2`), for its provider's names to
    tell; an Ollama tag (`llama3.1:8b`) or Bedrock's version (`...-v2:0`) leaves no such name."""
    match = _REGISTERED.fullmatch(text.strip())
    return None if match is None else match.group("name")


def _owners_open_weights(text: str) -> bool:
    """`groq("openai/gpt-oss-120b")`: an owner's name its own API takes back (apis.toml `exclude`, open weights) and
    no other API serves is the Hub's model under that owner, not a gateway's hosted name."""
    owner, _, name = text.lower().partition("/")
    knowledge = load_knowledge()
    disowned = any(p.key == owner and any(fnmatchcase(name, g) for g in p.exclude) for p in knowledge.providers)
    return disowned and knowledge.provider(name) is None


def _mixed_case_api_name(text: str) -> str | None:
    """A name in mixed case is an API's only when that API writes its names so (Volcengine's `Doubao-pro-32k`); an
    owner-less one, since `Org/Name` is a Hub id's spelling."""
    if "/" in text:
        return None
    provider = load_knowledge().provider(text)
    return text if provider is not None and provider.mixed_case else None
