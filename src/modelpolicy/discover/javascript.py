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
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from modelpolicy.discover import apis
from modelpolicy.discover.identity import (
    URL,
    URL_MARKERS,
    HubId,
    identify,
    looks_like_path,
    parse_hub_id,
    parse_hub_url,
)
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.markers import Markers
from modelpolicy.discover.names import collection_kind, named_kind
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Reference

if TYPE_CHECKING:
    from tree_sitter import Language, Node, Parser, Query

_ENDINGS = frozenset({"js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "svelte", "vue"})
# Single-file components: only their `<script>` blocks are code; the rest (markup, styles) is blanked, lines kept.
_COMPONENTS = frozenset({"svelte", "vue"})
_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.DOTALL | re.IGNORECASE)
_NOT_NEWLINE = re.compile(r"[^\n]")
_MAX_DEPTH = 40  # how far an expression is followed through names, fields and operands
# How many expressions one value, and one file's values in all, are followed through: names bound to names bound to
# `a ?? b` double with each step. Past either, what was found so far is what the value or the file names.
_VALUE_BUDGET = 5_000
_FILE_BUDGET = 200_000
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
    *URL_MARKERS,
    *apis.ROUTE_MARKERS,
)


# What a string that is a Hub URL or a routed name (`openai/gpt-4o`) holds, any case, written or behind an escape.
_URL_OR_ROUTE_WORDS = (*URL_MARKERS, *apis.ROUTE_MARKERS, b"\\")
# What a name says it holds (`apis.name_kind`), kept for the many names of a bundle.
_name_kind = lru_cache(maxsize=16_384)(apis.name_kind)


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
}
# The Vercel AI SDK's provider instances, called (`openai("gpt-4o")`) or by method (`openai.responses("gpt-4o")`).
_PROVIDERS = frozenset(
    {"openai", "anthropic", "google", "vertex", "mistral", "cohere", "groq", "xai", "deepseek", "azure", "gateway"}
)
# Words of a name that speak of what a program reads: the quoted keys of an object so named are ids, when owned.
# In a collection's object items (`{id: ID, name: "Label"}`), the first of these keys names the artefact.
_ITEM_KEYS = ("id", "path", "name")
# Modules whose import makes the file an Ollama client's: its `model:` values are Ollama library tags.
_OLLAMA_MODULES = frozenset({"ollama", "ollama/browser"})
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
        if context.path.rsplit(".", 1)[-1].lower() in _COMPONENTS:
            options = _markup_options(text, context)
            text = _scripts_only(text)
        data = text.encode("utf-8", "surrogatepass")
        tree = _parser(_dialect(context.path)).parse(data)
        root = tree.root_node
        found = _Finder(context, data, _gathered(root, _dialect(context.path)), _url_strings(root, data)).references()
        found += options
        line = _error_line(tree.root_node, data, self.markers) if tree.root_node.has_error else None
        if line is not None:
            raise SourceError("javascript: syntax error", line=line, found=found)
        return found


def _scripts_only(text: str) -> str:
    """A Svelte or Vue component with everything but its `<script>` blocks' code blanked, each character kept in
    place (a blank for each, line breaks as they are), so that positions in the code are positions in the file."""
    kept: list[str] = []
    end = 0
    for script in _SCRIPT.finditer(text):
        kept.append(_NOT_NEWLINE.sub(" ", text[end : script.start(2)]))
        kept.append(script.group(2))
        end = script.end(2)
    kept.append(_NOT_NEWLINE.sub(" ", text[end:]))
    return "".join(kept)


# In a component's markup, the choices of a `<select>` or `<datalist>` (`<option value="whisper-1" />`): a value that
# is a hosted API's model name is one the user may pick, and the component sends it as the model. Only API names are
# read there (their providers' patterns say what they are); a bound value (`value={m.id}`) is the script's.
_OPTION = re.compile(r"""<option\b[^>]*?\svalue\s*=\s*(["'])([^"'{}<>\s]+)\1""", re.IGNORECASE)


def _markup_options(text: str, context: FileContext) -> list[Reference]:
    """The API models a component's markup offers as `<option>` values, outside its `<script>` blocks."""
    scripts = [(m.start(2), m.end(2)) for m in _SCRIPT.finditer(text)]
    found: list[Reference] = []
    for match in _OPTION.finditer(text):
        start = match.start(2)
        name = _api_name(match.group(2))
        if name is None or any(first <= start < last for first, last in scripts):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line = text.count("\n", 0, start) + 1
        found.append(Reference(context.path, line, start - 1 - line_start, name, Kind.API, "javascript", "option"))
    return found


def _dialect(path: str) -> str:
    ending = path.rsplit(".", 1)[-1].lower()
    dialects = {"ts": "typescript", "mts": "typescript", "cts": "typescript", "tsx": "tsx"}
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


def _url_strings(root: Node, data: bytes) -> list[Node]:
    """The strings and templates in whose own text (not a substitution's) a URL's or a route's word, or an escape, is
    written, in the order they are written: only those can be a Hub URL or a routed name, or start with a URL. Found
    from where the words are, rather than by reading each of a bundle's thousands of strings."""
    lowered = data.lower()
    found: dict[int, Node] = {}
    for word in _URL_OR_ROUTE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            node = root.descendant_for_byte_range(at, at + len(word))
            if node is not None and node.type not in _STRINGS:
                node = node.parent  # the fragment or escape a string is written in
            if node is not None and node.type in _STRINGS:
                found.setdefault(node.start_byte, node)
            at = lowered.find(word, at + 1)
    return [found[start] for start in sorted(found)]


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
        self.strings = strings  # those that may be a URL or a routed name (`_url_strings`)
        self.named: list[tuple[str, Node]] = []
        self.ollama = False
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
        elif kind == "variable_declarator":
            self._bind(node.child_by_field_name("name"), node.child_by_field_name("value"), self.bindings)
        elif kind in ("field_definition", "public_field_definition"):
            name = node.child_by_field_name("property") or node.child_by_field_name("name")
            self._bind(name, node.child_by_field_name("value"), self.fields)
        elif kind == "assignment_expression":
            self._bind(node.child_by_field_name("left"), node.child_by_field_name("right"), self.bindings)
        elif kind == "function_declaration" and (name := node.child_by_field_name("name")) is not None:
            self.functions[_span(node)] = self.text(name)
        elif kind == "import_statement" and (module := node.child_by_field_name("source")) is not None:
            self.ollama = self.ollama or self.string(module) in _OLLAMA_MODULES

    def _bind(self, name: Node | None, value: Node | None, into: dict[str, list[Node]]) -> None:
        if name is not None and value is not None and name.type == "array_pattern":
            name, value = _state(name, value)
        if name is None or value is None or name.type not in ("identifier", "property_identifier"):
            return
        identifier = self.text(name)
        into.setdefault(identifier, []).append(value)
        if value.type == "arrow_function":
            self.functions.setdefault(_span(value), identifier)
        elif value.type == "call_expression" and self._callee(value)[0] == "require":
            arguments = value.child_by_field_name("arguments")
            first = arguments.named_children[0] if arguments and arguments.named_children else None
            self.ollama = self.ollama or (first is not None and self.string(first) in _OLLAMA_MODULES)
        self.named.append((identifier, value))

    # --- the positions read ---

    def references(self) -> list[Reference]:
        self.ollama = self.ollama or any(receiver == "ollama" for _, _, receiver in self.calls)
        for call, name, receiver in self.calls:
            self._call(call, name, receiver)
        for pair in self.pairs:
            self._pair(pair)
        for name, value in self.named:
            self._named(name, value)
        for node in self.strings:
            self._url(node)
        return sorted(self.found.values(), key=lambda r: (r.line, r.column))

    def _call(self, call: Node, name: str, receiver: str) -> None:
        loader = _LOADERS.get(name)
        if name in _PROVIDERS or receiver.lower() in _PROVIDERS:
            loader = _API_LOADER
        if loader is None or (loader.receiver and loader.receiver not in receiver.lower()):
            return
        arguments = call.child_by_field_name("arguments")
        if arguments is None or arguments.type != "arguments" or len(arguments.named_children) <= loader.position:
            return
        for value in self.values(arguments.named_children[loader.position]):
            self._report(value, loader.mode, Kind.MODEL, name)

    def _pair(self, pair: Node) -> None:
        key = pair.child_by_field_name("key")
        value = pair.child_by_field_name("value")
        name = self._key(key)
        kind = _name_kind(name) if name else None
        if kind is None or value is None or name is None:
            return
        for found in self.values(value):
            self._report(found, _Mode.NAMED, kind, name)

    def _named(self, name: str, value: Node) -> None:
        """`const EMBEDDING_MODEL = ID`, `static model_id = ID`, the items of `const MODELS = [...]`, and the quoted
        keys of an object whose name speaks of models (`TOKENIZER_OPTIONS = {"org/x": "Label"}`)."""
        kind = _name_kind(name)
        if kind is not None:
            for found in self._literal(value):
                self._report(found, _Mode.NAMED, kind, name)
            return
        container = _unwrapped(value)
        kind = named_kind(name[:-1]) if name[-1:] in "sS" else None
        if kind is not None and container.type in ("array", "object"):
            for item in self._items(container):
                for found in self._literal(item):
                    self._report(found, _Mode.NAMED, kind, name)
        kind = collection_kind(name)
        if kind is not None and container.type == "object":
            for key, _ in _entries(container):
                if key is not None and key.type == "string" and (text := self.string(key)) and "/" in text:
                    self._report(_Value(key, text), _Mode.NAMED, kind, name)

    def _url(self, node: Node) -> None:
        """A string wholly a Hub URL; a template whose literal start holds a whole repository's URL."""
        if node.type == "string":
            text = self.string(node)
            api = _api_name(text.strip()) if text is not None and apis.routed(text) else None
            if api is not None:  # a name routed to a hosted API (`"openai/gpt-4o"`), wherever it is written
                self._add(node, api, Kind.API, "routed", None)
                return
            found = parse_hub_url(text.strip()) if text is not None and URL.fullmatch(text.strip()) else None
        else:
            start = self._template_start(node)
            found = _url_in_start(start) if start else None
        if found is not None:
            kind, hub = found
            self._add(node, hub.id, kind, "url", hub.revision)

    # --- deciding what a value names ---

    def _report(self, value: _Value, mode: str, kind: Kind, form: str) -> None:
        text = value.text.strip()
        if not text or looks_like_path(text) or self.context.is_local_path(text):
            return
        decided = self._decide(text, mode, kind)
        if decided is not None:
            self._add(value.node, decided[1].id, decided[0], form, decided[1].revision)

    def _decide(self, text: str, mode: str, kind: Kind) -> tuple[Kind, HubId] | None:
        if mode == _Mode.HUB:
            hub = identify(text, kind, self.context.is_local_path, single_names=True)
            return None if hub is None else (kind, hub)
        if self.ollama and mode == _Mode.NAMED and kind is Kind.MODEL and _OLLAMA_TAG.fullmatch(text):
            return Kind.OLLAMA, HubId(text, None)
        api = _api_name(text)
        if api is not None:
            return Kind.API, HubId(api, None)
        if mode == _Mode.API and text.partition("/")[0] in _PROVIDERS and parse_hub_id(text):
            return Kind.API, HubId(text, None)  # a gateway's `xai/grok-3`: a hosted model whose terms are not known
        hub = identify(text, kind, self.context.is_local_path, single_names=False)
        if hub is None or kind is Kind.API or (mode == _Mode.API and "/" not in hub.id):
            return None  # under `azure_deployment:` or `engine:`, a hosted API's model or nothing
        return kind, hub

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
        """The array and object literals a name (or a literal itself) stands for."""
        node = _unwrapped(node)
        if node.type in ("array", "object"):
            yield node
        elif node.type == "identifier" and depth <= _MAX_DEPTH:
            for bound in self.bindings.get(self.text(node), ()):
                yield from self._containers(bound, depth + 1)

    def _items(self, container: Node) -> Iterator[Node]:
        if container.type == "array":
            yield from container.named_children
        else:
            yield from (value for _, value in _entries(container))

    def _literal(self, node: Node) -> Iterator[_Value]:
        """A named value's strings as written: a literal, an array's, a default's (`x ?? ID`), an object item's first
        `_ITEM_KEYS` value."""
        node = _unwrapped(node)
        if node.type in ("string", "template_string"):
            text = self.string(node)
            if text is not None:
                yield _Value(node, text)
        elif node.type == "array":
            for item in node.named_children:
                yield from self._literal(item)
        elif node.type in ("ternary_expression", "binary_expression"):  # `x ?? ID`, `c ? ID : ID`
            for part in self._parts(node, 0):
                yield from self._literal(part)
        elif node.type == "object":
            entries = {self._key(key): value for key, value in _entries(node)}
            chosen = next((entries[key] for key in _ITEM_KEYS if key in entries), None)
            if chosen is not None and _unwrapped(chosen).type in ("string", "template_string"):
                yield from self._literal(chosen)

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


def _api_name(text: str) -> str | None:
    """A hosted API's model name as written (`gpt-4o`), or behind a gateway's provider prefix when the prefix is that
    API's own (`anthropic/claude-haiku-4.5`): then without it, the name the API's terms list. The APIs name their
    models in lower case: `GPT-4o` is a label, `Ministral-3-3B-...-MLC` a build of open weights."""
    if text != text.lower():
        return None
    knowledge = load_knowledge()
    if "/" not in text:
        return text if knowledge.provider(text) else None
    prefix, _, name = text.partition("/")
    provider = knowledge.provider(name)
    if provider is not None and provider.key == prefix.lower() and parse_hub_id(text) is not None:
        return name
    return text if knowledge.provider(text) else None
