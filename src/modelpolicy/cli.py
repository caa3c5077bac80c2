"""The command line: parse arguments, run a command, map the outcome to an exit code. Nothing else lives here.

Exit codes: 0 the policy holds; 1 the policy is broken; 2 bad input or usage; 3 an artefact could not be
resolved and the policy does not allow unknowns; 4 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from modelpolicy import __version__

if TYPE_CHECKING:
    from modelpolicy.resolve.interface import Resolver

EXIT_USAGE = 2
EXIT_BUG = 4
EXIT_INTERRUPTED = 130
TTL_ENV = "MODELPOLICY_CACHE_TTL_HOURS"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="modelpolicy",
        description="Check the licences of the models, datasets, hosted APIs and model servers a repository "
        "uses against its policy.",
        epilog="Exit codes: 0 policy holds, 1 policy broken, 2 bad input or usage, "
        "3 unresolvable artefacts where unknowns are not allowed, 4 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"modelpolicy {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    scan = commands.add_parser("scan", help="find the artefacts a repository uses and check them against a policy")
    scan.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path()],
        metavar="PATH",
        help="folders or files to scan (default: .)",
    )
    scan.add_argument(
        "--policy",
        default="commercial",
        metavar="NAME|FILE",
        help="a preset (research, internal, commercial, saas, permissive) or a policy file (default: commercial)",
    )
    scan.add_argument("--format", choices=("text", "json"), default="text", help="report format (default: text)")
    scan.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    scan.add_argument(
        "--offline",
        action="store_true",
        help="make no network call: resolve from the bundled knowledge and the caches only (also HF_HUB_OFFLINE=1)",
    )
    scan.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where the Hub's answers are kept (default: $MODELPOLICY_CACHE_DIR, else ~/.cache/modelpolicy)",
    )
    scan.add_argument(
        "--cache-ttl",
        type=_hours,
        metavar="HOURS",
        help="how long an answer about a branch (main...) stays fresh (default: $MODELPOLICY_CACHE_TTL_HOURS, else 24)",
    )
    scan.add_argument(
        "--refresh",
        action="store_true",
        help="ask the Hub again for branches (main...) even when cached answers are fresh",
    )
    explain = commands.add_parser("explain", help="show the terms of a licence or artefact and what policies decide")
    explain.add_argument(
        "subject",
        metavar="ID-or-LICENCE",
        help="a licence id (llama2), a Hub id (org/name), an API model (gpt-4o) or a server image",
    )
    explain.add_argument("--policy", metavar="NAME|FILE", help="only this policy (default: every preset)")
    return parser


def _run_explain(args: argparse.Namespace) -> int:
    from modelpolicy.explain import explain

    sys.stdout.write(explain(args.subject, args.policy))
    return 0


def _run_scan(args: argparse.Namespace) -> int:
    from modelpolicy.policy import load_policy
    from modelpolicy.report import FORMATS
    from modelpolicy.scan import exit_code, scan

    policy = load_policy(args.policy)
    report = scan(list(args.paths), policy, (_hub(args),))
    color = args.output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    rendered = FORMATS[args.format](report, color=color)
    if args.output is None:
        sys.stdout.write(rendered)
    else:
        _write_atomically(args.output, rendered)
    return exit_code(report)


def _hub(args: argparse.Namespace) -> Resolver:
    from modelpolicy.errors import ModelpolicyError
    from modelpolicy.knowledge import load as load_knowledge
    from modelpolicy.resolve.cache import ResolutionCache, default_cache_dir
    from modelpolicy.resolve.hub import HubResolver

    offline = args.offline or os.environ.get("HF_HUB_OFFLINE", "").upper() in {"1", "ON", "YES", "TRUE"}
    ttl_hours = args.cache_ttl
    if ttl_hours is None:
        try:
            ttl_hours = _hours(os.environ.get(TTL_ENV) or "24")
        except argparse.ArgumentTypeError as error:
            raise ModelpolicyError(f"{TTL_ENV}: {error}; set it to a number or unset it") from error
    cache = ResolutionCache(args.cache_dir or default_cache_dir(), ttl_seconds=ttl_hours * 3600, refresh=args.refresh)
    progress = sys.stderr if sys.stderr.isatty() else None
    return HubResolver(load_knowledge(), cache, offline=offline, progress=progress)


def _hours(text: str) -> float:
    """A number of hours, for --cache-ttl and MODELPOLICY_CACHE_TTL_HOURS."""
    try:
        hours = float(text)
    except ValueError:
        hours = -1.0
    if not hours >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of hours such as 24 or 0.5, got {text!r}")
    return hours


def _write_atomically(path: Path, text: str) -> None:
    from modelpolicy.errors import ModelpolicyError

    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ModelpolicyError(f"cannot write the report: {error.strerror}", path=str(path)) from error


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from modelpolicy.errors import ModelpolicyError

    try:
        return _run_explain(args) if args.command == "explain" else _run_scan(args)
    except ModelpolicyError as error:
        print(f"modelpolicy: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("modelpolicy: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the one boundary for bugs: a short message, not a traceback
        print(
            f"modelpolicy: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in modelpolicy; please report it with the command you ran.",
            file=sys.stderr,
        )
        return EXIT_BUG
