"""Property-based tests of the policy loader, `key_lines` and `modelpolicy approve` (profile: test_properties.py)."""

from __future__ import annotations

import contextlib
import json
import tomllib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from modelpolicy.errors import ModelpolicyError
from modelpolicy.policy.edit import Approval, approve, starter
from modelpolicy.policy.load import CLARIFICATION_KEYS, EXCEPTION_KEYS, KEYS, RULES, load_file
from modelpolicy.policy.locate import key_lines
from tests.test_properties import LICENCE_KEYS, any_text, file_text, hub_ids, syntax_text

KeyPath = tuple[str | int, ...]

# ------------------------------------------------------------------------------------------------ TOML documents

scalars = st.one_of(
    file_text,
    st.sampled_from([*LICENCE_KEYS, "research", "saas", "warn", "fail", "enforce", "off", "2027-01-31", ""]),
    st.integers(),
    st.booleans(),
    st.floats(allow_nan=False),
    st.dates(),
    st.datetimes(),
    st.times(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(EXCEPTION_KEYS), inner)),
    max_leaves=6,
)
entry_tables = st.dictionaries(st.sampled_from(sorted({*EXCEPTION_KEYS, *CLARIFICATION_KEYS})), values, max_size=5)
policy_documents = st.fixed_dictionaries(
    {},
    optional={
        **dict.fromkeys(KEYS, values),
        "rules": st.dictionaries(st.sampled_from(RULES), st.one_of(st.sampled_from(["pass", "warn", "fail"]), values)),
        "exception": st.lists(entry_tables, max_size=3),
        "clarification": st.lists(entry_tables, max_size=2),
        "allow": st.lists(st.one_of(st.sampled_from(LICENCE_KEYS), file_text), max_size=3),
        "extends": st.one_of(st.sampled_from(["research", "commercial", "saas", "nope", "x.toml"]), file_text),
        "context": st.one_of(st.sampled_from(["research", "internal", "commercial", "saas"]), file_text),
    },
)


class Toml:
    """Writes a document as TOML in a style hypothesis picks: bare or quoted keys, basic or literal strings, tables
    as headers, inline tables or dotted keys, comments and blank lines between statements."""

    def __init__(self, draw: st.DrawFn) -> None:
        self.draw = draw

    def document(self, values: dict[str, Any]) -> str:
        scalars = {k: v for k, v in values.items() if not self._is_table(v) and not self._is_table_array(v)}
        lines = [self._pair(key, value) for key, value in scalars.items()]
        for key, value in values.items():
            if self._is_table(value) and self.draw(st.booleans()):
                lines += [self._gap(), f"[{self._key(key)}]{self._comment()}"]
                lines += [self._pair(k, v) for k, v in value.items()]
            elif self._is_table(value):
                lines += [self._pair(f"{self._key(key)}.{self._key(k)}", v, quoted=True) for k, v in value.items()]
                lines += [self._pair(key, {})] if not value else []
            elif self._is_table_array(value) and self.draw(st.booleans()):
                for table in value:
                    lines += [self._gap(), f"[[{self._key(key)}]]{self._comment()}"]
                    lines += [self._pair(k, v) for k, v in table.items()]
            elif self._is_table_array(value):
                lines.append(self._pair(key, value))
        return "\n".join(lines) + self.draw(st.sampled_from(["", "\n", "\n\n# end\n"]))

    @staticmethod
    def _is_table(value: object) -> bool:
        return isinstance(value, dict)

    @staticmethod
    def _is_table_array(value: object) -> bool:
        return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)

    def _pair(self, key: str, value: Any, *, quoted: bool = False) -> str:
        spacing = self.draw(st.sampled_from([" = ", "=", "  =\t"]))
        return f"{key if quoted else self._key(key)}{spacing}{self.value(value)}{self._comment()}"

    def _key(self, key: str) -> str:
        style = self.draw(st.sampled_from(["bare", "basic", "literal"]))
        return {"bare": key, "basic": json.dumps(key), "literal": f"'{key}'"}[style]

    def value(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, str):
            return self.string(value)
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        if isinstance(value, int | float):
            return repr(value)  # `inf`, `-inf` and `1e+16` are TOML too
        if isinstance(value, list):
            newline = self.draw(st.sampled_from(["", "\n  ", " # note\n  "]))
            items = [self.value(item) for item in value]
            return "[" + newline + f",{newline or ' '}".join(items) + ("," + newline if items and newline else "") + "]"
        return "{" + ", ".join(f"{self._key(k)} = {self.value(v)}" for k, v in value.items()) + "}"

    def string(self, value: str) -> str:
        style = self.draw(st.sampled_from(["basic", "literal", "multiline", "multiline-literal"]))
        if style == "literal" and "'" not in value and not any(c in value for c in "\n\r\x7f") and value.isprintable():
            return f"'{value}'"
        if style == "multiline-literal" and "'''" not in value and value.isprintable() and not value.endswith("'"):
            return f"'''\n{value}'''"
        escaped = json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")[1:-1]
        if style == "multiline":
            return f'"""\n{escaped}"""'
        return f'"{escaped}"'

    def _comment(self) -> str:
        return self.draw(st.sampled_from(["", "", " # why", " #[x] = 'y'"]))

    def _gap(self) -> str:
        return self.draw(st.sampled_from(["", "# a table", "\n"]))


@st.composite
def toml_texts(draw: st.DrawFn, documents: st.SearchStrategy[dict[str, Any]] = policy_documents) -> str:
    text = Toml(draw).document(draw(documents))
    tomllib.loads(text)  # the writer writes valid TOML, or this test is wrong
    return text


def key_paths(value: Any, path: KeyPath = ()) -> Iterator[KeyPath]:
    """Every key and array item path of a parsed TOML document."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        yield (*path, key)
        yield from key_paths(child, (*path, key))


def loads(text: str, name: str = ".modelpolicy.toml", prefix: tuple[str, ...] = ()) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text(text, encoding="utf-8")
        load_file(path, prefix=prefix, source=name)


# ------------------------------------------------------------------------------------------------ the loader


@given(toml_texts())
@example('rules.unpinned-revision = "warn"')  # `rules` is on that line too
def test_key_lines_places_every_key_on_a_line_that_holds_it(text: str) -> None:
    lines = key_lines(text)
    written = text.split("\n")
    for path in key_paths(tomllib.loads(text)):
        assert path in lines, path
        if isinstance(path[-1], str):
            assert path[-1] in written[lines[path] - 1], (path, lines[path])


@given(toml_texts())
def test_loading_a_document_of_our_keys_raises_only_modelpolicy_errors(text: str) -> None:
    try:
        loads(text)
    except ModelpolicyError as error:
        assert error.path and str(error)


@given(toml_texts(st.fixed_dictionaries({"tool": st.fixed_dictionaries({"modelpolicy": policy_documents})})))
def test_loading_a_pyproject_raises_only_modelpolicy_errors(text: str) -> None:
    try:
        loads(text, "pyproject.toml", ("tool", "modelpolicy"))
    except ModelpolicyError as error:
        assert error.path and str(error)


@given(st.one_of(file_text, syntax_text, st.builds("{}\n{}".format, toml_texts(), syntax_text)))
def test_loading_any_text_raises_only_modelpolicy_errors(text: str) -> None:
    with contextlib.suppress(ModelpolicyError):
        loads(text)


@given(st.binary(max_size=60))
def test_loading_any_bytes_raises_only_modelpolicy_errors(data: bytes) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / ".modelpolicy.toml"
        path.write_bytes(data)
        with contextlib.suppress(ModelpolicyError):
            load_file(path, prefix=(), source="policy")


# ------------------------------------------------------------------------------------------------ approve

_STARTER = starter("research", date(2026, 11, 23))
policy_files = st.sampled_from(
    [
        ('extends = "research"\n', ".modelpolicy.toml"),
        ('extends = "research"', ".modelpolicy.toml"),
        ('extends = "research"\r\n\r\n[rules]\r\nunpinned-revision = "warn"\r\n', ".modelpolicy.toml"),
        (_STARTER, ".modelpolicy.toml"),
        (
            _STARTER.replace("# [[exception]]\n# ", "[[exception]]\n").replace("\n# reason", "\nreason"),
            ".modelpolicy.toml",
        ),
        (
            'context = "saas"\n\n[[exception]]\nid = "a/b"\nreason = "r"  # kept\n\n# about rules\n[rules]\n'
            'unpinned-revision = "warn"\n',
            ".modelpolicy.toml",
        ),
        (
            '[project]\nname = "x"\n\n[tool.modelpolicy]\nextends = "commercial"\n\n[tool.other]\nk = 1\n',
            "pyproject.toml",
        ),
    ]
)
approvals = st.builds(
    Approval,
    id=st.one_of(hub_ids, any_text),
    reason=any_text,
    approved_by=any_text,
    license=st.one_of(st.none(), st.sampled_from(LICENCE_KEYS), any_text),
    revision=st.one_of(st.none(), any_text),
)


def _inserted_only(before: bytes, after: bytes) -> bool:
    """Whether `after` is `before` with one run of bytes inserted somewhere."""
    common = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), min(len(before), len(after))
    )
    return len(after) >= len(before) and after.endswith(before[common:]) and after[:common] == before[:common]


@given(policy_files, approvals)
@example(('extends = "research"\n', ".modelpolicy.toml"), Approval("a/b", "an undecodable \udcff byte", "me"))
def test_approve_keeps_every_byte_and_the_file_still_loads(policy: tuple[str, str], approval: Approval) -> None:
    text, name = policy
    with TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / name
        path.write_bytes(text.encode("utf-8"))
        try:
            approved = approve(root, approval, today=date(2026, 11, 23))
        except ModelpolicyError:
            assert path.read_bytes() == text.encode("utf-8")
            return
        after = path.read_bytes()
        assert _inserted_only(text.encode("utf-8"), after)
        prefix = ("tool", "modelpolicy") if name == "pyproject.toml" else ()
        policy_now = load_file(path, prefix=prefix, source=name)
        assert approval.id.strip() in [e.id for e in policy_now.exceptions]
        assert approved.line >= 1


@pytest.mark.parametrize("length", [255, 300, 5000])
def test_a_long_extends_is_a_policy_error(length: int) -> None:
    with pytest.raises(ModelpolicyError, match="extends"):
        loads(f'extends = "{"a" * length}"\n')
