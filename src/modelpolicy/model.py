"""The types every stage shares: references, artefacts, terms, resolutions and findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    MODEL = "model"
    DATASET = "dataset"
    API = "api"
    IMAGE = "image"
    OLLAMA = "ollama"  # a model of the Ollama library, by its tag (`llama3.1:8b`)


class Context(StrEnum):
    """The use a policy cares about, from the least to the most demanding."""

    RESEARCH = "research"
    INTERNAL = "internal"
    COMMERCIAL = "commercial"
    SAAS = "saas"


class Permission(StrEnum):
    ALLOWED = "allowed"
    CONDITIONAL = "conditional"
    FORBIDDEN = "forbidden"
    UNKNOWN = "unknown"


class OutputRights(StrEnum):
    UNRESTRICTED = "unrestricted"
    CONDITIONAL = "conditional"
    NON_COMMERCIAL = "non-commercial"
    UNKNOWN = "unknown"


class Weights(StrEnum):
    OPEN = "open"
    GATED = "gated"
    UNAVAILABLE = "unavailable"
    UNKNOWN = "unknown"


class TrainingData(StrEnum):
    AVAILABLE = "available"
    UNAVAILABLE = "unavailable"
    UNKNOWN = "unknown"


class Confidence(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Verdict(StrEnum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    @property
    def rank(self) -> int:
        return _VERDICT_RANK[self]


_VERDICT_RANK = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.FAIL: 2}


def worst(verdicts: list[Verdict] | tuple[Verdict, ...]) -> Verdict:
    """The most severe of `verdicts`; PASS when there are none."""
    return max(verdicts, key=lambda v: v.rank, default=Verdict.PASS)


@dataclass(frozen=True, slots=True)
class Reference:
    """One place where the repository names an artefact: `line` is 1-based, `column` 0-based and in characters
    (where the value's text starts, its opening quote included), whichever source found it."""

    path: str
    line: int
    column: int
    text: str
    kind: Kind
    source: str
    form: str
    revision: str | None = None
    flags: frozenset[str] = frozenset()  # "trust_remote_code", "dynamic", "declared", ...

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Artefact:
    """A model, dataset, API model or image, identified canonically, with the references that name it."""

    kind: Kind
    id: str
    revision: str | None
    references: tuple[Reference, ...]

    @property
    def key(self) -> tuple[Kind, str, str | None]:
        return (self.kind, self.id, self.revision)


@dataclass(frozen=True)
class Skipped:
    """A file the scan did not read, or not whole, and why. `may_name`: its bytes hold a marker of something a
    source could name, so what it hides is unknown: the policy judges it (`Unreadable`) and the gate fails closed."""

    path: str
    reason: str
    line: int | None = None
    may_name: bool = False

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Unreadable:
    """A file that may name an artefact and could not be read whole, judged by the policy's `unreadable` rule."""

    skipped: Skipped
    verdict: Verdict
    new: bool = True  # with `--since`: the file changed since the REF


@dataclass(frozen=True)
class Suppression:
    """An inline `# modelpolicy: ignore[...] reason` comment on a reference's line."""

    path: str
    line: int
    codes: frozenset[str]  # empty: every rule, and the reference itself
    reason: str

    @property
    def honoured(self) -> bool:
        return bool(self.reason)


@dataclass(frozen=True)
class Parent:
    """An artefact this one derives from: a base model or a training dataset."""

    kind: Kind
    id: str
    relation: str


@dataclass(frozen=True)
class Terms:
    """What is known of an artefact's licence, before any policy looks at it."""

    license: str | None
    weights: Weights
    training_data: TrainingData
    source: str
    output: OutputRights | None = None
    note: str = ""
    parents: tuple[Parent, ...] = ()
    history: tuple[str, ...] = ()
    revision: str | None = None  # the commit the terms were read at, when a resolver knows it
    live_card: str = ""  # online: what the Hub's card says where it disagrees with the curated terms (also in note)


@dataclass(frozen=True)
class Resolved:
    terms: Terms


@dataclass(frozen=True)
class Unresolved:
    reason: str
    concern: str = "unknown"  # the policy concern it raises: `not-locked` when a lockfile lacks it


Resolution = Resolved | Unresolved


@dataclass(frozen=True)
class Violation:
    code: str
    severity: Verdict
    message: str
    fix: str


@dataclass(frozen=True)
class Obligation:
    """What using, shipping or serving an artefact obliges, from one clause of one licence (knowledge/obligations.toml).

    `applies`: one of its `when`s is in play under the policy's context. `via`: the base model whose licence carries
    it over to the artefact (a Llama 3 fine-tune carries Llama 3's); empty for the artefact's own licence."""

    license: str  # the licence family's key
    key: str
    action: str
    when: tuple[str, ...]
    text: str  # the exact words to display; empty when the licence gives none
    clause: str
    quote: str
    url: str
    applies: bool
    via: str = ""


@dataclass(frozen=True)
class Finding:
    """The verdict on one artefact under one policy."""

    artefact: Artefact
    resolution: Resolution
    output: OutputRights
    verdict: Verdict
    violations: tuple[Violation, ...] = field(default=())
    lineage: tuple[str, ...] = field(default=())
    waived: tuple[Violation, ...] = field(default=())  # waived by an inline suppression or `waived_by`
    waived_by: str = ""  # the policy exception that waived them; empty: an inline suppression
    notes: tuple[str, ...] = field(default=())  # policy entries that matched but did not apply, and why
    applied: tuple[str, ...] = field(default=())  # where each policy entry that applied is (`file:line`)
    new: bool = True  # named by a reference added since the `--since` REF (always, without one)
    obligations: tuple[Obligation, ...] = field(default=())  # of its licence and its base models' (obligations.py)
