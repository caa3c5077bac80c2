"""The bundled knowledge base: licence families, known artefacts, hosted APIs, model servers and the Ollama library.

`load()` reads the compiled `knowledge.json` once per process; see README.md for the schema.
"""

from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterable
from functools import cache
from typing import Any, TypeVar

from modelpolicy.errors import KnowledgeError
from modelpolicy.knowledge.schema import (
    ApiProvider,
    KnownArtefact,
    LicenseFamily,
    ModelServer,
    OllamaModel,
    OllamaTag,
    ServerVersions,
    artefact_from_raw,
    family_from_raw,
    ollama_from_raw,
    provider_from_raw,
    records,
    server_from_raw,
)
from modelpolicy.knowledge.servers import ImageName, find_server, read_tag
from modelpolicy.knowledge.servers import version_key as version_key
from modelpolicy.model import Kind

SOURCES = ("licenses.toml", "artefacts.toml", "apis.toml", "servers.toml", "ollama.toml")
COMPILED = "knowledge.json"

K = TypeVar("K")
V = TypeVar("V")


class KnowledgeBase:
    """The knowledge base, indexed by every name of every record.

    Records are built from the compiled document when first asked for: the hook looks up a handful of licences
    per commit, and building all of them would cost more than the rest of the load. `compile` and the test suite
    validate every record; `build()` checks the document's shape and that no name is claimed twice.
    """

    def __init__(self, document: dict[str, Any], where: str) -> None:
        self._family_records = records(document, "family", where)
        self._artefact_records = records(document, "artefact", where)
        self._families: dict[int, LicenseFamily] = {}
        self._artefacts: dict[int, KnownArtefact] = {}
        self._family_index = _unique_index(
            ((name.lower(), i) for i, r in enumerate(self._family_records) for name in family_names(r.raw)),
            "licence name",
        )
        self._artefact_index = _unique_index(
            (
                ((r.raw.get("kind"), name.lower()), i)
                for i, r in enumerate(self._artefact_records)
                for name in (r.raw.get("id", ""), *r.raw.get("aliases", ()))
            ),
            "artefact id",
        )
        self.providers = tuple(provider_from_raw(r) for r in records(document, "provider", where))
        self.servers = tuple(server_from_raw(r) for r in records(document, "server", where))
        self._ollama = _unique_index(
            ((model.name.lower(), model) for model in map(ollama_from_raw, records(document, "ollama", where))),
            "Ollama model",
        )

    @property
    def families(self) -> tuple[LicenseFamily, ...]:
        return tuple(self._family(i) for i in range(len(self._family_records)))

    @property
    def artefacts(self) -> tuple[KnownArtefact, ...]:
        return tuple(self._artefact(i) for i in range(len(self._artefact_records)))

    def validate(self) -> None:
        """Build every record, so that the first malformed one raises KnowledgeError."""
        for position in range(len(self._family_records)):
            self._family(position)
        for position in range(len(self._artefact_records)):
            self._artefact(position)

    def family(self, name: str) -> LicenseFamily | None:
        """The family named by a Hub id, SPDX id, ScanCode key or alias (case-insensitive)."""
        position = self._family_index.get(name.strip().lower())
        return None if position is None else self._family(position)

    def license_names(self) -> tuple[str, ...]:
        """Every name of every licence family, lower-cased: what a did-you-mean suggestion chooses from."""
        return tuple(self._family_index)

    def artefact(self, kind: Kind, artefact_id: str) -> KnownArtefact | None:
        position = self._artefact_index.get((kind.value, artefact_id.lower()))
        return None if position is None else self._artefact(position)

    def canonical_id(self, kind: Kind, artefact_id: str) -> str:
        """The canonical id of a legacy or differently-cased id the knowledge base knows; else the id as given."""
        known = self.artefact(kind, artefact_id)
        return known.id if known else artefact_id

    def _family(self, position: int) -> LicenseFamily:
        if position not in self._families:
            self._families[position] = family_from_raw(self._family_records[position])
        return self._families[position]

    def _artefact(self, position: int) -> KnownArtefact:
        if position not in self._artefacts:
            self._artefacts[position] = artefact_from_raw(self._artefact_records[position])
        return self._artefacts[position]

    def provider(self, model_name: str) -> ApiProvider | None:
        """The hosted API provider whose model-name patterns match `model_name`."""
        name = model_name.lower()
        for provider in self.providers:
            if any(fnmatch.fnmatchcase(name, pattern) for pattern in provider.patterns):
                return provider
        return None

    def ollama(self, name: str) -> OllamaModel | None:
        """The Ollama library model of a name without its tag (`llama3.1`), case-insensitive."""
        return self._ollama.get(name.lower())

    def ollama_names(self) -> frozenset[str]:
        """Every Ollama library name the table knows, lower-cased."""
        return frozenset(self._ollama)

    def server(self, image: str) -> ModelServer | None:
        """The model server an image repository (registry/name, without tag) belongs to."""
        return find_server(self.servers, image)


def server_licenses(server: ModelServer, tag: str | None) -> list[ServerVersions]:
    """The licence ranges an image tag may stand for (see `servers.read_tag`)."""
    return list(read_tag(server, ImageName(server.images[0], tag)).versions)


def ollama_tag(model: OllamaModel, tag: str | None) -> OllamaTag | None:
    """The size-dependent terms a tag (`3b`, `3b-instruct-q4_K_M`) falls under, or None for the model's own terms."""
    return next((t for t in model.tags if tag and fnmatch.fnmatchcase(tag.lower(), t.match.lower())), None)


def build(document: dict[str, Any], where: str = COMPILED) -> KnowledgeBase:
    """Index a parsed knowledge document; raises KnowledgeError when it is malformed or a name is claimed twice."""
    return KnowledgeBase(document, where)


def family_names(raw: dict[str, Any]) -> list[str]:
    """Every spelling that names a family, read from its raw record."""
    names = [raw.get("key"), *raw.get("hub_ids", ()), raw.get("spdx"), raw.get("scancode"), *raw.get("aliases", ())]
    return [n for n in names if isinstance(n, str) and n]


def _unique_index(pairs: Iterable[tuple[K, V]], what: str) -> dict[K, V]:
    index: dict[K, V] = {}
    for key, item in pairs:
        if key in index and index[key] != item:
            raise KnowledgeError(f"{COMPILED}: {what} {key!r} names two entries")
        index[key] = item
    return index


@cache
def load() -> KnowledgeBase:
    """The bundled knowledge base, parsed and validated once per process."""
    with open(os.path.join(os.path.dirname(__file__), COMPILED), encoding="utf-8") as handle:  # noqa: PTH118, PTH120, PTH123
        return build(json.load(handle))
