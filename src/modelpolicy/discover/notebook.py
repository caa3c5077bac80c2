"""Jupyter notebooks: the Python of their code cells, read by the Python source; outputs are never read.

IPython's own lines (`%magic`, `!shell`, `?help`) are blanked rather than removed, so every line of code keeps its
number, and each reference is placed where its text is written in the `.ipynb` file. The shell they run (`!cmd`,
`x = !cmd`, the body of a `%%bash`, `%%sh` or `%%shell` cell) is read by the shell source, as a script would be.
Each code cell is read on its own, and a cell that does not parse is skipped (notebooks often keep unfinished
cells); then the cells that parse are read again as one module, so that a constant set in one cell and used in a
later one resolves. Reading each cell alone as well still resolves a cell's own constant when the name is set again
in another cell.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import accumulate
from typing import Any

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.markers import Markers, Spelled, spelled_apart
from modelpolicy.discover.python import MARKER_WORDS, PythonSource
from modelpolicy.discover.shell import MARKER_WORDS as SHELL_WORDS
from modelpolicy.discover.shell import command_references
from modelpolicy.model import Reference

_PYTHON = PythonSource()
_DECODER = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
# `%magic`, `%%cell_magic`, `!shell`, `?help`, `name?`, `x = !shell`, `x = %magic`: lines IPython rewrites before
# Python sees them. The body of a `%%bash` or `%%html` cell is not Python: it does not parse, and the cell is skipped.
_IPYTHON_LINE = re.compile(r"\s*(?:[%!?]|[\w.]+\?{1,2}\s*$|[\w.][\w.,\s]*=\s*[%!])")
_SHELL_LINE = re.compile(r"\s*(?:[\w.][\w.,\s]*=\s*)?!!?")  # up to where the shell command starts
_SHELL_CELL = re.compile(r"\s*%%(?:bash|sh|shell)\b")
# IPython's `%env NAME=VALUE` and `%env NAME VALUE` (and `%set_env`) set an environment variable, as `NAME=VALUE` does
_ENV_MAGIC = re.compile(r"\s*%(?:set_)?env\s+(?P<name>[A-Za-z_]\w*)[= ](?=\S)")
_WRITEFILE_CELL = re.compile(r"\s*%%writefile\s+(?:(?:-a|--append)\s+)?(?P<name>\S+)")
# A cell's `source` is a list of JSON strings joined without separator, so a name may be split across two; in its
# shell, quotes and backslashes may split one too (`--mod"el"`).
_JSON_STRING_BREAK = re.compile(rb'"\s*,\s*"')
_WORDS = tuple(sorted({*MARKER_WORDS, *SHELL_WORDS}, key=len, reverse=True))
_BETWEEN = '"[[:space:]]*,[[:space:]]*"|[\'"\\\\]'
_SPELLED = Spelled((spelled_apart(_WORDS, _BETWEEN),), across_lines=True)  # for `grep`


def _unsplit(data: bytes, path: str) -> bytes | None:
    """The bytes with JSON string breaks, quotes and backslashes removed; None when there is none (the words were
    looked for already). Never `data` itself, which would let the file pass outright."""
    if not any(mark in data for mark in (b'"', b"'", b"\\")):
        return None
    return _JSON_STRING_BREAK.sub(b"", data).translate(None, b"'\"\\")


@dataclass(frozen=True)
class _Segment:
    """One JSON string of a cell's `source`: its decoded text and where its opening quote is in the file."""

    text: str
    quote: int


@dataclass(frozen=True)
class _Cell:
    """A code cell: its source as written, in segments and in lines, and the lines Python reads."""

    segments: tuple[_Segment, ...]
    lines: tuple[str, ...]
    code: tuple[str, ...]

    @cached_property
    def line_offsets(self) -> list[int]:
        """Where each line starts in the cell's source."""
        return list(accumulate((len(line) + 1 for line in self.lines), initial=0))

    @cached_property
    def segment_offsets(self) -> list[int]:
        """Where each segment starts in the cell's source."""
        return list(accumulate((len(segment.text) for segment in self.segments), initial=0))


class NotebookSource:
    name = "notebook"
    stems: frozenset[str] = frozenset()
    # Python's words; in JSON a `\u` escape may spell one, and a Python string escape is written `\\x`.
    markers = Markers(
        _WORDS,
        caseless=True,
        unicode_passes=True,
        escapes=re.compile(rb"\\u|\\\\[xuUN0-7]"),
        normalise=_unsplit,
        spelled=_SPELLED,
    )

    def wants(self, path: str) -> bool:
        return path.endswith(".ipynb")

    def find(self, text: str, context: FileContext) -> list[Reference]:
        # the APIs the whole notebook shows it calls (a client in one cell, an endpoint in another, its prose: "deploy
        # the NVIDIA NIM"), for each cell read alone as for the cells read as one module
        context = replace(context, around_apis=context.around_apis | apis.contexts(text, context.path))
        try:
            cells = _code_cells(text)
        except (ValueError, RecursionError) as error:
            problem = "nested too deeply" if isinstance(error, RecursionError) else str(error)
            unreadable = SourceError(f"not valid JSON ({problem}); the cells around it were read: fix the notebook")
            raise unreadable.with_found(_cells_references(text, _cells_around(text), context)) from error
        return _cells_references(text, cells, context)


def _cells_references(text: str, cells: list[_Cell], context: FileContext) -> list[Reference]:
    found: list[Reference] = []
    readable: list[_Cell] = []
    unparsed: set[int] = set()
    placed_in = _Placer(text)
    for index, cell in enumerate(cells):
        try:
            found += _references(placed_in, [cell], context)
        except SourceError:
            unparsed.add(index)
            continue
        readable.append(cell)
    found += _whole_references(placed_in, readable, context)
    found += [r for i, cell in enumerate(cells) for r in _shell_references(placed_in, cell, context, i in unparsed)]
    found += [r for cell in cells for r in _written_file_references(placed_in, cell, context)]
    # One reference per place: the reading of the whole notebook, which sees a loader in a later cell read a
    # constant (`from_pretrained`), speaks last and wins over a cell read alone (`constant`).
    placed = {(r.line, r.column, r.kind, r.text): r for r in found}
    return sorted(placed.values(), key=lambda r: (r.line, r.column, r.kind, r.text, r.form))


def _whole_references(placed_in: _Placer, cells: Sequence[_Cell], context: FileContext) -> list[Reference]:
    """The references in the cells that read alone, read as one module (a loader in one cell reading a constant set
    in another). A cell can read alone without parsing whole (its statements that spell no marker word are not
    parsed), so when the module does not parse, the cells that do not parse whole are left out and it is read again;
    if it still does not, what the tolerant reading found is placed in the notebook, beside each cell's own reading."""
    try:
        return _references(placed_in, cells, context)
    except SourceError as error:
        parsing = [cell for cell in cells if _parses("\n".join(cell.code))]
        if len(parsing) < len(cells):
            return _whole_references(placed_in, parsing, context)
        origins = [(cell, index) for cell in cells for index in range(len(cell.code))]
        return [placed_in.moved(r, *origins[r.line - 1]) for r in error.found if 0 < r.line <= len(origins)]


def _parses(code: str) -> bool:
    import ast
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a scanned file's SyntaxWarnings are not ours to print
        try:
            ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return False
    return True


def _references(placed_in: _Placer, cells: Sequence[_Cell], context: FileContext) -> list[Reference]:
    """The references in `cells` read as one module, placed in the notebook file."""
    origins = [(cell, index) for cell in cells for index in range(len(cell.code))]
    module = "\n".join(line for cell in cells for line in cell.code)
    return [placed_in.moved(r, *origins[r.line - 1]) for r in _PYTHON.find(module, context)]


def _shell_references(placed_in: _Placer, cell: _Cell, context: FileContext, unparsed: bool = False) -> list[Reference]:
    """The references in the shell the cell runs, its other lines blanked so that each keeps its line and column. A
    cell that is no Python and no cell magic is a script pasted to run in a terminal (`model=org/x` then
    `docker run ... --model-id $model`): it is read whole, as a `%%bash` body is."""
    pasted = unparsed and bool(cell.lines) and not cell.lines[0].lstrip().startswith("%%")
    whole = pasted or (bool(cell.lines) and _SHELL_CELL.match(cell.lines[0]) is not None)
    shell: list[str] = []
    continued = False  # the line before ran a shell command and ended with a backslash
    for index, line in enumerate(cell.lines):
        shell.append(_shell_part(line, (whole and (index > 0 or pasted)) or continued))
        continued = bool(shell[-1]) and line.rstrip().endswith("\\")
    if not any(shell):
        return []
    found = command_references("\n".join(shell), 1, 0, context, "notebook")
    return [placed_in.moved(r, cell, r.line - 1) for r in found]


def _written_file_references(placed_in: _Placer, cell: _Cell, context: FileContext) -> list[Reference]:
    """A `%%writefile NAME` cell's body is the file NAME (a YAML config, a Dockerfile, a script): it is read by the
    sources that read such a file, its first line blanked so that each line keeps its place. Python bodies are read
    as the cell's own Python already."""
    written = _WRITEFILE_CELL.match(cell.lines[0]) if cell.lines else None
    if written is None:
        return []
    from modelpolicy.discover import written_file_sources

    name = written["name"].strip("'\"")
    body = "\n".join(["", *cell.lines[1:]])
    as_written = FileContext(name, context.is_local_path)  # the sources tell YAML from JSON by the file's name
    found: list[Reference] = []
    for source in written_file_sources(name):
        try:
            found += source.find(body, as_written)
        except SourceError as error:  # a broken body is still the notebook's cell, which is read as code too
            found += error.found
    return [
        replace(placed_in.moved(r, cell, r.line - 1), path=context.path) for r in found if 0 < r.line <= len(cell.lines)
    ]


def _shell_part(line: str, shell_cell_body: bool) -> str:
    """The line with what precedes its shell command blanked: all of it in a `%%bash` body, up to `!` elsewhere;
    a `%env NAME=VALUE` (or `%env NAME VALUE`, `%set_env`) as the assignment `NAME=VALUE` a script would make;
    empty when it runs no shell."""
    if shell_cell_body:
        return line
    if setting := _ENV_MAGIC.match(line):
        return " " * setting.start("name") + setting["name"] + "=" + line[setting.end("name") + 1 :]
    start = _SHELL_LINE.match(line)
    return " " * start.end() + line[start.end() :] if start else ""


class _Placer:
    """Places a reference found in a cell where its text is written in the notebook file. What each placing needs is
    worked out once (the file's line breaks, each cell's line and segment offsets, each segment's escapes), so that
    placing thousands of references costs what they are, not what precedes each of them in the file."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.escapes: dict[int, _Escapes] = {}  # by the segment's opening quote

    @cached_property
    def line_breaks(self) -> list[int]:
        return [match.start() for match in re.finditer("\n", self.text)]

    def moved(self, reference: Reference, cell: _Cell, index: int) -> Reference:
        """`reference`, found at line `index` of `cell`, placed where its text is in the notebook file."""
        offset = cell.line_offsets[index] + reference.column
        segment = bisect_right(cell.segment_offsets, offset) - 1
        quote = cell.segments[segment].quote
        escapes = self.escapes.get(quote)
        if escapes is None:
            escapes = self.escapes[quote] = _escapes(self.text, quote)
        position = escapes.raw_position(quote, offset - cell.segment_offsets[segment])
        line = bisect_left(self.line_breaks, position)
        line_start = self.line_breaks[line - 1] + 1 if line else 0
        return replace(reference, line=line + 1, column=position - line_start, source="notebook")


@dataclass(frozen=True)
class _Escapes:
    """The escapes of one JSON string: at which character of the decoded text each stands, and how many more
    characters than one each takes in the file, summed over it and those before it."""

    characters: list[int]
    longer: list[int]

    def raw_position(self, quote: int, characters: int) -> int:
        """Where in the file the character at index `characters` of the string opened at `quote` is written."""
        before = bisect_left(self.characters, characters)
        return quote + 1 + characters + (self.longer[before - 1] if before else 0)


# An escape as it is written in JSON, a character outside the BMP (two `\u` escapes) held as one by Python; or the
# quote that closes the string.
_JSON_ESCAPE = re.compile(
    r'\\(?:u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)|"', re.DOTALL
)


def _escapes(text: str, quote: int) -> _Escapes:
    characters: list[int] = []
    longer: list[int] = []
    extra = 0
    for match in _JSON_ESCAPE.finditer(text, quote + 1):
        if match[0] == '"':
            break
        characters.append(match.start() - (quote + 1) - extra)
        extra += len(match[0]) - 1
        longer.append(extra)
    return _Escapes(characters, longer)


def _code_cells(text: str) -> list[_Cell]:
    """The notebook's code cells, in order; SourceError when the text is not an nbformat 4 notebook."""
    document = json.loads(text)  # ValueError: the caller reads the cells around the error
    cells = document.get("cells") if isinstance(document, dict) else None
    if not isinstance(cells, list) or not all(isinstance(cell, dict) for cell in cells):
        raise SourceError("not a Jupyter notebook: no list of cells at the top level (nbformat 4)")
    if not _is_python(document):
        return []
    quotes = _source_quotes(text)
    return [_cell(cell, quotes[index]) for index, cell in enumerate(cells) if cell.get("cell_type") == "code"]


def _cells_around(text: str) -> list[_Cell]:
    """The code cells of a notebook that is not valid JSON: each `"source"` value that decodes, in a cell whose
    `"cell_type"` (written before it, as nbformat writes a cell's keys in order) is `code`."""
    cells: list[_Cell] = []
    kind = None
    for match in _CELL_KEY.finditer(text):
        if match["type"] is not None:
            kind = match["type"]
            continue
        if kind != "code":
            continue
        kind = None
        try:
            source, _ = _DECODER.raw_decode(text, match.end())
            quotes = _elements(text, match.end())[0] if text[match.end()] == "[" else [match.end()]
            cells.append(_cell({"source": source}, quotes))
        except (ValueError, IndexError, RecursionError, SourceError):
            continue
    return cells


_CELL_KEY = re.compile(r'"cell_type"\s*:\s*"(?P<type>\w+)"|"source"\s*:\s*')


# Kernel languages whose cells are Python: Python itself, and the dialects that run Python as written (Coconut, a
# superset of Python whose kernel some notebooks name though their cells are plain Python; SageMath's preparser).
_PYTHON_LANGUAGES = frozenset({"python", "python2", "python3", "ipython", "ipython3", "coconut", "sage", "sagemath"})


def _is_python(document: dict[str, Any]) -> bool:
    """Notebooks whose kernel runs another language (R, Julia...) have no Python to read."""
    language = _metadata(document, "language_info", "name") or _metadata(document, "kernelspec", "language")
    return language is None or language.lower() in _PYTHON_LANGUAGES


def _metadata(document: dict[str, Any], section: str, key: str) -> str | None:
    metadata = document.get("metadata")
    values = metadata.get(section) if isinstance(metadata, dict) else None
    value = values.get(key) if isinstance(values, dict) else None
    return value if isinstance(value, str) else None


def _cell(cell: dict[str, Any], quotes: list[int]) -> _Cell:
    source = cell.get("source", [])
    strings = [source] if isinstance(source, str) else source
    if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
        raise SourceError("not a Jupyter notebook: a code cell's source is neither text nor a list of lines")
    segments = tuple(_Segment(s, q) for s, q in zip(strings, quotes, strict=True))
    lines = tuple("".join(strings).split("\n"))
    code = tuple("" if ipython else line for line, ipython in zip(lines, _ipython(lines), strict=True))
    return _Cell(segments, lines, code)


def _ipython(lines: Sequence[str]) -> list[bool]:
    """Which lines IPython rewrites before Python sees them: a magic, shell or help line, and the lines it continues
    onto with a trailing backslash (`!docker run \\` and its options below)."""
    rewritten: list[bool] = []
    continued = False
    for line in lines:
        ipython = continued or _IPYTHON_LINE.match(line) is not None
        rewritten.append(ipython)
        continued = ipython and line.rstrip().endswith("\\")
    return rewritten


def _source_quotes(text: str) -> list[list[int]]:
    """For each cell, where the JSON strings of its `source` open in `text`, found by walking the JSON itself so
    that a `"source"` key in metadata or outputs cannot be mistaken for a cell's. The cells are walked once, in
    the walk of the notebook's keys, rather than passed over whole and then walked (a notebook's outputs are most
    of its text)."""
    quotes: list[list[int]] = []

    def cells(start: int) -> int:
        quotes.clear()  # of `cells` written twice, the last is the notebook's, as `json.loads` reads it
        return _elements(text, start, cell)[1] if text[start] == "[" else _value_end(text, start)

    def cell(start: int) -> int:
        if text[start] != "{":
            quotes.append([])
            return _value_end(text, start)
        members, end = _members(text, start)
        source = members.get("source")
        quotes.append([] if source is None else _elements(text, source)[0] if text[source] == "[" else [source])
        return end

    _members(text, _skip_space(text, 0), {"cells": cells})
    return quotes


_Walk = Callable[[int], int]  # walks the value that starts at an offset, and says where it ends


def _members(text: str, start: int, walks: dict[str, _Walk] | None = None) -> tuple[dict[str, int], int]:
    """The keys of the (valid) JSON object that opens at `start`, each with where its value starts, and where the
    object ends. The values of the keys in `walks` are walked by those; the others are passed over."""
    members: dict[str, int] = {}
    position = _skip_space(text, start + 1)
    while text[position] == '"':
        key, position = _DECODER.raw_decode(text, position)
        position = _skip_space(text, _skip_space(text, position) + 1)
        members[key] = position
        walk = walks.get(key) if walks else None
        position = _after_value(text, walk(position) if walk else _value_end(text, position))
    return members, position + 1


def _elements(text: str, start: int, walk: _Walk | None = None) -> tuple[list[int], int]:
    """Where each value of the (valid) JSON array that opens at `start` starts, and where the array ends. Each value
    is walked by `walk`, when given, else passed over."""
    starts: list[int] = []
    position = _skip_space(text, start + 1)
    while text[position] != "]":
        starts.append(position)
        position = _after_value(text, walk(position) if walk else _value_end(text, position))
    return starts, position + 1


def _value_end(text: str, start: int) -> int:
    return _DECODER.raw_decode(text, start)[1]


def _after_value(text: str, end: int) -> int:
    """Where the next member or element starts (or the closing bracket), after a value that ends at `end`."""
    position = _skip_space(text, end)
    return _skip_space(text, position + 1) if text[position] == "," else position


def _skip_space(text: str, position: int) -> int:
    match = _JSON_SPACE.match(text, position)
    return match.end() if match else position
