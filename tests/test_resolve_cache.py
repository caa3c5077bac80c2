"""The persistent cache of Hub answers: what it keeps and for how long, and that a broken, foreign, shared or
unwritable cache file never stops a scan."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from modelpolicy.resolve.cache import FILENAME, SCHEMA, ResolutionCache, default_cache_dir

SHA = "0123456789abcdef0123456789abcdef01234567"
PAYLOAD = {"licence": "apache-2.0", "parents": [["model", "org/base"]]}

# Writes `count` entries named `<name>/m<number>` once stdin gives the word, printing each number once committed.
WRITER = """
import sys
from pathlib import Path

from modelpolicy.resolve.cache import ResolutionCache

folder, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
sys.stdin.readline()
with ResolutionCache(folder) as cache:
    for number in range(count):
        cache.put("model", f"{name}/m{number}", "main", {"number": number})
        print(number, flush=True)
"""


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def writer(folder: Path, name: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), name, str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_answer_comes_back_and_constructing_or_missing_costs_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    with ResolutionCache(folder) as cache:
        assert not folder.exists()
        assert cache.get("model", "org/name", "main") is None
        assert not folder.exists()
        cache.put("model", "org/name", "main", PAYLOAD)
        assert cache.get("model", "org/name", "main") == PAYLOAD
        assert cache.get("dataset", "org/name", "main") is None
        assert cache.get("model", "org/name", SHA) is None
    assert folder.stat().st_mode & 0o777 == 0o700
    assert ResolutionCache(folder).get("model", "org/name", "main") == PAYLOAD


def test_the_id_is_case_insensitive_and_a_put_replaces(tmp_path: Path) -> None:
    cache = ResolutionCache(tmp_path)
    cache.put("model", "Org/Name", SHA, {"licence": "mit"})
    cache.put("model", "org/NAME", SHA, PAYLOAD)
    assert cache.get("model", "ORG/name", SHA) == PAYLOAD


def test_a_sha_is_kept_forever_and_a_branch_expires(tmp_path: Path) -> None:
    clock = Clock()
    cache = ResolutionCache(tmp_path, ttl_seconds=3600, clock=clock)
    cache.put("model", "org/name", SHA, {"at": "sha"})
    cache.put("model", "org/name", "main", {"at": "main"})
    clock.now += 3599
    assert cache.get("model", "org/name", "main") == {"at": "main"}
    clock.now += 1
    assert cache.get("model", "org/name", "main") is None
    clock.now += 10 * 365 * 24 * 3600
    assert cache.get("model", "org/name", SHA) == {"at": "sha"}


def test_refresh_ignores_branches_but_not_shas_and_still_writes(tmp_path: Path) -> None:
    ResolutionCache(tmp_path).put("model", "org/name", "main", {"at": "old main"})
    ResolutionCache(tmp_path).put("model", "org/name", SHA, {"at": "sha"})
    refreshing = ResolutionCache(tmp_path, refresh=True)
    assert refreshing.get("model", "org/name", "main") is None
    assert refreshing.get("model", "org/name", SHA) == {"at": "sha"}
    refreshing.put("model", "org/name", "main", {"at": "new main"})
    assert ResolutionCache(tmp_path).get("model", "org/name", "main") == {"at": "new main"}


def test_the_default_folder_honours_our_variable_then_xdg(
    isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", str(tmp_path / "ours"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "ours"
    monkeypatch.setenv("MODELPOLICY_CACHE_DIR", "")
    assert default_cache_dir() == tmp_path / "xdg" / "modelpolicy"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == isolated_home / ".cache" / "modelpolicy"


def foreign_database(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
        db.execute("INSERT INTO notes VALUES ('not ours')")
    db.close()


def other_schema(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('schema', 'modelpolicy-hub-cache/0')")
    db.close()


@pytest.mark.parametrize(
    "spoil",
    [lambda path: path.write_bytes(b"not a database" * 100), foreign_database, other_schema],
    ids=["garbage", "foreign", "other-schema"],
)
def test_a_file_that_is_not_our_database_is_moved_aside_with_one_warning(
    tmp_path: Path, spoil: Callable[[Path], object]
) -> None:
    path = tmp_path / FILENAME
    spoil(path)
    original = path.read_bytes()
    warnings: list[str] = []
    cache = ResolutionCache(tmp_path, warn=warnings.append, clock=Clock())
    assert cache.get("model", "org/name", SHA) is None
    moved = tmp_path / f"{FILENAME}.broken-1000000"
    assert len(warnings) == 1
    assert str(path) in warnings[0]
    assert str(moved) in warnings[0]
    assert "\n" not in warnings[0]
    assert moved.read_bytes() == original
    cache.put("model", "org/name", SHA, PAYLOAD)
    cache.close()
    assert ResolutionCache(tmp_path, warn=warnings.append).get("model", "org/name", SHA) == PAYLOAD
    assert len(warnings) == 1
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA,)
    db.close()


def test_a_database_corrupt_past_its_header_is_moved_aside_when_a_read_finds_it(tmp_path: Path) -> None:
    with ResolutionCache(tmp_path) as cache:
        for number in range(50):
            cache.put("model", f"org/m{number}", SHA, {"number": number})
    path = tmp_path / FILENAME
    data = path.read_bytes()
    corrupt = data[: 3 * 4096] + b"\xff" * (len(data) - 3 * 4096)
    path.write_bytes(corrupt)
    warnings: list[str] = []
    cache = ResolutionCache(tmp_path, warn=warnings.append, clock=Clock())
    assert cache.get("model", "org/m1", SHA) is None
    assert len(warnings) == 1
    assert "malformed" in warnings[0]
    assert (tmp_path / f"{FILENAME}.broken-1000000").read_bytes() == corrupt
    cache.put("model", "org/m1", SHA, PAYLOAD)
    assert cache.get("model", "org/m1", SHA) == PAYLOAD


def test_a_payload_that_does_not_decode_is_missing(tmp_path: Path) -> None:
    ResolutionCache(tmp_path).put("model", "org/name", SHA, PAYLOAD)
    ResolutionCache(tmp_path).put("model", "org/list", SHA, PAYLOAD)
    with sqlite3.connect(tmp_path / FILENAME) as db:
        db.execute("UPDATE entries SET payload = '{\"licence\": ' WHERE artefact_id = 'org/name'")
        db.execute("UPDATE entries SET payload = '[1, 2]' WHERE artefact_id = 'org/list'")
    db.close()
    assert ResolutionCache(tmp_path).get("model", "org/name", SHA) is None
    assert ResolutionCache(tmp_path).get("model", "org/list", SHA) is None


def test_two_processes_writing_at_once_both_finish_and_every_entry_is_kept(tmp_path: Path) -> None:
    processes = [writer(tmp_path, name, 200) for name in ("first", "second")]
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
        assert errors == ""
    cache = ResolutionCache(tmp_path)
    for name in ("first", "second"):
        for number in range(200):
            assert cache.get("model", f"{name}/m{number}", "main") == {"number": number}


def test_a_process_killed_while_writing_leaves_its_committed_entries_readable(tmp_path: Path) -> None:
    process = writer(tmp_path, "killed", 1_000_000)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    committed = -1
    while committed < 300:
        committed = int(process.stdout.readline())
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    warnings: list[str] = []
    cache = ResolutionCache(tmp_path, warn=warnings.append)
    for number in range(committed + 1):
        assert cache.get("model", f"killed/m{number}", "main") == {"number": number}
    cache.put("model", "org/after", SHA, PAYLOAD)
    assert cache.get("model", "org/after", SHA) == PAYLOAD
    assert warnings == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to a read-only folder")
def test_a_read_only_folder_gives_one_warning_and_an_empty_cache(tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o500)
    warnings: list[str] = []
    try:
        cache = ResolutionCache(folder, warn=warnings.append)
        cache.put("model", "org/name", SHA, PAYLOAD)
        cache.put("model", "org/other", SHA, PAYLOAD)
        assert cache.get("model", "org/name", SHA) is None
    finally:
        folder.chmod(0o700)
    assert len(warnings) == 1
    assert str(folder) in warnings[0]


def test_a_folder_that_cannot_be_made_gives_one_warning_and_an_empty_cache(tmp_path: Path) -> None:
    """Runs as root too: not even root can make a folder where a file stands."""
    folder = tmp_path / "a-file"
    folder.write_text("")
    warnings: list[str] = []
    cache = ResolutionCache(folder, warn=warnings.append)
    cache.put("model", "org/name", SHA, PAYLOAD)
    cache.put("model", "org/other", SHA, PAYLOAD)
    assert cache.get("model", "org/name", SHA) is None
    assert len(warnings) == 1
    assert str(folder) in warnings[0]


def test_ids_lists_what_answers_are_kept_for_by_kind_but_not_another_endpoints(tmp_path: Path) -> None:
    with ResolutionCache(tmp_path) as cache:
        assert cache.ids("model") == ()  # nothing stored: no database is created to answer
        cache.put("model", "Org/Model", "main", {"id": "Org/Model"})
        cache.put("model", "Org/Model", "a" * 40, {"id": "Org/Model"})
        cache.put("model", "http://mirror.example#org/other", "main", {})
        cache.put("dataset", "org/corpus", "main", {})
        assert cache.ids("model") == ("org/model",)
        assert cache.ids("dataset") == ("org/corpus",)
