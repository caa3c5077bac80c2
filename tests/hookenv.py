"""What pre-commit needs to install this checkout as a hook repository with no package index.

pre-commit clones a hook repository at a commit, makes a virtualenv and runs `pip install .` in it, which needs the
build backend and our dependencies from an index. Tests (and `bench/hook.py`) must not reach one, so:

- `snapshot` commits the working tree as it is (tracked and untracked files, not ignored ones) into a repository of
  its own, so the hook is the code under test, uncommitted changes included;
- `wheelhouse` rebuilds, from this environment's installed distributions, the wheels pip would have downloaded: each
  distribution's files as its RECORD lists them, tagged as its WHEEL file says, with a fresh RECORD of hashes;
- `environment` points pip at that folder with `PIP_NO_INDEX`, and everything else at temporary folders.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parents[1]
IDENTITY = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.com",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.com",
}
# Written by the installer, not part of the wheel (PEP 376, PEP 610); RECORD is written afresh.
_INSTALLER_FILES = frozenset({"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"})


def snapshot(source: Path, folder: Path) -> str:
    """Copy the files git would see in `source`'s work tree (tracked and untracked, not ignored, not deleted) into
    `folder`, commit them there, and return the commit."""
    listed = subprocess.run(
        ["git", "-C", str(source), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (source / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / name, folder / name)
    git = ["git", "-C", str(folder)]
    environment = {**os.environ, **IDENTITY}
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "--no-verify", "-m", "snapshot"]):
        subprocess.run([*git, *command], check=True, env=environment)
    return subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()


def needed_to_install(pyproject: Path) -> list[str]:
    """The requirements `pip install .` resolves for the project: its build backend and its dependencies."""
    document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return [*document["build-system"]["requires"], *document["project"]["dependencies"]]


def closure(requirements: Iterable[str]) -> set[str]:
    """The normalised names of the installed distributions `requirements` need, recursively, as pip would pick them
    here: a requirement whose marker is false in this environment (for the extras asked for) is left out."""
    found: set[str] = set()
    todo = [(text, frozenset[str]()) for text in requirements]
    seen: set[tuple[str, frozenset[str]]] = set()
    while todo:
        text, extras = todo.pop()
        requirement = Requirement(text)
        marker = requirement.marker
        if (text, extras) in seen or (marker and not any(marker.evaluate({"extra": e}) for e in extras or {""})):
            continue
        seen.add((text, extras))
        found.add(_normalised(requirement.name))
        needs = importlib.metadata.requires(requirement.name) or []
        todo += [(need, frozenset(requirement.extras)) for need in needs]
    return found


def wheelhouse(requirements: Iterable[str], folder: Path) -> list[Path]:
    """A wheel in `folder` for each installed distribution `requirements` need."""
    return [repack(importlib.metadata.distribution(name), folder) for name in sorted(closure(requirements))]


def repack(distribution: importlib.metadata.Distribution, folder: Path) -> Path:
    """The wheel `distribution` was installed from, near enough for pip: the files its RECORD lists under its
    installation folder (console scripts outside it are generated again from `entry_points.txt`), without byte code
    or the installer's own files, and a RECORD of their hashes."""
    files = [
        f
        for f in distribution.files or ()
        if f.parts[0] != ".." and "__pycache__" not in f.parts and not _is_installer_file(f.parts)
    ]
    info = next(f.parts[0] for f in files if f.parts[0].endswith(".dist-info"))
    name = _normalised(distribution.metadata["Name"]).replace("-", "_")
    wheel = folder / f"{name}-{distribution.version}-{wheel_tag(distribution.read_text('WHEEL') or '')}.whl"
    record = []
    with ZipFile(wheel, "w", ZIP_DEFLATED) as archive:
        for file in files:
            data = Path(str(file.locate())).read_bytes()
            archive.writestr(file.as_posix(), data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{file.as_posix()},sha256={digest},{len(data)}\n")
        archive.writestr(f"{info}/RECORD", "".join([*record, f"{info}/RECORD,,\n"]))
    return wheel


def wheel_tag(wheel_metadata: str) -> str:
    """The compressed tag set of a wheel's file name from its WHEEL file's `Tag:` lines: `py2-none-any` and
    `py3-none-any` make `py2.py3-none-any`."""
    tags = [line.split(":", 1)[1].strip().split("-") for line in wheel_metadata.splitlines() if line.startswith("Tag:")]
    if not tags:
        raise ValueError("the WHEEL file has no Tag: line")
    return "-".join(".".join(dict.fromkeys(tag[part] for tag in tags)) for part in range(3))


def environment(home: Path, wheels: Path) -> dict[str, str]:
    """This process's environment for pre-commit and git: every cache and config under `home`, pip offline with
    `wheels`, virtualenv told not to look for newer seed packages, a fixed git identity."""
    dropped = {"VIRTUAL_ENV", "PYTHONPATH", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "HF_TOKEN", "MODELPOLICY_CACHE_DIR"}
    return {
        **{key: value for key, value in os.environ.items() if key not in dropped},
        **IDENTITY,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "HF_HOME": str(home / ".cache" / "huggingface"),
        "HF_HUB_OFFLINE": "1",
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "PRE_COMMIT_COLOR": "never",
        "GIT_CONFIG_NOSYSTEM": "1",
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheels),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "VIRTUALENV_NO_DOWNLOAD": "1",
    }


def pre_commit(*args: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the pre-commit of this environment, its output (stdout and stderr, in order) in `stdout`."""
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        check=False,
    )


def _is_installer_file(parts: tuple[str, ...]) -> bool:
    return len(parts) == 2 and parts[0].endswith(".dist-info") and parts[1] in _INSTALLER_FILES


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
