"""A size cap on what the Hub sends: its answers are read into memory (metadata) or written to a temporary folder
(a README, a LICENSE file), so a server that sends hundreds of megabytes, or a small gzip that inflates to them,
would take that much memory or disk before anything of ours could look at it.

`install()` makes `huggingface_hub`'s shared HTTP client check every answer it gets: one that says it is larger
than MAX_ANSWER_BYTES (`Content-Length`) is refused before its body is read, and one that turns out larger (no
length given, or a compressed body) is cut off once MAX_ANSWER_BYTES of it has been decoded. Either way the request
raises `AnswerTooLarge`, which the resolver records as the artefact's reason. The client is otherwise the one
`huggingface_hub` makes (its hooks, redirects, proxies from the environment).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

MAX_ANSWER_BYTES = 16 * 1024 * 1024  # the largest real model info (tens of thousands of files) is a few MiB

_installed = threading.Event()
_lock = threading.Lock()


class AnswerTooLarge(Exception):
    """An answer from the Hub larger than MAX_ANSWER_BYTES."""

    def __init__(self, url: str, limit: int) -> None:
        self.url = url
        self.limit = limit
        super().__init__(f"the answer to {url} is larger than {limit:,} bytes")


def install() -> None:
    """Make `huggingface_hub`'s HTTP client cap every answer (once per process)."""
    with _lock:
        if _installed.is_set():
            return
        from huggingface_hub.utils import _http

        default_factory = _http.default_client_factory

        def capped_client() -> Any:
            client = default_factory()
            client.event_hooks["response"].append(_cap)
            return client

        _http.set_client_factory(capped_client)
        _installed.set()


def too_large(error: BaseException) -> AnswerTooLarge | None:
    """The `AnswerTooLarge` that `error` is or was raised from (a client may wrap it), else None."""
    seen: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and cause not in seen:
        if isinstance(cause, AnswerTooLarge):
            return cause
        seen.append(cause)
        cause = cause.__cause__ or cause.__context__
    return None


def _cap(response: Any) -> None:
    """The response hook: refuse an answer that says it is too large, and count the rest as it is decoded."""
    limit = MAX_ANSWER_BYTES
    url = str(getattr(response.request, "url", "the Hub"))
    declared = str(response.headers.get("content-length", "")).strip()
    if response.request.method != "HEAD" and declared.isdigit() and int(declared) > limit:
        raise AnswerTooLarge(url, limit)
    decoder = getattr(response, "_get_content_decoder", None)
    if callable(decoder):
        response._decoder = _CountingDecoder(decoder(), limit, url)


class _CountingDecoder:
    """A content decoder that raises once more than `limit` bytes have come out of it."""

    def __init__(self, inner: Any, limit: int, url: str) -> None:
        self.inner, self.limit, self.url = inner, limit, url
        self.count = 0

    def decode(self, data: bytes) -> Iterator[bytes]:
        return self._counted(self.inner.decode(data))

    def flush(self) -> Iterator[bytes]:
        return self._counted(self.inner.flush())

    def _counted(self, parts: Any) -> Iterator[bytes]:
        for part in [parts] if isinstance(parts, bytes) else parts:
            self.count += len(part)
            if self.count > self.limit:
                raise AnswerTooLarge(self.url, self.limit)
            yield part
