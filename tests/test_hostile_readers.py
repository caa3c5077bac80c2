"""No single file can crash the scan (issue 20, H3): every reader meets deep nesting, huge numbers and invalid text
with a finding, a skipped file or nothing, and the scan goes on; a bad policy or lockfile exits 2 naming it.

Exit 4 is kept for real bugs, so each test here asserts on the exit code and on a one-line message that names the
file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelpolicy.cli import main
from modelpolicy.discover import SOURCES
from modelpolicy.discover.interface import FileContext, SourceError

FILE_NAMES = {
    "python": "a.py",
    "notebook": "a.ipynb",
    "shell": "run.sh",
    "config": "a.yaml",
    "containers": "compose.yaml",
    "manifest": "modelpolicy.toml",
    "workflow": ".github/workflows/ci.yml",
    "javascript": "a.ts",
    "modelfile": "Modelfile",
}
MARKERS = 'from_pretrained model: image: models = [ "org/x" ] FROM docker run --model pipeline("t", "org/x") '


def deep_brackets(depth: int) -> str:
    return "x = " + "[" * depth + "]" * depth + "\n"


def deep_block_list(depth: int) -> str:
    return "- " * depth + "x\n"


def deep_parentheses(depth: int) -> str:
    return "x = " + "(" * depth + ")" * depth + "\n"


def deep_json(depth: int) -> str:
    return '{"cells": [], "a": ' + "[" * depth + "]" * depth + "}\n"


def long_expression(terms: int) -> str:
    return "x = " + "+".join(["1"] * terms) + "\n"


def many_branches(branches: int) -> str:
    return "if a == 0:\n    pass\n" + "".join(f"elif a == {i}:\n    pass\n" for i in range(1, branches)) + "\n"


def huge_number(digits: int) -> str:
    return f'{{"model": "org/x", "n": {"9" * digits}}}\nn = {"9" * digits}\nmodel = "org/x"\n'


def names_through_names(count: int) -> str:
    """JavaScript names bound each to the one before, twice over: following them all doubles at each step."""
    chain = "".join(f"const a{i + 1} = a{i} ?? a{i};\n" for i in range(count))
    return f'const a0 = "org/x";\n{chain}pipeline("t", a{count});\n'


def names_bound_to_each_other(count: int) -> str:
    """JavaScript names bound to each other in many functions, as a minified bundle binds `e` and `t`, read through a
    field: the literals they may stand for double at each step."""
    bodies = "".join(f"function f{i}(){{var e=t,t=e;return e}}\n" for i in range(count))
    return f'{bodies}pipeline("t", e.model);\n'


def invalid_text(seed: int) -> str:
    """Bytes that are not UTF-8, as the scan hands them to a source: decoded with the bad bytes replaced."""
    return "model: org/x\n" + bytes(range(seed % 200, seed % 200 + 56)).decode("utf-8", "replace") + "\n"


PAYLOADS = {
    "deep brackets": (deep_brackets, st.integers(1_000, 100_000)),
    "deep block list": (deep_block_list, st.integers(1_000, 50_000)),
    "deep parentheses": (deep_parentheses, st.integers(200, 50_000)),
    "deep json": (deep_json, st.integers(1_000, 100_000)),
    "long expression": (long_expression, st.integers(10_000, 200_000)),
    "many branches": (many_branches, st.integers(500, 3_000)),
    "huge number": (huge_number, st.integers(4_301, 20_000)),
    "invalid text": (invalid_text, st.integers(0, 10_000)),
    "names through names": (names_through_names, st.integers(10, 2_000)),
    "names bound to each other": (names_bound_to_each_other, st.integers(2, 500)),
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.sampled_from(sorted(PAYLOADS)), data=st.data())
def test_every_reader_meets_hostile_text_with_references_or_a_source_error(payload: str, data: st.DataObject) -> None:
    build, sizes = PAYLOADS[payload]
    text = MARKERS + "\n" + build(data.draw(sizes))
    for source in SOURCES:
        context = FileContext(FILE_NAMES[source.name], lambda _: False)
        try:
            source.find(text, context)
        except SourceError as error:
            assert "\n" not in error.reason


def scan(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["scan", str(root), "--offline", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("a.ipynb", '{"cells": [{"cell_type": "code", "source": "from_pretrained(\'org/x\')"}], "x": ' + "[" * 100_000),
        ("modelpolicy.toml", "models = " + "[" * 5_000 + "]" * 5_000 + "\n"),
        ("a.py", "from_pretrained('org/x')\nx = " + "+".join(["1"] * 200_000) + "\n"),
        ("a.py", "from_pretrained('org/x')\n" + many_branches(2_000)),
        ("a.json", '{"model": "org/x", "n": ' + "9" * 5_000 + "}"),
        ("a.toml", 'model = "org/x"\nn = ' + "9" * 5_000 + "\n"),
        ("a.py", 'from transformers import AutoModel\nAutoModel.from_pretrained("org/x", revision="\\ud800")\n'),
        ("a.js", 'pipeline("t", "org/x");\nx = ' + "[" * 100_000 + "]" * 100_000 + "\n"),
        ("a.tsx", 'const MODEL_ID = "org/x";\nconst v = <div>' + "<b>" * 20_000 + "\n"),
        ("a.mjs", 'AutoModel.from_pretrained("org/x");\nconst s = "\ud800";\n' + "x = 1 +\n" * 50_000),
    ],
    ids=[
        "deep notebook",
        "deep modelpolicy.toml",
        "long expression",
        "2,000 branches",
        "json",
        "toml",
        "surrogate",
        "deep javascript",
        "unclosed jsx",
        "javascript surrogate",
    ],
)
@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown", "compact", "cyclonedx"])
def test_one_hostile_file_never_stops_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, text: str, fmt: str
) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    code, _, err = scan(tmp_path, capsys, "--policy", "research", "--format", fmt)
    assert code in (0, 1), err
    assert "internal error" not in err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "markdown", "compact", "cyclonedx"])
def test_a_file_name_that_is_not_utf8_is_reported_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    (tmp_path / "caf\udce9.py").write_text(  # the bytes `caf\xe9.py`: Latin-1, not UTF-8
        'from transformers import AutoModel\nAutoModel.from_pretrained("org/x")\n'
    )
    code, out, err = scan(tmp_path, capsys, "--policy", "research", "--format", fmt)
    assert code == 0, err
    shown = {"text": "caf\\udce9.py", "json": "caf\\udce9.py", "sarif": "caf%E9.py"}
    assert shown.get(fmt, "") in out


@pytest.mark.parametrize(
    ("file", "text", "message"),
    [
        ("policy.toml", 'extends = "research"\nx = ' + "[" * 5_000 + "]" * 5_000 + "\n", "nested too deeply"),
        ("policy.toml", 'extends = "research"\nexpected_users = ' + "9" * 5_000 + "\n", "cannot be read"),
    ],
    ids=["deep", "huge number"],
)
def test_a_bad_policy_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str, text: str, message: str
) -> None:
    (tmp_path / file).write_text(text)
    code, _, err = scan(tmp_path, capsys, "--policy", str(tmp_path / file))
    assert code == 2
    [line] = err.strip().splitlines()
    assert f"{file}" in line and message in line


def test_a_1500_file_extends_chain_exits_2_naming_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for index in range(1_500):
        parent = f"p{index + 1}.toml" if index < 1_499 else "research"
        (tmp_path / f"p{index}.toml").write_text(f'extends = "{parent}"\n')
    code, _, err = scan(tmp_path, capsys, "--policy", str(tmp_path / "p0.toml"))
    assert code == 2
    [line] = err.strip().splitlines()
    assert "extends chains more than 32 files" in line


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
        ('{"version": 1, "x": ' + "9" * 5_000 + "}", "cannot be read"),
    ],
    ids=["deep", "huge number"],
)
def test_a_bad_lockfile_exits_2_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    (tmp_path / "modelpolicy.lock").write_text(text)
    (tmp_path / "a.py").write_text('from transformers import AutoModel\nAutoModel.from_pretrained("org/x")\n')
    code, _, err = scan(tmp_path, capsys, "--policy", "research", "--locked")
    assert code == 2
    [line] = err.strip().splitlines()
    assert "modelpolicy.lock" in line and message in line
    assert json.dumps(line)  # one line, printable


def test_a_long_elif_chain_that_python_parses_is_read_whole() -> None:
    from modelpolicy.discover.python import PythonSource

    text = (
        "from transformers import AutoModel\n"
        + many_branches(1_900)
        + "else:\n    AutoModel.from_pretrained('org/x')\n"
    )
    found = PythonSource().find(text, FileContext("a.py", lambda _: False))
    assert [r.text for r in found] == ["org/x"]


def test_javascript_names_bound_to_each_other_are_followed_within_the_budget() -> None:
    """A minified bundle's `e` and `t`, bound to each other in hundreds of functions, are followed as far as the
    budget goes (before, following them never ended); a literal read elsewhere in the file is still found."""
    text = names_bound_to_each_other(300) + 'pipeline("t", "org/elsewhere");\n'
    source = next(s for s in SOURCES if s.name == "javascript")
    found = source.find(text, FileContext("bundle.min.js", lambda _: False))
    assert [reference.text for reference in found] == ["org/elsewhere"]
