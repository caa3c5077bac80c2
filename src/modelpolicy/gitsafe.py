"""git, run on a tree the scan does not trust: nothing in the tree's configuration or attributes may run a command.

A scanned folder's `.git` (a folder, or a `.git` file pointing anywhere, the tree included) can set `core.fsmonitor`
(a command git runs to list changed files), filters (`filter.<name>.clean` / `.process`, which `.gitattributes`
applies when git reads a work-tree file), `diff.external`, textconv drivers and hooks. Every git process the scan
starts goes through `git()`: the options below win over any configuration file, the environment cannot point git at
another repository, and the commands used only read objects, the index and ignore files (`ls-files`, `ls-tree`,
`cat-file` without `--filters`, `rev-parse`, `merge-base`): none of them reads a work-tree file through a filter.
Comparing a work-tree file with a commit is done by our own code (`since.py`), never by `git diff`.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Each `-c` beats every configuration file git reads, the repository's own and any it includes.
_NEUTRAL = (
    *("-c", "core.fsmonitor=false"),
    *("-c", "core.hooksPath=/dev/null"),
    *("-c", "core.pager=cat"),
    *("-c", "core.quotepath=off"),
    *("-c", "core.untrackedCache=false"),
    *("-c", "diff.external="),
    *("-c", "protocol.allow=never"),
)
_STRIPPED = ("GIT_", "LANGUAGE")  # GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_CONFIG_*, GIT_EXTERNAL_DIFF, ...
_ENVIRONMENT = {"LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}


def git(root: Path | str, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """Run `git ARGS` in `root` with every command hook of the tree's configuration off. Raises OSError when git
    is missing, subprocess.TimeoutExpired past `timeout`; the caller reads the return code."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(_STRIPPED)}
    environment.update(_ENVIRONMENT)
    return subprocess.run(
        ["git", *_NEUTRAL, *args],
        cwd=root,
        capture_output=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        check=False,
    )
