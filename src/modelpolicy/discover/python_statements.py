"""A Python file's top-level statements, found without parsing it, so that only the marked ones are parsed.

`ast.parse` is most of a scan's time on a large tree, and most statements of a file that names a model name none.
One regular expression walks the file's strings, comments, brackets, line joins and line breaks; a line break followed
by a character in column 0, outside any string or bracket, starts a new logical line. A logical line opens a new
statement unless it continues one (`else`, `elif`, `except`, `finally`) or follows a decorator. Each statement is
parsed alone and its line numbers shifted; its columns need no shift, since it starts in column 0.

A class's body is split the same way at the body's indentation (`class_body`), so that the class may be parsed
without the methods that hold nothing asked for (`parse_class`), and each of those parsed alone when needed.

The split is only a guess that `ast` checks: anything this lexer does not follow (an unterminated string, a bracket
closed twice, a statement that does not parse alone) gives None, and the caller parses the whole file.
"""

from __future__ import annotations

import ast
import bisect
import copy
import re
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import not_, sub
from typing import NamedTuple

# Strings and comments (group 1), a backslash joining lines (2), a line break before a character in column 0 (3), a
# quote or backslash that is none of these (4), the end of the text (no group). Each match first passes, inside the
# regular expression engine, over what needs no step in Python (`_PLAIN`): ordinary code, strings and comments that hold
# no bracket, backslashes joining lines, line breaks before an indented or blank line. Each is matched as the groups
# match it (a string whole, `"""` as a triple quote), so the pass stops where the groups would have stopped. A string's
# body is matched possessively (`++`, `*+`): its parts never overlap, and a string left open (a hostile file) then
# fails at once instead of trying every way of splitting its body, which takes time exponential in its length.
_PLAIN = r"""
    (?: [^\#"'\\\r\n]++
      | \#[^\r\n()\[\]{}]*+(?![^\r\n])
      | \"\"\"(?:[^"\\()\[\]{}]++|\\[^()\[\]{}]|"(?!""))*+\"\"\"
      | '''(?:[^'\\()\[\]{}]++|\\[^()\[\]{}]|'(?!''))*+'''
      | "(?!"")(?:[^"\\\r\n()\[\]{}]++|\\[^()\[\]{}])*+"
      | '(?!'')(?:[^'\\\r\n()\[\]{}]++|\\[^()\[\]{}])*+'
      | \\(?:\r\n|\r|\n)
      | (?:\r\n|\r|\n)(?![^\s\#])
    )*+
"""
_LEXEME = re.compile(
    _PLAIN
    + r"""
    (?: (\#[^\r\n]*
        | \"\"\"(?:[^"\\]++|\\.|"(?!""))*+\"\"\" | '''(?:[^'\\]++|\\.|'(?!''))*+'''
        | "(?:[^"\\\r\n]++|\\.)*+" | '(?:[^'\\\r\n]++|\\.)*+')
    | (\\(?:\r\n|\r|\n))
    | (?:\r\n|\r|\n)(?=[^\s\#])()
    | (["'\\])
    | \Z)
    """,
    re.VERBOSE | re.DOTALL,
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as `ast` counts lines
_CONTINUATION = re.compile(r"(?:else|elif|except|finally)\b")


class Statement(NamedTuple):
    """A top-level statement: its first and last line (1-based) and where its text starts and ends. A named tuple:
    a file holds thousands, and a tuple is made in a fraction of a frozen dataclass's time."""

    first: int
    last: int
    start: int
    end: int


def top_level(text: str) -> list[Statement] | None:
    """The file's top-level statements in order; None when the lexer cannot tell where they are. Worked out a list at
    a time (`map` over the logical lines' starts), which costs a fraction of a step in Python per logical line."""
    starts = _logical_starts(text)
    if starts is None:
        return None
    firsts = _line_numbers(text, starts)
    lasts = [first - 1 for first in firsts[1:]]
    lasts.append(max(firsts[-1], _last_line(text)))
    # (`tuple.__new__` makes each named tuple without a call in Python: a third of the time)
    statements = list(
        map(tuple.__new__, repeat(Statement), zip(firsts, lasts, starts, [*starts[1:], len(text)], strict=True))
    )
    joined = _joined(text, starts)
    return _merged(statements, joined) if joined else statements


def _merged(statements: list[Statement], joined: set[int]) -> list[Statement]:
    """The statements with each of the `joined` indexes made one with the statement before."""
    merged: list[Statement] = []
    for index, statement in enumerate(statements):
        if index in joined:
            before = merged[-1]
            merged[-1] = Statement(before.first, statement.last, before.start, statement.end)
        else:
            merged.append(statement)
    return merged


def _joined(text: str, starts: list[int]) -> set[int]:
    """The indexes of the logical lines that continue the statement before (`else`, `elif`, `except`,
    `finally`) or follow a decorator, the first excepted."""
    indexes = range(len(starts))
    decorated = compress(indexes[1:], map(text.startswith, repeat("@"), starts)) if "@" in text else ()
    continued = compress(indexes, map(text.startswith, repeat(("e", "f")), starts))  # else, finally...
    return {*decorated, *(i for i in continued if i and _CONTINUATION.match(text, starts[i]))}


def rough_top_level(text: str) -> list[Statement]:
    """For a file that does not parse: its statements guessed from the lines that start in column 0 (but a comment,
    a closing bracket, `else`-like continuations and what follows a decorator), so that those that parse alone can
    still be read."""
    statements: list[Statement] = []
    offset = 0
    decorated = False
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        opens = line[:1] not in _NO_START and not _CONTINUATION.match(line) and not decorated
        if opens or not statements:
            statements.append(Statement(number, number, offset, offset + len(line)))
        else:
            last = statements[-1]
            statements[-1] = Statement(last.first, number, last.start, offset + len(line))
        if line.strip():
            decorated = line.startswith("@")
        offset += len(line)
    return statements


_NO_START = frozenset(" \t\r\n#)]}\f")


def _line_numbers(text: str, starts: list[int]) -> list[int]:
    """The 1-based line each logical line starts on (every start but the first follows a line break)."""
    if "\r" in text:
        breaks = [match.end() for match in _LINE_BREAK.finditer(text)]
        return [count + 1 for count in map(bisect.bisect_right, repeat(breaks), starts)]
    return list(accumulate(map(text.count, repeat("\n"), [0, *starts[:-1]], starts), initial=1))[1:]


def _last_line(text: str) -> int:
    """The line of the text's last character."""
    end = len(text) - 1
    return (len(_LINE_BREAK.findall(text, 0, end)) if "\r" in text else text.count("\n", 0, end)) + 1


def parse_quietly(text: str) -> ast.Module:
    """`ast.parse`, with the SyntaxWarnings Python 3.12 and later print about the scanned code (an invalid escape
    such as `"\\d"`) kept off stderr: they are about the repository's code, and can carry raw control bytes."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SyntaxWarning)
        warnings.simplefilter("ignore", DeprecationWarning)
        module = ast.parse(text)
    # every parse, of a file or of one statement: a test of the text (`a = b = `) would miss `a = b[i] = ` in one and
    # not the other, and a statement read alone must read as it does in the whole file
    module.body = _unchained(module.body)
    return module


def _unchained(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements with each chained assignment `a = b = value` read as the single ones it makes, `a = value` then
    `b = a` (each name binds the value once, as it would alone), in every block they hold; every other statement as
    it is. The readers of a name's value then need to know only the single assignment. Blocks are taken from a list,
    not by recursion: an `elif` chain thousands long nests as deep."""
    blocks = [body]
    while blocks:
        block = blocks.pop()
        block[:] = [single for statement in block for single in _single_assignments(statement)]
        blocks += [inner for statement in block for inner in _blocks(statement)]
    return body


def _blocks(statement: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists a statement holds: a body, an `else`, a `finally`, each `except` and `case`."""
    blocks = [
        block for field in ("body", "orelse", "finalbody") if isinstance(block := getattr(statement, field, None), list)
    ]
    blocks += [handler.body for handler in getattr(statement, "handlers", ())]
    blocks += [case.body for case in getattr(statement, "cases", ())]
    return blocks


def _single_assignments(statement: ast.stmt) -> list[ast.stmt]:
    """`a = b = value` as `a = value` then `b = a`, each where the statement stands; any other statement alone. The
    value is carried by the first target that can be read back (a name first, else an attribute or item)."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) > 1):
        return [statement]
    readable = [target for target in statement.targets if isinstance(target, ast.Name | ast.Attribute | ast.Subscript)]
    names = [target for target in readable if isinstance(target, ast.Name)]
    carrier = (names or readable or [None])[0]
    if carrier is None:
        return [statement]
    read_back = copy.deepcopy(carrier)
    read_back.ctx = ast.Load()
    first = ast.copy_location(ast.Assign(targets=[carrier], value=statement.value), statement)
    others = [target for target in statement.targets if target is not carrier]
    return [first, *(ast.copy_location(ast.Assign(targets=[target], value=read_back), statement) for target in others)]


def parse(text: str, statement: Statement) -> list[ast.stmt] | None:
    """The statement parsed alone, with the line numbers it has in the file; None when it does not parse alone.

    The parser is given the lines before it as empty lines, which costs less than renumbering the nodes, while they
    are few beside the statement's own text; past that, the nodes are renumbered, so that each of thousands of
    statements in a large file costs what it holds and not what precedes it."""
    return _parsed_at(text[statement.start : statement.end], statement.first)


def _parsed_at(source: str, first: int) -> list[ast.stmt] | None:
    """`source` parsed as the text from line `first` of a file; None when it does not parse."""
    blank = first - 1
    prefixed = blank <= _BLANK_LINES_PER_CHARACTER * len(source)
    try:
        module = parse_quietly("\n" * blank + source if prefixed else source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if blank and not prefixed:
        ast.increment_lineno(module, blank)
    return module.body


def parse_together(text: str, statements: list[Statement]) -> list[list[ast.stmt]] | None:
    """Consecutive statements parsed in one go, which costs less than one parse each, and each one's nodes apart;
    None when they do not parse together."""
    run = Statement(statements[0].first, statements[-1].last, statements[0].start, statements[-1].end)
    body = parse(text, run)
    if body is None:
        return None
    firsts = [statement.first for statement in statements]
    parts: list[list[ast.stmt]] = [[] for _ in statements]
    for node in body:
        first = min((node.lineno, *(decorator.lineno for decorator in getattr(node, "decorator_list", ()))))
        parts[bisect.bisect_right(firsts, first) - 1].append(node)
    return parts


_BLANK_LINES_PER_CHARACTER = 4  # measured: renumbering costs per character what the parser takes for 4 empty lines


def _logical_starts(text: str, lexeme: re.Pattern[str] = _LEXEME) -> list[int] | None:
    """Where each logical line in column 0 starts (with `lexeme` from `_indented_lexeme`: at that indentation). A
    line break before a character in column 0 (a mark) starts one where no bracket is open: the brackets are counted
    from one mark to the next, less those inside the strings and comments between, and the running sum is the depth
    at each mark. None where a bracket closes one never opened, one is left open, or a quote opens no string."""
    marks: list[int] = []
    hidden: list[int] = []  # from one mark to the next, the balance of the brackets inside strings and comments
    inside = 0
    for match in lexeme.finditer(text):
        group = match.lastindex
        if group == 3:
            marks.append(match.end())
            hidden.append(inside)
            inside = 0
        elif group == 1:
            inside += _balance(text, match.start(1), match.end())
        elif group == 4:  # a quote that opens no complete string, a backslash outside one
            return None
    hidden.append(inside)
    brackets = text.replace("[", "(").replace("{", "(").replace("]", ")").replace("}", ")")  # (str.translate: slow)
    ends = [*marks, len(text)]
    opened = map(brackets.count, repeat("("), [0, *marks], ends)
    closed = map(brackets.count, repeat(")"), [0, *marks], ends)
    depths = list(accumulate(map(sub, map(sub, opened, closed), hidden)))
    if depths[-1] or min(depths) < 0:
        return None
    return [0, *compress(marks, map(not_, depths))]


def _balance(text: str, start: int, end: int) -> int:
    """Brackets opened less brackets closed in text[start:end]."""
    count = text.count
    opened = count("(", start, end) + count("[", start, end) + count("{", start, end)
    return opened - count(")", start, end) - count("]", start, end) - count("}", start, end)


# --- the statements of a class's body ---------------------------------------------------------------------------


class ClassBody(NamedTuple):
    """The statements of a class's body, each a `Statement` (its decorators and `else`-like continuations with it),
    found as the top-level ones are, at the indentation of the body; `methods` tells which are function definitions,
    the statements that may be left out of a parse of the class (`parse_class`)."""

    indent: str
    members: list[Statement]
    methods: list[bool]


def class_body(text: str, statement: Statement) -> ClassBody | None:
    """The body of the class that `statement` is (decorated or not); None when it is not a class whose body starts on
    a line of its own, or the lexer cannot tell where the body's statements are. The indentation is read from the
    first indented line and only guessed: `parse_class` checks it."""
    source = text[statement.start : statement.end]
    if not _CLASS.match(source):
        return None
    found = _FIRST_INDENTED.search(source)
    if found is None:
        return None
    indent = found.group(1)
    starts = _logical_starts(source, _indented_lexeme(indent))
    if starts is None or len(starts) < 2:
        return None
    lines = [statement.first + number - 1 for number in _line_numbers(source, starts)]
    groups: list[list[int]] = []  # indexes into starts[1:] of each member's logical lines
    for index, start in enumerate(starts[1:], start=1):
        at = start + len(indent)
        after_decorator = bool(groups) and source.startswith("@", starts[groups[-1][-1]] + len(indent))
        if groups and (after_decorator or _CONTINUATION.match(source, at)):
            groups[-1].append(index)
        else:
            groups.append([index])
    members: list[Statement] = []
    methods: list[bool] = []
    for number, group in enumerate(groups):
        first, following = group[0], (groups[number + 1][0] if number + 1 < len(groups) else None)
        last = lines[following] - 1 if following is not None else statement.last
        end = starts[following] if following is not None else len(source)
        members.append(Statement(lines[first], last, statement.start + starts[first], statement.start + end))
        methods.append(bool(_DEFINITION.match(source, starts[group[-1]] + len(indent))))
    return ClassBody(indent, members, methods)


def share_left_out(text: str, statement: Statement, held: Callable[[int, int], bool]) -> float:
    """A quick guess, from the lines that start a method or decorator at the body's indentation (strings and
    brackets not looked at), at the share of a class's text in methods none of whose lines `held` (first, last)
    tells of: splitting the class (`class_body`) costs about a tenth of parsing what it leaves out. Read in place,
    without a copy of the class's text; 1 where a lone `\\r` breaks a line (`class_body` then tells)."""
    start, end = statement.start, statement.end
    found = _FIRST_INDENTED.search(text, start, end)
    if found is None:
        return 0.0
    if text.find("\r", start, end) >= 0:
        return 1.0
    starts = [match.end() for match in _definition_start(found.group(1)).finditer(text, start, end)]
    if not starts:
        return 0.0
    lines = list(accumulate(map(text.count, repeat("\n"), [start, *starts[:-1]], starts), initial=statement.first))
    ends = [*starts[1:], end]
    lasts = [*(line - 1 for line in lines[2:]), statement.last]
    spans = zip(starts, ends, lines[1:], lasts, strict=True)
    unheld = sum(after - at for at, after, first, last in spans if not held(first, last))
    return unheld / (end - start)


@lru_cache(maxsize=16)
def _definition_start(indent: str) -> re.Pattern[str]:
    return re.compile(rf"(?:\r\n|\r|\n)(?={re.escape(indent)}(?:@|(?:async[ \t]+)?def\b))")


def is_class(text: str, statement: Statement) -> bool:
    """Whether the statement starts as a class does (each decorator on a line of its own)."""
    return text.startswith(("class", "@"), statement.start) and _CLASS.match(text, statement.start) is not None


def parse_class(text: str, statement: Statement, body: ClassBody, left_out: list[int]) -> ast.ClassDef | None:
    """The class parsed with the members `left_out` (indexes into `body.members`, methods) left out: each is given to
    the parser as a `pass` on its first line and blank lines after, so that every other node keeps its line and
    column, and the `pass` is then taken out. None when the class does not parse so, or a `pass` is not a statement
    of the class's body (the indentation guessed was not the body's): the caller parses the whole statement."""
    pieces: list[str] = []
    position = statement.start
    placeholders: set[int] = set()
    for index in left_out:
        member = body.members[index]
        pieces.append(text[position : member.start])
        region = text[member.start : member.end]
        breaks = len(_LINE_BREAK.findall(region)) if "\r" in region else region.count("\n")
        pieces.append(body.indent + "pass" + "\n" * breaks)
        placeholders.add(member.first)
        position = member.end
    pieces.append(text[position : statement.end])
    nodes = _parsed_at("".join(pieces), statement.first)
    if nodes is None or len(nodes) != 1 or not isinstance(nodes[0], ast.ClassDef):
        return None
    cls = nodes[0]
    passes = {n.lineno for n in cls.body if type(n) is ast.Pass and n.col_offset == len(body.indent)}
    if not placeholders <= passes:
        return None
    cls.body = [n for n in cls.body if not (type(n) is ast.Pass and n.lineno in placeholders)]
    return cls


def parse_member(text: str, member: Statement) -> list[ast.stmt] | None:
    """A statement of a class's body parsed alone, inside a class of its own whose header is the line before, so
    that it keeps its lines and columns; None when it does not parse so."""
    nodes = _parsed_at("class _:\n" + text[member.start : member.end], member.first - 1)
    if nodes is None or len(nodes) != 1 or not isinstance(nodes[0], ast.ClassDef):
        return None
    return nodes[0].body


_CLASS = re.compile(r"(?:@[^\r\n]*(?:\r\n|\r|\n))*class\b")  # decorators of a line each, then `class`
_FIRST_INDENTED = re.compile(r"(?:\r\n|\r|\n)([ \t]+)[^\s#]")
_DEFINITION = re.compile(r"(?:async[ \t]+)?def\b")


@lru_cache(maxsize=16)
def _indented_lexeme(indent: str) -> re.Pattern[str]:
    """`_LEXEME`, with a line break before a character at `indent` (and not before one in column 0) as its mark."""
    at = re.escape(indent)
    pattern = _LEXEME.pattern.replace(r"(?:\r\n|\r|\n)(?![^\s\#])", rf"(?:\r\n|\r|\n)(?!{at}[^\s\#])").replace(
        r"(?:\r\n|\r|\n)(?=[^\s\#])()", rf"(?:\r\n|\r|\n)(?={at}[^\s\#])()"
    )
    return re.compile(pattern, re.VERBOSE | re.DOTALL)
