"""The bundled knowledge base: compiled data is fresh, valid, and consistent."""

from __future__ import annotations

import json

import pytest

from modelpolicy.errors import KnowledgeError
from modelpolicy.knowledge import COMPILED, KnowledgeBase, build, load
from modelpolicy.knowledge.compile import HERE, compile_sources
from modelpolicy.knowledge.schema import PROPERTIES
from modelpolicy.model import Kind, Parent


def test_compiled_knowledge_is_fresh() -> None:
    assert (HERE / COMPILED).read_text(encoding="utf-8") == compile_sources(), (
        "run python -m modelpolicy.knowledge.compile"
    )


def test_every_family_sets_every_property_with_evidence() -> None:
    for family in load().families:
        assert set(family.terms) == set(PROPERTIES), family.key
        for prop, fact in family.terms.items():
            assert fact.evidence.strip(), f"{family.key}.{prop} has no evidence"


def test_known_artefacts_resolve_their_licence_families() -> None:
    knowledge = load()
    for artefact in knowledge.artefacts:
        for part in artefact.license.replace("(", " ").replace(")", " ").split():
            if part not in {"AND", "OR", "WITH"}:
                assert knowledge.family(part), f"{artefact.id}: unknown licence {part!r}"


def test_every_parent_a_known_artefact_names_is_itself_known() -> None:
    """Lineage closes inside the knowledge base, so `lock --offline` can resolve every parent it names."""
    knowledge = load()
    missing = sorted(
        f"{parent.kind.value} {parent.id} (parent of {artefact.id})"
        for artefact in knowledge.artefacts
        for parent in artefact.parents
        if not _known(knowledge, parent)
    )
    assert not missing, "add these to artefacts.toml (an API model: to apis.toml):\n" + "\n".join(missing)


def _known(knowledge: KnowledgeBase, parent: Parent) -> bool:
    """A model or dataset in artefacts.toml; a hosted API model (the `generated-by` parent of generated data) that
    a provider of apis.toml serves."""
    if parent.kind is Kind.API:
        return knowledge.provider(parent.id, contextual=True) is not None
    return knowledge.artefact(parent.kind, parent.id) is not None


def test_api_patterns_match_api_names_but_not_hub_ids() -> None:
    knowledge = load()
    assert knowledge.provider("gpt-4o").key == "openai"  # type: ignore[union-attr]
    assert knowledge.provider("claude-3-haiku-20240307").key == "anthropic"  # type: ignore[union-attr]
    assert knowledge.provider("openai/whisper-large-v3") is None


def test_family_lookup_is_case_insensitive_across_names() -> None:
    knowledge = load()
    assert knowledge.family("LLAMA2") is knowledge.family("llama-2-license-2023")
    assert knowledge.canonical_id(Kind.MODEL, "MOSAICML/MPT-30B") == "mosaicml/mpt-30b"


def test_a_name_claimed_by_two_families_is_rejected() -> None:
    document = json.loads((HERE / COMPILED).read_text(encoding="utf-8"))
    twin = json.loads(json.dumps(document["family"][0]))
    twin["key"] = "a-different-key"
    document["family"].append(twin)
    with pytest.raises(KnowledgeError, match="names two entries"):
        build(document)


def test_a_property_outside_the_vocabulary_is_rejected() -> None:
    document = json.loads((HERE / COMPILED).read_text(encoding="utf-8"))
    document["family"][0]["terms"]["commercial"]["value"] = "probably"
    with pytest.raises(KnowledgeError, match=r"family\[0\]\.terms\.commercial\.value: expected one of"):
        build(document).validate()


@pytest.mark.parametrize("prefix", ["litellm", "LiteLLM/", "a/b/", 3])
def test_a_gateway_prefix_that_is_not_one_lower_case_segment_is_rejected(prefix: object) -> None:
    document = json.loads((HERE / COMPILED).read_text(encoding="utf-8"))
    document["gateways"]["prefixes"].append(prefix)
    with pytest.raises(KnowledgeError, match=r"gateways\.prefixes"):
        build(document)


def test_a_curated_licence_that_overrides_the_hubs_card_says_both() -> None:
    from modelpolicy.model import Kind, Resolved
    from modelpolicy.resolve.knowledge import KnowledgeResolver

    resolver = KnowledgeResolver()
    overridden = resolver.resolve(Kind.MODEL, "lmsys/vicuna-33b-v1.3", None)
    assert isinstance(overridden, Resolved) and overridden.terms.license == "llama1"
    assert overridden.terms.note.startswith("The Hub's card says no licence; the curated terms (llama1) apply: ")
    agreeing = resolver.resolve(Kind.MODEL, "lmsys/vicuna-13b-v1.5", None)
    assert isinstance(agreeing, Resolved) and "The Hub's card says" not in agreeing.terms.note


@pytest.mark.parametrize(
    ("artefact_id", "licence", "verdict"),
    [
        ("black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial-license", "FAIL"),
        ("black-forest-labs/FLUX.1-schnell", "apache-2.0", "PASS"),
        ("deepseek-ai/DeepSeek-R1", "mit", "PASS"),
        ("deepseek-ai/DeepSeek-V3", "deepseek", "WARN"),
        ("Qwen/Qwen2.5-3B-Instruct", "qwen-research", "FAIL"),
        ("Qwen/Qwen2.5-14B-Instruct", "apache-2.0", "PASS"),
        ("Qwen/Qwen3-8B", "apache-2.0", "PASS"),
        ("microsoft/phi-4", "mit", "PASS"),
        ("mistralai/Mistral-7B-Instruct-v0.3", "apache-2.0", "PASS"),
        ("stabilityai/stable-diffusion-3-medium", "stabilityai-ai-community", "WARN"),
        ("google/gemma-3-27b-it", "gemma", "WARN"),
        ("meta-llama/Llama-3.2-11B-Vision-Instruct", "llama3.2-vision", "WARN"),
        ("meta-llama/Llama-3.2-3B-Instruct", "llama3.2", "WARN"),
        ("meta-llama/Llama-4-Maverick-17B-128E-Instruct", "llama4", "WARN"),
        ("CohereForAI/c4ai-command-r-plus", "cc-by-nc-4.0", "FAIL"),
        ("nvidia/Nemotron-4-340B-Instruct", "nvidia-open-model-license", "WARN"),
        ("ibm-granite/granite-3.1-8b-instruct", "apache-2.0", "PASS"),
    ],
)
def test_popular_models_are_judged_offline_under_commercial(
    artefact_id: str, licence: str, verdict: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 17 "Coverage": these resolved unknown without the Hub; the knowledge base now holds their terms."""
    from modelpolicy.cli import main

    assert main(["explain", artefact_id, "--policy", "commercial"]) == 0
    out = capsys.readouterr().out
    assert f"licence: {licence} (source: knowledge)" in out
    assert f"  commercial: {verdict}" in out


def test_the_hubs_llama_licence_ids_name_their_families() -> None:
    knowledge = load()
    for hub_id in ("llama3.2", "llama3.3", "llama4"):
        family = knowledge.family(hub_id)
        assert family is not None and family.key == hub_id


def test_a_server_s_model_argument_is_positional_or_nothing() -> None:
    knowledge = load()
    assert knowledge.server("vllm/vllm-openai").model_argument == "positional"  # type: ignore[union-attr]
    assert knowledge.server("ghcr.io/huggingface/text-generation-inference").model_argument == ""  # type: ignore[union-attr]
    document = json.loads((HERE / COMPILED).read_text(encoding="utf-8"))
    document["server"][0]["model_argument"] = "flag"
    with pytest.raises(KnowledgeError, match=r"server\[0\]\.model_argument: expected one of"):
        build(document)
