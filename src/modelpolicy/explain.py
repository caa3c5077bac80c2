"""`modelpolicy explain`: the terms of one artefact or licence, each fact with its evidence, and what each preset
policy decides about it and why."""

from __future__ import annotations

from modelpolicy.errors import ModelpolicyError
from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import LicenseFamily
from modelpolicy.model import Artefact, Kind, Resolved, TrainingData, Weights
from modelpolicy.policy import Policy, load_policy, preset_names
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.report.columns import OUTPUT_WORDS
from modelpolicy.resolve import Subject, default_resolvers, resolve_all
from modelpolicy.resolve.images import split_image

OLLAMA_PREFIX = "ollama:"  # `modelpolicy explain ollama:llama3.1`: an Ollama model, not a Hub id or a licence


def explain(subject_text: str, policy_name: str | None) -> list[str]:
    """The lines that describe `subject_text` (a licence or an artefact) and what each policy decides about it."""
    knowledge = load_knowledge()
    policies = [load_policy(policy_name)] if policy_name else [load_policy(n) for n in preset_names()]
    kind = _kind_of(subject_text, knowledge)
    if kind is Kind.OLLAMA:
        subject_text = subject_text.removeprefix(OLLAMA_PREFIX)
    if kind is None:
        family = knowledge.family(subject_text)
        if family is None:
            raise ModelpolicyError(
                f"{subject_text!r} is neither a licence nor an artefact the knowledge base knows; "
                "give a licence id (llama2), a Hub id (org/name), an API model (gpt-4o), a server image "
                "or an Ollama model (ollama:llama3.1)"
            )
        return [*_family_lines(family), "", *_decisions(_licence_subject(family.key), policies)]
    artefact_id = knowledge.canonical_id(kind, subject_text)
    subject = resolve_all((Artefact(kind, artefact_id, None, ()),), default_resolvers())[0]
    return [*_artefact_lines(subject, knowledge), "", *_decisions(subject, policies)]


def _kind_of(text: str, knowledge: KnowledgeBase) -> Kind | None:
    if text.startswith(OLLAMA_PREFIX):
        return Kind.OLLAMA
    if knowledge.server(split_image(text)[0]):
        return Kind.IMAGE
    if knowledge.provider(text):
        return Kind.API
    return next((k for k in (Kind.MODEL, Kind.DATASET) if knowledge.artefact(k, text)), None)


def _licence_subject(license_id: str) -> Subject:
    from modelpolicy.model import Terms

    terms = Terms(license_id, Weights.UNKNOWN, TrainingData.UNKNOWN, "knowledge")
    return Subject(Artefact(Kind.MODEL, license_id, None, ()), Resolved(terms), ())


def _family_lines(family: LicenseFamily, indent: str = "") -> list[str]:
    names = {n.lower(): n for n in (family.scancode, family.spdx, *family.hub_ids) if n}
    ids = ", ".join(sorted(names.values()))
    lines = [f"{indent}{family.name} [{family.key}]", f"{indent}  ids: {ids}"]
    if family.url:
        lines.append(f"{indent}  text: {family.url}")
    for prop, fact in family.terms.items():
        note = f" Note: {fact.note}" if fact.note else ""
        lines.append(f"{indent}  {prop}: {fact.value}  ({fact.confidence} confidence; {fact.evidence}){note}")
    return lines


def _artefact_lines(subject: Subject, knowledge: KnowledgeBase) -> list[str]:
    artefact = subject.artefact
    lines = [f"{artefact.kind.value} {artefact.id}"]
    resolution = subject.resolution
    if not isinstance(resolution, Resolved):
        return [*lines, f"  unresolved: {resolution.reason}"]
    terms = resolution.terms
    lines += [
        f"  licence: {terms.license or 'none declared'} (source: {terms.source})",
        f"  weights: {terms.weights.value}; training data: {terms.training_data.value}",
    ]
    if terms.output:
        lines.append(f"  output: {OUTPUT_WORDS[terms.output]} (set for this artefact)")
    lines += [f"  note: {terms.note}"] if terms.note else []
    lines += [f"  history: {change}" for change in terms.history]
    lines += [f"  {a.parent.relation}: {a.parent.id} (via {a.child})" for a in subject.ancestors]
    for family in _families(terms.license or "", knowledge):
        lines += ["", *_family_lines(family, "  ")]
    return lines


def _families(expression: str, knowledge: KnowledgeBase) -> list[LicenseFamily]:
    try:
        keys = {key for branch in alternatives(expression) for key in branch} if expression else set()
    except ExpressionSyntaxError:
        return []
    found = (knowledge.family(key) for key in sorted(keys))
    return [f for f in found if f]


def _decisions(subject: Subject, policies: list[Policy]) -> list[str]:
    knowledge = load_knowledge()
    lines = ["What each policy decides:"]
    for policy in policies:
        finding = evaluate(subject, policy, knowledge)
        lines.append(f"  {policy.name}: {finding.verdict.value.upper()}")
        for violation in finding.violations:
            lines.append(f"    {violation.severity.value} [{violation.code}]: {violation.message}")
            if violation.severity.value == "fail":
                lines.append(f"      fix: {violation.fix}")
    return lines
