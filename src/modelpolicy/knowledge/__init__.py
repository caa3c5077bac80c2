"""The bundled knowledge base: licence families, known artefacts, hosted APIs and model servers.

`load()` reads the compiled `knowledge.json` once per process; see README.md for the schema.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from modelpolicy.errors import KnowledgeError
from modelpolicy.knowledge.schema import (
    ApiProvider,
    KnownArtefact,
    LicenseFamily,
    ModelServer,
    ServerVersions,
    artefact_from_raw,
    family_from_raw,
    provider_from_raw,
    records,
    server_from_raw,
)
from modelpolicy.model import Kind

SOURCES = ("licenses.toml", "artefacts.toml", "apis.toml", "servers.toml")
COMPILED = "knowledge.json"

_VERSION = re.compile(r"v?(\d+(?:\.\d+){0,2})(?:[-+._].*)?$")
K = TypeVar("K")
V = TypeVar("V")


@dataclass(frozen=True)
class KnowledgeBase:
    families: tuple[LicenseFamily, ...]
    artefacts: tuple[KnownArtefact, ...]
    providers: tuple[ApiProvider, ...]
    servers: tuple[ModelServer, ...]
    _family_index: dict[str, LicenseFamily]
    _artefact_index: dict[tuple[Kind, str], KnownArtefact]

    def family(self, name: str) -> LicenseFamily | None:
        """The family named by a Hub id, SPDX id, ScanCode key or alias (case-insensitive)."""
        return self._family_index.get(name.strip().lower())

    def artefact(self, kind: Kind, artefact_id: str) -> KnownArtefact | None:
        return self._artefact_index.get((kind, artefact_id.lower()))

    def canonical_id(self, kind: Kind, artefact_id: str) -> str:
        """The canonical id of a legacy or differently-cased id the knowledge base knows; else the id as given."""
        known = self.artefact(kind, artefact_id)
        return known.id if known else artefact_id

    def provider(self, model_name: str) -> ApiProvider | None:
        """The hosted API provider whose model-name patterns match `model_name`."""
        name = model_name.lower()
        for provider in self.providers:
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in provider.patterns):
                return provider
        return None

    def server(self, image: str) -> ModelServer | None:
        """The model server an image name (registry/name, without tag) belongs to."""
        name = image.lower()
        return next((s for s in self.servers if name in s.images), None)


def version_key(version: str) -> tuple[int, ...] | None:
    """`1.4.5`, `v2.0`, `2.0.1-rocm` as a comparable tuple; None for `latest`, `sha-...` and other non-versions."""
    match = _VERSION.match(version.strip().lower())
    return tuple(int(part) for part in match.group(1).split(".")) if match else None


def server_licenses(server: ModelServer, version: str | None) -> list[ServerVersions]:
    """The version ranges a version falls in: one for a known version, every range when it is unknown."""
    key = version_key(version or "")
    if key is None:
        return list(server.versions)
    return [
        v
        for v in server.versions
        if (not v.since or key >= (version_key(v.since) or ())) and (not v.until or key < (version_key(v.until) or ()))
    ]


def build(document: dict[str, Any], where: str = COMPILED) -> KnowledgeBase:
    """Validate a parsed knowledge document and index it; raises KnowledgeError naming the record at fault."""
    families = tuple(family_from_raw(r) for r in records(document, "family", where))
    artefacts = tuple(artefact_from_raw(r) for r in records(document, "artefact", where))
    return KnowledgeBase(
        families=families,
        artefacts=artefacts,
        providers=tuple(provider_from_raw(r) for r in records(document, "provider", where)),
        servers=tuple(server_from_raw(r) for r in records(document, "server", where)),
        _family_index=_unique_index(((n.lower(), f) for f in families for n in f.names), "licence name"),
        _artefact_index=_unique_index(
            (((a.kind, n.lower()), a) for a in artefacts for n in (a.id, *a.aliases)), "artefact id"
        ),
    )


def _unique_index(pairs: Iterable[tuple[K, V]], what: str) -> dict[K, V]:
    index: dict[K, V] = {}
    for key, item in pairs:
        if key in index and index[key] is not item:
            raise KnowledgeError(f"{COMPILED}: {what} {key!r} names two entries")
        index[key] = item
    return index


@cache
def load() -> KnowledgeBase:
    """The bundled knowledge base, parsed and validated once per process."""
    with (Path(__file__).parent / COMPILED).open(encoding="utf-8") as handle:
        return build(json.load(handle))
