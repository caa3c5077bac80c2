"""CI pipelines: the shell a GitHub Actions workflow's steps `run:` (`.github/workflows/*.yml`) and a GitLab CI job's
`script:`, `before_script:` and `after_script:` (`.gitlab-ci.yml`), read by the shell source, each reference placed
where its text is written in the YAML file.

A source decides what it reads by a file's name alone (`interface.Source.wants`), and a workflow is told by its
folder: this one takes every YAML file and reads only those two.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from modelpolicy.discover.config import MAX_DEPTH
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.shell import ShellSource, placed_commands
from modelpolicy.discover.yamldoc import compose
from modelpolicy.model import Reference

if TYPE_CHECKING:
    import yaml

_SCRIPT_KEYS = ("run", "script", "before_script", "after_script")
_STRING = "tag:yaml.org,2002:str"


class WorkflowSource:
    name = "workflow"
    stems: frozenset[str] = frozenset()
    markers = ShellSource.markers  # the scripts are shell: the shell's words, spelled as a shell may spell them

    def wants(self, path: str) -> bool:
        return path.lower().endswith((".yml", ".yaml"))

    def find(self, text: str, context: FileContext) -> list[Reference]:
        if not _is_pipeline(context.path):
            return []
        scripts = [node for document in compose(text) for node in _scripts(document, set(), 0)]
        parts = ((node.value, [(node.start_mark.index, node.end_mark.index)]) for node in scripts)
        return [r for script, spans in parts for r in placed_commands(script, text, spans, context, self.name)]


def _is_pipeline(path: str) -> bool:
    folder, _, name = path.rpartition("/")
    return folder.endswith(".github/workflows") or (name == ".gitlab-ci.yml" and not folder)


def _scripts(node: yaml.Node, seen: set[int], depth: int) -> Iterator[yaml.ScalarNode]:
    """The strings under a script key (`run: |`, `script: [a, b]`), each collection visited once (an alias bomb
    stays linear) and no deeper than the config source goes."""
    import yaml

    if isinstance(node, yaml.ScalarNode) or id(node) in seen or depth > MAX_DEPTH:
        return
    seen.add(id(node))
    pairs = node.value if isinstance(node, yaml.MappingNode) else [(None, child) for child in node.value]
    for key, value in pairs:
        if key is not None and getattr(key, "value", None) in _SCRIPT_KEYS:
            items = value.value if isinstance(value, yaml.SequenceNode) else [value]
            yield from (item for item in items if isinstance(item, yaml.ScalarNode) and item.tag == _STRING)
        else:
            yield from _scripts(value, seen, depth + 1)
