"""Obligations as data: each has evidence, names licence families that exist, and the ones the issue names are
there with the licence's own words."""

from __future__ import annotations

import pytest

from modelpolicy.errors import KnowledgeError
from modelpolicy.knowledge import build, load
from modelpolicy.knowledge.schema import WHENS


def _all_obligations() -> list[tuple[str, object]]:
    knowledge = load()
    return [(f.key, o) for f in knowledge.families for o in knowledge.obligations(f.key)]


def test_every_obligation_has_evidence_and_known_families() -> None:
    knowledge = load()
    keys = {family.key for family in knowledge.families}
    records = {id(o): o for _, o in _all_obligations()}.values()
    assert len(records) >= 30
    for obligation in records:
        assert obligation.action and obligation.clause and obligation.quote, obligation.key
        assert obligation.url.startswith("https://"), obligation.key
        assert set(obligation.families) <= keys, obligation.families
        assert obligation.when and set(obligation.when) <= set(WHENS), obligation.key
    knowledge.validate_obligations()


def test_every_context_maps_to_known_whens() -> None:
    table = load().when_by_context
    assert set(table) == {"research", "internal", "commercial", "saas"}
    assert "offering-service" in table["saas"]
    assert "distributing-weights" in table["commercial"]
    assert "distributing-weights" not in table["internal"]


@pytest.mark.parametrize(
    ("family", "key", "text"),
    [
        ("llama3", "built-with", "Built with Meta Llama 3"),
        ("llama3", "model-name", "Llama 3"),
        ("llama3.1", "built-with", "Built with Llama"),
        ("llama3.1", "model-name", "Llama"),
        ("llama3.2", "built-with", "Built with Llama"),
        ("llama3.3", "model-name", "Llama"),
        (
            "gemma",
            "notice-file",
            "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms",
        ),
    ],
)
def test_the_exact_text_to_display_is_the_licences_own(family: str, key: str, text: str) -> None:
    obligation = next(o for o in load().obligations(family) if o.key == key)
    assert obligation.text == text
    assert text in obligation.quote, "the text to display is quoted from the clause"


@pytest.mark.parametrize(
    ("family", "keys"),
    [
        ("llama3", {"agreement-copy", "built-with", "model-name", "notice-file", "acceptable-use"}),
        ("gemma", {"pass-on-use-restrictions", "agreement-copy", "notice-file"}),
        ("openrail++", {"pass-on-use-restrictions", "license-copy", "use-restrictions"}),
        ("bigscience-openrail-m", {"pass-on-use-restrictions"}),
        ("bigscience-bloom-rail-1.0", {"pass-on-use-restrictions"}),
        ("creativeml-openrail-m", {"pass-on-use-restrictions"}),
        ("cc-by-4.0", {"attribution"}),
        ("cc-by-sa-4.0", {"attribution", "share-alike"}),
        ("cc-by-sa-3.0", {"attribution", "share-alike"}),
        ("apache-2.0", {"license-copy", "notice-file"}),
        ("mit", {"copyright-notice"}),
        ("llama2", {"agreement-copy", "notice-file", "acceptable-use"}),
    ],
)
def test_each_family_the_issue_names_carries_its_obligations(family: str, keys: set[str]) -> None:
    assert keys <= {o.key for o in load().obligations(family)}


def test_an_obligation_naming_a_missing_family_is_refused() -> None:
    document = {
        "family": [],
        "obligation": [
            {
                "key": "k",
                "families": ["nope"],
                "action": "a",
                "when": ["any-use"],
                "clause": "c",
                "quote": "q",
                "url": "https://x",
            }
        ],
    }
    with pytest.raises(KnowledgeError, match="'nope'"):
        build(document, "obligations.toml").validate_obligations()


def test_an_obligation_without_evidence_is_refused() -> None:
    document = {
        "obligation": [
            {"key": "k", "families": ["mit"], "action": "a", "when": ["any-use"], "clause": "", "quote": "", "url": ""}
        ]
    }
    with pytest.raises(KnowledgeError, match="must not be empty"):
        build(document, "obligations.toml").validate()


def test_an_unknown_when_is_refused() -> None:
    document = {
        "obligation": [
            {
                "key": "k",
                "families": ["mit"],
                "action": "a",
                "when": ["selling"],
                "clause": "c",
                "quote": "q",
                "url": "https://x",
            }
        ]
    }
    with pytest.raises(KnowledgeError, match=r"obligation\[0\]\.when"):
        build(document, "obligations.toml").validate()


def test_the_report_schema_knows_every_when() -> None:
    from tests.conftest import report_schema

    definitions = report_schema()["$defs"]
    assert isinstance(definitions, dict)
    assert definitions["obligation"]["properties"]["when"]["items"]["enum"] == list(WHENS)
