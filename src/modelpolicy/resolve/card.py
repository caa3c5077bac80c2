"""Terms from a Hub card's metadata: the YAML front matter of a repository's README.md (what the Hub API returns as
`cardData`), with the Hub's tags where there are any.

The licence is the card's `license` (a string, or a list: every licence listed applies), else a `license:` tag;
`license: other` is resolved through `license_name` against the knowledge base. Base models (`base_model`, with
the relation a `base_model:<relation>:<id>` tag or `base_model_relation` gives) and training datasets (`datasets`)
become parents, which the lineage walk follows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.model import Kind, Parent, Resolution, Resolved, Terms, TrainingData, Unresolved, Weights
from modelpolicy.redact import without_credentials

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^---[ \t]*$", re.DOTALL | re.MULTILINE)
_RELATIONS = ("adapter", "finetune", "merge", "quantized")
_GATED_KEYS = ("extra_gated_prompt", "extra_gated_fields", "extra_gated_heading")


def front_matter(readme: str) -> dict[str, Any] | None:
    """The YAML front matter of a card as a mapping; None when there is none or it is not a mapping of YAML."""
    match = _FRONT_MATTER.match(readme)
    if match is None:
        return None
    import yaml

    try:
        document = yaml.load(match.group(1), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    return document if isinstance(document, dict) else None


def card_terms(
    kind: Kind,
    card: Mapping[str, Any],
    tags: Sequence[str],
    source: str,
    knowledge: KnowledgeBase,
    *,
    revision: str | None = None,
) -> Resolution:
    """The terms a card declares; Unresolved (with the reason) when it declares no licence the policy can judge."""
    if kind not in (Kind.MODEL, Kind.DATASET):
        return Unresolved(f"{source}: a card describes models and datasets only")
    license_ids = declared_licenses(card, tags)
    if not license_ids:
        return Unresolved(f"{source}: the card declares no licence")
    named = []
    for license_id in license_ids:
        if license_id.lower() != "other":
            named.append(license_id)
            continue
        name = next(iter(_strings(card.get("license_name"))), "")
        link = next(iter(_strings(card.get("license_link"))), "")
        known = name if name and knowledge.family(name) is not None else _family_at(link, knowledge)
        if known is None:
            where = f"; its terms are at {without_credentials(link)}" if link else ""
            return Unresolved(f"{source}: other: {name or 'unnamed licence'}, not in the knowledge base{where}")
        named.append(known)
    datasets = _strings(card.get("datasets"))
    gated = bool(card.get("gated")) or any(card.get(key) for key in _GATED_KEYS)
    return Resolved(
        Terms(
            license=" AND ".join(dict.fromkeys(named)),
            weights=Weights.GATED if gated else Weights.OPEN,
            training_data=TrainingData.AVAILABLE if datasets else TrainingData.UNKNOWN,
            source=source,
            parents=(*_base_models(card, tags), *(Parent(Kind.DATASET, d, "dataset") for d in datasets)),
            revision=revision,
        )
    )


def _family_at(link: str, knowledge: KnowledgeBase) -> str | None:
    """The family whose licence text is at `link` (its URL in the knowledge base, scheme and final `/` aside)."""
    wanted = _bare_url(link)
    if not wanted:
        return None
    for family in knowledge.families:
        if _bare_url(family.url) == wanted:
            return family.hub_ids[0] if family.hub_ids else family.key
    return None


def _bare_url(url: str) -> str:
    return url.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.").rstrip("/")


def declared_licenses(card: Mapping[str, Any], tags: Sequence[str]) -> list[str]:
    """The licence ids a card declares, else those its `license:` tags give."""
    return _strings(card.get("license")) or [tag.removeprefix("license:") for tag in tags if tag.startswith("license:")]


def _base_models(card: Mapping[str, Any], tags: Sequence[str]) -> list[Parent]:
    relations = {}
    for tag in tags:
        parts = tag.split(":", 2)
        if len(parts) == 3 and parts[0] == "base_model" and parts[1] in _RELATIONS:
            relations[parts[2]] = parts[1]
    declared = next(iter(_strings(card.get("base_model_relation"))), "")
    tagged = [tag.split(":", 1)[1] for tag in tags if tag.startswith("base_model:") and tag.count(":") == 1]
    bases = _strings(card.get("base_model")) or tagged
    return [Parent(Kind.MODEL, base, relations.get(base) or declared or "finetune") for base in dict.fromkeys(bases)]


def _strings(value: object) -> list[str]:
    """A card field that may be a string or a list of strings, as a list; anything else as none."""
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [item.strip() for item in value if isinstance(item, str) and item.strip()]
    return []
