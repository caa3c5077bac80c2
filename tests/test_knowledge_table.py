"""Table-driven: the licence, output class and verdict under every preset of the systems we must get right.

Rows: the walking-skeleton table, model servers by version, and rows of shared/knowledge/known-artefacts.tsv
plus curated artefacts. Verdicts follow the design's table (research, internal, commercial, saas, permissive).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from modelpolicy.knowledge import load
from modelpolicy.model import Artefact, Kind, Resolved
from modelpolicy.policy import load_policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import default_resolvers, resolve_all

PRESETS = ("research", "internal", "commercial", "saas", "permissive")
NC = "pass fail fail fail fail"  # non-commercial
NC_UNKNOWN = "warn fail fail fail fail"  # non-commercial, and a term unknown (never a silent pass)
CONDITIONS = "pass warn warn warn fail"  # conditions, use or output restrictions
SHARE_ALIKE = "pass pass warn warn fail"
HOSTING = "pass pass warn fail fail"  # a hosted-service restriction
FREE = "pass pass pass pass pass"
UNPINNED = "warn warn warn warn warn"  # an image tag that names no release
TGI = "ghcr.io/huggingface/text-generation-inference"

ROWS = [
    # kind, id as referenced, licence, output class, verdicts per preset
    ("api", "gpt-4o", "openai-terms", "unrestricted", CONDITIONS),
    ("api", "gpt-3.5-turbo", "openai-terms", "unrestricted", CONDITIONS),
    ("api", "claude-3-5-sonnet-20240620", "anthropic-terms", "conditional", CONDITIONS),
    ("model", "lmsys/vicuna-33b-v1.3", "llama1", "non-commercial", NC),
    ("model", "lmsys/vicuna-13b-v1.5", "llama2", "conditional", CONDITIONS),
    ("model", "mosaicml/mpt-30b-chat", "cc-by-nc-sa-4.0", "non-commercial", NC),
    ("model", "meta-llama/Llama-2-13b-chat-hf", "llama2", "conditional", CONDITIONS),
    ("model", "BlinkDL/rwkv-4-raven", "apache-2.0", "unrestricted", CONDITIONS),  # Alpaca, ShareGPT: OpenAI outputs
    ("model", "OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5", "apache-2.0", "unrestricted", FREE),
    ("model", "mosaicml/mpt-30b-instruct", "apache-2.0", "conditional", CONDITIONS),  # DialogSum (NC), dolly (SA)
    ("model", "mosaicml/mpt-30b", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:0.9.4", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:1.0.0", "hfoil-1.0", "unrestricted", "pass pass warn fail fail"),
    ("image", f"{TGI}:1.4.5", "hfoil-1.0", "unrestricted", "pass pass warn fail fail"),
    ("image", f"{TGI}:2.0.0", "apache-2.0", "unrestricted", FREE),
    # a tag stands for the release range it names; `latest` and no tag for the newest, unpinned; a digest or a
    # `sha-` tag for an unknown release, judged as the strictest
    ("image", f"{TGI}:1.0", "hfoil-1.0", "unrestricted", HOSTING),
    ("image", f"{TGI}:1", "hfoil-1.0", "unrestricted", HOSTING),
    ("image", f"{TGI}:0.9", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:2.0", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:2", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:3.0.1", "apache-2.0", "unrestricted", FREE),
    ("image", f"{TGI}:latest", "apache-2.0", "unrestricted", UNPINNED),
    ("image", TGI, "apache-2.0", "unrestricted", UNPINNED),
    ("image", f"{TGI}:sha-7a1f3b2", "apache-2.0 AND hfoil-1.0", "unrestricted", HOSTING),
    ("image", f"{TGI}@sha256:{'0' * 64}", "apache-2.0 AND hfoil-1.0", "unrestricted", HOSTING),
    ("image", "vllm/vllm-openai:v0.6.0", "apache-2.0", "unrestricted", FREE),
    ("image", "ollama/ollama", "mit", "unrestricted", UNPINNED),
    # known-artefacts.tsv
    ("model", "mistralai/Mistral-7B-v0.1", "apache-2.0", "unrestricted", FREE),
    ("model", "mistralai/Mixtral-8x7B-v0.1", "apache-2.0", "unrestricted", FREE),
    ("model", "mistralai/Mixtral-8x7B-Instruct-v0.1", "apache-2.0", "unrestricted", FREE),
    ("model", "google/gemma-7b", "gemma", "conditional", CONDITIONS),
    ("model", "tiiuae/falcon-40b", "apache-2.0", "unrestricted", FREE),
    ("model", "bigscience/bloom", "bigscience-bloom-rail-1.0", "conditional", CONDITIONS),
    ("model", "stabilityai/stable-diffusion-2-1", "openrail++", "conditional", CONDITIONS),
    ("model", "stabilityai/stable-diffusion-xl-base-1.0", "openrail++", "conditional", CONDITIONS),
    ("model", "runwayml/stable-diffusion-v1-5", "creativeml-openrail-m", "conditional", CONDITIONS),
    ("model", "openai/whisper-large-v3", "apache-2.0", "unrestricted", FREE),
    ("model", "bert-base-uncased", "apache-2.0", "unrestricted", FREE),
    ("model", "google-bert/bert-base-uncased", "apache-2.0", "unrestricted", FREE),
    ("model", "sentence-transformers/all-MiniLM-L6-v2", "apache-2.0", "unrestricted", FREE),
    ("model", "Qwen/Qwen2-7B", "apache-2.0", "unrestricted", FREE),
    ("model", "microsoft/phi-2", "mit", "unrestricted", FREE),
    ("model", "databricks/dolly-v2-12b", "mit", "unrestricted", CONDITIONS),  # trained on cc-by-sa data
    ("model", "meta-llama/Meta-Llama-3-8B", "llama3", "conditional", CONDITIONS),
    ("model", "meta-llama/Llama-3.1-8B", "llama3.1", "conditional", CONDITIONS),
    ("model", "gpt2", "mit", "unrestricted", FREE),
    ("dataset", "tatsu-lab/alpaca", "cc-by-nc-4.0", "non-commercial", NC),
    ("dataset", "OpenAssistant/oasst1", "apache-2.0", "unrestricted", FREE),
    ("dataset", "databricks/databricks-dolly-15k", "cc-by-sa-3.0", "conditional", SHARE_ALIKE),
    ("dataset", "Anthropic/hh-rlhf", "mit", "unrestricted", FREE),
    ("dataset", "allenai/c4", "odc-by", "unrestricted", FREE),
    ("dataset", "rajpurkar/squad_v2", "cc-by-sa-4.0", "conditional", SHARE_ALIKE),
    ("dataset", "openai/gsm8k", "mit", "unrestricted", FREE),
    # curated beyond the tsv
    ("model", "DeepFloyd/IF-I-XL-v1.0", "deepfloyd-if-license", "non-commercial", NC_UNKNOWN),  # naming unknown
    ("model", "huggyllama/llama-7b", "llama1", "non-commercial", NC),
    ("model", "tiiuae/falcon-180B", "falcon-180b", "conditional", "pass warn warn fail fail"),
    ("model", "bigcode/starcoder", "bigcode-openrail-m", "conditional", CONDITIONS),
    ("model", "Qwen/Qwen2-72B", "tongyi-qianwen", "conditional", CONDITIONS),
    ("model", "Qwen/Qwen2.5-72B", "qwen", "conditional", CONDITIONS),
    ("model", "BAAI/bge-large-en-v1.5", "mit", "unrestricted", FREE),
    ("model", "tiiuae/falcon-7b", "apache-2.0", "unrestricted", FREE),
]


@pytest.mark.parametrize(("kind", "artefact_id", "licence", "output", "verdicts"), ROWS, ids=[r[1] for r in ROWS])
def test_licence_output_and_verdict_per_preset(
    kind: str, artefact_id: str, licence: str, output: str, verdicts: str
) -> None:
    knowledge = load()
    artefact = Artefact(Kind(kind), knowledge.canonical_id(Kind(kind), artefact_id), None, ())
    subject = resolve_all((artefact,), default_resolvers())[0]
    assert isinstance(subject.resolution, Resolved)
    assert subject.resolution.terms.license == licence
    findings = [evaluate(subject, load_policy(preset), knowledge) for preset in PRESETS]
    assert findings[0].output.value == output
    assert " ".join(f.verdict.value for f in findings) == verdicts


def test_every_hub_licence_id_is_mapped_to_a_family() -> None:
    path = Path(__file__).parent / "data" / "hf_license_ids.tsv"
    with path.open(encoding="utf-8") as handle:
        ids = [row[0] for row in csv.reader(handle, delimiter="\t") if row and not row[0].startswith("#")][1:]
    assert len(ids) == 83
    knowledge = load()
    unmapped = [hub_id for hub_id in ids if knowledge.family(hub_id) is None]
    assert unmapped == []
    claimed = [hub_id for family in knowledge.families for hub_id in family.hub_ids]
    assert sorted(claimed) == sorted(set(claimed)), "a Hub id is claimed by two families"


@pytest.mark.parametrize(
    ("legacy", "canonical"),
    [("gpt2", "openai-community/gpt2"), ("bert-base-uncased", "google-bert/bert-base-uncased")],
)
def test_legacy_single_names_map_to_canonical_ids(legacy: str, canonical: str) -> None:
    assert load().canonical_id(Kind.MODEL, legacy) == canonical


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("gpt-4o-mini", "openai"),
        ("claude-3-haiku-20240307", "anthropic"),
        ("gemini-1.5-pro", "google"),
        ("mistral-large-latest", "mistral"),
        ("command-r-plus", "cohere"),
        ("openai/whisper-large-v3", None),
        ("mistralai/Mistral-7B-v0.1", None),
        ("google/gemma-7b", None),
    ],
)
def test_api_model_names_resolve_to_their_provider(name: str, provider: str | None) -> None:
    found = load().provider(name)
    assert (found.key if found else None) == provider
