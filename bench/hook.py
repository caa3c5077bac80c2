"""Benchmark: `pre-commit run modelpolicy` on one file of a repository with 200 locked artefacts (budget: 0.3 s of wall
time beyond pre-commit's own overhead).

It generates the repository and its lockfile as `bench/locked_scan.py` does, installs this checkout as a hook
repository the way tests/test_hook.py does (a snapshot commit of the working tree; pip offline, from wheels rebuilt
from this environment), then times, in turns, `pre-commit run HOOK --files ONE_FILE` for:

- `trivial`, a `language: system` hook whose entry is `true`, on the same file: pre-commit's own overhead;
- `modelpolicy` and `modelpolicy-lock`, this repository's hooks.

It prints the median and minimum of each and the difference from the trivial hook against the budget; it asserts
nothing. Installing the hook environment (once) is not timed.

    python bench/hook.py [--artefacts N] [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.locked_scan import BUDGET_SECONDS, make_repository, write_lockfile
from tests import hookenv

HOOKS = ("trivial", "modelpolicy", "modelpolicy-lock")


def configure(folder: Path, source: Path, revision: str) -> None:
    """The consumer's config, staged (pre-commit refuses to run with an unstaged one)."""
    config = f"""\
repos:
- repo: {source}
  rev: {revision}
  hooks:
  - id: modelpolicy
  - id: modelpolicy-lock
- repo: local
  hooks:
  - id: trivial
    name: trivial
    entry: "true"
    language: system
"""
    (folder / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", ".pre-commit-config.yaml"], check=True)


def time_hooks(folder: Path, changed: Path, environment: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Each hook `runs` times, in turns so that a slow moment of the machine falls on all of them alike."""
    times: dict[str, list[float]] = {hook: [] for hook in HOOKS}
    for _ in range(runs + 1):  # the first round warms the file-system cache and is not counted
        for hook in HOOKS:
            start = time.perf_counter()
            done = hookenv.pre_commit("run", hook, "--files", changed.name, cwd=folder, env=environment)
            times[hook].append(time.perf_counter() - start)
            if done.returncode != 0:
                raise SystemExit(f"pre-commit run {hook} exited {done.returncode}:\n{done.stdout}")
    return {hook: measured[1:] for hook, measured in times.items()}


def show(label: str, times: list[float], reference: list[float] | None = None) -> None:
    """A line of figures; with `reference` (the trivial hook's times), what this hook adds to pre-commit's own
    overhead, median against median and minimum against minimum, and the median's verdict against the budget."""
    median, least = statistics.median(times), min(times)
    line = f"{label:<38} median {median * 1000:6.1f} ms  min {least * 1000:6.1f} ms"
    if reference is not None:
        beyond, least_beyond = median - statistics.median(reference), least - min(reference)
        verdict = "within" if beyond <= BUDGET_SECONDS else "OVER"
        line += f"  beyond pre-commit: median {beyond * 1000:5.1f} ms, min {least_beyond * 1000:5.1f} ms"
        line += f" ({verdict} the {BUDGET_SECONDS:.1f} s budget)"
    print(line)


def prepare(top: Path, artefacts: int) -> tuple[Path, Path, dict[str, str]]:
    """The generated repository with its config and lockfile staged, its one file to time, and the environment
    pre-commit runs in, the hook environment installed."""
    folders = {name: top / name for name in ("source", "wheels", "home", "repository")}
    for folder in folders.values():
        folder.mkdir()
    revision = hookenv.snapshot(hookenv.REPO, folders["source"])
    hookenv.wheelhouse(hookenv.needed_to_install(hookenv.REPO / "pyproject.toml"), folders["wheels"])
    environment = hookenv.environment(folders["home"], folders["wheels"])
    repository = folders["repository"]
    changed = make_repository(repository, artefacts)
    entries = write_lockfile(repository, artefacts)
    subprocess.run(["git", "-C", str(repository), "add", "modelpolicy.lock"], check=True)
    configure(repository, folders["source"], revision)
    start = time.perf_counter()
    done = hookenv.pre_commit("install-hooks", cwd=repository, env=environment)
    if done.returncode != 0:
        raise SystemExit(f"pre-commit install-hooks failed:\n{done.stdout}")
    print(f"hook environment installed in {time.perf_counter() - start:.1f} s (not counted)")
    print(f"{artefacts} artefacts, {entries} lockfile entries; the one file: {changed.name}")
    return repository, changed, environment


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artefacts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="modelpolicy-bench-hook-") as temporary:
        repository, changed, environment = prepare(Path(temporary), args.artefacts)
        times = time_hooks(repository, changed, environment, args.runs)
    print(f"{args.runs} runs each, in turns")
    show("pre-commit run trivial (entry: true)", times["trivial"])
    show("pre-commit run modelpolicy", times["modelpolicy"], times["trivial"])
    show("pre-commit run modelpolicy-lock", times["modelpolicy-lock"], times["trivial"])


if __name__ == "__main__":
    main()
