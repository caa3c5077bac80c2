"""The `grep` pre-filter and the child process that reads files aside: a scan that screens its files with `grep`, or
reads some in a child, finds and skips exactly what a scan that reads every file itself finds and skips; a missing
or failing `grep`, or a failing child, costs speed, never a reference."""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest

import modelpolicy.discover as discovery_module
from modelpolicy.discover import SOURCES, Discovery, aside, discover, prefilter
from modelpolicy.discover.aside import Aside, Handout
from modelpolicy.discover.markers import Markers
from modelpolicy.discover.walk import candidates

FILLER_FILES = 40
TRICKY = {
    "train.py": 'from transformers import AutoModel\nAutoModel.from_pretrained("org/plain")\n',
    "crlf.py": 'from transformers import AutoModel\r\nAutoModel.from_pretrained("org/crlf")\r\n',
    # a fullwidth `m`: Python reads the identifier as `model` (NFKC)
    "unicode.py": '\uff4dodel = "org/fullwidth"\nfrom transformers import AutoModel\n'
    "AutoModel.from_pretrained(\uff4dodel)\n",
    "escaped.py": 'import os\nNAME = "\\x4dODEL_ID"\nos.getenv(NAME, "org/escaped")\n',
    # no marker word, but `\X` is `\x` once lower-cased, as Python's test reads it: read, and it does not parse
    "upper_escape.py": 'x = r"\\X41"\ndef (\n',
    "config.yaml": "MODEL_NAME_OR_PATH: org/caseless\n",
    "data.json": '{"\\u006dodel": "org/json-escape"}\n',
    # no marker word as written: JSON's `\/` spells the URL's slashes
    "links.json": '{"weights_url": "hf:\\/\\/org\\/json-slashes"}\n',
    "run.sh": "python train.py --mo'del' org/quoted\n",
    "Dockerfile": "FROM ghcr.io/huggingface/text-generation-inference:2.0\nENV MODEL_ID=org/served\n",
    "notebook.ipynb": '{"cells": [{"cell_type": "code", "metadata": {}, "source": ["import datasets\\n", '
    '"datasets.load_dataset(\\"org/data\\")\\n"], "outputs": []}], "metadata": {}, "nbformat": 4, '
    '"nbformat_minor": 5}\n',
    "binary.py": "x = 1\n\0\0\0",
    "latin1.py": 'x = "caf\xe9"\n',
    "new\nline.py": 'from transformers import AutoModel\nAutoModel.from_pretrained("org/newline-name")\n',
    "-dash.py": 'from transformers import AutoModel\nAutoModel.from_pretrained("org/dash-name")\n',
}


def tricky_tree(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in TRICKY.items():
        data = text.encode("latin-1") if name == "latin1.py" else text.encode()
        (root / name).write_bytes(data)
    for number in range(FILLER_FILES):  # files that name nothing: the ones grep spares Python from reading
        (root / f"filler_{number}.py").write_text(f"def f{number}(x):\n    return x * {number}\n")
        (root / f"filler_{number}.json").write_text(f'{{"value": {number}}}\n')
    big = root / "big.py"
    with big.open("wb") as stream:  # over the size limit: grep names it (NUL bytes), Python skips it
        stream.truncate(3 * 1024 * 1024)
    return root


def outcome(discovery: Discovery) -> tuple[list[tuple[str, str, int, int]], list[tuple[str, str]]]:
    found = [(a.id, r.path, r.line, r.column) for a in discovery.artefacts for r in a.references]
    return found, [(s.path, s.reason) for s in discovery.skipped]


@pytest.fixture(autouse=True)
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads other tests left running (a test server's) would stop the child from being forked at all."""
    monkeypatch.setattr(aside.threading, "active_count", lambda: 1)


@pytest.fixture
def always_screen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "MIN_FILES", 0)
    monkeypatch.setattr(prefilter, "BATCH_FILES", 7)  # several batches, some running at once


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
@pytest.mark.usefixtures("always_screen")
def test_screening_finds_and_skips_what_reading_everything_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tricky_tree(tmp_path)
    screened = discover(root, [root])
    monkeypatch.setattr(prefilter.shutil, "which", lambda _: None)
    unscreened = discover(root, [root])
    assert outcome(screened) == outcome(unscreened)
    found_ids = {artefact_id for artefact_id, *_ in outcome(screened)[0]}
    assert {
        "org/plain",
        "org/crlf",
        "org/fullwidth",
        "org/escaped",
        "org/caseless",
        "org/json-escape",
        "org/json-slashes",
    } <= found_ids
    assert {"org/quoted", "org/served", "org/data", "org/newline-name", "org/dash-name"} <= found_ids
    assert dict(outcome(screened)[1]) == {
        "big.py": f"larger than 2 MB ({3 * 1024 * 1024} bytes)",
        "binary.py": "binary file",
        "latin1.py": "not UTF-8 (byte 8)",
        "upper_escape.py": "Python syntax error at line 2; fix the file to have it all scanned",
    }
    assert screened.files_read <= unscreened.files_read - 2 * FILLER_FILES  # the filler was never read


@pytest.mark.usefixtures("always_screen")
def test_a_failing_grep_costs_speed_not_references(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tricky_tree(tmp_path / "tree")
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "grep").write_text("#!/bin/sh\necho 'grep: broken' >&2\nexit 2\n")
    (tools / "grep").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    broken = discover(root, [root])
    monkeypatch.setattr(prefilter.shutil, "which", lambda _: None)
    assert outcome(broken) == outcome(discover(root, [root]))


def test_a_small_scan_is_not_screened(tmp_path: Path) -> None:
    root = tricky_tree(tmp_path)
    screen = prefilter.Screen()
    markers = (Markers((b"model",)),)
    added = {index for index, c in enumerate(candidates(root, [root])) if screen.add(index, c, markers)}
    assert added and screen.finish() == added  # handed back: fewer than MIN_FILES
    assert screen.unmarked() == set()


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
def test_a_few_large_files_are_screened(tmp_path: Path) -> None:
    """Few files, but many bytes: `grep` tests them rather than Python, and names the one holding a marker."""
    chunk = b"spec:\n  replicas: 1\n" * (prefilter.MIN_BYTES // 20 // 3)
    (tmp_path / "a.yaml").write_bytes(chunk)
    (tmp_path / "b.yaml").write_bytes(chunk + b"model: org/name\n")
    (tmp_path / "c.yaml").write_bytes(chunk)
    screen = prefilter.Screen()
    markers = (Markers((b"model",)),)
    listed = list(candidates(tmp_path, [tmp_path]))
    assert all(screen.add(index, candidate, markers) for index, candidate in enumerate(listed))
    assert screen.finish() == set()  # kept: under MIN_FILES, over MIN_BYTES
    assert {listed[index].relative for index in screen.unmarked()} == {"a.yaml", "c.yaml"}


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
def test_a_file_over_the_size_limit_is_left_to_the_reader_not_read_by_grep(tmp_path: Path) -> None:
    (tmp_path / "small.yaml").write_text("model: org/name\n")
    with (tmp_path / "large.yaml").open("wb") as stream:
        stream.truncate(3 * 1024 * 1024)
    screen = prefilter.Screen()
    markers = (Markers((b"model",)),)
    added = {c.relative for index, c in enumerate(candidates(tmp_path, [tmp_path])) if screen.add(index, c, markers)}
    assert added == {"small.yaml"}


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
def test_files_read_while_grep_runs_on_later_batches_whose_output_fills_its_pipe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files of the first batch are read while the second one's `grep` waits on a full pipe: it is drained."""
    monkeypatch.setattr(prefilter, "BATCH_FILES", 400)
    for number in range(700):
        name = f"{number:03d}_{'x' * 240}.py"  # 700 long names: more than a pipe's 64 kB of grep's output
        (tmp_path / name).write_text(
            f'from transformers import AutoModel\nAutoModel.from_pretrained("org/m{number}")\n'
        )
    found = discover(tmp_path, [tmp_path])
    assert sum(len(artefact.references) for artefact in found.artefacts) == 700


def test_every_source_is_screenable_but_one_that_normalises_without_saying_how() -> None:
    assert all(prefilter.screenable([s.markers]) for s in SOURCES)
    assert not prefilter.screenable([Markers((b"model",), normalise=lambda data, path: data)])
    assert not prefilter.screenable([None])


# Pieces of which random files are built: marker words cut anywhere, and what a source's `normalise` removes or
# passes on (quotes, backslashes, line continuations, JSON string breaks, `\u`), in both cases.
_PIECES = (
    "'", '"', "\\", "\n", "\r\n", "\\\n", "\\\r\n", "\\ \n", " ", ",", '",', '","', '", "', '"\n  ,\n "',
    '"\r\n,"', "\\u", "x", "é", "\0", "\t",
)  # fmt: skip


def _random_text(rng: random.Random, words: tuple[bytes, ...], between: tuple[str, ...]) -> str:
    """Pieces, and words with some of `between` between some of their letters, some of them a letter short."""
    parts = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.6:
            parts.append(rng.choice(_PIECES))
            continue
        word = rng.choice(words).decode()
        letters = [letter + (rng.choice(between) if rng.random() < 0.3 else "") for letter in word]
        if rng.random() < 0.4:
            del letters[rng.randrange(len(letters))]
        parts.append("".join(letters).upper() if rng.random() < 0.2 else "".join(letters))
    return "".join(parts)


@pytest.mark.skipif(shutil.which("grep") is None, reason="needs grep")
@pytest.mark.parametrize(
    ("source_name", "names", "between"),
    [
        ("shell", ("run.sh", "Dockerfile"), ("'", '"', "\\", "\\\n", "\\\r\n", "\\ \n", "x")),
        ("notebook", ("n.ipynb",), ('",', '","', '", "', '"\n  ,\n "', '"\r\n,"', '"\t,"', "x")),
        ("python", ("a.py",), ("\\X", "\\x", "\\N", "\\n", "x")),  # escapes, tested on lower-cased bytes
        ("config", ("c.yaml", "c.json"), ("\\X", "\\U", "\\n", "\\/\\/", "x")),
    ],
)
def test_grep_never_rules_out_a_file_the_source_admits(
    tmp_path: Path, source_name: str, names: tuple[str, ...], between: tuple[str, ...]
) -> None:
    """A property checked on random files: every file the source's own test admits, `grep` names."""
    source = next(s for s in SOURCES if s.name == source_name)
    assert source.markers is not None
    rng = random.Random(f"{source_name}-7")
    for number in range(600):
        folder = tmp_path / f"{number:03d}"
        folder.mkdir()
        (folder / rng.choice(names)).write_bytes(_random_text(rng, source.markers.words, between).encode())
    screen = prefilter.Screen()
    listed = list(candidates(tmp_path, [tmp_path]))
    for index, candidate in enumerate(listed):
        assert screen.add(index, candidate, (source.markers,))
    assert screen.finish() == set()
    ruled_out = screen.unmarked()
    admitted = {i for i, c in enumerate(listed) if source.markers.admit(Path(c.path).read_bytes(), c.relative)}
    assert not admitted & ruled_out
    assert len(admitted) > 150 and len(ruled_out) > 25  # of both kinds (each new marker word leaves fewer out)


@pytest.mark.usefixtures("always_screen")
def test_files_read_aside_by_a_child_give_the_same_discovery(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tricky_tree(tmp_path)
    alone = discover(root, [root])
    monkeypatch.setattr(discovery_module, "ASIDE_FILES", 0)
    beside = discover(root, [root])
    assert outcome(beside) == outcome(alone)
    assert beside.files_read == alone.files_read


def test_a_few_large_files_shared_with_a_child_by_their_bytes_give_the_same_discovery(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fewer files than `ASIDE_FILES` that weigh `ASIDE_BYTES` are shared out (`read_shared`): the same findings."""
    for number in range(6):
        rows = [f'{{"id": {row}, "model": "gpt-4o", "note": "{"x" * 200}"}}' for row in range(40)]
        (tmp_path / f"results-{number}.json").write_text("[" + ",\n".join(rows) + "]\n", encoding="utf-8")
    monkeypatch.setattr(discovery_module, "ASIDE_BYTES", 1 << 40)
    alone = discover(tmp_path, [tmp_path])
    monkeypatch.setattr(discovery_module, "ASIDE_BYTES", 1)
    beside = discover(tmp_path, [tmp_path])
    assert outcome(beside) == outcome(alone)
    assert beside.files_read == alone.files_read == 6
    assert sum(len(artefact.references) for artefact in alone.artefacts) == 240


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_child_that_fails_leaves_the_work_to_the_caller() -> None:
    assert Aside(lambda: {"answer": 42}).result() == {"answer": 42}

    def broken() -> int:
        raise RuntimeError("boom")

    assert Aside(broken).result() is None
    assert Aside(lambda: os._exit(0)).result() is None  # exited without an answer


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("count", [0, 1, 3000, 10_001])  # 10,001: more items than a pipe holds positions, in groups
def test_a_handout_gives_each_item_once_to_whichever_process_asks(count: int) -> None:
    items = [number * 7 for number in range(count)]
    handout = Handout.of(items)
    assert handout is not None
    child = Aside(lambda: list(handout))
    mine = list(handout)
    handout.close()
    theirs = child.result()
    assert theirs is not None
    assert sorted(mine + theirs) == items


def test_no_child_is_forked_beside_running_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(aside.threading, "active_count", lambda: 2)
    assert Aside(lambda: 1).result() is None


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_failing_child_costs_no_reference(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tricky_tree(tmp_path)
    alone = discover(root, [root])
    monkeypatch.setattr(discovery_module, "ASIDE_FILES", 0)
    monkeypatch.setattr(discovery_module._Reader, "part", lambda self: 1 / 0)
    assert outcome(discover(root, [root])) == outcome(alone)


def test_discovery_collects_garbage_less_often_and_restores_the_collector(tmp_path: Path) -> None:
    """While discovery reads, the young generation is collected far less often; after it, as before, also when a
    file fails to read."""
    import gc

    (tmp_path / "train.py").write_text('AutoModel.from_pretrained("org/x")\n(unclosed\n')
    seen: list[tuple[int, ...]] = []

    class Watching:
        name = "watching"
        stems: frozenset[str] = frozenset()
        markers = None

        def wants(self, path: str) -> bool:
            return path.endswith(".py")

        def find(self, text: str, context: object) -> list[object]:
            seen.append(gc.get_threshold())
            raise RuntimeError("a reader's own bug")

    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        discover(tmp_path, [tmp_path], sources=(Watching(),))  # type: ignore[arg-type]
    assert seen and seen[0][0] == discovery_module._COLLECTION_THRESHOLD > before[0]
    assert gc.get_threshold() == before
