"""Containers: the model-server images a repository runs and the models it hands them.

Dockerfiles (`FROM`, with `ARG` defaults, and `ENV MODEL_ID=...` in a model-server stage), docker-compose files,
Kubernetes manifests, Helm values and CI workflows: any mapping with an `image:` key (a container, a compose
service, a chart's values, a workflow's `container:` or `services:`), Helm's `repository:` and `tag:` split over keys
with or without an `image:` above them, kustomize's `images: [{name, newName, newTag}]`, a workflow step's
`uses: docker://IMAGE`. An image is a reference only when the knowledge base's catalogue knows it as a model server
(`discover.images`); `python:3.11` or `postgres` name nothing. The model a server is given is read from its
environment (`MODEL_ID`, ...) and a Helm `modelURL:` beside its repository; commands and args of every container (and
of a KServe predictor's `model:`) go to the shell source's flag reader, so `--model-id org/x` is found wherever it is
passed. Dockerfile RUN, CMD and ENTRYPOINT are the shell source's.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from modelpolicy.discover.config import MAX_DEPTH
from modelpolicy.discover.identity import identify
from modelpolicy.discover.images import MODEL_VARIABLES, server_image, takes_model_argument
from modelpolicy.discover.images import expand as _expand
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.markers import Markers
from modelpolicy.discover.names import names_image, split_words
from modelpolicy.discover.shell import placed_commands
from modelpolicy.discover.yamldoc import compose, compose_part
from modelpolicy.knowledge.servers import ImageName
from modelpolicy.model import Kind, Reference

if TYPE_CHECKING:
    import yaml

_SOURCE = "containers"
# Keys whose values are a container's command line, in the order they are joined: compose, then Kubernetes; a Beaker
# experiment spec's task names its arguments in full (`command: [/bin/sh, -c]`, `arguments: ['accelerate launch ...']`).
_COMMAND_KEYS = ("entrypoint", "command", "args", "arguments")
# Keys outside a container whose string is a command line (`entrypoint:` of a KubeRay RayJob).
_JOB_COMMAND_KEYS = ("entrypoint", "command")
_COMPOSE = re.compile(r"(docker-)?compose[^/]*\.ya?ml")
# Cheap test before parsing: YAML without an image cannot name a container.
# (`defaultImage:`, `vllm_image:`: a key ending in `image`, `Image` or `images`, too; a backend's `image_name:`; a
# NIMCache's `modelPuller:`)
# Not after a capital or another word character but a lower-case ASCII letter, digit or underscore (`ImageName:` is no
# image's key); written as a lookbehind after the word's first letter, so that the engine skips ahead to that letter
# rather than trying the lookbehind at every character (ten times as long on a large file). The words are looked for
# first as plain text (`_MENTION_WORDS`): most files hold none.
_MENTIONS = re.compile(
    r"[iIrnm](?<![^\W0-9_a-z][iIrnm])(?:(?<=[iI])mage(?:s|_name|_ref)?|(?<=r)epository|(?<=n)ewName|(?<=m)odel(?:Format|Puller))"
    r"[\"']?\s*:"
    r"|docker://"
)
_MENTION_WORDS = ("mage", "repository", "newName", "modelFormat", "modelPuller", "docker://")
# Keys beside a Helm `repository:` whose value is the model the server is given (vLLM production-stack's
# `modelSpec`); compared lower-cased.
_MODEL_KEYS = frozenset({"modelurl"})
# A Dockerfile word: quoted parts keep their spaces.
_WORD = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s"'])+""")
_QUOTED = re.compile(r""""([^"]*)"|'([^']*)'""")
_HEREDOC = re.compile(r"(?<!<)<<(?!<)-?\s*[\"']?([A-Za-z_]\w*)[\"']?")
# A shell's option that runs the next word as a script: `-c`, and `-c` among others (`bash -lc`, `sh -ec`, `-xc`); a
# `--` may stand between it and the script (`command: ["/bin/bash", "-lc", "--"]`, KubeRay's examples).
_SCRIPT_OPTION = re.compile(r"-[a-zA-Z]{0,3}c")
# A line of YAML's `key: value` form, as a literal block holding YAML has (`_Yaml.embedded`).
_KEY_LINE = re.compile(r"^[ \t]*(?:- )?[\w.-]+:[ \t]", re.MULTILINE)
_STRING = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"


class ContainerSource:
    name = _SOURCE
    stems = frozenset({"dockerfile", "containerfile"})
    # A Dockerfile's `FROM`; a manifest's `image:` or Helm's `repository:` (a model id given to a server sits beside
    # one of them); a KServe `modelFormat:`; a workflow's `uses: docker://`.
    # `modelPuller:`: the image a NIMCache pulls its model with, in a file that may name no other
    markers = Markers((b"from", b"image", b"repository", b"modelformat", b"docker", b"modelpuller"), caseless=True)

    def wants(self, path: str) -> bool:
        name = path.rsplit("/", 1)[-1].lower()
        return _is_dockerfile(name) or name.endswith((".yaml", ".yml"))

    def find(self, text: str, context: FileContext) -> list[Reference]:
        name = context.path.rsplit("/", 1)[-1].lower()
        if _is_dockerfile(name):
            return list(_dockerfile_references(text, context))
        if not _mentions(text) or ("{{" in text and not _COMPOSE.fullmatch(name) and compose(text).error):
            return []  # nothing to find, or a Helm template, which is not YAML until rendered (values holding a
            # Jinja chat template in a string, or in a comment, are YAML, and read)
        return list(dict.fromkeys(_Yaml(text, context).references()))


def _mentions(text: str) -> bool:
    return any(word in text for word in _MENTION_WORDS) and _MENTIONS.search(text) is not None


_VARIANTS = ("dockerfile.", "containerfile.")
# `Dockerfile_base`, `Dockerfile-cuda`, `Containerfile_gpu`: a variant named with a suffix instead of an ending.
_SUFFIXED_DOCKERFILE = re.compile(r"(?:dockerfile|containerfile)[_-][\w-]+")


def _is_dockerfile(name: str) -> bool:
    """`Dockerfile`, `Containerfile` (Podman's and Buildah's name for one) and their variants: `gpu.Dockerfile`,
    `server.containerfile`, `Dockerfile.gpu`, `Containerfile.cuda`, `Dockerfile_base`."""
    if name in ("dockerfile", "containerfile") or name.endswith((".dockerfile", ".containerfile")):
        return True
    return name.startswith(_VARIANTS) or _SUFFIXED_DOCKERFILE.fullmatch(name) is not None


def _model(value: str, line: int, column: int, form: str, context: FileContext) -> Reference | None:
    hub = identify(_expand(value.strip(), {}), Kind.MODEL, context.is_local_path, single_names=False)
    if hub is None:
        return None
    return Reference(context.path, line, column, hub.id, Kind.MODEL, _SOURCE, form, hub.revision)


# Dockerfiles: each instruction as words with their places; a stage is a model server when its base image is one,
# directly or through an earlier stage's name (`FROM tgi AS server` ... `FROM server`).


@dataclass(frozen=True)
class _Word:
    text: str
    line: int
    column: int


def _dockerfile_references(text: str, context: FileContext) -> Iterator[Reference]:
    arguments: dict[str, str] = {}
    server_stages: set[str] = set()
    serving = False
    for words in _instructions(text):
        keyword, rest = words[0].text.upper(), words[1:]
        if keyword == "ARG":
            arguments.update((key, _expand(value.text, arguments)) for key, value in _assignments(rest, legacy=False))
        elif keyword == "FROM" and (image := next((w for w in rest if not w.text.startswith("--")), None)):
            image_id = server_image(image.text, arguments)
            if image_id:
                yield Reference(context.path, image.line, image.column, image_id, Kind.IMAGE, _SOURCE, "FROM")
            serving = image_id is not None or image.text.lower() in server_stages
            stage = rest[-1].text.lower() if len(rest) >= 3 and rest[-2].text.upper() == "AS" else None
            if serving and stage:
                server_stages.add(stage)
        elif keyword == "ENV" and serving:
            yield from _env_models(rest, arguments, context)


def _env_models(words: list[_Word], arguments: Mapping[str, str], context: FileContext) -> Iterator[Reference]:
    """The models a model-server stage's `ENV` names, its `ARG` values substituted."""
    for key, value in _assignments(words, legacy=True):
        if key not in MODEL_VARIABLES:
            continue
        found = _model(_expand(value.text, arguments), value.line, value.column, key, context)
        if found:
            yield found


def _instructions(text: str) -> Iterator[list[_Word]]:
    """Each instruction's words, continuation lines joined; comments, blank lines and heredoc bodies skipped."""
    lines = enumerate(text.splitlines(), start=1)
    for number, line in lines:
        if not line.strip() or _is_comment(line):
            continue
        words = _logical_line(number, line, lines)
        if not words:  # a line of nothing a word is made of (a lone quote): no instruction
            continue
        yield words
        for delimiter in _HEREDOC.findall(" ".join(w.text for w in words)):
            next((n for n, body in lines if body.strip() == delimiter), None)


def _logical_line(number: int, line: str, rest: Iterator[tuple[int, str]]) -> list[_Word]:
    """A line's words and those of the lines a trailing `\\` joins to it (blank and comment lines between are
    dropped, as Docker drops them)."""
    words: list[_Word] = []
    while True:
        body = line.rstrip()
        continued = body.endswith("\\")
        words.extend(_Word(m[0], number, m.start()) for m in _WORD.finditer(body[:-1] if continued else body))
        following = continued and next(((n, t) for n, t in rest if t.strip() and not _is_comment(t)), None)
        if not following:
            return words
        number, line = following


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _assignments(words: list[_Word], *, legacy: bool) -> Iterator[tuple[str, _Word]]:
    """`KEY=VALUE` pairs, each value unquoted and placed where it is written; with `legacy`, `ENV KEY VALUE`."""
    if legacy and len(words) >= 2 and "=" not in words[0].text:
        yield words[0].text, replace(words[1], text=_unquote(" ".join(w.text for w in words[1:])))
        return
    for word in words:
        key, equals, value = word.text.partition("=")
        if equals:
            yield key, _Word(_unquote(value), word.line, word.column + len(key) + 1)


def _unquote(text: str) -> str:
    return _QUOTED.sub(lambda m: m[1] if m[1] is not None else m[2], text)


# YAML: PyYAML's composed node graph, each collection visited once by identity (an alias is the node its anchor
# names, so an alias bomb stays linear). Imported inside functions: discovery is imported on every commit.


def mappings(node: yaml.Node, seen: set[int], depth: int = 0) -> Iterator[yaml.MappingNode]:
    """Every mapping in a YAML node graph, each collection visited once (an alias bomb stays linear), to the
    config source's depth."""
    import yaml

    if isinstance(node, yaml.ScalarNode) or id(node) in seen or depth > MAX_DEPTH:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        yield node
        children = [value for _, value in node.value]
    else:
        children = list(node.value)
    for child in children:
        yield from mappings(child, seen, depth + 1)


def _entries(mapping: yaml.MappingNode) -> dict[str, yaml.Node]:
    """A mapping's string keys and their values, with the keys a `<<` merge brings in (one level) beneath its own."""
    import yaml

    merged: dict[str, yaml.Node] = {}
    own: dict[str, yaml.Node] = {}
    for key, value in mapping.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "<<" and key.tag != _STRING:
            sources = value.value if isinstance(value, yaml.SequenceNode) else [value]
            for source in sources:
                if isinstance(source, yaml.MappingNode):
                    merged.update((k.value, v) for k, v in source.value if string(k) is not None)
        elif string(key) is not None:
            own[key.value] = value
    return merged | own


def string(node: yaml.Node | None) -> str | None:
    """The text of a scalar that is a string (not a number, a boolean or null), else None."""
    import yaml

    return node.value if isinstance(node, yaml.ScalarNode) and node.tag == _STRING else None


def _scalar(node: yaml.Node | None) -> str | None:
    """A scalar as written, whatever it resolves to (`tag: 1.5` is a float), except null and empty."""
    import yaml

    return node.value or None if isinstance(node, yaml.ScalarNode) and node.tag != _NULL else None


@dataclass(frozen=True)
class _Yaml:
    """A YAML file: its text, to place references found inside a string, and its context."""

    text: str
    context: FileContext
    depth: int = 0  # 1 inside a literal block that is YAML itself (`_embedded`)

    def references(self) -> Iterator[Reference]:
        """The containers of every document that can be read; then the first error met, with what was found."""
        seen: set[int] = set()
        stream = compose(self.text)
        found = [r for document in stream.documents for r in self.document(document, seen)]
        if stream.error is not None:
            raise stream.error.with_found(list(dict.fromkeys(found)))
        yield from found

    def document(self, document: yaml.Node, seen: set[int]) -> Iterator[Reference]:
        for mapping in mappings(document, seen):
            entries = _entries(mapping)
            if "image" in entries:
                yield from self.container(entries)
            elif "modelFormat" in entries:  # a KServe predictor's `model:`: the runtime's image is chosen elsewhere
                yield from self.commands([entries[key] for key in _COMMAND_KEYS if key in entries])
            elif "repository" in entries:  # Helm's image split over keys, without an `image:` above it
                image = self.image(mapping)
                yield from [image] if image else []
                yield from self.served(image, entries)
            # a chart's `vllmConfig: {extraArgs: ["--speculative-model", ID]}`: options handed to a server
            read = _COMMAND_KEYS if "image" in entries or "modelFormat" in entries else ()
            for node in (node for key, node in entries.items() if key not in read and _argument_list(key, node)):
                yield from self.commands([node])
            # a job's command line written as one string outside a container (a KubeRay RayJob's `entrypoint:
            # vllm serve ID ...`): the flag reader decides what it names
            for key in () if read else _JOB_COMMAND_KEYS:
                if string(entries.get(key)):
                    yield from self.commands([entries[key]])
            if "newName" in entries or "newTag" in entries:
                yield from self.kustomized(entries)
            if (uses := string(entries.get("uses"))) and uses.lower().startswith("docker://"):
                yield from self.placed(entries["uses"], server_image(uses), "uses")
            yield from self.images_by_role(entries)
            for node in entries.values():
                yield from self.embedded(node)

    def embedded(self, node: yaml.Node) -> Iterator[Reference]:
        """A literal block that is YAML itself (a ConfigMap's `templates.yaml: |` of deployment templates, a server's
        config file): its containers, each placed where it stands in the file (the block's lines follow the
        indicator's line, indented alike). One level deep; a block that cannot be read names nothing."""
        import yaml

        if self.depth or not isinstance(node, yaml.ScalarNode) or node.style != "|" or not _MENTIONS.search(node.value):
            return
        if not _KEY_LINE.search(node.value):  # a script or prose that happens to hold `image:`
            return
        stream = compose_part(node.value)
        inner = _Yaml(node.value, self.context, self.depth + 1)
        found = [r for document in stream.documents for r in inner.document(document, set())]
        if not found:
            return
        lines = self.text.splitlines()[node.start_mark.line + 1 : node.end_mark.line + 1]
        first = next((line for line in lines if line.strip()), "")
        indent = len(first) - len(first.lstrip(" "))
        for reference in found:
            yield replace(reference, line=reference.line + node.start_mark.line + 1, column=reference.column + indent)

    def images_by_role(self, entries: dict[str, yaml.Node]) -> Iterator[Reference]:
        """Images a chart's values name by their role rather than under `image:`: a key ending in `image`
        (`defaultImage: vllm/vllm-openai:v0.6.3`, `vllm_image: ...`) and a table or list of them under a key ending in
        `images` (KubeAI's `modelServers: {VLLM: {images: {default: vllm/vllm-openai:v0.8.3, cpu: ...}}}`), the
        `default` of a workflow's input named for one, and what a workflow's expression falls back to (`AIKIT_IMAGE:
        ${{ inputs.aikit_image || 'IMAGE' }}`). Only written strings count (kustomize's `images:` items are mappings,
        read as such), and only images the catalogue knows."""
        import yaml

        for key, node in entries.items():
            words = split_words(key)
            if key == "image" or not words:
                continue
            cased = key.islower() or (not key.isupper() and words[-1] != "name")
            if words[-1] == "image" or (words[-1] != "images" and cased and names_image(key)):
                # a workflow's input named for an image: `{description: ..., default: IMAGE}`; a backend's
                # `image_name: ghcr.io/ggml-org/llama.cpp:server` (GPUStack's inference backends), `image_ref:`; a
                # NIMCache's `modelPuller: nvcr.io/nim/meta/llama3-8b-instruct:1.0.3`. Not KubeAI's `imageName: gpu`,
                # a key of its `images:` table, nor a workflow's `IMAGE_NAME:` (what it builds and pushes as often)
                nodes = [_entries(node).get("default")] if isinstance(node, yaml.MappingNode) else [node]
            elif words[-1] != "images":
                continue
            elif isinstance(node, yaml.MappingNode):
                nodes = [value for _, value in node.value]
            else:
                nodes = list(node.value) if isinstance(node, yaml.SequenceNode) else []
            for item in nodes:
                if item is not None and (written := string(item)):
                    yield from self.placed(item, server_image(written), key)

    def container(self, entries: dict[str, yaml.Node]) -> Iterator[Reference]:
        image = self.image(entries["image"])
        yield from [image] if image else []
        yield from self.commands([entries[key] for key in _COMMAND_KEYS if key in entries])
        yield from self.served(image, entries)
        if image is not None and takes_model_argument(image.text):
            yield from self.model_argument(entries)

    def model_argument(self, entries: dict[str, yaml.Node]) -> Iterator[Reference]:
        """The first argument a server image whose entrypoint takes its model so is given: a Kubernetes container's
        `args: [ORG/NAME, ...]` (unless its `command` replaces the entrypoint), a compose service's `command:`
        (unless an `entrypoint:` replaces it)."""
        import yaml

        if "args" in entries:
            node = None if "command" in entries else entries["args"]
        else:
            node = None if "entrypoint" in entries else entries.get("command")
        if isinstance(node, yaml.SequenceNode) and node.value and (first := string(node.value[0])):
            value, place = first, node.value[0]
        elif (written := string(node)) and written.split():
            value, place = written.split()[0], node
        else:
            return
        if not value.startswith("-") and (found := _model(value, *_place(place), "IMAGE argument", self.context)):
            yield found

    def served(self, image: Reference | None, entries: dict[str, yaml.Node]) -> Iterator[Reference]:
        """What a server image is given: its environment's model variables, a `modelURL:` beside it."""
        if image is None:
            return
        for key in ("environment", "env"):
            yield from self.environment(entries.get(key))
        for key, node in entries.items():
            if key.lower() in _MODEL_KEYS and (value := string(node)):
                yield from (m for m in [_model(value, *_place(node), key, self.context)] if m)

    def image(self, node: yaml.Node) -> Reference | None:
        """`image: registry/name:tag`, or Helm's `image: {registry: R, repository: X, tag: Y}` (or `name: X`)
        placed at X. A repository that carries a tag of its own (`X:1.8.5`) takes the `tag:` key's, which a chart's
        template appends last."""
        import yaml

        if not isinstance(node, yaml.MappingNode):
            written = string(node)
            return next(self.placed(node, server_image(written), "image"), None) if written else None
        parts = _entries(node)
        registry, repository, name, tag, digest = (
            _scalar(parts.get(k)) for k in ("registry", "repository", "name", "tag", "digest")
        )
        joined = f"{repository}/{name}" if repository and name else None
        for written, key in ((joined, "repository"), (repository, "repository"), (name, "name")):
            if not written:
                continue
            inline = ImageName.parse("/".join(filter(None, (registry, written))))
            image_id = server_image(ImageName(inline.repository, tag or inline.tag, digest or inline.digest).text)
            if image_id:
                return next(self.placed(parts[key], image_id, f"image.{key}"))
        return None

    def kustomized(self, entries: dict[str, yaml.Node]) -> Iterator[Reference]:
        """A kustomization's `images: [{name: X, newName: Y, newTag: Z}]`: the image that runs is Y:Z, or X:Z when
        Y is a mirror the catalogue does not know."""
        tag, digest = _scalar(entries.get("newTag")), _scalar(entries.get("digest"))
        suffix = (f":{tag}" if tag else "") + (f"@{digest}" if digest else "")
        for key in ("newName", "name"):
            written = _scalar(entries.get(key))
            image_id = server_image(ImageName.parse(written).repository + suffix) if written else None
            if image_id:
                yield from self.placed(entries[key], image_id, key)
                return

    def placed(self, node: yaml.Node, image_id: str | None, form: str) -> Iterator[Reference]:
        if image_id is not None:
            line, column = _place(node)
            yield Reference(self.context.path, line, column, image_id, Kind.IMAGE, _SOURCE, form)

    def commands(self, parts: list[yaml.Node]) -> Iterator[Reference]:
        """A string is a command line; lists (`command` then `args`) are joined into one, and the script after a
        `-c` (`sh -c "launcher --model-id X"`, `bash -lc -- "..."`) is read as a command line of its own."""
        import yaml

        words = [w for part in parts if isinstance(part, yaml.SequenceNode) for w in part.value if string(w)]
        values = [w.value for w in words]
        if words:
            yield from self.run(shlex.join(values), words)
        for index in (i for i, value in enumerate(values[:-1]) if _SCRIPT_OPTION.fullmatch(value)):
            script = index + 2 if values[index + 1] == "--" and index + 2 < len(values) else index + 1
            yield from self.run(values[script], [words[script]])
        for part in parts:
            if string(part):
                yield from self.run(part.value, [part])

    def run(self, command: str, nodes: list[yaml.Node]) -> Iterator[Reference]:
        """The references in a command line made from `nodes`, each placed where its text is written in them."""
        parts = [(node.start_mark.index, node.end_mark.index) for node in nodes]
        return placed_commands(command, self.text, parts, self.context, _SOURCE)

    def environment(self, node: yaml.Node | None) -> Iterator[Reference]:
        for name, value, mark in _variables(node):
            found = _model(value, mark.line + 1, mark.column, name, self.context) if name in MODEL_VARIABLES else None
            if found:
                yield found


def _argument_list(key: str, node: yaml.Node) -> bool:
    """Whether a key outside a container holds a server's command-line options: a name ending in `args` or
    `arguments` (`extraArgs`, `extra_args`, `serverArgs`) over a list of strings, one of them an option, or over one
    string of options (`extraArgs: "--model ID --max-model-len 4096"`)."""
    import yaml

    if split_words(key)[-1:] not in (("args",), ("arguments",)):
        return False
    if (text := string(node)) is not None:
        return text.lstrip().startswith("-") and " " in text.strip()
    return isinstance(node, yaml.SequenceNode) and any(
        (text := string(item)) and text.startswith("-") for item in node.value
    )


def _place(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column


def _variables(node: yaml.Node | None) -> Iterator[tuple[str, str, yaml.Mark]]:
    """Environment variables as (name, value, where the value is placed): compose `KEY: VALUE` or `- KEY=VALUE`
    (placed at the item), Kubernetes `- {name: KEY, value: VALUE}`; placed as the config source places them, so
    that discovery counts each place once."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _variable(key, value)
    for item in node.value if isinstance(node, yaml.SequenceNode) else []:
        name, equals, value = (string(item) or "").partition("=")
        if equals:
            yield name, value, item.start_mark
        elif isinstance(item, yaml.MappingNode):
            entries = _entries(item)
            yield from _variable(entries.get("name"), entries.get("value"))


def _variable(key: yaml.Node | None, value: yaml.Node | None) -> Iterator[tuple[str, str, yaml.Mark]]:
    name, written = string(key), string(value)
    if name is not None and written is not None and value is not None:
        yield name, written, value.start_mark
