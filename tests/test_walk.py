"""The file walk and the byte-level pre-filter: what is read, what is skipped and why, and that no reference form is
filtered out before its source sees it."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import modelpolicy.discover as discovery_module
from modelpolicy.discover import SOURCES, discover, names
from modelpolicy.discover import config as config_module
from modelpolicy.discover import python as python_source
from modelpolicy.discover.interface import FileContext, Source
from modelpolicy.discover.markers import admits
from modelpolicy.discover.walk import MAX_FILE_BYTES, Candidate, candidates, read_bytes
from tests.conftest import git_init

REFERENCE = 'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b")\n'
BY_NAME = {source.name: source for source in SOURCES}


def scan(root: Path) -> tuple[list[str], dict[str, str]]:
    discovery = discover(root, [root])
    found = [r.location for a in discovery.artefacts for r in a.references]
    return found, {s.path: s.reason for s in discovery.skipped}


def test_a_symlink_loop_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "train.py").write_text(REFERENCE)
    (tmp_path / "pkg" / "again").symlink_to(tmp_path)  # a folder loop
    (tmp_path / "self.py").symlink_to(tmp_path / "self.py")  # a file that points at itself
    found, skipped = scan(tmp_path)
    assert found == ["pkg/train.py:2"]
    assert skipped == {"self.py": "symbolic link loop, not followed"}


def test_a_symlink_out_of_the_tree_is_listed_not_followed(tmp_path: Path) -> None:
    outside, root = tmp_path / "outside", tmp_path / "repo"
    outside.mkdir()
    root.mkdir()
    (outside / "secret.py").write_text(REFERENCE)
    (root / "linked.py").symlink_to(outside / "secret.py")
    (root / "vendor").symlink_to(outside)
    (root / "notes.md").symlink_to(outside / "secret.py")  # wanted by no source: not listed
    (root / "inside.py").symlink_to(root / "linked.py")  # into the tree, then out: the target is what counts
    found, skipped = scan(root)
    assert found == []
    assert skipped == {
        "inside.py": "symbolic link to a file outside the tree, not followed",
        "linked.py": "symbolic link to a file outside the tree, not followed",
        "vendor": "symbolic link to a folder outside the tree, not followed",
    }


def test_a_symlink_into_the_tree_is_read_where_its_target_is(tmp_path: Path) -> None:
    (tmp_path / "train.py").write_text(REFERENCE)
    (tmp_path / "alias.py").symlink_to(tmp_path / "train.py")
    assert scan(tmp_path) == (["train.py:2"], {})


def test_a_symlink_in_a_git_tree_is_not_followed(tmp_path: Path) -> None:
    from tests.conftest import git_init

    outside, root = tmp_path / "outside", tmp_path / "repo"
    outside.mkdir()
    root.mkdir()
    (outside / "secret.py").write_text(REFERENCE)
    (root / "linked.py").symlink_to(outside / "secret.py")
    (root / "train.py").write_text(REFERENCE)
    git_init(root)
    found, skipped = scan(root)
    assert found == ["train.py:2"]
    assert skipped == {"linked.py": "symbolic link to a file outside the tree, not followed"}


def test_a_large_file_is_sized_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.py"
    with big.open("wb") as stream:  # 50 MB on one line, sparse on most file systems
        stream.write(b"x = 1")
        stream.truncate(50 * 1024 * 1024)
    (tmp_path / "train.py").write_text(REFERENCE)
    reads: list[int] = []
    real_read = os.read

    def read(descriptor: int, size: int) -> bytes:
        reads.append(size)
        return real_read(descriptor, size)

    monkeypatch.setattr(os, "read", read)
    found, skipped = scan(tmp_path)
    assert found == ["train.py:2"]
    assert skipped == {"big.py": f"larger than 2 MB ({50 * 1024 * 1024} bytes)"}
    assert max(reads) <= MAX_FILE_BYTES + 1


def test_a_file_that_grows_past_the_limit_is_not_read_past_it(tmp_path: Path) -> None:
    path = tmp_path / "growing.py"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 10))
    read = read_bytes(Candidate(str(path), "growing.py"))
    assert read.data is None and read.reason.startswith("larger than 2 MB")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"x = 1\n\0\0\0", "binary file"),
        (b'x = "caf\xe9"\n', "not UTF-8 (byte 8)"),
        ('MODEL = "org/x"\n'.encode("utf-16-be"), "binary file"),  # no BOM: NUL bytes
    ],
)
def test_unreadable_text_is_skipped_with_its_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    (tmp_path / "bad.py").write_bytes(data)
    (tmp_path / "bad.md").write_bytes(data)  # wanted by no source: not listed
    assert scan(tmp_path) == ([], {"bad.py": reason})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_with_its_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "model: org/x\n"
    data = text.encode(encoding) if encoding == "utf-16" else "\ufeff".encode(encoding) + text.encode(encoding)
    (tmp_path / "wide.yaml").write_bytes(data)
    assert scan(tmp_path) == (["wide.yaml:1"], {})


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("model.py", 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/x")\n'),
        ("config.json", '{"model": "org/x"}\n'),
    ],
)
def test_utf8_text_with_a_byte_order_mark_is_read_not_failed(tmp_path: Path, name: str, text: str) -> None:
    """Python, JSON and YAML readers skip a UTF-8 byte-order mark (editors on Windows write one); it is no syntax
    error that would fail the gate."""
    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode())
    line = text.count("\n", 0, text.index("org/x")) + 1
    assert scan(tmp_path) == ([f"{name}:{line}"], {})


@pytest.mark.parametrize("name", ["new\nline.py", "100%.py", "a::b.py", "\x1b[31mred\x1b[0m.py", "sp ace.py"])
def test_odd_file_names_are_kept_as_written(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text(REFERENCE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / name).write_bytes(b"\0binary")
    found, skipped = scan(tmp_path)
    assert found == [f"{name}:2"]
    assert skipped == {f"sub/{name}": "binary file"}


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.py"
    locked.write_text(REFERENCE)
    locked.chmod(0)
    (tmp_path / "locked.md").write_text("x")
    (tmp_path / "locked.md").chmod(0)  # wanted by no source: not opened, not listed
    try:
        assert scan(tmp_path) == ([], {"locked.py": "unreadable: Permission denied"})
    finally:
        locked.chmod(0o644)


def test_a_fifo_is_not_opened_for_reading(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(tmp_path / "pipe.py")
    assert scan(tmp_path) == ([], {"pipe.py": "not a regular file"})


def test_walk_order_is_files_then_folders_by_name(tmp_path: Path) -> None:
    for name in ["b.py", "a/z.py", "a/b/c.py", "a/a.py", "c.py", "node_modules/x.py", "env/pyvenv.cfg", "env/x.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    listed = [c.relative for c in candidates(tmp_path, [tmp_path])]
    # a tool's folder is listed (to be reported as skipped), not walked; a stray pyvenv.cfg hides nothing
    assert listed == ["b.py", "c.py", "node_modules", "a/a.py", "a/z.py", "a/b/c.py", "env/pyvenv.cfg", "env/x.py"]
    assert [c.relative for c in candidates(tmp_path, [tmp_path / "a" / "b"])] == ["a/b/c.py"]


def test_outside_git_a_virtual_environment_and_tool_folders_are_listed_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "env" / "bin").mkdir(parents=True)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr/bin\n")
    (tmp_path / "env" / "train.py").write_text(REFERENCE)
    (tmp_path / "node_modules").mkdir()
    (tmp_path / "node_modules" / "train.py").write_text(REFERENCE)
    (tmp_path / "empty-cfg").mkdir()
    (tmp_path / "empty-cfg" / "pyvenv.cfg").write_text("")
    (tmp_path / "empty-cfg" / "train.py").write_text(REFERENCE)
    found, skipped = scan(tmp_path)
    assert found == ["empty-cfg/train.py:2"]
    assert skipped == {
        "env": "a virtual environment (pyvenv.cfg), not read",
        "node_modules": "a tool's folder (node_modules/), not read",
    }


def test_in_git_every_tracked_file_is_read_wherever_it_is(tmp_path: Path) -> None:
    for folder in ("venv", "node_modules", "site-packages", ".tox", "__pycache__"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "train.py").write_text(REFERENCE)
    git_init(tmp_path)
    (tmp_path / "node_modules" / "untracked.py").write_text(REFERENCE)
    found, skipped = scan(tmp_path)
    assert sorted(found) == sorted(
        f"{folder}/train.py:2" for folder in ("venv", "node_modules", "site-packages", ".tox", "__pycache__")
    )
    assert skipped == {"node_modules": "untracked files in a tool's folder (node_modules/), not read"}


# --- The pre-filter ----------------------------------------------------------------------------------------------

# One file per reference form of each source: the filter must let it through and the source must find the reference.
FORMS = [
    ("python", "x.py", 'AutoModel.from_pretrained("org/x")\n'),
    ("python", "x.py", 'p = pipeline("text-generation", model="org/x")\n'),
    ("python", "x.py", 'load_dataset("org/x")\n'),
    ("python", "x.py", 'hf_hub_download("org/x", "config.json")\n'),
    ("python", "x.py", 'snapshot_download(repo_id="org/x")\n'),
    ("python", "x.py", 'SentenceTransformer("org/x")\n'),
    ("python", "x.py", 'CrossEncoder("org/x")\n'),
    ("python", "x.py", 'PeftModel.from_pretrained(base, "org/x")\n'),
    ("python", "x.py", 'client.chat.completions.create(model="gpt-4o", messages=[])\n'),
    ("python", "x.py", 'client.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=1)\n'),
    ("python", "x.py", 'ID = "org/x"\nfor i in [ID]:\n    AutoTokenizer.from_pretrained(i)\n'),
    ("python", "x.py", 'ｆrom_pretrained("org/x")\n'),  # noqa: RUF001 (NFKC: an identifier Python reads as ASCII)
    ("notebook", "x.ipynb", None),
    ("shell", "x.sh", "python train.py --model_name_or_path org/x\n"),
    ("shell", "x.sh", "python train.py --base-model=org/x\n"),
    ("shell", "x.sh", "python train.py --dataset_name org/x\n"),
    ("shell", "x.sh", "python train.py --tokenizer org/x\n"),
    ("shell", "x.sh", "huggingface-cli download org/x\n"),
    ("shell", "x.sh", "hf download org/x --repo-type dataset\n"),
    ("shell", "x.sh", 'python train.py --mo"del" org/x\n'),  # quotes a shell removes
    ("shell", "x.sh", "python train.py --mod\\\nel org/x\n"),  # a continuation inside a word
    ("shell", "Makefile", "train:\n\tpython train.py --model org/x\n"),
    ("shell", "Dockerfile", 'FROM python:3.12\nCMD ["python", "serve.py", "--model", "org/x"]\n'),
    ("shell", "Dockerfile", 'FROM python:3.12\nCMD ["python", "serve.py", "--\\u006dodel", "org/x"]\n'),
    ("shell", "Dockerfile", "FROM python:3.12\nRUN python serve.py --mod\\\n# note\nel org/x\n"),
    ("config", "x.yaml", "base_model: org/x\n"),
    ("config", "x.yaml", "MODEL_ID: org/x\n"),
    ("config", "x.yaml", "datasets:\n  - path: org/x\n"),
    ("config", "x.yaml", "weights: https://huggingface.co/org/x\n"),
    ("config", "x.json", '{"Tokenizer_Name": "org/x"}\n'),
    ("config", "x.toml", 'repo_id = "org/x"\n'),
    ("config", ".env", "MODEL_ID=org/x\n"),
    ("manifest", "modelpolicy.toml", 'models = ["org/x"]\n'),
    ("manifest", "pyproject.toml", '[tool.modelpolicy]\ndatasets = ["org/x"]\n'),
]


def _notebook(*cells: list[str]) -> str:
    document = {
        "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": cell} for cell in cells],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document)


NOTEBOOKS = [
    _notebook(['m = AutoModel.from_pretrained("org/x")\n']),
    _notebook(["m = AutoModel.from_pre", 'trained("org/x")\n']),  # a name split across two JSON strings
    _notebook(['m = AutoModel.\\u0066rom_pretrained("org/x")\n']).replace("\\\\u", "\\u"),  # a JSON escape
]


@pytest.mark.parametrize(
    ("source", "path", "text"),
    [form for form in FORMS if form[2] is not None] + [("notebook", "x.ipynb", nb) for nb in NOTEBOOKS],
)
def test_every_reference_form_passes_the_filter(source: str, path: str, text: str) -> None:
    found = BY_NAME[source].find(text, FileContext(path, lambda _: False))
    assert found, "the form is one the source reads"
    assert admits(BY_NAME[source], text.encode(), path)


@pytest.mark.parametrize(
    ("source", "path", "text"),
    [
        ("python", "x.py", "import json\n\ndef load(path):\n    return json.loads(path.read_text())\n"),
        ("notebook", "x.ipynb", _notebook(["import math\n", "print(math.pi)\n"])),
        ("shell", "x.sh", "#!/bin/sh\nset -e\necho done > out.log\n"),
        ("config", "x.json", '[{"label": "cat", "score": 0.5}]\n'),
        ("manifest", "pyproject.toml", '[project]\nname = "x"\n'),
    ],
)
def test_files_without_markers_are_not_parsed(source: str, path: str, text: str) -> None:
    assert not admits(BY_NAME[source], text.encode(), path)


def test_non_ascii_python_always_passes() -> None:
    assert admits(BY_NAME["python"], "# café\nx = 1\n".encode(), "x.py")


def test_the_python_markers_cover_every_loader() -> None:
    """Derived from python.py's tables: every loader is named by a marker, or takes its id only in a keyword that
    holds one; every name ending a reference-holding name holds one."""
    markers = BY_NAME["python"].markers
    assert markers is not None
    words = markers.words
    loaders = python_source._LOADERS
    for name, loader in loaders.items():
        keywords = (*loader.keywords, *getattr(loader, "also", ()))
        by_keyword = loader.position is None and all(any(w.decode() in k.lower() for w in words) for k in keywords)
        assert by_keyword or any(w.decode() in name.lower() for w in words), name
    assert all(any(w.decode() in "_".join(ending) for w in words) for ending in names.ENDINGS)


@pytest.mark.parametrize("source", ["python", "config", "shell"])
def test_every_name_the_naming_rule_reads_holds_a_marker_word(source: str) -> None:
    """Sources that read variables, keys or fields by their name (`names.named_kind`) pass every file naming one."""
    markers = BY_NAME[source].markers
    assert markers is not None
    assert all(any(word.decode() in "_".join(ending) for word in markers.words) for ending in names.ENDINGS)


def test_a_source_without_markers_reads_every_file_it_wants() -> None:
    class Other:
        name = "other"
        stems: frozenset[str] = frozenset()
        markers = None

        def wants(self, path: str) -> bool:
            return True

        def find(self, text: str, context: FileContext) -> list[object]:
            return []

    other: Source = Other()  # type: ignore[assignment]
    assert admits(other, b"nothing here", "x.txt")


def test_files_the_filter_drops_are_still_counted_as_read(tmp_path: Path) -> None:
    (tmp_path / "util.py").write_text("def f():\n    return 1\n")
    (tmp_path / "train.py").write_text(REFERENCE)
    discovery = discover(tmp_path, [tmp_path])
    assert discovery.files_read == 2
    assert [a.id for a in discovery.artefacts] == ["mosaicml/mpt-30b"]


_NAMES = (
    "train.py", "x.pyi", "a.PY", "py", ".py", "n.ipynb", "run.sh", "r.bash", "rules.mk", "Makefile", "makefile",
    "GNUmakefile", "MAKEFILE", "Makefile.am", "Dockerfile", "dockerfile", "DOCKERFILE", "Dockerfile.gpu",
    "gpu.Dockerfile", "api.dockerfile", "Containerfile", "containerfile.x", "Dockerfile_base", "Dockerfile-cuda",
    "Containerfile_gpu", "dockerfile-lint.json", "Dockerfile_x.md", "c.yaml", "c.YML", "c.json",
    "server.containerfile", "Containerfile.cuda", "x.Containerfile", "config.pbtxt", "a.textproto", "n.prototxt",
    "pyproject.toml", "Pyproject.toml", "modelpolicy.toml", ".modelpolicy.toml", "other.toml", ".env", ".env.local",
    "prod.env", "env", ".envrc", "README", "a.b.c.yaml", "a.yaml.txt", "setup.cfg", "x.", "..", "a..py",
    "app.js", "App.JSX", "m.mjs", "c.cjs", "x.ts", "v.tsx", "a.mts", "b.cts", "js", ".ts", "x.d.ts", "a.json5",
    "Modelfile", "x.modelfile", "schema.sql", "env.example", "Package-Lock.json", "uv.lock",
    "train.slurm", "job.sbatch", "a.SLURM", "shortnames.conf", "env.example.watsonx", "env.local.gpu",
    *sorted(config_module._LOCKFILES), *sorted(config_module._ENV_NAMES),
)  # fmt: skip


def test_the_sources_a_file_goes_to_are_told_by_its_ending_or_by_its_stem() -> None:
    """Asking once per ending gives what asking each source about each file gives, in whatever order files come."""
    rng = random.Random(3)
    names = [
        *_NAMES,
        *(f"{rng.choice(('x', 'Docker', 'make', ''))}{rng.randint(0, 9)}{rng.choice(_NAMES)}" for _ in range(300)),
    ]
    for order in (names, sorted(names), rng.sample(names, len(names))):
        dispatch = discovery_module._Dispatch(SOURCES)
        for name in order:
            path = f"pkg/{name}"
            assert dispatch.wanted(path) == tuple(s for s in SOURCES if s.wants(path)), name


def test_the_routes_load_a_source_for_every_file_it_wants() -> None:
    """Without given sources, a source is loaded only for names its route may want: those must cover every name its
    `wants` accepts, with its own stems, so that loading lazily changes nothing."""
    rng = random.Random(5)
    names = [
        *_NAMES,
        *(f"{rng.choice(('x', 'Docker', 'make', ''))}{rng.randint(0, 9)}{rng.choice(_NAMES)}" for _ in range(300)),
    ]
    for order in (names, rng.sample(names, len(names))):
        lazy = discovery_module._Dispatch(None)
        for name in order:
            path = f"pkg/{name}"
            assert [s.name for s in lazy.wanted(path)] == [s.name for s in SOURCES if s.wants(path)], name
    for route, source in zip(discovery_module.ROUTES, SOURCES, strict=True):
        assert (route.stems, type(source).__name__) == (source.stems, route.name)


def test_a_scan_of_one_python_file_loads_the_python_source_only(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text('from transformers import AutoModel\nAutoModel.from_pretrained("org/model")\n')
    probe = (
        "import sys; from pathlib import Path; from modelpolicy.discover import discover; "
        f"found = discover(Path({str(tmp_path)!r}), [Path({str(tmp_path / 'app.py')!r})]); "
        "print(len(found.artefacts), sorted(m for m in sys.modules if m.startswith('modelpolicy.discover.')))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split(" ", 1)
    assert out[0] == "1"
    loaded = out[1]
    assert "modelpolicy.discover.python" in loaded
    for other in ("config", "containers", "notebook", "shell", "manifest"):
        assert f"modelpolicy.discover.{other}'" not in loaded, other


@pytest.mark.parametrize(
    ("revision", "expected"),
    [('"main"', None), ('"v1.0"', "v1.0"), ('"a" + "\\ud800"', None), ('"bad\\x1b[31mref"', None), ('"x y"', None)],
)
def test_main_is_no_pin_and_text_that_is_no_git_ref_is_no_revision(
    tmp_path: Path, revision: str, expected: str | None
) -> None:
    (tmp_path / "a.py").write_text(
        "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("org/x")\n'
        f'AutoModel.from_pretrained("org/x", revision={revision})\n'
    )
    artefacts = discover(tmp_path, [tmp_path]).artefacts
    assert sorted((a.id, a.revision or "") for a in artefacts) == sorted({("org/x", ""), ("org/x", expected or "")})


@pytest.mark.parametrize(
    ("lockfile", "config", "text"),
    [
        ("package-lock.json", "static/routes.json", '{"primary_model": "org/routed-model"}\n'),
        ("pnpm-lock.yaml", "deploy/values.yaml", "model: org/routed-model\n"),
    ],
)
def test_a_lockfile_read_first_hides_no_config_file_of_its_ending(
    tmp_path: Path, lockfile: str, config: str, text: str
) -> None:
    """The config source leaves package managers' lockfiles out by their whole name: the files of the same ending
    that the walk meets after one (`package-lock.json` at the root, JSON in a folder) are still read."""
    (tmp_path / lockfile).write_text("{}\n" if lockfile.endswith(".json") else "lockfileVersion: '9.0'\n")
    (tmp_path / config).parent.mkdir(parents=True)
    (tmp_path / config).write_text(text)
    found = discover(tmp_path, [tmp_path])
    assert [(a.id, [r.path for r in a.references]) for a in found.artefacts] == [("org/routed-model", [config])]
