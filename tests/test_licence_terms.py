"""What the licence schema can say, and that the evaluator reads all of it: one description per licence (no
per-context verdicts in the data), every property and value raising its concern, every concern rated by every
preset, and an unknown term never a silent pass."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from modelpolicy.knowledge import COMPILED, KnowledgeBase, build
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.schema import NUMERIC, PROPERTIES
from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    Parent,
    Reference,
    Resolved,
    Terms,
    TrainingData,
    Verdict,
    Weights,
)
from modelpolicy.policy import load_policy, preset_names
from modelpolicy.policy.concerns import CONCERNS, RAISED_BY, RULE_DEFAULTS, output_concerns
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import Ancestor, Subject, default_resolvers, resolve_all

PRESETS = ("research", "internal", "commercial", "saas", "permissive")
SHA = "0123456789abcdef0123456789abcdef01234567"
KNOWLEDGE_JSON = Path(__file__).parents[1] / "src" / "modelpolicy" / "knowledge" / COMPILED


def subject(license_id: str) -> Subject:
    reference = Reference("app.py", 3, 0, "org/model", Kind.MODEL, "python", "from_pretrained", SHA, frozenset())
    terms = Terms(license_id, Weights.OPEN, TrainingData.UNKNOWN, "test", revision=SHA)
    return Subject(Artefact(Kind.MODEL, "org/model", SHA, (reference,)), Resolved(terms), ())


def verdicts(license_id: str, knowledge: KnowledgeBase | None = None) -> str:
    knowledge = knowledge or load_knowledge()
    return " ".join(evaluate(subject(license_id), load_policy(p), knowledge).verdict.value for p in PRESETS)


def finding(license_id: str, preset: str, knowledge: KnowledgeBase | None = None) -> Finding:
    return evaluate(subject(license_id), load_policy(preset), knowledge or load_knowledge())


def codes(found: Finding) -> dict[str, str]:
    return {v.code: v.severity.value for v in found.violations}


# ------------------------------------------------------------------------------------------ what the schema says


def test_no_derivatives_is_a_concern_every_preset_rates() -> None:
    assert codes(finding("cc-by-nd-4.0", "commercial"))["no-derivatives"] == "warn"
    assert codes(finding("cc-by-nd-4.0", "permissive"))["no-derivatives"] == "fail"
    assert verdicts("cc-by-nd-4.0") == "pass pass warn warn fail"
    assert "no-derivatives" in codes(finding("cc-by-nc-nd-4.0", "permissive"))


def test_share_alike_on_outputs_raises_output_conditions() -> None:
    assert codes(finding("cc-by-sa-4.0", "commercial")) == {"share-alike": "warn", "output-conditions": "warn"}
    assert "output-conditions" not in codes(finding("cc-by-4.0", "permissive"))


def test_a_revenue_threshold_is_its_own_concern() -> None:
    found = finding("stabilityai-ai-community", "commercial")
    assert codes(found)["revenue-threshold"] == "warn"
    assert codes(finding("stabilityai-ai-community", "permissive"))["revenue-threshold"] == "fail"
    assert "revenue-threshold" not in codes(finding("llama2", "permissive"))  # a user count, not revenue


def test_weights_and_outputs_have_separate_rights() -> None:
    knowledge = load_knowledge()
    flux = knowledge.family("flux-1-dev-non-commercial-license")
    assert flux is not None and flux.value("commercial") == "forbidden" and flux.value("output") == "unrestricted"
    found = finding("flux-1-dev-non-commercial-license", "commercial")
    assert found.verdict is Verdict.FAIL
    message = next(v.message for v in found.violations if v.code == "non-commercial")
    assert "its weights may not be used commercially; its outputs may" in message
    # what a model generates carries its output terms only: FLUX.1 [dev]'s outputs are not non-commercial
    assert {r.code for r in output_concerns(flux)} == {"output-restrictions"}
    nc = knowledge.family("cc-by-nc-4.0")
    assert "non-commercial" in {r.code for r in output_concerns(nc)}


def test_a_regional_exclusion_warns_even_for_research() -> None:
    assert codes(finding("llama3.2-vision", "research")) == {"excluded-use": "warn"}
    assert codes(finding("llama4", "research")) == {"excluded-use": "warn"}
    assert "excluded-use" not in codes(finding("llama3.1", "permissive"))


def test_every_concern_is_rated_by_every_preset() -> None:
    for name in preset_names():
        policy = load_policy(name)
        unrated = [c for c in CONCERNS if c != "unknown" and c not in policy.rules and c not in RULE_DEFAULTS]
        assert unrated == [], name


# ---------------------------------------------------------------------------------------- one truth per licence


def test_the_data_holds_no_per_context_verdicts() -> None:
    assert not {"research", "internal", "saas"} & set(PROPERTIES)
    document = json.loads(KNOWLEDGE_JSON.read_text(encoding="utf-8"))
    for family in document["family"]:
        assert set(family["terms"]) == set(PROPERTIES), family["key"]


def test_every_property_and_value_of_the_schema_is_read_by_the_evaluator() -> None:
    assert set(RAISED_BY) == set(PROPERTIES)
    for prop, values in PROPERTIES.items():
        unread = set(RAISED_BY[prop]) - {*values, "#"}
        assert unread == set(), f"{prop}: {unread} raise concerns but are not values of the schema"


def _knowledge_with(prop: str, value: object) -> KnowledgeBase:
    """The bundled knowledge base plus a family `test-licence`: MIT's terms with one property changed."""
    document: dict[str, Any] = json.loads(KNOWLEDGE_JSON.read_text(encoding="utf-8"))
    mit = next(f for f in document["family"] if f["key"] == "mit")
    family = copy.deepcopy(mit)
    family.update(key="test-licence", name="Test", hub_ids=[], spdx="LicenseRef-test", scancode="", aliases=[])
    family["terms"]["attribution"]["value"] = "none"  # a baseline that raises nothing
    family["terms"][prop]["value"] = value
    document["family"].append(family)
    return build(document)


def _raising_values(prop: str) -> list[object]:
    values: list[object] = [v for v in RAISED_BY[prop] if v != "#"]
    return [*values, 1000] if prop in NUMERIC else values


@pytest.mark.parametrize("prop", sorted(PROPERTIES))
def test_changing_any_property_changes_the_finding(prop: str, tmp_path: Path) -> None:
    """Schema-level: no fact in the data goes unread. Each value that the vocabulary says raises a concern raises
    it, judged by `[rules]`: a policy that fails every concern fails the artefact."""
    assert verdicts("test-licence", _knowledge_with("naming", "none")) == "pass pass pass pass pass"
    path = tmp_path / "strict.toml"
    path.write_text('extends = "permissive"\n[rules]\nattribution = "fail"\n')
    strict = load_policy(str(path))
    for value in _raising_values(prop):
        found = evaluate(subject("test-licence"), strict, _knowledge_with(prop, value))
        expected = RAISED_BY[prop]["#" if isinstance(value, int) else str(value)]
        assert codes(found).get(expected) == "fail", (prop, value, codes(found))


# ------------------------------------------------------------------------------ unknown is never a silent pass


@pytest.mark.parametrize("prop", sorted(PROPERTIES))
def test_an_unknown_term_never_passes_silently(prop: str) -> None:
    knowledge = _knowledge_with(prop, "unknown")
    for preset in PRESETS:
        found = evaluate(subject("test-licence"), load_policy(preset), knowledge)
        assert found.verdict is not Verdict.PASS, (prop, preset)
        if prop not in ("commercial", "output"):
            assert any(f"its {prop.replace('_', ' ')} terms are unknown" in v.message for v in found.violations)


def test_an_unknown_basic_permission_takes_the_policys_unknown_verdict() -> None:
    knowledge = _knowledge_with("commercial", "unknown")
    assert verdicts("test-licence", knowledge) == "warn fail fail fail fail"


def test_an_unknown_term_is_judged_at_its_strictest_value() -> None:
    hosting = _knowledge_with("hosting", "unknown")
    assert codes(evaluate(subject("test-licence"), load_policy("saas"), hosting)) == {"hosting-restricted": "fail"}
    assert codes(evaluate(subject("test-licence"), load_policy("research"), hosting)) == {"hosting-restricted": "warn"}


def test_an_unknown_user_threshold_counts_against_expected_users(tmp_path: Path) -> None:
    knowledge = _knowledge_with("user_threshold", "unknown")
    path = tmp_path / "policy.toml"
    path.write_text('extends = "commercial"\nexpected_users = 1000\n')
    assert codes(evaluate(subject("test-licence"), load_policy(str(path)), knowledge)) == {
        "conditions": "warn",
        "user-threshold": "fail",
    }


# ------------------------------------------------------------------------------------------------ smaller facts


def test_cohere_api_output_terms_are_known_and_warn_like_the_other_apis() -> None:
    for family in ("cohere-terms", "mistral-terms", "openai-terms", "anthropic-terms", "google-gemini-terms"):
        found = finding(family, "commercial")
        assert found.verdict is Verdict.WARN, (family, codes(found))
        assert "unknown" not in codes(found)


def test_an_unnamed_non_commercial_licence_is_not_llama1() -> None:
    knowledge = load_knowledge()
    family = knowledge.family("Non-commercial license")
    assert family is not None and family.key == "noncommercial-unnamed"
    assert "non-commercial" in codes(finding("Non-commercial license", "commercial"))
    assert codes(finding("Non-commercial license", "commercial"))["unknown"] == "fail"


def test_hfoil_may_be_revised_by_its_licensor() -> None:
    hfoil = load_knowledge().family("hfoil-1.0")
    assert hfoil is not None and hfoil.value("remote_changes") == "yes"
    assert "We may publish revised versions" in hfoil.terms["remote_changes"].evidence


@pytest.mark.parametrize("hub_id", ["llama3.2", "llama4"])
def test_the_hubs_newer_llama_ids_have_families(hub_id: str) -> None:
    family = load_knowledge().family(hub_id)
    assert family is not None and hub_id in family.hub_ids


def test_a_licence_whose_basic_permission_is_unknown_is_reported_once() -> None:
    found = finding("other", "saas")
    assert codes(found) == {"unknown": "fail"}


# ------------------------------------------------------------------------- the artefacts the schema points name

KNOWN = [
    # id, licence, the concern it must raise under `commercial`, verdicts per preset
    ("black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial-license", "non-commercial", "warn fail fail fail fail"),
    (
        "stabilityai/stable-diffusion-3-medium",
        "stabilityai-ai-community",
        "revenue-threshold",
        "warn warn warn warn fail",
    ),
    ("meta-llama/Llama-3.2-11B-Vision-Instruct", "llama3.2-vision", "excluded-use", "warn warn warn warn fail"),
    ("meta-llama/Llama-3.2-90B-Vision-Instruct", "llama3.2-vision", "excluded-use", "warn warn warn warn fail"),
    ("meta-llama/Llama-4-Scout-17B-16E-Instruct", "llama4", "excluded-use", "warn warn warn warn fail"),
]


@pytest.mark.parametrize(("artefact_id", "licence", "concern", "expected"), KNOWN, ids=[k[0] for k in KNOWN])
def test_known_artefacts_raise_what_their_licence_says(
    artefact_id: str, licence: str, concern: str, expected: str
) -> None:
    knowledge = load_knowledge()
    artefact = Artefact(Kind.MODEL, artefact_id, None, ())
    resolved = resolve_all((artefact,), default_resolvers())[0]
    assert isinstance(resolved.resolution, Resolved) and resolved.resolution.terms.license == licence
    findings = [evaluate(resolved, load_policy(p), knowledge) for p in PRESETS]
    assert concern in codes(findings[2])
    assert " ".join(f.verdict.value for f in findings) == expected


@pytest.mark.parametrize("artefact_id", ["meta-llama/Llama-3.2-1B-Instruct", "meta-llama/Llama-3.2-3B-Instruct"])
def test_the_text_only_llama_3_2_models_carry_no_eu_exclusion(artefact_id: str) -> None:
    """The Llama 3.2 AUP excludes EU-domiciled licensees from the multimodal models only: the 1B and 3B text models,
    whose Hub licence id is the same `llama3.2`, stay in the family without the exclusion."""
    knowledge = load_knowledge()
    resolved = resolve_all((Artefact(Kind.MODEL, artefact_id, None, ()),), default_resolvers())[0]
    assert isinstance(resolved.resolution, Resolved) and resolved.resolution.terms.license == "llama3.2"
    for preset in PRESETS:
        assert "excluded-use" not in codes(evaluate(resolved, load_policy(preset), knowledge))


def test_the_hubs_llama3_2_id_names_the_text_family_and_the_vision_models_keep_the_exclusion() -> None:
    knowledge = load_knowledge()
    text, vision = knowledge.family("llama3.2"), knowledge.family("llama3.2-vision")
    assert text is not None and text.key == "llama3.2" and text.value("exclusions") == "none"
    assert vision is not None and vision.value("exclusions") == "regional" and vision.hub_ids == ()
    assert "multimodal models" in vision.terms["exclusions"].evidence
    assert {o.key for o in knowledge.obligations("llama3.2-vision")} >= {"built-with", "notice-file"}


def test_an_unknown_term_of_a_base_model_is_inherited_at_least_as_a_warning() -> None:
    knowledge = _knowledge_with("hosting", "unknown")
    base = Terms("test-licence", Weights.OPEN, TrainingData.UNKNOWN, "test")
    child = subject("mit")
    inherited = replace(
        child, ancestors=(Ancestor(Parent(Kind.MODEL, "org/base", "finetune"), "org/model", Resolved(base)),)
    )
    found = evaluate(inherited, load_policy("research"), knowledge)
    assert codes(found)["hosting-restricted"] == "warn"
    assert codes(found)["license-drift"] == "warn"
