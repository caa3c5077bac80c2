"""Python source, read with `ast`: never imported, never run.

A reference is a string literal (or a module constant holding one, or the items of a list a loop hands to a
loader) in the argument position of a known loader: `X.from_pretrained(ID)`, `pipeline(model=ID)`,
`load_dataset(ID)`, `hf_hub_download(repo_id=ID)`, `SentenceTransformer(ID)`, and the `model=` of OpenAI and
Anthropic client calls.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from modelpolicy.discover.identity import identify, parse_hub_id
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Reference


@dataclass(frozen=True)
class _Loader:
    """Where a loader takes its id: a keyword, and the positional index that stands for it."""

    kind: Kind
    keywords: tuple[str, ...]
    position: int | None


_LOADERS: dict[str, _Loader] = {
    "from_pretrained": _Loader(Kind.MODEL, ("pretrained_model_name_or_path",), 0),
    "pipeline": _Loader(Kind.MODEL, ("model",), 1),
    "load_dataset": _Loader(Kind.DATASET, ("path",), 0),
    "hf_hub_download": _Loader(Kind.MODEL, ("repo_id",), 0),
    "snapshot_download": _Loader(Kind.MODEL, ("repo_id",), 0),
    "SentenceTransformer": _Loader(Kind.MODEL, ("model_name_or_path", "model_name"), 0),
    "CrossEncoder": _Loader(Kind.MODEL, ("model_name_or_path", "model_name"), 0),
}
# `PeftModel.from_pretrained(base_model, ADAPTER_ID)`: the adapter comes second.
_PEFT_ADAPTER = _Loader(Kind.MODEL, ("model_id",), 1)
# The methods of the OpenAI and Anthropic clients that take `model=`: chat.completions.create, messages.create, ...
_API_METHODS = frozenset({"create", "stream", "parse", "count_tokens"})
_API_RECEIVERS = frozenset(
    {
        "completions",
        "messages",
        "responses",
        "embeddings",
        "images",
        "moderations",
        "transcriptions",
        "translations",
        "speech",
        "batches",
    }
)


class PythonSource:
    name = "python"

    def wants(self, path: str) -> bool:
        return path.endswith((".py", ".pyi"))

    def find(self, text: str, context: FileContext) -> list[Reference]:
        try:
            tree = ast.parse(text)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None)
            where = f" at line {line}" if line else ""
            raise SourceError(f"Python syntax error{where}; fix the file to have it scanned") from error
        return list(_Finder(tree, context).references())


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _module_constants(tree: ast.Module) -> dict[str, ast.expr]:
    """Names bound exactly once in the whole module, at module level, to a literal: the values we may follow."""
    bindings: Counter[str] = Counter()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bindings[node.id] += 1
        elif isinstance(node, ast.arg):
            bindings[node.arg] += 1
        elif isinstance(node, ast.alias):
            bindings[(node.asname or node.name).split(".")[0]] += 1
    constants: dict[str, ast.expr] = {}
    for statement in tree.body:
        target, value = _single_assignment(statement)
        if target and value is not None and bindings[target] == 1:
            constants[target] = value
    return constants


def _single_assignment(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), statement.value
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id, statement.value
    return None, None


class _Finder:
    def __init__(self, tree: ast.Module, context: FileContext) -> None:
        self.tree = tree
        self.context = context
        self.constants = _module_constants(tree)
        self.loop_values: dict[str, list[ast.expr]] = {}

    def references(self) -> Iterator[Reference]:
        yield from self._visit(self.tree)

    def _visit(self, node: ast.AST) -> Iterator[Reference]:
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            yield from self._loop(node, node.target.id)
            return
        if isinstance(node, ast.Call):
            yield from self._call(node)
        for child in ast.iter_child_nodes(node):
            yield from self._visit(child)

    def _loop(self, loop: ast.For, name: str) -> Iterator[Reference]:
        """Inside the loop's body the target stands for the items of a literal sequence, else for nothing."""
        yield from self._visit(loop.iter)
        outer = self.loop_values.get(name)
        self.loop_values[name] = self._sequence(loop.iter) or []
        for statement in loop.body:
            yield from self._visit(statement)
        if outer is None:
            del self.loop_values[name]
        else:
            self.loop_values[name] = outer
        for statement in loop.orelse:
            yield from self._visit(statement)

    def _sequence(self, node: ast.expr) -> list[ast.expr] | None:
        if isinstance(node, ast.Name) and node.id in self.constants:
            node = self.constants[node.id]
        if isinstance(node, (ast.List, ast.Tuple)):
            return list(node.elts)
        return None

    def _call(self, call: ast.Call) -> Iterator[Reference]:
        name = _call_name(call.func)
        loader = _PEFT_ADAPTER if _is_peft_model(call.func) else _LOADERS.get(name or "")
        if loader and name:
            argument = _argument(call, loader)
            kind = _download_kind(call, loader.kind)
            if argument is not None and kind is not None:
                yield from self._references(argument, kind, name, call)
        elif name in _API_METHODS and _is_api_client_call(call.func):
            argument = _keyword(call, "model")
            if argument is not None:
                yield from self._references(argument, Kind.API, name or "", call)

    def _references(self, node: ast.expr, kind: Kind, form: str, call: ast.Call) -> Iterator[Reference]:
        revision_node = _keyword(call, "revision")
        revision = _string(
            self.constants.get(revision_node.id) if isinstance(revision_node, ast.Name) else revision_node
        )
        for literal in self._literals(node):
            reference = self._reference(literal, kind, form, revision)
            if reference:
                yield reference

    def _literals(self, node: ast.expr) -> list[ast.Constant]:
        """The string literals an argument stands for: itself, a module constant, or a loop's items."""
        if isinstance(node, ast.Name):
            if node.id in self.loop_values:
                return [n for n in self.loop_values[node.id] if isinstance(n, ast.Constant) and _string(n)]
            node = self.constants.get(node.id, node)
        return [node] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []

    def _reference(self, literal: ast.Constant, kind: Kind, form: str, revision: str | None) -> Reference | None:
        text = str(literal.value)
        artefact = _identify(text, kind, self.context)
        if artefact is None:
            return None
        kind, artefact_id, pinned = artefact
        return Reference(
            path=self.context.path,
            line=literal.lineno,
            column=literal.col_offset,
            text=artefact_id,
            kind=kind,
            source="python",
            form=form,
            revision=pinned or revision,
        )


def _identify(text: str, kind: Kind, context: FileContext) -> tuple[Kind, str, str | None] | None:
    """The artefact a string names in a loader position, or None for local paths and non-ids."""
    if kind is Kind.API:
        hub = parse_hub_id(text)
        if hub and "/" in hub.id:  # an OpenAI-compatible server serving a Hub model
            return Kind.MODEL, hub.id, hub.revision
        return (Kind.API, text, None) if load_knowledge().provider(text) else None
    hub = identify(text, kind, context.is_local_path, single_names=True)
    return None if hub is None else (kind, hub.id, hub.revision)


def _argument(call: ast.Call, loader: _Loader) -> ast.expr | None:
    for keyword in loader.keywords:
        value = _keyword(call, keyword)
        if value is not None:
            return value
    if loader.position is not None and len(call.args) > loader.position:
        argument = call.args[loader.position]
        return None if isinstance(argument, ast.Starred) else argument
    return None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _download_kind(call: ast.Call, default: Kind) -> Kind | None:
    """`hf_hub_download(..., repo_type="dataset")` names a dataset; a Space is no artefact of ours."""
    repo_type = _string(_keyword(call, "repo_type"))
    return {"dataset": Kind.DATASET, "space": None}.get(repo_type or "", default)


def _is_peft_model(func: ast.expr) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "from_pretrained"
        and _call_name(func.value) in ("PeftModel", "PeftModelForCausalLM", "PeftModelForSeq2SeqLM")
    )


def _is_api_client_call(func: ast.expr) -> bool:
    """`client.chat.completions.create(...)`, `client.messages.create(...)` and their siblings."""
    return (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and func.value.attr in _API_RECEIVERS
    )
