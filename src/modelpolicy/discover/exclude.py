"""Paths a repository asks the scan to leave out (`exclude` in the policy, `--exclude` on the command line), written
as `.gitignore` lines are, relative to the repository's root.

A pattern without a `/` but at its end matches a file or folder of that name at any depth (`fixtures`, `*.ipynb`);
one with a `/` elsewhere is anchored at the root (`tests/data/*.yaml`, `/vendor`); a trailing `/` matches folders
only; `*` and `?` stay within one name, `**` crosses folders, `[...]` is a class. A folder excluded excludes what
it holds. `!` (re-inclusion) is not supported: a pattern starting with it is refused where the policy is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Exclusion:
    patterns: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def excludes(self, relative: str) -> bool:
        """Whether the file at `relative` (`/`-separated, from the root), or a folder holding it, is excluded."""
        parts = relative.split("/")
        for depth in range(1, len(parts) + 1):
            path, folder = "/".join(parts[:depth]), depth < len(parts)
            if any(_matches(pattern, path, folder) for pattern in self.patterns):
                return True
        return False


def _matches(pattern: str, path: str, folder: bool) -> bool:
    regex, folders_only = _compiled(pattern)
    return (folder or not folders_only) and regex.fullmatch(path) is not None


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> tuple[re.Pattern[str], bool]:
    folders_only = pattern.endswith("/")
    body = pattern.strip("/") if folders_only else pattern
    anchored = "/" in body or pattern.startswith("/")
    body = body.lstrip("/")
    return re.compile(("" if anchored else "(?:.*/)?") + glob_regex(body)), folders_only


def glob_regex(glob: str) -> str:
    """A path glob as a regular expression: `**/` any folders (or none), `**` anything, `*` and `?` within one name,
    `[...]` a class (`[!...]` its complement)."""
    out, index = [], 0
    while index < len(glob):
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
        elif glob.startswith("**", index):
            out.append(".*")
            index += 2
        elif glob[index] == "*":
            out.append("[^/]*")
            index += 1
        elif glob[index] == "?":
            out.append("[^/]")
            index += 1
        elif glob[index] == "[" and "]" in glob[index + 1 :]:
            end = glob.index("]", index + 1)
            out.append("[" + glob[index + 1 : end].replace("!", "^", 1) + "]")
            index = end + 1
        else:
            out.append(re.escape(glob[index]))
            index += 1
    return "".join(out)
