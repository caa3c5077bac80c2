"""Benchmark: single files built to find super-linear time in a reader (issue 20, M1), each against the time Python's
own parser takes on the same bytes.

Each case writes one file into a folder of its own and times what modelpolicy does with it: the discovery of the
folder (every source, as `modelpolicy scan` runs it, without resolution or report) for scanned files, the policy load
for a policy file. Its reference is the parse Python itself makes of the same bytes: `ast.parse` for Python,
`json.loads` for a notebook, `tomllib.loads` for a policy. The ratio is the case's time over its reference's. Each
case runs at its full size and at a tenth of it: `growth` is the time's growth for the tenfold input, 10 when linear.
Times are processor times of this process (everything runs in it), so that other work on the machine counts less.

    python bench/pathological.py [--runs N] [--cases NAME,...] [--scale F]

Prints one row per case: input, seconds, reference, ratio, budget, within/over. `figures(runs)` gives the same rows to
`bench/run.py`.
"""

from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

# --- the inputs ---------------------------------------------------------------------------------------------------


def notebook(cells: int, output_bytes: int = 0) -> str:
    """`cells` code cells of a few lines, every tenth loading a model; each with a text output of `output_bytes`."""
    listed = []
    for index in range(cells):
        source = [f"value_{index} = compute({index})\n", f"print(value_{index})\n"]
        if index % 10 == 0:
            source.append(f'model_{index} = AutoModel.from_pretrained("org/model-{index}")\n')
        outputs = [{"name": "stdout", "output_type": "stream", "text": ["x" * output_bytes]}] if output_bytes else []
        listed.append(
            {"cell_type": "code", "execution_count": index, "metadata": {}, "outputs": outputs, "source": source}
        )
    document = {
        "cells": listed,
        "metadata": {"kernelspec": {"name": "python3", "language": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1) + "\n"


def constants(megabytes: float) -> str:
    """Module constants named for a model, each holding an id: about `megabytes` of them."""
    lines = []
    size = 0
    index = 0
    while size < megabytes * 1_000_000:
        line = f'MODEL_{index} = "org/model-{index}"\n'
        lines.append(line)
        size += len(line)
        index += 1
    return "".join(lines)


def loader_calls(calls: int) -> str:
    """`calls` loader calls, one a line, each with a literal id."""
    lines = ["from transformers import AutoModel\n\n"]
    lines += [f'model_{index} = AutoModel.from_pretrained("org/model-{index}")\n' for index in range(calls)]
    return "".join(lines)


def except_handlers(handlers: int) -> str:
    """One `try` with `handlers` handlers, each setting the model a loader after it reads."""
    lines = ["try:\n", "    import accelerate\n"]
    for index in range(handlers):
        lines += [f"except Error{index}:\n", f'    model_id = "org/model-{index}"\n']
    lines.append("model = AutoModel.from_pretrained(model_id)\n")
    return "".join(lines)


def policy(exceptions: int) -> str:
    """A policy file of `exceptions` exceptions."""
    parts = ['extends = "commercial"\n']
    for index in range(exceptions):
        parts.append(
            f'\n[[exception]]\nid = "org/model-{index}"\nreason = "approved by legal, ticket {index}"\n'
            f'approved_by = "someone@example.com"\nexpires = 2099-01-31\n'
        )
    return "".join(parts)


# --- the cases ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    filename: str
    make: Callable[[float], str]  # the file's text at a scale (1 = the full case)
    reference: Callable[[str], object]  # Python's own parse of the text
    budget: float | None  # the largest ratio to the reference allowed; None: linear growth only


def _scan(folder: Path) -> None:
    from modelpolicy.discover import discover

    discover(folder, [folder])


def _load_policy(folder: Path) -> None:
    from modelpolicy.policy.load import load_repository_policy

    load_repository_policy(folder, folder)


CASES = (
    Case("notebook, 16,000 cells", "cells.ipynb", lambda s: notebook(int(16_000 * s)), json.loads, None),
    Case("notebook, 19 MB", "large.ipynb", lambda s: notebook(int(33_000 * s), 300), json.loads, None),
    Case("Python, 2 MB of constants", "settings.py", lambda s: constants(2 * s), ast.parse, None),
    Case("Python, 20,000 loader calls", "load.py", lambda s: loader_calls(int(20_000 * s)), ast.parse, 10.0),
    Case("Python, 12,000 except handlers", "fallback.py", lambda s: except_handlers(int(12_000 * s)), ast.parse, None),
    Case("policy, 100,000 exceptions", ".modelpolicy.toml", lambda s: policy(int(100_000 * s)), tomllib.loads, None),
)
LINEAR_GROWTH = 15.0  # the most a tenfold input may multiply the time by to count as linear (10 is exactly linear)


@dataclass(frozen=True)
class Row:
    name: str
    megabytes: float
    seconds: float
    reference: float
    growth: float  # the time's growth from a tenth of the input to all of it
    budget: str
    within: bool

    @property
    def ratio(self) -> float:
        return self.seconds / self.reference if self.reference else float("inf")


def _median_time(action: Callable[[], object], runs: int) -> float:
    """The median processor time of `runs` runs: on a machine shared with other work, wall time measures the others
    as much as the case (everything here runs in this process)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
    return statistics.median(times)


def _timed(case: Case, scale: float, runs: int) -> tuple[float, float, int]:
    """The case's time and its reference's at `scale`, and the file's size."""
    with tempfile.TemporaryDirectory(prefix="modelpolicy-pathological-") as name:
        folder = Path(name)
        text = case.make(scale)
        (folder / case.filename).write_text(text, encoding="utf-8")
        read = _load_policy if case.filename.endswith(".toml") else _scan
        seconds = _median_time(lambda: read(folder), runs)
        reference = _median_time(lambda: case.reference(text), runs)
        return seconds, reference, len(text.encode())


def measure(case: Case, runs: int, scale: float = 1.0) -> Row:
    _timed(case, scale / 100, 1)  # imports and first-call costs, out of the small input's time
    small, _, _ = _timed(case, scale / 10, runs)
    seconds, reference, size = _timed(case, scale, runs)
    growth = seconds / small if small else float("inf")
    linear = growth < LINEAR_GROWTH
    if case.budget is None:
        budget, within = f"linear (growth < {LINEAR_GROWTH:.0f} for 10x)", linear
    else:
        budget = f"linear, < {case.budget:.0f}x reference"
        within = linear and seconds / reference < case.budget
    return Row(case.name, size / 1e6, seconds, reference, growth, budget, within)


def figures(runs: int, names: tuple[str, ...] = (), scale: float = 1.0) -> list[Row]:
    """One row per case (those named, or all)."""
    return [measure(case, runs, scale) for case in CASES if not names or case.name in names]


def table(rows: list[Row]) -> list[str]:
    lines = [
        "| input | size | CPU seconds | reference | ratio | growth for 10x input | budget | result |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.name} | {row.megabytes:.1f} MB | {row.seconds:.2f} s | {row.reference:.3f} s | {row.ratio:.1f} | "
            f"{row.growth:.1f} | {row.budget} | {'within' if row.within else '**OVER**'} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cases", default="", help="comma-separated case names (default: all)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size")
    args = parser.parse_args()
    names = tuple(name.strip() for name in args.cases.split(",") if name.strip())
    rows = []
    print("\n".join(table([])))
    for case in CASES:
        if names and not any(name.lower() in case.name.lower() for name in names):
            continue
        rows.append(measure(case, args.runs, args.scale))
        print(table(rows)[-1], flush=True)
    return 0 if all(row.within for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
