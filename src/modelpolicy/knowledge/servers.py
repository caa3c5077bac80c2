"""Model-server images: which server an image repository is, and which of its releases, and so which licence, a tag
stands for.

A tag names a release range: `1.0` every 1.0.x, `1` every 1.x, `3.0.1` that release. A floating tag (`latest`,
`nightly`, no tag at all) stands for the newest release the knowledge base knows, and is unpinned. A digest, a
`sha-` tag or a server's build tag pins a build whose release it does not say: its version is unknown, and every
licence the server ever had applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from modelpolicy.knowledge.globs import glob_union
from modelpolicy.knowledge.schema import ModelServer, ServerVersions

_PARTS = 4  # releases compare on this many numbers, missing ones read as 0: (1, 0) == (1, 0, 0)
DEFAULT_VERSION_TAG = r"^v?(?P<version>\d+(?:\.\d+){0,3})(?:[-+._].*)?$"
# Tags that pin a build by commit: `sha-7a1f3b2` (docker/metadata-action), a bare commit.
_COMMIT_TAG = re.compile(r"(?:sha-)?[0-9a-f]{7,64}", re.IGNORECASE)
# Docker Hub's names for itself, and its namespace of official images.
_HUB_PREFIXES = ("docker.io/", "index.docker.io/", "registry-1.docker.io/", "library/")
# Hosts of source code, no registry: `github.com/NVIDIA/TensorRT-LLM` is a repository's address, no image's.
_CODE_HOSTS = ("github.com/", "gitlab.com/", "bitbucket.org/", "huggingface.co/")


class Pin(StrEnum):
    RELEASE = "release"  # the tag names a release range
    FLOATING = "floating"  # `latest`, a channel, no tag: whatever is newest
    BUILD = "build"  # a digest or build tag: a fixed build of an unknown release


@dataclass(frozen=True)
class ImageName:
    """`registry/repository:tag@digest` as written, taken apart; the repository lower-cased."""

    repository: str
    tag: str | None = None
    digest: str | None = None

    @classmethod
    def parse(cls, reference: str) -> ImageName:
        name, _, digest = reference.strip().partition("@")
        head, _, tail = name.rpartition(":")
        repository, tag = (head, tail) if head and "/" not in tail else (name, None)
        return cls(repository.lower(), tag or None, digest or None)

    @property
    def text(self) -> str:
        tag = f":{self.tag}" if self.tag else ""
        digest = f"@{self.digest}" if self.digest else ""
        return f"{self.repository}{tag}{digest}"


@dataclass(frozen=True)
class Reading:
    """What a tag says of a server's releases: how it pins, the releases it may stand for and their licences."""

    pin: Pin
    versions: tuple[ServerVersions, ...]
    release: tuple[int, ...] | None = None  # the release range's start, as written


def normal_repository(repository: str) -> str:
    """A repository as the catalogue writes it: lower-cased, without Docker Hub's own names."""
    name = repository.strip().lower()
    for prefix in _HUB_PREFIXES:
        name = name.removeprefix(prefix)
    return name


def find_server(servers: tuple[ModelServer, ...], repository: str) -> ModelServer | None:
    """The server a repository is: the one that names it exactly first, so that a copy's wildcard in one server
    (vLLM's `*/vllm-openai`) does not take another's own build (`lmcache/vllm-openai`); else the first whose pattern
    matches. A private registry's mirror keeps Docker Hub's path after its host
    (`registry.example.com:5000/ollama/ollama`): when the whole name is no server's, the path is looked up."""
    name = normal_repository(repository)
    if name.startswith(_CODE_HOSTS):
        return None
    for candidate in (name, _hub_path(name)):
        if not candidate:
            continue
        exact = next((s for s in servers if candidate in s.images), None)
        found = exact or next((s for s in servers if glob_union(s.images)(candidate)), None)
        if found is not None:
            return found
    return None


def _hub_path(name: str) -> str:
    """The path after a registry host (a first part with a `.` or a port, or `localhost`); "" when there is none."""
    host, _, path = name.partition("/")
    is_host = "." in host or ":" in host or host == "localhost"
    return path if is_host and "/" in path else ""


def version_key(version: str, pattern: str = DEFAULT_VERSION_TAG) -> tuple[int, ...] | None:
    """The release a tag names, as written (`v1.4` -> (1, 4)); None for `latest`, `sha-...` and other non-versions."""
    match = _compiled(pattern).match(version.strip().lower())
    return tuple(int(part) for part in match.group("version").split(".")) if match else None


def read_tag(server: ModelServer, image: ImageName) -> Reading:
    """The releases an image's tag (or digest) stands for, and how firmly."""
    tag = image.tag or ""
    release = version_key(tag, server.version_tag or DEFAULT_VERSION_TAG) if tag else None
    if release is not None:
        low, high = _padded(release), _padded((*release[:-1], release[-1] + 1))
        return Reading(Pin.RELEASE, tuple(v for v in server.versions if _overlaps(v, low, high)), release)
    if image.digest or _COMMIT_TAG.fullmatch(tag) or glob_union(server.builds)(tag):
        return Reading(Pin.BUILD, server.versions)
    return Reading(Pin.FLOATING, _newest(server.versions))


def _overlaps(versions: ServerVersions, low: tuple[int, ...], high: tuple[int, ...]) -> bool:
    """Whether a licence's range [since, until) meets the tag's range [low, high)."""
    since = _padded(version_key(versions.since) or ()) if versions.since else None
    until = _padded(version_key(versions.until) or ()) if versions.until else None
    return (until is None or low < until) and (since is None or since < high)


def _newest(versions: tuple[ServerVersions, ...]) -> tuple[ServerVersions, ...]:
    """The range of the newest release: the open-ended one, else the one that starts last."""
    if not versions:
        return ()
    open_ended = [v for v in versions if not v.until]
    newest = max(open_ended or versions, key=lambda v: _padded(version_key(v.since) or ()))
    return (newest,)


def _padded(release: tuple[int, ...]) -> tuple[int, ...]:
    return (*release[:_PARTS], *(0,) * (_PARTS - len(release)))


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)
