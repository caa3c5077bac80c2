"""docs/policy.md cannot go stale: it documents exactly the keys the loader accepts, its examples load, and its
preset table is what the presets set.

The reference's convention: a `## ` section per table (`Top-level keys`, `Rules`, `Exception keys`, `Clarification
keys`), each key a `### \\`key\\`` heading in it, whose first ```toml block is its example; and under `## Presets`,
a table with a column per preset and a row per setting.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modelpolicy.policy import Policy, load_policy, preset_names
from modelpolicy.policy.concerns import RULE_DEFAULTS
from modelpolicy.policy.load import CLARIFICATION_KEYS, EXCEPTION_KEYS, KEYS, OPTIONAL_RULES, RULES
from tests.conftest import REPO

DOC = REPO / "docs" / "policy.md"
VOCABULARIES = {
    "Top-level keys": KEYS,
    "Rules": (*RULES, *OPTIONAL_RULES),
    "Exception keys": EXCEPTION_KEYS,
    "Clarification keys": CLARIFICATION_KEYS,
}
BASE = 'extends = "commercial"\n'  # what makes an example under a key a whole policy


def _without_fences(raw: list[str]) -> list[str]:
    """`raw` with the lines of fenced code blocks blanked, so that a `#` in TOML is not taken for a heading."""
    lines, fenced = [], False
    for line in raw:
        if line.startswith("```"):
            fenced = not fenced
            lines.append("")
        else:
            lines.append("" if fenced else line)
    return lines


def _sections() -> dict[str, list[str]]:
    """Each `## ` section's title (without a trailing parenthesis) and its raw lines."""
    raw = DOC.read_text(encoding="utf-8").splitlines()
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line, prose in zip(raw, _without_fences(raw), strict=True):
        if prose.startswith("## "):
            current = sections.setdefault(prose[3:].split(" (")[0].strip(), [])
        else:
            current.append(line)
    return sections


def _keys(lines: list[str]) -> dict[str, str]:
    """Each `### \\`key\\`` heading of a section and the first ```toml block under it."""
    keys: dict[str, str] = {}
    key = None
    for line, prose in zip(lines, _without_fences(lines), strict=True):
        heading = re.fullmatch(r"###\s+`([^`]+)`\s*", prose)
        if heading:
            key = heading.group(1)
            assert key not in keys, f"docs/policy.md documents {key} twice"
            keys[key] = ""
        elif key is not None:
            keys[key] += line + "\n"
    return {key: _first_toml(body) for key, body in keys.items()}


def _first_toml(body: str) -> str:
    match = re.search(r"^```toml\n(.*?)^```", body, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


@pytest.mark.parametrize("section", VOCABULARIES)
def test_the_reference_documents_exactly_the_keys_the_loader_accepts(section: str) -> None:
    sections = _sections()
    assert section in sections, f"docs/policy.md has no `## {section}` section"
    documented = set(_keys(sections[section]))
    accepted = set(VOCABULARIES[section])
    assert not accepted - documented, f"{section}: the loader accepts keys docs/policy.md does not document"
    assert not documented - accepted, f"{section}: docs/policy.md documents keys the loader does not accept"


@pytest.mark.parametrize("section", VOCABULARIES)
def test_every_documented_key_has_an_example_that_loads(section: str, tmp_path: Path) -> None:
    for key, example in _keys(_sections()[section]).items():
        assert example, f"{section}: {key} has no ```toml example"
        prefix = "" if re.search(r"^extends\s*=", example, re.MULTILINE) else BASE
        policy_file = tmp_path / f"{VOCABULARIES[section][0]}-{key}.toml"
        policy_file.write_text(prefix + example, encoding="utf-8")
        load_policy(str(policy_file))  # raises, naming the key, when the example is wrong


def _preset_table() -> tuple[list[str], dict[str, list[str]]]:
    rows = [line for line in _sections()["Presets"] if line.startswith("|")]
    assert len(rows) > 2, "docs/policy.md has no preset table under `## Presets`"

    def cells(row: str) -> list[str]:
        return [cell.strip().strip("`") for cell in row.strip().strip("|").split("|")]

    header = cells(rows[0])[1:]
    return header, {cells(row)[0]: cells(row)[1:] for row in rows[2:]}


def _settings(policy: Policy) -> dict[str, str]:
    """What the preset table shows for a policy."""
    return {
        "context": policy.context.value,
        "unknown": policy.rules["unknown"].value,
        "lineage": policy.lineage.value,
        "training_data": policy.training_data.value,
        **{f"rules.{code}": policy.rules[code].value for code in RULES},
        **{f"rules.{code}": policy.rules.get(code, default).value for code, default in RULE_DEFAULTS.items()},
        "rules.unreadable": policy.unreadable.value,
    }


def test_the_preset_table_has_a_column_per_preset() -> None:
    header, _ = _preset_table()
    assert sorted(header) == preset_names()


@pytest.mark.parametrize("preset", preset_names())
def test_the_preset_table_is_what_the_preset_sets(preset: str) -> None:
    header, rows = _preset_table()
    column = header.index(preset)
    documented = {setting: values[column] for setting, values in rows.items()}
    assert documented == _settings(load_policy(preset))


def test_the_documented_pyproject_form_loads(tmp_path: Path) -> None:
    """The `[tool.modelpolicy]` example under "Where the policy is found" is a policy the loader reads."""
    body = "\n".join(_sections()["Where the policy is found"])
    example = next(
        block for block in re.findall(r"```toml\n(.*?)```", body, re.DOTALL) if "[tool.modelpolicy]" in block
    )
    (tmp_path / "pyproject.toml").write_text(example, encoding="utf-8")
    policy = load_policy(str(tmp_path / "pyproject.toml"))
    assert [e.id for e in policy.exceptions] == ["mosaicml/mpt-30b-chat"]
