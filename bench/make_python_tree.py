"""Generate a tree of large Python modules: seeded, so the same arguments give the same tree.

`files` modules (default 7,000) of about 11 KB, each a few hundred small functions, in packages of 50; `loaders` of
them (default 500) hold, among those functions, one that loads a model by its literal id, which the scan must find.
The other modules hold no marker word: what they cost is a read and a test of their bytes, and what a module with a
loader costs should follow the statements that name it, not the module's size.

    python bench/make_python_tree.py DIR [--files N] [--loaders L] [--seed S]

Prints the number of files, bytes and planted references.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

TARGET_BYTES = 11 * 1024
PACKAGE_FILES = 50
MODELS = (
    "bert-base-uncased",
    "google-bert/bert-base-cased",
    "distilbert/distilroberta-base",
    "FacebookAI/roberta-base",
    "sentence-transformers/all-MiniLM-L6-v2",
    "microsoft/deberta-v3-base",
    "EleutherAI/pythia-160m",
    "Qwen/Qwen2-0.5B",
    "acme-research/internal-classifier",
)
LOADERS = (
    ("transformers", "AutoModel"),
    ("transformers", "AutoTokenizer"),
    ("transformers", "AutoModelForSequenceClassification"),
)
# Small functions of the kinds a utility module is made of: no name here holds a marker word.
BODIES = (
    "def f{n}(x):\n    return x + {n}\n",
    "def g{n}(x, y={n}):\n    return x * y - {n}\n",
    "def h{n}(items):\n    return [item for item in items if item > {n}]\n",
    "def k{n}(text):\n    return text.strip().split(',')[{m}]\n",
    "def q{n}(a, b):\n    if a > b:\n        return a - {n}\n    return b + {n}\n",
)


def _module(rng: random.Random, loader: tuple[str, str, str] | None) -> str:
    """About `TARGET_BYTES` of small functions; with a `loader` (package, class, id), one of them calls it."""
    parts: list[str] = ['"""Helpers."""\n\n']
    if loader is not None:
        package, name, _ = loader
        parts.insert(1, f"from {package} import {name}\n\n")
    size = sum(map(len, parts))
    number = 0
    while size < TARGET_BYTES:
        part = "\n\n" + rng.choice(BODIES).format(n=number, m=number % 4)
        parts.append(part)
        size += len(part)
        number += 1
    if loader is not None:
        _, name, model = loader
        call = f'\n\ndef load_{number}():\n    return {name}.from_pretrained("{model}")\n'
        parts.insert(rng.randint(2, len(parts)), call)
    return "".join(parts)


def make_python_tree(root: Path, files: int = 7000, loaders: int = 500, seed: int = 0) -> tuple[int, int, int]:
    """Write the tree; (files, bytes, planted references)."""
    rng = random.Random(seed)
    with_loader = set(rng.sample(range(files), min(loaders, files)))
    written = 0
    for number in range(files):
        folder = root / "src" / f"package{number // PACKAGE_FILES:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        loader = None
        if number in with_loader:
            package, name = rng.choice(LOADERS)
            loader = (package, name, rng.choice(MODELS))
        text = _module(rng, loader)
        (folder / f"module{number % PACKAGE_FILES:02d}.py").write_text(text, encoding="utf-8")
        written += len(text)
    return files, written, len(with_loader)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--files", type=int, default=7000)
    parser.add_argument("--loaders", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    files, written, references = make_python_tree(args.root, args.files, args.loaders, args.seed)
    print(f"{files} files, {written / 1e6:.1f} MB, {references} planted references")
    return 0


if __name__ == "__main__":
    sys.exit(main())
