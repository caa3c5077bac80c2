"""YAML composed by libyaml's own composer is used only where it is the graph the stack-based composer builds."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from modelpolicy.discover import yamldoc

TEXTS = [
    "model: org/x\nlist: [a, {b: c}]\nblock: |\n  model: org/y\n",
    "base: &b {model: org/x}\nother:\n  <<: *b\n  extra: *b\n",
    "a: &s text\nb: *s\n---\nc: [1, 2.5, true, ~, '3']\n",
    "? [complex, key]\n: value\n!!str tagged: !custom {x: 1}\n",
    "- " * 512 + "deepest\n",
    "[" * 512 + "]" * 512,
]
BROKEN = [
    "- " * 513 + "too deep\n---\nmodel: org/x\n",
    "[" * 600 + "]" * 600,
    "a: &r [1, *r]\n---\nmodel: org/x\n",
    "a: *undefined\n",
    "a: [unclosed\n---\nmodel: org/x\n",
]


def shape(node: yaml.Node, seen: dict[int, int]) -> Iterator[object]:
    """The graph as a sequence: each node's kind, tag, value, style and marks, an alias as the index it repeats."""
    stack = [node]
    while stack:
        current = stack.pop()
        if id(current) in seen:
            yield ("alias", seen[id(current)])
            continue
        seen[id(current)] = len(seen)
        start, end = current.start_mark, current.end_mark
        scalar = current.value if isinstance(current, yaml.ScalarNode) else None
        style = getattr(current, "style", None), getattr(current, "flow_style", None)
        yield type(current).__name__, current.tag, scalar, style, (start.line, start.column, end.line, end.column)
        if isinstance(current, yaml.MappingNode):
            stack.extend(part for pair in reversed(current.value) for part in reversed(pair))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))


def read(text: str, monkeypatch: pytest.MonkeyPatch, by_libyaml: bool) -> tuple[list[object], object]:
    with monkeypatch.context() as patched:
        if not by_libyaml:
            patched.setattr(yamldoc, "_libyaml_limits_nesting", lambda: False)
        stream = yamldoc.compose_part(text)
    seen: dict[int, int] = {}
    error = None if stream.error is None else (stream.error.reason, stream.error.line)
    return [part for document in stream.documents for part in shape(document, seen)], error


@pytest.mark.parametrize("text", TEXTS + BROKEN)
def test_libyaml_composes_what_the_stack_composer_builds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert read(text, monkeypatch, by_libyaml=True) == read(text, monkeypatch, by_libyaml=False)


@pytest.mark.parametrize("text", BROKEN)
def test_what_libyaml_cannot_stand_for_is_composed_by_the_stack_composer(text: str) -> None:
    assert yamldoc._composed_by_libyaml(text) is None
    assert yamldoc.compose_part(text).error is not None


def test_libyaml_composes_what_it_can_stand_for() -> None:
    if not yamldoc._libyaml_limits_nesting():
        pytest.skip("this PyYAML's libyaml does not limit nesting: only the stack composer runs")
    assert all(yamldoc._composed_by_libyaml(text) is not None for text in TEXTS)


def test_a_file_is_composed_once_for_the_sources_that_read_it() -> None:
    text = "model: org/x\n"
    assert yamldoc.compose(text) is yamldoc.compose(text)
    assert yamldoc.compose_part(text) is not yamldoc.compose_part(text)
