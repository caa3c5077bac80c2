"""A JSX model picker's choices: two or more hosted API names offered as the `value`s of one element's options
(`<select>` and `<option>`, shadcn's `<SelectItem>`, MUI's `<MenuItem>`, antd's `<Select.Option>`) are models a user
picks, as a Svelte or Vue component's `<option>` values are; with the look-alikes that stay out (a lone option, other
lists, markup in a string or a comment, bound values, labels)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A = Kind.API

_SHADCN = """export function ModelPicker() {
  return (
    <Select value={model} onValueChange={setModel}>
      <SelectContent>
        <SelectItem value="claude-3-5-sonnet-latest">Sonnet</SelectItem>
        <SelectItem value="claude-3-5-haiku-latest" />
        <SelectItem value="custom">Custom</SelectItem>
      </SelectContent>
    </Select>
  );
}
"""


def found(text: str, path: str = "components/picker.tsx") -> list[tuple[Kind, str, int, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line, r.column) for r in references]


def test_a_component_librarys_items() -> None:
    assert found(_SHADCN) == [(A, "claude-3-5-sonnet-latest", 5, 26), (A, "claude-3-5-haiku-latest", 6, 26)]


@pytest.mark.parametrize("path", ["components/picker.tsx", "src/Picker.jsx", "src/Picker.js"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'const el = (<select name="model"><option value="gpt-4o">GPT-4o</option><option value="gpt-4o-mini">Mini'
            "</option></select>);",
            ["gpt-4o", "gpt-4o-mini"],
        ),
        (
            'const el = (<TextField select><MenuItem value="gpt-4o">4o</MenuItem>'
            '<MenuItem value="o3-mini">o3</MenuItem></TextField>);',
            ["gpt-4o", "o3-mini"],
        ),
        (
            'const el = (<Select><Select.Option value="gpt-4o">4o</Select.Option><Select.Option value="gpt-4.1">4.1'
            "</Select.Option></Select>);",
            ["gpt-4o", "gpt-4.1"],
        ),
    ],
)
def test_options_of_one_element(text: str, expected: list[str], path: str) -> None:
    assert [(kind, name) for kind, name, *_ in found(text, path)] == [(A, name) for name in expected]


@pytest.mark.parametrize(
    "text",
    [
        # one option does not say which list it is in
        'const el = (<select><option value="o1">One</option></select>);',
        'const el = (<div><option value="gpt-4o">a</option></div>);',
        # other lists: places, sizes, labels in mixed case
        'const el = (<select><option value="America/New_York">NY</option><option value="Europe/London">L</option>'
        "</select>);",
        'const el = (<RadioGroup><Radio value="small">S</Radio><Radio value="large">L</Radio></RadioGroup>);',
        'const el = (<select><option value="GPT-4o">a</option><option value="GPT-4o-mini">b</option></select>);',
        # markup in a string or a comment, and values bound in code
        'const html = `<select><option value="gpt-4o">a</option><option value="gpt-4o-mini">b</option></select>`;',
        '// <select><option value="gpt-4o">a</option><option value="gpt-4o-mini">b</option></select>',
        "const el = (<select>{MODELS.map((m) => <option key={m} value={m}>{m}</option>)}</select>);",
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert found(text) == []
