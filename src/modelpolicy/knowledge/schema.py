"""The knowledge base's schema: the vocabulary of each licence property, and the typed records it loads into.

`README.md` beside this file documents the same schema for reviewers; `from_raw` checks a parsed document
against it, naming the file, the record and the key at fault.

The records are typed NamedTuples rather than frozen dataclasses: they are as immutable and as typed, and this
module is imported by the pre-commit hook on every commit, where a dataclass costs six times as much to create.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from modelpolicy.errors import KnowledgeError
from modelpolicy.model import Confidence, Kind, OutputRights, Parent, TrainingData, Weights

# One description of a licence's terms: what the licence says, never a verdict per use context. The evaluator
# derives every context's verdict from these through the policy's rules (policy/concerns.py maps each value to the
# concern it raises); a test checks that every property and every value here is read there.
PROPERTIES: Mapping[str, tuple[str, ...]] = {
    "commercial": ("allowed", "conditional", "forbidden", "unknown"),  # commercial use of the weights themselves
    "output": tuple(o.value for o in OutputRights),  # the rights in outputs, which may differ from the weights'
    "output_restrictions": ("none", "restricted", "unknown"),
    "use_restrictions": ("none", "aup", "use-based", "unknown"),
    "user_threshold": ("none", "unknown"),  # or a whole number of monthly active users
    "revenue_threshold": ("none", "unknown"),  # or a whole number of US dollars of annual revenue
    "naming": ("none", "required", "unknown"),
    "share_alike": ("none", "weak", "strong", "network", "unknown"),
    "derivatives": ("allowed", "no-sharing", "no-weights", "unknown"),
    "exclusions": ("none", "regional", "field-of-use", "unknown"),
    "attribution": ("none", "required", "unknown"),
    "hosting": ("none", "restricted", "unknown"),
    "remote_changes": ("no", "yes", "unknown"),
}

# Properties whose value may be a whole number instead of a word (a threshold).
NUMERIC: frozenset[str] = frozenset({"user_threshold", "revenue_threshold"})


class Fact(NamedTuple):
    """One property of a licence, with where it was read and how sure we are."""

    value: str
    evidence: str
    confidence: Confidence
    note: str = ""


class LicenseFamily(NamedTuple):
    key: str
    name: str
    url: str
    hub_ids: tuple[str, ...]
    spdx: str
    scancode: str
    aliases: tuple[str, ...]
    terms: Mapping[str, Fact]

    def value(self, prop: str) -> str:
        return self.terms[prop].value

    @property
    def names(self) -> tuple[str, ...]:
        """Every spelling that names this family."""
        return tuple(n for n in (self.key, *self.hub_ids, self.spdx, self.scancode, *self.aliases) if n)


WHENS = ("any-use", "using-outputs", "distributing-weights", "offering-service", "publishing-fine-tune")


class ObligationRecord(NamedTuple):
    """What a licence obliges its user to do (`action`), in which uses (`when`), with the exact text to display
    (`text`, "" when the licence gives none) and the evidence: the clause, its words, the URL they are quoted from."""

    key: str
    families: tuple[str, ...]
    action: str
    when: tuple[str, ...]
    text: str
    clause: str
    quote: str
    url: str


class LicenseChange(NamedTuple):
    """An earlier licence of an artefact: in force `until` a date, ended by the commit `changed_in` (sha or prefix,
    "" when not known); `commits` are commits known to carry it. They place a pinned revision in the history."""

    license: str
    until: str
    evidence: str
    changed_in: str = ""
    commits: tuple[str, ...] = ()


class KnownArtefact(NamedTuple):
    kind: Kind
    id: str
    aliases: tuple[str, ...]
    license: str
    hub_license: str
    weights: Weights
    training_data: TrainingData
    output: OutputRights | None
    parents: tuple[Parent, ...]
    evidence: str
    confidence: Confidence
    note: str
    history: tuple[LicenseChange, ...]
    reread: bool = True  # False: the evidence was not re-read, so the Hub's card wins where it can be read


class ApiProvider(NamedTuple):
    """A hosted API: the model names it serves (fnmatch, lower-cased), and where a name is that API's.

    `patterns` name its models wherever a model name stands; `context_patterns` only in a file that shows the API is
    meant (one of `context_markers` in it), since such names are also Hub ids (the NVIDIA API catalog's
    `nvidia/nv-embedqa-e5-v5`); `exclude` takes names back (the open-weight `gpt-oss-20b`); `routes` are the prefixes
    that send a name to this API through LiteLLM, pydantic-ai or a gateway (`openai/`, `openai:`). `mixed_case` says
    the API writes its names in mixed case (Meta's Llama API: `Llama-3.3-70B-Instruct`), so that a name in context or
    behind a route is its own although written as a Hub id would be; other APIs' names count only in lower case.
    `routed_patterns` name its models only behind one of its routes: a gateway's (OpenRouter's `meta-llama/...`)
    names are Hub ids written alone.
    """

    key: str
    name: str
    license: str
    patterns: tuple[str, ...]
    evidence: str = ""
    exclude: tuple[str, ...] = ()
    routes: tuple[str, ...] = ()
    context_patterns: tuple[str, ...] = ()
    context_markers: tuple[str, ...] = ()
    mixed_case: bool = False
    routed_patterns: tuple[str, ...] = ()


class ServerVersions(NamedTuple):
    since: str
    until: str
    license: str
    evidence: str


class ModelServer(NamedTuple):
    key: str
    name: str
    images: tuple[str, ...]  # fnmatch patterns on the repository, registry included
    versions: tuple[ServerVersions, ...]
    version_tag: str = ""  # a regular expression whose group `version` reads the release a tag names
    builds: tuple[str, ...] = ()  # fnmatch patterns of tags that pin a build without naming its release
    # How the image's entrypoint takes the model it serves besides a flag: "positional" when its first argument is
    # the model (vLLM's `vllm serve`: `docker run vllm/vllm-openai ORG/NAME`); "" when only a flag or variable names it
    model_argument: str = ""


class OllamaTag(NamedTuple):
    """The terms of the tags of an Ollama model that `match` (fnmatch on the tag, `3b*`), where they differ."""

    match: str
    license: str
    upstream: str
    evidence: str


class OllamaModel(NamedTuple):
    """A model of the Ollama library, by the name before its `:tag`, with the upstream model its weights come from."""

    name: str
    upstream: str
    license: str
    evidence: str
    confidence: Confidence
    tags: tuple[OllamaTag, ...]


class _Record:
    """Reads one TOML/JSON table, naming the file and the record in every error."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise KnowledgeError(f"{where}: expected a table, got {type(raw).__name__}")
        self.raw: dict[str, Any] = raw
        self.where = where

    def text(self, key: str, *, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if not isinstance(value, str):
            raise KnowledgeError(f"{self.where}.{key}: expected a string, got {value!r}")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise KnowledgeError(f"{self.where}.{key}: expected a list of strings, got {value!r}")
        return tuple(value)

    def table(self, key: str) -> _Record:
        return _Record(self.raw.get(key), f"{self.where}.{key}")

    def records(self, key: str) -> list[_Record]:
        value = self.raw.get(key, [])
        if not isinstance(value, list):
            raise KnowledgeError(f"{self.where}.{key}: expected a list of tables, got {value!r}")
        return [_Record(item, f"{self.where}.{key}[{i}]") for i, item in enumerate(value)]

    def choice(self, key: str, allowed: tuple[str, ...], *, default: str | None = None) -> str:
        value = self.text(key, default=default)
        if value not in allowed:
            raise KnowledgeError(f"{self.where}.{key}: expected one of {', '.join(allowed)}, got {value!r}")
        return value


def _fact(record: _Record, prop: str) -> Fact:
    fact = record.table(prop)
    value = fact.raw.get("value")
    if prop in NUMERIC and isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        value = str(value)
    elif prop in NUMERIC and isinstance(value, str) and value.isdigit():
        pass
    else:
        value = fact.choice("value", PROPERTIES[prop])
    return Fact(
        value=str(value),
        evidence=fact.text("evidence"),
        confidence=Confidence(fact.choice("confidence", tuple(c.value for c in Confidence))),
        note=fact.text("note", default=""),
    )


def family_from_raw(record: _Record) -> LicenseFamily:
    terms = record.table("terms")
    unknown = sorted(set(terms.raw) - set(PROPERTIES))
    if unknown:
        raise KnowledgeError(f"{terms.where}: unknown properties {', '.join(unknown)}")
    return LicenseFamily(
        key=record.text("key"),
        name=record.text("name"),
        url=record.text("url"),
        hub_ids=record.texts("hub_ids"),
        spdx=record.text("spdx"),
        scancode=record.text("scancode", default=""),
        aliases=record.texts("aliases"),
        terms={prop: _fact(terms, prop) for prop in PROPERTIES},
    )


def obligation_from_raw(record: _Record) -> ObligationRecord:
    when = record.texts("when")
    wrong = [w for w in when if w not in WHENS]
    if wrong or not when:
        raise KnowledgeError(f"{record.where}.when: expected a non-empty list of {', '.join(WHENS)}, got {when!r}")
    obligation = ObligationRecord(
        key=record.text("key"),
        families=record.texts("families"),
        action=record.text("action"),
        when=when,
        text=record.text("text", default=""),
        clause=record.text("clause"),
        quote=record.text("quote"),
        url=record.text("url"),
    )
    empty = [name for name in ("key", "families", "action", "clause", "quote", "url") if not getattr(obligation, name)]
    if empty:
        raise KnowledgeError(f"{record.where}: {', '.join(empty)} must not be empty (every obligation has evidence)")
    return obligation


def when_by_context(raw: Any, where: str) -> dict[str, tuple[str, ...]]:
    """Which `when`s each policy context brings into play, checked against the contexts and WHENS."""
    record = _Record(raw if raw is not None else {}, where)
    table = {context: record.texts(context) for context in record.raw}
    for context, whens in table.items():
        wrong = [w for w in whens if w not in WHENS]
        if context not in ("research", "internal", "commercial", "saas") or wrong:
            raise KnowledgeError(f"{where}.{context}: expected a context and some of {', '.join(WHENS)}")
    return table


def gateway_prefixes(raw: Any, where: str, field: str = "prefixes") -> tuple[str, ...]:
    """The prefixes an agent framework writes before a router's name (`litellm/`), or before a name a proxy forwards
    (`field` "proxies": `litellm_proxy/`), lower case, each ending in `/`."""
    record = _Record(raw if raw is not None else {}, where)
    prefixes = record.texts(field) if field == "prefixes" or field in record.raw else ()
    wrong = [p for p in prefixes if not p.endswith("/") or p != p.lower() or p.count("/") != 1]
    if wrong:
        raise KnowledgeError(f"{where}.{field}: {', '.join(wrong)}: expected one lower-case segment ending in `/`")
    return prefixes


def _parent(record: _Record) -> Parent:
    """A base model or dataset; or, for data made from a model's outputs (`generated-by`), a hosted API model."""
    return Parent(
        kind=Kind(record.choice("kind", ("model", "dataset", "api"))),
        id=record.text("id"),
        relation=record.text("relation"),
    )


def artefact_from_raw(record: _Record) -> KnownArtefact:
    output = record.raw.get("output")
    return KnownArtefact(
        kind=Kind(record.choice("kind", ("model", "dataset"))),
        id=record.text("id"),
        aliases=record.texts("aliases"),
        license=record.text("license"),
        hub_license=record.text("hub_license", default=""),
        weights=Weights(record.choice("weights", tuple(w.value for w in Weights))),
        training_data=TrainingData(record.choice("training_data", tuple(t.value for t in TrainingData))),
        output=None if output is None else OutputRights(record.choice("output", tuple(OutputRights))),
        parents=tuple(_parent(p) for p in record.records("parents")),
        evidence=record.text("evidence"),
        confidence=Confidence(record.choice("confidence", tuple(c.value for c in Confidence))),
        note=record.text("note", default=""),
        history=tuple(
            LicenseChange(
                license=h.text("license"),
                until=h.text("until"),
                evidence=h.text("evidence"),
                changed_in=h.text("changed_in", default=""),
                commits=h.texts("commits"),
            )
            for h in record.records("history")
        ),
        reread=_flag(record, "reread", default=True),
    )


def _flag(record: _Record, key: str, *, default: bool) -> bool:
    value = record.raw.get(key, default)
    if not isinstance(value, bool):
        raise KnowledgeError(f"{record.where}.{key}: expected true or false, got {value!r}")
    return value


def provider_from_raw(record: _Record) -> ApiProvider:
    return ApiProvider(
        key=record.text("key"),
        name=record.text("name"),
        license=record.text("license"),
        patterns=record.texts("patterns"),
        evidence=record.text("evidence"),
        exclude=record.texts("exclude"),
        routes=record.texts("routes"),
        context_patterns=record.texts("context_patterns"),
        context_markers=record.texts("context_markers"),
        mixed_case=_flag(record, "mixed_case", default=False),
        routed_patterns=record.texts("routed_patterns"),
    )


def _version_tag(record: _Record) -> str:
    """A server's tag grammar: a regular expression with a group named `version`, or "" for the default."""
    pattern = record.text("version_tag", default="")
    try:
        groups = re.compile(pattern).groupindex if pattern else {"version": 1}
    except re.error as error:
        raise KnowledgeError(f"{record.where}.version_tag: {error}") from None
    if "version" not in groups:
        raise KnowledgeError(f"{record.where}.version_tag: no group named `version` in {pattern!r}")
    return pattern


def server_from_raw(record: _Record) -> ModelServer:
    return ModelServer(
        key=record.text("key"),
        name=record.text("name"),
        images=record.texts("images"),
        version_tag=_version_tag(record),
        builds=record.texts("builds"),
        model_argument=record.choice("model_argument", ("", "positional"), default=""),
        versions=tuple(
            ServerVersions(
                since=v.text("from"),
                until=v.text("until"),
                license=v.text("license"),
                evidence=v.text("evidence"),
            )
            for v in record.records("versions")
        ),
    )


def ollama_from_raw(record: _Record) -> OllamaModel:
    return OllamaModel(
        name=record.text("name"),
        upstream=record.text("upstream"),
        license=record.text("license"),
        evidence=record.text("evidence"),
        confidence=Confidence(record.choice("confidence", tuple(c.value for c in Confidence))),
        tags=tuple(
            OllamaTag(
                match=t.text("match"),
                license=t.text("license"),
                upstream=t.text("upstream"),
                evidence=t.text("evidence"),
            )
            for t in record.records("tags")
        ),
    )


def records(document: Any, key: str, where: str) -> list[_Record]:
    return _Record(document, where).records(key)
