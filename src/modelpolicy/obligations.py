"""The obligations an artefact brings: those of its own licence and those its base models' licences carry over.

The facts are data (knowledge/obligations.toml); this module only picks them. A licence expression with a choice
(`mit OR apache-2.0`) is read as its first alternative, the one the policy also reads first. Training datasets are
not followed: whether a dataset's licence binds a model trained on it is not settled, so a report lists the
dataset's licence (in the lineage) rather than obligations it may not carry.
"""

from __future__ import annotations

from dataclasses import replace

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge.schema import ObligationRecord
from modelpolicy.model import Context, Finding, Kind, Obligation, Resolution, Resolved
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.resolve import Subject

NAMING = "model-name"  # the obligation whose `text` is the prefix a derived model's name must begin with


def with_obligations(finding: Finding, subject: Subject, context: Context, knowledge: KnowledgeBase) -> Finding:
    """`finding` with the obligations of `subject` under `context`."""
    found = obligations_of(subject, context, knowledge)
    return replace(finding, obligations=found) if found else finding


def obligations_of(subject: Subject, context: Context, knowledge: KnowledgeBase) -> tuple[Obligation, ...]:
    """The artefact's own obligations, then each base model's that its own licence does not already bring."""
    in_play = frozenset(knowledge.when_by_context.get(context.value, ()))
    own = license_keys(subject.resolution, knowledge)
    found = [_obligation(o, key, in_play, "") for key in own for o in knowledge.obligations(key)]
    seen = set(own)
    for ancestor in subject.ancestors:
        if ancestor.parent.kind is not Kind.MODEL:
            continue
        for key in license_keys(ancestor.resolution, knowledge):
            if key in seen:
                continue
            seen.add(key)
            found += [_obligation(o, key, in_play, ancestor.parent.id) for o in knowledge.obligations(key)]
    return tuple(found)


def license_keys(resolution: Resolution, knowledge: KnowledgeBase) -> list[str]:
    """The family keys of the first alternative of a resolved licence expression; none when it is unresolved, has
    no licence, or cannot be parsed."""
    if not isinstance(resolution, Resolved) or not resolution.terms.license:
        return []
    try:
        first = alternatives(resolution.terms.license)[0]
    except (ExpressionSyntaxError, IndexError):
        return []
    families = (knowledge.family(name) for name in first)
    return list(dict.fromkeys(family.key for family in families if family is not None))


def _obligation(record: ObligationRecord, license_key: str, in_play: frozenset[str], via: str) -> Obligation:
    return Obligation(
        license=license_key,
        key=record.key,
        action=record.action,
        when=record.when,
        text=record.text,
        clause=record.clause,
        quote=record.quote,
        url=record.url,
        applies=bool(in_play.intersection(record.when)),
        via=via,
    )
