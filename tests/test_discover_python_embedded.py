"""A config file held in a Python string (issue 16): `DEFAULT_CONFIG_CONTENTS = \"\"\"...model: gpt-4o...\"\"\"` that a
program writes out or loads is read as the YAML or JSON it is, each reference at its line in the Python file. A string
named for something else (a prompt), of one line, or that is not a config is not read so."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/cli.py", lambda text: text == "checkpoints/run1")
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'DEFAULT_CONFIG_CONTENTS = """# config.yaml\n\nclient:\n  config:\n    model: gpt-4o\n"""\n',
            {(A, "gpt-4o", 5)},
        ),
        (
            'def write_config(path):\n    config_yaml = """\nmodel_name_or_path: org/x\ndataset: org/d\n"""\n'
            "    path.write_text(config_yaml)\n",
            {(M, "org/x", 3), (Kind.DATASET, "org/d", 4)},
        ),
        ('SETTINGS_JSON = \'{"embedding_model": "org/e",\\n "n": 1}\'\n', {(M, "org/e", 1)}),
        (  # a JSON spec a test registers, in a variable named for nothing in particular
            'model = """{\n  "model_name": "custom",\n  "model_specs": [\n    {"model_id": "org/spec"}\n  ]\n}"""\n'
            'client.register_model(model_type="LLM", model=model)\n',
            {(M, "org/spec", 4)},
        ),
    ],
)
def test_a_config_in_a_string_is_read_at_its_lines(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'PROMPT = """Answer with the model: gpt-4o\nand nothing else"""\n',  # not named for a config
        'CONFIG = "model: gpt-4o"\n',  # one line: a value, not a file
        'CONFIG = """model: [unclosed\n  x: org/y\n"""\n',  # not YAML
        'CONFIG = """\nmodel: checkpoints/run1\n"""\n',  # a local path
        'CONFIG = """\nrun_name: org/x\n"""\n',  # a key that names no artefact
        'body = """{\n  "model_id": org/unquoted\n}"""\n',  # braces, but no JSON: not read unless named so
        'template = """{\n  "model_id": "{model_id}"\n}"""\n',  # a template\'s placeholder
        'body = """{\n  "repo": "org/x",\n  "path": "a/b"\n}"""\n',  # JSON whose keys name no artefact
        'text = """model: org/x\nnot json\n"""\n',  # YAML-shaped, but named for nothing: prose as likely
    ],
)
def test_embedded_config_look_alikes(source: str) -> None:
    assert find(source) == set()
