"""Discovery: walk the tree, let each source read the files it wants, and group references into artefacts.

Each file is read once, as bytes; `markers.admits` drops, before decoding and parsing, the files in which no wanted
source could find anything. Inline suppressions (`# modelpolicy: ignore[...] reason`) are read from the same text.
"""

from __future__ import annotations

import importlib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from modelpolicy.discover import prefilter
from modelpolicy.discover.aside import Aside, Handout
from modelpolicy.discover.exclude import Exclusion
from modelpolicy.discover.interface import FileContext, NotRead, Source, SourceError
from modelpolicy.discover.markers import Markers, admits
from modelpolicy.discover.suppress import suppressions
from modelpolicy.discover.walk import Candidate, candidates, decode, read_bytes
from modelpolicy.model import Artefact, Reference, Skipped, Suppression

ASIDE_FILES = 200  # from this many files to read at once, a child process reads part of them...
ASIDE_BYTES = 2 * 1024 * 1024  # ...or from this many bytes: a few large files (notebooks, JSON data) are work enough
_COLLECTION_THRESHOLD = 100_000  # allocations between two runs of the young generation's collection (Python's: 700)
PLACES_PER_FILE = 100  # places of one artefact listed per file (`_first_places`)
_FILE_WEIGHT = 2048  # what reading any file costs, in bytes of its text: the heaviest files are handed out first


@dataclass(frozen=True)
class Route:
    """A source by where it lives and the file names it may read (by last ending, lower-cased, or by stem, as its
    `stems`), so that a scan imports a source's module only when it meets such a file: a one-file commit loads
    one. The source's `wants` still decides; a test holds these names to it."""

    module: str
    name: str
    endings: frozenset[str]
    stems: frozenset[str] = frozenset()

    def may_want(self, stem: str, ending: str) -> bool:
        return ending in self.endings or stem in self.stems or _stem_head(stem) in self.stems

    def load(self) -> Source:
        source: Source = getattr(importlib.import_module(f"{__name__}.{self.module}"), self.name)()
        return source


def _stem_head(stem: str) -> str:
    """A stem up to its first `_` or `-`: `Dockerfile_base` and `Dockerfile-cuda` are Dockerfiles by name."""
    return stem.partition("_")[0].partition("-")[0]  # string methods: asked of every file, thrice re.split's speed


ROUTES = (
    Route("python", "PythonSource", frozenset({"py", "pyi"})),
    Route("notebook", "NotebookSource", frozenset({"ipynb"})),
    Route(
        "shell",
        "ShellSource",
        frozenset({"sh", "bash", "mk", "slurm", "sbatch", "dockerfile", "containerfile"}),
        frozenset({"makefile", "gnumakefile", "dockerfile", "containerfile"}),
    ),
    Route(
        "config",
        "ConfigSource",
        frozenset(
            {"yaml", "yml", "json", "jsonl", "ndjson", "toml", "conf", "env", "sql", "bicep", "bicepparam"}
            | {"pbtxt", "textproto", "prototxt"}  # Protocol Buffers text
        ),
        frozenset(
            {"", "modelpolicy", "env", "package-lock", "npm-shrinkwrap", "pnpm-lock", "composer", "poetry", "uv"}
            | {"pipfile", "cargo", "bun", "deno"}  # the lockfiles it leaves out, by stem
        ),
    ),
    Route(
        "containers",
        "ContainerSource",
        frozenset({"yaml", "yml", "dockerfile", "containerfile"}),
        frozenset({"dockerfile", "containerfile"}),
    ),
    Route("manifest", "ManifestSource", frozenset(), frozenset({"pyproject", "modelpolicy", ""})),
    Route("workflow", "WorkflowSource", frozenset({"yaml", "yml"})),
    Route(
        "javascript",
        "JavaScriptSource",
        frozenset({"js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "svelte", "vue", "html", "htm"}),
    ),
    Route("modelfile", "ModelfileSource", frozenset({"modelfile"}), frozenset({"modelfile"})),
)


def __getattr__(name: str) -> object:
    """`SOURCES`, every source loaded, in the order a file's sources read it: for callers that want them all."""
    if name == "SOURCES":
        return tuple(route.load() for route in ROUTES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class Discovery:
    artefacts: tuple[Artefact, ...]
    skipped: tuple[Skipped, ...]
    files_read: int
    suppressions: tuple[Suppression, ...] = ()
    dynamic: tuple[Reference, ...] = ()  # ids built at run time (f-strings over unknowns): listed, never judged


def discover(
    root: Path, paths: list[Path], sources: tuple[Source, ...] | None = None, exclude: Exclusion | None = None
) -> Discovery:
    """Every artefact referenced in the files under `paths`, and the files that could not be read.

    The files `grep` can screen (`prefilter`) are handed to it first; the others are read while it runs, then those it
    names, as its batches end; many files left to read at once are shared with a child process (`aside`). Results are
    gathered in the walk's order whatever order the files are read in. `sources` defaults to every source, each
    loaded when a file first needs it (`ROUTES`). What `exclude` names (the policy's `exclude`) is left out."""
    with _fewer_collections():
        return _discover(root, paths, sources, exclude)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector runs after every 700 allocations; reading a tree allocates millions of
    short-lived objects (syntax trees, whose nodes form no cycles), and each run rescans the young ones: 5-10% of a
    scan's time (peft 2.85 -> 2.72 s of CPU, LocalAI 3.06 -> 2.96 s). It runs a hundred times less often while
    discovery reads; the threshold is restored after."""
    import gc

    threshold = gc.get_threshold()
    gc.set_threshold(_COLLECTION_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _discover(
    root: Path, paths: list[Path], sources: tuple[Source, ...] | None, exclude: Exclusion | None
) -> Discovery:
    screen = prefilter.Screen()
    reader = _Reader(root, screen.sizes)
    screening = _Screening()
    dispatch = _Dispatch(sources)
    listed: list[tuple[Candidate, tuple[Source, ...]]] = []
    unscreened: list[int] = []
    listing = candidates(root, paths)
    if exclude:
        listing = (candidate for candidate in listing if not exclude.excludes(candidate.relative))
    for index, candidate in enumerate(listing):
        wanted = dispatch.wanted(candidate.relative)
        listed.append((candidate, wanted))
        if candidate.skip:
            if wanted or candidate.folder:
                reader.skipped[index] = [Skipped(candidate.relative, candidate.skip)]
        elif wanted and not ((markers := screening[wanted]) and screen.add(index, candidate, markers)):
            unscreened.append(index)
    reader.read_shared(sorted([*unscreened, *screen.finish()]), listed)
    _read_screened(reader, screen, listed)
    return reader.discovery()


def _read_screened(
    reader: _Reader, screen: prefilter.Screen, listed: list[tuple[Candidate, tuple[Source, ...]]]
) -> None:
    """Read the files `grep` names one at a time while it still runs on later batches, then share out those left."""
    named: list[int] = []
    while (found := screen.named(wait=not named)) is not None:
        named.extend(found)
        if named:
            index = named.pop()
            reader.read(index, *listed[index])
    reader.read_shared(sorted(named), listed)


class _Dispatch:
    """Which sources want a file, asked once for each last ending (`.py`, `.yaml`) and for each file of a stem a source
    names (`Makefile`, `Dockerfile.gpu`): most of a tree's files are told apart by their ending alone. Without given
    sources, only those whose route may want the file are loaded and asked."""

    def __init__(self, sources: tuple[Source, ...] | None) -> None:
        self.sources = sources
        named = ROUTES if sources is None else sources
        self.stems = frozenset().union(*(source.stems for source in named))
        self.loaded: dict[Route, Source] = {}
        self.by_key: dict[str, tuple[Source, ...]] = {}

    def wanted(self, path: str) -> tuple[Source, ...]:
        path = read_as(path)
        name = path.rpartition("/")[2]
        stem, dot, _ = name.partition(".")
        lowered = stem.lower()
        named = lowered in self.stems or _stem_head(lowered) in self.stems
        key = "/" + name if not dot or named else name.rpartition(".")[2]  # no name holds a "/"
        wanted = self.by_key.get(key)
        if wanted is None:
            ending = name.rpartition(".")[2].lower() if dot else _dotless_ending(name)
            wanted = self.by_key[key] = tuple(s for s in self._asked(lowered, ending) if s.wants(path))
        return wanted

    def _asked(self, stem: str, ending: str) -> tuple[Source, ...]:
        if self.sources is not None:
            return self.sources
        return tuple(self._load(route) for route in ROUTES if route.may_want(stem, ending))

    def _load(self, route: Route) -> Source:
        if route not in self.loaded:
            self.loaded[route] = route.load()
        return self.loaded[route]


# The last endings of a file written to be copied or filled in as the file named without them (`values.yaml.template`,
# `config.json.example`, `settings.toml.dist`, `compose.yml.sample`): read as that file.
_TEMPLATE_ENDINGS = frozenset({"template", "tmpl", "example", "sample", "dist"})


def read_as(path: str) -> str:
    """The path a file is read as: without a template's ending after its own (`helm/values.yaml.template` as
    `helm/values.yaml`); a name with no ending before it keeps it (`.env.example`, `env.template`: an env file's own
    spellings; `Dockerfile.template`, which is a Dockerfile by its stem)."""
    head, dot, ending = path.rpartition(".")
    if dot and ending.lower() in _TEMPLATE_ENDINGS and "." in head.rpartition("/")[2][1:]:
        return head
    return path


def _dotless_ending(name: str) -> str:
    """The ending a name without a dot is read by: "yaml" for a YAML template named so (`_template_yaml`, which
    lm-evaluation-harness's tasks `include:`), else none."""
    lowered = name.lower()
    return "yaml" if lowered.endswith(("_yaml", "_yml")) and len(lowered) > 5 else ""


_WRITTEN = _Dispatch(None)  # loads a source's module only when a written file needs it


def written_file_sources(name: str, *, python: bool = False) -> tuple[Source, ...]:
    """The sources that read a file of this name, when a notebook cell writes one (`%%writefile config.yml`); Python
    and notebooks left out: the cell is read as the notebook's code already. With `python`, Python is kept: a file
    held in a config's block (a ConfigMap's `sample_code.py: |`) is read by no other."""
    left_out = {"notebook"} if python else {"python", "notebook"}
    return tuple(s for s in _WRITTEN.wanted(name) if s.name not in left_out)


class _Screening(dict[tuple[Source, ...], tuple[Markers, ...]]):
    """The markers `grep` tests for the files a set of sources wants; empty when they cannot be screened."""

    def __missing__(self, wanted: tuple[Source, ...]) -> tuple[Markers, ...]:
        markers = [s.markers for s in wanted]
        screened = tuple(m for m in markers if m is not None) if prefilter.screenable(markers) else ()
        self[wanted] = screened
        return screened


@dataclass(frozen=True)
class _Part:
    """What a reader found in some of the files, by file index."""

    references: dict[int, list[Reference]]
    skipped: dict[int, list[Skipped]]
    files_read: int
    used: set[Suppression]


class _Reader:
    """Reads one file at a time through its sources, keeping each file's references and skip reasons by index."""

    def __init__(self, root: Path, sizes: dict[int, int] | None = None) -> None:
        self.root = root
        self.sizes = {} if sizes is None else sizes  # of files already sized, by index
        self.real_root = os.path.realpath(root)
        self.is_local_path = _in_tree(root)
        self.references: dict[int, list[Reference]] = {}
        self.skipped: dict[int, list[Skipped]] = {}
        self.files_read = 0
        self.used: set[Suppression] = set()
        self.kinds: set[tuple[Source, ...]] = set()  # of the files this process read through their sources

    def read(self, index: int, candidate: Candidate, wanted: tuple[Source, ...]) -> None:
        """Read the file through the sources that want it. A file one of them may find something in but cannot read
        whole is skipped `may_name`, and what can still be read of it is read: the text that is not UTF-8 with its
        bad bytes replaced, the documents, statements or cells around a syntax error."""
        relative = candidate.relative
        named = read_as(relative)  # what its sources read it as (`values.yaml.template` as `values.yaml`)
        read = read_bytes(candidate, self.real_root)
        data = read.data
        if data is None or read.reason:
            if read.reason:
                marked = data is not None and any(admits(s, data, named) for s in wanted)
                self.skipped[index] = [Skipped(relative, read.reason, may_name=marked)]
            return
        text, reason = decode(data)
        admitted = [s for s in wanted if admits(s, data, named)]
        if text is None:
            text = data.decode("utf-8", "replace")
            words = text.encode("ascii", "ignore")  # a marker is ASCII: the other bytes alone make no marker here
            marked = any(admits(s, words, named) for s in admitted)
            self.skipped[index] = [Skipped(relative, reason, may_name=marked)]
        self.files_read += 1
        if not admitted:
            return
        self.kinds.add(wanted)
        context = FileContext(named, self.is_local_path)
        found: list[Reference] = []
        for source in admitted:
            try:
                found.extend(source.find(text, context))
            except NotRead as left:
                self.skipped.setdefault(index, []).append(Skipped(relative, left.reason))
            except SourceError as error:
                found.extend(error.found)
                self.skipped.setdefault(index, []).append(Skipped(relative, error.reason, error.line, may_name=True))
            except RecursionError:
                reason = f"{source.name}: nested too deeply to read"
                self.skipped.setdefault(index, []).append(Skipped(relative, reason, may_name=True))
        if named != relative:
            found = [replace(r, path=relative) if r.path == named else r for r in found]
        self.references[index] = _first_places(_apply_suppressions(found, suppressions(relative, text), self.used))

    def read_all(self, indexes: Iterable[int], listed: list[tuple[Candidate, tuple[Source, ...]]]) -> _Reader:
        for index in indexes:
            self.read(index, *listed[index])
        return self

    def read_shared(self, indexes: list[int], listed: list[tuple[Candidate, tuple[Source, ...]]]) -> None:
        """Read the files, shared with a child process when there are many: each takes the next file from the same
        `Handout` (the largest first) when it is done with one. One file of each kind not read yet is read first (the
        smallest), so that what its sources load on first use (PyYAML, the knowledge base) is loaded once. Each file's
        findings are kept by its index, so which process read it changes nothing."""
        weights = {index: self._weight(index, listed[index][0]) for index in indexes} if len(indexes) > 1 else {}
        if len(indexes) < max(ASIDE_FILES, 2) and sum(weights.values()) < ASIDE_BYTES:
            self.read_all(indexes, listed)
            return
        by_weight = sorted(indexes, key=lambda index: -weights[index])
        lightest = {listed[index][1]: index for index in by_weight}  # the last one of a kind is its smallest
        firsts = {index for kind, index in lightest.items() if kind not in self.kinds}
        self.read_all(sorted(firsts), listed)
        rest = [index for index in by_weight if index not in firsts]
        handout = Handout.of(rest)
        if handout is None:
            self.read_all(sorted(rest), listed)
            return
        aside = Aside(lambda: _Reader(self.root).read_all(handout, listed).part())
        taken = []
        for index in handout:
            taken.append(index)
            self.read(index, *listed[index])
        handout.close()
        part = aside.result()
        if part is None:  # what the child took is read again
            self.read_all(sorted(set(rest) - set(taken)), listed)
        else:
            self.merge(part)

    def _weight(self, index: int, candidate: Candidate) -> int:
        size = self.sizes.get(index)
        if size is None:
            try:
                size = os.lstat(candidate.path).st_size
            except OSError:
                size = 0
        return _FILE_WEIGHT + size

    def part(self) -> _Part:
        return _Part(self.references, self.skipped, self.files_read, self.used)

    def merge(self, part: _Part) -> None:
        self.references.update(part.references)
        for index, skipped in part.skipped.items():
            self.skipped.setdefault(index, []).extend(skipped)
        self.files_read += part.files_read
        self.used |= part.used

    def discovery(self) -> Discovery:
        references = [r for index in sorted(self.references) for r in self.references[index]]
        skipped = tuple(s for index in sorted(self.skipped) for s in self.skipped[index])
        used = tuple(sorted(self.used, key=lambda u: (u.path, u.line)))
        named = [r for r in references if "dynamic" not in r.flags]
        dynamic = tuple(r for r in references if "dynamic" in r.flags)
        return Discovery(_group(named), skipped, self.files_read, used, dynamic)


def _apply_suppressions(
    found: list[Reference], by_line: dict[int, Suppression], used: set[Suppression]
) -> list[Reference]:
    """Drop the references a blanket suppression covers, flag those a coded one covers (`ignore:<code>`); collect
    every suppression that stands on a reference's line, honoured or not, for the report."""
    kept = []
    for reference in found:
        suppression = by_line.get(reference.line)
        if suppression is None:
            kept.append(reference)
            continue
        used.add(suppression)
        if not suppression.honoured:
            kept.append(reference)
        elif suppression.codes:
            flags = reference.flags | {f"ignore:{code}" for code in suppression.codes}
            kept.append(replace(reference, flags=flags))
    return kept


def _first_places(references: list[Reference]) -> list[Reference]:
    """The first `PLACES_PER_FILE` places in a file of each artefact (with the same flags): a data file naming a model
    in each of its records (an evaluation's outputs, a batch of requests) names it hundreds of thousands of times,
    which no report lists and which would hold the scan's memory to the size of the data."""
    if len(references) <= PLACES_PER_FILE:
        return references
    counts: dict[tuple[str, str, str | None, frozenset[str]], int] = defaultdict(int)
    kept = []
    for reference in sorted(references, key=lambda r: (r.line, r.column)):
        key = (reference.kind, reference.text, reference.revision, reference.flags)
        counts[key] += 1
        if counts[key] <= PLACES_PER_FILE:
            kept.append(reference)
    return kept


def _in_tree(root: Path) -> Callable[[str], bool]:
    """Whether a value names a file or folder in the tree: asked once a value, as the same id is met in many files. An
    `owner/name` whose owner is no folder of the tree is answered from the owner's answer: a file of thousands of ids
    of a few owners costs a few `stat` calls, not one an id."""
    answers: dict[str, bool] = {}

    def exists(value: str) -> bool:
        answer = answers.get(value)
        if answer is None:
            head, slash, _ = value.partition("/")
            if slash and head and not exists(head):
                answer = False
            else:
                try:
                    answer = (root / value).exists()
                except (OSError, ValueError):
                    answer = False
            answers[value] = answer
        return answer

    return exists


def _distinct(references: list[Reference]) -> tuple[Reference, ...]:
    """Each place once, in file order: a constant passed to two loaders is one reference, at the constant."""
    places = {(r.path, r.line, r.column): r for r in references}
    return tuple(places[key] for key in sorted(places))


_REVISION = re.compile(r"[\w.+@/-]{1,255}", re.ASCII)  # a commit, branch or tag name as the Hub takes it


def _revision(revision: str | None) -> str | None:
    """The revision an artefact is pinned to: `main`, the Hub's default branch, is no pin; text that is no git ref
    (control characters, lone surrogates, spaces) is dropped rather than carried into reports and the lockfile."""
    if revision is None or revision == "main" or not _REVISION.fullmatch(revision):
        return None
    return revision


def _group(references: list[Reference]) -> tuple[Artefact, ...]:
    """One artefact per (kind, id as the code names it, revision), with its references in file order: a renamed
    repository (`gpt2`, now `openai-community/gpt2`) keeps the id the code writes, so that the report, the lockfile
    and an exception match the code; the resolvers say where it moved."""
    groups: dict[tuple[str, str, str | None], list[Reference]] = defaultdict(list)
    for found in references:
        revision = _revision(found.revision)
        reference = found if revision == found.revision else replace(found, revision=revision)
        groups[(reference.kind, reference.text, revision)].append(reference)
    artefacts = (
        Artefact(refs[0].kind, artefact_id, revision, _distinct(refs))
        for (_, artefact_id, revision), refs in groups.items()
    )
    return tuple(sorted(artefacts, key=lambda a: (a.kind, a.id.lower(), a.revision or "")))
