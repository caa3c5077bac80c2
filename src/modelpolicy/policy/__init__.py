"""Policies: what a repository allows, the exceptions it grants and the licences it asserts.

A repository declares its policy in `pyproject.toml` under `[tool.modelpolicy]`, else in `.modelpolicy.toml`; a
preset from `policies/` (at the top of the checkout, and in the wheel) is the fallback. `load.py` reads and
validates the files; `evaluate.py` judges an artefact; `docs/policy.md` documents every key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from modelpolicy.model import Context, Resolution, Resolved, Verdict


class Mode(StrEnum):
    """What an artefact's base models (`lineage`) or training data (`training_data`) do to its verdict."""

    ENFORCE = "enforce"  # their concerns count as the artefact's own
    WARN = "warn"  # they are reported, at most as warnings
    OFF = "off"  # they are not looked at


@dataclass(frozen=True)
class Listed:
    """An `allow` or `forbid` entry: a licence id or expression, and where the policy says it."""

    expression: str
    where: str
    key: str  # the file and key path, such as `pyproject.toml tool.modelpolicy.allow[0]`: unique in a policy


@dataclass(frozen=True)
class PolicyException:
    """An exception granted to the artefacts whose id matches `id` (a glob): their violations are waived, except
    a forbidden licence's. Pinned to `license` or `revision`, it stops applying when either changes."""

    id: str
    reason: str
    where: str
    key: str
    approved_by: str | None = None
    expires: date | None = None
    license: str | None = None
    revision: str | None = None

    def describe(self) -> str:
        approved = f", approved by {self.approved_by}" if self.approved_by else ""
        return f"the exception for {self.id} at {self.where} ({self.reason}{approved})"


@dataclass(frozen=True)
class Clarification:
    """The licence of an artefact the Hub gets wrong or leaves empty, asserted by the team at a revision."""

    id: str
    license: str
    revision: str
    reason: str
    where: str
    key: str

    @property
    def source(self) -> str:
        """The `source` of the terms it asserts, as reports show it."""
        return f"clarification at {self.where}: {self.reason}"


@dataclass(frozen=True)
class Policy:
    name: str
    source: str  # which file or preset it came from, as the report says it
    description: str
    context: Context
    rules: Mapping[str, Verdict]
    allow: tuple[Listed, ...] = ()
    forbid: tuple[Listed, ...] = ()
    lineage: Mode = Mode.ENFORCE
    training_data: Mode = Mode.WARN
    expected_users: int | None = None
    exceptions: tuple[PolicyException, ...] = ()
    clarifications: tuple[Clarification, ...] = ()
    exclude: tuple[str, ...] = ()  # `.gitignore` patterns from the repository's root that the scan leaves out

    @property
    def unreadable(self) -> Verdict:
        """The verdict for a file that may name an artefact but cannot be read whole: the `unreadable` rule when
        the policy sets it, else the verdict for an unknown licence (the gate fails closed)."""
        return self.rules.get("unreadable", self.rules["unknown"])


def revision_pin(pin: str, referenced: str | None, resolution: Resolution) -> str | None:
    """None when a revision pin (a commit sha or a prefix of one) holds for an artefact referenced at `referenced`
    and resolved to `resolution`; else the revision it is at now, or "" when none is known."""
    resolved = resolution.terms.revision if isinstance(resolution, Resolved) else None
    revisions = [r for r in (referenced, resolved) if r]
    if any(r.lower().startswith(pin.lower()) for r in revisions):
        return None
    return revisions[-1] if revisions else ""


def presets_dir() -> Path:
    """The preset folder: inside the installed package, or the checkout's `policies/` in an editable install."""
    package = Path(__file__).resolve().parents[1]
    bundled = package / "policies"
    return bundled if bundled.is_dir() else package.parents[1] / "policies"


def preset_names() -> list[str]:
    return sorted(p.stem for p in presets_dir().glob("*.toml"))


def load_policy(name_or_path: str) -> Policy:
    """A preset by name, or a policy file by path; raises ModelpolicyError naming what is wrong and where."""
    from modelpolicy.policy.load import load_named

    return load_named(name_or_path)


def find_policy(start: Path, root: Path, explicit: str | None) -> Policy:
    """`explicit` (from `--policy`) when given; else the policy the repository declares nearest to `start`, up to
    `root`: a `pyproject.toml` with `[tool.modelpolicy]`, else a `.modelpolicy.toml`; else the `commercial` preset."""
    from modelpolicy.policy.load import load_named, load_repository_policy

    return load_named(explicit) if explicit else load_repository_policy(start, root)
