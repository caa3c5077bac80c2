"""Where each key of a TOML document is: `tomllib` gives values, not lines, and a policy error must name its line.

The scanner reads a document `tomllib` has already accepted, so it only has to find where keys, array items and
table headers start. Paths are tuples of keys and 0-based array indexes, as in `("exception", 2, "expires")`.
"""

from __future__ import annotations

import re

Path = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
# A string's body up to its closing quotes, by its opening quotes: a backslash escapes the next character in a basic
# string, nothing does in a literal one. Matched possessively: the parts never overlap.
_STRING_BODY = {
    '"': re.compile(r'(?:[^"\\]++|\\.)*+"', re.DOTALL),
    "'": re.compile(r"[^']*+'"),
    '"""': re.compile(r'(?:[^"\\]++|\\.|"(?!""))*+"""', re.DOTALL),
    "'''": re.compile(r"(?:[^']++|'(?!''))*+'''"),
}
_SPACE = " \t"


def key_lines(text: str) -> dict[Path, int]:
    """The 1-based line where each key, array item and table of `text` starts."""
    return _Scanner(text).run()


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.lines: dict[Path, int] = {}
        self.tables: dict[Path, int] = {}  # array-of-tables path -> number of items seen
        self.counted = 0  # the offset up to which line breaks are counted
        self.line = 1  # the line at `counted`

    def run(self) -> dict[Path, int]:
        table: Path = ()
        while self._skip_blank():
            if self.text.startswith("[[", self.at):
                table = self._array_table()
            elif self.text[self.at] == "[":
                self.at += 1
                table = self._key()
                self._expect("]")
                self._record(table)
            else:
                self._key_value(table)
        return self.lines

    def _array_table(self) -> Path:
        self.at += 2
        name = self._key()
        self._expect("]]")
        index = self.tables.get(name, 0)
        self.tables[name] = index + 1
        self._record(name)
        self._record((*name, index))
        return (*name, index)

    def _key_value(self, table: Path) -> None:
        start = self.at
        path = (*table, *self._key())
        self._record(path, start)
        self._expect("=")
        self._value(path)

    def _key(self) -> Path:
        parts: list[str] = []
        while True:
            self._skip(_SPACE)
            parts.append(self._key_part())
            self._skip(_SPACE)
            if self.text[self.at] != ".":
                return tuple(parts)
            self.at += 1

    def _key_part(self) -> str:
        if self.text[self.at] in "\"'":
            start = self.at
            self._string()
            return _unquote(self.text[start : self.at])
        match = _BARE_KEY.match(self.text, self.at)
        if match is None:
            raise ValueError(f"no key at offset {self.at}")
        self.at = match.end()
        return match.group()

    def _value(self, path: Path) -> None:
        self._skip(_SPACE)
        char = self.text[self.at]
        if char in "\"'":
            self._string()
        elif char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        else:
            while self.at < len(self.text) and self.text[self.at] not in ",]}#\n":
                self.at += 1

    def _array(self, path: Path) -> None:
        self.at += 1
        index = 0
        while True:
            self._skip_blank(comments=True)
            if self.text[self.at] == "]":
                self.at += 1
                return
            self._record((*path, index))
            self._value((*path, index))
            index += 1
            self._skip_blank(comments=True)
            if self.text[self.at] == ",":
                self.at += 1

    def _inline_table(self, path: Path) -> None:
        self.at += 1
        while True:
            self._skip(_SPACE)
            if self.text[self.at] == "}":
                self.at += 1
                return
            if self.text[self.at] == ",":
                self.at += 1
                continue
            self._key_value(path)

    def _string(self) -> None:
        quote = self.text[self.at]
        triple = self.text.startswith(quote * 3, self.at)
        self.at += 3 if triple else 1
        body = _STRING_BODY[quote * 3 if triple else quote].match(self.text, self.at)
        if body is None:
            raise ValueError(f"no closing quote after offset {self.at}")
        self.at = body.end()
        while triple and self.text.startswith(quote, self.at):  # up to two quotes may end a multi-line string
            self.at += 1

    def _skip_blank(self, *, comments: bool = True) -> bool:
        """Skip whitespace, newlines and comments; False at the end of the text."""
        while self.at < len(self.text):
            char = self.text[self.at]
            if char in " \t\r\n":
                self.at += 1
            elif char == "#" and comments:
                end = self.text.find("\n", self.at)
                self.at = len(self.text) if end < 0 else end
            else:
                return True
        return False

    def _skip(self, chars: str) -> None:
        while self.at < len(self.text) and self.text[self.at] in chars:
            self.at += 1

    def _expect(self, token: str) -> None:
        self._skip(_SPACE)
        if not self.text.startswith(token, self.at):
            raise ValueError(f"expected {token!r} at offset {self.at}")
        self.at += len(token)

    def _record(self, path: Path, at: int | None = None) -> None:
        """`path` and each table it implies (`a` for `a.b = 1` or `[a.b]`) start here, unless they started earlier."""
        line = self._line_at(self.at if at is None else at)
        for end in range(1, len(path) + 1):
            self.lines.setdefault(path[:end], line)

    def _line_at(self, at: int) -> int:
        """The line of offset `at`, counted on from the last offset asked (keys are met in order): counting from the
        start each time takes time that grows with the square of the file (100,000 exceptions)."""
        if at >= self.counted:
            self.line += self.text.count("\n", self.counted, at)
        else:
            self.line -= self.text.count("\n", at, self.counted)
        self.counted = at
        return self.line


def _unquote(quoted: str) -> str:
    """A quoted key's text: the document is valid TOML, so `tomllib` reads it back."""
    import tomllib

    return str(tomllib.loads(f"k = {quoted}")["k"])
