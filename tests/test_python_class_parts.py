"""A marked class read by its parts: its header and body-level statements, and only those of its methods that hold a
marked (or followed) line. The methods left out are never parsed unless a question needs them, and what is found is
what a reading of the whole file finds."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.markers import Lines
from modelpolicy.discover.python import PythonSource, _bindings_by_line, _Finder, _follow, _marked_lines, _Words
from modelpolicy.discover.python_statements import class_body, parse_class, parse_member, parse_quietly, top_level

CONTEXT = FileContext("x.py", lambda _: False)
BROKEN = "    def broken(self):\n        x = = 1\n\n"  # a method that does not parse: had it been parsed, the file
# would have been read whole and reported unreadable


def found(text: str) -> list[tuple[str, int, int, str]]:
    return [(r.text, r.line, r.column, r.form) for r in PythonSource().find(text, CONTEXT)]


def found_whole(text: str) -> list[tuple[str, int, int, str]]:
    """What the walk finds in the whole module, parsed in one go."""
    tree = ast.parse(text)
    lines = _marked_lines(text)
    assert lines is not None
    followed: Lines = _follow(lines, _bindings_by_line(tree.body), _Words(text))
    return [(r.text, r.line, r.column, r.form) for r in _Finder(tree, text, CONTEXT, followed).references()]


def the_class(text: str) -> ast.ClassDef:
    return next(node for node in ast.parse(text).body if isinstance(node, ast.ClassDef))


CLASSES = {
    "methods and fields": (
        "import os\n\n\nclass T(Base, metaclass=M):\n    model_id = 'org/x'\n\n    def a(self):\n        return 1\n\n"
        "    async def b(self):\n        return AutoModel.from_pretrained(self.model_id)\n\n    x: int = 2\n"
    ),
    "decorators": (
        "@dataclass\nclass T:\n    @staticmethod\n    @pytest.mark.parametrize(\n        'model', ['org/a'],\n    )\n"
        "    def test(model):\n        pass\n\n    @property\n    def p(self):\n        return 2\n"
    ),
    "nested classes": (
        "class T:\n    class Inner:\n        def f(self):\n            pass\n\n    def g(self):\n        pass\n"
        "    class Other:\n        x = 1\n"
    ),
    "docstrings holding column-indented text": (
        'class T:\n    """Docs.\n\n    def not_a_method(self):\n        model = 1\n    """\n\n'
        "    def a(self):\n        '''\n    def nor_this(self): ...\n'''\n        return 1\n"
        "    def b(self):\n        return (1,\n    2)\n"
    ),
    "else-like continuations and comments": (
        "class T:\n    if X:\n        def a(self):\n            pass\n"
        "    else:\n        def a(self):\n            pass\n"
        "# a comment in column 0\n    try:\n        y = 1\n    except E:\n        y = 2\n    def c(self): return 3\n"
    ),
    "crlf": "class T:\r\n    def a(self):\r\n        pass\r\n\r\n    def b(self):\r\n        return 2\r\n",
    "tabs": "class T:\n\tdef a(self):\n\t\tpass\n\tdef b(self):\n\t\treturn 2\n",
}


@pytest.mark.parametrize("text", CLASSES.values(), ids=CLASSES.keys())
def test_a_class_body_splits_into_statements_each_parsed_alone_as_in_the_whole_file(text: str) -> None:
    statements = top_level(text)
    assert statements is not None
    statement = statements[-1]
    body = class_body(text, statement)
    assert body is not None
    alone = [node for member in body.members for node in parse_member(text, member) or [ast.Pass()]]
    dump = [ast.dump(node, include_attributes=True) for node in alone]
    assert dump == [ast.dump(node, include_attributes=True) for node in the_class(text).body]


@pytest.mark.parametrize("text", CLASSES.values(), ids=CLASSES.keys())
def test_a_class_parsed_without_its_methods_keeps_every_other_node_where_it_is(text: str) -> None:
    statements = top_level(text)
    assert statements is not None
    statement = statements[-1]
    body = class_body(text, statement)
    assert body is not None
    left_out = [index for index, method in enumerate(body.methods) if method]
    cls = parse_class(text, statement, body, left_out)
    assert cls is not None
    whole = the_class(text)
    kept = [node for node in whole.body if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    assert [ast.dump(node, include_attributes=True) for node in cls.body] == [
        ast.dump(node, include_attributes=True) for node in kept
    ]
    for field in ("name", "bases", "keywords", "decorator_list", "lineno", "col_offset"):
        assert ast.dump(ast.Tuple([getattr(cls, field)])) == ast.dump(ast.Tuple([getattr(whole, field)]))


def test_the_methods_that_name_no_model_are_never_parsed() -> None:
    text = f"class T:\n{BROKEN}    def test(self):\n        AutoModel.from_pretrained('org/x')\n"
    assert found(text) == [("org/x", 6, 34, "from_pretrained")]


def test_a_method_that_does_not_parse_when_it_is_needed_sends_the_file_to_a_whole_parse() -> None:
    text = "class T:\n    def test(self):\n        AutoModel.from_pretrained('org/x'\n    def b(self):\n        pass\n"
    with pytest.raises(Exception, match="syntax error"):
        found(text)


CASES = {
    "a class attribute read through self": (
        "class T:\n    model_id = 'org/x'\n\n    def helper(self):\n        return 1\n\n"
        "    def test(self):\n        AutoModel.from_pretrained(self.model_id)\n"
    ),
    "an attribute a method left out binds, read by another": (
        "class T:\n    def __init__(self, path='org/data'):\n        self.path = path\n\n"
        "    def load(self):\n        return load_dataset(self.path)\n"
    ),
    "an attribute bound twice, once in a method left out": (
        "class T:\n    def __init__(self, path='org/data'):\n        self.path = path\n\n"
        "    def reset(self, other='org/other'):\n        self.path = other\n\n"
        "    def load(self):\n        return load_dataset(self.path)\n"
    ),
    "setUp binding the id read by the tests": (
        "class T(unittest.TestCase):\n    def setUp(self):\n        self.model_id = 'org/x'\n\n"
        "    def test_a(self):\n        AutoModel.from_pretrained(self.model_id)\n\n"
        "    def test_b(self):\n        pass\n"
    ),
    "a module constant bound again as a parameter of a method left out": (
        "CHECKPOINT = 'org/a'\n\nclass T:\n    def helper(self, CHECKPOINT):\n        return 1\n\n"
        "    def test(self):\n        AutoModel.from_pretrained(CHECKPOINT)\n"
    ),
    "a module constant read in a method left out": (
        "CHECKPOINT = 'org/a'\n\nclass T:\n    def helper(self):\n        return CHECKPOINT\n\n"
        "    def test(self):\n        AutoModel.from_pretrained(CHECKPOINT)\n"
    ),
    "a followed constant spelled in a method": (
        "VAR = 'MODEL_ID'\n\nclass T:\n    def helper(self):\n        return os.getenv(VAR, 'org/env')\n\n"
        "    def other(self):\n        return 1\n"
    ),
    "an option declared in a method left out": (
        "class Cli:\n    def options(self):\n        p.add_argument('--base', default='org/base')\n\n"
        "    def run(self, args):\n        AutoModel.from_pretrained(args.base)\n"
    ),
    "a parametrize decorator": (
        "class T:\n    @pytest.mark.parametrize('model_id', ['org/a', 'org/b'])\n    def test(self, model_id):\n"
        "        pass\n\n    def other(self):\n        pass\n"
    ),
    "a nested class": (
        "class T:\n    class Config:\n        model_name: str = 'org/x'\n\n    def other(self):\n        pass\n"
        "    def test(self):\n        pipeline(model=self.Config.model_name)\n"
    ),
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_a_class_read_by_its_parts_finds_what_the_whole_module_finds(text: str) -> None:
    assert found(text) == found_whole(text)


def test_the_attribute_a_method_left_out_binds_is_found() -> None:
    assert [t for t, *_ in found(CASES["an attribute a method left out binds, read by another"])] == ["org/data"]
    assert found(CASES["an attribute bound twice, once in a method left out"]) == []


def test_every_class_of_this_projects_own_code_splits_exactly() -> None:
    root = Path(__file__).resolve().parents[1]
    files = [*root.glob("src/**/*.py"), *root.glob("tests/**/*.py"), *root.glob("bench/*.py")]
    classes = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        statements = top_level(text)
        assert statements is not None, path
        tree = parse_quietly(text)  # as the reader parses a file whole: a chained assignment as its single ones
        by_line = {
            min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))]): node for node in tree.body
        }
        for statement in statements:
            body = class_body(text, statement)
            if body is None:
                continue
            whole = by_line[statement.first]
            assert isinstance(whole, ast.ClassDef)
            alone = [node for member in body.members for node in parse_member(text, member) or ()]
            dump = [ast.dump(node, include_attributes=True) for node in whole.body]
            assert [ast.dump(node, include_attributes=True) for node in alone] == dump, (path, statement.first)
            left_out = [index for index, method in enumerate(body.methods) if method]
            cls = parse_class(text, statement, body, left_out)
            assert cls is not None, (path, statement.first)
            kept = [node for node in whole.body if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
            assert [ast.dump(node, include_attributes=True) for node in cls.body] == [
                ast.dump(node, include_attributes=True) for node in kept
            ]
            classes += 1
    assert classes > 100
