"""Generate a realistic repository tree for the discovery benchmarks: seeded, so the same arguments give the same tree.

About N files (default 10,000) and 100 MB: Python packages, notebooks, YAML and JSON configs, shell scripts,
Dockerfiles, markdown, CSV and JSON data (some of it large, up to 1.5 MB), with about 500 model and dataset
references spread over the kinds of file that name them, and most files naming nothing.

    python bench/make_tree.py DIR [--files N] [--megabytes MB] [--references R] [--seed S] [--git]

Prints the number of files, bytes and planted references. Every planted reference is one the scan must find.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MODELS = (
    "bert-base-uncased",
    "gpt2",
    "distilbert-base-uncased",
    "roberta-base",
    "t5-small",
    "google/flan-t5-base",
    "meta-llama/Llama-2-7b-hf",
    "mistralai/Mistral-7B-v0.1",
    "openai/whisper-small",
    "sentence-transformers/all-MiniLM-L6-v2",
    "facebook/bart-large-cnn",
    "microsoft/deberta-v3-base",
    "EleutherAI/pythia-160m",
    "tiiuae/falcon-7b",
    "bigscience/bloom-560m",
    "Qwen/Qwen2-7B-Instruct",
    "acme-research/internal-classifier",
)
DATASETS = ("squad", "imdb", "glue", "wikitext", "openai/gsm8k", "tatsu-lab/alpaca", "acme-research/support-tickets")
APIS = ("gpt-4o", "gpt-3.5-turbo", "claude-3-5-sonnet-20240620")
WORDS = [
    "data",
    "value",
    "result",
    "index",
    "item",
    "config",
    "batch",
    "step",
    "total",
    "count",
    "name",
    "label",
    "score",
    "weight",
    "token",
    "input",
    "output",
    "record",
    "frame",
    "buffer",
    "cache",
    "query",
    "table",
    "column",
    "row",
    "field",
    "parser",
    "handler",
    "client",
    "server",
    "request",
    "response",
    "metric",
    "loss",
    "train",
    "eval",
    "split",
    "shard",
    "path",
    "file",
    "line",
    "chunk",
    "window",
    "offset",
    "limit",
]


@dataclass
class _Tree:
    root: Path
    rng: random.Random
    files: int = 0
    size: int = 0
    references: int = 0

    def write(self, relative: str, text: str, references: int = 0) -> None:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        path.write_bytes(data)
        self.files += 1
        self.size += len(data)
        self.references += references

    def word(self) -> str:
        return self.rng.choice(WORDS)

    def ident(self) -> str:
        return f"{self.word()}_{self.word()}"


# --- File bodies without references -------------------------------------------------------------------------------


def _python_module(tree: _Tree, target: int) -> str:
    rng = tree.rng
    parts = ['"""Utilities for the service."""\n', "from __future__ import annotations\n\n"]
    parts += [f"import {m}\n" for m in rng.sample(["os", "re", "json", "math", "typing", "logging", "pathlib"], 3)]
    parts.append("\n\n")
    size = sum(map(len, parts))
    while size < target:
        name, a, b = tree.ident(), *rng.sample(WORDS, 2)
        body = (
            f"def {name}({a}: int, {b}: str = {tree.word()!r}) -> dict[str, object]:\n"
            f'    """Return the {a} of each {b}."""\n'
            f"    result = {{}}\n"
            f"    for i in range({a}):\n"
            f"        result[f'{{{b}}}-{{i}}'] = i * {rng.randint(2, 99)}\n"
            f"    if len(result) > {rng.randint(10, 1000)}:\n"
            f"        raise ValueError('too many {a} values')\n"
            f"    return result\n\n\n"
        )
        parts.append(body)
        size += len(body)
    return "".join(parts)


def _markdown(tree: _Tree, target: int) -> str:
    parts = ["# Notes\n\n"]
    size = len(parts[0])
    while size < target:
        line = " ".join(tree.word() for _ in range(14)).capitalize() + ".\n\n"
        if tree.rng.random() < 0.1:
            line = f"## {tree.word().capitalize()}\n\n"
        parts.append(line)
        size += len(line)
    return "".join(parts)


def _csv(tree: _Tree, target: int) -> str:
    rng = tree.rng
    columns = [tree.word() for _ in range(8)]
    parts = [",".join(columns) + "\n"]
    size = len(parts[0])
    while size < target:
        row = ",".join(str(rng.randint(0, 10**6)) if i % 2 else tree.word() for i in range(8)) + "\n"
        parts.append(row)
        size += len(row)
    return "".join(parts)


def _json_data(tree: _Tree, target: int) -> str:
    rng = tree.rng
    records = []
    size = 2
    while size < target:
        record = {tree.word(): rng.randint(0, 1000), "label": tree.word(), "score": round(rng.random(), 4)}
        records.append(record)
        size += 60
    return json.dumps(records, indent=1)


def _yaml_plain(tree: _Tree) -> str:
    lines = [f"{tree.word()}:\n"]
    lines += [f"  {tree.ident()}: {tree.rng.randint(1, 512)}\n" for _ in range(tree.rng.randint(5, 60))]
    return "".join(lines)


def _shell_plain(tree: _Tree) -> str:
    lines = ["#!/usr/bin/env bash\n", "set -euo pipefail\n"]
    lines += [f"echo {tree.word()} >> {tree.word()}.log\n" for _ in range(tree.rng.randint(3, 40))]
    return "".join(lines)


def _dockerfile_plain(tree: _Tree) -> str:
    return (
        "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n"
        'RUN pip install -r requirements.txt\nCMD ["python", "main.py"]\n'
    )


def _notebook(cells: list[str]) -> str:
    document = {
        "cells": [
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c.splitlines(True)}
            for c in cells
        ],
        "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1) + "\n"


# --- Files with one reference each --------------------------------------------------------------------------------


def _python_call(tree: _Tree) -> str:
    rng = tree.rng
    model, dataset, api = rng.choice(MODELS), rng.choice(DATASETS), rng.choice(APIS)
    return rng.choice(
        [
            f"tokenizer = AutoTokenizer.from_pretrained({model!r})\n",
            f"classifier = pipeline('text-classification', model={model!r})\n",
            f"rows = load_dataset({dataset!r}, split='train')\n",
            f"weights = hf_hub_download(repo_id={model!r}, filename='config.json')\n",
            f"local = snapshot_download({model!r})\n",
            f"encoder = SentenceTransformer({model!r})\n",
            f"ranker = CrossEncoder({model!r})\n",
            f"reply = client.chat.completions.create(model={api!r}, messages=[])\n",
        ]
    )


def _python_reference(tree: _Tree, references: int) -> str:
    """A training or serving script: a module of helpers, then a function that loads what it uses."""
    calls = "".join(f"    {_python_call(tree)}" for _ in range(references))
    return _python_module(tree, tree.rng.randint(1000, 8000)) + f"\n\ndef load(client=None):\n{calls}"


def _notebook_reference(tree: _Tree) -> str:
    model = tree.rng.choice(MODELS)
    return _notebook(["import torch\n", f"model = AutoModel.from_pretrained({model!r})\n", "print(model)\n"])


def _yaml_reference(tree: _Tree) -> str:
    key = tree.rng.choice(["base_model", "model_name_or_path", "tokenizer_name", "dataset_name"])
    value = tree.rng.choice(DATASETS if key == "dataset_name" else MODELS)
    if "/" not in value:
        value = "acme-research/" + value
    return _yaml_plain(tree) + f"training:\n  {key}: {value}\n  epochs: 3\n"


def _json_reference(tree: _Tree) -> str:
    model = tree.rng.choice([m for m in MODELS if "/" in m])
    return json.dumps({"architecture": "encoder", "model_id": model, "batch": 32}, indent=2) + "\n"


def _shell_reference(tree: _Tree) -> str:
    model = tree.rng.choice([m for m in MODELS if "/" in m])
    command = tree.rng.choice(
        [f"python train.py --model_name_or_path {model}\n", f"huggingface-cli download {model}\n"]
    )
    return _shell_plain(tree) + command


def _dockerfile_reference(tree: _Tree) -> str:
    model = tree.rng.choice([m for m in MODELS if "/" in m])
    return _dockerfile_plain(tree) + f"RUN huggingface-cli download {model}\n"


# --- The tree -----------------------------------------------------------------------------------------------------

_REFERENCE_KINDS = (  # (share of the references, extension, body)
    (0.50, "py", _python_call),
    (0.10, "ipynb", _notebook_reference),
    (0.16, "yaml", _yaml_reference),
    (0.08, "json", _json_reference),
    (0.10, "sh", _shell_reference),
    (0.06, "Dockerfile", _dockerfile_reference),
)


def make_tree(root: Path, files: int = 10_000, megabytes: float = 100.0, references: int = 500, seed: int = 0) -> _Tree:
    """Write the tree under `root` (which must not hold a previous tree) and return what was written."""
    tree = _Tree(root, random.Random(seed))
    rng = tree.rng
    packages = [f"pkg{p:03d}/{tree.word()}" for p in range(max(1, files // 60))]

    def folder() -> str:
        return rng.choice(packages)

    # The references: one a file, but one to three in a Python script.
    for share, extension, body in _REFERENCE_KINDS:
        left, i = round(references * share), 0
        while left > 0:
            count = min(left, rng.randint(1, 3)) if extension == "py" else 1
            name = f"Dockerfile.{i}" if extension == "Dockerfile" else f"ref_{i}.{extension}"
            text = _python_reference(tree, count) if extension == "py" else body(tree)
            tree.write(f"{folder()}/{name}", text, references=count)
            left, i = left - count, i + 1
    # A few large data files, up to 1.5 MB, and then the many files that name nothing.
    large = max(1, files // 250)
    large_bytes = 0
    for i in range(large):
        size = rng.randint(300_000, 1_500_000)
        large_bytes += size
        name, text = (f"data_{i}.csv", _csv(tree, size)) if i % 2 else (f"data_{i}.json", _json_data(tree, size))
        tree.write(f"{folder()}/data/{name}", text)
    remaining = files - tree.files
    average = max(500, int((megabytes * 1_000_000 - tree.size) / max(1, remaining)))
    plain = (
        (0.50, "py", lambda: _python_module(tree, rng.randint(average // 4, average * 7 // 4))),
        (0.15, "md", lambda: _markdown(tree, rng.randint(average // 4, average * 7 // 4))),
        (0.13, "csv", lambda: _csv(tree, rng.randint(average // 4, average * 7 // 4))),
        (0.10, "json", lambda: _json_data(tree, rng.randint(average // 4, average * 7 // 4))),
        (0.06, "yaml", lambda: _yaml_plain(tree)),
        (0.03, "sh", lambda: _shell_plain(tree)),
        (0.02, "ipynb", lambda: _notebook(["import math\n", "print(math.pi)\n"])),
        (0.01, "Dockerfile", lambda: _dockerfile_plain(tree)),
    )
    weights = [share for share, _, _ in plain]
    for i in range(remaining):
        _, extension, body = rng.choices(plain, weights)[0]
        name = f"Dockerfile.plain{i}" if extension == "Dockerfile" else f"{tree.word()}_{i}.{extension}"
        tree.write(f"{folder()}/{name}", body())
    return tree


def git_commit(root: Path) -> None:
    """Make the tree a git repository with everything committed."""
    env = ["-c", "user.name=bench", "-c", "user.email=bench@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), *env, "commit", "-q", "-m", "bench tree"], check=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--megabytes", type=float, default=None, help="total size (default: 10 kB a file)")
    parser.add_argument("--references", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--git", action="store_true", help="git init the folder and commit the tree")
    args = parser.parse_args()
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} is not empty")
    megabytes = args.megabytes if args.megabytes is not None else args.files / 100
    tree = make_tree(args.folder, args.files, megabytes, args.references, args.seed)
    if args.git:
        git_commit(args.folder)
    print(f"{tree.files} files, {tree.size / 1e6:.1f} MB, {tree.references} references planted in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
