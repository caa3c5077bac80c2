"""The SPDX 3.0.1 document (JSON-LD) with the AI and Dataset profiles: every artefact the repository uses, its
licence and its lineage.

Mapping: models (Hub and Ollama) and hosted API models are `ai_AIPackage`s, datasets `dataset_DatasetPackage`s,
model-server images `software_Package`s with the purpose `container`. A licence is a
`simplelicensing_LicenseExpression` in SPDX ids, each `LicenseRef-` mapped to the URL of its text
(`simplelicensing_customIdToUri`), tied to its package by a `hasDeclaredLicense` relationship. A base model is the
`ancestorOf` its fine-tune; a model is `trainedOn` its datasets. Base models and datasets the scan did not name come
from the resolved terms and then the bundled knowledge, as in the CycloneDX BOM.

Element ids are `urn:modelpolicy:<uuid>:<kind>:<id>`, the uuid one of the artefacts it lists, so the same scan
gives the same ids. SPDX requires a creation time: `SOURCE_DATE_EPOCH` when it is set (reproducible builds), else
the start of the current day (UTC), so that two runs on one day give the same bytes.

The tests validate the output with `spdx-python-model`, the bindings the SPDX project generates from the SPDX 3.0.1
model: classes, property types, enumerations and cardinalities.
"""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from modelpolicy import __version__
from modelpolicy.knowledge import KnowledgeBase, load
from modelpolicy.model import Kind, Parent
from modelpolicy.report.cyclonedx import INFORMATION_URI, _expression, _Node, _nodes, _purl
from modelpolicy.report.escape import escape_json
from modelpolicy.report.interface import Report

CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
SPEC_VERSION = "3.0.1"
CREATION = "_:creationinfo"
PROFILES = ["core", "software", "ai", "dataset", "simpleLicensing"]
_HUB_PAGES = {Kind.MODEL: "https://huggingface.co/", Kind.DATASET: "https://huggingface.co/datasets/"}
_CLASSES = {
    Kind.MODEL: "ai_AIPackage",
    Kind.OLLAMA: "ai_AIPackage",
    Kind.API: "ai_AIPackage",
    Kind.DATASET: "dataset_DatasetPackage",
    Kind.IMAGE: "software_Package",
}
_PURPOSES = {Kind.DATASET: "data", Kind.IMAGE: "container"}


def render(report: Report, *, color: bool = False) -> str:
    knowledge = load()
    nodes = _nodes(report, knowledge)
    namespace = uuid.uuid5(uuid.NAMESPACE_URL, INFORMATION_URI + json.dumps([n.ref for n in nodes]))
    own = {node.ref: _element_id(namespace, node) for node in nodes}
    ids = {(node.kind, node.id): own[node.ref] for node in reversed(nodes)}  # the first node of an id stands for it
    elements = [*_agents(namespace), *(_package(node, own[node.ref]) for node in nodes)]
    for node in nodes:
        elements += _licence(node, own[node.ref], knowledge)
        elements += _lineage(node, own[node.ref], ids)
    document = {
        "type": "SpdxDocument",
        "spdxId": f"urn:modelpolicy:{namespace}:document",
        "creationInfo": CREATION,
        "name": f"modelpolicy scan under the policy {report.policy.name}",
        "profileConformance": PROFILES,
        "element": [e["spdxId"] for e in elements],
        "rootElement": sorted({own[n.ref] for n in nodes if n.finding}) or [f"urn:modelpolicy:{namespace}:tool"],
    }
    graph = [_creation_info(namespace), *elements, document]
    text = json.dumps({"@context": CONTEXT, "@graph": graph}, indent=2, ensure_ascii=False)
    return escape_json(text) + "\n"


def _element_id(namespace: uuid.UUID, node: _Node) -> str:
    return f"urn:modelpolicy:{namespace}:{node.kind.value}:{quote(node.id, safe='/')}" + (
        f"@{quote(node.version, safe='')}" if node.version else ""
    )


def _created() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        moment = datetime.fromtimestamp(int(epoch), UTC)
    else:
        moment = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _creation_info(namespace: uuid.UUID) -> dict[str, Any]:
    return {
        "type": "CreationInfo",
        "@id": CREATION,
        "specVersion": SPEC_VERSION,
        "created": _created(),
        "createdBy": [f"urn:modelpolicy:{namespace}:agent"],
        "createdUsing": [f"urn:modelpolicy:{namespace}:tool"],
    }


def _agents(namespace: uuid.UUID) -> list[dict[str, Any]]:
    common = {"creationInfo": CREATION, "name": "modelpolicy"}
    return [
        {"type": "SoftwareAgent", "spdxId": f"urn:modelpolicy:{namespace}:agent", **common},
        {"type": "Tool", "spdxId": f"urn:modelpolicy:{namespace}:tool", **common, "comment": f"version {__version__}"},
    ]


def _package(node: _Node, spdx_id: str) -> dict[str, Any]:
    package: dict[str, Any] = {
        "type": _CLASSES[node.kind],
        "spdxId": spdx_id,
        "creationInfo": CREATION,
        "name": node.id,
        "software_primaryPurpose": _PURPOSES.get(node.kind, "model"),
    }
    package |= {"software_packageVersion": node.version} if node.version else {}
    if node.kind in (Kind.MODEL, Kind.IMAGE):
        package["software_packageUrl"] = _purl(node, *_name_and_version(node))
    if node.kind in _HUB_PAGES:
        package["software_downloadLocation"] = _HUB_PAGES[node.kind] + node.id
    if node.kind is Kind.DATASET:
        package["dataset_datasetType"] = ["noAssertion"]
    if node.kind is Kind.API:
        package["comment"] = "a hosted API model: called, never shipped"
    if node.finding is not None:
        package["comment"] = "; ".join(
            filter(None, [package.get("comment", ""), f"modelpolicy verdict: {node.finding.verdict.value}"])
        )
    return package


def _name_and_version(node: _Node) -> tuple[str, str | None]:
    if node.kind is not Kind.IMAGE:
        return node.id, node.version
    from modelpolicy.report.cyclonedx import _image_name

    return _image_name(node)


def _licence(node: _Node, package: str, knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    """The licence expression of `node` and the `hasDeclaredLicense` relationship to it; none without a licence."""
    if not node.license:
        return []
    expression = _expression(node.license, knowledge)
    licence: dict[str, Any] = {
        "type": "simplelicensing_LicenseExpression",
        "spdxId": f"{package}:license",
        "creationInfo": CREATION,
        "simplelicensing_licenseExpression": expression,
    }
    uris = _custom_uris(node.license, knowledge)
    licence |= {"simplelicensing_customIdToUri": uris} if uris else {}
    relationship = _relationship(f"{package}:declared", package, [licence["spdxId"]], "hasDeclaredLicense")
    return [licence, relationship]


def _custom_uris(expression: str, knowledge: KnowledgeBase) -> list[dict[str, str]]:
    """Each `LicenseRef-` of `expression` whose family has a text, with that text's URL."""
    entries = {}
    for token in expression.replace("(", " ").replace(")", " ").split():
        family = knowledge.family(token)
        if family is not None and family.spdx.startswith("LicenseRef-") and family.url:
            entries[family.spdx] = family.url
    return [{"type": "DictionaryEntry", "key": key, "value": url} for key, url in sorted(entries.items())]


def _lineage(node: _Node, child: str, ids: dict[tuple[Kind, str], str]) -> list[dict[str, Any]]:
    """`base ancestorOf model` for each base model, `model trainedOn datasets` for its datasets."""
    found = []
    for parent in node.parents:
        parent_id = ids.get((parent.kind, parent.id))
        if parent_id is None:
            continue
        if parent.kind is Kind.DATASET:
            found.append(_relationship(f"{child}:trained-on:{_tail(parent)}", child, [parent_id], "trainedOn"))
        else:
            found.append(_relationship(f"{child}:base:{_tail(parent)}", parent_id, [child], "ancestorOf"))
    return found


def _tail(parent: Parent) -> str:
    return quote(parent.id, safe="/")


def _relationship(spdx_id: str, source: str, targets: list[str], kind: str) -> dict[str, Any]:
    return {
        "type": "Relationship",
        "spdxId": spdx_id,
        "creationInfo": CREATION,
        "from": source,
        "to": targets,
        "relationshipType": kind,
    }
