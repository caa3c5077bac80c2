"""Reading and validating policy files. Every error names the file, the line and the key path, and says what was
expected: `pyproject.toml:41: tool.modelpolicy.exception[2].expires: expected a date like 2027-01-31, got "soon"`.

`KEYS`, `EXCEPTION_KEYS` and `CLARIFICATION_KEYS` are the whole vocabulary: `docs/policy.md` documents each key, and
a test holds the two to each other.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from modelpolicy.errors import ModelpolicyError
from modelpolicy.files import read_regular, shown_path
from modelpolicy.model import Context, Verdict
from modelpolicy.policy import (
    Clarification,
    Listed,
    Mode,
    Policy,
    PolicyException,
    preset_names,
    presets_dir,
)
from modelpolicy.policy.concerns import CONCERNS, RULE_DEFAULTS, UNREADABLE
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.policy.locate import key_lines

if TYPE_CHECKING:
    from modelpolicy.knowledge import KnowledgeBase

DEFAULT_PRESET = "commercial"
PYPROJECT = "pyproject.toml"
POLICY_FILE = ".modelpolicy.toml"

MANIFEST_KEYS = ("models", "datasets", "apis")  # the declared manifest, read by `discover/manifest.py`
KEYS = (
    "extends",
    "name",
    "description",
    "context",
    "allow",
    "forbid",
    "unknown",
    "lineage",
    "training_data",
    "expected_users",
    "rules",
    "exception",
    "clarification",
    "exclude",
    *MANIFEST_KEYS,
)
EXCEPTION_KEYS = ("id", "reason", "approved_by", "expires", "license", "revision")
CLARIFICATION_KEYS = ("id", "license", "revision", "reason")
# `unknown` is a key of its own; a rule with a default may be left unset.
RULES = tuple(code for code in CONCERNS if code != "unknown" and code not in RULE_DEFAULTS)
OPTIONAL_RULES = (UNREADABLE.code, *RULE_DEFAULTS)  # `unreadable`, unset, follows `unknown`

MAX_EXTENDS = 32  # files in one `extends` chain
KeyPath = tuple[str | int, ...]
T = TypeVar("T")


def load_named(name_or_path: str) -> Policy:
    """A preset by name, or a policy file by path (a `pyproject.toml` is read under `[tool.modelpolicy]`). A folder
    that has a preset's name (a repository's `research/`, scanned from its root) is no policy: the preset is read."""
    path = Path(name_or_path)
    shadowed = not _is_file(path) and _is_file(presets_dir() / f"{name_or_path}.toml")
    if path.suffix == ".toml" or (_exists(path) and not shadowed):
        if not _is_file(path):
            raise ModelpolicyError("policy file not found; give a preset name or an existing file", path=str(path))
        prefix = ("tool", "modelpolicy") if path.name == PYPROJECT else ()
        return load_file(path, prefix=prefix, source=shown_path(path), seen=())
    return _load_preset(name_or_path, seen=())


def load_repository_policy(start: Path, root: Path) -> Policy:
    """The policy the repository declares nearest to `start` (see `policy_file`), else the default preset."""
    found = policy_file(start, root)
    if found is None:
        policy = _load_preset(DEFAULT_PRESET, seen=())
        return replace(
            policy, source=f"preset {DEFAULT_PRESET}: no [tool.modelpolicy] in {PYPROJECT}, no {POLICY_FILE}"
        )
    path, prefix = found
    source = f"{shown_path(path)} [tool.modelpolicy]" if prefix else shown_path(path)
    return load_file(path, prefix=prefix, source=source, seen=())


def policy_file(start: Path, root: Path) -> tuple[Path, tuple[str, ...]] | None:
    """The file that declares the policy for `start`, and the table it is under: in `start`'s folder or the
    nearest one above it, up to `root`, a `pyproject.toml` with `[tool.modelpolicy]`, else a `.modelpolicy.toml`."""
    folder = start.resolve() if start.is_dir() else start.resolve().parent
    top = root.resolve()
    for candidate in (folder, *folder.parents):
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _declares_policy(pyproject):
            return pyproject, ("tool", "modelpolicy")
        if os.path.lexists(candidate / POLICY_FILE):  # whatever it is: one that cannot be read fails, naming it
            return candidate / POLICY_FILE, ()
        if candidate == top:
            break
    return None


def _declares_policy(pyproject: Path) -> bool:
    tool = _parse(pyproject).get("tool")
    return isinstance(tool, dict) and "modelpolicy" in tool


@dataclass(frozen=True)
class _Document:
    """One policy table, with what an error needs: the file's name, the key lines and the table's own path."""

    values: dict[str, Any]
    label: str
    lines: Mapping[KeyPath, int]
    prefix: tuple[str, ...]
    folder: Path

    def fail(self, path: KeyPath, message: str) -> NoReturn:
        raise ModelpolicyError(f"{self.dotted(path)}: {message}", path=self.label, line=self.line(path))

    def dotted(self, path: KeyPath) -> str:
        text = ""
        for part in (*self.prefix, *path):
            text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
        return text or "(top level)"

    def line(self, path: KeyPath) -> int | None:
        full: KeyPath = (*self.prefix, *path)
        while full:
            if full in self.lines:
                return self.lines[full]
            full = full[:-1]
        return None

    def key(self, path: KeyPath) -> str:
        return f"{self.label} {self.dotted(path)}"

    def where(self, path: KeyPath) -> str:
        line = self.line(path)
        return f"{self.label}:{line}" if line else self.label


def _load_preset(name: str, *, seen: tuple[str, ...]) -> Policy:
    preset = presets_dir() / f"{name}.toml"
    if not _is_file(preset):
        raise ModelpolicyError(f"{_unknown_preset(name)}, or give a .toml file")
    return load_file(preset, prefix=(), source=f"preset {name}", seen=seen)


def _unknown_preset(name: str) -> str:
    hint = _did_you_mean(name, preset_names())
    return f"unknown preset {json.dumps(name)}{hint}; presets are {', '.join(preset_names())}"


def load_file(
    path: Path, *, prefix: tuple[str, ...], source: str, seen: tuple[str, ...] = (), folder: Path | None = None
) -> Policy:
    """The policy in `path` under the table `prefix`, reported as coming from `source`; `seen` holds the files
    already being read, through `extends`; a relative `extends` starts from `folder` (default: `path`'s)."""
    text = _read(path)
    values = _parse(path, text)
    for key in prefix:
        values = values.get(key, {})
        if not isinstance(values, dict):
            raise ModelpolicyError(f"{'.'.join(prefix)}: expected a table", path=shown_path(path))
    document = _Document(values, shown_path(path), key_lines(text), prefix, folder or path.parent)
    is_preset = path.parent == presets_dir()
    return _Builder(document, source, (*seen, str(path.resolve())), is_preset).build()


class _Builder:
    """Validates one document's keys and builds its policy on top of the one it extends."""

    def __init__(self, document: _Document, source: str, seen: tuple[str, ...], is_preset: bool) -> None:
        self.is_preset = is_preset
        self.document = document
        self.values = document.values
        self.source = source
        self.seen = seen

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        """Loaded for the first licence the policy names: a policy that names none (a preset) needs no licence facts."""
        from modelpolicy.knowledge import load

        return load()

    def build(self) -> Policy:
        self._known_keys((), self.values, KEYS)
        base = self._base()
        context = self._choice(("context",), tuple(Context)) if "context" in self.values else None
        if context is None and base is None:
            self.document.fail(("context",), f"not set; set it to one of {', '.join(Context)}, or set `extends`")
        rules = dict(base.rules) if base else {}
        rules.update(self._rules())
        if "unknown" in self.values:
            rules["unknown"] = Verdict(self._choice(("unknown",), ("fail", "warn")))
        missing = [code for code in (*RULES, "unknown") if code not in rules]
        if missing:
            self.document.fail(
                ("rules",),
                f"{', '.join(missing)} not set; set `extends` to a preset ({', '.join(preset_names())}) "
                "or set each rule",
            )
        for key in MANIFEST_KEYS:
            self._strings((key,))
        return Policy(
            name=self._string(("name",)) or (base.name if base else Path(self.document.label).stem),
            source=self._source(base),
            description=self._string(("description",)) or (base.description if base else ""),
            context=Context(context) if context else base.context,  # type: ignore[union-attr]
            rules=rules,
            allow=(*(base.allow if base else ()), *self._listed("allow")),
            forbid=(*(base.forbid if base else ()), *self._listed("forbid")),
            lineage=self._mode("lineage", base.lineage if base else Mode.ENFORCE),
            training_data=self._mode("training_data", base.training_data if base else Mode.WARN),
            expected_users=self._expected_users(base.expected_users if base else None),
            exceptions=(*(base.exceptions if base else ()), *self._exceptions()),
            exclude=(*(base.exclude if base else ()), *self._exclude()),
            clarifications=(*(base.clarifications if base else ()), *self._clarifications()),
        )

    def _source(self, base: Policy | None) -> str:
        if base is None:
            return self.source
        if "extends" in self.values:
            return f"{self.source}, extends {self.values['extends']}"
        return f"{self.source}, context {self.values['context']}"

    def _base(self) -> Policy | None:
        """The policy `extends` names; without `extends`, a policy file's `context` names the preset it starts from
        (a preset sets everything itself)."""
        extends = self._string(("extends",))
        if extends is None:
            context = self.values.get("context")
            if self.is_preset or context not in tuple(Context):
                return None
            return load_file(presets_dir() / f"{context}.toml", prefix=(), source=f"preset {context}", seen=self.seen)
        is_file = extends.endswith(".toml")
        path = self.document.folder / extends if is_file else presets_dir() / f"{extends}.toml"
        if not _is_file(path):
            problem = f"{json.dumps(extends)} is not a file next to {self.document.label}"
            self.document.fail(("extends",), problem if is_file else _unknown_preset(extends))
        if len(self.seen) >= MAX_EXTENDS:
            self.document.fail(("extends",), f"extends chains more than {MAX_EXTENDS} files; shorten the chain")
        if str(path.resolve()) in self.seen:
            chain = " -> ".join(Path(p).name for p in (*self.seen, str(path.resolve())))
            self.document.fail(("extends",), f"extends is cyclic: {chain}")
        source = shown_path(path) if is_file else f"preset {extends}"
        return load_file(path, prefix=(), source=source, seen=self.seen)

    def _rules(self) -> dict[str, Verdict]:
        table = self._typed(("rules",), dict, 'a table of rule = "pass" | "warn" | "fail"', {})
        self._known_keys(("rules",), table, (*RULES, *OPTIONAL_RULES))
        return {code: Verdict(self._choice(("rules", code), tuple(Verdict), table)) for code in table}

    def _listed(self, key: str) -> list[Listed]:
        items = self._typed((key,), list, "a list of licence ids or expressions", [])
        return [
            Listed(self._expression((key, i), item), self.document.where((key, i)), self.document.key((key, i)))
            for i, item in enumerate(items)
        ]

    def _exclude(self) -> list[str]:
        patterns = self._strings(("exclude",))
        for index, pattern in enumerate(patterns):
            if not pattern.strip() or pattern.startswith("!"):
                problem = "re-including with `!` is not supported" if pattern.startswith("!") else "empty pattern"
                self.document.fail(("exclude", index), f"{problem}; write the paths to leave out, as in .gitignore")
        return patterns

    def _strings(self, path: KeyPath) -> list[str]:
        items = self._typed(path, list, "a list of strings", [])
        for index, item in enumerate(items):
            if not isinstance(item, str):
                self.document.fail((*path, index), f"expected a string, got {_shown(item)}")
        return items

    def _exceptions(self) -> list[PolicyException]:
        found = []
        for index, table in self._tables("exception", EXCEPTION_KEYS):
            path: KeyPath = ("exception", index)
            license_id = table.get("license")
            found.append(
                PolicyException(
                    id=self._exception_id((*path, "id"), table),
                    reason=self._required_string((*path, "reason"), table),
                    where=self.document.where(path),
                    key=self.document.key(path),
                    approved_by=self._string((*path, "approved_by"), table),
                    expires=self._date((*path, "expires"), table),
                    license=None if license_id is None else self._expression((*path, "license"), license_id),
                    revision=self._string((*path, "revision"), table),
                )
            )
        return found

    def _exception_id(self, path: KeyPath, table: Mapping[str, Any]) -> str:
        """An exception's id or glob; one that names no owner or name of its own (`*`, `*/*`) would waive every
        artefact, and is refused as too broad."""
        artefact_id = self._required_string(path, table)
        if not artefact_id.replace("*", "").replace("?", "").replace("/", "").replace("[", "").replace("]", "").strip():
            self.document.fail(path, f"{json.dumps(artefact_id)} waives every artefact; name the owner or the id")
        return artefact_id

    def _clarifications(self) -> list[Clarification]:
        found = []
        for index, table in self._tables("clarification", CLARIFICATION_KEYS):
            path: KeyPath = ("clarification", index)
            found.append(
                Clarification(
                    id=self._required_string((*path, "id"), table),
                    license=self._expression((*path, "license"), self._required_string((*path, "license"), table)),
                    revision=self._required_string((*path, "revision"), table),
                    reason=self._required_string((*path, "reason"), table),
                    where=self.document.where(path),
                    key=self.document.key(path),
                )
            )
        return found

    def _tables(self, key: str, keys: tuple[str, ...]) -> Iterable[tuple[int, dict[str, Any]]]:
        items = self._typed((key,), list, f"[[{key}]] tables", [])
        for index, table in enumerate(items):
            if not isinstance(table, dict):
                self.document.fail((key, index), f"expected a table, got {_shown(table)}")
            self._known_keys((key, index), table, keys)
            yield index, table

    def _mode(self, key: str, default: Mode) -> Mode:
        return Mode(self._choice((key,), tuple(Mode))) if key in self.values else default

    def _expected_users(self, default: int | None) -> int | None:
        value = self.values.get("expected_users", default)
        if "expected_users" in self.values and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            self.document.fail(
                ("expected_users",), f"expected a whole number of users such as 1000000, got {_shown(value)}"
            )
        return value

    def _expression(self, path: KeyPath, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            self.document.fail(path, f"expected a licence id or expression such as apache-2.0, got {_shown(value)}")
        try:
            branches = alternatives(value)
        except ExpressionSyntaxError as error:
            self.document.fail(path, f"{error.reason} in {_shown(value)}")
        for key in (k for branch in branches for k in branch):
            if self.knowledge.family(key) is None and not key.lower().startswith("licenseref-"):
                hint = _did_you_mean(key.lower(), self.knowledge.license_names())
                self.document.fail(
                    path, f"unknown licence {_shown(key)}{hint}; `modelpolicy explain ID` shows what a licence id means"
                )
        return value.strip()

    def _date(self, path: KeyPath, table: Mapping[str, Any]) -> date | None:
        value = table.get(str(path[-1]))
        if value is None or (isinstance(value, date) and not hasattr(value, "hour")):
            return value
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        return self.document.fail(path, f"expected a date like 2027-01-31, got {_shown(value)}")

    def _choice(self, path: KeyPath, choices: tuple[str, ...], table: Mapping[str, Any] | None = None) -> str:
        value = (self.values if table is None else table).get(str(path[-1]))
        if value not in choices:
            hint = _did_you_mean(value, choices) if isinstance(value, str) else ""
            self.document.fail(path, f"expected one of {', '.join(choices)}, got {_shown(value)}{hint}")
        return str(value)

    def _required_string(self, path: KeyPath, table: Mapping[str, Any]) -> str:
        if str(path[-1]) not in table:
            self.document.fail(path[:-1], f"{path[-1]} is required: a non-empty string")
        return self._string(path, table) or ""  # `_string` fails on an empty one

    def _string(self, path: KeyPath, table: Mapping[str, Any] | None = None) -> str | None:
        """The string at `path`, stripped; None when absent. An empty string is an error: it would match
        everything (a revision pin) or say nothing (a name)."""
        value = (self.values if table is None else table).get(str(path[-1]))
        if value is not None and not (isinstance(value, str) and value.strip()):
            self.document.fail(path, f"expected a non-empty string, got {_shown(value)}")
        return value.strip() if isinstance(value, str) else None

    def _typed(self, path: KeyPath, kind: type[T], expected: str, default: T) -> T:
        value = self.values.get(str(path[-1]), default)
        if not isinstance(value, kind):
            self.document.fail(path, f"expected {expected}, got {_shown(value)}")
        return value

    def _known_keys(self, path: KeyPath, table: Mapping[str, Any], known: tuple[str, ...]) -> None:
        for key in table:
            if key not in known:
                hint = _did_you_mean(key, known) or f"; expected one of {', '.join(known)}"
                self.document.fail((*path, key), f"unknown key{hint}")


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {json.dumps(close[0])}?" if close else ""


def _shown(value: Any) -> str:
    """A value as the user wrote it in TOML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _is_file(path: Path) -> bool:
    """Whether `path` is a file; False for a name the system cannot look up (too long, say), as for a missing one."""
    try:
        return path.is_file()
    except OSError:
        return False


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:
        return False


def _read(path: Path) -> str:
    try:
        return read_regular(path, "the policy file")
    except FileNotFoundError as error:
        raise ModelpolicyError(f"cannot read the policy file: {error.strerror}", path=shown_path(path)) from error


def _parse(path: Path, text: str | None = None) -> dict[str, Any]:
    try:
        return tomllib.loads(_read(path) if text is None else text)
    except RecursionError:
        raise ModelpolicyError("TOML nested too deeply to read", path=shown_path(path)) from None
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ModelpolicyError(
            f"TOML syntax error: {reason}", path=shown_path(path), line=int(match.group(1)) if match else None
        ) from error
    except ValueError as error:  # a number of more digits than int() converts
        raise ModelpolicyError(f"a value that cannot be read: {error}", path=shown_path(path)) from None
