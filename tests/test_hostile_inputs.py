"""A corpus of hostile inputs: each must be read or skipped with a reason, and the scan must finish, stay in its
tree, and find the references around it. Each case runs the whole scan (`cli.main`), with a time limit, so a hang
or an exponential walk fails here by name rather than stalling the suite."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from modelpolicy.cli import main

KNOWN = "mistralai/Mistral-7B-v0.1"  # in the bundled knowledge base: resolves offline
LOADER = f'from transformers import AutoModel\nAutoModel.from_pretrained("{KNOWN}")\n'
SECONDS = 20


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise AssertionError(f"the scan took more than {seconds} s: a hang or an exponential walk")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def scan(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    with time_limit(SECONDS):
        code = main(["scan", str(root), "--offline", "--format", "json"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    report: dict[str, object] = json.loads(captured.out)
    return report


def ids(report: dict[str, object]) -> set[str]:
    return {str(a["id"]) for a in report["artefacts"]}  # type: ignore[attr-defined, index]


def skipped(report: dict[str, object]) -> dict[str, str]:
    return {str(s["path"]): str(s["reason"]) for s in report["skipped"]}  # type: ignore[attr-defined, index]


def alias_bomb(depth: int = 12, width: int = 10) -> str:
    """The billion-laughs document: each anchor is a list of `width` aliases of the one before."""
    lines = ['l0: &l0 "lol"']
    for level in range(1, depth):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    lines.append(f"model_name_or_path: {KNOWN}")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def nested_json(depth: int) -> str:
    return '{"model_name_or_path": "' + KNOWN + '", "deep": ' + "[" * depth + "]" * depth + "}"


def notebook_with_output(megabytes: int) -> str:
    code = {"cell_type": "code", "metadata": {}, "execution_count": 1, "source": LOADER.splitlines(keepends=True)}
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["x" * (megabytes * 1024 * 1024)]}]
    return json.dumps({"cells": [code], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


HOSTILE: dict[str, Callable[[Path], None]] = {
    "yaml alias bomb": lambda root: (root / "bomb.yaml").write_text(alias_bomb()),
    "yaml alias bomb in a compose file": lambda root: (root / "docker-compose.yml").write_text(alias_bomb()),
    "yaml alias bomb in a CI workflow": lambda root: _write(
        root / ".github/workflows/ci.yml", alias_bomb() + "run: *l11\n"
    ),
    "json nested 100,000 deep": lambda root: (root / "deep.json").write_text(nested_json(100_000)),
    "toml nested deep": lambda root: (root / "deep.toml").write_text("x = " + "[" * 5_000 + "]" * 5_000 + "\n"),
    "python nested deep": lambda root: (root / "deep.py").write_text("x = " + "(" * 50_000 + ")" * 50_000 + "\n"),
    "a 50 MB single line": lambda root: (root / "big.py").write_text("x = '" + "a" * (50 * 1024 * 1024) + "'\n"),
    "NUL bytes": lambda root: (root / "nul.py").write_bytes(b"from_pretrained(\x00'org/x')\n"),
    "invalid UTF-8": lambda root: (root / "bad.py").write_bytes(b"from_pretrained('org/\xff\xfe')\n"),
    "UTF-16": lambda root: (root / "utf16.py").write_bytes(LOADER.encode("utf-16")),
    "a symlink loop": lambda root: (root / "loop").symlink_to(root, target_is_directory=True),
    "a symlink to itself": lambda root: (root / "self.py").symlink_to(root / "self.py"),
    "a symlink out of the tree": lambda root: (root / "outside.py").symlink_to("/etc/passwd"),
    "a folder symlink out of the tree": lambda root: (root / "etc").symlink_to("/etc", target_is_directory=True),
    "names with a newline, % and ::": lambda root: (root / "a\nb%25::c.py").write_text(LOADER),
    "a name with ANSI escapes": lambda root: (root / "\x1b[31mred\x1b[0m.py").write_text(LOADER),
    "an id carrying markup and escapes": lambda root: (root / "ids.py").write_text(
        "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("org/<script>alert(1)</script>")\n'
        'AutoModel.from_pretrained("org/[x](http://evil)")\n'
        'AutoModel.from_pretrained("org/\\x1b[31mred")\n'
    ),
}


@pytest.mark.parametrize("make", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_input_never_stops_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: Callable[[Path], None]
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "app.py").write_text(LOADER)
    make(root)
    report = scan(root, capsys)
    assert KNOWN in ids(report)
    assert all("<" not in i and "\x1b" not in i and "](" not in i for i in ids(report))
    assert not any(p.startswith(("/", "..")) for p in skipped(report))  # nothing outside the tree is named


def test_an_alias_bomb_is_read_without_expanding_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bomb.yaml").write_text(alias_bomb(depth=30))  # 10**29 leaves if expanded
    report = scan(tmp_path, capsys)
    assert (ids(report), skipped(report)) == ({KNOWN}, {})


def test_a_file_git_would_not_list_is_still_safe_in_a_plain_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    (tmp_path / "app.py").write_text(LOADER)
    assert KNOWN in ids(scan(tmp_path, capsys))


def test_a_large_notebook_output_does_not_hide_its_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "big.ipynb").write_text(notebook_with_output(20))
    report = scan(tmp_path, capsys)
    assert (ids(report), skipped(report)) == ({KNOWN}, {})
