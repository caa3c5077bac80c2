"""open_clip's pretrained weights, by architecture and tag: `open_clip.create_model_and_transforms("ViT-B-32",
pretrained="laion2b_s34b_b79k")` downloads the Hub repository `laion/CLIP-ViT-B-32-laion2B-s34B-b79K`.

The facts (which repository a tag names) are data, in `open_clip_tags.toml` beside this module, read the first time
a file calls one of open_clip's `create_model*` loaders. open_clip reads a tag lower-cased with `-` as `_`, and an
architecture's `-quickgelu` variant (`ViT-B-32-quickgelu`) from the same weights. A tag it does not list
(`pretrained="/path/to/ckpt.pt"`, a URL) names no repository here.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def _pretrained() -> dict[str, dict[str, str]]:
    import tomllib

    with Path(__file__).with_name("open_clip_tags.toml").open("rb") as table:
        return tomllib.load(table)


def short_names(architecture: str | None = None) -> tuple[tuple[str, str], ...]:
    """The architectures open_clip lists weights for, each as itself; or, given one, its tags and their repositories:
    what a parameter's owner-less default may be (`def __init__(self, arch="ViT-H-14", version="laion2b_s32b_b79k")`).
    """
    if architecture is None:
        return tuple((name, name) for name in _pretrained())
    return tuple(_pretrained().get(architecture.removesuffix("-quickgelu"), {}).items())


def pretrained_repository(architecture: str, tag: str) -> str | None:
    """The Hub repository open_clip downloads for `architecture` and its `tag`, or None when it lists none."""
    tags = _pretrained().get(architecture.removesuffix("-quickgelu"))
    return tags.get(tag.lower().replace("-", "_")) if tags else None
