"""Benchmark: loading the whole knowledge base, as the pre-commit hook does on every commit (budget: 30 ms).

Each sample runs in a fresh interpreter that has imported modelpolicy's shared types (`modelpolicy.model`, which
every command imports before it needs licence facts) and then pays what the knowledge base costs: the import of
`modelpolicy.knowledge`, the JSON parse, the validation and the indexing. The cold figure (the shared types
included) is printed beside it.

    python bench/knowledge_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

BUDGET_MS = 30.0
_PROBE = (
    "import time; t0 = time.perf_counter(); import modelpolicy.model; t = time.perf_counter(); "
    "from modelpolicy.knowledge import load; kb = load(); end = time.perf_counter(); "
    "print((end - t) * 1000, (end - t0) * 1000, len(kb.families), len(kb.artefacts))"
)


def sample() -> tuple[float, float, int, int]:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    millis, cold, families, artefacts = out.split()
    return float(millis), float(cold), int(families), int(artefacts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    samples = [sample() for _ in range(runs)]
    times = [s[0] for s in samples]
    median = statistics.median(times)
    cold = statistics.median(s[1] for s in samples)
    _, _, families, artefacts = samples[0]
    print(f"knowledge-base load ({families} families, {artefacts} artefacts), {runs} fresh processes")
    print(f"  median {median:.1f} ms  min {min(times):.1f} ms  max {max(times):.1f} ms  budget {BUDGET_MS:.0f} ms")
    print(f"  cold, with the shared types' import: median {cold:.1f} ms")
    print("  within budget" if median < BUDGET_MS else "  OVER BUDGET")
    return 0 if median < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
