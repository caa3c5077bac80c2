"""`modelpolicy explain`: the terms of one artefact or licence, each fact with its evidence, and what each preset
policy decides about it and why.

An artefact is resolved as `scan` resolves it: the bundled knowledge, the local caches, then the Hub (`hub`, unless
it is offline). A Hub id the knowledge base does not know is asked for as a model, then as a dataset. An id nothing
answers for is refused with the closest ids known here (`suggestions`): the knowledge base's, and those the caches
hold."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from modelpolicy.discover.identity import is_hub_id, library_owned
from modelpolicy.errors import ModelpolicyError
from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import LicenseFamily
from modelpolicy.model import Artefact, Context, Kind, Resolved, TrainingData, Weights
from modelpolicy.obligations import NAMING, obligations_of
from modelpolicy.policy import Policy, load_policy, preset_names
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.report.columns import OUTPUT_WORDS
from modelpolicy.resolve import Subject, default_resolvers, resolve_all
from modelpolicy.resolve.images import split_image
from modelpolicy.resolve.interface import Resolver, Unreachable

OLLAMA_PREFIX = "ollama:"  # `modelpolicy explain ollama:llama3.1`: an Ollama model, not a Hub id or a licence
SUGGESTIONS = 3
SUGGESTION_CUTOFF = 0.75  # difflib's ratio: `Mistral-7B-v0.2` finds `Mistral-7B-v0.1`; `gpt` finds no `bert`
_WHAT_TO_GIVE = (
    "give a licence id (llama2), a Hub id (org/name), an API model (gpt-4o), a server image or an Ollama model "
    "(ollama:llama3.1)"
)


def explain(subject_text: str, policy_name: str | None, hub: Resolver | None = None) -> list[str]:
    """The lines that describe `subject_text` (a licence or an artefact) and what each policy decides about it.
    `hub` is asked for a Hub id that neither the knowledge base nor the local caches know."""
    knowledge = load_knowledge()
    policies = [load_policy(policy_name)] if policy_name else [load_policy(n) for n in preset_names()]
    kind = _kind_of(subject_text, knowledge)
    if kind is Kind.OLLAMA:
        subject_text = subject_text.removeprefix(OLLAMA_PREFIX)
    if kind is None:
        family = knowledge.family(subject_text)
        if family is not None:
            subject = _licence_subject(family.key)
            return [*_family_lines(family), *_obligation_lines(subject, knowledge), "", *_decisions(subject, policies)]
        subject = _hub_subject(subject_text, knowledge, hub)
        hint = [] if isinstance(subject.resolution, Resolved) else _did_you_mean(subject_text, knowledge, hub)
        return [
            *_artefact_lines(subject, knowledge),
            *(f"  {line}" for line in hint),
            "",
            *_decisions(subject, policies),
        ]
    artefact_id = knowledge.canonical_id(kind, subject_text)
    subject = resolve_all((Artefact(kind, artefact_id, None, ()),), default_resolvers())[0]
    return [*_artefact_lines(subject, knowledge), "", *_decisions(subject, policies)]


def _hub_subject(text: str, knowledge: KnowledgeBase, hub: Resolver | None) -> Subject:
    """`text` resolved as a model, else as a dataset, through the local caches and `hub`. Raises when it is no
    `org/name` Hub id, or when nothing could be asked about it (offline and not cached, the Hub unreachable)."""
    if "/" not in text or not is_hub_id(text):
        raise ModelpolicyError(
            "; ".join([f"{text!r} is neither a licence nor an artefact the knowledge base knows", _WHAT_TO_GIVE])
            + "".join(f"; {hint}" for hint in _did_you_mean(text, knowledge, hub))
        )
    resolvers = default_resolvers(*([hub] if hub is not None else []))
    subjects = []
    for kind in (Kind.MODEL, Kind.DATASET):
        subject = resolve_all((Artefact(kind, text, None, ()),), resolvers)[0]
        if isinstance(subject.resolution, Resolved):
            return subject
        subjects.append(subject)
    first = subjects[0].resolution
    if isinstance(first, Unreachable) or hub is None:
        raise ModelpolicyError(
            f"{text!r} is not in the knowledge base or the local caches, and {_not_asked(first, hub)}"
            + "".join(f"; {hint}" for hint in _did_you_mean(text, knowledge, hub))
        )
    return subjects[0]


def _not_asked(reason: object, hub: Resolver | None) -> str:
    if hub is None or getattr(hub, "offline", False):
        return "the run is offline: run it without --offline (and without HF_HUB_OFFLINE) to ask the Hub"
    return f"the Hub could not be asked: {getattr(reason, 'reason', reason)}"


def _did_you_mean(text: str, knowledge: KnowledgeBase, hub: Resolver | None) -> list[str]:
    """`did you mean ...?` with the ids closest to `text` (case-insensitive), or nothing when none is close."""
    close = suggestions(text, _known_names(knowledge, hub))
    named = dict.fromkeys(family.key if (family := knowledge.family(name)) else name for name in close)
    shown = list(named)[:SUGGESTIONS]  # a licence once, by its key, however many of its names were close
    if not shown:
        return []
    listed = f"{', '.join(shown[:-1])} or {shown[-1]}" if len(shown) > 1 else shown[0]
    return [f"did you mean {listed}?"]


def suggestions(text: str, names: Iterable[str], n: int = 3 * SUGGESTIONS) -> list[str]:
    """The `n` names closest to `text`, closest first, compared case-insensitively, each shown as first spelt."""
    spelt: dict[str, str] = {}
    for name in names:
        spelt.setdefault(name.lower(), name)
    close = difflib.get_close_matches(text.lower(), spelt, n=n, cutoff=SUGGESTION_CUTOFF)
    return [spelt[name] for name in close if name != text.lower()]


def _known_names(knowledge: KnowledgeBase, hub: Resolver | None) -> list[str]:
    """What a did-you-mean chooses from: the knowledge base's artefact ids and aliases, licence names and Ollama
    models, then the ids of the models and datasets in the local Hugging Face cache and in `hub`'s answer cache."""
    from modelpolicy.resolve.hf_cache import cached_ids

    names = [name for known in knowledge.artefacts for name in (known.id, *known.aliases)]
    names += [*knowledge.license_names(), *(f"{OLLAMA_PREFIX}{name}" for name in sorted(knowledge.ollama_names()))]
    answers = getattr(getattr(hub, "cache", None), "ids", None)
    for kind in (Kind.MODEL, Kind.DATASET):
        names += [*cached_ids(kind), *(answers(kind.value) if answers else ())]
    return names


def _kind_of(text: str, knowledge: KnowledgeBase) -> Kind | None:
    if text.startswith(OLLAMA_PREFIX):
        return Kind.OLLAMA
    if knowledge.server(split_image(text)[0]):
        return Kind.IMAGE
    if knowledge.provider(text):
        return Kind.API
    if library_owned(text):  # `all-MiniLM-L6-v2`, resolved as the repository sentence-transformers loads
        return Kind.MODEL
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
    return [*lines, *_obligation_lines(subject, knowledge)]


def _obligation_lines(subject: Subject, knowledge: KnowledgeBase) -> list[str]:
    """What the licence obliges, and what its base models' licences carry over, each with when it applies and the
    clause it comes from; which of them a policy's context brings into play is in `when_by_context` (README)."""
    found = obligations_of(subject, Context.RESEARCH, knowledge)
    if not found:
        return []
    lines = ["", "Obligations (when they apply; the evidence):"]
    for obligation in found:
        via = f" (carried over from {obligation.via}, {obligation.license})" if obligation.via else ""
        lines.append(f"  {obligation.license} {obligation.key}: {obligation.action}{via}")
        lines.append(f"    when: {', '.join(obligation.when)}")
        if obligation.text:
            label = "a derived model's name begins with" if obligation.key == NAMING else "text to display"
            lines.append(f"    {label}: {obligation.text}")
        lines.append(f'    evidence: {obligation.clause}, "{obligation.quote}" {obligation.url}')
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
