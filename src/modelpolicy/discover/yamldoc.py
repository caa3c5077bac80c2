"""YAML documents as PyYAML node graphs: nodes keep their line, and an alias is the very node its anchor names, so a
walk that visits each collection once stays linear on an alias bomb. Nothing is constructed, so no tag can run code.

The events come from libyaml when PyYAML has it (about ten times faster than the pure-Python parser) and the graph
is built here, with an explicit stack: PyYAML's composers recurse once per nesting level, which a hostile file
(`- - - - ...`, `[[[[...`) turns into a RecursionError in Python or a crashed process in C. A document nested deeper
than `MAX_NESTING` is refused here, whichever PyYAML release parses it (libyaml's own limit came with PyYAML 6.0.4).
Where libyaml has that limit, its own composer (twice as fast) builds the graph first, and the graph is kept when it
is the one built here; any error or doubt, and the text is composed here (`_composed_by_libyaml`).

A document that cannot be read does not hide the others: after an error the stream is read again from the next
document marker (`---` or `...` in column 0, which ends any scalar), so only the broken document is lost. PyYAML is
imported on first use: discovery is imported on every commit.

A YAML file is read by several sources in turn (config, containers, workflows), each given the same text: the last
file's stream is kept, so that the file is composed once. Nothing that reads a stream changes its nodes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from modelpolicy.discover.interface import SourceError

if TYPE_CHECKING:
    import yaml
    from yaml.nodes import CollectionNode, Node

MAX_NESTING = 512  # below libyaml's 1000, so that every PyYAML release refuses the same documents
_TOO_DEEP = f"nested deeper than {MAX_NESTING} levels"
_DOCUMENT_MARKER = re.compile(r"^(?:---|\.\.\.)(?=[ \t\r\n]|$)", re.MULTILINE)


@dataclass(frozen=True)
class Stream:
    """The documents that could be read, and the first error met in the others (None when all were read)."""

    documents: list[Node]
    error: SourceError | None


def compose(text: str) -> Stream:
    """Every readable document's root node, and a one-line error (with its line) for the first one that is not."""
    if _last.text is not text:
        _last.text, _last.stream = None, _NOTHING  # the last file's nodes let go before this one's are built
        _last.stream = compose_part(text)
        _last.text = text
    return _last.stream


_NOTHING = Stream([], None)


@dataclass
class _Last:
    """The text last composed (the very object, not an equal one) and its stream."""

    text: str | None = None
    stream: Stream = _NOTHING


_last = _Last()


def compose_part(text: str) -> Stream:
    """`compose`, for text that is part of a file (a literal block holding YAML): not kept, so that the file's
    stream stays kept for the next source that reads it."""
    import yaml

    composed = _composed_by_libyaml(text)
    if composed is not None:
        return Stream(composed, None)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    documents: list[Node] = []
    error: SourceError | None = None
    start = 0  # where the text is read again from, after an error
    while True:
        composer = _Composer()
        try:
            composer.documents(yaml.parse(_blanked(text, start), Loader=loader))
        except yaml.YAMLError as problem:
            documents.extend(composer.roots)
            line = _line(problem)
            error = error or SourceError(_reason(problem, line), line=line)
            start = _next_document(text, start, line)
            if start < 0:
                return Stream(documents, error)
            continue
        documents.extend(composer.roots)
        return Stream(documents, error)


def _composed_by_libyaml(text: str) -> list[Node] | None:
    """The documents as libyaml's own composer builds them (about twice as fast as `_Composer`), when it reads them
    all and they are what `_Composer` would build: none nested deeper than `MAX_NESTING`, no alias inside its own
    anchor. None otherwise: then `_Composer` reads the text again and says what is wrong, and where. libyaml's
    composer recurses once per level, so it is used only where libyaml refuses nesting past its own limit."""
    if not _libyaml_limits_nesting():
        return None
    import yaml

    loader = yaml.CSafeLoader(text)
    documents: list[Node] = []
    try:
        while loader.check_node():
            documents.extend(node for node in [loader.get_node()] if node is not None)
    except Exception:  # whatever libyaml does not compose, `_Composer` reads and reports
        return None
    finally:
        loader.dispose()
    return documents if all(_as_composed(document) for document in documents) else None


@lru_cache(maxsize=1)
def _libyaml_limits_nesting() -> bool:
    """Whether PyYAML has libyaml, and libyaml refuses deep nesting (as it does from PyYAML 6.0.4's wheels on)."""
    import yaml

    if not getattr(yaml, "__with_libyaml__", False):
        return False
    loader = yaml.CSafeLoader("[" * 1001)
    try:
        loader.get_single_node()
    except yaml.YAMLError as error:
        return "maximum nesting depth" in str(getattr(error, "problem", ""))
    finally:
        loader.dispose()
    return False


def _as_composed(document: Node) -> bool:
    """Whether `_Composer` would have built this graph: no collection nested deeper than `MAX_NESTING` where it is
    written, and none holding itself (an alias inside its own anchor). Each collection is visited once, where it is
    first met, which is where it is written: an anchor comes before its aliases."""
    import yaml

    seen: set[int] = set()
    open_nodes: set[int] = set()
    stack: list[tuple[Node, int, bool]] = [(document, 1, False)]
    while stack:
        node, depth, closing = stack.pop()
        if closing:
            open_nodes.discard(id(node))
            continue
        if isinstance(node, yaml.ScalarNode):
            continue
        if id(node) in open_nodes:
            return False
        if id(node) in seen:
            continue
        if depth > MAX_NESTING:
            return False
        seen.add(id(node))
        open_nodes.add(id(node))
        stack.append((node, depth, True))
        children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        stack.extend((child, depth + 1, False) for child in reversed(children))
    return True


def _blanked(text: str, start: int) -> str:
    """The text with all before `start` made blank lines, so that every mark keeps its line, column and index."""
    return text if start == 0 else _NOT_LINE_BREAK.sub(" ", text[:start]) + text[start:]


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _next_document(text: str, start: int, line: int | None) -> int:
    """Where the first document marker after `start` stands, from the start of the 1-based `line` of an error on;
    -1 when there is none."""
    position = 0
    for _ in range((line or 1) - 1):
        position = text.find("\n", position) + 1
        if position == 0:
            return -1
    marker = _DOCUMENT_MARKER.search(text, max(start + 1, position))
    if marker is None:
        return -1
    if marker[0] == "---":
        return marker.start()
    after = text.find("\n", marker.end()) + 1  # a stream may not open with `...`: read on from the next line
    return after if after > 0 else -1


def _line(problem: Exception) -> int | None:
    mark = getattr(problem, "problem_mark", None) or getattr(problem, "context_mark", None)
    return None if mark is None else int(mark.line) + 1


def _reason(problem: Exception, line: int | None) -> str:
    where = f" at line {line}" if line else ""
    text = getattr(problem, "problem", None) or str(problem)
    if "maximum nesting depth" in text:  # libyaml's own limit (PyYAML 6.0.4 on), said as ours is
        text = _TOO_DEEP
    return f"YAML syntax error{where}: {_one_line(text)}"


class _Composer:
    """Builds node graphs from parser events as PyYAML's Composer does, without recursion."""

    def __init__(self) -> None:
        import yaml as pyyaml

        self.yaml = pyyaml
        self.resolver = pyyaml.resolver.Resolver()
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.stack: list[tuple[CollectionNode, str | None]] = []  # open collections and their anchors
        self.pending_key: list[Node | None] = []  # for each open mapping, the key waiting for its value
        self.roots: list[Node] = []  # the documents finished so far

    def documents(self, events: Iterable[yaml.Event]) -> list[Node]:
        yaml = self.yaml
        roots = self.roots
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.anchors.clear()
            elif isinstance(event, yaml.AliasEvent):
                self._add(self._alias(event), roots)
            elif isinstance(event, yaml.ScalarEvent):
                self._add(self._scalar(event), roots)
            elif isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                self._open(event)
            elif isinstance(event, yaml.CollectionEndEvent):
                self._add(self._close(event), roots)
        return roots

    def _alias(self, event: yaml.AliasEvent) -> Node:
        anchor = event.anchor or ""
        if anchor in self.open_anchors:
            raise self._error(f"found recursive anchor {anchor!r}", event)
        if anchor not in self.anchors:
            raise self._error(f"found undefined alias {anchor!r}", event)
        return self.anchors[anchor]

    def _error(self, problem: str, event: yaml.Event) -> yaml.MarkedYAMLError:
        mark: Any = event.start_mark  # libyaml's marks are not PyYAML's class, and have the same fields
        return self.yaml.composer.ComposerError(None, None, problem, mark)

    def _tag(self, kind: type[Node], event: Any) -> str:
        """The tag written on the node, else the one its kind and (for a scalar) its plain text resolve to."""
        if event.tag is not None and event.tag != "!":
            return str(event.tag)
        value = getattr(event, "value", None)
        return str(self.resolver.resolve(kind, value, event.implicit))  # type: ignore[no-untyped-call]

    def _scalar(self, event: yaml.ScalarEvent) -> Node:
        yaml = self.yaml
        tag = self._tag(yaml.ScalarNode, event)
        node: Node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        self._anchor(event.anchor, node)
        return node

    def _open(self, event: yaml.SequenceStartEvent | yaml.MappingStartEvent) -> None:
        yaml = self.yaml
        kind: type[CollectionNode]
        kind = yaml.SequenceNode if isinstance(event, yaml.SequenceStartEvent) else yaml.MappingNode
        start: Any = event.start_mark  # libyaml's mark, with the fields of PyYAML's
        if len(self.stack) >= MAX_NESTING:
            raise self._error(_TOO_DEEP, event)
        node = kind(self._tag(kind, event), [], start, None, flow_style=event.flow_style)
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append((node, event.anchor))
        if kind is yaml.MappingNode:
            self.pending_key.append(None)

    def _close(self, event: yaml.CollectionEndEvent) -> Node:
        node, anchor = self.stack.pop()
        node.end_mark = event.end_mark
        if isinstance(node, self.yaml.MappingNode):
            self.pending_key.pop()
        if anchor is not None:
            self.open_anchors.discard(anchor)
        self._anchor(anchor, node)
        return node

    def _anchor(self, anchor: str | None, node: Node) -> None:
        if anchor is not None:
            self.anchors[anchor] = node

    def _add(self, node: Node, roots: list[Node]) -> None:
        """Put a finished node in the collection that holds it, or make it a document's root."""
        if not self.stack:
            roots.append(node)
            return
        parent = self.stack[-1][0]
        if isinstance(parent, self.yaml.SequenceNode):
            parent.value.append(node)
        elif self.pending_key[-1] is None:
            self.pending_key[-1] = node
        else:
            parent.value.append((self.pending_key[-1], node))
            self.pending_key[-1] = None


def _one_line(text: str) -> str:
    return " ".join(text.split())
