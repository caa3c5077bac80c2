"""The SPDX 3.0.1 document with the AI and Dataset profiles: valid for the SPDX project's own bindings of the 3.0.1
model (classes, property types, enumerations, cardinalities), offline; licences, revisions and lineage as SPDX says
them."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from modelpolicy.cli import main
from modelpolicy.knowledge import load as load_knowledge
from tests.conftest import DEMO

spdx_python_model = pytest.importorskip("spdx_python_model")

CODE = """\
from datasets import load_dataset
from transformers import AutoModel

zephyr = AutoModel.from_pretrained("HuggingFaceH4/zephyr-7b-beta")
llama3 = AutoModel.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct", revision="v1.0")
squad = load_dataset("rajpurkar/squad_v2")
"""


def valid(document: dict[str, Any]) -> None:
    """Loaded by the 3.0.1 bindings (types, enumerations, references) and written back (cardinalities)."""
    model, objects = spdx_python_model.load_data(document)
    model.JSONLDSerializer().write(objects, io.BytesIO())


def spdx(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    main(["scan", str(path), "--offline", "--format", "spdx3", "--fail-on", "never"])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    valid(document)
    return document


def element(document: dict[str, Any], name: str, kind: str) -> dict[str, Any]:
    [found] = [e for e in document["@graph"] if e.get("name") == name and e["type"] == kind]
    return found


def relationships(document: dict[str, Any], kind: str) -> list[tuple[str, list[str]]]:
    return [
        (e["from"], e["to"])
        for e in document["@graph"]
        if e["type"] == "Relationship" and e["relationshipType"] == kind
    ]


def test_the_demo_is_a_valid_spdx_3_document_with_the_ai_and_dataset_profiles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    document = spdx(DEMO, capsys)
    assert document["@context"] == "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
    [doc] = [e for e in document["@graph"] if e["type"] == "SpdxDocument"]
    assert {"ai", "dataset", "simpleLicensing"} <= set(doc["profileConformance"])
    ids = {e.get("spdxId") for e in document["@graph"]}
    assert set(doc["element"]) <= ids and set(doc["rootElement"]) <= ids


def test_models_datasets_licences_and_lineage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text(CODE, encoding="utf-8")
    document = spdx(tmp_path, capsys)
    llama3 = element(document, "meta-llama/Meta-Llama-3-8B-Instruct", "ai_AIPackage")
    assert llama3["software_packageVersion"] == "v1.0"
    assert llama3["software_packageUrl"] == "pkg:huggingface/meta-llama/Meta-Llama-3-8B-Instruct@v1.0"
    squad = element(document, "rajpurkar/squad_v2", "dataset_DatasetPackage")
    [(_, [licence_id])] = [r for r in relationships(document, "hasDeclaredLicense") if r[0] == squad["spdxId"]]
    [licence] = [e for e in document["@graph"] if e.get("spdxId") == licence_id]
    assert licence["simplelicensing_licenseExpression"] == "CC-BY-SA-4.0"
    [(_, [llama_licence])] = [r for r in relationships(document, "hasDeclaredLicense") if r[0] == llama3["spdxId"]]
    [expression] = [e for e in document["@graph"] if e.get("spdxId") == llama_licence]
    spdx_id = load_knowledge().family("llama3").spdx
    assert expression["simplelicensing_licenseExpression"] == spdx_id
    if spdx_id.startswith("LicenseRef-"):
        assert expression["simplelicensing_customIdToUri"] == [
            {"type": "DictionaryEntry", "key": spdx_id, "value": load_knowledge().family("llama3").url}
        ]
    zephyr = element(document, "HuggingFaceH4/zephyr-7b-beta", "ai_AIPackage")
    mistral = element(document, "mistralai/Mistral-7B-v0.1", "ai_AIPackage")
    assert (mistral["spdxId"], [zephyr["spdxId"]]) in relationships(document, "ancestorOf")
    trained = [to for source, to in relationships(document, "trainedOn") if source == zephyr["spdxId"]]
    names = {e["spdxId"]: e.get("name") for e in document["@graph"] if "spdxId" in e}
    assert sorted(names[t[0]] for t in trained) == [
        "HuggingFaceH4/ultrachat_200k",
        "HuggingFaceH4/ultrafeedback_binarized",
    ]


def test_the_validator_catches_what_spdx_3_forbids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The check is real: a purpose outside the enumeration, or a relationship without its type, is refused."""
    (tmp_path / "app.py").write_text(CODE, encoding="utf-8")
    document = spdx(tmp_path, capsys)
    package = next(e for e in document["@graph"] if e["type"] == "ai_AIPackage")
    package["software_primaryPurpose"] = "weights"
    with pytest.raises(ValueError, match="not a valid value"):
        valid(document)
    package["software_primaryPurpose"] = "model"
    relationship = next(e for e in document["@graph"] if e["type"] == "Relationship")
    del relationship["relationshipType"]
    with pytest.raises(ValueError, match="required"):
        valid(document)


def test_the_same_scan_gives_the_same_bytes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (tmp_path / "app.py").write_text(CODE, encoding="utf-8")
    first, second = spdx(tmp_path, capsys), spdx(tmp_path, capsys)
    assert first == second
    [info] = [e for e in first["@graph"] if e["type"] == "CreationInfo"]
    assert info["created"] == "2023-11-14T22:13:20Z"
