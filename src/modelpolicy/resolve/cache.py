"""A persistent cache of the Hub's answers, so that a scan run again does not ask the Hub again.

One SQLite file, `<folder>/hub.sqlite3`, holds one row per (kind, artefact id, revision): the resolver's opaque JSON
payload and when it was stored. An answer about a commit sha never changes, so it is kept forever; an answer about a
branch or tag ("main") may, so it expires after a time to live, and `refresh` ignores it at once.

Several processes may share the file (a pre-commit hook and a CI job, or parallel jobs): WAL lets readers go on while
one writer commits, a busy timeout and a few retries absorb contention, and each put is one transaction, so a killed
process leaves only whole rows. The cache is an optimisation, never a reason to fail: a file that is not our database
is moved aside and rebuilt, and a folder that cannot be written behaves as an empty cache, each with one warning.

The payload is opaque here: whether an entry has the shape its writer stores (one edited or damaged by hand may
not) is for the reader to check, and an entry that does not is a miss (`hub.well_formed`), asked again and replaced.

Nothing secret belongs here: the file is readable by whoever can read the folder, so callers store what the Hub said,
never a token or a header that carried one.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from modelpolicy.messages import say

CACHE_ENV = "MODELPOLICY_CACHE_DIR"
DEFAULT_TTL_SECONDS = 24 * 3600
SCHEMA = "modelpolicy-hub-cache/1"
FILENAME = "hub.sqlite3"

_T = TypeVar("_T")
COMMIT_SHA = re.compile(r"[0-9a-f]{40}")  # a revision that never moves
_BUSY_TIMEOUT_SECONDS = 10.0
# Sleeps between attempts when SQLite reports the database locked without waiting (as WAL may, for a stale snapshot).
_LOCKED_RETRY_SECONDS = (0.05, 0.2, 0.5)
_BROKEN = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})
_LOCKED = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_CREATE = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE entries (kind TEXT NOT NULL, artefact_id TEXT NOT NULL, revision TEXT NOT NULL,"
    " stored_at REAL NOT NULL, payload TEXT NOT NULL, PRIMARY KEY (kind, artefact_id, revision))",
)
_SELECT = "SELECT stored_at, payload FROM entries WHERE kind = ? AND artefact_id = ? AND revision = ?"
_IDS = "SELECT DISTINCT artefact_id FROM entries WHERE kind = ?"
_INSERT = "INSERT OR REPLACE INTO entries (kind, artefact_id, revision, stored_at, payload) VALUES (?, ?, ?, ?, ?)"


def default_cache_dir() -> Path:
    """`$MODELPOLICY_CACHE_DIR`, else `$XDG_CACHE_HOME/modelpolicy`, else `~/.cache/modelpolicy`."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    return user_cache_home() / "modelpolicy"


def user_cache_home() -> Path:
    """`$XDG_CACHE_HOME`, else `~/.cache`: where this tool's and huggingface_hub's caches live by default."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path("~/.cache").expanduser())


def _warn_on_stderr(message: str) -> None:
    say("warning", message)


class _Unusable(Exception):
    """The file opens as SQLite but is not our database (another schema, or none), so it must be moved aside."""


class ResolutionCache:
    """Hub answers by (kind, artefact id, revision); see the module docstring for what is kept and for how long."""

    def __init__(
        self,
        folder: Path,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        refresh: bool = False,
        warn: Callable[[str], None] = _warn_on_stderr,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = folder
        self.path = folder / FILENAME
        self.ttl_seconds = ttl_seconds
        self.refresh = refresh
        self.warn = warn
        self.clock = clock
        self._db: sqlite3.Connection | None = None
        self._disabled = False
        self._write_warned = False
        self._opened: tuple[int, int] | None = None

    def get(self, kind: str, artefact_id: str, revision: str) -> dict[str, Any] | None:
        """The payload stored for this key; None when absent, expired, ignored by `refresh`, or unreadable."""
        key = (kind, artefact_id.lower(), revision)
        row = self._attempt(lambda db: db.execute(_SELECT, key).fetchone(), writing=False)
        if row is None:
            return None
        stored_at, text = row
        if not COMMIT_SHA.fullmatch(revision) and (
            self.refresh or not 0 <= self.clock() - stored_at < self.ttl_seconds
        ):
            return None
        try:
            payload = json.loads(text)
        except (TypeError, ValueError):
            return None
        return payload if isinstance(payload, dict) else None

    def put(self, kind: str, artefact_id: str, revision: str, payload: dict[str, Any]) -> None:
        """Store `payload` (which must hold nothing secret) for this key, replacing any earlier answer.

        A payload that is not JSON raises, as that is the caller's bug; a cache that cannot be written only warns."""
        row = (kind, artefact_id.lower(), revision, self.clock(), json.dumps(payload))
        self._attempt(lambda db: db.execute(_INSERT, row), writing=True)

    def ids(self, kind: str) -> tuple[str, ...]:
        """Every id an answer is kept for, lower-cased as they are stored (for a did-you-mean); answers from another
        endpoint (`endpoint#id`) are left out."""
        rows = self._attempt(lambda db: db.execute(_IDS, (kind,)).fetchall(), writing=False) or []
        return tuple(str(row[0]) for row in rows if "#" not in str(row[0]))

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def _attempt(self, action: Callable[[sqlite3.Connection], _T], *, writing: bool) -> _T | None:
        """`action` on the open database, rebuilding it once if it turns out corrupt; None when it cannot be done.

        A get before anything was stored neither creates the folder nor warns. An error SQLite did not report (a
        closed connection, another thread, a value it cannot bind) is a bug in the caller, so it is raised."""
        for rebuilt in (False, True):
            if self._db is None and not self._disabled and (writing or self.path.exists()):
                self._db = self._open()
            if self._db is None:
                return None
            try:
                return _retry_if_locked(functools.partial(action, self._db))
            except sqlite3.Error as error:
                if _code(error) is None:
                    raise
                if _code(error) in _BROKEN and not rebuilt:
                    self.close()
                    self._move_aside(str(error), self._opened)
                    continue
                if writing and not self._write_warned:
                    self._write_warned = True
                    self.warn(f"could not write to the cache {self.path} ({error}); going on without storing")
                return None
        return None

    def _open(self) -> sqlite3.Connection | None:
        """Our database at `self.path`, created if absent and rebuilt once if not ours; None (after one warning) when
        even a fresh one cannot be opened."""
        found = _identity(self.path)
        try:
            return self._connect()
        except (_Unusable, sqlite3.Error) as error:
            if isinstance(error, sqlite3.Error) and _code(error) not in _BROKEN:
                self._disable(error)
            else:
                self._move_aside(str(error), found)
        except OSError as error:
            self._disable(error)
        if self._disabled:
            return None
        try:
            return self._connect()
        except (_Unusable, sqlite3.Error, OSError) as error:
            self._disable(error)
            return None

    def _connect(self) -> sqlite3.Connection:
        db = _connect(self.path)
        self._opened = _identity(self.path)
        return db

    def _move_aside(self, reason: str, found: tuple[int, int] | None) -> None:
        """Rename the database and its WAL files to `hub.sqlite3.broken-<unix time>`, keeping them for a bug report.

        `found` is the file as it was when opened: when another process has found it broken too and already replaced
        it, the path names that process's fresh database, which is left be."""
        if found is None or _identity(self.path) != found:
            return
        target = self.path.with_name(f"{FILENAME}.broken-{int(self.clock())}")
        try:
            self.path.replace(target)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    self.path.with_name(FILENAME + suffix).replace(f"{target}{suffix}")
        except OSError as error:
            self._disable(error)
            return
        self.warn(f"the cache {self.path} was unusable ({reason}); moved it to {target} and started a new one")

    def _disable(self, error: Exception) -> None:
        self._disabled = True
        self.warn(f"cannot use the cache {self.path} ({error}); going on without it")


def _connect(path: Path) -> sqlite3.Connection:
    """A connection to our database at `path`, creating its folder and schema if need be.

    Autocommit mode, so that each put is exactly one transaction; `synchronous=NORMAL` in WAL keeps every commit
    through a killed process (only a power cut may lose the last few), without an fsync per put."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        _retry_if_locked(lambda: _prepare(db))
    except BaseException:
        db.close()
        raise
    return db


def _identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of `path`, to tell whether it is still the file opened earlier; None when absent."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _prepare(db: sqlite3.Connection) -> None:
    """Create the schema in an empty database; raise `_Unusable` for one that is not ours, before changing it.

    The second look and the creation share one write transaction, so two processes opening a new file do not both
    create the schema."""
    _expect_ours(_found_schema(db))
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("BEGIN IMMEDIATE")
    try:
        found = _found_schema(db)
        if found is None:
            for statement in _CREATE:
                db.execute(statement)
            db.execute("INSERT INTO meta (key, value) VALUES ('schema', ?)", (SCHEMA,))
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    _expect_ours(found)


def _found_schema(db: sqlite3.Connection) -> str | None:
    """The database's schema marker: None when it has no tables at all, "" when it has tables but no marker."""
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() if "meta" in tables else None
    return str(row[0]) if row else ""


def _expect_ours(found: str | None) -> None:
    if found is not None and found != SCHEMA:
        raise _Unusable(f"schema {found!r}, expected {SCHEMA!r}" if found else f"tables but no {SCHEMA!r} marker")


def _code(error: sqlite3.Error) -> int | None:
    """SQLite's primary result code for `error`; None for an error the sqlite3 module raised itself."""
    code: int | None = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _retry_if_locked(action: Callable[[], _T]) -> _T:
    """`action()`, tried again after a pause when SQLite says the database is locked."""
    for pause in _LOCKED_RETRY_SECONDS:
        try:
            return action()
        except sqlite3.OperationalError as error:
            if _code(error) not in _LOCKED:
                raise
        time.sleep(pause)
    return action()
