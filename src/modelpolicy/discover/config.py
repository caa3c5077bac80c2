"""Configuration files, read as data and never evaluated: YAML, JSON, TOML, `.env`, and the values SQL scripts write.

A reference is a string under a key that names a model or dataset (`base_model: org/x`, `MODEL_ID=org/x`,
`datasets: [{path: org/x}]`, a `models:` list of `- id: org/x`, the keys of a `dataset_mixer`, a Kubernetes
`env` item `{name: MODEL_ID, value: org/x}`, a compose `environment` item `MODEL_ID=org/x`), or a Hugging Face
URL in any string value. Keys are compared ignoring case, `-` and `_`. What a run produces (`hub_model_id`,
`output_dir`, a `push_to_hub:` or `output:` section) is not read. A value needs an owner (`org/name`) unless the
knowledge base knows the single name (`gpt2`): `model: gpt-4o` or `model: llama` name no Hub repository.
An Ollama model is a value under a key that says so (`OLLAMA_MODEL`, `local_llm`), under an artefact key inside a
section named for Ollama (`ollama: {model: llama3.1}`), a LiteLLM string routed to Ollama under any key
(`model: ollama/llama3`), or a library name or tag under a model key in a file that shows an Ollama server
(`EMBEDDING_MODEL=nomic-embed-text` beside `OLLAMA_BASE_URL`); `discover/ollama.py` decides.

Each format becomes the same small tree of located strings, so one walk serves all four.
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from modelpolicy.discover import apis, ollama
from modelpolicy.discover.identity import (
    URL,
    URL_MARKERS,
    HubId,
    identify,
    looks_like_path,
    name_shaped,
    parse_hub_id,
    parse_hub_url,
    without_env_defaults,
)
from modelpolicy.discover.images import IMAGE_MARKERS, server_image
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.markers import Markers, holds_any, present
from modelpolicy.discover.names import (
    CARD_KEYS,
    DATASET_ITEM_KEYS,
    NOT_QUALIFIERS,
    SETTING_KEYS,
    collection_kind,
    named_kind,
    names_command_line,
    names_image,
    picker_kind,
    plural_kind,
    spelled_markers,
    split_words,
)
from modelpolicy.discover.yamldoc import compose, compose_part
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Reference

if TYPE_CHECKING:
    import yaml

    from modelpolicy.discover import textproto

MAX_DEPTH = 200
# Keys whose values name artefacts are those the naming rule reads (`names`: `embedding_model`, `DATASET_ID`), and
# these, normalised (lower case, no '-' or '_'): plural and run-together keys configs also use. Datasets when the key
# says so.
_ARTEFACT_KEYS = frozenset(
    {
        "model",
        "models",
        "modelname",
        "modelnameorpath",
        "modelid",
        "basemodel",
        "basemodelnameorpath",
        "pretrainedmodelnameorpath",
        "tokenizername",
        "tokenizer",
        "repoid",
        "dataset",
        "datasets",
        "datasetname",
    }
)
# Keys that name a Hub dataset though their name does not say so: LLaMA-Factory's `dataset_info.json` entries
# (`"alpaca_en": {"hf_hub_url": "llamafactory/alpaca_en"}`), copied by the projects built on it.
_DATASET_KEYS = frozenset({"hfhuburl"})
_SPELLED = spelled_markers()  # `data_path`, `lm_name` and their kin
# A mapping that says its artefact comes from the Hugging Face Hub (one of `_HUB_SOURCE_KEYS` is one of `_HUB_SOURCES`,
# normalised) names it under a repository's key: production-stack's LoRA `adapterSource: {type: huggingface,
# repository: org/x}`, LocalAI's gallery `source: {type: huggingface, repo: org/x}`; `repo_type: dataset` makes it
# a dataset. Elsewhere a `repository:` is a Helm image's, a chart's or a git remote's. A key's last word counts
# (`distribution_channel`, `model_source`), and a source whose name goes on after the Hub's (`HuggingFaceSnapshot`):
# torchchat's catalogue `{"distribution_channel": "HuggingFaceSnapshot", "distribution_path": "org/x"}`.
_HUB_SOURCE_KEYS = ("type", "source", "provider", "hub", "from", "channel")
_HUB_SOURCES = frozenset({"huggingface", "hf", "huggingfacehub", "hfhub"})
_HUB_SOURCE_PREFIX = "huggingface"
# A mapping whose spec names a Hugging Face tokenizer class loads that tokenizer from the Hub by the mapping's own
# `name` (HELM's `tokenizer_configs: [{name: org/x, tokenizer_spec: {class_name: ...HuggingFaceTokenizer}}]`, copied
# into its users' `prod_env/tokenizer_configs.yaml`); when the spec's arguments name the repository (`args:
# {pretrained_model_name_or_path: org/y}`), those are read by their key and `name` is the program's own alias.
_CLASS_KEYS = ("classname", "class", "target", "cls")  # normalised: `class_name`, `_target_`
_HUB_TOKENIZER_CLASS = re.compile(r"(?:huggingface|hf)\w*tokenizer", re.IGNORECASE)
# In an item of a list of models, the keys that say who serves it (`{"id": ..., "provider": "ollama"}`).
_SERVED_BY_KEYS = ("provider", "providerid", "providername", "providerkey")
# (`uri`, `id`: AIBrix's batch templates write `model_source: {type: huggingface, uri: org/x}`); a key's last word
# counts (`distribution_path`, `model_repo`): what is no id (a local path, a URL) is read as none.
_HUB_REPOSITORY_KEYS = ("repository", "repo", "reponame", "uri", "id", "repoid", "modelid")
_HUB_REPOSITORY_WORDS = frozenset({"repository", "repo", "uri", "id"})
# A path is a repository's only in a catalogue's `distribution_path` (an `index_path`, a `vocab_path` beside a Hub
# source is a local file's).
_HUB_REPOSITORY_ENDINGS = (("distribution", "path"),)
# A source named after the Hub's and more (`HuggingFaceSnapshot`) counts only under a key of these last words: a
# `type: HuggingFaceTokenizer` is a class's name.
_HUB_SOURCE_PREFIX_KEYS = frozenset({"channel", "source"})
# In an item of a list named for models, where the artefact comes from, beside the id the list's users ask for: the
# Gateway API inference extension's LoRA syncer (`ensureExist: {models: [{id: legogpt, source: org/x}]}`).
_ITEM_SOURCE_KEYS = ("source",)
# In an item of a list named for models that does not say itself which model it is, the section of its settings and
# the keys in it that do: NeMo Guardrails' `models: [{type: main, engine: hf_pipeline_llama2, parameters: {path:
# org/x}}]`, whose engine loads the weights at `parameters.path`.
_ITEM_PARAMETERS = frozenset({"parameters", "params"})
_ITEM_PARAMETER_KEYS = ("path", "id")
# Keys beside a `dataset_path` that make a mapping an evaluation task (lm-evaluation-harness's task YAML): its
# `dataset_path` is a Hub dataset even when written without an owner (`dataset_path: xnli`, a legacy id); the
# builders (`json`, `csv`) and paths are still none.
_TASK_KEYS = frozenset({"task", "outputtype", "doctotext", "doctotarget"})
# Keys beside a `path` that make a mapping the arguments of a Hub dataset's load (`load_dataset(path, split=...)`
# written as config: AutoTrain's `data: {path: org/x, train_split: train, valid_split: null}`, `{path: org/x, split:
# test}`): its `path` is a dataset, also without an owner (`path: samsum`, a legacy id); paths and builders are none.
# A split key counts when its value names a split (`train`, `test[:10%]`, `[train, validation]`, AutoTrain's
# `subset:split`, `pair:train`), not `split: 2`.
_SPLIT_KEYS = ("split", "splits", "trainsplit", "validsplit", "validationsplit", "evalsplit", "testsplit")
_SPLIT_NAME = re.compile(r"(?:[\w.-]+:)?(?:train|test|valid|validation|dev|eval)\b", re.IGNORECASE)
_MIXTURE_KEYS = frozenset({"datasetmixer", "datasetmixture"})
# Keys of a table of a program's own names for models that say nothing of models themselves (`aliases: {large:
# gpt-4.1}`): read as one only when every value is a model's id (`_Finder.bare_alias_table`).
_ALIAS_KEYS = frozenset({"aliases"})


def _versioned(text: _Text) -> bool:
    """Whether an alias's value, when Hub-shaped (`org/name`), holds a digit, as a model's name does (`microsoft/phi-4`,
    not `preact/compat`); other values (`gpt-4.1`, `llama3.1:8b`) are ids by their own grammar."""
    return "/" not in text.value or any(c.isdigit() for c in text.value)


_OUTPUT_KEYS = frozenset(
    {
        *("hubmodelid", "outputdir", "pushtohubmodelid", "hubrepo", "runname", "pushtohub", "output"),
        # a recorded LLM response (LangChain's, LiteLLM's) names the model that answered, not one the repository calls
        *("responsemetadata", "generationinfo", "llmoutput", "responsemodel"),
    }
)
# Cheap test before parsing: a file without any of these cannot hold a reference.
# Every key that names an artefact holds one of these words, case aside, and so does every Hugging Face URL.
_MARKER_WORDS = (
    *(b"model", b"dataset", b"tokenizer", b"repo", b"ollama", b"llm", *URL_MARKERS, *apis.ROUTE_MARKERS, *_SPELLED),
    b"judge",  # `judge: gpt-4o`, `JUDGE_MODEL=`
    *(ending[0].encode() for ending in apis.API_ENDINGS),  # `engine:`, `azure_deployment:`
    *IMAGE_MARKERS,  # `VLLM_IMAGE=vllm/vllm-openai:v0.6.0` in a `.env` file
)
# `.env` files named without the leading dot: `env.example`, `env.local` (sourced by a project's scripts), also in the
# plural (mistralai/cookbook's `env.examples`, copied to `.env`).
_ENV_SUFFIXES = ("example", "examples", "sample", "samples", "template", "local", "dist", "defaults")
_ENV_NAMES = frozenset(f"env.{suffix}" for suffix in _ENV_SUFFIXES)


def _env_named(name: str) -> bool:
    """`env.example` and its variants for one set-up, `env.example.watsonx`, `env.local.gpu` (lower-cased name)."""
    head, dot, rest = name.partition(".")
    return head == "env" and bool(dot) and f"env.{rest.partition('.')[0]}" in _ENV_NAMES


_ASSIGNMENT = re.compile(r"([A-Za-z_]\w*)=(.*)", re.DOTALL)  # a compose `environment` item
_ENV_LINE = re.compile(r"\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*")
# A JSON token: a string, a bracket, or a number or literal (text that is not JSON tokenises too, less exactly). The
# string is written as runs of plain characters between escapes, not one alternative per character: four times faster.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]]|[^\s,:{}\[\]"]+')
# TOML strings in every form, and comments so that quotes inside them are not taken for strings.
_TOML_STRING = re.compile(r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*', re.DOTALL)
# A bare key: at the start of a line or table header, after a dot, or in an inline table; before `=`, `.` or `]`.
_TOML_BARE_KEY = re.compile(r"(?:^[ \t]*\[{0,2}|[{,.])[ \t]*([A-Za-z0-9_-]+)[ \t]*(?=[=.\]])", re.MULTILINE)


@dataclass(frozen=True)
class _Text:
    """A string value or key and where it is written: 1-based line, 0-based column."""

    value: str
    line: int
    column: int


@dataclass(frozen=True)
class _Mapping:
    """Keys that are not strings (YAML allows any) are None; values that cannot name anything are None."""

    entries: tuple[tuple[_Text | None, _Node | None], ...]


@dataclass(frozen=True)
class _Sequence:
    items: tuple[_Node | None, ...]


_Node = _Text | _Mapping | _Sequence
_Entries = dict[str, tuple[_Text, _Node | None]]  # a mapping's entries by normalised key


@dataclass(frozen=True)
class _Slot:
    """A position whose strings name artefacts of `kind`, under the key `form` as written."""

    kind: Kind
    form: str
    single_names: bool = False  # an owner-less name (`xnli`) counts: an evaluation task's `dataset_path`


# Package managers' lockfiles: thousands of package names and hashes, and no model, dataset or API a program reads.
_LOCKFILES = frozenset(
    {
        "package-lock.json",
        "npm-shrinkwrap.json",
        "pnpm-lock.yaml",
        "composer.lock",
        "poetry.lock",
        "uv.lock",
        "pipfile.lock",
        "cargo.lock",
        "bun.lock",
        "deno.lock",
    }
)


class ConfigSource:
    name = "config"
    # `.env.local`, `env.example`, `.modelpolicy.toml`, `modelpolicy.toml`, and the lockfiles it leaves out
    # (`package-lock.json`): a name it judges otherwise than others of the same ending
    stems = frozenset({"", "modelpolicy", "env", *(name.partition(".")[0] for name in _LOCKFILES)})
    # JSON, YAML and TOML strings may spell a key with `\u` escapes (YAML also `\x` and `\U`), and JSON and YAML a
    # URL's slashes as `\/` (`"hf:\/\/org\/name"`, as some serialisers write them).
    markers = Markers(_MARKER_WORDS, caseless=True, unicode_passes=True, escapes=re.compile(rb"\\[xuU]|\\/\\/"))

    def wants(self, path: str) -> bool:
        return _reader(path) is not None

    def find(self, text: str, context: FileContext) -> list[Reference]:
        reader = _reader(context.path)
        if reader is None:
            return []
        finder = _Finder(context, text, _route_or_url_words(text))
        trees, problem = reader(text, context.path)
        trees = [tree for tree in trees if not _api_description(tree)]
        found = list(dict.fromkeys(r for tree in trees for r in finder.node(tree, _root_slot(context.path, tree))))
        if reader is _env_trees:
            found += _env_images(trees, context) + _env_command_lines(trees, context)
        elif reader is _yaml_trees and ": |" in text:
            found += _file_blocks(text, context)
        if problem is not None:
            raise problem.with_found(found)
        return found


# A literal block under a key named as a file with an ending (a Kubernetes ConfigMap's `data: {sample_code.py: |}`,
# which a pod mounts and runs; a Helm value holding a script): the key's column, and the file's name.
_FILE_BLOCK = re.compile(
    r"^[ \t]*(?:-[ \t]+)?(?P<quote>[\"']?)(?P<name>[\w-][\w.-]*\.[A-Za-z]\w*)(?P=quote)"
    r"[ \t]*:[ \t]*\|[-+0-9]*[ \t]*(?:#.*)?$",
    re.MULTILINE,
)


def _file_blocks(text: str, context: FileContext) -> list[Reference]:
    """The references in the files a YAML document holds as literal blocks, read by the sources that read a file of
    that name (Python, shell, a Dockerfile...), each at its line in the YAML file. A YAML or JSON file so held is
    read as this file's own values already (`_embedded_yaml`, `_yaml_json`)."""
    from modelpolicy.discover import written_file_sources  # only a scan that meets such a block needs the sources

    lines = text.split("\n")
    found: list[Reference] = []
    for match in _FILE_BLOCK.finditer(text):
        sources = written_file_sources(match["name"], python=True)
        if not sources or any(source.name == "config" for source in sources):
            continue
        key_line = text.count("\n", 0, match.start())  # 0-based
        body, indent = _block_body(lines, key_line, match.start("name") - match.start() - len(match["quote"]))
        as_written = FileContext(match["name"], context.is_local_path)
        for source in sources:
            try:
                held = source.find(body, as_written)
            except SourceError as error:  # a broken script is still read where it can be
                held = list(error.found)
            found += [replace(r, path=context.path, line=key_line + r.line, column=r.column + indent) for r in held]
    return found


def _block_body(lines: list[str], key_line: int, key_column: int) -> tuple[str, int]:
    """The text of the literal block after line `key_line` (its lines indented past the key's column, and blank
    lines among them), without its indentation, which is returned too; its first line is blank, so that a line of
    the body is the file's line `key_line + line`."""
    body = [""]
    indent = None
    for line in lines[key_line + 1 :]:
        stripped = line.lstrip(" ")
        if stripped.strip():
            width = len(line) - len(stripped)
            if width <= key_column or (indent is not None and width < indent):
                break
            indent = width if indent is None else indent
        body.append(line[indent:] if indent is not None else "")
    return "\n".join(body), indent or 0


# An HTTP API's description (OpenAPI, Swagger): the `enum` and `example` of its schemas document what a server
# accepts (the model names of OpenAI's own specification, vendored by servers that mimic it), no model it uses.
_API_DESCRIPTION_KEYS = frozenset({"openapi", "swagger"})
_API_DESCRIPTION_PARTS = frozenset({"paths", "components", "definitions", "webhooks"})


def _api_description(tree: _Node | None) -> bool:
    """Whether a document is an OpenAPI or Swagger description: its top level says which (`openapi: 3.0.0`) and
    holds its `paths` or `components`."""
    if not isinstance(tree, _Mapping):
        return False
    keys = {key.value.lower() for key, _ in tree.entries if key}
    return bool(keys & _API_DESCRIPTION_KEYS) and bool(keys & _API_DESCRIPTION_PARTS)


def _root_slot(path: str, tree: _Node | None) -> _Slot | None:
    """A file named for models whose whole content is a list (`models.json`: `[{"id": ID, "label": "x"}]`)."""
    stem = _file_name(path).split(".", 1)[0]
    kind = plural_kind(stem) if isinstance(tree, _Sequence) and stem[-1:] == "s" else None
    return _Slot(kind, stem) if kind else None


def _file_name(path: str) -> str:
    return path.rsplit("/", 1)[-1].lower()


_Trees = tuple[list["_Node | None"], SourceError | None]  # what could be read, and why the rest could not


def is_yaml_template(name: str) -> bool:
    """Whether a file name without an ending says the file is YAML: lm-evaluation-harness's task templates, which its
    tasks `include:` (`_template_yaml`, `xnli_common_yaml`, `_default_template_yaml`)."""
    return "." not in name and name.lower().endswith(("_yaml", "_yml")) and len(name) > 5


def _reader(path: str) -> Callable[[str, str], _Trees] | None:
    """The parser for the file's format; `modelpolicy.toml` and `.modelpolicy.toml` are the manifest source's, not
    config."""
    name = _file_name(path)
    if name in _LOCKFILES or name in ("modelpolicy.toml", ".modelpolicy.toml"):
        return None
    by_ending = _READERS.get(name.rpartition(".")[2]) if "." in name else None
    if by_ending is not None:
        return by_ending
    if name.startswith(".env.") or _env_named(name):
        return _env_trees
    return _yaml_trees if is_yaml_template(name) else None


# Keys of an item that say where the rest of it is written, not which model it is: Continue's `models: [{uses:
# org/block}]` (a block of its hub, or a local file), YAML's and JSON Schema's inclusions.
_INCLUDING_KEYS = frozenset({"uses", "extends", "include", "import", "$ref"})


def _a_role(key: str) -> bool:
    """Whether a key of a plural model name's table says which model it is (`fast`, `default`, `summarizer`) rather
    than a setting of theirs (`cache_dir`, `template`, `provider`) or where the item is written (`uses`)."""
    words = split_words(key)
    if not words or key.strip().lower() in _INCLUDING_KEYS:
        return False
    return not NOT_QUALIFIERS.intersection(words) and _artefact_key(key) is None


# What a string outside an artefact key's value must hold, lower-cased, to be a LiteLLM route to Ollama, a name routed
# to a hosted API or a Hub URL: most of a large file's strings hold none, and are let go at once.
_ROUTE_OR_URL_WORDS = (b"ollama", *apis.ROUTE_MARKERS, *URL_MARKERS)


def _route_or_url_words(text: str) -> tuple[bytes, ...]:
    """The words of `_ROUTE_OR_URL_WORDS` a file's strings may hold in ASCII: those its text holds, case aside. An
    ASCII string read from it is written in it as it reads (folding only adds blanks, YAML's `''` keeps a quote),
    but for escapes: a text with a backslash may hold them all."""
    if "\\" in text:
        return _ROUTE_OR_URL_WORDS
    # (the words are ASCII: written in the text's lower case, they are in its UTF-8 bytes, and only there)
    return present(text.lower().encode("utf-8", "surrogatepass"), _ROUTE_OR_URL_WORDS)


def _may_be_routed_or_url(value: str, words: tuple[bytes, ...] = _ROUTE_OR_URL_WORDS) -> bool:
    """False when `value` cannot be routed or hold a Hub URL (ASCII, none of the words: the other text is read);
    `words` are those the file may hold (`_route_or_url_words`)."""
    if not value.isascii():
        return True
    return bool(words) and holds_any(value.lower().encode("ascii"), words)


def _may_hold_url(value: str) -> bool:
    """Whether `identity.URL` may match in `value`: each URL it matches is written with `://`, `git@`,
    `//pretrained/` or `hf:`, and these characters (but `hf`'s) are matched as written in any case."""
    return "//" in value or "@" in value or (":" in value and "hf:" in value.lower())


_SETTING_KEYS = frozenset(key.lower() for key in SETTING_KEYS)
_CARD_KEYS = tuple(key.lower() for key in CARD_KEYS)
_DATASET_ITEM_KEYS = tuple(key.lower().replace("_", "") for key in DATASET_ITEM_KEYS)  # as `_normalise` writes keys
# The keys of a mapping that say which provider it configures or calls (`{provider: ollama, model: ...}`), normalised;
# and those under which such a mapping holds that provider's settings (mem0's `{provider: ollama, config: {model}}`).
_PROVIDER_KEYS = frozenset({"provider", "providerid", "providername", "apiprovider", "apitype", "id", "type"})
_PROVIDER_SETTINGS = frozenset({"config", "params", "options", "settings"})


def _item_slot(slot: _Slot | None, key: _Text | None, child: _Node | None) -> _Slot | None:
    """The slot of an item key's value: the list's, but under the item key's own name when the value is a mapping, so
    that its keys are not read as the roles of a plural name's table (a Beaker spec's `datasets: [{mountPath: /data,
    source: {beaker: org/x}}]` names a Beaker dataset, not a role `beaker`)."""
    if slot is None or key is None:
        return None
    return _Slot(slot.kind, key.value, slot.single_names) if isinstance(child, _Mapping) else slot


def _url_kind(url: str, kind: Kind, slot: _Slot | None) -> Kind:
    """The kind of what a Hub URL names: a `hf://ORG/NAME` path under a dataset's key is that dataset (llm-foundry's
    `dataset_uri: hf://org/x`, which its loaders give to `load_dataset`; `--dataset hf:org/x`), though `hf://` reads a
    model's repository where no `datasets/` says otherwise; a URL's own word decides elsewhere."""
    dataset_key = slot is not None and slot.kind is Kind.DATASET
    return Kind.DATASET if dataset_key and url.lower().startswith(("hf:", "huggingface://")) else kind


def _provided_by_ollama(entries: _Entries) -> bool:
    """Whether a mapping says its provider is Ollama (`provider: ollama`, a provider list's `id: ollama`)."""
    return any(
        isinstance(value, _Text) and value.value.strip().lower() == "ollama"
        for key, (_, value) in entries.items()
        if key in _PROVIDER_KEYS
    )


def _named_provider(entries: _Entries) -> str | None:
    """The hosted API provider a mapping says it calls (`api_type: openrouter`, `provider: groq`), if one."""
    for key in _PROVIDER_KEYS & entries.keys():
        value = entries[key][1]
        if isinstance(value, _Text) and apis.is_provider_key(value.value.strip()):
            return value.value.strip()
    return None


def _api_list(sequence: _Sequence) -> _Slot | None:
    """`supported: [gpt-4o, claude-3-5-haiku-latest]`: a list of two or more strings, every one a hosted API's model
    name, is a list of models whatever its key (JavaScript reads arrays so too)."""
    items = sequence.items
    if len(items) < 2 or not all(isinstance(item, _Text) and apis.named(item.value) for item in items):
        return None
    return _Slot(Kind.API, "list")


def _api_cards(sequence: _Sequence) -> _Slot | None:
    """A list of settings by hosted API model, each item named by its model (aider's `model-settings.yml`: `- name:
    gpt-4o` with its `edit_format`): a list of models when every item is a mapping and at least half their names,
    the first among them, name API models. A list of containers or of steps (`- name: app`) is let go at its first."""
    items = sequence.items
    if len(items) < 2 or not all(isinstance(item, _Mapping) for item in items):
        return None
    names = [_card_name(item) for item in items if isinstance(item, _Mapping)]
    if not _names_api_model(names[0]):
        return None
    return _Slot(Kind.API, "name") if 2 * sum(map(_names_api_model, names)) >= len(names) else None


def _card_name(item: _Mapping) -> _Text | None:
    """The `name` an item of a list gives itself, if a string."""
    name = next((child for key, child in item.entries if key is not None and key.value == "name"), None)
    return name if isinstance(name, _Text) else None


def _hub_tokenizer_spec(spec: _Mapping) -> bool:
    """Whether a spec names a Hugging Face tokenizer class (`class_name: helm.tokenizers.huggingface_tokenizer.
    HuggingFaceTokenizer`) and no argument of it names the repository to read (`pretrained_model_name_or_path`)."""
    entries = {_normalise(key.value): child for key, child in spec.entries if key}
    named_class = next((entries[key] for key in _CLASS_KEYS if key in entries), None)
    if not isinstance(named_class, _Text):
        return False
    if not _HUB_TOKENIZER_CLASS.fullmatch(named_class.value.strip().rpartition(".")[2]):
        return False
    arguments = (child for child in entries.values() if isinstance(child, _Mapping))
    return not any(key and _artefact_key(key.value) for args in arguments for key, _ in args.entries)


def _served_by_ollama(entries: _Entries) -> bool:
    """Whether an item of a list of models says Ollama serves it (`provider: ollama`, `"providerId": "ollama"`): a
    model card's id is then an Ollama library name (`mistral-large`), not the hosted API's of the same spelling."""
    providers = (entries[key][1] for key in _SERVED_BY_KEYS if key in entries)
    return any(isinstance(provider, _Text) and _normalise(provider.value) == "ollama" for provider in providers)


def _names_splits(entries: _Entries) -> bool:
    """Whether a mapping says which splits of a dataset to read (`train_split: train`, `splits: [train, test]`)."""
    for key in _SPLIT_KEYS:
        value = entries[key][1] if key in entries else None
        first = value.items[0] if isinstance(value, _Sequence) and value.items else value
        if isinstance(first, _Text) and _SPLIT_NAME.match(first.value.strip()):
            return True
    return False


def _names_api_model(key: _Text | None) -> bool:
    """Whether a key is, as a whole, a hosted API model's name: routed (`openrouter/x-ai/grok-3-beta`), with a
    version (`gpt-4o`, `claude-3-opus-20240229`), or listed whole by a provider (`deepseek-chat`). A word the loose
    patterns match is a service's or a project's name (compose's `services: {gpt-researcher: ...}`)."""
    if key is None:
        return False
    versioned = any(c.isdigit() for c in key.value) or apis.listed(key.value)
    return bool(apis.routed(key.value) or (versioned and apis.named(key.value)))


def _last_word(key: _Text) -> str:
    """The last word of a key, lower-cased (`distribution_channel`: `channel`)."""
    words = split_words(key.value)
    return words[-1] if words else ""


def _hub_source(key: _Text, value: _Node | None) -> bool:
    """Whether an entry says its mapping's artefact comes from the Hub (`type: huggingface`, `distribution_channel:
    HuggingFaceSnapshot`)."""
    last = _last_word(key)
    if not isinstance(value, _Text) or last not in _HUB_SOURCE_KEYS:
        return False
    source = _normalise(value.value.strip())
    return source in _HUB_SOURCES or (last in _HUB_SOURCE_PREFIX_KEYS and source.startswith(_HUB_SOURCE_PREFIX))


def _hub_repository_key(normal: str, key: _Text) -> bool:
    """Whether a key of a mapping that comes from the Hub names its repository (`repo`, `distribution_path`); a
    `path` alone is read as an item's own key is (`{hub: hf, path: org/x}`)."""
    if normal in _HUB_REPOSITORY_KEYS:
        return True
    words = split_words(key.value)
    if any(words[-len(ending) :] == ending for ending in _HUB_REPOSITORY_ENDINGS):
        return True
    return len(words) > 1 and words[-1] in _HUB_REPOSITORY_WORDS


def _hub_shaped(key: str) -> bool:
    """Whether a key is written as a Hub id (`org/name`), not as a path."""
    return "/" in key and not looks_like_path(key) and parse_hub_id(key) is not None


@lru_cache(maxsize=16_384)  # a file's keys repeat: every item of a list has the same few
def _normalise(key: str) -> str:
    return key.lower().replace("-", "").replace("_", "")


@lru_cache(maxsize=16_384)
def _artefact_key(key: str) -> Kind | None:
    """The kind of artefact the values under `key` name, if it names any."""
    normal = _normalise(key)
    if normal in _DATASET_KEYS:
        return Kind.DATASET
    if normal in _ARTEFACT_KEYS:
        return Kind.DATASET if "dataset" in normal else Kind.MODEL
    return named_kind(key)


@dataclass(frozen=True)
class _Finder:
    context: FileContext
    file_text: str = ""
    route_or_url_words: tuple[bytes, ...] = _ROUTE_OR_URL_WORDS  # those the file's strings may hold
    # (collection, slot) pairs walked: a YAML alias is walked again under another key (`models: *shared`), never
    # twice under the same one, so an alias bomb stays linear
    walked: set[tuple[int, _Slot | None]] = field(default_factory=set)
    # what each (string, slot) names (`_named_as`): a data file repeats the same model under the same key per record
    named_as: dict[tuple[str, _Slot], tuple[Kind, HubId, str] | None] = field(default_factory=dict)

    # What the file shows, looked for in its whole text when a value under an artefact key first needs it: most files
    # (data, schemas, manifests) have none, and a large one's text is not searched for the words.
    @cached_property
    def api_contexts(self) -> frozenset[str]:
        """The hosted APIs the file shows it calls (`discover/apis.py`)."""
        return apis.contexts(self.file_text, self.context.path)

    @cached_property
    def ollama_server(self) -> bool:
        """Whether the file shows an Ollama server is meant (`ollama.server_in`)."""
        return ollama.server_in(self.file_text, self.context.path)

    def node(self, node: _Node | None, slot: _Slot | None) -> Iterator[Reference]:
        if isinstance(node, _Mapping | _Sequence):
            if (id(node), slot) in self.walked:
                return
            self.walked.add((id(node), slot))
        if isinstance(node, _Text):
            yield from self.text(node, slot)
        elif isinstance(node, _Sequence):
            slot = slot or _api_list(node) or _api_cards(node)
            for item in node.items:
                yield from self.item(item, slot)
        elif isinstance(node, _Mapping):
            yield from self.mapping(node, slot)

    def item(self, item: _Node | None, slot: _Slot | None) -> Iterator[Reference]:
        """A list item; `NAME=VALUE` outside an artefact list is a compose `environment` entry."""
        if isinstance(item, _Text) and slot is None and (assignment := _ASSIGNMENT.fullmatch(item.value)):
            key, value = (_Text(assignment.group(group), item.line, item.column) for group in (1, 2))
            column = item.column + assignment.start(2)  # `- MODELS=[{"name": ID}]`: JSON, placed where it stands
            yield from self.entry(key, _embedded_json(value.value, item.line, column) or value, None)
        else:
            yield from self.node(item, slot)

    def mapping(self, mapping: _Mapping, slot: _Slot | None) -> Iterator[Reference]:
        entries = {_normalise(key.value): (key, value) for key, value in mapping.entries if key}
        keys = _DATASET_ITEM_KEYS if slot and slot.kind is Kind.DATASET else _CARD_KEYS  # `{name: LABEL, value: ID}`
        item_key = next((entries[k][0] for k in keys if k in entries), None) if slot else None
        if item_key is None and _provided_by_ollama(entries):  # `{provider: ollama, model: command-r}`: read as an
            # `ollama:` section; a card of a list of models (`{id: mistral-large, provider: ollama}`) is read below
            yield from self.ollama_section(mapping)
            return
        name, value = (entries.get(k, (None, None))[1] for k in ("name", "value"))
        named_for = isinstance(name, _Text) and (_artefact_key(name.value) or apis.holds_api(name.value))
        if isinstance(name, _Text) and value is not None and named_for:
            yield from self.entry(name, value, None)  # a Kubernetes `env` item: {name: MODEL_ID, value: org/x}, also
            # {name: AZURE_OPENAI_DEPLOYMENT, value: gpt-4o}
        by_role = slot is not None and item_key is None and slot.form[-1:] in "sS"
        yield from self.hub_repository(entries)
        yield from self.hub_tokenizer(entries)
        yield from self.legacy_model(name if slot is None else None)
        yield from self.tables_by_model(mapping, slot if by_role else None)
        if slot is not None and item_key is not None:
            yield from self.item_sources(entries, item_key, slot)
            if _served_by_ollama(entries):  # `{"id": "mistral-large", "providerId": "ollama"}`: Ollama's name
                slot = _Slot(Kind.OLLAMA, slot.form)
        # a LiteLLM `model_list` entry: `model_name` is the alias clients ask for, `litellm_params.model` what is called
        alias = entries["modelname"][0] if "modelname" in entries and "litellmparams" in entries else None
        task_dataset = (
            entries["datasetpath"][0] if _TASK_KEYS.intersection(entries) and "datasetpath" in entries else None
        )
        split_dataset = entries["path"][0] if "path" in entries and _names_splits(entries) else None
        provider = _named_provider(entries)
        for key, child in mapping.entries:
            if key is not None and key is alias:
                continue
            if provider and key is not None and isinstance(child, _Text) and _artefact_key(key.value) is Kind.MODEL:
                served = apis.routed_by(provider, child.value)  # `{api_type: openrouter, model: org/name}`: the
                if served:  # provider's model, as its route would say (`openrouter/org/name`), not the Hub's
                    yield self.reference(child, Kind.API, HubId(served, None), "provider")
                    continue
            if key is not None and key in (task_dataset, split_dataset) and isinstance(child, _Text):
                yield from self.text(child, _Slot(Kind.DATASET, key.value, single_names=True))
                continue
            if slot is not None and key is not None and _normalise(key.value) in _SETTING_KEYS:
                yield from self.node(child, slot)  # `model: {default: gpt-4o, enum: [...]}`, LibreChat's `models:
                continue  # {default: [...]}`: a setting's default and the values it offers
            if by_role and key is not None and isinstance(child, _Text) and _a_role(key.value):
                yield from self.text(child, slot)  # `chat_models: {fast: gpt-4o-mini, smart: gpt-4o}`
                continue
            if slot is not None and item_key is None and key is not None and isinstance(child, _Mapping):
                yield from self.item_parameters(key, child, slot)
            yield from self.entry(key, child, _item_slot(slot, key, child) if key is item_key else None)

    def entry(self, key: _Text | None, value: _Node | None, slot: _Slot | None) -> Iterator[Reference]:
        normal = _normalise(key.value) if key else ""
        if normal in _OUTPUT_KEYS:
            return
        if key and (kind := _artefact_key(key.value)):
            slot = _Slot(kind, key.value)
        elif key and isinstance(value, _Sequence) and (kind := picker_kind(key.value)):
            slot = _Slot(kind, key.value)  # `modelOptions: [{value: gpt-4o, label: GPT-4o}]`
        elif key and apis.holds_api(key.value):
            slot = _Slot(Kind.API, key.value)
        section = self.provider_section(key, value, slot)
        if section is not None:
            yield from section
            return
        aliases = self.alias_table(key, value) if key and slot is None and isinstance(value, _Mapping) else None
        if key and aliases is not None and isinstance(value, _Mapping):
            for name, child in value.entries:  # `model_map: {llama3-8b: org/x}`: its values, not its aliases
                if isinstance(child, _Text) and (name, child) in aliases:
                    yield from self.text(child, _Slot(aliases[(name, child)], key.value))
                else:
                    yield from self.entry(name, child, None)
            return
        if key and normal in _MIXTURE_KEYS and isinstance(value, _Mapping):
            mixture = _Slot(Kind.DATASET, key.value)
            for name, _ in value.entries:
                if name:
                    yield from self.text(name, mixture)
        yield from self.node(value, slot)

    def provider_section(
        self, key: _Text | None, value: _Node | None, slot: _Slot | None
    ) -> Iterator[Reference] | None:
        """What an entry under a provider's key names: an `ollama:` section's models, or the model a hosted provider's
        key holds (`defaults: {openai: gpt-4o-mini}`); None for any other entry."""
        if key and _normalise(key.value) == "ollama" and isinstance(value, _Mapping):
            return self.ollama_section(value)
        if (
            key
            and slot is None
            and isinstance(value, _Text)
            and "/" not in value.value
            and apis.is_provider_key(key.value)
        ):
            return self.provider_keyed(key, value)  # an `owner/name` is read as anywhere: the Hub's open weights
        return None

    def provider_keyed(self, key: _Text, value: _Text) -> Iterator[Reference]:
        """`openai: gpt-4o-mini`: a string under a hosted provider's own key is that provider's model when its patterns
        say so; a label (`OpenAI`), a key's name or a setting of the provider's (`openai: true`) names nothing."""
        text = without_env_defaults(value.value.strip()).strip()
        if apis.named(text):
            yield self.reference(value, Kind.API, HubId(text, None), key.value)

    def model_table_keys(self, table: _Mapping) -> list[_Text]:
        """The keys of a table of settings by hosted API model (LiteLLM's and aider's model metadata, pricing tables:
        `{"deepseek/deepseek-chat": {"max_tokens": 8192}, "gpt-4o": {...}}`): keys that are API models' names, when
        every value is a mapping and at least half the keys, the first among them, name API models. A table of
        sections (`{metadata: {...}, spec: {...}}`) is let go at its first key."""
        entries = table.entries
        if len(entries) < 2 or not all(isinstance(child, _Mapping) for _, child in entries):
            return []
        if not _names_api_model(entries[0][0]):
            return []
        named = [key for key, _ in entries if key is not None and _names_api_model(key)]
        return named if 2 * len(named) >= len(entries) else []

    def tables_by_model(self, table: _Mapping, plural: _Slot | None) -> Iterator[Reference]:
        """The keys of a table of settings by model: by hosted API model (`{"gpt-4o": {"max_tokens": ...}, ...}`,
        `model_table_keys`), and, under a plural name for models or datasets (`plural`), those that are ids
        themselves (`id_keys`)."""
        read = self.model_table_keys(table)
        for model in read:
            yield from self.text(model, _Slot(Kind.API, model.value))
        if plural is not None:
            yield from self.id_keys(table, plural, read)

    def id_keys(self, table: _Mapping, slot: _Slot, read: list[_Text]) -> Iterator[Reference]:
        """The keys of a table under a plural name for models or datasets that are ids themselves, each holding that
        artefact's settings (SkyThought's `models: {Qwen/QwQ-32B-Preview: {system_prompt: ...}, o1-mini: {...}}`): an
        `owner/name` Hub id, or a hosted API model's name (`_names_api_model`). A role (`fast: {...}`), a word or a
        path names none; keys `model_table_keys` read (`read`) are not read twice. An entry whose settings give the
        artefact's id under a key of their own (OME's chart values: `grok-1: {vendor: xai, hfModelId: xai-org/grok-1}`)
        is keyed by the program's own name for it, no id."""
        for key, child in table.entries:
            if key is None or key in read or not (child is None or isinstance(child, _Mapping)):
                continue
            if isinstance(child, _Mapping) and any(name and _artefact_key(name.value) for name, _ in child.entries):
                continue
            if _names_api_model(key):
                yield from self.text(key, _Slot(Kind.API, key.value))
            elif _hub_shaped(key.value) and (found := self.named(key, slot)) is not None:
                yield found

    def alias_table(self, key: _Text, table: _Mapping) -> dict[tuple[_Text | None, _Node | None], Kind] | None:
        """The entries of a table named for models that map a program's own names to ids (`aliased`), each with the
        kind the table's name says; None when it is no such table. Most of its entries map a name to a name:
        `modelOptions: {temperature: 0.2, stop: org/x}` is a model's settings."""
        kind = collection_kind(key.value)
        if kind is None and _normalise(key.value) in _ALIAS_KEYS:
            return self.bare_alias_table(table)
        if kind is None:  # asked of every mapping under a key: most keys name no table of models
            return None
        aliases = [(name, child) for name, child in table.entries if self.aliased(name, child)]
        names = [child for _, child in table.entries if isinstance(child, _Text) and name_shaped(child.value)]
        if not aliases or 2 * len(names) <= len(table.entries):
            return None
        return dict.fromkeys(aliases, kind)

    def bare_alias_table(self, table: _Mapping) -> dict[tuple[_Text | None, _Node | None], Kind] | None:
        """A table named only `aliases` (GenAIScript's providers' `aliases: {large: gpt-4.1, small: gpt-4.1-mini}`,
        llm's `aliases`): its entries are models' ids only when every string value is one (`aliased`), at least two,
        and a Hub-shaped one holds a digit, as models' names do (`microsoft/phi-4`); a bundler's `aliases: {react:
        preact/compat}` or a shell's `aliases: {co: checkout}` stay out."""
        texts = [(name, child) for name, child in table.entries if isinstance(child, _Text)]
        if len(texts) < 2 or not all(self.aliased(name, child) and _versioned(child) for name, child in texts):
            return None
        return dict.fromkeys(texts, Kind.MODEL)

    def aliased(self, name: _Text | None, child: _Node | None) -> bool:
        """Whether an entry of a table named for models maps a program's own name to an id (`llama3-8b:
        meta-llama/Meta-Llama-3-8B-Instruct`, `fast: gpt-4o-mini`, `local: llama3.1:8b`): a value written as an id
        (owner and name, a hosted API's name, a tagged Ollama name) under a key that is no Hub id itself. A word
        (`llama2`, a chat template's name), a path, a URL or a label is no such value."""
        if name is None or "/" in name.value or not isinstance(child, _Text):
            return False
        value = without_env_defaults(child.value.strip()).strip()
        if not value or any(blank.isspace() for blank in value) or looks_like_path(value) or "://" in value:
            return False
        hub = "/" in value and parse_hub_id(value) is not None
        return hub or bool(apis.named(value, self.api_contexts) or ollama.tagged(value))

    def item_parameters(self, key: _Text, parameters: _Mapping, slot: _Slot) -> Iterator[Reference]:
        """`models: [{type: main, parameters: {path: org/x}}]`: the id an item's settings section holds, read as the
        item's own key's would be, when the item says no id itself (`_ITEM_PARAMETERS`); its other settings are read
        as any mapping's are."""
        if _normalise(key.value) not in _ITEM_PARAMETERS:
            return
        entries = {_normalise(name.value): value for name, value in parameters.entries if name}
        for name in _ITEM_PARAMETER_KEYS:
            if isinstance(value := entries.get(name), _Text):
                yield from self.text(value, slot)
                return

    def item_sources(self, entries: _Entries, item_key: _Text, slot: _Slot) -> Iterator[Reference]:
        """`models: [{id: alias, source: org/x}]`: where an item's artefact comes from, beside its item key's value."""
        for name in _ITEM_SOURCE_KEYS:
            source = entries[name][1] if name in entries else None
            if isinstance(source, _Text) and name != _normalise(item_key.value):
                yield from self.text(source, slot)

    def hub_repository(self, entries: _Entries) -> Iterator[Reference]:
        """`{type: huggingface, repository: org/x}`: the repository of a mapping that says it comes from the Hub."""
        sources = [value for key, value in entries.values() if _hub_source(key, value)]
        if not sources:
            return
        repo_type = entries["repotype"][1] if "repotype" in entries else None
        dataset = isinstance(repo_type, _Text) and repo_type.value.strip().lower() == "dataset"
        dataset = dataset or any(isinstance(source, _Text) and "dataset" in source.value.lower() for source in sources)
        for key_text, value in (entry for key, entry in entries.items() if _hub_repository_key(key, entry[0])):
            if isinstance(value, _Text) and not _may_hold_url(value.value):
                named = self.named(value, _Slot(Kind.DATASET if dataset else Kind.MODEL, key_text.value))
                yield from [named] if named else []

    def hub_tokenizer(self, entries: _Entries) -> Iterator[Reference]:
        """`{name: org/x, tokenizer_spec: {class_name: ...HuggingFaceTokenizer}}`: the Hub tokenizer a mapping names."""
        name = entries["name"][1] if "name" in entries else None
        if not isinstance(name, _Text):
            return
        specs = (child for _, child in entries.values() if isinstance(child, _Mapping))
        if any(_hub_tokenizer_spec(spec) for spec in specs):
            named = self.named(name, _Slot(Kind.MODEL, entries["name"][0].value))
            yield from [named] if named else []

    def ollama_section(self, section: _Mapping) -> Iterator[Reference]:
        """`ollama: {model: llama3.1, embedding_model: nomic-embed-text}`, `{provider: ollama, model: command-r}`,
        mem0's `{provider: ollama, config: {model: llama3.1:8b}}`: its model keys, and those of the settings mapped
        under it, name Ollama models."""
        for key, child in section.entries:
            kind = _artefact_key(key.value) if key else None
            if key and kind in (Kind.MODEL, Kind.OLLAMA):
                yield from self.node(child, _Slot(Kind.OLLAMA, key.value))
            elif key and _normalise(key.value) in _ALIAS_KEYS and isinstance(child, _Mapping):
                for _, model in child.entries:  # GenAIScript's `{id: ollama, aliases: {embeddings: nomic-embed-text}}`
                    yield from self.node(model, _Slot(Kind.OLLAMA, key.value))
            elif key and _normalise(key.value) in _PROVIDER_SETTINGS and isinstance(child, _Mapping):
                yield from self.ollama_section(child)
            else:
                yield from self.entry(key, child, None)

    def text(self, text: _Text, slot: _Slot | None) -> Iterator[Reference]:
        if slot is None and not _may_be_routed_or_url(text.value, self.route_or_url_words):
            return
        routed = ollama.prefixed(text.value)
        if routed:
            yield self.reference(text, routed[0], HubId(routed[1], None), "litellm")
            return
        api = apis.routed(without_env_defaults(text.value.strip()).strip())
        if api:
            yield self.reference(text, Kind.API, HubId(api, None), "routed")
            return
        items = _listed(text) if slot else []
        if slot and items:  # `OPENAI_MODELS=gpt-4o,gpt-4o-mini`: each item is a value under the name
            yield from (read for item in items if (read := self.named(item, slot)))
            return
        named = self.named(text, slot) if slot else None
        if named:
            yield named
            return
        for url in URL.findall(text.value) if _may_hold_url(text.value) else ():
            found = parse_hub_url(url.rstrip(".;:!?"))
            if found:
                yield self.reference(text, _url_kind(url, found[0], slot), found[1], "url")
            elif api := apis.url_model(url):  # a hosted API's route: `endpoint: https://.../models/ID:generateContent`
                yield self.reference(text, Kind.API, HubId(api, None), "url")

    def named(self, text: _Text, slot: _Slot) -> Reference | None:
        """The artefact a string under an artefact key names, or None for paths, non-ids and unknown single names."""
        key = (text.value, slot)
        if key not in self.named_as:
            self.named_as[key] = self._named_as(text.value, slot)
        found = self.named_as[key]
        return None if found is None else self.reference(text, *found)

    def _named_as(self, text: str, slot: _Slot) -> tuple[Kind, HubId, str] | None:
        """The kind, id and form of what `named` finds, wherever the string stands in the file."""
        value = without_env_defaults(text.strip()).strip()
        api = (
            apis.named(value, self.api_contexts, deployment=slot.kind is Kind.API)
            if slot.kind in (Kind.MODEL, Kind.API)
            else None
        )
        if api:
            return Kind.API, HubId(api, None), slot.form
        if slot.kind is Kind.API:
            return None
        beside_ollama = slot.kind is Kind.MODEL and self.ollama_server
        local = ollama.recognise(value, ollama.Context.NAMED) if beside_ollama else None
        if local is None and slot.kind is Kind.MODEL and (tag := ollama.tagged(value)):
            local = (Kind.OLLAMA, tag)  # `LLM_MODEL=qwen2.5:7b`: Ollama's spelling, with or without a server beside
        if local and local[0] is Kind.OLLAMA:  # `RAG_EMBEDDING_MODEL=nomic-embed-text` beside an Ollama server
            return Kind.OLLAMA, HubId(local[1], None), slot.form
        hub = identify(value, slot.kind, self.context.is_local_path, single_names=slot.single_names)
        return None if hub is None else (slot.kind, hub, slot.form)

    def legacy_model(self, name: _Node | None) -> Iterator[Reference]:
        """The model a section's `name:` gives by one of the Hub's legacy owner-less names the knowledge base knows
        (AudioCraft's `t5: {name: t5-base, finetune: false}`, `gpt2`, `bert-base-uncased`): a `name:` holds anything
        else as often (`org/repo` a GitHub repository, a label, a step), and is read only so."""
        value = name.value.strip() if isinstance(name, _Text) else ""
        known = load_knowledge().artefact(Kind.MODEL, value) if "/" not in value and name_shaped(value) else None
        if isinstance(name, _Text) and known is not None and value in known.aliases:  # as the Hub spells it, not `GPT2`
            yield self.reference(name, Kind.MODEL, HubId(value, None), "name")

    def reference(self, text: _Text, kind: Kind, hub: HubId, form: str) -> Reference:
        return Reference(self.context.path, text.line, text.column, hub.id, kind, "config", form, hub.revision)


@dataclass(frozen=True)
class _Lines:
    """Offsets in a text as (1-based line, 0-based column)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> _Lines:
        return cls((0, *(m.end() for m in re.finditer("\n", text))))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1]


def _sql_trees(text: str, _: str) -> _Trees:
    """A SQL script's writes (`discover/sqltext.py`): each inserted row, `SET` list or column default a mapping of
    its columns to the strings written there (`default_model` -> `gpt-4o`)."""
    from modelpolicy.discover import sqltext  # only a scan that meets a SQL file needs it

    lines = _Lines.of(text)
    trees: list[_Node | None] = []
    for group in sqltext.written(text):
        entries = []
        for value in group:
            line, column = lines.position(value.offset)
            entries.append((_Text(value.column, line, column), _Text(value.text, line, column)))
        trees.append(_Mapping(tuple(entries)))
    return trees, None


def _textproto_trees(text: str, _: str) -> _Trees:
    """A Protocol Buffers text file (`discover/textproto.py`): each message a mapping of its fields, a field written
    several times (`input {...} input {...}`) once per time, and a map field's entries (Triton's `parameters {key: K
    value: {string_value: V}}`) one mapping of K to V: the strings read are those a map's keys name, as a config's
    keys do, and no field's own (its meaning is the schema's: `name:`, an ensemble step's `model_name:`)."""
    from modelpolicy.discover import textproto  # only a scan that meets such a file needs it

    lines = _Lines.of(text)
    return [_textproto_node(textproto.parse(text), lines)], None


def _textproto_node(value: textproto.String | textproto.Message, lines: _Lines) -> _Node:
    from modelpolicy.discover import textproto

    if isinstance(value, textproto.String):
        return _textproto_text(value, lines)
    entries: list[tuple[_Text | None, _Node | None]] = []
    for each in value.fields:
        name = _Text(each.name, *lines.position(each.offset))
        table = [textproto.map_entry(v) for v in each.values if isinstance(v, textproto.Message)]
        if each.values and len(table) == len(each.values) and all(table):
            pairs = (pair for pair in table if pair is not None)
            node: _Node = _Mapping(tuple((_textproto_text(k, lines), _textproto_node(v, lines)) for k, v in pairs))
        else:  # a field's own string is a name the schema defines (Triton's `model_name` of an ensemble's step is a
            # model of the same repository), not read; its messages are
            nodes = tuple(_textproto_node(v, lines) for v in each.values if isinstance(v, textproto.Message))
            if not nodes:
                continue
            node = nodes[0] if len(nodes) == 1 else _Sequence(nodes)
        entries.append((name, node))
    return _Mapping(tuple(entries))


def _textproto_text(value: textproto.String, lines: _Lines) -> _Text:
    return _Text(value.value, *lines.position(value.offset))


# YAML: PyYAML's composed node graph keeps each node's position, and an alias is the very node its anchor names,
# so building each collection once by identity, and walking it once per key it stands under, keeps an alias bomb
# linear; a scalar is a leaf, read at every alias
# (`model: *base` names the model written at the anchor's line). Imported here: discovery is imported on every commit.
def _yaml_trees(text: str, _: str) -> _Trees:
    """The documents' trees. A template (Helm, Jinja: `{{ ... }}`) is not YAML until rendered: its actions are blanked
    and it is read again, else read line by line (`key: value`), and not reported as unreadable."""
    stream = compose(text)
    if stream.error is not None and "{{" in text:
        blanked = compose_part(_TEMPLATE_ACTION.sub(_blank, text))
        if blanked.error is not None:
            return _yaml_lines(text), None
        stream = blanked
    walk = _YamlWalk({}, text.split("\n"))
    return [_yaml_node(document, walk, 0) for document in stream.documents], stream.error


_TEMPLATE_ACTION = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_YAML_LINE = re.compile(r"[ \t]*(?:-[ \t]+)?([\w.-]+)[ \t]*:[ \t]+(\S.*?)[ \t]*(?:[ \t]#.*)?")


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def _yaml_lines(text: str) -> list[_Node | None]:
    """The `key: value` lines of a template, one mapping of them all; quotes are taken off the values."""
    entries: list[tuple[_Text | None, _Node | None]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        match = _YAML_LINE.fullmatch(line)
        if match and "{{" not in match[2]:
            value, column = _env_value(match[2], match.start(2))
            entries.append((_Text(match[1], number, match.start(1)), _Text(value, number, column)))
    return [_Mapping(tuple(entries))]


@dataclass(frozen=True)
class _YamlWalk:
    """The trees built so far, by node (an alias is built once, and is the same tree), and the file's lines."""

    built: dict[int, _Node | None]
    lines: list[str]


def _yaml_node(node: yaml.Node, walk: _YamlWalk, depth: int) -> _Node | None:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        return _embedded_yaml(node, walk, depth) or _yaml_json(node, walk) or _yaml_text(node)
    if id(node) in walk.built:  # an alias: the very tree its anchor built (the finder visits it once per key)
        return walk.built[id(node)]
    if depth > MAX_DEPTH:
        return None
    built: _Node | None = None
    if isinstance(node, yaml.SequenceNode):
        built = _Sequence(tuple(_yaml_node(item, walk, depth + 1) for item in node.value))
    elif isinstance(node, yaml.MappingNode):
        built = _Mapping(tuple((_yaml_text(k), _yaml_node(v, walk, depth + 1)) for k, v in node.value))
    walk.built[id(node)] = built
    return built


_YAML_KEY_LINE = re.compile(r"^[ \t]*[\w.-]+:[ \t]", re.MULTILINE)


def _embedded_yaml(node: yaml.ScalarNode, walk: _YamlWalk, depth: int) -> _Node | None:
    """A literal block (`config_file: |`) that is itself YAML, as LocalAI's gallery writes a model's config: its tree,
    each string placed where it stands in the file (the block's lines follow the indicator's line)."""
    if node.style != "|" or depth >= MAX_DEPTH or not _YAML_KEY_LINE.search(node.value):
        return None
    stream = compose_part(node.value)
    if stream.error is not None or len(stream.documents) != 1:
        return None
    inner = _yaml_node(stream.documents[0], walk, depth + 1)
    first = node.start_mark.line + 1  # the block's first line, 0-based
    raw = walk.lines[first] if first < len(walk.lines) else ""
    return None if inner is None else _shifted(inner, first, len(raw) - len(raw.lstrip(" ")))


def _yaml_json(node: yaml.ScalarNode, walk: _YamlWalk) -> _Node | None:
    """A string holding a JSON array or object (chat-ui's `MODELS: >` followed by `[{"id": ID, ...}]` in Helm
    values, `MODELS: '[...]'` in compose): its tree (`_embedded_json`). A block is read from the file's own lines, so
    each string keeps its place whatever folding does to the value."""
    if node.tag != "tag:yaml.org,2002:str" or not isinstance(node.value, str) or not _looks_json(node.value):
        return None
    start, end = node.start_mark, node.end_mark
    if node.style in ("|", ">"):
        last = end.line + 1 if end.column else end.line  # a block ends where the next line's token starts
        return _embedded_json("\n".join(walk.lines[start.line + 1 : last]), start.line + 2, 0)
    return _embedded_json(node.value, start.line + 1, start.column + (node.style in ("'", '"')))


def _looks_json(value: str) -> bool:
    stripped = value.strip()
    return stripped[:1] in ("[", "{") and stripped[-1:] in ("]", "}") and '"' in stripped


def _embedded_json(value: str, line: int, column: int) -> _Node | None:
    """The tree of a JSON array or object written as a string value, whose first character stands at `line`
    (1-based) and `column`: each string placed where it is written (when the value is the text as written). Read as
    JSON files are, so a trailing comma or a `//` comment (JSON5, as chat-ui's `MODELS` allows) still gives the tree
    its tokens make."""
    if not _looks_json(value):
        return None
    tree = _json_trees(" " * column + _JSON5_COMMENT.sub(_blank_comment, value), "")[0][0]
    return None if tree is None else _shifted(tree, line - 1, 0)


# A string (kept) or a comment (blanked, each character kept in place): strings first, so `"https://..."` stays.
_JSON5_COMMENT = re.compile(r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"|//[^\n]*|/\*.*?\*/', re.DOTALL)


def _blank_comment(match: re.Match[str]) -> str:
    return match[0] if match[0].startswith('"') else _blank(match)


def _shifted(node: _Node, lines: int, indent: int) -> _Node:
    if isinstance(node, _Text):
        return _Text(node.value, node.line + lines, node.column + indent)
    if isinstance(node, _Sequence):
        return _Sequence(tuple(None if item is None else _shifted(item, lines, indent) for item in node.items))
    return _Mapping(
        tuple(
            (
                None if key is None else _Text(key.value, key.line + lines, key.column + indent),
                _shift_or_none(v, lines, indent),
            )
            for key, v in node.entries
        )
    )


def _shift_or_none(node: _Node | None, lines: int, indent: int) -> _Node | None:
    return None if node is None else _shifted(node, lines, indent)


def _yaml_text(node: yaml.Node) -> _Text | None:
    """Only strings can name artefacts: plain `2024`, `true` and `~` resolve to other tags (and `!!str [a]` is a
    list however tagged)."""
    if node.tag != "tag:yaml.org,2002:str" or not isinstance(node.value, str):
        return None
    return _Text(node.value, node.start_mark.line + 1, node.start_mark.column)


# JSON: `json` keeps no positions. In valid JSON the strings `json.loads` gives, keys before their values, are the
# quoted tokens of the text in order, so each takes the next token's place. For text that is not valid JSON, a small
# tokenizer rebuilds what it can, iteratively. Neither recurses past `MAX_DEPTH`; `json.loads` itself raises
# RecursionError on absurd nesting.
def _json_trees(text: str, _: str) -> _Trees:
    """The tree, with each string's place; for text that is not valid JSON, the tree its tokens still make (a
    bracket left open is closed at the end, one closed twice is passed over), beside the error."""
    problem = None
    try:
        document = json.loads(text, object_pairs_hook=_JsonObject)
    except json.JSONDecodeError as error:
        problem = SourceError(f"JSON syntax error at line {error.lineno}: {error.msg}", line=error.lineno)
    except RecursionError:
        problem = SourceError("JSON nested too deeply to parse")
    except ValueError as error:  # a number of more digits than int() converts
        problem = SourceError(f"JSON value that cannot be read: {_one_line(str(error))}")
    else:
        return [_JsonPlaces(text).node(document, 1)], None
    lines = _Lines.of(text)
    stack = [_OpenJson(is_object=False)]
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in ("{", "["):
            stack.append(_OpenJson(is_object=token == "{"))
        elif token in ("}", "]"):
            if len(stack) > 1:
                closed = stack.pop()
                stack[-1].add(closed.close() if len(stack) - 1 <= MAX_DEPTH else None)  # the root holder is no level
        else:
            stack[-1].add(_Text(_json_string(token), *lines.position(match.start())) if token[0] == '"' else None)
    while len(stack) > 1:
        closed = stack.pop()
        stack[-1].add(closed.close() if len(stack) - 1 <= MAX_DEPTH else None)
    return [stack[0].close_root()], problem


def _json_lines_trees(text: str, _: str) -> _Trees:
    """JSON Lines (`.jsonl`, `.ndjson`): a tree for each document (an OpenAI batch file's request a line, `{"body":
    {"model": ID, ...}}`), with each string's place. Documents written over several lines one after another are read
    too. Where one does not parse, the rest of its line is passed over and reading goes on at the next line; the first
    such line is the error."""
    decoder = json.JSONDecoder(object_pairs_hook=_JsonObject)
    lines = _Lines.of(text)
    trees: list[_Node | None] = []
    problem = None
    position = _after_space(text, 0)
    while position < len(text):
        try:
            document, end = decoder.raw_decode(text, position)
        except (ValueError, RecursionError) as error:
            if problem is None:
                problem = _json_lines_error(error, lines.position(position)[0])
            position = _after_space(text, _line_end(text, position))
            continue
        trees.append(_JsonPlaces(text, lines, position, end).node(document, 1))
        position = _after_space(text, end)
    return trees, problem


_JSON_SPACE = re.compile(r"[ \t\n\r]*")


def _after_space(text: str, position: int) -> int:
    match = _JSON_SPACE.match(text, position)
    return match.end() if match else position


def _line_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end + 1


def _json_lines_error(error: Exception, line: int) -> SourceError:
    if isinstance(error, json.JSONDecodeError):
        return SourceError(f"JSON Lines syntax error at line {error.lineno}: {error.msg}", line=error.lineno)
    problem = "nested too deeply to parse" if isinstance(error, RecursionError) else _one_line(str(error))
    return SourceError(f"JSON Lines document at line {line} {problem}", line=line)


class _JsonObject(list[tuple[str, Any]]):
    """A JSON object's members in order, a key written twice kept twice, as the tokenizer reads them."""


class _JsonPlaces:
    """Places the strings of a valid JSON document, in the order they are written, at its quoted tokens."""

    def __init__(self, text: str, lines: _Lines | None = None, start: int = 0, end: int | None = None) -> None:
        """The places of the strings written between `start` and `end` (one document of a JSON Lines file)."""
        self.lines = _Lines.of(text) if lines is None else lines
        ending = len(text) if end is None else end
        self.quotes = [match.start() for match in _JSON_STRING.finditer(text, start, ending)]
        self.next = 0

    def node(self, value: Any, depth: int) -> _Node | None:
        """`value` as the tokenizer would build it: containers nested more than `MAX_DEPTH` inside the document's
        own are None."""
        if isinstance(value, str):
            return self.text(value)
        if not isinstance(value, list):
            return None
        if depth > MAX_DEPTH + 1:
            self.next += _strings_in(value)
            return None
        if isinstance(value, _JsonObject):
            return _Mapping(tuple((self.text(key), self.node(item, depth + 1)) for key, item in value))
        return _Sequence(tuple(self.node(item, depth + 1) for item in value))

    def text(self, value: str) -> _Text:
        self.next += 1
        return _Text(value, *self.lines.position(self.quotes[self.next - 1]))


def _strings_in(value: list[Any]) -> int:
    """How many strings (keys and values) a decoded JSON container holds, at any depth."""
    count = 0
    stack = [value]
    while stack:
        container = stack.pop()
        if isinstance(container, _JsonObject):
            count += len(container)  # the keys
            container = [item for _, item in container]
        for item in container:
            if isinstance(item, str):
                count += 1
            elif isinstance(item, list):
                stack.append(item)
    return count


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')


def _json_string(token: str) -> str:
    if "\\" not in token:
        return token[1:-1]
    try:
        return str(json.loads(token))
    except ValueError:  # an escape that is not JSON's, in a file that is not valid JSON
        return token[1:-1]


def _one_line(text: str) -> str:
    return " ".join(text.split())


@dataclass
class _OpenJson:
    """A JSON object or array whose closing bracket is still ahead; in an object, strings alternate key, value."""

    is_object: bool
    entries: list[tuple[_Text | None, _Node | None]] = field(default_factory=list)
    key: _Text | None = None
    awaiting_key: bool = True

    def add(self, value: _Node | None) -> None:
        if self.is_object and self.awaiting_key:
            self.key = value if isinstance(value, _Text) else None
        else:
            self.entries.append((self.key, value))
        self.awaiting_key = not self.awaiting_key

    def close(self) -> _Node:
        if self.is_object:
            return _Mapping(tuple(self.entries))
        return _Sequence(tuple(value for _, value in self.entries))

    def close_root(self) -> _Node | None:
        return self.entries[0][1] if self.entries else None


# TOML: `tomllib` keeps no positions either, and TOML's tables can be reopened out of order, so each string or
# key takes the first unused place where it is written, preferring a line that also names its key
# (`model = "org/x"` over an earlier `name = "org/x"`).
def _toml_trees(text: str, path: str) -> _Trees:
    """The document's tree; for text that is not valid TOML, its `key = "value"` lines, read as a `.env` file's."""
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return _env_trees(text, path)[0], SourceError(f"TOML syntax error: {_one_line(str(error))}")
    except RecursionError:
        return _env_trees(text, path)[0], SourceError("TOML nested too deeply to parse")
    except ValueError as error:  # a number of more digits than int() converts
        return _env_trees(text, path)[0], SourceError(f"TOML value that cannot be read: {_one_line(str(error))}")
    tool = document.get("tool")
    if _file_name(path) == "pyproject.toml" and isinstance(tool, dict):
        tool.pop("modelpolicy", None)  # the manifest source reads that table
    return [_TomlPlaces(text).node(document, None, 0)], None


def _conf_trees(text: str, path: str) -> _Trees:
    """A `.conf` file written in TOML (RamaLama's `shortnames.conf` and `ramalama.conf`, containers' `registries.conf`)
    is read as TOML; one that is not (nginx's, supervisord's, sysctl's) is another program's format, and names nothing
    this source reads: it is let go without a complaint."""
    trees, problem = _toml_trees(text, path)
    return (trees, None) if problem is None else ([], None)


def _trimmed_newline(token: str) -> int:
    """How far a multi-line string's text starts past its token: TOML drops a newline right after the opening
    delimiter, so a value whose delimiter ends a line names its model on the next one."""
    if token[:3] not in ('"' * 3, "'" * 3):
        return 0
    newline = next((n for n in ("\r\n", "\n") if token.startswith(n, 3)), "")
    return 3 + len(newline) if newline else 0


class _TomlPlaces:
    """The places of every string and bare key in a TOML text, handed out once each."""

    def __init__(self, text: str) -> None:
        lines = _Lines.of(text)
        self.line_texts = text.split("\n")
        self.used: set[tuple[int, int]] = set()
        self.cursors: dict[tuple[str, str | None], int] = {}
        found: dict[str, list[int]] = defaultdict(list)
        for match in _TOML_STRING.finditer(text):
            value = _toml_string(match.group())
            if value is not None:
                found[value].append(match.start() + _trimmed_newline(match.group()))
        # Bare keys are read where strings and comments are blanked out, so that nothing quoted looks like a key.
        code = _TOML_STRING.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)
        for match in _TOML_BARE_KEY.finditer(code):
            found[match.group(1)].append(match.start(1))
        self.places = {value: [lines.position(o) for o in sorted(offsets)] for value, offsets in found.items()}

    def node(self, value: Any, key: str | None, depth: int) -> _Node | None:
        if depth > MAX_DEPTH:
            return None
        if isinstance(value, str):
            return self.locate(value, key)
        if isinstance(value, list):
            return _Sequence(tuple(self.node(item, key, depth + 1) for item in value))
        if isinstance(value, dict):
            return _Mapping(tuple((self.locate(k, k), self.node(v, k, depth + 1)) for k, v in value.items()))
        return None

    def locate(self, value: str, key: str | None) -> _Text | None:
        places = self.places.get(value, [])
        place = self._next(places, value, key) or self._next(places, value, None)
        if place is None:
            return None
        self.used.add(place)
        return _Text(value, *place)

    def _next(self, places: list[tuple[int, int]], value: str, key: str | None) -> tuple[int, int] | None:
        """The first unused place, on a line naming `key` when one is given. A cursor per (value, key) only
        moves forward past places used or on other lines, so a long file costs linear time, not quadratic."""
        index = self.cursors.get((value, key), 0)
        while index < len(places) and (
            places[index] in self.used or (key is not None and key not in self.line_texts[places[index][0] - 1])
        ):
            index += 1
        self.cursors[(value, key)] = index
        return places[index] if index < len(places) else None


def _toml_string(token: str) -> str | None:
    """A TOML string token's value (read by `tomllib` itself when it has escapes or spans lines); None for
    comments."""
    if token.startswith("#"):
        return None
    if not token.startswith(('"""', "'''")) and (token[0] == "'" or "\\" not in token):
        return token[1:-1]
    try:
        value = tomllib.loads(f"v = {token}")["v"]
    except tomllib.TOMLDecodeError:
        return None
    return value if isinstance(value, str) else None


def _listed(text: _Text) -> list[_Text]:
    """The items of a comma-separated list written on one line (`gpt-4o,gpt-4o-mini`, LibreChat's `OPENAI_MODELS`),
    each where it is written; NextChat's `CUSTOM_MODELS=-all,+gpt-4o` adds what a `+` marks and drops what a `-`
    does. No list (an empty one) for a value without a comma, with a `${VAR:-default}` or a line break.
    Without a comma, ids joined by `+` are a list too (the Hub's audio training scripts, parler-tts' and
    distil-whisper's `"train_dataset_name": "org/a+org/b"`, which they split on `+` and interleave): no id holds one."""
    value = text.value
    if "," not in value and _joined_by_plus(value):
        return _plus_items(text)
    if "," not in value or "\n" in value or "${" in value:
        return []
    items: list[_Text] = []
    start = 0
    for part in value.split(","):
        stripped = part.strip()
        column = text.column + start + (len(part) - len(part.lstrip()))
        start += len(part) + 1
        if stripped.startswith("+"):
            stripped, column = stripped[1:], column + 1
        if stripped and not stripped.startswith("-"):
            items.append(_Text(stripped, text.line, column))
    return items


def _joined_by_plus(value: str) -> bool:
    """`org/a+org/b`: words joined by `+`, none empty nor holding a blank (`a + b`, `c++` and `+gpt-4o` are not)."""
    parts = value.split("+")
    return len(parts) > 1 and "${" not in value and all(part and not any(c.isspace() for c in part) for part in parts)


def _plus_items(text: _Text) -> list[_Text]:
    """The items of `org/a+org/b`, each where it is written."""
    items: list[_Text] = []
    column = text.column
    for part in text.value.split("+"):
        items.append(_Text(part, text.line, column))
        column += len(part) + 1
    return items


def _env_trees(text: str, _: str) -> _Trees:
    """`KEY=VALUE` lines with an optional `export`, quotes and `#` comments; other lines are ignored. A quoted value
    may run over lines (dotenv's multi-line values, chat-ui's ``MODELS=`[...]` ``): one holding a JSON array or
    object is read as its tree (`_embedded_json`), any other as its lines (`_lines_of`), each where it is written."""
    entries: list[tuple[_Text | None, _Node | None]] = []
    lines = text.split("\n")
    number = 0
    while number < len(lines):
        match = _ENV_LINE.fullmatch(lines[number])
        number += 1
        if not match:
            continue
        key = _Text(match.group(1), number, match.start(1))
        block = _env_block(lines, number, match.group(2))
        if block is not None:
            value, after = block
            column = match.start(2) + 1
            entries.append((key, _embedded_json(value, number, column) or _lines_of(value, number, column)))
            number = after
            continue
        value, column = _env_value(match.group(2), match.start(2))
        entries.append((key, _embedded_json(value, number, column) or _Text(value, number, column)))
    return [_Mapping(tuple(entries))], None


def _env_block(lines: list[str], after: int, raw: str) -> tuple[str, int] | None:
    """A quoted value whose closing quote is on a later line: its text, and the index of the line after it. None
    for a value on one line, or a quote never closed."""
    quote = raw[:1]
    if quote not in ("'", '"', "`") or quote in raw[1:]:
        return None
    for index in range(after, len(lines)):
        if quote in lines[index]:
            body = [raw[1:], *lines[after:index], lines[index][: lines[index].index(quote)]]
            return "\n".join(body), index + 1
    return None


def _lines_of(value: str, line: int, column: int) -> _Sequence:
    """A value quoted over lines that is no JSON, as the list of its lines under its key, each where it is written: a
    URL on its third line is reported there, and `MODELS="org/a` + newline + `org/b"` names both."""
    parts = value.split("\n")
    return _Sequence(tuple(_Text(text, line + index, 0 if index else column) for index, text in enumerate(parts)))


def _env_images(trees: list[_Node | None], context: FileContext) -> list[Reference]:
    """`IMAGE=lmsysorg/sglang:latest` in a `.env` file a compose file or a script runs: a model-server image held in
    a variable named for an image (`names.names_image`); `BASE_IMAGE=python:3.11` names no model server."""
    found: list[Reference] = []
    for tree in trees:
        for key, value in tree.entries if isinstance(tree, _Mapping) else ():
            if key and isinstance(value, _Text) and names_image(key.value) and (image := server_image(value.value)):
                found.append(Reference(context.path, value.line, value.column, image, Kind.IMAGE, "config", "image"))
    return found


def _env_command_lines(trees: list[_Node | None], context: FileContext) -> list[Reference]:
    """`VLLM_ARGS="--model ID --port 80"` in a `.env` file a compose file or a script hands to a command: a command
    line, or its options, held by a variable named for one (`names.names_command_line`), read as the shell source reads
    a command line, each value placed where it is written."""
    from modelpolicy.discover.shell import command_references

    found: list[Reference] = []
    for tree in trees:
        for key, value in tree.entries if isinstance(tree, _Mapping) else ():
            if key and isinstance(value, _Text) and " " in value.value.strip() and names_command_line(key.value):
                found += command_references(value.value, value.line, value.column, context, "config")
    return found


def _env_value(raw: str, column: int) -> tuple[str, int]:
    quote = raw[:1]
    if quote in ("'", '"', "`") and quote in raw[1:]:
        return raw[1 : raw.index(quote, 1)], column + 1
    return re.split(r"\s#", raw, maxsplit=1)[0].rstrip(), column


# --- Bicep (Azure's infrastructure files) -----------------------------------------------------------------------------

# Bicep's tokens: a `'''` string, a `'` string (its `${...}` placeholders may hold strings of their own), a comment, a
# bracket or a mark, a word; blanks between them. Azure's samples deploy their models from these files: `param
# chatModelName string = 'gpt-4o'`, `{name: 'OPENAI_CHAT_MODEL', value: host == 'openai' ? 'gpt-4o' : ''}`,
# `model: {format: 'OpenAI', name: 'text-embedding-3-large'}` (learn.microsoft.com/azure/azure-resource-manager/bicep).
_BICEP_TOKEN = re.compile(r"'''|'|//[^\n]*|/\*.*?\*/|\n|[{}\[\]():,?=]|[^\s'{}\[\]():,?=/]+|/", re.DOTALL)
_BICEP_DECLARATIONS = frozenset({"param", "var", "output", "resource", "module"})


@dataclass(frozen=True)
class _BicepToken:
    text: str  # a string's value (`string` set), else the token as written
    line: int
    column: int
    string: bool = False
    placeholder: bool = False  # a string holding a `${...}`: no whole value


def _bicep_string(text: str, start: int) -> int:
    """The end of the `'` string opening at `start`: past its closing quote, its escapes and the strings inside its
    placeholders skipped (`'${toLower('X')}-app'`)."""
    at, depth = start + 1, 0
    while at < len(text):
        char = text[at]
        if char == "\\":
            at += 2
            continue
        if depth == 0 and char == "'":
            return at + 1
        if depth == 0 and text.startswith("${", at):
            depth, at = 1, at + 2
            continue
        if depth and char == "'":
            at = _bicep_string(text, at)
            continue
        depth += {"{": 1, "}": -1}.get(char, 0) if depth else 0
        at += 1
    return at


def _bicep_tokens(text: str) -> list[_BicepToken]:
    tokens: list[_BicepToken] = []
    starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
    at = 0
    while (match := _BICEP_TOKEN.search(text, at)) is not None:
        token, start = match.group(), match.start()
        line = bisect.bisect_right(starts, start)
        column = start - starts[line - 1]
        if token == "'''":
            end = text.find("'''", start + 3)
            end = len(text) if end < 0 else end + 3
            tokens.append(_BicepToken(text[start + 3 : end - 3], line, column + 3, string=True))
        elif token == "'":
            end = _bicep_string(text, start)
            value = text[start + 1 : end - 1]
            tokens.append(_BicepToken(value, line, column + 1, string=True, placeholder="${" in value))
        elif token.startswith(("//", "/*")):
            end = match.end()
        else:
            end = match.end()
            tokens.append(_BicepToken(token, line, column))
        at = max(end, start + 1)
    return tokens


class _BicepParser:
    """A Bicep file read as the same tree as the other formats: its declarations (`param`, `var`, `output`, `resource`,
    `module`) as a mapping by name, objects as mappings, arrays as sequences. A value that is an expression is the
    string it holds when it is one whole string, or the strings its condition chooses between
    (`host == 'openai' ? 'gpt-4o' : ''`); calls, names and placeholders name nothing."""

    def __init__(self, tokens: list[_BicepToken]) -> None:
        self.tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        token = self.tokens[self.at] if self.at < len(self.tokens) else None
        return None if token is None or token.string else token.text

    def declarations(self) -> _Mapping:
        entries: list[tuple[_Text | None, _Node | None]] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            name = self.tokens[self.at] if self.at < len(self.tokens) else None
            if token.string or token.text not in _BICEP_DECLARATIONS or token.column != 0 or name is None:
                continue
            while self.at < len(self.tokens) and self.peek() not in ("=", "\n"):
                self.at += 1  # the type, a resource's type string
            if self.peek() == "=":
                self.at += 1
                entries.append((_Text(name.text, name.line, name.column), self.value()))
        return _Mapping(tuple(entries))

    def value(self) -> _Node | None:
        """The value from here to the end of its line (or of the object or array it is in)."""
        strings: list[_BicepToken] = []
        nodes: list[_Node] = []
        chosen: list[_BicepToken] | None = None  # the strings after a `?`
        parts = 0
        depth = 0
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            text = None if token.string else token.text
            if depth == 0 and (text in ("\n", ",", "}", "]")):
                break
            if text == "{":
                nodes.append(self.object())
                continue
            if text == "[":
                nodes.append(self.array())
                continue
            self.at += 1
            parts += 1
            depth += {"(": 1, ")": -1}.get(text or "", 0)
            if token.string:
                (strings if chosen is None else chosen).append(token)
            elif text == "?" and depth == 0:
                chosen = []
        if chosen is not None:
            texts = [_Text(s.text, s.line, s.column) for s in chosen if s.text and not s.placeholder]
            return texts[0] if len(texts) == 1 else _Sequence(tuple(texts)) if texts else None
        if parts == 1 and len(strings) == 1 and not strings[0].placeholder:
            return _Text(strings[0].text, strings[0].line, strings[0].column)
        return nodes[-1] if nodes else None  # `if (deploy) {...}`, `[for d in list: {...}]`

    def object(self) -> _Mapping:
        self.at += 1  # `{`
        entries: list[tuple[_Text | None, _Node | None]] = []
        while self.at < len(self.tokens) and self.peek() != "}":
            token = self.tokens[self.at]
            self.at += 1
            if self.peek() == ":" and (token.string or token.text not in ("\n", ",")):
                self.at += 1
                entries.append((_Text(token.text, token.line, token.column), self.value()))
        self.at += 1  # `}`
        return _Mapping(tuple(entries))

    def array(self) -> _Sequence:
        self.at += 1  # `[`
        items: list[_Node | None] = []
        if self.peek() == "for":  # `[for item in list: {...}]`: the body each item makes
            while self.at < len(self.tokens) and self.peek() not in (":", "]"):
                self.at += 1
            self.at += 1 if self.peek() == ":" else 0
        while self.at < len(self.tokens) and self.peek() != "]":
            if self.peek() in ("\n", ","):
                self.at += 1
                continue
            before = self.at
            items.append(self.value())
            self.at += 1 if self.at == before else 0  # a stray `}`: skipped, so that the walk goes on
        self.at += 1  # `]`
        return _Sequence(tuple(item for item in items if item is not None))


def _bicep_trees(text: str, _: str) -> _Trees:
    """A Bicep file (`.bicep`) or its parameters file (`.bicepparam`: `param chatModelName = 'gpt-4o'`), as a tree."""
    return [_BicepParser(_bicep_tokens(text)).declarations()], None


# Readers chosen by a file's last ending alone.
_READERS: dict[str, Callable[[str, str], _Trees]] = {  # by the file name's last ending (`_reader`)
    "yaml": _yaml_trees,
    "yml": _yaml_trees,
    "json": _json_trees,
    "jsonl": _json_lines_trees,
    "ndjson": _json_lines_trees,
    "toml": _toml_trees,
    "conf": _conf_trees,
    "env": _env_trees,
    "sql": _sql_trees,
    "bicep": _bicep_trees,
    "bicepparam": _bicep_trees,
    "pbtxt": _textproto_trees,  # Protocol Buffers text: Triton's `config.pbtxt`, `.textproto`, Caffe's `.prototxt`
    "textproto": _textproto_trees,
    "prototxt": _textproto_trees,
}
