"""Generate a tree of large generated Kubernetes YAML, as operators ship it: seeded, so the same arguments give the
same tree.

`files` CustomResourceDefinitions (default 200) of 1 to 4 MB each: several versions of a deep openAPIV3Schema
(properties within properties, each with its type and description), none naming a model, an image or a server; and
a few Deployments that run a model server's image on a model, which the scan must find. A file over the scan's size
limit (2 MB) is listed as skipped and not read; one under it holds no marker word, so it costs a read and a test of
its bytes, never a parse.

    python bench/make_yaml_tree.py DIR [--files N] [--deployments D] [--seed S]

Prints the number of files, bytes and planted references.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

MIN_BYTES = 1024 * 1024
MAX_BYTES = 4 * 1024 * 1024
# No word here holds a marker of a source that reads YAML, and no two joined make one (`make_tree` checks the text).
WORDS = (
    "bucket",
    "cluster",
    "delay",
    "field",
    "gateway",
    "index",
    "interval",
    "key",
    "label",
    "limit",
    "name",
    "node",
    "path",
    "policy",
    "port",
    "priority",
    "queue",
    "ratio",
    "region",
    "replica",
    "rule",
    "scale",
    "selector",
    "shard",
    "size",
    "status",
    "target",
    "timeout",
    "value",
    "volume",
    "weight",
    "zone",
)
TYPES = ("string", "integer", "boolean", "number")
SERVERS = (
    ("ghcr.io/huggingface/text-generation-inference:2.0.4", "--model-id", "mistralai/Mistral-7B-v0.1"),
    ("vllm/vllm-openai:v0.5.0", "--model", "meta-llama/Llama-2-7b-hf"),
    ("ghcr.io/huggingface/text-embeddings-inference:1.2", "--model-id", "BAAI/bge-small-en-v1.5"),
)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 16))
    return " ".join(words).capitalize() + "."


def _schema(rng: random.Random, indent: int, depth: int, lines: list[str]) -> None:
    """An object's `properties`: one goes `depth` levels deeper (an object, or an array of objects), a few others a
    little deeper, the rest are scalars, as a CRD nests them."""
    pad = " " * indent
    lines.append(f"{pad}properties:")
    count = rng.randint(3, 7)
    deep = rng.randrange(count)
    for position in range(count):
        name = rng.choice(WORDS) + rng.choice(WORDS).capitalize()
        lines.append(f"{pad}  {name}:")
        lines.append(f"{pad}    description: {_sentence(rng)}")
        below = depth - 1 if position == deep else (depth // 3 if rng.random() < 0.15 else 0)
        if below <= 0:
            lines.append(f"{pad}    type: {rng.choice(TYPES)}")
        elif rng.random() < 0.8:
            lines.append(f"{pad}    type: object")
            _schema(rng, indent + 4, below, lines)
        else:
            lines.append(f"{pad}    type: array")
            lines.append(f"{pad}    items:")
            lines.append(f"{pad}      type: object")
            _schema(rng, indent + 6, below, lines)


def _version_block(rng: random.Random) -> str:
    """One version's schema body (about 100 to 300 KB), indented as it stands under `openAPIV3Schema:`."""
    lines: list[str] = ["          type: object"]
    while sum(map(len, lines)) < 100 * 1024:
        _schema(rng, 10, rng.randint(10, 30), lines)
        lines.append("          required:")
        lines.append(f"          - {rng.choice(WORDS)}")
    return "\n".join(lines) + "\n"


def _crd(number: int, size: int, blocks: list[str], rng: random.Random) -> str:
    parts = [
        "apiVersion: apiextensions.k8s.io/v1\n"
        "kind: CustomResourceDefinition\n"
        "metadata:\n"
        f"  name: widgets{number}.example.org\n"
        "spec:\n"
        "  group: example.org\n"
        "  names:\n"
        f"    kind: Widget{number}\n"
        f"    plural: widgets{number}\n"
        "  scope: Namespaced\n"
        "  versions:\n"
    ]
    written = len(parts[0])
    version = 0
    while written < size:
        block = rng.choice(blocks)
        head = (
            f"  - name: v1beta{version}\n"
            "    served: true\n"
            f"    storage: {'true' if version == 0 else 'false'}\n"
            "    schema:\n"
            "      openAPIV3Schema:\n"
            "        type: object\n"
            "        properties:\n"
            "          spec:\n"
        )
        parts += [head, block]
        written += len(head) + len(block)
        version += 1
    return "".join(parts)


def _deployment(number: int, image: str, flag: str, model: str) -> str:
    return (
        "apiVersion: apps/v1\n"
        "kind: Deployment\n"
        "metadata:\n"
        f"  name: server-{number}\n"
        "spec:\n"
        "  replicas: 1\n"
        "  template:\n"
        "    spec:\n"
        "      containers:\n"
        "      - name: server\n"
        f"        image: {image}\n"
        f"        args: [{flag}, {model}, --port, '8080']\n"
    )


def _check_unmarked(blocks: list[str]) -> None:
    """The schemas must hold no marker word: the tree measures what a file that names nothing costs."""
    from modelpolicy.discover.config import ConfigSource
    from modelpolicy.discover.containers import ContainerSource

    for block in blocks:
        data = block.encode()
        for markers in (ConfigSource.markers, ContainerSource.markers):
            if markers is not None and markers.admit(data, "crd.yaml"):
                raise SystemExit("make_yaml_tree: a generated schema holds a marker word; change WORDS")


def make_yaml_tree(root: Path, files: int = 200, deployments: int = 6, seed: int = 0) -> tuple[int, int, int]:
    """Write the tree; (files, bytes, planted references)."""
    rng = random.Random(seed)
    blocks = [_version_block(rng) for _ in range(8)]
    _check_unmarked(blocks)
    written = 0
    for number in range(files):
        folder = root / "config" / "crd" / f"group{number % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        text = _crd(number, rng.randint(MIN_BYTES, MAX_BYTES), blocks, rng)
        (folder / f"widgets{number}.yaml").write_text(text, encoding="utf-8")
        written += len(text)
    folder = root / "deploy"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(deployments):
        text = _deployment(number, *SERVERS[number % len(SERVERS)])
        (folder / f"server-{number}.yaml").write_text(text, encoding="utf-8")
        written += len(text)
    return files + deployments, written, 2 * deployments


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--deployments", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    files, written, references = make_yaml_tree(args.root, args.files, args.deployments, args.seed)
    print(f"{files} files, {written / 1e6:.1f} MB, {references} planted references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
