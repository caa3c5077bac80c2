"""Score discovery against labels of real repositories that people wrote by reading them.

    python bench/realworld/score.py SNAPSHOTS_DIR [--repo NAME] [--details] [--modelpolicy CMD]

SNAPSHOTS_DIR holds one work tree per labelled repository, named `owner__name` (`extract.py` lays them out from the
`fetch` tool's snapshots, at the commit each labels file names). Each labels file (`labels/owner__name.tsv`) says
which files it covers and lists every reference in them: (path, line, kind, id, required).

A scan finds (file, kind, id) pairs. Recall: the share of required pairs it finds. Precision: the share of the pairs
it finds in covered files that a label names, required or optional (optional labels are prose, examples in help
text, outputs pushed to the Hub: finding them is no error, missing them no miss). Ids are compared as the labels
write them: Hub ids case-insensitively, API model names without a provider prefix, images without tag or digest,
Ollama tags without `:latest`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from modelpolicy.discover.exclude import glob_regex

LABELS = Path(__file__).parent / "labels"
Pair = tuple[str, str, str]  # (path, kind, normalised id)
# `models/`, a Bedrock ARN's `arn:aws:bedrock:REGION:ACCOUNT:foundation-model/`, a route (`openai/`, `bedrock/`) before
# the last segment, a route written as a scheme (RamaLama's `openai://`), or a `provider:` prefix (promptfoo's with the
# endpoint after it: `anthropic:messages:`, `openai:chat:`); never the `:0` that ends a Bedrock id
# (`meta.llama3-8b-instruct-v1:0`): a provider's name holds no dot and a name follows it; nor the variant OpenRouter
# writes after a name (`claude-3.7-sonnet:thinking`, `deepseek-r1:free`), which is part of the name.
_VARIANT = r"(?:free|beta|thinking|extended|nitro|floor|online|exacto)$"
_API_PREFIX = re.compile(
    r"^(?:models/|arn:aws[^/]*:bedrock:[^/]*/|[a-z0-9_.-]+/(?=[^/]+$)|[a-z0-9_-]+://(?=[a-z][^/]*$)|[a-z0-9_-]+:(?:(?:chat|completion|messages|embeddings?|responses):)?(?=[a-z][^/]*$)(?!"
    + _VARIANT
    + "))",
    re.IGNORECASE,
)


@dataclass
class Labels:
    repo: str
    sha: str
    covered: list[re.Pattern[str]]
    required: dict[Pair, int] = field(default_factory=dict)  # pair -> a line it stands on
    optional: dict[Pair, int] = field(default_factory=dict)

    def covers(self, path: str) -> bool:
        return any(pattern.fullmatch(path) for pattern in self.covered)


def glob_pattern(glob: str) -> re.Pattern[str]:
    """A covered-files glob, matched against the whole path, as the scanner's `exclude` patterns are read."""
    return re.compile(glob_regex(glob))


def normalise(kind: str, artefact_id: str) -> str:
    text = artefact_id.strip()
    if kind == "image":
        text = text.split("@", 1)[0]
        name, _, tag = text.rpartition(":")
        if name and "/" not in tag:
            text = name
        text = text.lower().removeprefix("docker.io/").removeprefix("library/")
    elif kind == "api":
        text = _API_PREFIX.sub("", text.lower())
    elif kind == "ollama":
        text = text.lower().removesuffix(":latest")
    else:
        text = text.lower()
    return text


def read_labels(path: Path) -> Labels:
    header: dict[str, str] = {}
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            header[key.strip()] = value.strip()
        elif line.strip() and not line.startswith("path\t"):
            rows.append(line.split("\t"))
    labels = Labels(header["repo"], header["sha"], [glob_pattern(g) for g in header["covered"].split()])
    for row in rows:
        file, number, kind, artefact_id, required = row[:5]
        pair = (file, kind, normalise(kind, artefact_id))
        target = labels.required if required == "yes" else labels.optional
        target.setdefault(pair, int(number))
    for pair in labels.required:
        labels.optional.pop(pair, None)
    return labels


def scan(tree: Path, command: list[str]) -> dict[Pair, int]:
    """The (file, kind, id) pairs a scan of `tree` finds, each with a line it stands on."""
    done = subprocess.run(
        [*command, "scan", ".", "--offline", "--policy", "research", "--format", "json"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode not in (0, 1, 3):
        sys.exit(f"{tree}: the scan exited {done.returncode}: {done.stderr.strip()[-500:]}")
    found: dict[Pair, int] = {}
    for artefact in json.loads(done.stdout)["artefacts"]:
        kind = artefact["kind"]
        for reference in artefact["references"]:
            found.setdefault((reference["path"], kind, normalise(kind, artefact["id"])), reference["line"])
    return found


@dataclass
class Score:
    required: int = 0
    hits: int = 0
    found: int = 0
    true: int = 0

    def add(self, other: Score) -> None:
        self.required += other.required
        self.hits += other.hits
        self.found += other.found
        self.true += other.true

    @property
    def recall(self) -> float:
        return self.hits / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        return self.true / self.found if self.found else 1.0


def score(labels: Labels, found: dict[Pair, int]) -> tuple[dict[str, Score], list[str], list[str]]:
    """Scores per kind, the misses and the false positives, each as `path:line kind id`."""
    by_kind: dict[str, Score] = {}
    misses, false = [], []
    for pair, line in labels.required.items():
        kind = by_kind.setdefault(pair[1], Score())
        kind.required += 1
        if pair in found:
            kind.hits += 1
        else:
            misses.append(f"{pair[0]}:{line} {pair[1]} {pair[2]}")
    for pair, line in found.items():
        if not labels.covers(pair[0]):
            continue
        kind = by_kind.setdefault(pair[1], Score())
        kind.found += 1
        if pair in labels.required or pair in labels.optional:
            kind.true += 1
        else:
            false.append(f"{pair[0]}:{line} {pair[1]} {pair[2]}")
    return by_kind, sorted(misses), sorted(false)


def table(rows: Iterable[tuple[str, Score]]) -> list[str]:
    lines = ["| | required | found | recall | reported | false | precision |", "|---|---|---|---|---|---|---|"]
    for name, s in rows:
        cells = (name, s.required, s.hits, f"{s.recall:.2f}", s.found, s.found - s.true, f"{s.precision:.2f}")
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("snapshots", type=Path)
    parser.add_argument("--repo", action="append", help="score only these (owner__name); repeatable")
    parser.add_argument("--details", action="store_true", help="list every miss and false positive")
    parser.add_argument("--modelpolicy", default=f"{sys.executable} -m modelpolicy", help="the command to run")
    parser.add_argument(
        "--labels", type=Path, default=LABELS, help="the folder of labels files (default: labels/; held-out: heldout/)"
    )
    args = parser.parse_args(argv)
    command = args.modelpolicy.split()
    total, kinds = Score(), dict[str, Score]()
    rows: list[tuple[str, Score]] = []
    details: list[str] = []
    for path in sorted(args.labels.glob("*.tsv")):
        name = path.stem
        tree = args.snapshots / name
        if (args.repo and name not in args.repo) or not tree.is_dir():
            continue
        labels = read_labels(path)
        by_kind, misses, false = score(labels, scan(tree, command))
        repo = Score()
        for kind, s in by_kind.items():
            repo.add(s)
            kinds.setdefault(kind, Score()).add(s)
        total.add(repo)
        rows.append((labels.repo, repo))
        details += [f"{labels.repo}: miss {m}" for m in misses] + [f"{labels.repo}: false {f}" for f in false]
    if not rows:
        print(f"no labelled snapshot under {args.snapshots}; lay them out with bench/realworld/extract.py")
        return 2
    print("\n".join(table([*rows, ("**all**", total)])))
    print()
    print("\n".join(table(sorted(kinds.items()))))
    counts = Counter(line.split(": ", 1)[1].split(" ", 1)[0] for line in details)
    print(f"\n{counts['miss']} misses, {counts['false']} false positives")
    if args.details:
        print("\n".join(details))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
