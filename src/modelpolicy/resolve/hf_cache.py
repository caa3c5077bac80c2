"""Terms from the local Hugging Face cache: the card of a model or dataset already downloaded, read offline.

`huggingface_hub` keeps a repository's files under `<cache>/models--<org>--<name>/snapshots/<sha>/` (datasets under
`datasets--...`), with `refs/<branch>` holding the sha a branch pointed at when it was downloaded. The cache is
`HF_HUB_CACHE`, else `HF_HOME/hub`, else `XDG_CACHE_HOME/huggingface/hub`, else `~/.cache/huggingface/hub`, as
`huggingface_hub` itself decides. Nothing here imports `huggingface_hub` or reaches the network.
"""

from __future__ import annotations

import os
from pathlib import Path

from modelpolicy.discover.identity import parse_hub_id
from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolution
from modelpolicy.resolve.cache import COMMIT_SHA, user_cache_home
from modelpolicy.resolve.card import card_terms, front_matter

_FOLDER_KIND = {Kind.MODEL: "models", Kind.DATASET: "datasets"}
_MAX_CARD_BYTES = 1024 * 1024


def hub_cache() -> Path:
    for name in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        if os.environ.get(name):
            return Path(os.environ[name]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    return user_cache_home() / "huggingface" / "hub"


class LocalHubCacheResolver:
    name = "local Hugging Face cache"

    def __init__(self, cache: Path | None = None, knowledge: KnowledgeBase | None = None) -> None:
        self.cache = cache or hub_cache()
        self.knowledge = knowledge or load_knowledge()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        """The terms in the cached card at `revision` (a sha, or a branch or tag the cache recorded; default main);
        None when that snapshot or its card is not in the cache, or the card cannot be read."""
        hub_id = parse_hub_id(artefact_id)
        if kind not in _FOLDER_KIND or hub_id is None or hub_id.revision is not None:
            return None
        repository = self.cache / f"{_FOLDER_KIND[kind]}--{artefact_id.replace('/', '--')}"
        sha = _snapshot(repository, revision or "main")
        readme = repository / "snapshots" / sha / "README.md" if sha else None
        text = _read_card(readme) if readme else None
        card = front_matter(text) if text is not None else None
        if card is None or sha is None:
            return None
        return card_terms(kind, card, (), f"{self.name} (snapshot {sha[:12]})", self.knowledge, revision=sha)


def cached_ids(kind: Kind, cache: Path | None = None) -> tuple[str, ...]:
    """The ids of the models (or datasets) the local Hugging Face cache holds, from its folder names."""
    prefix = f"{_FOLDER_KIND[kind]}--"
    try:
        names = [entry.name for entry in (cache or hub_cache()).iterdir() if entry.name.startswith(prefix)]
    except OSError:
        return ()
    return tuple(name.removeprefix(prefix).replace("--", "/", 1) for name in names)


def _snapshot(repository: Path, revision: str) -> str | None:
    if COMMIT_SHA.fullmatch(revision):
        return revision
    if ".." in revision or revision.startswith("/"):
        return None
    try:
        sha = (repository / "refs" / revision).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    return sha if COMMIT_SHA.fullmatch(sha) else None


def _read_card(path: Path) -> str | None:
    try:
        with path.open("rb") as stream:
            data = stream.read(_MAX_CARD_BYTES)
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
