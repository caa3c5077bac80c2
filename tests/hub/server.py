"""A small local Hugging Face Hub for tests (standard library only).

It serves what the real `huggingface_hub` client asks for when it reads licence
metadata: the model/dataset info endpoints and `resolve/<rev>/README.md`.

    with HubServer() as hub:
        api = HfApi(endpoint=hub.endpoint, token=False)
        api.model_info("mosaicml/mpt-30b-instruct", expand=["cardData"])
        hub.requests  # [("GET", "/api/models/mosaicml/mpt-30b-instruct"), ...]

Fixtures are JSON files under ``fixtures/models`` and ``fixtures/datasets``, one per repo::

    {"id": "o/r", "sha": "<40 hex>", "cardData": {...}, "tags": [...], "gated": false,
     "readme": "---\\nlicense: mit\\n---\\n# ...",
     "aliases": ["old-owner/old-name"],            # renamed repo: old ids answer 307
     "revisions": {"<rev or sha>": {...top-level overrides, may include sha/readme...}}}

Fault injection (each matches on the request path without query, by prefix):
    hub.fail("/api/models/o/r", [429, 200])          # 200 in the queue = "serve normally"
    hub.fail("/api/models/o/r", [500, 500, 500], retry_after=0)
    hub.delay("/api/models/o/r", 0.5)                # one slow response (times=None: every time)
    hub.corrupt("/api/models/o/r")                   # one 200 with an invalid JSON body
    hub.cut("/api/models/o/r")                       # one 200 whose body stops half-way: a TCP reset
    hub.drip("/api/models/o/r", 0.2)                 # a 200 whose body comes one byte per 0.2 s, never ending

The Authorization header is never logged or stored; only whether one was sent.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures"
REPO_TYPES = {"models": "model", "datasets": "dataset"}
# Keys of a fixture that describe the fake Hub, not the API payload.
_PRIVATE_KEYS = {"readme", "revisions", "aliases", "files"}


@dataclass
class _Rule:
    prefix: str
    kind: str  # "fail" | "delay" | "corrupt" | "cut" | "drip"
    statuses: list[int] = field(default_factory=list)
    retry_after: float | int | None = None
    seconds: float = 0.0
    times: int | None = 1  # None = forever


@dataclass(frozen=True)
class Logged:
    method: str
    path: str
    query: str
    status: int
    authorized: bool
    request_id: str


def load_fixtures(root: Path = FIXTURES) -> dict[str, dict[str, dict[str, Any]]]:
    """{"model": {id: data}, "dataset": {id: data}} from ``root/models/*.json`` and ``root/datasets/*.json``."""
    repos: dict[str, dict[str, dict[str, Any]]] = {"model": {}, "dataset": {}}
    for folder, repo_type in REPO_TYPES.items():
        for path in sorted((root / folder).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            repos[repo_type][data["id"]] = data
    return repos


class HubServer:
    """A threaded HTTP server on 127.0.0.1 (port 0) that mimics the Hub's read API."""

    def __init__(self, fixtures: Path | dict[str, dict[str, dict[str, Any]]] = FIXTURES, *, gate_api: bool = False):
        self.repos = load_fixtures(fixtures) if isinstance(fixtures, Path) else copy.deepcopy(fixtures)
        self.gate_api = gate_api  # the real Hub serves info of gated repos without a token; files are gated
        self._aliases: dict[tuple[str, str], str] = {}
        for repo_type, repos in self.repos.items():
            for repo_id, data in repos.items():
                for old in data.get("aliases", []):
                    self._aliases[(repo_type, old)] = repo_id
        self._lock = threading.Lock()
        self._requests: list[tuple[str, str]] = []
        self._log: list[Logged] = []
        self._rules: list[_Rule] = []
        self._ids = itertools.count(1)
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()  # ends the answers that `drip` never finishes

    # ---------------------------------------------------------------- lifecycle
    def start(self) -> HubServer:
        hub = self
        self._stopping.clear()

        class Handler(_Handler):
            server_hub = hub

        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), name="fake-hub", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> HubServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def endpoint(self) -> str:
        assert self._httpd is not None, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    # ---------------------------------------------------------------- inspection
    @property
    def requests(self) -> list[tuple[str, str]]:
        """A snapshot of (method, path-without-query) for every request received."""
        with self._lock:
            return list(self._requests)

    @property
    def log(self) -> list[Logged]:
        with self._lock:
            return list(self._log)

    def count(self, method: str | None = None, prefix: str = "") -> int:
        return sum(1 for m, p in self.requests if (method is None or m == method) and p.startswith(prefix))

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            self._log.clear()
            self._rules.clear()

    # ---------------------------------------------------------------- faults
    def fail(self, path_prefix: str, statuses: Iterable[int], retry_after: float | int | None = None) -> None:
        """Answer the next matching requests with these statuses, in order (200 = serve normally)."""
        with self._lock:
            self._rules.append(_Rule(path_prefix, "fail", statuses=list(statuses), retry_after=retry_after))

    def delay(self, path_prefix: str, seconds: float, times: int | None = 1) -> None:
        with self._lock:
            self._rules.append(_Rule(path_prefix, "delay", seconds=seconds, times=times))

    def corrupt(self, path_prefix: str, times: int | None = 1) -> None:
        with self._lock:
            self._rules.append(_Rule(path_prefix, "corrupt", times=times))

    def cut(self, path_prefix: str, times: int | None = 1) -> None:
        """Send half of the next matching answer's body, then reset the connection (RST, not a clean close)."""
        with self._lock:
            self._rules.append(_Rule(path_prefix, "cut", times=times))

    def drip(self, path_prefix: str, interval: float, times: int | None = None) -> None:
        """Answer 200 with a long body sent one byte every `interval` seconds until the server stops: each read
        gets a byte well within any read timeout, so only a deadline on the whole ends the wait."""
        with self._lock:
            self._rules.append(_Rule(path_prefix, "drip", seconds=interval, times=times))

    def _dripping(self, path: str) -> float:
        """The interval of a `drip` rule for this request (consumed), else 0."""
        with self._lock:
            for rule in self._rules:
                if rule.kind == "drip" and path.startswith(rule.prefix):
                    if rule.times is not None:
                        rule.times -= 1
                        if rule.times <= 0:
                            self._rules.remove(rule)
                    return rule.seconds
        return 0.0

    def _take_faults(self, path: str) -> tuple[int | None, float | int | None, float, bool, bool]:
        """(status to fail with, retry_after, delay seconds, corrupt, cut) for this request; consumes queued faults."""
        status: int | None = None
        retry_after: float | int | None = None
        seconds = 0.0
        corrupt = False
        cut = False
        with self._lock:
            for rule in list(self._rules):
                if not path.startswith(rule.prefix):
                    continue
                if rule.kind == "drip":
                    continue
                if rule.kind == "fail":
                    if status is not None or not rule.statuses:
                        continue
                    status = rule.statuses.pop(0)
                    retry_after = rule.retry_after
                    if not rule.statuses:
                        self._rules.remove(rule)
                    continue
                if rule.kind == "delay" and not seconds:
                    seconds = rule.seconds
                elif rule.kind == "corrupt" and not corrupt:
                    corrupt = True
                elif rule.kind == "cut" and not cut:
                    cut = True
                else:
                    continue
                if rule.times is not None:
                    rule.times -= 1
                    if rule.times <= 0:
                        self._rules.remove(rule)
        return status, retry_after, seconds, corrupt, cut

    def _record(self, entry: Logged) -> None:
        with self._lock:
            self._requests.append((entry.method, entry.path))
            self._log.append(entry)

    def _next_id(self) -> str:
        with self._lock:
            return f"fakehub-{next(self._ids):06d}"

    # ---------------------------------------------------------------- data
    def resolve_repo(self, repo_type: str, repo_id: str) -> tuple[dict[str, Any] | None, str | None]:
        """(fixture, None) if known; (None, new_id) if renamed; (None, None) if unknown."""
        data = self.repos.get(repo_type, {}).get(repo_id)
        if data is not None:
            return data, None
        return None, self._aliases.get((repo_type, repo_id))

    @staticmethod
    def at_revision(data: dict[str, Any], revision: str | None) -> dict[str, Any] | None:
        """The repo as seen at `revision` (None/"main"/its sha = head), or None if the revision is unknown."""
        if revision in (None, "main", data.get("sha")):
            return data
        revisions = data.get("revisions", {})
        override = revisions.get(revision)
        if override is None:
            override = next((o for o in revisions.values() if o.get("sha") == revision), None)
        if override is None:
            return None
        merged = {k: v for k, v in data.items() if k != "revisions"}
        merged.update(copy.deepcopy(override))
        return merged

    @staticmethod
    def payload(repo_type: str, data: dict[str, Any], expand: list[str] | None) -> dict[str, Any]:
        repo_id = data["id"]
        full: dict[str, Any] = {
            "_id": hashlib.sha1(repo_id.encode()).hexdigest()[:24],
            "id": repo_id,
            "author": repo_id.split("/")[0] if "/" in repo_id else None,
            "private": False,
            "disabled": False,
            "gated": False,
            "lastModified": "2024-01-15T00:00:00.000Z",
            "tags": [],
        }
        if repo_type == "model":
            full["modelId"] = repo_id
        full.update({k: copy.deepcopy(v) for k, v in data.items() if k not in _PRIVATE_KEYS})
        files = ["README.md"] if "readme" in data else []
        files += list(data.get("files", {}))
        full.setdefault("siblings", [{"rfilename": f} for f in files])
        if expand is None:
            return full
        return {k: v for k, v in full.items() if k in {"id", "_id", *expand}}

    @staticmethod
    def file_bytes(data: dict[str, Any], filename: str) -> bytes | None:
        if filename == "README.md" and "readme" in data:
            return str(data["readme"]).encode("utf-8")
        files = data.get("files", {})
        if filename in files:
            return str(files[filename]).encode("utf-8")
        return None


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up (it timed out on a delayed answer) is part of the tests, not an error to print."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server_hub: HubServer
    _cut = False  # this answer is cut off half-way (`HubServer.cut`)
    protocol_version = "HTTP/1.1"
    # Headers and body go out as two writes: without this, Nagle's algorithm holds the body until the client's
    # delayed acknowledgement (40 ms on Linux), which would add to every answer a latency no real Hub has.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        self._handle(head=False)

    def do_HEAD(self) -> None:
        self._handle(head=True)

    # ------------------------------------------------------------------
    def _handle(self, head: bool) -> None:
        hub = self.server_hub
        split = urlsplit(self.path)
        path, query = split.path, split.query
        self._request_id = hub._next_id()
        self._query = query
        interval = hub._dripping(unquote(path))
        if interval:
            return self._drip(interval)
        status, retry_after, seconds, corrupt, self._cut = hub._take_faults(unquote(path))
        if seconds:
            time.sleep(seconds)
        if status is not None and status != 200:
            headers = {}
            if retry_after is not None:
                headers["Retry-After"] = str(retry_after)
            return self._json(status, {"error": f"injected {status}"}, head, headers)
        return self._route(path, query, head, corrupt)

    def _route(self, path: str, query: str, head: bool, corrupt: bool) -> None:
        parts = path.strip("/").split("/")  # still quoted: a revision "refs%2Fpr%2F1" stays one segment
        # Repo ids are "owner/name"; a legacy one-segment id (e.g. "bert-base-uncased") is accepted too.
        if len(parts) >= 3 and parts[0] == "api" and parts[1] in REPO_TYPES:
            repo_type = REPO_TYPES[parts[1]]
            rest = [unquote(p) for p in parts[2:]]
            if len(rest) in (1, 2):
                return self._info(repo_type, "/".join(rest), None, query, head=head, corrupt=corrupt)
            for n in (2, 1):
                if len(rest) == n + 2 and rest[n] == "revision":
                    return self._info(repo_type, "/".join(rest[:n]), rest[n + 1], query, head=head, corrupt=corrupt)
        repo_type, rest = "model", parts
        if parts and parts[0] == "datasets":
            repo_type, rest = "dataset", parts[1:]
        for n in (2, 1):
            if len(rest) >= n + 3 and rest[n] == "resolve":
                repo_id = "/".join(unquote(p) for p in rest[:n])
                revision, filename = unquote(rest[n + 1]), unquote("/".join(rest[n + 2 :]))
                return self._resolve(repo_type, repo_id, revision, filename, head)
        return self._error(404, "Not Found", None, head)

    def _repo_or_error(self, repo_type: str, repo_id: str, head: bool, new_path: str) -> dict[str, Any] | None:
        """Fixture for the repo, or None after answering 404 (unknown) or 307 (renamed)."""
        data, renamed_to = self.server_hub.resolve_repo(repo_type, repo_id)
        if data is not None:
            return data
        if renamed_to is not None:
            location = new_path.replace("{id}", renamed_to)
            self._send(307, b"", "text/plain", head, {"Location": location})
            return None
        self._error(404, "Repository not found", "RepoNotFound", head)
        return None

    def _gated(self, data: dict[str, Any]) -> bool:
        return bool(data.get("gated")) and "Authorization" not in self.headers

    def _info(
        self, repo_type: str, repo_id: str, revision: str | None, query: str, *, head: bool, corrupt: bool
    ) -> None:
        kind = "models" if repo_type == "model" else "datasets"
        tail = "" if revision is None else "/revision/" + quote(revision, safe="")
        new_path = f"/api/{kind}/{{id}}{tail}" + (f"?{query}" if query else "")
        data = self._repo_or_error(repo_type, repo_id, head, new_path)
        if data is None:
            return None
        if self.server_hub.gate_api and self._gated(data):
            return self._error(403, f"Access to {repo_id} is restricted.", "GatedRepo", head)
        view = HubServer.at_revision(data, revision)
        if view is None:
            return self._error(404, f"Invalid rev id: {revision}", "RevisionNotFound", head)
        params = parse_qs(query, keep_blank_values=True)
        expand_values = params.get("expand", []) + params.get("expand[]", [])
        expand = [v for value in expand_values for v in value.split(",") if v] or None
        if corrupt:
            return self._send(200, b'{"id": "' + repo_id.encode() + b'", "cardData": {', "application/json", head)
        return self._json(200, HubServer.payload(repo_type, view, expand), head)

    def _resolve(self, repo_type: str, repo_id: str, revision: str, filename: str, head: bool) -> None:
        prefix = "/datasets" if repo_type == "dataset" else ""
        new_path = f"{prefix}/{{id}}/resolve/{quote(revision, safe='')}/{quote(filename)}"
        data = self._repo_or_error(repo_type, repo_id, head, new_path)
        if data is None:
            return None
        if self._gated(data):
            return self._error(
                401, f"Access to model {repo_id} is restricted. You must be authenticated.", "GatedRepo", head
            )
        view = HubServer.at_revision(data, revision)
        if view is None:
            return self._error(404, f"Invalid rev id: {revision}", "RevisionNotFound", head)
        body = HubServer.file_bytes(view, filename)
        if body is None:
            return self._error(404, "Entry not found", "EntryNotFound", head)
        etag = '"' + hashlib.sha1(b"blob %d\0" % len(body) + body).hexdigest() + '"'
        headers = {"X-Repo-Commit": str(view.get("sha", "0" * 40)), "ETag": etag}
        return self._send(200, body, "text/plain; charset=utf-8", head, headers)

    # ------------------------------------------------------------------
    def _error(self, status: int, message: str, code: str | None, head: bool) -> None:
        headers = {"X-Error-Message": message}
        if code:
            headers["X-Error-Code"] = code
        self._json(status, {"error": message}, head, headers)

    def _json(self, status: int, obj: Any, head: bool, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(obj).encode("utf-8"), "application/json", head, headers)

    def _send(
        self, status: int, body: bytes, content_type: str, head: bool, headers: dict[str, str] | None = None
    ) -> None:
        # Recorded before the response is written, so a client that has its answer always sees it counted.
        self.server_hub._record(
            Logged(
                self.command,
                unquote(urlsplit(self.path).path),
                self._query,
                status,
                "Authorization" in self.headers,
                self._request_id,
            )
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-Id", self._request_id)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self._cut:
            return self._reset_after(body[: len(body) // 2])
        if not head:
            self.wfile.write(body)
        return None

    def _drip(self, interval: float) -> None:
        """Headers promising a megabyte, then one byte per `interval` until the server stops or the client leaves."""
        self.server_hub._record(
            Logged(
                self.command,
                unquote(urlsplit(self.path).path),
                self._query,
                200,
                "Authorization" in self.headers,
                self._request_id,
            )
        )
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(1 << 20))
        self.end_headers()
        self.close_connection = True
        try:
            while not self.server_hub._stopping.wait(interval):
                self.wfile.write(b" ")
                self.wfile.flush()
        except OSError:
            return

    def _reset_after(self, part: bytes) -> None:
        """Write `part` of the body, then drop the connection with a reset: SO_LINGER 0 makes close send RST."""
        self.wfile.write(part)
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True
