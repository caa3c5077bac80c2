"""CI pipelines and cloud task files: the shell a GitHub Actions workflow's steps `run:` (`.github/workflows/*.yml`),
a GitLab CI job's `script:`, `before_script:` and `after_script:` (`.gitlab-ci.yml`), a SkyPilot task's `setup:` and
`run:` and a dstack configuration's `commands:` (any YAML file, told by its top-level keys), read by the shell source,
each reference placed where its text is written in the YAML file.

A source decides what it reads by a file's name alone (`interface.Source.wants`), and a workflow is told by its
folder: this one takes every YAML file and reads only those, a task file when its text says it is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING

from modelpolicy.discover import apis
from modelpolicy.discover.containers import mappings, string
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.shell import ShellSource, placed_commands
from modelpolicy.discover.yamldoc import compose
from modelpolicy.model import Reference

if TYPE_CHECKING:
    import yaml

_SCRIPT_KEYS = frozenset({"run", "script", "before_script", "after_script"})
# SkyPilot's task YAML (`sky launch task.yaml`): a top-level `run:` script beside its `resources:`, `envs:`, `setup:`...
# (`docker run ... ghcr.io/predibase/lorax:main --model-id $MODEL_ID`); dstack's `type: task` (or `service`) with its
# `commands:`. Told by the text before it is parsed, so that other YAML files cost no second parse.
_SKYPILOT_RUN = re.compile(r"^run:", re.MULTILINE)
_SKYPILOT_KEYS = re.compile(r"^(?:resources|envs|setup|num_nodes|file_mounts|workdir|service):", re.MULTILINE)
_DSTACK_TYPE = re.compile(r"^type:[ \t]*[\"']?(?:task|service|dev-environment)\b", re.MULTILINE)
_TASK_KEYS = {"skypilot": frozenset({"setup", "run"}), "dstack": frozenset({"commands"})}
# An action's input that passes a command line on to the tool it runs (claude-code-action's `claude_args: --model opus`,
# an action's `args:` or `extra-args:`): read as the shell's words are, its `--model` flags with them.
_ARGUMENT_ENDINGS = ("args", "_args", "-args", "_arguments", "-arguments")


class WorkflowSource:
    name = "workflow"
    stems: frozenset[str] = frozenset()
    markers = ShellSource.markers  # the scripts are shell: the shell's words, spelled as a shell may spell them

    def wants(self, path: str) -> bool:
        return path.lower().endswith((".yml", ".yaml"))

    def find(self, text: str, context: FileContext) -> list[Reference]:
        task = None if _is_pipeline(context.path) else _task(text)
        if task is None and not _is_pipeline(context.path):
            return []
        seen: set[int] = set()
        stream = compose(text)
        scripts = [
            node
            for document in stream.documents
            for node in (_scripts(document, seen) if task is None else _top_scripts(document, _TASK_KEYS[task]))
        ]
        environment = _environment(stream.documents) if scripts else {}
        parts = (_with_environment(node, environment) for node in scripts)
        # the APIs the whole workflow shows: `claude_args: --model opus` beside `uses: anthropics/claude-code-action`
        around = apis.contexts(text) if scripts else frozenset()
        read = partial(placed_commands, text=text, context=context, source=self.name, around=around)
        found = [r for script, spans in parts for r in read(script, parts=spans)]
        if stream.error is not None:
            raise stream.error.with_found(found)
        return found


# The variables a pipeline sets for its scripts: a GitHub workflow's, job's or step's `env:`, a SkyPilot task's `envs:`,
# GitLab CI's `variables:`. A script reads them as `$NAME`, and a GitHub one also as `${{ env.NAME }}`.
_ENVIRONMENT_KEYS = frozenset({"env", "envs", "variables"})
_ENV_EXPRESSION = re.compile(r"\$\{\{\s*env\.([A-Za-z_]\w*)\s*\}\}")
_SHELL_VARIABLE = re.compile(r"\$\{?([A-Za-z_]\w*)")
_PLAIN_VALUE = re.compile(r"[^\s'\"\\$`;&|<>(){}]+")  # a value a shell word holds as it is written


def _environment(documents: list[yaml.Node]) -> dict[str, yaml.ScalarNode]:
    """The variables a pipeline sets whose names say nothing of a model (`REPO_ID`, `RECURRENT_REPO_ID`; one named
    for a model is read where it is set, as config), by name: the scalar holding each plain value, the first set."""
    import yaml

    found: dict[str, yaml.ScalarNode] = {}
    seen: set[int] = set()
    for mapping in (mapping for document in documents for mapping in mappings(document, seen)):
        for key, value in mapping.value:
            if string(key) not in _ENVIRONMENT_KEYS or not isinstance(value, yaml.MappingNode):
                continue
            for name_node, item in value.value:
                name, text = string(name_node), string(item)
                if name and text and _PLAIN_VALUE.fullmatch(text) and _says_nothing(name):
                    found.setdefault(name, item)
    return found


def _says_nothing(name: str) -> bool:
    return not apis.holds_api(name) and named_kind(name) is None


def _with_environment(
    node: yaml.ScalarNode, environment: dict[str, yaml.ScalarNode]
) -> tuple[str, list[tuple[int, int]]]:
    """A script as its shell runs it: `${{ env.NAME }}` is `${NAME}`, and the variables of the pipeline it reads are
    set before it (`hf download $RECURRENT_REPO_ID`, the repository written under `env:`), each value placed where
    the file writes it."""
    script = _ENV_EXPRESSION.sub(r"${\1}", node.value)
    used = [name for name in dict.fromkeys(_SHELL_VARIABLE.findall(script)) if name in environment]
    values = [environment[name] for name in used]
    settings = "".join(f"{name}={value.value}\n" for name, value in zip(used, values, strict=True))
    spans = [(value.start_mark.index, value.end_mark.index) for value in values]
    return settings + script, [*spans, (node.start_mark.index, node.end_mark.index)]


def _is_pipeline(path: str) -> bool:
    """A GitHub workflow, also one kept aside in a folder below `.github/workflows` (`disabled/`), or GitLab's."""
    folder, _, name = path.rpartition("/")
    return ".github/workflows/" in f"/{folder}/" or (name == ".gitlab-ci.yml" and not folder)


def _scripts(document: yaml.Node, seen: set[int]) -> Iterator[yaml.ScalarNode]:
    """The strings under a script key of any mapping (`run: |`, `script: [a, b]`) or an action's arguments
    (`claude_args: --model opus`); a mapping's own keys only, so that
    a job merging an anchor (`<<: *setup`) does not read the anchor's script a second time."""
    import yaml

    for mapping in mappings(document, seen):
        for key, value in mapping.value:
            name = string(key)
            if name is not None and (name in _SCRIPT_KEYS or name.lower().endswith(_ARGUMENT_ENDINGS)):
                items = value.value if isinstance(value, yaml.SequenceNode) else [value]
                yield from (item for item in items if isinstance(item, yaml.ScalarNode) and string(item) is not None)


def _task(text: str) -> str | None:
    """Which cloud task file a YAML text is, by its top-level keys: SkyPilot's, dstack's, or None."""
    if _SKYPILOT_RUN.search(text) and _SKYPILOT_KEYS.search(text):
        return "skypilot"
    if _DSTACK_TYPE.search(text) and "\ncommands:" in f"\n{text}":
        return "dstack"
    return None


def _top_scripts(document: yaml.Node, keys: frozenset[str]) -> Iterator[yaml.ScalarNode]:
    """The strings under the script keys of a document's top-level mapping (`run: |`, `commands: [a, b]`)."""
    import yaml

    if not isinstance(document, yaml.MappingNode):
        return
    for key, value in document.value:
        if string(key) in keys:
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            yield from (item for item in items if isinstance(item, yaml.ScalarNode) and string(item) is not None)
