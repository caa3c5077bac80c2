"""Benchmark: `modelpolicy scan --locked` as the pre-commit hook runs it (budget: 0.3 s of wall time for a one-file
change in a repository of 200 artefacts).

It generates a git repository of 200 Hub models named in Python files (two a file), each a fine-tune of a base
model and trained on a dataset the lockfile also holds, writes its lockfile directly (no network), and times the
installed entry point as a subprocess with the repository as its working directory: one changed file, then the
whole repository. It prints the figures and asserts nothing.

    python bench/locked_scan.py [--artefacts N] [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from modelpolicy import lockfile
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Parent, Resolved, Terms, TrainingData, Weights

BUDGET_SECONDS = 0.3
PER_FILE = 2
LICENSES = ("apache-2.0", "mit", "llama2", "cc-by-sa-4.0", "openrail")
BASES = ("mistralai/Mistral-7B-v0.1", "meta-llama/Llama-2-13b-hf", "bench-org/base-7b")
DATASETS = ("tatsu-lab/alpaca", "allenai/c4", "bench-org/instructions")
ENTRY_POINT = Path(sys.executable).parent / "modelpolicy"


def model_id(number: int) -> str:
    return f"bench-org/model-{number:04d}"


def make_repository(folder: Path, count: int) -> Path:
    """`count` models in `count / PER_FILE` files, committed; returns the first file."""
    for start in range(0, count, PER_FILE):
        lines = ["from transformers import AutoModelForCausalLM\n\n"]
        lines += [
            f'model_{n} = AutoModelForCausalLM.from_pretrained("{model_id(n)}")\n'
            for n in range(start, min(start + PER_FILE, count))
        ]
        (folder / f"module_{start // PER_FILE:03d}.py").write_text("".join(lines), encoding="utf-8")
    git = ["git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "generated"]):
        subprocess.run([*git, *command], check=True)
    return folder / "module_000.py"


def entry(kind: Kind, artefact_id: str, license_id: str, parents: tuple[Parent, ...] = ()) -> lockfile.Entry:
    sha = hashlib.sha1(artefact_id.encode()).hexdigest()
    terms = Terms(
        license_id,
        Weights.OPEN,
        TrainingData.AVAILABLE,
        f"Hugging Face Hub (main = {sha[:12]})",
        parents=parents,
        revision=sha,
    )
    digest = lockfile.digest(license_id, load_knowledge())
    return lockfile.Entry(kind, artefact_id, None, Resolved(terms), digest, "2026-11-23T00:00:00Z")


def write_lockfile(folder: Path, count: int) -> int:
    entries = [entry(Kind.MODEL, base, "apache-2.0") for base in BASES]
    entries += [entry(Kind.DATASET, dataset, "cc-by-4.0") for dataset in DATASETS]
    for n in range(count):
        parents = (
            Parent(Kind.MODEL, BASES[n % len(BASES)], "finetune"),
            Parent(Kind.DATASET, DATASETS[n % len(DATASETS)], "dataset"),
        )
        entries.append(entry(Kind.MODEL, model_id(n), LICENSES[n % len(LICENSES)], parents))
    lockfile.write(folder / lockfile.FILENAME, entries)
    return len(entries)


def timed(command: list[str], cwd: Path, runs: int) -> list[float]:
    env = {k: v for k, v in os.environ.items() if k not in {"HF_HUB_OFFLINE", "HF_TOKEN"}}
    subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)  # warm the file-system cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode()}")
    return times


def report(label: str, times: list[float], budget: float | None = None) -> None:
    median = statistics.median(times)
    verdict = "" if budget is None else f"  ({'within' if median <= budget else 'OVER'} the {budget:.1f} s budget)"
    print(f"{label:<44} median {median * 1000:7.1f} ms  min {min(times) * 1000:7.1f} ms{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artefacts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="modelpolicy-bench-") as temporary:
        folder = Path(temporary)
        changed = make_repository(folder, args.artefacts)
        entries = write_lockfile(folder, args.artefacts)
        size = (folder / lockfile.FILENAME).stat().st_size
        print(f"{args.artefacts} artefacts, {entries} lockfile entries ({size / 1024:.0f} KiB), {args.runs} runs each")
        report("python -c pass", timed([sys.executable, "-c", "pass"], folder, args.runs))
        report("modelpolicy --version", timed([str(ENTRY_POINT), "--version"], folder, args.runs))
        one = [str(ENTRY_POINT), "scan", "--locked", changed.name]
        report(f"scan --locked {changed.name} (one file)", timed(one, folder, args.runs), BUDGET_SECONDS)
        whole = [str(ENTRY_POINT), "scan", "--locked", "."]
        report("scan --locked . (whole repository)", timed(whole, folder, args.runs))


if __name__ == "__main__":
    main()
