"""Policies: what a repository allows. Presets live in `policies/` at the top of the checkout and in the wheel."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from modelpolicy.errors import ModelpolicyError
from modelpolicy.model import Context, Verdict
from modelpolicy.policy.concerns import CONCERNS

_KEYS = frozenset({"name", "description", "context", "extends", "rules"})


@dataclass(frozen=True)
class Policy:
    name: str
    source: str
    description: str
    context: Context
    rules: Mapping[str, Verdict]


def presets_dir() -> Path:
    """The preset folder: inside the installed package, or the checkout's `policies/` in an editable install."""
    bundled = Path(str(resources.files("modelpolicy"))) / "policies"
    return bundled if bundled.is_dir() else Path(__file__).resolve().parents[3] / "policies"


def preset_names() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob("*.toml"))


def load_policy(name_or_path: str) -> Policy:
    """A preset by name, or a policy file by path; raises ModelpolicyError naming what is wrong."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ModelpolicyError("policy file not found; give a preset name or an existing file", path=str(path))
        return _from_file(path, source=str(path), seen=())
    preset = presets_dir() / f"{name_or_path}.toml"
    if not preset.is_file():
        raise ModelpolicyError(
            f"unknown policy {name_or_path!r}; presets are {', '.join(preset_names())}, or give a .toml file"
        )
    return _from_file(preset, source="preset", seen=())


def _from_file(path: Path, *, source: str, seen: tuple[str, ...]) -> Policy:
    document = _read_toml(path)
    where = str(path) if source != "preset" else f"preset {path.stem}"
    unknown = sorted(set(document) - _KEYS)
    if unknown:
        raise ModelpolicyError(f"unknown key {unknown[0]!r}; expected one of {', '.join(sorted(_KEYS))}", path=where)
    base = _base(document, where, (*seen, str(path.resolve())))
    rules = dict(base.rules) if base else {}
    rules.update(_rules(document.get("rules", {}), where))
    missing = sorted(set(CONCERNS) - set(rules))
    if missing:
        raise ModelpolicyError(f"rules: missing {', '.join(missing)}; set each to pass, warn or fail", path=where)
    context = document.get("context", base.context.value if base else None)
    if context not in tuple(Context):
        raise ModelpolicyError(f"context: expected one of {', '.join(Context)}, got {context!r}", path=where)
    return Policy(
        name=str(document.get("name", base.name if base else path.stem)),
        source=source,
        description=str(document.get("description", base.description if base else "")),
        context=Context(context),
        rules=rules,
    )


def _base(document: dict[str, Any], where: str, seen: tuple[str, ...]) -> Policy | None:
    extends = document.get("extends")
    if extends is None:
        return None
    if not isinstance(extends, str):
        raise ModelpolicyError(f"extends: expected a preset name, got {extends!r}", path=where)
    preset = presets_dir() / f"{extends}.toml"
    if not preset.is_file():
        raise ModelpolicyError(
            f"extends: unknown preset {extends!r}; presets are {', '.join(preset_names())}", path=where
        )
    if str(preset.resolve()) in seen:
        raise ModelpolicyError(f"extends: {extends!r} extends itself", path=where)
    return _from_file(preset, source="preset", seen=seen)


def _rules(raw: Any, where: str) -> dict[str, Verdict]:
    if not isinstance(raw, dict):
        raise ModelpolicyError('rules: expected a table of concern = "pass" | "warn" | "fail"', path=where)
    rules = {}
    for code, value in raw.items():
        if code not in CONCERNS:
            raise ModelpolicyError(f"rules.{code}: unknown rule; rules are {', '.join(CONCERNS)}", path=where)
        if value not in tuple(Verdict):
            raise ModelpolicyError(f"rules.{code}: expected pass, warn or fail, got {value!r}", path=where)
        rules[code] = Verdict(value)
    return rules


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ModelpolicyError(
            f"TOML syntax error: {reason}", path=str(path), line=int(match.group(1)) if match else None
        ) from error
    except (OSError, UnicodeDecodeError) as error:
        raise ModelpolicyError(f"cannot read the policy file: {error}", path=str(path)) from error
