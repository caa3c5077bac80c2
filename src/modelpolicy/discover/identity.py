"""The one place that decides whether a string names a Hub repository, and splits off a revision."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The Hub's repo-id grammar: an optional owner, a name of letters, digits, '-', '_', '.', at most 96 characters,
# neither starting nor ending with '-' or '.', and no '--' or '..'.
_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_])?"
_REPO_ID = re.compile(rf"(?:{_PART}/)?{_PART}")
_FILE_SUFFIXES = (
    ".json",
    ".bin",
    ".safetensors",
    ".gguf",
    ".ggml",
    ".pt",
    ".pth",
    ".ckpt",
    ".onnx",
    ".txt",
    ".csv",
    ".parquet",
    ".jsonl",
    ".yaml",
    ".yml",
    ".zip",
    ".tar",
    ".gz",
    ".h5",
    ".model",
    ".py",
    ".arrow",
)
# Dataset builders that `datasets` ships: `load_dataset("json", ...)` reads local files, not a Hub dataset.
PACKAGED_BUILDERS = frozenset(
    {
        "json",
        "csv",
        "parquet",
        "text",
        "arrow",
        "pandas",
        "sql",
        "webdataset",
        "imagefolder",
        "audiofolder",
        "videofolder",
        "xml",
        "generator",
        "spark",
        "cache",
        "folder_based_builder",
        "hdf5",
        "lance",
        "pdffolder",
    }
)


@dataclass(frozen=True)
class HubId:
    id: str
    revision: str | None


def parse_hub_id(text: str) -> HubId | None:
    """`text` as a Hub repo id with an optional `@revision`, or None when it cannot be one."""
    candidate, _, revision = text.strip().partition("@")
    if not _REPO_ID.fullmatch(candidate) or "--" in candidate or ".." in candidate:
        return None
    if candidate.lower().endswith(_FILE_SUFFIXES):
        return None
    return HubId(candidate, revision or None)


def looks_like_path(text: str) -> bool:
    """Strings that name a file or folder on disk rather than a repository."""
    return text.startswith(("./", "../", "/", "~", ".\\")) or "\\" in text or text in {".", ".."}
