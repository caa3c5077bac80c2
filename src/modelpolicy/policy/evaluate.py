"""Evaluation: the effective concerns of an artefact (its own licence combined with its lineage's), judged by a
policy's rules, become one finding with a verdict and a violation per concern that warns or fails."""

from __future__ import annotations

from dataclasses import dataclass

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.model import Finding, Kind, OutputRights, Resolution, Resolved, Verdict, Violation, worst
from modelpolicy.policy import Policy
from modelpolicy.policy.concerns import CONCERNS, family_concerns, raised_by
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.resolve import Subject

_OUTPUT_ORDER = (
    OutputRights.UNRESTRICTED,
    OutputRights.CONDITIONAL,
    OutputRights.UNKNOWN,
    OutputRights.NON_COMMERCIAL,
)


@dataclass(frozen=True)
class _Judged:
    """One resolution judged on its own: its concerns (with why) and its output class."""

    concerns: dict[str, str]
    output: OutputRights
    branch: str


def evaluate(subject: Subject, policy: Policy, knowledge: KnowledgeBase) -> Finding:
    own = _judge(subject.resolution, policy, knowledge)
    concerns = dict(own.concerns)
    lineage = []
    for ancestor in subject.ancestors:
        judged = _judge(ancestor.resolution, policy, knowledge)
        label = f"{ancestor.parent.relation} of {ancestor.child}: {ancestor.parent.id}"
        lineage.append(f"{label} ({_license_text(ancestor.resolution)})")
        if not isinstance(ancestor.resolution, Resolved):
            continue
        stricter = {c: why for c, why in sorted(judged.concerns.items()) if c not in own.concerns}  # stable wording
        if not stricter:
            continue
        if ancestor.parent.kind is Kind.DATASET:
            concerns.setdefault("training-data", f"training data {ancestor.parent.id} raises {', '.join(stricter)}")
        else:
            concerns.setdefault(
                "license-drift",
                f"{ancestor.parent.id} ({_license_text(ancestor.resolution)}) raises {', '.join(stricter)}",
            )
            for code, why in stricter.items():
                concerns.setdefault(code, f"inherited from {ancestor.parent.id}: {why}")
    checked = [_violation(code, why, policy, own.branch) for code, why in sorted(concerns.items())]
    raised = [v for v in checked if v.severity is not Verdict.PASS]
    waived = _waived_codes(subject)
    violations = tuple(v for v in raised if v.code not in waived)
    return Finding(
        artefact=subject.artefact,
        resolution=subject.resolution,
        output=own.output,
        verdict=worst([v.severity for v in violations]),
        violations=violations,
        lineage=tuple(lineage),
        waived=tuple(v for v in raised if v.code in waived),
    )


def _waived_codes(subject: Subject) -> frozenset[str]:
    """Rules an inline suppression waives on every reference to the artefact (`ignore:<code>` flags)."""
    references = subject.artefact.references
    if not references:
        return frozenset()
    per_reference = [{f.removeprefix("ignore:") for f in r.flags if f.startswith("ignore:")} for r in references]
    return frozenset(set.intersection(*per_reference))


def _license_text(resolution: Resolution) -> str:
    if isinstance(resolution, Resolved):
        return resolution.terms.license or "no licence"
    return "unresolved"


def _judge(resolution: Resolution, policy: Policy, knowledge: KnowledgeBase) -> _Judged:
    if not isinstance(resolution, Resolved):
        return _Judged({"unknown": resolution.reason}, OutputRights.UNKNOWN, "")
    terms = resolution.terms
    if not terms.license:
        return _Judged({"unknown": f"no licence declared (source: {terms.source})"}, OutputRights.UNKNOWN, "")
    try:
        options = alternatives(terms.license)
    except ExpressionSyntaxError as error:
        return _Judged({"unknown": str(error)}, OutputRights.UNKNOWN, "")
    judged = [_judge_branch(branch, knowledge) for branch in options]
    best = min(judged, key=lambda j: worst([policy.rules[c] for c in j.concerns]).rank)
    if terms.output is not None:
        override = raised_by("output", terms.output.value)
        concerns = dict(best.concerns)
        if override:
            concerns.setdefault(override, f"output rights: {terms.output.value}")
        best = _Judged(concerns, terms.output, best.branch)
    branch = f"of {terms.license}, the branch {best.branch} is taken" if len(options) > 1 else ""
    return _Judged(best.concerns, best.output, branch)


def _judge_branch(keys: tuple[str, ...], knowledge: KnowledgeBase) -> _Judged:
    concerns: dict[str, str] = {}
    outputs = []
    for key in keys:
        family = knowledge.family(key)
        for code in family_concerns(family):
            concerns.setdefault(code, key if family else f"{key} is not a licence the knowledge base knows")
        outputs.append(OutputRights(family.value("output")) if family else OutputRights.UNKNOWN)
    output = max(outputs, key=_OUTPUT_ORDER.index, default=OutputRights.UNKNOWN)
    return _Judged(concerns, output, " AND ".join(keys))


def _violation(code: str, why: str, policy: Policy, branch: str) -> Violation:
    concern = CONCERNS[code]
    detail = f"{why}; {branch}" if branch else why
    return Violation(
        code=code,
        severity=policy.rules[code],
        message=f"{concern.reason} ({detail})",
        fix=f"{concern.fix}; or waive it on the reference's line with `# modelpolicy: ignore[{code}] <reason>`",
    )
