"""The CycloneDX report: valid against the published CycloneDX 1.6 schema, its `$ref`s resolved from local files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from modelpolicy import __version__
from modelpolicy.cli import main
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    OutputRights,
    Reference,
    Resolved,
    Terms,
    TrainingData,
    Verdict,
    Weights,
)
from modelpolicy.policy import load_policy
from modelpolicy.report import Report
from modelpolicy.report.cyclonedx import render
from tests.conftest import DEMO

SCHEMAS = Path(__file__).parent / "schemas"
SPDX_IDS = set(json.loads((SCHEMAS / "spdx.SNAPSHOT.schema.json").read_text(encoding="utf-8"))["enum"])
PINNED = "AbCdEf0123456789abcdef0123456789abcdef01"

TRAIN = f"""\
from datasets import load_dataset
from transformers import AutoModel

data = load_dataset("tatsu-lab/alpaca")
model = AutoModel.from_pretrained("lmsys/vicuna-33b-v1.3", revision="{PINNED}")
"""


def validator() -> jsonschema.Draft7Validator:
    """The BOM schema with the SPDX and JSF schemas it references, each under its `$id` and under the name the
    BOM schema's `$ref` resolves to; a `$ref` to anything else fails rather than reaching the network."""
    resources = []
    for path in SCHEMAS.glob("*.SNAPSHOT.schema.json"):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents)
        resources += [(contents["$id"], resource), (f"http://cyclonedx.org/schema/{path.name}", resource)]
    schema = json.loads((SCHEMAS / "bom-1.6.SNAPSHOT.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, registry=Registry().with_resources(resources))


def bom(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["scan", str(path), "--offline", "--format", "cyclonedx"])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    validator().validate(document)
    return document


def component(document: dict[str, Any], ref: str) -> dict[str, Any]:
    [found] = [c for c in document["components"] if c["bom-ref"] == ref]
    return found


def depends_on(document: dict[str, Any], ref: str) -> list[str]:
    [edge] = [d for d in document["dependencies"] if d["ref"] == ref]
    return list(edge["dependsOn"])


def test_demo_bom_is_valid_cyclonedx_1_6(capsys: pytest.CaptureFixture[str]) -> None:
    document = bom(DEMO, capsys)
    assert (document["bomFormat"], document["specVersion"], document["version"]) == ("CycloneDX", "1.6", 1)
    assert document["serialNumber"].startswith("urn:uuid:")
    [tool] = document["metadata"]["tools"]["components"]
    assert (tool["name"], tool["version"]) == ("modelpolicy", __version__)
    assert document["metadata"]["component"]["bom-ref"] == "repository"


def test_a_fine_tune_depends_on_its_base_model_which_is_a_component_too(capsys: pytest.CaptureFixture[str]) -> None:
    document = bom(DEMO, capsys)
    assert depends_on(document, "model:lmsys/vicuna-33b-v1.3") == ["model:huggyllama/llama-30b"]
    base = component(document, "model:huggyllama/llama-30b")
    assert base["type"] == "machine-learning-model"
    assert base["purl"] == "pkg:huggingface/huggyllama/llama-30b"
    llama = base["licenses"][0]["license"]
    assert llama["name"] == "LicenseRef-scancode-llama-license-2023"  # SPDX has no id: its LicenseRef- name
    assert llama["url"].startswith("https://")
    assert {"name": "modelpolicy:license-name", "value": "LLaMA License Agreement (non-commercial research)"} in (
        llama["properties"]
    )
    direct = depends_on(document, "repository")
    assert "model:lmsys/vicuna-33b-v1.3" in direct
    assert "model:huggyllama/llama-30b" not in direct  # an ancestor, not something the repository names
    refs = {c["bom-ref"] for c in document["components"]} | {s["bom-ref"] for s in document["services"]}
    assert {ref for d in document["dependencies"] for ref in d["dependsOn"]} <= refs


def test_models_carry_purls_and_spdx_ids_or_named_licences(capsys: pytest.CaptureFixture[str]) -> None:
    document = bom(DEMO, capsys)
    chat = component(document, "model:mosaicml/mpt-30b-chat")
    assert (chat["type"], chat["group"], chat["name"]) == ("machine-learning-model", "mosaicml", "mpt-30b-chat")
    assert chat["purl"] == "pkg:huggingface/mosaicml/mpt-30b-chat"
    assert chat["licenses"] == [{"license": {"id": "CC-BY-NC-SA-4.0"}}]
    assert component(document, "model:mosaicml/mpt-30b")["licenses"] == [{"license": {"id": "Apache-2.0"}}]
    vicuna = component(document, "model:lmsys/vicuna-33b-v1.3")
    assert "id" not in vicuna["licenses"][0]["license"]  # LLaMA-1 has no SPDX id: a named licence
    assert {"name": "modelpolicy:verdict", "value": "fail"} in vicuna["properties"]


def test_hosted_api_models_are_services_of_their_provider(capsys: pytest.CaptureFixture[str]) -> None:
    document = bom(DEMO, capsys)
    [gpt4] = [s for s in document["services"] if s["name"] == "gpt-4"]
    assert gpt4["provider"] == {"name": "OpenAI API"}
    assert gpt4["licenses"][0]["license"]["name"]
    assert "gpt-4" not in {c["name"] for c in document["components"]}


def test_datasets_images_and_pinned_revisions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "train.py").write_text(TRAIN, encoding="utf-8")
    (tmp_path / "Dockerfile").write_text("FROM ghcr.io/huggingface/text-generation-inference:1.4\n", encoding="utf-8")
    document = bom(tmp_path, capsys)
    alpaca = component(document, "dataset:tatsu-lab/alpaca")
    assert (alpaca["type"], alpaca["licenses"]) == ("data", [{"license": {"id": "CC-BY-NC-4.0"}}])
    assert "purl" not in alpaca  # the purl spec has no type for Hugging Face datasets
    image = component(document, "image:ghcr.io/huggingface/text-generation-inference:1.4")
    assert (image["type"], image["name"], image["version"]) == (
        "container",
        "ghcr.io/huggingface/text-generation-inference",
        "1.4",
    )
    assert image["purl"] == "pkg:docker/huggingface/text-generation-inference@1.4?repository_url=ghcr.io"
    pinned = component(document, f"model:lmsys/vicuna-33b-v1.3@{PINNED}")
    assert pinned["version"] == PINNED
    assert pinned["purl"] == f"pkg:huggingface/lmsys/vicuna-33b-v1.3@{PINNED.lower()}"
    assert depends_on(document, pinned["bom-ref"]) == ["model:huggyllama/llama-30b"]


def test_a_compound_licence_is_one_spdx_expression() -> None:
    reference = Reference("app.py", 1, 0, "org/model", Kind.MODEL, "python", "from_pretrained")
    terms = Terms("llama2 OR apache-2.0 AND my-own-terms", Weights.OPEN, TrainingData.UNKNOWN, "test")
    finding = Finding(
        Artefact(Kind.MODEL, "org/model", None, (reference,)), Resolved(terms), OutputRights.CONDITIONAL, Verdict.WARN
    )
    document = json.loads(render(Report(load_policy("commercial"), (finding,), (), 1)))
    validator().validate(document)
    expression = "LicenseRef-scancode-llama-2-license-2023 OR Apache-2.0 AND LicenseRef-my-own-terms"
    assert component(document, "model:org/model")["licenses"] == [{"expression": expression}]


def test_the_serial_number_follows_the_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = bom(DEMO, capsys), bom(DEMO, capsys)
    assert first == second
    (tmp_path / "train.py").write_text(TRAIN, encoding="utf-8")
    assert bom(tmp_path, capsys)["serialNumber"] != first["serialNumber"]


def test_every_spdx_id_the_knowledge_base_names_is_in_the_schema_list() -> None:
    named = {f.spdx for f in load_knowledge().families if not f.spdx.startswith("LicenseRef-")}
    assert named
    assert named <= SPDX_IDS


def test_the_validator_follows_the_spdx_ref_offline() -> None:
    """A licence id outside SPDX's list is caught only if `$ref: spdx...` resolved, from the local file."""
    invalid = {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [_with_license("Not-A-Licence-1.0")]}
    assert not validator().is_valid(invalid)
    assert validator().is_valid({**invalid, "components": [_with_license("Apache-2.0")]})


def _with_license(spdx: str) -> dict[str, Any]:
    return {"type": "data", "name": "x", "licenses": [{"license": {"id": spdx}}]}


LINEAGE = """\
from transformers import AutoModel

zephyr = AutoModel.from_pretrained("HuggingFaceH4/zephyr-7b-beta")
llama3 = AutoModel.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct", revision="v1.0")
gemma = AutoModel.from_pretrained("google/gemma-7b-it")
"""


def test_a_model_card_names_the_datasets_and_the_base_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text(LINEAGE, encoding="utf-8")
    document = bom(tmp_path, capsys)
    zephyr = component(document, "model:HuggingFaceH4/zephyr-7b-beta")
    parameters = zephyr["modelCard"]["modelParameters"]
    assert parameters["modelArchitecture"] == "mistralai/Mistral-7B-v0.1"
    assert parameters["datasets"] == [
        {"ref": "dataset:HuggingFaceH4/ultrachat_200k"},
        {"ref": "dataset:HuggingFaceH4/ultrafeedback_binarized"},
    ]
    for reference in parameters["datasets"]:
        assert component(document, reference["ref"])["type"] == "data"
    [ancestor] = zephyr["pedigree"]["ancestors"]
    assert (ancestor["group"], ancestor["name"], ancestor["purl"]) == (
        "mistralai",
        "Mistral-7B-v0.1",
        "pkg:huggingface/mistralai/Mistral-7B-v0.1",
    )
    gemma = component(document, "model:google/gemma-7b-it")
    assert gemma["modelCard"] == {"modelParameters": {"modelArchitecture": "google/gemma-7b"}}
    base = component(document, "model:google/gemma-7b")
    assert "modelCard" not in base and "pedigree" not in base  # nothing known of its own lineage


def test_a_revision_is_the_version_and_is_in_the_purl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text(LINEAGE, encoding="utf-8")
    document = bom(tmp_path, capsys)
    llama3 = component(document, "model:meta-llama/Meta-Llama-3-8B-Instruct@v1.0")
    assert llama3["version"] == "v1.0"
    assert llama3["purl"] == "pkg:huggingface/meta-llama/Meta-Llama-3-8B-Instruct@v1.0"
    assert llama3["modelCard"]["modelParameters"]["modelArchitecture"] == "meta-llama/Meta-Llama-3-8B"


def test_licences_are_spdx_ids_cyclonedx_knows_or_licence_refs_with_their_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(LINEAGE, encoding="utf-8")
    document = bom(tmp_path, capsys)
    for found in document["components"]:
        for entry in found.get("licenses", []):
            licence = entry.get("license", {})
            if "id" in licence:
                assert licence["id"] in SPDX_IDS
            elif "name" in licence:
                assert licence["name"].startswith("LicenseRef-"), licence
    llama3 = component(document, "model:meta-llama/Meta-Llama-3-8B-Instruct@v1.0")["licenses"][0]["license"]
    assert llama3["url"] == load_knowledge().family("llama3").url


def test_a_licence_the_knowledge_base_does_not_know_is_a_licence_ref() -> None:
    reference = Reference("app.py", 1, 0, "org/model", Kind.MODEL, "python", "from_pretrained")
    terms = Terms("acme-model-licence+1", Weights.OPEN, TrainingData.UNKNOWN, "test")
    finding = Finding(
        Artefact(Kind.MODEL, "org/model", None, (reference,)), Resolved(terms), OutputRights.UNKNOWN, Verdict.WARN
    )
    document = json.loads(render(Report(load_policy("commercial"), (finding,), (), 1)))
    validator().validate(document)
    assert component(document, "model:org/model")["licenses"] == [
        {"license": {"name": "LicenseRef-acme-model-licence-1"}}
    ]
