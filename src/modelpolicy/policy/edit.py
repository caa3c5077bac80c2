"""Editing a repository's policy file: `modelpolicy approve` appends an exception, `modelpolicy init` writes a
starter policy.

A policy file is reviewed by people, so an edit keeps every byte of it (comments, order, formatting, line endings)
and only inserts text. Every edit is loaded with the loader before it replaces the file, and the replacement is
atomic: a failed or interrupted edit leaves the file as it was. Runs side by side take turns from reading the file to
replacing it (`files.exclusive`), so none loses another's exception.
"""

from __future__ import annotations

import json
import re
import tempfile
import tomllib
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from modelpolicy.errors import ModelpolicyError
from modelpolicy.files import exclusive, read_regular, replace_atomically, shown_path
from modelpolicy.policy import Policy, load_policy, preset_names
from modelpolicy.policy.load import (
    EXCEPTION_KEYS,
    POLICY_FILE,
    PYPROJECT,
    load_file,
    load_named,
    policy_file,
)
from modelpolicy.policy.locate import key_lines

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_OPTIONS = {  # exception key -> the `approve` argument it comes from, for error messages
    "id": "ID",
    "reason": "--reason",
    "approved_by": "--by",
    "expires": "--expires",
    "license": "--license",
    "revision": "--revision",
}


@dataclass(frozen=True)
class Approval:
    """What `modelpolicy approve` grants, as given on the command line."""

    id: str
    reason: str
    approved_by: str
    expires: str | None = None
    license: str | None = None
    revision: str | None = None


@dataclass(frozen=True)
class Approved:
    """Where an approval was written, and the exceptions already there for the same id (the first current one
    applies)."""

    path: Path
    line: int
    header: str
    shadowed_by: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # the policy's `exclude`: what `unreferenced` leaves out, as a scan would


def approve(root: Path, approval: Approval, today: date | None = None) -> Approved:
    """Append `approval` as an exception table to the policy file of the repository at `root`."""
    found = policy_file(root, root)
    if found is None:
        raise ModelpolicyError(
            f"no policy file in {root.resolve()} (no [tool.modelpolicy] in {PYPROJECT}, no {POLICY_FILE}); "
            "run `modelpolicy init` to write one, then approve again"
        )
    path, prefix = found
    with exclusive(path, "the policy file"):  # runs side by side take turns: each keeps the others' exceptions
        current = _load(path, prefix, path)  # a broken policy file fails here, naming its own line
        header = f"[[{'.'.join((*prefix, 'exception'))}]]"
        table = _render(header, _validated(approval, today or date.today()))
        text = read_regular(path, "the policy file")
        at = _insertion_point(text, prefix, path, header)
        new_text, line = _inserted(text, at, table)
        replace_atomically(path, new_text, "the policy file", lambda temporary: _load(temporary, prefix, path))
    shadowed = tuple(e.where for e in current.exceptions if e.id.lower() == approval.id.strip().lower())
    return Approved(path, line, header, shadowed, current.exclude)


def unreferenced(root: Path, pattern: str, exclude: tuple[str, ...] = ()) -> str | None:
    """Why an exception for `pattern` waives nothing the repository at `root` references today (a warning: an id
    mistyped, or approved ahead of its use), or None when a referenced artefact matches it as exceptions match
    (`fnmatch`, case-insensitive). Discovery runs on the whole repository, as `scan` does; nothing is resolved."""
    from fnmatch import fnmatchcase

    from modelpolicy.explain import SUGGESTIONS, suggestions
    from modelpolicy.scan import discover_paths

    referenced = {artefact.id for artefact in discover_paths([root], exclude).artefacts}
    wanted = pattern.strip().lower()
    if any(fnmatchcase(artefact_id.lower(), wanted) for artefact_id in referenced):
        return None
    what = "matches no artefact" if any(c in pattern for c in "*?[") else "is no artefact"
    close = suggestions(pattern, sorted(referenced), n=SUGGESTIONS)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return f"{pattern} {what} referenced in {shown_path(root)}; the exception was added all the same{hint}"


def _validated(approval: Approval, today: date) -> dict[str, str | date]:
    """The exception's keys, checked by the loader on their own so that errors name the argument at fault."""
    given = asdict(approval)
    values: dict[str, str | date] = {key: given[key] for key in EXCEPTION_KEYS if given.get(key) is not None}
    for key, value in values.items():
        if isinstance(value, str) and _SURROGATE.search(value):  # an argument's bytes that were not UTF-8
            raise ModelpolicyError(
                f"{_OPTIONS[key]}: not valid UTF-8 text, which a policy file cannot hold; nothing was written"
            )
    if approval.expires is not None:
        values["expires"] = _expiry(approval.expires, today)
    with tempfile.TemporaryDirectory(prefix="modelpolicy-approve-") as folder:
        probe = Path(folder) / "exception.toml"
        probe.write_text(f'extends = "research"\n\n{_render("[[exception]]", values)}', encoding="utf-8")
        try:
            load_named(str(probe))
        except ModelpolicyError as error:
            raise _argument_error(error) from error
    return values


def _expiry(text: str, today: date) -> date:
    try:
        expires = date.fromisoformat(text) if _DATE.fullmatch(text) else None
    except ValueError:
        expires = None
    if expires is None:
        raise ModelpolicyError(
            f"--expires: expected a date like 2027-01-31, got {json.dumps(text)}; nothing was written"
        )
    if expires < today:
        raise ModelpolicyError(
            f"--expires: {text} is in the past, so the exception would fail at once; give a later date; "
            "nothing was written"
        )
    return expires


def _argument_error(error: ModelpolicyError) -> ModelpolicyError:
    """The loader's complaint about `exception[0].<key>` restated about the command-line argument."""
    message = str(error.args[0])
    match = re.match(r"exception\[0\](?:\.(\w+))?: (.*)", message, re.DOTALL)
    if match is None:
        return ModelpolicyError(f"{message}; nothing was written")
    key, reason = match.groups()
    where = _OPTIONS.get(key, "") if key else ""
    return ModelpolicyError(f"{where + ': ' if where else ''}{reason}; nothing was written")


def _render(header: str, values: dict[str, str | date]) -> str:
    lines = [header]
    for key, value in values.items():
        shown = value.isoformat() if isinstance(value, date) else _toml_string(value)
        lines.append(f"{key} = {shown}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    """`value` as a TOML basic string: quotes, backslashes and control characters escaped."""
    escaped = []
    for char in value:
        if char in '"\\':
            escaped.append("\\" + char)
        elif char in "\n\t\r":
            escaped.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\u{ord(char):04x}")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def _insertion_point(text: str, prefix: tuple[str, ...], path: Path, header: str) -> int:
    """Where a new exception table goes: after the file's last exception table, else at the end of the file."""
    policy = _table(tomllib.loads(text), prefix)
    if "exception" not in policy:
        return len(text)
    starts = _line_starts(text)
    count = len(policy["exception"])
    last = key_lines(text).get((*prefix, "exception", count - 1)) if count else None
    if last is None or not text[starts[last - 1] :].lstrip(" \t").startswith("[["):
        line = key_lines(text).get((*prefix, "exception"))
        raise ModelpolicyError(
            f"{'.'.join((*prefix, 'exception'))} is an inline array; `modelpolicy approve` adds {header} tables, "
            f"so convert each of its entries to a {header} table, then approve again",
            path=shown_path(path),
            line=line,
        )
    return _table_end(text, starts, last)


def _table(values: dict[str, object], prefix: tuple[str, ...]) -> dict[str, list[object]]:
    for key in prefix:
        values = values[key]  # type: ignore[assignment]  # the loader has checked the file
    return values  # type: ignore[return-value]


def _table_end(text: str, starts: list[int], header_line: int) -> int:
    """The offset just after the last line of the table whose header is on `header_line`: before the next table
    header (and the comments and blank lines just above it, which belong to that header), else the end."""
    for index in range(header_line, len(starts)):
        line = text[starts[index] : _line_end(text, starts, index)].lstrip(" \t")
        if line.startswith("[") and _is_complete(text[: starts[index]]):
            first = index
            while first > header_line and _is_blank_or_comment(text, starts, first - 1):
                first -= 1
            return starts[first]
    return len(text)


def _is_complete(text: str) -> bool:
    """Whether `text` ends between two statements, so that a line after it starting with `[` is a table header and
    not part of a multi-line array or string."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return False
    return True


def _is_blank_or_comment(text: str, starts: list[int], index: int) -> bool:
    line = text[starts[index] : _line_end(text, starts, index)].strip()
    return not line or line.startswith("#")


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text) if match.end() < len(text))]


def _line_end(text: str, starts: list[int], index: int) -> int:
    return starts[index + 1] if index + 1 < len(starts) else len(text)


def _inserted(text: str, at: int, table: str) -> tuple[str, int]:
    """`text` with `table` inserted at `at`, in the file's line endings and set off by a blank line; and the line
    the table's header lands on."""
    newline = "\r\n" if "\r\n" in text else "\n"
    before = text[:at]
    if before and not before.endswith("\n"):
        before += newline
    gap = "" if not before or before.endswith(newline * 2) else newline
    block = gap + table.replace("\n", newline)
    if at < len(text) and not text.startswith(("\n", "\r\n"), at):
        block += newline
    line = before.count("\n") + (1 if gap else 0) + 1
    return before + block + text[at:], line


def _load(path: Path, prefix: tuple[str, ...], shown_as: Path) -> Policy:
    """The policy in `path` read as if it were `shown_as`: relative `extends` paths start from its folder (the
    temporary copy of a policy file reached through a symbolic link is written beside the file it points to)."""
    source = shown_path(shown_as)
    try:
        return load_file(path, prefix=prefix, source=source, folder=shown_as.parent)
    except ModelpolicyError as error:
        if path == shown_as:
            raise
        raise ModelpolicyError(
            f"{error.args[0]}; the edit would break the policy file, so it was left unchanged",
            path=source,
            line=error.line,
        ) from error


def init(root: Path, preset: str, today: date | None = None) -> Path:
    """Write `.modelpolicy.toml` extending `preset` at `root`, unless the repository already declares a policy."""
    _known_preset(preset)
    path = root / POLICY_FILE
    with exclusive(path, "the policy file"):  # of two runs side by side, the second finds the first one's file
        found = policy_file(root, root)
        if found is not None:
            raise ModelpolicyError(
                "the repository already declares its policy here; edit it, or remove it and run `modelpolicy init` "
                "again",
                path=shown_path(found[0]),
            )
        text = starter(preset, today or date.today())
        replace_atomically(path, text, "the policy file", lambda temporary: _load(temporary, (), path))
    return path


def _known_preset(name: str) -> None:
    if name in preset_names():
        return
    load_policy(name)  # raises the loader's "unknown preset ...; did you mean ...?"
    raise ModelpolicyError(
        f"--preset: {json.dumps(name)} is a file, not a preset; presets are {', '.join(preset_names())}, and "
        'a policy file can extend another with `extends = "FILE.toml"`'
    )


def starter(preset: str, today: date) -> str:
    """The starter policy: `extends` and, commented out, an example of each main key. Uncommenting the examples
    (the `# key = ...` and `# [table]` lines) gives a policy that loads."""
    expires = (today + timedelta(days=90)).isoformat()
    return f"""\
# The modelpolicy policy of this repository: what the models, datasets, hosted APIs and model servers it uses may be
# licensed under. Every key is described in docs/policy.md of modelpolicy; `modelpolicy policies` lists the presets.
extends = "{preset}"

# The use the policy judges licences for: research, internal, commercial or saas (the preset sets one).
# context = "saas"

# Licence ids or expressions allowed outright: their concerns are dropped.
# allow = ["llama2", "apache-2.0 OR mit"]

# Licences no exception can waive: an artefact under one of them always fails.
# forbid = ["agpl-3.0"]

# An artefact whose licence is unknown or cannot be resolved: "fail" or "warn".
# unknown = "warn"

# What the licences of base models (lineage) and of training data do: "enforce", "warn" or "off".
# lineage = "warn"
# training_data = "off"

# Licences that cap their number of users fail the user-threshold rule below this many users.
# expected_users = 1000000

# A verdict ("pass", "warn" or "fail") per rule, over the preset's.
# [rules]
# unpinned-revision = "warn"

# An exception waives an artefact's violations, except a forbidden licence. Prefer
# `modelpolicy approve ID --reason ... --by ... --expires ...`, which adds one here.
# [[exception]]
# id = "mosaicml/mpt-30b-chat"
# reason = "evaluation baseline only; never shipped"
# approved_by = "jane.doe@example.com"
# expires = {expires}
# license = "cc-by-nc-sa-4.0"

# A clarification asserts the licence of an artefact the Hub gets wrong or leaves empty, at one revision.
# [[clarification]]
# id = "example-org/example-model"
# license = "apache-2.0"
# revision = "0123456789abcdef0123456789abcdef01234567"
# reason = "LICENSE at this revision is Apache-2.0; the model card leaves the licence empty"
"""
