"""The CycloneDX 1.6 BOM: every artefact the repository uses, its licence and its lineage, for SBOM tooling.

Mapping: models are `machine-learning-model` components (with a `pkg:huggingface` purl), datasets `data`
components, model-server images `container` components; hosted API models are `services`, CycloneDX's word for an
external API the software calls, since nothing of them ships with it. Base models and training datasets, from the
resolved terms and then the bundled knowledge, are components too, so that `dependencies` carry the whole lineage.

A model whose base models or training datasets are known carries a `modelCard`: its datasets in
`modelParameters.datasets` (references to their `data` components), and its base model as
`modelParameters.modelArchitecture` when it has exactly one (a fine-tune, quantization or adapter has its base's
architecture; CycloneDX 1.6 has no base-model field, and `modelParameters` admits no other key); every base model is
also in the component's `pedigree.ancestors`, CycloneDX's own "derived from". A component's version is the revision
in use, which its purl carries too. A licence is named by an SPDX id CycloneDX knows or, for one SPDX does not list,
by its `LicenseRef-` name with the URL of its text.

The BOM has no timestamp and its serial number is a UUID of its content: the same scan gives the same bytes, so a
committed BOM diffs only where the artefacts changed.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from modelpolicy import __version__
from modelpolicy.knowledge import KnowledgeBase, load
from modelpolicy.model import Finding, Kind, Parent, Resolved
from modelpolicy.report.columns import training_data_of, weights_of
from modelpolicy.report.escape import escape_json
from modelpolicy.report.interface import Report

SPEC_VERSION = "1.6"
SCHEMA_URI = "http://cyclonedx.org/schema/bom-1.6.schema.json"
INFORMATION_URI = "https://modelpolicy.dev/"
REPOSITORY_REF = "repository"
_TYPES = {
    Kind.MODEL: "machine-learning-model",
    Kind.DATASET: "data",
    Kind.IMAGE: "container",
    Kind.OLLAMA: "machine-learning-model",
}
_HUB_PAGES = {Kind.MODEL: "https://huggingface.co/", Kind.DATASET: "https://huggingface.co/datasets/"}
_OPERATORS = {"AND", "OR", "WITH"}
_TOKEN = re.compile(r"[^\s()]+")
_PARTS = re.compile(r"(\s+|[()])")
_COMMIT = re.compile(r"[0-9a-fA-F]{7,64}")
_NOT_IDSTRING = re.compile(r"[^A-Za-z0-9.-]")


@dataclass(frozen=True)
class _Node:
    """One artefact of the BOM: a finding, or an ancestor of one that the scan did not name."""

    kind: Kind
    id: str
    version: str | None
    license: str | None
    parents: tuple[Parent, ...]
    finding: Finding | None

    @property
    def ref(self) -> str:
        return f"{self.kind.value}:{self.id}" + (f"@{self.version}" if self.version else "")


def render(report: Report, *, color: bool = False) -> str:
    knowledge = load()
    nodes = _nodes(report, knowledge)
    refs = {(node.kind, node.id): node.ref for node in reversed(nodes)}  # the first node of an id stands for it
    content = {
        "metadata": _metadata(report),
        "components": [_component(n, knowledge, refs) for n in nodes if n.kind is not Kind.API],
        "services": [_service(n, knowledge) for n in nodes if n.kind is Kind.API],
        "dependencies": _dependencies(report, nodes, refs),
    }
    serial = uuid.uuid5(uuid.NAMESPACE_URL, INFORMATION_URI + json.dumps(content, sort_keys=True))
    bom = {
        "$schema": SCHEMA_URI,
        "bomFormat": "CycloneDX",
        "specVersion": SPEC_VERSION,
        "serialNumber": serial.urn,
        "version": 1,
        **{key: value for key, value in content.items() if value},
    }
    return escape_json(json.dumps(bom, indent=2, ensure_ascii=False)) + "\n"


def _nodes(report: Report, knowledge: KnowledgeBase) -> list[_Node]:
    """The findings, then their ancestors not among them, walked through the bundled knowledge; sorted by ref."""
    nodes = [_from_finding(finding) for finding in report.findings]
    known = {(node.kind, node.id) for node in nodes}
    pending = [parent for node in nodes for parent in node.parents]
    while pending:
        parent = pending.pop(0)
        if (parent.kind, parent.id) in known:
            continue
        known.add((parent.kind, parent.id))
        node = _ancestor(parent, knowledge)
        nodes.append(node)
        pending += node.parents
    return sorted(nodes, key=lambda node: node.ref)


def _ancestor(parent: Parent, knowledge: KnowledgeBase) -> _Node:
    entry = knowledge.artefact(parent.kind, parent.id)
    return _Node(parent.kind, parent.id, None, entry.license if entry else None, entry.parents if entry else (), None)


def _from_finding(finding: Finding) -> _Node:
    artefact = finding.artefact
    terms = finding.resolution.terms if isinstance(finding.resolution, Resolved) else None
    version = artefact.revision or (terms.revision if terms else None)
    return _Node(
        artefact.kind, artefact.id, version, terms.license if terms else None, terms.parents if terms else (), finding
    )


def _metadata(report: Report) -> dict[str, Any]:
    tool = {
        "type": "application",
        "name": "modelpolicy",
        "version": __version__,
        "externalReferences": [{"type": "website", "url": INFORMATION_URI}],
    }
    return {
        "tools": {"components": [tool]},
        "component": {"type": "application", "bom-ref": REPOSITORY_REF, "name": _repository_name()},
        "properties": _properties(
            {"policy": report.policy.name, "context": report.policy.context.value, "verdict": report.verdict.value}
        ),
    }


def _repository_name() -> str:
    """The report does not carry the scanned folder; the CLI runs from the repository root, so its name is the best
    name at hand."""
    return Path.cwd().name or "repository"


def _component(node: _Node, knowledge: KnowledgeBase, refs: dict[tuple[Kind, str], str]) -> dict[str, Any]:
    name, version = _image_name(node) if node.kind is Kind.IMAGE else (node.id, node.version)
    group, _, short = name.rpartition("/") if node.kind in _HUB_PAGES else ("", "", name)
    component: dict[str, Any] = {"type": _TYPES[node.kind], "bom-ref": node.ref}
    component |= {"group": group} if group else {}
    component |= {"name": short}
    component |= {"version": version} if version else {}
    component |= {"licenses": _licenses(node.license, knowledge)} if node.license else {}
    component |= {"purl": _purl(node, name, version)} if node.kind in (Kind.MODEL, Kind.IMAGE) else {}
    component |= {"externalReferences": [_hub_page(node)]} if node.kind in _HUB_PAGES else {}
    component |= {"data": [{"type": "dataset", "name": node.id}]} if node.kind is Kind.DATASET else {}
    if node.kind is Kind.MODEL:
        component |= _lineage(node, refs)
    component |= {"properties": _judged(node.finding)} if node.finding else {}
    return component


def _lineage(node: _Node, refs: dict[tuple[Kind, str], str]) -> dict[str, Any]:
    """The `modelCard` (datasets, and the one base model as the architecture) and `pedigree` of a model whose base
    models or datasets are known; nothing when none is."""
    bases = [p for p in node.parents if p.kind is Kind.MODEL]
    datasets = sorted({refs[(p.kind, p.id)] for p in node.parents if p.kind is Kind.DATASET and (p.kind, p.id) in refs})
    parameters: dict[str, Any] = {"modelArchitecture": bases[0].id} if len(bases) == 1 else {}
    parameters |= {"datasets": [{"ref": ref} for ref in datasets]} if datasets else {}
    found: dict[str, Any] = {"modelCard": {"modelParameters": parameters}} if parameters else {}
    if bases:
        found["pedigree"] = {"ancestors": [_ancestor_component(base) for base in bases]}
    return found


def _ancestor_component(parent: Parent) -> dict[str, str]:
    group, _, short = parent.id.rpartition("/")
    ancestor = {"type": "machine-learning-model"} | ({"group": group} if group else {}) | {"name": short}
    return ancestor | {"purl": f"pkg:huggingface/{quote(parent.id)}"} | _relation(parent)


def _relation(parent: Parent) -> dict[str, str]:
    return {"description": f"{parent.relation} base model"} if parent.relation else {}


def _hub_page(node: _Node) -> dict[str, str]:
    return {"type": "website", "url": _HUB_PAGES[node.kind] + node.id}


def _service(node: _Node, knowledge: KnowledgeBase) -> dict[str, Any]:
    provider = knowledge.provider(node.id)
    service: dict[str, Any] = {"bom-ref": node.ref}
    service |= {"provider": {"name": provider.name}} if provider else {}
    service |= {"name": node.id}
    service |= {"licenses": _licenses(node.license, knowledge)} if node.license else {}
    service |= {"properties": _judged(node.finding)} if node.finding else {}
    return service


def _image_name(node: _Node) -> tuple[str, str | None]:
    """`registry/name:tag` or `name@sha256:...` as the name and the tag or digest."""
    if "@" in node.id:
        name, _, digest = node.id.partition("@")
        return name, digest
    head, _, last = node.id.rpartition("/")
    if ":" in last:
        last, _, tag = last.partition(":")
        return f"{head}/{last}" if head else last, tag
    return node.id, node.version


def _purl(node: _Node, name: str, version: str | None) -> str:
    """`pkg:huggingface/org/name@revision` (a commit lower-cased, as the type requires; a branch or tag
    percent-encoded); `pkg:docker/path@tag`, with the registry host as `repository_url`."""
    if node.kind is Kind.MODEL:
        revision = (version.lower() if _COMMIT.fullmatch(version) else quote(version, safe="")) if version else ""
        return f"pkg:huggingface/{quote(name)}" + (f"@{revision}" if revision else "")
    registry, _, path = name.partition("/")
    if not path or not ("." in registry or ":" in registry or registry == "localhost"):
        registry, path = "", name
    purl = f"pkg:docker/{quote(path)}" + (f"@{quote(version, safe='')}" if version else "")
    return purl + (f"?repository_url={quote(registry, safe='')}" if registry else "")


def _licenses(expression: str, knowledge: KnowledgeBase) -> list[dict[str, Any]]:
    """One licence by SPDX id, or by its `LicenseRef-` name (with the URL of its text, and its own name as a
    property) when SPDX has none; a compound expression in SPDX terms."""
    if len(_TOKEN.findall(expression)) > 1:
        return [{"expression": _expression(expression, knowledge)}]
    family = knowledge.family(expression)
    if family is None:
        return [{"license": {"name": _license_ref(expression)}}]
    if not family.spdx.startswith("LicenseRef-"):
        return [{"license": {"id": family.spdx}}]
    named: dict[str, Any] = {"name": family.spdx} | ({"url": family.url} if family.url else {})
    return [{"license": named | {"properties": _properties({"license-name": family.name})}}]


def _license_ref(name: str) -> str:
    """`LicenseRef-` and `name` with what an SPDX idstring does not allow written as `-`."""
    return "LicenseRef-" + _NOT_IDSTRING.sub("-", name)


def _expression(expression: str, knowledge: KnowledgeBase) -> str:
    """Each licence key as its SPDX id (a `LicenseRef-` when it has none); operators and exceptions as written."""
    parts = []
    previous = ""
    for part in _PARTS.split(expression):
        if _TOKEN.fullmatch(part):
            previous = part if previous == "WITH" else _spdx_key(part, knowledge)
            parts.append(previous)
        else:
            parts.append(part)
    return "".join(parts)


def _spdx_key(token: str, knowledge: KnowledgeBase) -> str:
    if token.upper() in _OPERATORS:
        return token.upper()
    family = knowledge.family(token)
    return family.spdx if family else _license_ref(token)


def _judged(finding: Finding) -> list[dict[str, str]]:
    return _properties(
        {
            "verdict": finding.verdict.value,
            "weights": weights_of(finding).value,
            "training-data": training_data_of(finding).value,
            "output": finding.output.value,
        }
    )


def _properties(values: dict[str, str]) -> list[dict[str, str]]:
    return [{"name": f"modelpolicy:{name}", "value": value} for name, value in values.items()]


def _dependencies(report: Report, nodes: list[_Node], refs: dict[tuple[Kind, str], str]) -> list[dict[str, Any]]:
    """The repository depends on what it names; each artefact on its base models and datasets."""
    direct = sorted({node.ref for node in nodes if node.finding})
    edges = [{"ref": REPOSITORY_REF, "dependsOn": direct}] if report.findings else []
    for node in nodes:
        parents = sorted({refs[(p.kind, p.id)] for p in node.parents})
        edges += [{"ref": node.ref, "dependsOn": parents}] if parents else []
    return edges
