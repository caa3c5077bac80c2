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


def output(root: Path, what: str, *args: str, check: bool = True, drop: str = "") -> bytes:
    """The standard output of `git ARGS` in `root`, for the option `what` names (`--since REF`, `--policy-from REF`).
    With `check`, any failure is a ModelpolicyError naming the option and the folder, ending with `drop` (what else
    the user can do); without it, a git that ran and failed gives b"". git missing or broken is always an error."""
    from modelpolicy.errors import ModelpolicyError

    try:
        done = git(root, *args)
    except FileNotFoundError as error:
        raise ModelpolicyError(f"{what} needs git, which is not installed; install it{drop}") from error
    except (OSError, subprocess.SubprocessError) as error:
        raise ModelpolicyError(f"{what}: git {args[0]} failed in {root}: {error}") from error
    if done.returncode == 0:
        return done.stdout
    if not check:
        return b""
    if b"not a git repository" in done.stderr:
        raise ModelpolicyError(f"{what}: {root} is not in a git work tree; scan a git checkout{drop}")
    cause = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
    raise ModelpolicyError(f"{what}: git {args[0]} failed in {root}: {cause[0]}")
