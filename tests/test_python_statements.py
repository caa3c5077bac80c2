"""Top-level statements found without parsing: each, parsed alone, is exactly what `ast` parses in the whole file
(positions included), and anything the lexer cannot follow sends the file to a whole parse."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.python_statements import parse, parse_quietly, top_level

SNIPPETS = {
    "decorators": "@a\n@b(\n1)\ndef f():\n    pass\nx = 1\n",
    "continuations": "if x:\n    y = 1\nelif z:\n    pass\nelse:\n    pass\ntry:\n    pass\nexcept E:\n    pass\n"
    "finally:\n    pass\nelsewhere = 2\n",
    "line joins": "x = 1 + \\\n2\ny = 3\n",
    "strings in column 0": 'DOC = """\nAutoModel.from_pretrained("org/x")\n(\n"""\nz = \'\'\'\n]\n\'\'\'\n',
    "brackets in column 0": "MODELS = [\n'org/a',\n'org/b',\n]\nCALL = f(\nmodel='x',\n)\n",
    "comments with quotes": "# it's \"quoted\" (\nx = 1  # ) '\ny = 2\n",
    "strings with brackets": "x = '(' + \"[{\"\ny = f'{x}]'\n",
    "crlf": "x = 1\r\ny = (\r\n2)\r\n",
    "cr only": "x = 1\ry = (\r2)\r",
    "no final newline": "x = 1\ny = 2",
    "empty": "",
    "escaped quotes": "x = 'it\\'s'\ny = \"a\\\"b\"\nz = r'\\\\'\n",
    "blank lines and comments between": "x = 1\n\n# note\n\n   \ny = 2\n",
    "class": "class A:\n    x = 1\n\n    def f(self):\n        return 2\n\n\nB = A()\n",
}


def statements_parsed_alone(text: str) -> list[str]:
    statements = top_level(text)
    assert statements is not None
    parsed = []
    for statement in statements:
        body = parse(text, statement)
        assert body is not None, statement
        parsed += [ast.dump(node, include_attributes=True) for node in body]
    return parsed


@pytest.mark.parametrize("text", SNIPPETS.values(), ids=SNIPPETS.keys())
def test_statements_parsed_alone_are_the_whole_files_statements(text: str) -> None:
    whole = [ast.dump(node, include_attributes=True) for node in ast.parse(text).body]
    assert statements_parsed_alone(text) == whole


def test_the_corpus_and_this_projects_own_code_split_exactly() -> None:
    root = Path(__file__).resolve().parents[1]
    files = [*root.glob("src/**/*.py"), *root.glob("tests/**/*.py"), *root.glob("bench/*.py")]
    assert len(files) > 50
    for path in files:
        text = path.read_text(encoding="utf-8")
        # the file read whole as the reader reads it (`parse_quietly`: a chained assignment as its single ones)
        whole = [ast.dump(node, include_attributes=True) for node in parse_quietly(text).body]
        assert statements_parsed_alone(text) == whole, path


@pytest.mark.parametrize(
    "text", ['x = "unterminated\n', "x = (1\n", "x = 1)\n", "x = 1 \\ y\n", '"""never closed\n'], ids=repr
)
def test_what_the_lexer_cannot_follow_gives_none(text: str) -> None:
    assert top_level(text) is None


def test_code_inside_a_docstring_is_not_a_reference() -> None:
    text = '"""Usage:\n\nAutoModel.from_pretrained("org/in-docstring")\n"""\nfrom transformers import AutoModel\n'
    text += 'AutoModel.from_pretrained("org/real")\n'
    found = PythonSource().find(text, FileContext("x.py", lambda _: False))
    assert [(r.text, r.line) for r in found] == [("org/real", 6)]


def test_a_followed_constant_from_an_unmarked_statement_is_found() -> None:
    """A loader reading a name assigned where no marker word is makes the whole file parsed."""
    text = 'NAME = "org/far-away"\n\nfrom transformers import AutoModel\nAutoModel.from_pretrained(NAME)\n'
    found = PythonSource().find(text, FileContext("x.py", lambda _: False))
    assert [(r.text, r.line) for r in found] == [("org/far-away", 1)]


@pytest.mark.parametrize(
    "text",
    [
        ",./;'[]\\-=<>?:\"{}|_+!@#$%^&*()`~",  # found by a property test: a second to lex, before the fix
        "x = 'a\\b" + "c" * 30,
        'x = "' + "ab" * 40,
        '"""a\\b' + "c\n" * 30,
    ],
)
def test_a_string_left_open_is_told_at_once(text: str) -> None:
    """An open string once made the lexer try every way of splitting its body: time exponential in its length (each of
    these took more than ten seconds). A child process, so that a regression fails on the timeout, never hangs."""
    code = f"from modelpolicy.discover.python_statements import top_level; print(top_level({text!r}))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True)
    assert done.stdout.strip() == "None"


LOOK_ALIKES = {
    # look-alikes of a statement's start, which the lexer passes over in one run or stops at
    "column 0 in a docstring without brackets": 'def f():\n    """Usage:\nf()\nx = 1\n"""\ny = 2\n',
    "column 0 in a docstring with brackets": "def f():\n    '''Usage:\nf(\n]\n'''\ny = 2\n",
    "column 0 in brackets after a comment holding one": "x = [  # ]\n1,\n]\ny = {  # (\n'a': 1}\n",
    "a hash in a string": 'x = \'# not a comment (\'\ny = "#" + ")"\nz = 3\n',
    "an empty string before a triple quote": "x = ''\ny = '''a\n(b'''\nz = \"\"\"\"\"\"\n",
    "a string joined by a backslash": "x = 'a\\\nb('\ny = 2\n",
    "lines joined by a backslash before column 0": "x = 1 + \\\n2 + \\\n(3)\ny = 4\n",
    "crlf with a docstring and a decorator": 'X = """\r\n(\r\n"""\r\n@d\r\ndef f():\r\n    pass\r\nelse_ = 1\r\n',
    "cr only with brackets in strings": "x = '('\ry = [\r']',\r]\r@d\rclass A: pass\r",
    "not ascii": "N = 'é(' # ü]\nM = [\n'中文',\n]\ndef f():\n    '''Ω\nx('''\n",
    "a form feed in column 0": "x = 1\n\x0c\ny = 2\n",
}


@pytest.mark.parametrize("text", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_look_alikes_of_a_start_split_as_the_whole_file_parses(text: str) -> None:
    whole = [ast.dump(node, include_attributes=True) for node in ast.parse(text).body]
    assert statements_parsed_alone(text) == whole


@pytest.mark.parametrize(
    "text",
    ["x = ]\ny = [\n", "x = '''(\n", "x = '(' + (\ny = 1\n", "x = 1 # (\ny = )\n"],
    ids=["closed before opened", "triple quote left open", "open bracket after a string holding one", "comment"],
)
def test_brackets_the_lexer_cannot_balance_give_none(text: str) -> None:
    assert top_level(text) is None
