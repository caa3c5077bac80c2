"""Reading a Python file by the statements that matter: those holding a marker word, and those spelling a name a loader
reads. The rest of the file is never parsed, and what is found is what a reading of the whole file finds."""

from __future__ import annotations

import ast

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, _exclusive, _marked_lines, _Words
from modelpolicy.discover.python_statements import parse, parse_together, rough_top_level, top_level

CONTEXT = FileContext("x.py", lambda _: False)


def found(text: str) -> list[tuple[str, int, str]]:
    return [(r.text, r.line, r.form) for r in PythonSource().find(text, CONTEXT)]


def test_words_are_found_whole_in_any_case_on_the_lines_ast_counts() -> None:
    words = _Words("NAME = 1\r\nname_2 = NAME\rother = Name + 1\nrename = 2\n")
    assert words.lines(["name"]) == [1, 2, 3]
    assert words.lines(["NAME_2", "rename"]) == [2, 4]
    assert words.lines(["nowhere"]) == []


def _branches(text: str, name: str) -> list[tuple[tuple[int, int], ...]]:
    """The branch of each assignment to `name` at the top of `text`, as the module's constants see them."""
    from modelpolicy.discover.python import _module_statements, _single_assignment

    tree = ast.parse(text)
    return [branch for branch, s in _module_statements(tree.body, ()) if _single_assignment(s)[0] == name]


@pytest.mark.parametrize(
    ("text", "exclusive"),
    [
        ("if a:\n    X = 1\nelse:\n    X = 2\n", True),
        ("if a:\n    X = 1\nelif b:\n    X = 2\nelse:\n    X = 3\n", True),
        ("try:\n    X = 1\nexcept A:\n    X = 2\nexcept B:\n    X = 3\n", True),
        ("if a:\n    X = 1\n    X = 2\n", False),  # one block, in sequence
        ("X = 1\nif a:\n    X = 2\n", False),  # one on the way to the other
        ("if a:\n    X = 1\nif b:\n    X = 2\n", False),  # two statements, both may run
        ("if a:\n    if b:\n        X = 1\n    else:\n        X = 2\nelse:\n    X = 3\n", True),
        ("if a:\n    if b:\n        X = 1\n    if c:\n        X = 2\nelse:\n    X = 3\n", False),
        ("X = 1\n", True),
        ("", True),
    ],
)
def test_places_are_exclusive_when_every_two_sit_in_different_blocks_of_one_statement(
    text: str, exclusive: bool
) -> None:
    assert _exclusive(_branches(text, "X")) is exclusive


def test_thousands_of_handlers_each_setting_the_model_are_each_a_reference() -> None:
    handlers = "".join(f'except E{i}:\n    model_id = "org/model-{i}"\n' for i in range(3000))
    text = f"try:\n    import x\n{handlers}AutoModel.from_pretrained(model_id)\n"
    assert [t for t, _, _ in found(text)] == [f"org/model-{i}" for i in range(3000)]


def test_a_name_read_by_a_loader_is_found_without_parsing_the_statements_that_do_not_spell_it() -> None:
    """A statement that does not parse alone, naming neither a marker nor the name, is never parsed: had it been,
    the file would have been reported unreadable."""
    text = 'CHECKPOINT = "org/far-away"\n\nbroken = = 1\n\nAutoModel.from_pretrained(CHECKPOINT)\n'
    assert found(text) == [("org/far-away", 1, "from_pretrained")]


def test_a_name_bound_again_in_a_statement_that_names_no_model_is_not_a_constant() -> None:
    """Every binding counts, wherever it is: here a parameter of a function that holds no marker word."""
    text = 'BASE = "org/a"\n\ndef helper(BASE):\n    return 1\n\nAutoModel.from_pretrained(BASE)\n'
    assert found(text) == []
    text = 'BASE = "org/a"\n\ndef helper():\n    return BASE\n\nAutoModel.from_pretrained(BASE)\n'
    assert found(text) == [("org/a", 1, "from_pretrained")]


def test_an_option_declared_in_a_statement_without_a_marker_gives_its_default() -> None:
    text = (
        "import argparse\n\ndef options():\n    p = argparse.ArgumentParser()\n"
        '    p.add_argument("--base", default="org/base")\n    return p.parse_args()\n\n'
        "args = options()\nAutoModel.from_pretrained(args.base)\n"
    )
    assert found(text) == [("org/base", 5, "from_pretrained")]


def test_a_chain_of_names_reading_an_environment_variable_is_followed_however_long() -> None:
    chain = "".join(f"V{i + 1} = V{i}\n" for i in range(300))
    text = f'V0 = "MODEL_ID"\n{chain}model = os.getenv(V300, "org/from-env")\n'
    assert [t for t, _, _ in found(text)] == ["org/from-env"]


def test_a_statement_parsed_alone_far_into_a_file_keeps_its_lines_and_columns() -> None:
    text = "x = 1\n" * 5000 + "y = (\n    f(a,\n      b))\n"
    statements = top_level(text)
    assert statements is not None
    body = parse(text, statements[-1])
    assert body is not None
    whole = ast.parse(text).body[-1]
    assert ast.dump(body[0], include_attributes=True) == ast.dump(whole, include_attributes=True)


@pytest.mark.parametrize(
    "text",
    [
        "import os\n@a\n@b(\n1)\ndef f():\n    pass\nx = 1; y = 2\nclass C:\n    pass\n",
        "x = 1\n" * 40 + "try:\n    pass\nexcept E:\n    pass\nz = [\n1,\n]\n",
    ],
)
def test_statements_parsed_together_are_each_the_same_as_parsed_alone(text: str) -> None:
    statements = top_level(text)
    assert statements is not None
    together = parse_together(text, statements)
    assert together is not None
    alone = [parse(text, statement) for statement in statements]
    dump = [[ast.dump(node, include_attributes=True) for node in body or ()] for body in alone]
    assert [[ast.dump(node, include_attributes=True) for node in body] for body in together] == dump


def test_statements_that_do_not_parse_together_give_none() -> None:
    text = "x = (\ny = 1\n"
    assert parse_together(text, rough_top_level(text)) is None


def test_a_file_not_in_ascii_is_read_by_its_statements_when_its_other_characters_spell_no_ascii() -> None:
    """Accents in a comment cannot spell a marker: the statements that name no model are not parsed (the broken one
    would be reported)."""
    text = '# modèle — café\nbroken = = 1\n\nAutoModel.from_pretrained("org/accented")\n'
    assert found(text) == [("org/accented", 4, "from_pretrained")]


def test_a_marker_spelled_as_python_reads_names_marks_its_statement() -> None:
    """A fullwidth letter, or a Kelvin sign read lower-cased, may spell a marker (Python reads a fullwidth `f` in
    `from_pretrained`, NFKC): the file is still read by its statements, looked for as Python reads its names, so a
    superscript in a comment elsewhere no longer makes the whole file parsed."""
    fullwidth = '\uff4dodel = "org/fullwidth"\nAutoModel.from_pretrained(\uff4dodel)\nbroken = = 1  # 10\u00b3\n'
    assert found(fullwidth) == [("org/fullwidth", 1, "from_pretrained")]
    spelled = 'x = 1  # 10\u00b2\nbroken = = 1\n\nAutoModel.\uff46rom_pretrained("org/spelled")\n'
    assert found(spelled) == [("org/spelled", 4, "from_pretrained")]
    kelvin = 'AutoModel.from_pretrained("org/x")\nbroken = = 1  # \u212a\n'
    assert found(kelvin) == [("org/x", 1, "from_pretrained")]
    marked = _marked_lines("x = 1  # \u00e9\nname = AutoTo\u212aenizer\n")
    assert marked is not None and marked.numbers == [2]


def test_a_reference_after_characters_outside_ascii_is_placed_in_characters() -> None:
    text = 'x = "é—"; m = AutoModel.from_pretrained("org/after")\n'
    [reference] = PythonSource().find(text, CONTEXT)
    assert (reference.line, reference.column) == (1, text.index('"org/after"'))


def test_a_name_bound_again_in_fullwidth_letters_is_not_a_constant() -> None:
    """Python reads a fullwidth B and `ASE` as `BASE` (NFKC): the index of the file's words reads it so
    too, and the parameter is a second binding."""
    rebound = 'BASE = "org/a"\n\ndef helper(\uff22ASE):\n    return 1\n\nAutoModel.from_pretrained(BASE)\n'
    assert found(rebound) == []
    assert _Words("x = \uff23HECKPOINT\n").lines(["checkpoint"]) == [1]


# A name bound only to values that stand for no string (a call, an attribute of one) is not followed further: its
# bindings are not counted, nor the definitions that spell it parsed. What can still stand for a string is followed.


def test_a_name_bound_in_a_function_to_a_call_stands_for_nothing_and_the_constant_beside_it_is_read() -> None:
    text = (
        'CHECKPOINT = "org/outer"\n\ndef load(model=None):\n    config = make_config()\n    model = build(config)\n'
        "    pipeline(model=model, config=config)\n    return AutoModel.from_pretrained(CHECKPOINT, config=config)\n"
    )
    assert found(text) == [("org/outer", 1, "from_pretrained")]


def test_a_constant_read_for_a_default_is_followed_though_it_is_a_call() -> None:
    text = (
        'MODELS = {"main": "org/from-dict"}\nMAIN = MODELS.get("main")\nOTHER = os.environ.get("M", "org/from-env")\n'
        'ASKED = Prompt.ask("Model", default="org/asked")\n'
        "AutoModel.from_pretrained(MAIN)\nAutoModel.from_pretrained(OTHER)\nAutoModel.from_pretrained(ASKED)\n"
    )
    assert [t for t, _, _ in found(text)] == ["org/from-dict", "org/from-env", "org/asked"]


def test_a_constant_chain_through_an_item_and_an_attribute_is_followed() -> None:
    text = (
        'NAMES = ["org/first"]\nFIRST = NAMES[0]\nCHOSEN = FIRST\n\nclass Loader:\n'
        '    def __init__(self, path="org/attr"):\n        self.path = path\n\n'
        "    def load(self):\n        load_dataset(self.path)\n        return AutoModel.from_pretrained(CHOSEN)\n"
    )
    assert [t for t, _, _ in found(text)] == ["org/first", "org/attr"]


def test_a_module_constant_assigned_in_a_branch_is_found_beside_functions_that_spell_it() -> None:
    text = (
        'try:\n    BASE = "org/a"\nexcept ImportError:\n    BASE = "org/b"\n\n'
        "def model():\n    return AutoModel.from_pretrained(BASE)\n\ndef other():\n    return BASE.upper()\n"
    )
    assert [t for t, _, _ in found(text)] == ["org/a", "org/b"]


def test_a_constant_rebound_in_a_function_is_no_constant_though_only_the_definition_rebinds_it() -> None:
    text = 'BASE = "org/a"\n\ndef reset():\n    BASE = make()\n\nAutoModel.from_pretrained(BASE)\n'
    assert found(text) == []


def test_a_name_bound_to_a_loaded_model_stands_for_nothing_and_the_literal_it_loads_is_found() -> None:
    text = (
        'def run(model_id="org/param", flag=True):\n    model = AutoModel.from_pretrained(model_id)\n'
        "    model = model.to(device)\n    pipe = pipeline(model=model, trust_remote_code=flag)\n"
        '    tokenizer = AutoTokenizer.from_pretrained(\n        "org/multi-line",\n    )\n    return pipe\n'
    )
    assert [(t, line) for t, line, _ in found(text)] == [("org/param", 1), ("org/multi-line", 6)]


def test_a_named_constant_is_read_though_a_function_has_a_parameter_of_its_name() -> None:
    """`def load(model_name)` binds the function's own `model_name`: the module's `model_name = "org/x"` is still a
    constant named for the model it holds, passed to that function."""
    text = (
        "def load(model_name, bits):\n    return AutoModel.from_pretrained(model_name)\n\n"
        'if __name__ == "__main__":\n    model_name = "org/main"\n    model = load(model_name, 4)\n'
    )
    assert found(text) == [("org/main", 5, "constant")]


@pytest.mark.parametrize(
    "text",
    [
        # bound again at the top of the module, or by a function that says it is the module's
        'model_name = "org/a"\nfor model_name in names():\n    pass\ndef load(model_name):\n    return model_name\n',
        'model_name = "org/a"\ndef reset(model_name):\n    global other\n    other = model_name\ndef set_it():\n'
        "    global model_name\n    model_name = pick()\n",
        'model_name = "org/a"\nmodel_name = "org/b"\ndef load(model_name):\n    return model_name\n',
    ],
)
def test_a_named_constant_bound_again_in_its_module_s_scope_is_none(text: str) -> None:
    assert found(text) == []
