"""Benchmark: what a full offline scan costs before any file is parsed, against `grep -rIl from_pretrained` over the
same tree, so that the full scan's budget (3x grep) can be weighed against the part of it no parser can remove.

Each row is a fresh process, timed in turns with the others (one untimed round first, warm page cache):

- `python -c pass`: the interpreter's start;
- `empty folder`: `modelpolicy scan` of an empty folder: start, imports, policy, resolution and report;
- `parsers off`: the scan of the tree with every source's `find` returning nothing: the walk, the `grep` pre-filter,
  and reading the files it names (the sources' modules are still imported);
- `full scan`: the scan as `bench/scan_vs_grep.py` runs it.

Printed: each row's median wall and CPU time (its child processes included) and its ratio to grep's median wall.

    python bench/scan_floor.py [--tree DIR] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_tree import make_tree
from scan_vs_grep import timed

SCAN_OPTIONS = ("--offline", "--format", "json", "--policy", "research")


def parsers_off(arguments: list[str]) -> NoReturn:
    """Run the CLI with every discovery source finding nothing (the `--parsers-off` child)."""
    from modelpolicy import discover
    from modelpolicy.cli import run

    for route in discover.ROUTES:
        type(route.load()).find = _finds_nothing  # type: ignore[assignment,method-assign]
    sys.argv[1:] = arguments
    run()  # as the command ends: the same garbage collection and the same exit


def _finds_nothing(_source: object, _text: str, _context: object) -> list[object]:
    return []


def commands(tree: Path, empty: Path) -> dict[str, list[str]]:
    scan = [sys.executable, "-m", "modelpolicy", "scan"]
    return {
        "grep": ["grep", "-rIl", "from_pretrained", str(tree)],
        "python -c pass": [sys.executable, "-c", "pass"],
        "empty folder": [*scan, str(empty), *SCAN_OPTIONS],
        "parsers off": [sys.executable, __file__, "--parsers-off", "scan", str(tree), *SCAN_OPTIONS],
        "full scan": [*scan, str(tree), *SCAN_OPTIONS],
    }


def run(tree: Path, runs: int) -> None:
    with tempfile.TemporaryDirectory(prefix="modelpolicy-empty-") as empty:
        rows = commands(tree, Path(empty))
        walls: dict[str, list[float]] = {name: [] for name in rows}
        cpus: dict[str, list[float]] = {name: [] for name in rows}
        for round_ in range(runs + 1):
            for name, command in rows.items():
                wall, cpu, _ = timed(command)
                if round_:  # the first round warms the page cache and is not counted
                    walls[name].append(wall)
                    cpus[name].append(cpu)
    grep = statistics.median(walls["grep"])
    print(f"scan floor over {tree} ({runs} runs each, in turns, warm cache)")
    print(f"  {'':<16}{'wall median':>12}{'CPU median':>12}{'x grep':>9}")
    for name in rows:
        wall = statistics.median(walls[name])
        cpu = statistics.median(cpus[name])
        print(f"  {name:<16}{wall * 1000:>9.0f} ms{cpu * 1000:>9.0f} ms{wall / grep:>9.2f}")


def main() -> int:
    if sys.argv[1:2] == ["--parsers-off"]:
        return parsers_off(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", type=Path, help="scan this folder instead of generating the 10,000-file tree")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    if args.tree:
        run(args.tree, args.runs)
        return 0
    with tempfile.TemporaryDirectory(prefix="modelpolicy-bench-") as folder:
        make_tree(Path(folder) / "repo", 10_000, 100, references=500)
        run(Path(folder) / "repo", args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
