"""Evaluation: the effective concerns of an artefact (its own licence combined with its lineage's), judged by a
policy's rules, become one finding with a verdict and a violation per concern that warns or fails.

Order of precedence: a forbidden licence always fails; an `allow` entry removes the concerns of the licences it
names; a policy exception, then an inline suppression, waives what is left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from fnmatch import fnmatchcase

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge.schema import LicenseFamily
from modelpolicy.knowledge.servers import ImageName, Pin, read_tag
from modelpolicy.model import (
    Finding,
    Kind,
    OutputRights,
    Resolution,
    Resolved,
    Verdict,
    Violation,
    worst,
)
from modelpolicy.policy import Listed, Mode, Policy, PolicyException, revision_pin
from modelpolicy.policy.concerns import CONCERNS, HARD_CONCERNS, RULE_DEFAULTS, raised_concerns, raising
from modelpolicy.policy.concerns import why as why_raised
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.resolve import Ancestor, Subject, unidentified
from modelpolicy.resolve.interface import NotFollowed

_OUTPUT_ORDER = (
    OutputRights.UNRESTRICTED,
    OutputRights.CONDITIONAL,
    OutputRights.UNKNOWN,
    OutputRights.NON_COMMERCIAL,
)
_COMMIT = re.compile(r"[0-9a-f]{7,64}", re.IGNORECASE)


@dataclass(frozen=True)
class _Judged:
    """One resolution judged on its own: its concerns (with why), its output class, the allow entries it used, and
    the concerns raised only by unknown facts (`floors`: judged never below a warning)."""

    concerns: dict[str, str]
    output: OutputRights
    branch: str
    allowed_by: frozenset[str] = field(default=frozenset())
    floors: frozenset[str] = field(default=frozenset())

    def worst(self, policy: Policy) -> Verdict:
        return worst([_floored(_severity(policy, c), c in self.floors) for c in self.concerns])


def evaluate(subject: Subject, policy: Policy, knowledge: KnowledgeBase, today: date | None = None) -> Finding:
    lists = _Lists(policy, knowledge)
    own = lists.judge(subject.resolution)
    concerns = dict(own.concerns)
    floors = set(own.floors)
    caps: dict[str, Verdict] = {}
    used = set(own.allowed_by)
    lineage = []
    for ancestor in subject.ancestors:
        judged = lists.judge(ancestor.resolution)
        lineage.append(
            f"{ancestor.parent.relation} of {ancestor.child}: {ancestor.parent.id} "
            f"({_license_text(ancestor.resolution)})"
        )
        data = _via_data(ancestor, subject.artefact.id)
        mode = policy.training_data if data else policy.lineage
        if mode is not Mode.OFF:
            _unidentified(concerns, caps, ancestor, mode)
        if mode is Mode.OFF or not isinstance(ancestor.resolution, Resolved):
            continue
        used |= judged.allowed_by
        _inherit(concerns, caps, ancestor, judged=judged, own=own, mode=mode, data=data)
        if mode is Mode.ENFORCE:
            floors |= judged.floors - own.concerns.keys()
    concerns.update(_reference_concerns(subject, knowledge))
    used |= _clarifications_used(subject, policy)
    every = [_violation(c, text, policy, own.branch, caps, unknown=c in floors) for c, text in sorted(concerns.items())]
    raised = [v for v in every if v.severity is not Verdict.PASS]
    finding = Finding(
        artefact=subject.artefact,
        resolution=subject.resolution,
        output=own.output,
        verdict=worst([v.severity for v in raised]),
        violations=tuple(raised),
        lineage=tuple(lineage),
        applied=tuple(sorted(used)),
    )
    return _waive(finding, subject, lists, today or date.today())


def _via_data(ancestor: Ancestor, root: str) -> bool:
    """Whether an ancestor's terms reach the artefact as training data: a dataset, or the model whose outputs made a
    dataset it was trained on (`generated-by`, named by a dataset rather than by the artefact itself)."""
    if ancestor.parent.kind is Kind.DATASET:
        return True
    return ancestor.parent.relation == "generated-by" and ancestor.child.lower() != root.lower()


def _inherit(
    concerns: dict[str, str],
    caps: dict[str, Verdict],
    ancestor: Ancestor,
    *,
    judged: _Judged,
    own: _Judged,
    mode: Mode,
    data: bool = False,
) -> None:
    """Add what an ancestor stricter than the artefact raises: the summary concern (drift or training data) and,
    when enforced, each of its concerns as the artefact's own; under `warn`, the summary only, at most a warning."""
    stricter = {c: why for c, why in sorted(judged.concerns.items()) if c not in own.concerns}  # stable wording
    if not stricter:
        return
    parent = ancestor.parent
    if parent.relation == "generated-by" and not data:  # data made of a model's outputs carries that model's terms
        for code, why in stricter.items():
            concerns.setdefault(code, f"carried from {parent.id}, whose outputs it holds: {why}")
        return
    if parent.kind is Kind.DATASET:
        summary, what = "training-data", f"training data {parent.id}"
    elif data:
        summary, what = "training-data", f"training data {ancestor.child} (generated by {parent.id})"
    else:
        summary, what = "license-drift", f"{parent.id} ({_license_text(ancestor.resolution)})"
    said = f"{what} raises {', '.join(stricter)}"
    concerns[summary] = f"{concerns[summary]}; {said}" if summary in concerns else said  # each ancestor named
    if mode is Mode.WARN:
        caps[summary] = Verdict.WARN
        return
    for code, why in stricter.items():
        concerns.setdefault(code, f"inherited from {parent.id}: {why}")


def _unidentified(concerns: dict[str, str], caps: dict[str, Verdict], ancestor: Ancestor, mode: Mode) -> None:
    """A base model or dataset named by something other than a Hub id (a local path, a URL, free text): its terms
    cannot be known, so it raises `unknown` on the artefact: at the policy's verdict under `enforce`, at most a warning
    under `warn` (unless the artefact's terms are unknown anyway). An ancestor that is a Hub id and could not be
    resolved raises nothing here. Neither does one past the lineage limits (`NotFollowed`), but it does the same."""
    why = unidentified(ancestor.parent.kind, ancestor.parent.id)
    if why is None and isinstance(ancestor.resolution, NotFollowed):
        why = ancestor.resolution
    if why is None:
        return
    first = "unknown" not in concerns
    concerns.setdefault("unknown", f"{why.reason}, named by {ancestor.child}")
    if mode is Mode.ENFORCE:
        caps.pop("unknown", None)
    elif first:
        caps["unknown"] = Verdict.WARN


def _clarifications_used(subject: Subject, policy: Policy) -> set[str]:
    resolutions = (subject.resolution, *(a.resolution for a in subject.ancestors))
    sources = {r.terms.source for r in resolutions if isinstance(r, Resolved)}
    return {c.key for c in policy.clarifications if c.source in sources}


def _reference_concerns(subject: Subject, knowledge: KnowledgeBase) -> dict[str, str]:
    """Concerns about how the repository refers to the artefact, whatever its licence."""
    artefact = subject.artefact
    found = _image_concerns(artefact.id, knowledge) if artefact.kind is Kind.IMAGE else {}
    loaders = [r.location for r in artefact.references if "trust_remote_code" in r.flags]
    if loaders:
        found["trust-remote-code"] = f"at {', '.join(loaders)}"
    if artefact.kind in (Kind.MODEL, Kind.DATASET) and not _COMMIT.fullmatch(artefact.revision or ""):
        found["unpinned-revision"] = f"revision {artefact.revision}" if artefact.revision else "no revision"
    return found


def _image_concerns(image_id: str, knowledge: KnowledgeBase) -> dict[str, str]:
    """`unpinned-image` when a server image's tag names no release and pins no build."""
    image = ImageName.parse(image_id)
    server = knowledge.server(image.repository)
    if server is None or read_tag(server, image).pin is not Pin.FLOATING:
        return {}
    return {"unpinned-image": f"tag {image.tag}" if image.tag else "no tag"}


class _Lists:
    """The policy's `allow` and `forbid` entries, by canonical licence key, and the judging that uses them."""

    def __init__(self, policy: Policy, knowledge: KnowledgeBase) -> None:
        self.policy = policy
        self.knowledge = knowledge
        self.allow = self._index(policy.allow)
        self.forbid = self._index(policy.forbid)

    def _index(self, entries: Iterable[Listed]) -> dict[frozenset[frozenset[str]], Listed]:
        return {self._normal(entry.expression): entry for entry in entries}

    def _normal(self, expression: str) -> frozenset[frozenset[str]]:
        return frozenset(frozenset(self._canonical(k) for k in branch) for branch in alternatives(expression))

    def _canonical(self, key: str) -> str:
        family = self.knowledge.family(key)
        return family.key if family else key.lower()

    def matches(self, expression: str, pinned: str) -> bool:
        """Whether two licence expressions say the same, whatever the spelling of their ids."""
        try:
            return self._normal(expression) == self._normal(pinned)
        except ExpressionSyntaxError:
            return expression.strip().lower() == pinned.strip().lower()

    def judge(self, resolution: Resolution) -> _Judged:
        if not isinstance(resolution, Resolved):
            return _Judged({resolution.concern: resolution.reason}, OutputRights.UNKNOWN, "")
        terms = resolution.terms
        if not terms.license:
            return _Judged({"unknown": f"no licence declared (source: {terms.source})"}, OutputRights.UNKNOWN, "")
        try:
            options = alternatives(terms.license)
        except ExpressionSyntaxError as error:
            return _Judged({"unknown": str(error)}, OutputRights.UNKNOWN, "")
        whole = self._whole(options)
        judged = [whole] if whole else [self._judge_branch(branch) for branch in options]
        best = min(judged, key=lambda j: j.worst(self.policy).rank)
        concerns = dict(best.concerns)
        floors = set(best.floors)
        output = best.output
        if terms.output is not None:
            override = raising("output", terms.output.value)
            if override and not best.allowed_by:
                concerns.setdefault(override.code, f"output rights: {terms.output.value}")
            output = terms.output
        branch = f"of {terms.license}, the branch {best.branch} is taken" if len(options) > 1 else ""
        return _Judged(concerns, output, branch, best.allowed_by, frozenset(floors))

    def _whole(self, options: list[tuple[str, ...]]) -> _Judged | None:
        """The judgement of a whole expression an `allow` or `forbid` entry names, as written."""
        normal = frozenset(frozenset(self._canonical(k) for k in branch) for branch in options)
        if not _compound(normal):
            return None
        if normal in self.forbid:
            entry = self.forbid[normal]
            return _Judged(
                {"forbidden": f"{entry.expression} is forbidden at {entry.where}"},
                OutputRights.UNKNOWN,
                entry.expression,
            )
        if normal in self.allow:
            entry = self.allow[normal]
            return _Judged({}, OutputRights.UNKNOWN, entry.expression, frozenset({entry.key}))
        return None

    def _judge_branch(self, keys: tuple[str, ...]) -> _Judged:
        concerns: dict[str, str] = {}
        floors: set[str] = set()
        outputs = []
        allowed_by = set()
        for key in keys:
            single = frozenset({frozenset({self._canonical(key)})})
            if single in self.forbid:
                concerns.setdefault("forbidden", f"{key} is forbidden at {self.forbid[single].where}")
            family = self.knowledge.family(key)
            outputs.append(OutputRights(family.value("output")) if family else OutputRights.UNKNOWN)
            if single in self.allow:
                allowed_by.add(self.allow[single].key)
                continue
            for raised in raised_concerns(family):
                text = why_raised(family, raised, key) if family else f"{key} is not a licence the knowledge base knows"
                concerns.setdefault(raised.code, text)
                if raised.unknown:
                    floors.add(raised.code)
            if family:
                floors |= self._user_threshold(concerns, family, key)
        output = max(outputs, key=_OUTPUT_ORDER.index, default=OutputRights.UNKNOWN)
        return _Judged(concerns, output, " AND ".join(keys), frozenset(allowed_by), frozenset(floors))

    def _user_threshold(self, concerns: dict[str, str], family: LicenseFamily, key: str) -> set[str]:
        """`user-threshold` when the licence caps users below `expected_users`, or may (its cap is unknown)."""
        threshold = family.value("user_threshold")
        expected = self.policy.expected_users
        if expected and threshold.isdigit() and int(threshold) < expected:
            concerns["user-threshold"] = f"{key} caps users at {int(threshold):,}; the policy expects {expected:,}"
        elif expected and threshold == "unknown":
            concerns["user-threshold"] = f"{key}: whether it caps users is unknown; the policy expects {expected:,}"
            return {"user-threshold"}
        return set()


def _compound(normal: frozenset[frozenset[str]]) -> bool:
    return len(normal) > 1 or any(len(branch) > 1 for branch in normal)


def _severity(policy: Policy, code: str) -> Verdict:
    if code in HARD_CONCERNS:
        return Verdict.FAIL
    return policy.rules.get(code) or RULE_DEFAULTS[code]


def _floored(severity: Verdict, unknown: bool) -> Verdict:
    """A concern raised by an unknown fact is never a silent pass: at least a warning."""
    return Verdict.WARN if unknown and severity is Verdict.PASS else severity


def _license_text(resolution: Resolution) -> str:
    if isinstance(resolution, Resolved):
        return resolution.terms.license or "no licence"
    return "unresolved"


def _violation(
    code: str, why: str, policy: Policy, branch: str, caps: dict[str, Verdict], *, unknown: bool = False
) -> Violation:
    concern = HARD_CONCERNS.get(code) or CONCERNS[code]
    severity = _floored(_severity(policy, code), unknown)
    if code in caps and caps[code].rank < severity.rank:
        severity = caps[code]
    detail = f"{why}; {branch}" if branch else why
    waive = (
        ""
        if code in HARD_CONCERNS
        else (f"; or waive it on the reference's line with `# modelpolicy: ignore[{code}] <reason>`")
    )
    return Violation(code=code, severity=severity, message=f"{concern.reason} ({detail})", fix=concern.fix + waive)


def _waive(finding: Finding, subject: Subject, lists: _Lists, today: date) -> Finding:
    """Apply the first current exception that matches the artefact (pins holding), then the inline suppressions.
    When only expired ones match, the first of them fails the artefact: approving again renews an exception."""
    notes = []
    expired = []
    for exception in lists.policy.exceptions:
        if not fnmatchcase(subject.artefact.id.lower(), exception.id.lower()):
            continue
        mismatch = _pin_mismatch(exception, subject, lists)
        if mismatch:
            notes.append(f"{exception.describe()} does not apply: {mismatch}")
        elif exception.expires is not None and exception.expires < today:
            expired.append(exception)
        else:
            finding = _waived(finding, lambda v: v.code not in HARD_CONCERNS, exception.describe())
            if finding.waived:
                finding = replace(finding, applied=(*finding.applied, exception.key))
            break
    else:
        if expired and any(v.code not in HARD_CONCERNS for v in finding.violations):
            finding = replace(finding, violations=(*finding.violations, _expired(expired[0])), verdict=Verdict.FAIL)
    notes += [f"{e.describe()} expired on {e.expires.isoformat()}" for e in expired if e.expires]
    finding = replace(finding, notes=tuple(notes))
    inline = _inline_codes(subject)
    return _waived(finding, lambda v: v.code in inline and v.code not in HARD_CONCERNS, finding.waived_by)


def _waived(finding: Finding, waives: Callable[[Violation], bool], by: str) -> Finding:
    kept = tuple(v for v in finding.violations if not waives(v))
    gone = tuple(v for v in finding.violations if waives(v))
    if not gone:
        return finding
    return replace(
        finding,
        violations=kept,
        verdict=worst([v.severity for v in kept]),
        waived=(*finding.waived, *gone),
        waived_by=by,
    )


def _pin_mismatch(exception: PolicyException, subject: Subject, lists: _Lists) -> str:
    """Why a pinned exception no longer applies; empty when its pins hold."""
    resolution = subject.resolution
    terms = resolution.terms if isinstance(resolution, Resolved) else None
    if exception.license is not None:
        current = terms.license if terms and terms.license else None
        if current is None or not lists.matches(current, exception.license):
            return f"it is pinned to licence {exception.license}, and the licence is now {current or 'unknown'}"
    if exception.revision is not None:
        now = revision_pin(exception.revision, subject.artefact.revision, resolution)
        if now is not None:
            return f"it is pinned to revision {exception.revision}, and the artefact is at {now or 'no known revision'}"
    return ""


def _expired(exception: PolicyException) -> Violation:
    concern = HARD_CONCERNS["exception-expired"]
    assert exception.expires is not None
    return Violation(
        code=concern.code,
        severity=Verdict.FAIL,
        message=f"{exception.describe()} expired on {exception.expires.isoformat()}",
        fix=concern.fix,
    )


def _inline_codes(subject: Subject) -> frozenset[str]:
    """Rules an inline suppression waives on every reference to the artefact (`ignore:<code>` flags)."""
    references = subject.artefact.references
    if not references:
        return frozenset()
    per_reference = [{f.removeprefix("ignore:") for f in r.flags if f.startswith("ignore:")} for r in references]
    return frozenset(set.intersection(*per_reference))
