"""modelpolicy.lock: the terms each artefact resolved to, so that a verdict does not change under a developer's feet.

`modelpolicy lock` writes it at the repository's root; `modelpolicy scan --locked` (the pre-commit hook) resolves
from it and the bundled knowledge base only; `modelpolicy lock --check` asks the Hub again and reports the drift.

Format version 2 is JSON, because the pre-commit hook reads it on every commit and `json` parses it some thirty
times faster than `tomllib`. `render` writes `json.dumps(document, indent=2, ensure_ascii=False)` and a newline:
one key a line, in a fixed order, so that diffs are stable. JSON has no comments: what each key means is here::

    {
      "comment": "written by `modelpolicy lock`; review its diff, do not edit it by hand",
      "version": 2,
      "artefacts": [                                  each artefact and each ancestor, sorted by kind, id, revision
        {
          "kind": "model",                            model | dataset | api | image
          "id": "mosaicml/mpt-30b-instruct",          canonical id
          "revision": "v1.0",                         as the code names it; absent: the default branch
          "sha": "8d4b…",                             the commit the terms were read at; absent: not known
          "license": "apache-2.0",                    the licence expression; absent: none declared
          "digest": "sha256:…",                       of the knowledge base's facts for each licence of the expression
          "weights": "open",                          open | gated | unavailable | unknown
          "training_data": "unknown",                 available | unavailable | unknown
          "output": "unrestricted",                   output rights, when the artefact overrides its licence's
          "parents": [{"kind": "model", "id": "mosaicml/mpt-30b", "relation": "finetune"}],  (one key a line too)
          "history": ["…"],                           earlier licences the knowledge base records
          "note": "…",
          "source": "Hugging Face Hub (main = 8d4b…)", where the facts came from
          "resolved_at": "2026-11-23T17:40:00Z"       when (UTC); kept while the facts stay the same
        }
      ]
    }

An artefact that could not be resolved (gated, not found) has `"unresolved": "<reason>"` in place of `sha` to
`source`. Version 1 was `{"version": 1, "artefacts": [{"kind", "id", "revision", "license"}]}`. An older file is
upgraded on reading, one version at a time (`_MIGRATIONS`), with a note; a newer or malformed one is an error naming
the file and line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from modelpolicy.errors import ModelpolicyError
from modelpolicy.files import read_regular, replace_atomically
from modelpolicy.messages import say
from modelpolicy.model import Kind, OutputRights, Parent, Resolution, Resolved, Terms, TrainingData, Unresolved, Weights
from modelpolicy.resolve.interface import NotFollowed
from modelpolicy.resolve.locked import Key, LockfileResolver, locked_key

if TYPE_CHECKING:
    from modelpolicy.knowledge import KnowledgeBase
    from modelpolicy.resolve import Subject
    from modelpolicy.resolve.interface import Resolver

FILENAME = "modelpolicy.lock"
VERSION = 2
COMMENT = "written by `modelpolicy lock`; review its diff, do not edit it by hand"
_RELOCK = "run `modelpolicy lock` to write it again"


@dataclass(frozen=True)
class Entry:
    """One locked artefact: how the code names it, what it resolved to, and when that was last seen to change."""

    kind: Kind
    id: str
    revision: str | None
    resolution: Resolution
    digest: str = ""
    resolved_at: str = ""

    @property
    def key(self) -> Key:
        return locked_key(self.kind, self.id, self.revision)

    @property
    def label(self) -> str:
        return f"{self.id}@{self.revision}" if self.revision else self.id


@dataclass(frozen=True)
class Lockfile:
    path: Path
    entries: tuple[Entry, ...]
    upgraded_from: int | None = None  # the format version the file was written in, when older than VERSION

    @property
    def by_key(self) -> dict[Key, Entry]:
        return {entry.key: entry for entry in self.entries}

    @property
    def notes(self) -> tuple[str, ...]:
        if self.upgraded_from is None:
            return ()
        return (
            f"{self.path}: format {self.upgraded_from} read as format {VERSION}; revisions, lineage and sources are "
            "missing until you run `modelpolicy lock`",
        )


def locked_resolvers(root: Path) -> tuple[Resolver, ...]:
    """What `scan --locked` resolves with: `<root>/modelpolicy.lock`, then the bundled knowledge base for API models
    and server images. Nothing here reaches the network, the caches or `huggingface_hub`.

    A repository without a lockfile (a first run of the hook) is judged offline from the bundled knowledge, the local
    Hugging Face cache, the server images and the Ollama library; a model or dataset they do not answer fails as
    not locked, with the command that locks it."""
    from modelpolicy.resolve.images import ImageResolver
    from modelpolicy.resolve.knowledge import KnowledgeResolver

    path = root / FILENAME
    if not path.exists() and not path.is_symlink():
        from modelpolicy.resolve import default_resolvers

        say("note", f"no {FILENAME} in {root}: judged offline from the bundled knowledge and the local caches")
        return (*default_resolvers(), resolver_for((), FILENAME))
    lockfile = read(path)
    for note in lockfile.notes:
        say("note", note)
    return (resolver_for(lockfile.entries, FILENAME), KnowledgeResolver(), ImageResolver())


def resolver_for(entries: Iterable[Entry], where: str) -> LockfileResolver:
    return LockfileResolver({entry.key: entry.resolution for entry in entries}, where)


# ------------------------------------------------------------------------------------------------------ reading


def read(path: Path) -> Lockfile:
    """The lockfile at `path`, upgraded to the current format; raises ModelpolicyError naming the file (and line)."""
    try:
        text = read_regular(path, "the lockfile")
    except FileNotFoundError:
        raise ModelpolicyError(
            "no lockfile: run `modelpolicy lock`, and commit what it writes", path=str(path)
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ModelpolicyError(f"cannot read the lockfile ({error}); {_RELOCK}", path=str(path)) from error
    return parse(text, path)


def parse(text: str, path: Path) -> Lockfile:
    """The lockfile `text` (read from `path`, or from a git blob shown as `path`), upgraded to the current format;
    raises ModelpolicyError naming `path` (and line)."""
    where = _Where(path, text)
    try:
        document = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as error:
        raise ModelpolicyError(f"not valid JSON ({error.msg}); {_RELOCK}", path=str(path), line=error.lineno) from error
    except RecursionError:
        raise ModelpolicyError(f"JSON nested too deeply to read; {_RELOCK}", path=str(path)) from None
    except _DuplicateKey:
        raise where.duplicate() from None
    except ValueError as error:  # a number of more digits than int() converts
        raise ModelpolicyError(f"a value that cannot be read ({error}); {_RELOCK}", path=str(path)) from None
    if not isinstance(document, dict):
        raise where.error("expected an object with version and artefacts")
    version = _version(document, where)
    for older in range(version, VERSION):
        document = _MIGRATIONS[older](document)
    raw = document.get("artefacts", [])
    if not isinstance(raw, list):
        raise where.error("artefacts: expected a list of objects", key="artefacts")
    entries = tuple(_entry(item, index, where) for index, item in enumerate(raw))
    first: dict[Key, int] = {}
    for index, entry in enumerate(entries):
        if first.setdefault(entry.key, index) != index:
            raise where.error(
                f"artefacts[{index + 1}]: {entry.label} is locked twice (also artefacts[{first[entry.key] + 1}])", index
            )
    return Lockfile(path, entries, version if version < VERSION else None)


class NewerFormatError(ModelpolicyError):
    """Written by a newer modelpolicy: never replaced by an older one."""


class _Where:
    """Finds the line of an entry or key for an error message: `json` gives values, not positions. Only an error
    pays for it: the text is walked again, with `raw_decode` skipping each value to where the next one begins."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text

    def error(self, message: str, index: int | None = None, key: str | None = None) -> ModelpolicyError:
        return ModelpolicyError(f"{message}; {_RELOCK}", path=str(self.path), line=self.line(index, key))

    def line(self, index: int | None, key: str | None) -> int | None:
        """The line of `key` in the `index`th entry (or at the top, for None); else of the entry's opening brace."""
        offset = self._offset(index, key)
        return None if offset is None else self.text.count("\n", 0, offset) + 1

    def duplicate(self) -> ModelpolicyError:
        """The error for the first key given twice in an object, with its path, at its second occurrence."""
        found = _duplicate(self.text, _skip(self.text, 0), "")
        assert found is not None, "json.loads saw a key given twice"
        label, offset = found
        line = self.text.count("\n", 0, offset) + 1
        return ModelpolicyError(f"{label}: given twice; {_RELOCK}", path=str(self.path), line=line)

    def _offset(self, index: int | None, key: str | None) -> int | None:
        start = _skip(self.text, 0)
        if self.text[start] != "{":
            return None
        top = _keys(self.text, start)
        if index is None:
            return top[key][0] if key in top else None
        entries = _elements(self.text, top["artefacts"][1])
        members = _keys(self.text, entries[index]) if self.text[entries[index]] == "{" else {}
        return members[key][0] if key in members else entries[index]


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _skip(text: str, at: int) -> int:
    """Where the next token after `at` begins, past white space."""
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]  # `*` always matches


def _keys(text: str, start: int) -> dict[str, tuple[int, int]]:
    """For the JSON object whose brace is at `start`: where each key, and its value, begins."""
    return {key: (at, value) for key, at, value in _members(text, start)}


def _members(text: str, start: int) -> Iterator[tuple[str, int, int]]:
    """For the JSON object whose brace is at `start`: each key, where it begins and where its value begins."""
    at = _skip(text, start + 1)
    while text[at] == '"':
        key, colon = _DECODER.raw_decode(text, at)
        value = _skip(text, _skip(text, colon) + 1)
        yield key, at, value
        at = _next(text, _DECODER.raw_decode(text, value)[1])


def _elements(text: str, start: int) -> list[int]:
    """For the JSON array whose bracket is at `start`: where each element begins."""
    elements = []
    at = _skip(text, start + 1)
    while text[at] != "]":
        elements.append(at)
        at = _next(text, _DECODER.raw_decode(text, at)[1])
    return elements


def _next(text: str, end: int) -> int:
    """Past the comma after a value that ends at `end`, if any: where the next member or element begins."""
    at = _skip(text, end)
    return _skip(text, at + 1) if text[at] == "," else at


def _duplicate(text: str, start: int, label: str) -> tuple[str, int] | None:
    """The path of the first key given twice in the JSON value at `start` (whose path is `label`), and where its
    second occurrence begins."""
    if text[start] == "[":
        inner = (_duplicate(text, element, f"{label}[{n}]") for n, element in enumerate(_elements(text, start), 1))
        return next(filter(None, inner), None)
    if text[start] != "{":
        return None
    seen: set[str] = set()
    for key, at, value in _members(text, start):
        path = f"{label}.{key}" if label else key
        found = (path, at) if key in seen else _duplicate(text, value, path)
        if found:
            return found
        seen.add(key)
    return None


class _DuplicateKey(ValueError):
    """Raised by `_object`; `_Where.duplicate` finds which key, and where."""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object of the file. A key given twice, as a hand-resolved merge conflict may leave, is an error
    rather than the last one silently winning; checking costs nothing measurable."""
    found = dict(pairs)
    if len(found) < len(pairs):
        raise _DuplicateKey
    return found


def _version(document: dict[str, Any], where: _Where) -> int:
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise where.error(f"version: expected a format version such as {VERSION}, got {version!r}", key="version")
    if version > VERSION:
        raise NewerFormatError(
            f"written in format {version} by a newer modelpolicy; this one reads formats up to {VERSION}: upgrade "
            "modelpolicy",
            path=str(where.path),
            line=where.line(None, "version"),
        )
    return version


_CHOICES: Mapping[str, tuple[str, ...]] = {
    "kind": tuple(k.value for k in Kind),
    "weights": tuple(w.value for w in Weights),
    "training_data": tuple(t.value for t in TrainingData),
    "output": tuple(o.value for o in OutputRights),
}
_TEXTS = ("id", "revision", "sha", "license", "digest", "note", "source", "resolved_at", "unresolved")
_KEYS = frozenset({*_CHOICES, *_TEXTS, "parents", "history"})
_REQUIRED_RESOLVED = ("weights", "training_data", "source")


def _entry(raw: object, index: int, where: _Where) -> Entry:
    label = f"artefacts[{index + 1}]"
    if not isinstance(raw, dict):
        raise where.error(f"{label}: expected an object", index)
    unknown = sorted(raw.keys() - _KEYS)
    if unknown:
        raise where.error(f"{label}.{unknown[0]}: unknown key", index, unknown[0])
    required = ("kind", "id") if "unresolved" in raw else ("kind", "id", *_REQUIRED_RESOLVED)
    for key in required:
        if key not in raw:
            raise where.error(f"{label}: missing key {key}", index)
    for key, value in raw.items():
        problem = _problem(key, value)
        if problem:
            raise where.error(f"{label}.{key}: {problem}", index, key)
    return _from_raw(raw)


def _problem(key: str, value: object) -> str:
    """What is wrong with one value, or "" when it is well-formed."""
    if key in _CHOICES:
        return "" if value in _CHOICES[key] else f"expected one of {', '.join(_CHOICES[key])}, got {value!r}"
    if key == "history":
        ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        return "" if ok else f"expected a list of strings, got {value!r}"
    if key == "parents":
        ok = isinstance(value, list) and all(_is_parent(item) for item in value)
        return "" if ok else "expected a list of { kind, id, relation } objects"
    return "" if isinstance(value, str) else f"expected a string, got {value!r}"


def _is_parent(item: object) -> bool:
    return (
        isinstance(item, dict)
        and item.keys() == {"kind", "id", "relation"}
        and item["kind"] in _CHOICES["kind"]
        and isinstance(item["id"], str)
        and isinstance(item["relation"], str)
    )


def _from_raw(raw: dict[str, Any]) -> Entry:
    resolution: Resolution
    if "unresolved" in raw:
        resolution = Unresolved(raw["unresolved"])
    else:
        output = raw.get("output")
        terms = Terms(
            license=raw.get("license"),
            weights=Weights(raw["weights"]),
            training_data=TrainingData(raw["training_data"]),
            source=raw["source"],
            output=OutputRights(output) if output else None,
            note=raw.get("note", ""),
            parents=tuple(Parent(Kind(p["kind"]), p["id"], p["relation"]) for p in raw.get("parents", ())),
            history=tuple(raw.get("history", ())),
            revision=raw.get("sha"),
        )
        resolution = Resolved(terms)
    return Entry(
        Kind(raw["kind"]), raw["id"], raw.get("revision"), resolution, raw.get("digest", ""), raw.get("resolved_at", "")
    )


def _v1_to_v2(document: dict[str, Any]) -> dict[str, Any]:
    """Format 1 recorded the licence only: keep it, mark what is unknown, and compute the digest."""
    from modelpolicy.knowledge import load as load_knowledge

    knowledge = load_knowledge()
    upgraded = []
    for raw in document.get("artefacts", []) if isinstance(document.get("artefacts"), list) else ():
        if not isinstance(raw, dict):
            upgraded.append(raw)
            continue
        entry = {key: raw[key] for key in ("kind", "id", "revision") if key in raw}
        if isinstance(raw.get("license"), str):
            facts = {"weights": "unknown", "training_data": "unknown", "source": "modelpolicy.lock format 1"}
            entry |= {"license": raw["license"], "digest": digest(raw["license"], knowledge)} | facts
        else:
            entry["unresolved"] = "no licence recorded in format 1: run `modelpolicy lock`"
        upgraded.append(entry)
    return {**document, "version": 2, "artefacts": upgraded}


_MIGRATIONS: Mapping[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


# ------------------------------------------------------------------------------------------------------ writing


def entries_for(
    subjects: Iterable[Subject], knowledge: KnowledgeBase, previous: Mapping[Key, Entry], now: str
) -> tuple[Entry, ...]:
    """An entry per artefact and per ancestor, sorted; an entry whose facts match `previous` keeps its time, so that
    locking an unchanged repository again writes the same bytes."""
    found: dict[Key, Entry] = {}
    for subject in subjects:
        artefact = subject.artefact
        named = [(artefact.kind, artefact.id, artefact.revision, subject.resolution)]
        named += [
            (a.parent.kind, a.parent.id, None, a.resolution)
            for a in subject.ancestors
            if not isinstance(a.resolution, NotFollowed)  # not an answer about it: past the lineage limits
        ]
        for kind, artefact_id, revision, resolution in named:
            license_ = resolution.terms.license if isinstance(resolution, Resolved) else None
            entry = Entry(kind, artefact_id, revision, resolution, digest(license_, knowledge), now)
            old = previous.get(entry.key)
            if old is not None and replace(entry, resolved_at=old.resolved_at) == old:
                entry = old
            found.setdefault(entry.key, entry)
    return tuple(sorted(found.values(), key=entry_order))


def digest(expression: str | None, knowledge: KnowledgeBase) -> str:
    """sha256 of a canonical JSON of the knowledge base's facts for each licence in `expression` (null for one it
    does not know): when our knowledge of the terms changes, the digest does, and `lock --check` says so."""
    import hashlib

    from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives

    if not expression:
        return ""
    try:
        keys = sorted({key for branch in alternatives(expression) for key in branch})
    except ExpressionSyntaxError:
        keys = [expression]
    facts: dict[str, Any] = {}
    for key in keys:
        family = knowledge.family(key)
        facts[key.lower()] = None if family is None else {**family._asdict(), "terms": dict(family.terms)}
    canonical = json.dumps([expression, facts], sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def entry_order(entry: Entry) -> tuple[str, str, str, str]:
    return (entry.kind.value, entry.id.lower(), entry.id, entry.revision or "")


def render(entries: Iterable[Entry]) -> str:
    """The lockfile's text, entries sorted (see the module docstring for the format). Characters JSON leaves raw that
    a terminal or a diff would act on (bidi overrides, C1 controls) are `\\uXXXX`, so a review shows what is there."""
    from modelpolicy.report.escape import escape_json

    artefacts = [dict(_fields(entry)) for entry in sorted(entries, key=entry_order)]
    document = {"comment": COMMENT, "version": VERSION, "artefacts": artefacts}
    return escape_json(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def _fields(entry: Entry) -> list[tuple[str, object]]:
    """An entry's keys, in the order they are written; a key without a value is left out."""
    fields: list[tuple[str, object]] = [("kind", entry.kind.value), ("id", entry.id), ("revision", entry.revision)]
    resolution = entry.resolution
    if isinstance(resolution, Unresolved):
        fields.append(("unresolved", resolution.reason))
    else:
        terms = resolution.terms
        fields += [
            ("sha", terms.revision),
            ("license", terms.license),
            ("digest", entry.digest or None),
            ("weights", terms.weights.value),
            ("training_data", terms.training_data.value),
            ("output", terms.output.value if terms.output else None),
            ("parents", [{"kind": p.kind.value, "id": p.id, "relation": p.relation} for p in terms.parents]),
            ("history", list(terms.history)),
            ("note", terms.note or None),
            ("source", terms.source),
        ]
    fields.append(("resolved_at", entry.resolved_at or None))
    return [(key, value) for key, value in fields if value is not None and value != []]


def write(path: Path, entries: Iterable[Entry]) -> None:
    """Replace `path` atomically: an error or Ctrl-C on the way leaves the previous lockfile, and no temporary file."""
    replace_atomically(path, render(entries), "the lockfile")
