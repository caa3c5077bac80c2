"""Benchmark: resolving many distinct models from a Hub that answers each request after a fixed latency (budget: the
wall time is under 1.5 times the ideal, `models x latency / workers`).

The Hub is the test suite's local server (`tests/hub/server.py`) on 127.0.0.1, in a process of its own (as a remote
Hub would be: its threads do not compete with the client's), serving generated model cards; the real
`huggingface_hub` client asks it, through `HubResolver.prefetch`, with no cache, so every model is one request.

    python bench/hub_resolve.py [--models N] [--latency SECONDS] [--runs N]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.pop("HF_HUB_OFFLINE", None)
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Resolved
from modelpolicy.resolve import hub as hub_module
from modelpolicy.resolve.hub import HubResolver
from tests.hub.server import HubServer

BUDGET = 1.5


def generated_models(count: int) -> dict[str, dict[str, dict[str, object]]]:
    models: dict[str, dict[str, object]] = {}
    for number in range(count):
        repo = f"bench-org/model-{number:04d}"
        models[repo] = {
            "id": repo,
            "sha": hashlib.sha1(repo.encode()).hexdigest(),
            "cardData": {"license": "apache-2.0"},
            "tags": ["license:apache-2.0"],
            "gated": False,
        }
    return {"model": models, "dataset": {}}


def serve(count: int, latency: float) -> None:
    """The server side: print the endpoint, answer until standard input closes."""
    with HubServer(generated_models(count)) as server:
        server.delay("/api/models/", latency, times=None)
        print(server.endpoint, flush=True)
        sys.stdin.read()


def one_run(endpoint: str, models: list[str]) -> float:
    resolver = HubResolver(load_knowledge(), None, endpoint=endpoint)
    start = time.perf_counter()
    resolver.prefetch((Kind.MODEL, model, None) for model in models)
    elapsed = time.perf_counter() - start
    resolved = sum(isinstance(resolver.resolve(Kind.MODEL, model, None), Resolved) for model in models)
    if resolved != len(models):
        raise SystemExit(f"only {resolved} of {len(models)} models resolved")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.models, args.latency)
        return 0
    models = sorted(generated_models(args.models)["model"])
    ideal = args.models * args.latency / hub_module.WORKERS
    command = [sys.executable, __file__, "--serve", "--models", str(args.models), "--latency", str(args.latency)]
    with subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as server:
        assert server.stdout is not None and server.stdin is not None
        endpoint = server.stdout.readline().strip()
        one_run(endpoint, models[:10])  # import huggingface_hub first
        times = [one_run(endpoint, models) for _ in range(args.runs)]
        server.stdin.close()
    median = statistics.median(times)
    print(f"resolving {args.models} models, {args.latency * 1000:.0f} ms latency, {hub_module.WORKERS} workers")
    print(f"  wall median {median:.2f} s   min-max {min(times):.2f}-{max(times):.2f} s   ({args.runs} runs)")
    print(f"  ideal {ideal:.2f} s   ratio {median / ideal:.2f} (budget {BUDGET})")
    print("  within budget" if median / ideal < BUDGET else "  OVER BUDGET")
    return 0 if median / ideal < BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
