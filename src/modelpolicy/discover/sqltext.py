"""SQL scripts (migrations, seeds) read as data, never run: the strings a script writes into named columns.

An app that keeps its settings in a database writes its defaults there: a column's `DEFAULT 'gpt-4o'`, the row a
migration inserts (`INSERT INTO workspaces (name, default_model) VALUES ('Home', 'gpt-4o')`), the value it moves
rows to (`UPDATE chats SET model = 'gpt-4-turbo-preview' WHERE model = 'gpt-4-1106-preview'`). Each is a column's
name beside a string, read as a config key beside its value (`discover/config.py`), so the naming rule decides what
the column holds. A `WHERE` condition's strings are the values being replaced, a `SELECT`'s are queries: not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Comments are matched so that quotes inside them are not taken for strings; a dollar-quote tag (`$$`, `$body$`)
# around a function's body is let go, so the statements of a PL/pgSQL function are read as any others.
_TOKEN = re.compile(
    r"(?P<comment>--[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<string>[EeNn]?'(?:[^']|'')*'?)"
    r"|(?P<quoted>\"(?:[^\"]|\"\")*\"?)"
    r"|(?P<ticked>`(?:[^`]|``)*`?)"
    r"|(?P<dollar>\$[A-Za-z_]*\$)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_$]*)"
    r"|(?P<number>[0-9][A-Za-z0-9_.]*)"
    r"|(?P<other>\S)",
    re.DOTALL,
)
# A name: plain, double-quoted (standard SQL) or in backticks (MySQL, SQLite). A value: a string, or a double-quoted
# one as MySQL and SQLite also read it (`VALUES ("gpt-4o")`; in PostgreSQL a column's name, which no row writes).
_NAMES = frozenset({"word", "quoted", "ticked"})
_VALUES = frozenset({"string", "quoted"})
# Where an UPDATE's `SET` list ends.
_SET_ENDS = frozenset({"where", "from", "returning"})
# Words that start another statement: a list left open ends there, so that no token is read by many statements (a
# hostile script of unclosed `INSERT INTO t (` stays linear).
_STATEMENTS = frozenset({"insert", "update", "delete", "create", "alter", "drop"})
_LOOK_BACK = 500  # tokens a column's definition may hold before its `DEFAULT`


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    start: int

    @property
    def word(self) -> str:
        """A keyword or plain name, lower-cased; "" for anything else."""
        return self.text.lower() if self.kind == "word" else ""


@dataclass(frozen=True)
class Value:
    """A string a script writes into a column, and the offset of its opening quote."""

    column: str
    text: str
    offset: int


def written(text: str) -> list[list[Value]]:
    """The strings the script writes, by group: each inserted row, each UPDATE's `SET` list, each column default."""
    tokens = [
        _Token(_kind(match), match.group(), match.start())
        for match in _TOKEN.finditer(text)
        if match.lastgroup not in ("comment", "dollar")
    ]
    groups: list[list[Value]] = []
    for index, token in enumerate(tokens):
        word = token.word
        if word == "insert" and _word(tokens, index + 1) == "into":
            groups += _inserted(tokens, index + 2)
        elif word == "update":
            groups.append(list(_set(tokens, index + 1)))
        elif word == "default" and index + 1 < len(tokens) and tokens[index + 1].kind in _VALUES:
            column = _defaulted_column(tokens, index)
            if column:
                groups.append([_value(column, tokens[index + 1])])
    return [group for group in groups if group]


def _kind(match: re.Match[str]) -> str:
    """The token's kind; a string or quoted name the text ends inside is neither ("open")."""
    kind = match.lastgroup or ""
    if kind in ("string", "quoted", "ticked"):
        quoted = match.group().lstrip("EeNn")
        return kind if len(quoted) >= 2 and quoted[-1] == quoted[0] else "open"
    return kind


def _word(tokens: list[_Token], index: int) -> str:
    return tokens[index].word if index < len(tokens) else ""


def _name(token: _Token) -> str:
    """A column's name as written, without the quotes of a quoted identifier."""
    return _unquoted(token.text) if token.kind in ("quoted", "ticked") else token.text


def _unquoted(text: str) -> str:
    """A quoted string or name without its quotes, a doubled quote read as one."""
    quote = text[0]
    return text[1:-1].replace(quote * 2, quote)


def _value(column: str, token: _Token) -> Value:
    quoted = token.text.lstrip("EeNn")
    return Value(column, _unquoted(quoted), token.start + len(token.text) - len(quoted))


def _skip_name(tokens: list[_Token], index: int) -> int:
    """The index past a (schema-qualified) table name."""
    while index < len(tokens) and (tokens[index].kind in _NAMES or tokens[index].text == "."):
        if tokens[index].word in ("values", "select", "set", "default"):
            break
        index += 1
    return index


def _items(tokens: list[_Token], index: int) -> tuple[list[list[_Token]], int]:
    """The comma-separated items of the parenthesised list opening at `index`, and the index past its `)`."""
    items: list[list[_Token]] = [[]]
    depth = 0
    for position in range(index, len(tokens)):
        text = tokens[position].text if tokens[position].kind == "other" else ""
        if text == "(":
            depth += 1
            if depth == 1:
                continue
        elif text == ")":
            depth -= 1
            if depth == 0:
                return items, position + 1
        elif text == "," and depth == 1:
            items.append([])
            continue
        elif text == ";" or tokens[position].word in _STATEMENTS:
            break
        items[-1].append(tokens[position])
    return items, len(tokens)


def _inserted(tokens: list[_Token], index: int) -> Iterator[list[Value]]:
    """`INSERT INTO t (a, b) VALUES ('x', 'y'), (...)`: each row's strings under their columns. Without a column
    list the values name no column, and rows chosen by a `SELECT` are a query's."""
    index = _skip_name(tokens, index)
    if index >= len(tokens) or tokens[index].text != "(":
        return
    columns, index = _items(tokens, index)
    names = [_name(item[0]) if len(item) == 1 and item[0].kind in _NAMES else "" for item in columns]
    if _word(tokens, index) != "values":
        return
    index += 1
    while index < len(tokens) and tokens[index].text == "(":
        row, index = _items(tokens, index)
        yield [
            _value(name, item[0])
            for name, item in zip(names, row, strict=False)
            if name and len(item) == 1 and item[0].kind in _VALUES
        ]
        if index >= len(tokens) or tokens[index].text != ",":
            return
        index += 1


def _set(tokens: list[_Token], index: int) -> Iterator[Value]:
    """`UPDATE t SET a = 'x', b = 'y' WHERE ...`: the strings set, under their columns."""
    index = _skip_name(tokens, index)
    if _word(tokens, index) != "set":
        return
    depth, start = 0, index + 1
    for position in range(index + 1, len(tokens) + 1):
        token = tokens[position] if position < len(tokens) else None
        text = token.text if token and token.kind == "other" else ""
        depth += (text == "(") - (text == ")")
        ends = token is None or text == ";" or token.word in _STATEMENTS or (depth == 0 and token.word in _SET_ENDS)
        if ends or (depth == 0 and text == ","):
            part = tokens[start:position]
            if len(part) >= 3 and part[-2].text == "=" and part[-1].kind in _VALUES and part[-3].kind in _NAMES:
                yield _value(_name(part[-3]), part[-1])
            start = position + 1
        if ends or depth < 0:
            return


def _defaulted_column(tokens: list[_Token], index: int) -> str:
    """The column whose definition holds the `DEFAULT` at `index`: the first name of that definition, after the `(`
    or `,` that opens it in a `CREATE TABLE`, or after `COLUMN` (`ADD COLUMN c ...`, `ALTER COLUMN c SET DEFAULT`)."""
    depth = 0
    position = index - 1
    while position >= max(0, index - _LOOK_BACK):
        token = tokens[position]
        text = token.text if token.kind == "other" else ""
        if text == ")":
            depth += 1
        elif text == "(" and depth:
            depth -= 1
        elif (text in ("(", ",") and not depth) or token.word in ("column", "add", "default") or text == ";":
            break
        position -= 1
    else:
        return ""  # the definition's start is too far back, or it is the script's first token
    for token in tokens[position + 1 : index]:
        if token.word in ("if", "not", "exists"):
            continue
        return _name(token) if token.kind in _NAMES else ""
    return ""
