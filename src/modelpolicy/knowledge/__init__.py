"""The bundled knowledge base: licence families, known artefacts, hosted APIs, model servers and the Ollama library.

`load()` reads the compiled `knowledge.json` once per process; see README.md for the schema.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
from collections.abc import Callable, Iterable
from functools import cache, cached_property
from typing import Any, TypeVar

from modelpolicy.errors import KnowledgeError
from modelpolicy.knowledge.globs import glob_union as _glob_union
from modelpolicy.knowledge.schema import (
    ApiProvider,
    KnownArtefact,
    LicenseFamily,
    ModelServer,
    ObligationRecord,
    OllamaModel,
    OllamaTag,
    ServerVersions,
    artefact_from_raw,
    family_from_raw,
    gateway_prefixes,
    obligation_from_raw,
    ollama_from_raw,
    provider_from_raw,
    records,
    server_from_raw,
    when_by_context,
)
from modelpolicy.knowledge.servers import ImageName, find_server, read_tag
from modelpolicy.knowledge.servers import version_key as version_key
from modelpolicy.model import Kind

SOURCES = ("licenses.toml", "artefacts.toml", "apis.toml", "servers.toml", "ollama.toml", "obligations.toml")
COMPILED = "knowledge.json"

K = TypeVar("K")
V = TypeVar("V")


# How the prefix of a family of API names ends (`OPENAI_CHAT_MODEL_PREFIXES = ("gpt-", "o1")`): no model's name does.
_PREFIX_ENDS = ("-", "_", ".", "/", ":")
# A wildcard makes a name a pattern a program matches names with (OpenHands' `FUNCTION_CALLING_PATTERNS = ["gpt-4o*",
# "claude-sonnet-4*"]`, fnmatch tables of capabilities), no model's name: fnmatch would read its `*` as one.
_WILDCARD = "*"


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
        self._gateways = gateway_prefixes(document.get("gateways"), f"{where}.gateways")
        self._proxies = gateway_prefixes(document.get("gateways"), f"{where}.gateways", "proxies")
        self.servers = tuple(server_from_raw(r) for r in records(document, "server", where))
        self._obligation_records = records(document, "obligation", where)
        self._when_by_context_raw = document.get("when_by_context")
        self._where = where
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
        _ = self._obligations

    @cached_property
    def _obligations(self) -> dict[str, tuple[ObligationRecord, ...]]:
        by_family: dict[str, list[ObligationRecord]] = {}
        for record in self._obligation_records:
            obligation = obligation_from_raw(record)
            for family in obligation.families:
                by_family.setdefault(family, []).append(obligation)
        return {family: tuple(found) for family, found in by_family.items()}

    def obligations(self, family_key: str) -> tuple[ObligationRecord, ...]:
        """The obligations of the licence family keyed `family_key` (its `key` in licenses.toml), in data order."""
        return self._obligations.get(family_key, ())

    @cached_property
    def when_by_context(self) -> dict[str, tuple[str, ...]]:
        """Which `when`s of an obligation each policy context brings into play (obligations.toml)."""
        return when_by_context(self._when_by_context_raw, f"{self._where}.when_by_context")

    def validate_obligations(self) -> None:
        """Every obligation is well formed and names licence families that exist (by key)."""
        keys = {record.raw.get("key") for record in self._family_records}
        for family in self._obligations:
            if family not in keys:
                raise KnowledgeError(
                    f"{self._where}: an obligation names licence family {family!r}, which has no record"
                )
        _ = self.when_by_context

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

    def provider(
        self, model_name: str, *, contextual: bool = False, among: frozenset[str] | None = None
    ) -> ApiProvider | None:
        """The hosted API provider that serves `model_name`: by a route prefix (`openai/gpt-4o`, `openai:gpt-4o`) whose
        rest that provider's patterns match, else by the first provider whose patterns match the whole name. A name
        only a context makes an API's (`nvidia/nv-embedqa-e5-v5`) counts when `contextual` is set: where discovery
        saw that context, and when an `api` artefact is resolved; a name one provider serves everywhere is its own
        before any context, and a mixed-case spelling (`Llama-3.3-70B-Instruct`) first that of a provider that writes
        its names so. `among` limits the answer to those providers' keys."""
        name = model_name.strip().lower()
        if name.endswith(_PREFIX_ENDS) or _WILDCARD in name:
            return None  # `gpt-`, `claude-3-`, `gpt-4o*`: the start of names a program matches, not a model's name
        routed = self.routed(name, contextual=contextual)
        if routed is not None and (among is None or routed[0].key in among):
            return routed[0]
        if not self._any_provider[contextual](name):
            return None  # most names asked are no provider's: one match says so, rather than one per provider
        providers = self.providers if among is None else [p for p in self.providers if p.key in among]
        found = next((p for p in providers if _serves(p, name, False)), None)
        if found is not None or not contextual:
            return found  # a name one API serves everywhere is its own before one another serves in context
        if model_name.strip() != name:  # a mixed-case spelling is first an API's that writes so
            providers = sorted(providers, key=lambda p: not p.mixed_case)
        return next((p for p in providers if _serves(p, name, True)), None)

    def routed(self, model_name: str, *, contextual: bool = False) -> tuple[ApiProvider, str] | None:
        """The provider a route prefix sends `model_name` to, and the name after the prefix, when that provider
        serves it: `openai/gpt-4o-mini` is OpenAI's `gpt-4o-mini`; `openai/whisper-large-v3` is no route (a Hub id).
        An Amazon Bedrock ARN is read as the `bedrock/` route it stands for."""
        name = model_name.strip().lower()
        if "/" not in name and ":" not in name:
            return None  # every route holds a `/` or a `:` (a test holds it): most names asked hold neither
        if name.endswith(_PREFIX_ENDS) or _WILDCARD in name:
            return None  # `accounts/fireworks/models/`, `openai/gpt-4o*`: what a program strips, adds or matches
        if name.startswith("arn:"):
            name = _BEDROCK_ARN.sub("bedrock/", name, count=1)
        name = next((name[len(g) :] for g in self._gateways if name.startswith(g)), name)  # `litellm/openai/gpt-4o`
        uri = _URI_ROUTE.match(name)
        if uri:  # RamaLama's `openai://gpt-4o`: the listed `openai:` route written as a URL's scheme, no other
            name = f"{uri.group(1)}:{name[uri.end() :]}"
        proxy = next((p for p in self._proxies if name.startswith(p)), None)
        if proxy is not None:  # `litellm_proxy/gpt-4o`: the provider that serves the rest everywhere
            rest = name[len(proxy) :]
            found = next((p for p in self.providers if _serves(p, rest, False)), None)
            return None if found is None else (found, rest)
        for route, provider in self._routes:
            # a `provider:` route (pydantic-ai's, a registry's) is no Hub owner's: it is the provider's context itself
            in_context = contextual or route.endswith(":")
            if name.startswith(route) and _serves_routed(provider, name[len(route) :], in_context):
                return provider, name[len(route) :]
        return None if uri else self._compatible_route(name) or self._unlisted_route(name)

    def _compatible_route(self, name: str) -> tuple[ApiProvider, str] | None:
        """LiteLLM's `openai/` route to any OpenAI-compatible server (an `api_base` beside it) before a name one
        provider serves everywhere: that provider's (`openai/qwq-plus` is DashScope's, `openai/deepseek-chat`
        DeepSeek's). An `owner/name` after it, or a name only a context makes an API's, stays unrouted."""
        rest = name[len(_COMPATIBLE_ROUTE) :] if name.startswith(_COMPATIBLE_ROUTE) else ""
        if not rest or "/" in rest:
            return None
        found = next((p for p in self.providers if _serves(p, rest, False)), None)
        return None if found is None else (found, rest)

    def _unlisted_route(self, name: str) -> tuple[ApiProvider, str] | None:
        """A `provider:` prefix the catalogue does not list, before a name one provider serves everywhere:
        GenAIScript's `github:gpt-4o`, `azure_serverless:gpt-4o`, `azure_ai_inference:gpt-4o-mini`, any tool's own
        provider ids. A name only a context makes an API's stays unrouted, and an Ollama library name with a tag
        (`llama3:8b`) is Ollama's."""
        prefix = _UNLISTED_ROUTE.match(name)
        if prefix is None or self.ollama(prefix.group(1)) is not None:
            return None
        rest = name[prefix.end() :]
        found = next((p for p in self.providers if _serves(p, rest, False)), None)
        return None if found is None else (found, rest)

    @cached_property
    def _any_provider(self) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
        """Whether any provider's patterns match a name: without (0) and with (1) those that count only in a context."""
        plain = tuple(pattern for p in self.providers for pattern in p.patterns)
        every = plain + tuple(pattern for p in self.providers for pattern in p.context_patterns)
        return _glob_union(plain), _glob_union(every)

    @cached_property
    def _routes(self) -> tuple[tuple[str, ApiProvider], ...]:
        """Every route prefix with its provider, longest first (`openrouter/openai/` before `openai/`)."""
        pairs = [(route.lower(), p) for p in self.providers for route in p.routes]
        return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))

    def ollama(self, name: str) -> OllamaModel | None:
        """The Ollama library model of a name without its tag (`llama3.1`), case-insensitive."""
        return self._ollama.get(name.lower())

    def ollama_names(self) -> frozenset[str]:
        """Every Ollama library name the table knows, lower-cased."""
        return frozenset(self._ollama)

    def server(self, image: str) -> ModelServer | None:
        """The model server an image repository (registry/name, without tag) belongs to."""
        return find_server(self.servers, image)


# LiteLLM's route to whatever OpenAI-compatible server its `api_base` names
# (docs.litellm.ai/docs/providers/openai_compatible).
_COMPATIBLE_ROUTE = "openai/"
# A tool's own provider id before a colon (`azure_serverless:`, `github:`): a word, then a name with no `/` or `:`.
_UNLISTED_ROUTE = re.compile(r"([a-z][a-z0-9_]*):(?=[^:/\s]+$)")
# A provider's route written as a URL's scheme before a bare name (`openai://gpt-4o`, RamaLama's remote models).
_URI_ROUTE = re.compile(r"([a-z][a-z0-9_-]*)://(?=[^:/\s]+$)")


# An Amazon Bedrock ARN names a model after the region and account, as LiteLLM's `bedrock/` route does before it:
# `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0`, an inference profile's
# `arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0`.
_BEDROCK_ARN = re.compile(r"^arn:aws(?:-[a-z]+)*:bedrock:[a-z0-9-]*:[0-9]*:(?:foundation-model|inference-profile)/")


def _serves(provider: ApiProvider, name: str, contextual: bool) -> bool:
    patterns = (*provider.patterns, *provider.context_patterns) if contextual else provider.patterns
    return _matches(patterns, name) and not _matches(provider.exclude, name)


def _serves_routed(provider: ApiProvider, name: str, contextual: bool) -> bool:
    """Whether the provider serves `name` sent to it by one of its routes: its own names, or any its routes send."""
    routed = _matches(provider.routed_patterns, name) and not _matches(provider.exclude, name)
    return routed or _serves(provider, name, contextual)


def _matches(patterns: tuple[str, ...], name: str) -> bool:
    """Whether `name` matches one of the glob patterns, as `fnmatch.fnmatchcase` would: one test for them all, since a
    module of constants asks this of every provider for each of thousands of names."""
    return _glob_union(patterns)(name)


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
