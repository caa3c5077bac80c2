"""Protocol Buffers text format (`.pbtxt`, `.textproto`, `.prototxt`) read as data, never compiled against a schema.

A model server's configuration is often written so: NVIDIA Triton's `config.pbtxt` passes a Python model its Hub id as
a parameter (`parameters { key: "huggingface_model" value: { string_value: "tiiuae/falcon-7b" } }`). Each field is a
name beside a value, read as a config key beside its value (`discover/config.py`), so the naming rule decides what the
field holds. A map field's entries (`key:` beside `value:`) read as one table of those keys, and a value that only
wraps one string (Triton's `{string_value: ...}`) as that string: `huggingface_model: "tiiuae/falcon-7b"`.

The grammar is read loosely, as templates write it: a value outside quotes (an enum, a number, a template's
`${max_batch_size}`) is a word, no string; a brace left open closes at the end of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Comments are matched so that quotes inside them are not taken for strings; an extension's name (`[pkg.Ext]`) is one
# word; any other run of characters but spaces, quotes and punctuation is a word (a name, an enum, a number).
_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r"|(?P<string>\"(?:[^\"\\\n]|\\.)*\"?|'(?:[^'\\\n]|\\.)*'?)"
    r"|(?P<extension>\[[\w./]+\])"
    r"|(?P<punctuation>[{}<>\[\]:,;])"
    r"|(?P<word>[^\s\"'{}<>\[\]:,;#]+)"
)
_CLOSING = {"{": "}", "<": ">"}
_CLOSERS = frozenset({"}", ">", "]"})
MAX_DEPTH = 100  # levels of messages read: a configuration is a few deep; the rest of a deeper text is not read


@dataclass(frozen=True)
class String:
    """A string value, unquoted, and the offset of its opening quote."""

    value: str
    offset: int


@dataclass(frozen=True)
class Field:
    """A field's name and offset, and its values: strings, messages, or none (a word: a number, an enum)."""

    name: str
    offset: int
    values: tuple[String | Message, ...]


@dataclass(frozen=True)
class Message:
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def parse(text: str) -> Message:
    """The text's top-level message."""
    tokens = [_Token(str(m.lastgroup), m[0], m.start()) for m in _TOKEN.finditer(text) if m.lastgroup != "comment"]
    message, _ = _Parser(tokens).message(0, None, 0)
    return message


class _Parser:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens

    def message(self, index: int, closer: str | None, depth: int) -> tuple[Message, int]:
        """The fields from `index` up to `closer` (or the end), and the index after it."""
        fields: list[Field] = []
        tokens = self.tokens
        while index < len(tokens) and tokens[index].text != closer:
            token = tokens[index]
            if token.kind not in ("word", "extension"):
                index += 1  # a separator, or a stray token: passed over
                continue
            values, index = self.values(index + 1, depth)
            fields.append(Field(token.text.strip("[]"), token.offset, values))
        return Message(tuple(fields)), index + 1

    def values(self, index: int, depth: int) -> tuple[tuple[String | Message, ...], int]:
        """A field's value after its name: `: "x"`, `{...}`, `: [...]`; a list holds strings or messages."""
        tokens = self.tokens
        if index < len(tokens) and tokens[index].text == ":":
            index += 1
        if index < len(tokens) and tokens[index].text == "[":
            found: list[String | Message] = []
            index += 1
            while index < len(tokens) and tokens[index].text not in _CLOSERS:
                value, index = self.value(index, depth)
                found += [value] if value is not None else []
            return tuple(found), index + (index < len(tokens) and tokens[index].text == "]")
        value, index = self.value(index, depth)
        return ((value,) if value is not None else ()), index

    def value(self, index: int, depth: int) -> tuple[String | Message | None, int]:
        tokens = self.tokens
        if index >= len(tokens):
            return None, index
        token = tokens[index]
        if token.text in _CLOSING:
            if depth >= MAX_DEPTH:
                return None, len(tokens)  # nested too deeply to be a configuration: the rest is not read
            return self.message(index + 1, _CLOSING[token.text], depth + 1)
        if token.kind == "string":
            return self.string(index)
        return None, index + (token.text not in _CLOSERS)  # a word (a number, an enum); a closer ends the caller's

    def string(self, index: int) -> tuple[String, int]:
        """Adjacent strings, joined as the format reads them (`"org/" "name"`)."""
        tokens = self.tokens
        start = tokens[index].offset
        parts: list[str] = []
        while index < len(tokens) and tokens[index].kind == "string":
            parts.append(_unquoted(tokens[index].text))
            index += 1
        return String("".join(parts), start), index


def _unquoted(token: str) -> str:
    body = token[1:-1] if len(token) > 1 and token[-1] == token[0] else token[1:]
    return body.replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\") if "\\" in body else body


def map_entry(message: Message) -> tuple[String, String | Message] | None:
    """A map field's entry, `{key: "k" value: ...}`, as its key and value; a value that only wraps one string
    (Triton's `{string_value: "x"}`) as that string."""
    if len(message.fields) != 2:
        return None
    by_name = {field.name: field.values for field in message.fields}
    key, value = by_name.get("key", ()), by_name.get("value", ())
    if len(key) != 1 or not isinstance(key[0], String) or len(value) != 1:
        return None
    inner = value[0]
    if isinstance(inner, Message) and len(inner.fields) == 1 and len(inner.fields[0].values) == 1:
        only = inner.fields[0].values[0]
        inner = only if isinstance(only, String) else inner
    return key[0], inner
