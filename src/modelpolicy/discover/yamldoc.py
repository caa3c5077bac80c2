"""YAML documents as PyYAML node graphs: nodes keep their line, and an alias is the very node its anchor names, so a
walk that visits each collection once stays linear on an alias bomb. Nothing is constructed, so no tag can run code.

The events come from libyaml when PyYAML has it (about ten times faster than the pure-Python parser) and the graph
is built here, with an explicit stack: PyYAML's composers recurse once per nesting level, which a hostile file
(`- - - - ...`, `[[[[...`) turns into a RecursionError in Python or a crashed process in C. PyYAML is imported on
first use: discovery is imported on every commit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from modelpolicy.discover.interface import SourceError

if TYPE_CHECKING:
    import yaml
    from yaml.nodes import CollectionNode, Node


def compose(text: str) -> list[yaml.Node]:
    """Every document's root node; raises SourceError with a one-line reason and the line where known."""
    import yaml

    try:
        return _Composer().documents(yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
    except yaml.MarkedYAMLError as error:
        where = f" at line {error.problem_mark.line + 1}" if error.problem_mark else ""
        raise SourceError(f"YAML syntax error{where}: {_one_line(error.problem or str(error))}") from error
    except yaml.YAMLError as error:
        raise SourceError(f"YAML error: {_one_line(str(error))}") from error


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

    def documents(self, events: Iterable[yaml.Event]) -> list[Node]:
        yaml = self.yaml
        roots: list[Node] = []
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
