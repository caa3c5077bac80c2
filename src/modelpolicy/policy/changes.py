"""`scan --since REF`: what a change does to the policy itself, each a `policy-changed` finding at the policy's line.

A pull request that adds an exception, loosens a rule, switches to a laxer preset, allows another licence or
excludes more of the tree passes under the policy it ships; the reviewer should see that it changes the gate as
well as the code. So the policy a scan uses is compared with the one the same scan would have found at REF (the
merge base, as `--since` compares code), and each loosening is listed:

- an exception or a clarification added, or an exception that now expires later or never;
- a rule (or `unknown`, or `unreadable`) whose verdict is less severe (fail -> warn -> pass);
- `extends` or `context` changed (another preset), `lineage` or `training_data` less strict (enforce -> warn -> off);
- an `allow` entry added, a `forbid` entry removed, an `exclude` pattern added.

Each is a warning (it never fails the scan by itself; `--fail-on warn` does not count it either), reported where
the policy says it: the `file:line` of the entry or key, else of `extends`, else line 1 of the policy file, with the
code `[policy-changed]` at the end. To make the gate itself immune to such a change, judge pull requests with
`--policy-from REF`. Tightening the policy is not listed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from modelpolicy.model import Verdict
from modelpolicy.policy import Mode, Policy, PolicyException

CODE = "policy-changed"
TAG = f"[{CODE}]"
_MODE_RANK = {Mode.OFF: 0, Mode.WARN: 1, Mode.ENFORCE: 2}


def is_change(warning: str) -> bool:
    """Whether a report warning is a `policy-changed` finding."""
    return warning.endswith(TAG)


def policy_changes(
    before: Policy,
    after: Policy,
    *,
    ref: str,
    declared_before: Mapping[str, Any] | None,
    declared_after: Mapping[str, Any] | None,
    file: tuple[Path, tuple[str, ...]] | None,
) -> tuple[str, ...]:
    """The loosenings from `before` (the policy at `ref`, whose own file declares `declared_before`) to `after`
    (today's, declared in `file` under its table: `declared_after`), as warnings `file:line: ... [policy-changed]`."""
    places = _Places(file, declared_after or {})
    found = [
        *_exceptions(before, after),
        *_clarifications(before, after),
        *_rules(before, after, places),
        *_modes(before, after, places),
        *_preset(before, after, declared_before, places),
        *_listed(before, after, places),
        *_excluded(before, after, places),
    ]
    return tuple(f"{where}: the policy changed since {ref}: {what}; review it {TAG}" for where, what in found)


class _Places:
    """Where a key is in today's policy file: its own line, else `extends`'s, else line 1."""

    def __init__(self, file: tuple[Path, tuple[str, ...]] | None, declared: Mapping[str, Any]) -> None:
        from modelpolicy.files import shown_path

        self.declared = declared
        self.label = shown_path(file[0]) if file else None
        self.prefix: tuple[str, ...] = file[1] if file else ()
        self.lines: Mapping[tuple[str | int, ...], int] = _key_lines(file[0]) if file else {}

    def has(self, *path: str | int) -> bool:
        return (*self.prefix, *path) in self.lines

    def of(self, *path: str | int) -> str:
        if self.label is None:
            return "(preset)"
        for candidate in ((*self.prefix, *path), (*self.prefix, "extends"), (*self.prefix, "context")):
            if candidate in self.lines:
                return f"{self.label}:{self.lines[candidate]}"
        return f"{self.label}:1"


def _key_lines(path: Path) -> Mapping[tuple[str | int, ...], int]:
    from modelpolicy.policy.load import _read
    from modelpolicy.policy.locate import key_lines

    lines: Mapping[tuple[str | int, ...], int] = key_lines(_read(path))
    return lines


def _exception_key(exception: PolicyException) -> tuple[str, str | None, str | None]:
    return (exception.id, exception.license, exception.revision)


def _exceptions(before: Policy, after: Policy) -> Iterator[tuple[str, str]]:
    earlier = {_exception_key(e): e for e in before.exceptions}
    for exception in after.exceptions:
        old = earlier.get(_exception_key(exception))
        if old is None:
            yield exception.where, f"an exception for {exception.id} was added ({exception.reason})"
        elif old.expires is not None and (exception.expires is None or exception.expires > old.expires):
            until = exception.expires.isoformat() if exception.expires else "never"
            yield exception.where, f"the exception for {exception.id} now expires {until}, not {old.expires}"


def _clarifications(before: Policy, after: Policy) -> Iterator[tuple[str, str]]:
    earlier = {(c.id, c.license, c.revision) for c in before.clarifications}
    for clarification in after.clarifications:
        if (clarification.id, clarification.license, clarification.revision) not in earlier:
            what = f"a clarification was added: {clarification.id} at {clarification.revision}"
            yield clarification.where, f"{what} is {clarification.license}"


def _rules(before: Policy, after: Policy, places: _Places) -> Iterator[tuple[str, str]]:
    """Each rule the file itself loosens, at its line; those loosened by what it extends, as one finding there."""
    inherited = []
    for code in sorted(set(before.rules) | set(after.rules)):
        old, new = _verdict(before, code), _verdict(after, code)
        if old is None or new is None or new.rank >= old.rank:
            continue
        key: tuple[str, ...] = ("unknown",) if code == "unknown" else ("rules", code)
        if places.has(*key):
            yield places.of(*key), f"the rule {code} was loosened from {old.value} to {new.value}"
        else:
            inherited.append(f"{code} ({old.value} to {new.value})")
    if inherited:
        yield places.of("extends"), f"the rules it extends loosen {', '.join(inherited)}"


def _verdict(policy: Policy, code: str) -> Verdict | None:
    """A rule's verdict; `unreadable`, unset, follows `unknown`, and counts only where either policy sets it."""
    return policy.unreadable if code == "unreadable" else policy.rules.get(code)


def _modes(before: Policy, after: Policy, places: _Places) -> Iterator[tuple[str, str]]:
    for key in ("lineage", "training_data"):
        old, new = getattr(before, key), getattr(after, key)
        if _MODE_RANK[new] < _MODE_RANK[old]:
            yield places.of(key), f"{key} was loosened from {old.value} to {new.value}"


def _preset(
    before: Policy, after: Policy, declared_before: Mapping[str, Any] | None, places: _Places
) -> Iterator[tuple[str, str]]:
    old_extends = _extends(declared_before)
    new_extends = _extends(places.declared)
    if old_extends != new_extends:
        yield places.of("extends"), f"extends changed from {old_extends or 'nothing'} to {new_extends or 'nothing'}"
    if old_extends == new_extends and before.context is not after.context:
        yield places.of("context"), f"the context changed from {before.context.value} to {after.context.value}"


def _extends(declared: Mapping[str, Any] | None) -> str | None:
    value = (declared or {}).get("extends")
    return value.strip() if isinstance(value, str) else None


def _listed(before: Policy, after: Policy, places: _Places) -> Iterator[tuple[str, str]]:
    allowed = {entry.expression for entry in before.allow}
    for entry in after.allow:
        if entry.expression not in allowed:
            yield entry.where, f"the allow entry {entry.expression} was added"
    forbidden = {entry.expression for entry in after.forbid}
    for entry in before.forbid:
        if entry.expression not in forbidden:
            yield places.of("forbid"), f"the forbid entry {entry.expression} was removed"


def _excluded(before: Policy, after: Policy, places: _Places) -> Iterator[tuple[str, str]]:
    excluded = set(before.exclude)
    own = places.declared.get("exclude")
    own = own if isinstance(own, list) else []
    for pattern in after.exclude:
        if pattern not in excluded:
            where = places.of("exclude", own.index(pattern)) if pattern in own else places.of("exclude")
            yield where, f"the exclude pattern {pattern} was added"
