"""The command line: parse arguments, run a command, map the outcome to an exit code. Nothing else lives here.

Exit codes: 0 the policy holds; 1 the policy is broken; 2 bad input or usage; 3 an artefact could not be
resolved and the policy does not allow unknowns; 4 an internal error (a bug: please report it); 130 interrupted.
"""

from __future__ import annotations

import os
import sys

from modelpolicy import __version__

# `typing` and `collections.abc` cost `--version` more than the rest of its start-up: the names they hold here are
# for the type checker only, which reads this constant as it reads `typing.TYPE_CHECKING`.
TYPE_CHECKING = False
if TYPE_CHECKING:  # argparse and pathlib load with the parser: `--version` answers without them
    import argparse
    from collections.abc import Callable, Sequence
    from pathlib import Path
    from typing import NoReturn

    from modelpolicy.policy import Policy
    from modelpolicy.report import Report
    from modelpolicy.resolve.cache import ResolutionCache
    from modelpolicy.resolve.interface import Resolver

EXIT_USAGE = 2
EXIT_BUG = 4
EXIT_INTERRUPTED = 130
TTL_ENV = "MODELPOLICY_CACHE_TTL_HOURS"
DEADLINE_ENV = "MODELPOLICY_NETWORK_DEADLINE"  # as `resolve.hub` names it: checked here without importing it
_CACHES: list[ResolutionCache] = []  # opened by `_hub`: closed before the process ends (`run`)


def _parser_class() -> type[argparse.ArgumentParser]:
    """argparse's parser with abbreviations refused (`--offlin` is no `--offline`) and a did-you-mean on an
    unknown option."""
    import argparse

    class Parser(argparse.ArgumentParser):
        def __init__(self, *args: object, **kwargs: object) -> None:
            kwargs["allow_abbrev"] = False
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

        def _get_formatter(self) -> argparse.HelpFormatter:
            """argparse makes a formatter for every argument added (to check its metavar), and each asked the
            terminal for its size (58 times a run, 1.5 ms): asked once, the width as `HelpFormatter` takes it."""
            return self.formatter_class(prog=self.prog, width=_help_width())  # type: ignore[call-arg]

        def error(self, message: str) -> NoReturn:
            import difflib  # only for a did-you-mean: not on every run's path

            parsers = [
                self,
                *(p for a in self._actions if isinstance(a, argparse._SubParsersAction) for p in a.choices.values()),
            ]
            known = [option for parser in parsers for action in parser._actions for option in action.option_strings]
            unknown = message.partition("unrecognized arguments: ")[2].split()
            close = [difflib.get_close_matches(word, known, n=1, cutoff=0.6) for word in unknown if word[:1] == "-"]
            hints = [f"did you mean {found[0]}?" for found in close if found]
            super().error("; ".join([message, *hints]))

    return Parser


def _help_width() -> int:
    if not _HELP_WIDTH:
        import shutil

        _HELP_WIDTH.append(shutil.get_terminal_size().columns - 2)  # as `argparse.HelpFormatter` reads it
    return _HELP_WIDTH[0]


_HELP_WIDTH: list[int] = []


def _cache_translations() -> None:
    """argparse asks gettext for the same three messages for every parser and sub-parser it builds, and gettext looks
    for catalogue files on every call: 28 calls, about 10 ms of every run (the hook's too). A message's translation
    does not change within a process."""
    import argparse
    import functools

    translate = getattr(argparse, "_", None)
    if callable(translate) and not hasattr(translate, "cache_info"):
        setattr(argparse, "_", functools.cache(translate))  # noqa: B010 (argparse's private name, not in its stubs)


def _parser() -> argparse.ArgumentParser:
    from pathlib import Path

    _cache_translations()
    parser = _parser_class()(
        prog="modelpolicy",
        description="Check the licences of the models, datasets, hosted APIs and model servers a repository "
        "uses against its policy.",
        epilog="Exit codes: 0 policy holds, 1 policy broken, 2 bad input or usage, "
        "3 unresolvable artefacts where unknowns are not allowed, 4 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"modelpolicy {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, parser_class=_parser_class())
    scanning = _scanning()  # one parent for scan, lock and notice: each parser argparse builds costs a millisecond
    scan = commands.add_parser(
        "scan", parents=[scanning], help="find the artefacts a repository uses and check them against a policy"
    )
    from modelpolicy.report import FORMATS

    scan.add_argument(
        "--format",
        type=_formats,
        default=("text",),
        metavar="FORMAT[,FORMAT...]",
        help=f"report format: {', '.join(FORMATS)} (default: text); several, comma-separated, with --output-dir",
    )
    scan.add_argument("--output", type=Path, metavar="FILE", help="write the report to FILE instead of stdout")
    scan.add_argument(
        "--output-dir",
        type=Path,
        metavar="DIR",
        help="write each format's report to DIR/modelpolicy.<ext> (json, sarif, md, txt...), from one scan",
    )
    scan.add_argument(
        "--wide",
        action="store_true",
        help="text format: show every column, however wide the terminal (by default the table fits its width)",
    )
    scan.add_argument(
        "--locked",
        action="store_true",
        help="resolve from modelpolicy.lock and the bundled knowledge only: no network, no cache; an artefact "
        "missing from the lockfile fails (what the pre-commit hook runs)",
    )
    scan.add_argument(
        "--since",
        metavar="REF",
        help="fail only for artefacts whose references were added since the git REF; report the rest as before",
    )
    scan.add_argument(
        "--policy-from",
        metavar="REF",
        help="judge under the policy as it was at the git REF (a pull request's base), not the one in the work "
        "tree: a change cannot loosen the policy it is judged by",
    )
    scan.add_argument(
        "--fail-on",
        choices=("fail", "warn", "never"),
        default="fail",
        help="exit 1 on failures (fail, the default), on warnings too (warn), or never: report only (never)",
    )
    lock = commands.add_parser(
        "lock", parents=[scanning], help="resolve every artefact and write modelpolicy.lock, or --check it"
    )
    mode = lock.add_mutually_exclusive_group()
    mode.add_argument(
        "--check",
        action="store_true",
        help="resolve again against the Hub and report drift from modelpolicy.lock; exit 1 when a verdict changes",
    )
    mode.add_argument(
        "--verify",
        action="store_true",
        help="offline: exit 1 when a model or dataset referenced is not in modelpolicy.lock, or an entry is no "
        "longer referenced (what the modelpolicy-lock pre-commit hook runs); the lockfile is left as it is",
    )
    scan.add_argument(
        "--obligations",
        action="store_true",
        help="list what each artefact's licence obliges under the policy's context (text and markdown reports)",
    )
    notice = commands.add_parser(
        "notice",
        parents=[scanning],
        help="write a NOTICE document (Markdown) for the artefacts the repository uses: licences, attribution text, "
        "the obligations that apply under the policy's context",
    )
    notice.add_argument("--output", type=Path, metavar="FILE", help="write the document to FILE instead of stdout")
    explain = commands.add_parser("explain", help="show the terms of a licence or artefact and what policies decide")
    explain.add_argument(
        "subject",
        metavar="ID-or-LICENCE",
        help="a licence id (llama2), a Hub id (org/name: resolved as scan resolves it), an API model (gpt-4o) or a "
        "server image",
    )
    explain.add_argument("--policy", metavar="NAME|FILE", help="only this policy (default: every preset)")
    explain.add_argument(
        "--offline",
        action="store_true",
        help="make no network call: answer from the bundled knowledge and the caches only (also HF_HUB_OFFLINE=1)",
    )
    explain.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where the Hub's answers are kept (default: $MODELPOLICY_CACHE_DIR, else ~/.cache/modelpolicy)",
    )
    approve = commands.add_parser(
        "approve", help="add an exception for an artefact to the repository's policy file, with a reason"
    )
    approve.add_argument("id", metavar="ID", help="the artefact id, or a glob such as my-org/*")
    approve.add_argument("--reason", required=True, help="why the exception is granted")
    approve.add_argument("--by", required=True, metavar="WHO", help="who approved it")
    approve.add_argument("--expires", metavar="YYYY-MM-DD", help="when it stops applying")
    approve.add_argument("--license", metavar="EXPRESSION", help="pin it to this licence: a relicensing fails again")
    approve.add_argument("--revision", metavar="SHA", help="pin it to this revision")
    approve.add_argument("--root", type=Path, default=Path(), metavar="DIR", help="the repository (default: .)")
    init = commands.add_parser("init", help="write a starter policy file (.modelpolicy.toml)")
    init.add_argument("--preset", default="commercial", help="the preset it extends (default: commercial)")
    init.add_argument("--root", type=Path, default=Path(), metavar="DIR", help="the repository (default: .)")
    commands.add_parser("policies", help="list the preset policies, one line each")
    commands.add_parser("schema", help="print the JSON Schema of the JSON report (--format json)")
    return parser


def _scanning() -> argparse.ArgumentParser:
    """The arguments `scan` and `lock` share: what to scan, under which policy, and how to reach the Hub."""
    from pathlib import Path

    shared = _parser_class()(add_help=False)
    shared.add_argument(
        "paths",
        nargs="*",
        type=Path,
        default=[Path()],
        metavar="PATH",
        help="folders or files to scan (default: .)",
    )
    shared.add_argument(
        "--policy",
        metavar="NAME|FILE",
        help="a preset (research, internal, commercial, saas, permissive) or a policy file (default: the "
        "repository's pyproject.toml [tool.modelpolicy], else .modelpolicy.toml, else commercial)",
    )
    shared.add_argument(
        "--offline",
        action="store_true",
        help="make no network call: resolve from the bundled knowledge and the caches only (also HF_HUB_OFFLINE=1)",
    )
    shared.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where the Hub's answers are kept (default: $MODELPOLICY_CACHE_DIR, else ~/.cache/modelpolicy)",
    )
    shared.add_argument(
        "--cache-ttl",
        type=_hours,
        metavar="HOURS",
        help="how long an answer about a branch (main...) stays fresh (default: $MODELPOLICY_CACHE_TTL_HOURS, else 24)",
    )
    shared.add_argument(
        "--network-deadline",
        type=_seconds,
        metavar="SECONDS",
        help="how long the scan may spend on the network in all; what is not resolved by then is left unresolved "
        "(default: $MODELPOLICY_NETWORK_DEADLINE, else 300; 0: no deadline)",
    )
    shared.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATTERN",
        help="leave out files matching PATTERN (.gitignore style, from the repository's root); repeatable, added to "
        "the policy's `exclude`",
    )
    shared.add_argument(
        "--refresh",
        action="store_true",
        help="ask the Hub again for branches (main...) even when cached answers are fresh",
    )
    return shared


def _run_explain(args: argparse.Namespace) -> int:
    import argparse

    from modelpolicy.explain import explain
    from modelpolicy.messages import show

    hub = _hub(argparse.Namespace(**vars(args), cache_ttl=None, refresh=False))
    show(*explain(args.subject, args.policy, hub))
    return 0


def _run_notice(args: argparse.Namespace) -> int:
    """The NOTICE document of what `scan` would find and resolve; it reports, it does not judge: exit 0."""
    from modelpolicy.files import replace_atomically
    from modelpolicy.policy import find_policy
    from modelpolicy.report.notice import render
    from modelpolicy.scan import project_root, scan

    paths = list(args.paths)
    policy = find_policy(paths[0], project_root(paths), args.policy)
    hub = _hub_maker(args)
    rendered = render(scan(paths, policy, lambda: (hub(),), exclude=tuple(args.exclude)))
    if args.output is None:
        sys.stdout.write(rendered)
    else:
        replace_atomically(args.output, rendered, "the NOTICE document")
    return 0


def _run_scan(args: argparse.Namespace) -> int:
    from modelpolicy.errors import ModelpolicyError
    from modelpolicy.scan import exit_code, project_root, scan

    if len(args.format) > 1 and args.output_dir is None:
        raise ModelpolicyError("several formats are written to files: add --output-dir DIR")
    if args.output is not None and args.output_dir is not None:
        raise ModelpolicyError("--output and --output-dir cannot be given together: choose one")
    paths = list(args.paths)
    root = project_root(paths)
    policy = _scan_policy(args, paths, root)
    if args.locked:
        from modelpolicy.lockfile import locked_resolvers

        report = scan(paths, policy, resolvers=locked_resolvers(root), exclude=tuple(args.exclude))
    else:
        hub = _hub_maker(args)
        report = scan(paths, policy, lambda: (hub(),), exclude=tuple(args.exclude))
    if args.obligations:
        from dataclasses import replace

        report = replace(report, show_obligations=True)
    if args.since:
        from modelpolicy.policy import find_policy
        from modelpolicy.since import mark_new, mark_policy_changes

        report = mark_new(report, root, args.since)
        current = find_policy(paths[0], root, args.policy) if args.policy_from else policy
        report = mark_policy_changes(report, root, args.since, paths[0], explicit=args.policy, now=current)
    _write_reports(args, report)
    return _failed_on(exit_code(report), report, args.fail_on)


def _scan_policy(args: argparse.Namespace, paths: list[Path], root: Path) -> Policy:
    """The policy a scan judges by: the work tree's, or with `--policy-from` the one at that commit (the work tree's
    is then read only when `--since` lists how it changed)."""
    if args.policy_from:
        from modelpolicy.policy.at_ref import policy_at

        return policy_at(args.policy_from, paths[0], root, args.policy).policy
    from modelpolicy.policy import find_policy

    return find_policy(paths[0], root, args.policy)


def _write_reports(args: argparse.Namespace, report: Report) -> None:
    """Each format asked for: to standard output, to `--output`, or each to its file in `--output-dir`."""
    from modelpolicy.files import replace_atomically
    from modelpolicy.report import file_name

    to_terminal = args.output is None and args.output_dir is None
    if args.output_dir is not None:
        _make_folder(args.output_dir)
    for name in args.format:
        rendered = _render(name, report, to_terminal, args.wide)
        if args.output_dir is not None:
            replace_atomically(args.output_dir / file_name(name), rendered, f"the {name} report")
        elif args.output is not None:
            replace_atomically(args.output, rendered, "the report")
        else:
            sys.stdout.write(rendered)


def _render(name: str, report: Report, to_terminal: bool, wide: bool) -> str:
    """One format of `report`: coloured on a terminal; the text table fitted to its width unless `wide`."""
    from modelpolicy.report import FORMATS

    color = to_terminal and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    if name == "text":
        from modelpolicy.report.text import render

        return render(report, color=color, width=None if wide or not to_terminal else _terminal_width())
    return FORMATS[name](report, color=color)


def _make_folder(folder: Path) -> None:
    from modelpolicy.errors import ModelpolicyError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelpolicyError(
            f"cannot make the folder for the reports ({error.strerror}): choose another", path=str(folder)
        ) from None


def _formats(text: str) -> tuple[str, ...]:
    """`--format json,sarif`: the formats named, each once, in order."""
    import argparse

    from modelpolicy.report import FORMATS

    names = tuple(dict.fromkeys(name.strip() for name in text.split(",")))
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(map(repr, unknown))}: choose from {', '.join(FORMATS)}"
        )
    return names


def _terminal_width() -> int | None:
    """The width the text report fits: the terminal's (COLUMNS first, as `shutil` reads it), COLUMNS when stdout is
    not a terminal, else none: a pipe or a file gets every column."""
    import shutil

    if sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, 40)
    columns = os.environ.get("COLUMNS", "")
    return max(int(columns), 40) if columns.isdigit() else None


def _failed_on(code: int, report: Report, fail_on: str) -> int:
    """The exit code under `--fail-on`: `never` reports only; `warn` fails on a new warning too."""
    from modelpolicy.model import Verdict
    from modelpolicy.scan import EXIT_OK, EXIT_POLICY_BROKEN

    if fail_on == "never":
        return EXIT_OK
    warned = any(f.verdict is Verdict.WARN and f.new for f in report.findings) or any(
        u.verdict is Verdict.WARN and u.new for u in report.unreadable
    )
    return EXIT_POLICY_BROKEN if fail_on == "warn" and code == EXIT_OK and warned else code


def _run_lock(args: argparse.Namespace) -> int:
    from modelpolicy.locking import lock
    from modelpolicy.messages import say, show
    from modelpolicy.model import Unresolved
    from modelpolicy.policy import find_policy
    from modelpolicy.report.interface import plural
    from modelpolicy.resolve import default_resolvers
    from modelpolicy.scan import EXIT_UNRESOLVED, project_root

    paths = list(args.paths)
    root = project_root(paths)
    if args.check:
        return _check_lock(args, paths, root)
    policy = find_policy(paths[0], root, args.policy)
    exclude = (*policy.exclude, *args.exclude)
    if args.verify:
        return _verify_lock(paths, root, exclude) or _rejudge_staged(paths, root, policy, tuple(args.exclude))
    hub = _hub(args)
    offline = bool(getattr(hub, "offline", False))
    locked = lock(
        paths, root, default_resolvers(hub, live_cards=False), exclude=exclude, policy=policy, offline=offline
    )
    for note in locked.notes:
        say("note", note)
    if locked.unreachable:
        for line in locked.unreachable:
            say("error", line)
        return EXIT_UNRESOLVED
    unresolved = 0
    for entry in locked.entries:
        if isinstance(entry.resolution, Unresolved):
            unresolved += 1
            say("warning", f"{entry.label}: locked unresolved: {entry.resolution.reason}")
    show(*locked.changes, *locked.verdicts)  # a relock never changes an entry, or a verdict, silently
    show(f"{locked.path}: {plural(len(locked.entries), 'artefact')} locked, {unresolved} of them unresolved")
    return 0


def _check_lock(args: argparse.Namespace, paths: list[Path], root: Path) -> int:
    """`lock --check`: ask the Hub afresh (cached answers about branches are ignored), print the drift, and exit 1
    when it changes a verdict. The lockfile is left as it is."""
    from modelpolicy.errors import ModelpolicyError
    from modelpolicy.lockfile import FILENAME
    from modelpolicy.locking import check
    from modelpolicy.messages import say, show
    from modelpolicy.policy import find_policy
    from modelpolicy.report.interface import plural
    from modelpolicy.resolve import default_resolvers
    from modelpolicy.scan import EXIT_UNRESOLVED

    policy = find_policy(paths[0], root, args.policy)
    import argparse

    hub = _hub(argparse.Namespace(**{**vars(args), "refresh": True}))
    if getattr(hub, "offline", False):
        raise ModelpolicyError(
            "lock --check asks the Hub again, and this run is offline (--offline or HF_HUB_OFFLINE=1): run it online"
        )
    drift = check(paths, root, policy, default_resolvers(hub, live_cards=False), tuple(args.exclude))
    for note in drift.notes:
        say("note", note)
    if drift.unreachable:
        for line in drift.unreachable:
            say("error", line)
        return EXIT_UNRESOLVED
    for line in drift.unchecked:
        say("warning", line)
    show(*drift.changes, *drift.verdicts)
    unchecked = f"; {_entries(len(drift.unchecked))} not checked (above)" if drift.unchecked else ""
    if drift.verdicts:
        changed = plural(len(drift.verdicts), "verdict")
        show(f"{FILENAME}: drift changes {changed}{unchecked}; review it, then run `modelpolicy lock`")
        return 1
    state = f"{_entries(len(drift.changes))} drifted, no verdict changes" if drift.changes else "no drift"
    show(f"{FILENAME}: {state}{unchecked}")
    return 0


def _entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def _verify_lock(paths: list[Path], root: Path, exclude: tuple[str, ...] = ()) -> int:
    """`lock --verify`: whether modelpolicy.lock covers what the repository references, without resolving anything.
    A missing or unreadable lockfile is an error (exit 2) that says to run `modelpolicy lock`."""
    from modelpolicy.lockfile import FILENAME
    from modelpolicy.locking import verify
    from modelpolicy.messages import say, show

    stale = verify(paths, root, exclude)
    for note in stale.notes:
        say("note", note)
    problems = (*stale.missing, *stale.unused)
    if problems:
        show(*problems)
        show(f"{FILENAME} is out of date ({len(problems)} above): run `modelpolicy lock` and commit {FILENAME}")
        return 1
    show(f"{FILENAME}: up to date with the references in {root}")
    return 0


def _rejudge_staged(paths: list[Path], root: Path, policy: Policy, exclude: tuple[str, ...]) -> int:
    """`lock --verify` with `modelpolicy.lock` staged (the modelpolicy-lock hook at a relock's commit): exit 1 when
    an entry that changed now fails under the policy."""
    from modelpolicy.lockfile import FILENAME
    from modelpolicy.locking import rejudge_staged
    from modelpolicy.messages import show
    from modelpolicy.report.interface import plural

    rejudged = rejudge_staged(paths, root, policy, exclude)
    if rejudged is None or not (rejudged.failed or rejudged.warned):
        return 0
    show(*rejudged.lines)
    if not rejudged.failed:
        show(f"{FILENAME} (staged): {plural(rejudged.warned, 'warning')} under policy {policy.name} from its changes")
        return 0
    show(
        f"{FILENAME} (staged): its changes fail {plural(rejudged.failed, 'artefact')} under policy {policy.name}: "
        "review the relock; change the reference, or `modelpolicy approve ID --reason ... --by ...`"
    )
    return 1


def _run_approve(args: argparse.Namespace) -> int:
    from modelpolicy.files import shown_path
    from modelpolicy.messages import say, show
    from modelpolicy.policy.edit import Approval, approve, unreferenced

    approval = Approval(args.id, args.reason, args.by, args.expires, args.license, args.revision)
    done = approve(args.root, approval)
    where = f"{shown_path(done.path)}:{done.line}"
    show(f"added a {done.header} table for {approval.id} at {where}; review and commit it")
    unused = unreferenced(args.root, approval.id, done.exclude)
    if unused is not None:
        say("warning", unused)
    for other in done.shadowed_by:
        say(
            "note",
            f"{other} already has an exception for {approval.id}; the first one that has not expired and whose pins "
            "hold applies, so remove the older one if this one replaces it",
        )
    return 0


def _run_init(args: argparse.Namespace) -> int:
    from modelpolicy.files import shown_path
    from modelpolicy.messages import show
    from modelpolicy.policy.edit import init

    path = init(args.root, args.preset)
    show(
        f"wrote {shown_path(path)}: extends the {args.preset} preset, with commented examples; "
        "next, run `modelpolicy scan` and adjust the file (or `modelpolicy approve ID ...`) until it fits"
    )
    return 0


def _run_policies(args: argparse.Namespace) -> int:
    from modelpolicy.policy import load_policy, preset_names

    names = preset_names()
    width = max(map(len, names), default=0)
    for name in names:
        print(f"{name:<{width}}  {load_policy(name).description}")
    return 0


def _run_schema(args: argparse.Namespace) -> int:
    from importlib import resources

    sys.stdout.write(resources.files("modelpolicy.report").joinpath("report.schema.json").read_text(encoding="utf-8"))
    return 0


_COMMANDS = {
    "scan": _run_scan,
    "lock": _run_lock,
    "explain": _run_explain,
    "notice": _run_notice,
    "approve": _run_approve,
    "init": _run_init,
    "policies": _run_policies,
    "schema": _run_schema,
}


def _hub(args: argparse.Namespace) -> Resolver:
    return _hub_maker(args)()


def _hub_maker(args: argparse.Namespace) -> Callable[[], Resolver]:
    """What makes the Hub's resolver, its settings checked now (a bad value is an error whatever the scan finds): a
    scan makes it only once it has found something to resolve, so that one that found nothing opens no cache and
    loads no knowledge base."""
    import argparse

    from modelpolicy.errors import ModelpolicyError

    offline = args.offline or os.environ.get("HF_HUB_OFFLINE", "").upper() in {"1", "ON", "YES", "TRUE"}
    ttl_hours = args.cache_ttl
    if ttl_hours is None:
        try:
            ttl_hours = _hours(os.environ.get(TTL_ENV) or "24")
        except argparse.ArgumentTypeError as error:
            raise ModelpolicyError(f"{TTL_ENV}: {error}; set it to a number or unset it") from error
    deadline = getattr(args, "network_deadline", None)  # `explain` asks for one artefact: the default is enough
    if deadline is None and os.environ.get(DEADLINE_ENV):
        try:
            deadline = _seconds(os.environ[DEADLINE_ENV])
        except argparse.ArgumentTypeError as error:
            raise ModelpolicyError(f"{DEADLINE_ENV}: {error}; set it to a number or unset it") from error

    def make() -> Resolver:
        from modelpolicy.knowledge import load as load_knowledge
        from modelpolicy.resolve.cache import ResolutionCache, default_cache_dir
        from modelpolicy.resolve.hub import DEADLINE_SECONDS, HubResolver

        seconds = DEADLINE_SECONDS if deadline is None else deadline
        folder = args.cache_dir or default_cache_dir()
        cache = ResolutionCache(folder, ttl_seconds=ttl_hours * 3600, refresh=args.refresh)
        _CACHES.append(cache)
        progress = sys.stderr if sys.stderr.isatty() else None
        return HubResolver(load_knowledge(), cache, offline=offline, progress=progress, deadline=seconds or None)

    return make


def _hours(text: str) -> float:
    """A number of hours, for --cache-ttl and MODELPOLICY_CACHE_TTL_HOURS."""
    import argparse

    try:
        hours = float(text)
    except ValueError:
        hours = -1.0
    if not hours >= 0:
        raise argparse.ArgumentTypeError(f"expected a number of hours such as 24 or 0.5, got {text!r}")
    return hours


def _seconds(text: str) -> float:
    """A number of seconds, for --network-deadline and MODELPOLICY_NETWORK_DEADLINE."""
    import argparse

    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number of seconds such as 300 or 0.5, got {text!r}")
    return seconds


def run() -> NoReturn:
    """The `modelpolicy` command (and `python -m modelpolicy`): `main`, then the end of the process.

    Once `main` has returned, all that is left is the interpreter's teardown, which frees every module and object one
    at a time: about 15 ms of CPU after a scan of an empty folder, more after a large scan, on every run and every
    commit's hook. So the cache is closed, the standard streams flushed, and the process ends at once. Where anything
    else may still want to run (a handler registered with `atexit`, a thread that is not a daemon) or a stream cannot
    be flushed (a closed pipe), the usual exit runs instead, as it always did.

    The cyclic garbage collector is told to run far less often than its default (every 700 objects allocated and
    not freed): a scan's objects are freed by their reference counts, and the collector's passes over everything
    still alive were 6 to 8 % of a scan's CPU (trl, LocalAI, the 10,000-file tree), for no memory back. It still
    runs every 100,000, so that garbage held in cycles stays bounded."""
    import gc

    gc.set_threshold(100_000, 50, 100)
    code = main()
    for cache in _CACHES:
        cache.close()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    import atexit

    threading = sys.modules.get("threading")
    others = [] if threading is None else [t for t in threading.enumerate() if t is not threading.main_thread()]
    if atexit._ncallbacks() or any(not thread.daemon for thread in others):
        sys.exit(code)
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:  # answered before the parser is built
        print(f"modelpolicy {__version__}")
        return 0
    args = _parser().parse_args(argv)
    from modelpolicy.errors import ModelpolicyError

    try:
        return _COMMANDS[args.command](args)
    except ModelpolicyError as error:
        from modelpolicy.messages import say

        say("error", str(error))
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("modelpolicy: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the one boundary for bugs: a short message, not a traceback
        from modelpolicy.messages import say

        say("internal error", f"{type(error).__name__}: {error}")
        print("This is a bug in modelpolicy; please report it with the command you ran.", file=sys.stderr)
        return EXIT_BUG
