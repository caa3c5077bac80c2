"""Terms from the Hugging Face Hub, through `huggingface_hub`: a card's metadata at the revision in use.

`HfApi.model_info` / `dataset_info` with `expand=[cardData, tags, gated, sha]` give what `card.card_terms` reads.
What the Hub says is kept in the persistent cache (`cache.ResolutionCache`) as it came, not as terms, so that a
newer knowledge base reads old answers afresh; answers that may change (a missing or gated repository) are kept as
long as a branch is. Failures that may pass (a timeout, a 429 or 5xx after the retries) are not kept, and they, like
an artefact an offline run could not ask about, resolve to `Unreachable`, so that `modelpolicy lock` can tell them
from an answer.

When the Hub cannot be reached at all (connection refused, a name that does not resolve, a failed TLS handshake, no
answer in time, a connection broken off mid-answer), the first artefact that meets it says so once on stderr, naming
the endpoint, and the rest of the run does not ask again: a scan of 500 references without a network ends in moments
with each one unresolved, rather than after 500 rounds of retries.

The whole scan's network has a deadline (`deadline`, DEADLINE_SECONDS unless `--network-deadline` or
MODELPOLICY_NETWORK_DEADLINE says otherwise), counted from its first question: a server that answers one byte at a
time never trips a read timeout, and retries add up. Questions run on daemon threads that are waited for only until
the deadline; what is not answered by then resolves to `Unreachable`, saying so, and the rest is not asked. A
`Retry-After` is honoured up to MAX_RETRY_AFTER_SECONDS; a longer one, or one that would end past the deadline, is
not waited for.

`huggingface_hub` is imported on the first network call only. A token (`HF_TOKEN`, or the saved login) is used by
`huggingface_hub` itself; it never passes through this module's results, messages or cache. Neither do a user and
password in `HF_ENDPOINT`: the endpoint, and any error text that may quote a URL, are shown `without_credentials`.
"""

from __future__ import annotations

import queue
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.messages import say
from modelpolicy.model import Kind, Resolution, Resolved, Terms, Unresolved
from modelpolicy.redact import without_credentials
from modelpolicy.resolve import hub_limits
from modelpolicy.resolve.card import card_terms, declared_licenses, front_matter
from modelpolicy.resolve.interface import Unreachable
from modelpolicy.resolve.license_text import identify

if TYPE_CHECKING:
    from huggingface_hub import HfApi

WORKERS = 8
RETRIES = 4
TIMEOUT_SECONDS = 10.0
MAX_RETRY_AFTER_SECONDS = 10.0  # a longer Retry-After is not waited for: the artefact is left unreachable
DEADLINE_SECONDS = 300.0  # the whole scan's network, from its first question
DEADLINE_ENV = "MODELPOLICY_NETWORK_DEADLINE"
PROGRESS_AFTER_SECONDS = 0.5
DEFAULT_ENDPOINT = "https://huggingface.co"
REFUSAL_TTL_SECONDS = 10 * 60  # not found, gated, forbidden: asked again after this, whatever the revision
_EXPAND = ["cardData", "tags", "gated", "sha", "siblings"]
_LICENSE_FILE = re.compile(r"(?:licen[cs]e|copying)(?:[._-][\w.-]*)?", re.IGNORECASE)
_MAX_FILE_BYTES = 256 * 1024
_OFFLINE = "not in the cache, and the scan is offline: run it once online, or `modelpolicy lock`"
_UNREACHABLE_ADVICE = "check the network, a proxy or HF_ENDPOINT and run again, or add --offline to use the cache only"


class AnswerCache(Protocol):
    def get(self, kind: str, artefact_id: str, revision: str) -> dict[str, Any] | None: ...

    def put(self, kind: str, artefact_id: str, revision: str, payload: dict[str, Any]) -> None: ...


Key = tuple[Kind, str, str]  # kind, id, revision ("main" when none is named)


def _warn_on_stderr(message: str) -> None:
    say("warning", message)


class HubResolver:
    name = "Hugging Face Hub"

    def __init__(
        self,
        knowledge: KnowledgeBase,
        cache: AnswerCache | None,
        *,
        offline: bool = False,
        endpoint: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
        progress: TextIO | None = None,
        warn: Callable[[str], None] = _warn_on_stderr,
        deadline: float | None = DEADLINE_SECONDS,
    ) -> None:
        self.knowledge = knowledge
        self.cache = cache
        self.offline = offline
        self.endpoint = endpoint
        self.sleep = sleep
        self.progress = progress  # a terminal to show progress on, when the work takes more than a moment
        self.warn = warn
        self.answers: dict[Key, dict[str, Any]] = {}  # this run's answers, fetched ahead by `prefetch`
        self._down: dict[str, Any] | None = None  # the answer for every key once the Hub proved unreachable
        self._down_said = False
        self._compared_only: set[Key] = set()  # cards read only to compare (`card`): their failures are not said
        self._down_lock = threading.Lock()
        self.deadline = deadline  # seconds for the run's network, from its first question; None: no deadline
        self._started: float | None = None
        self._overdue_said = False

    def prefetch(
        self, wanted: Iterable[tuple[Kind, str, str | None]], cards: Iterable[tuple[Kind, str, str | None]] = ()
    ) -> None:
        """Ask the Hub, side by side, for every artefact neither this run nor the cache has an answer for: those
        `wanted`, and those whose `cards` are read only to compare them with other terms (`card`)."""
        keys = [key for kind, artefact_id, revision in wanted if (key := _key(kind, artefact_id, revision))]
        compared = [key for kind, artefact_id, revision in cards if (key := _key(kind, artefact_id, revision))]
        missing = [key for key in dict.fromkeys(keys + compared) if self._known(key) is None]
        if self.offline or not missing:
            return
        self._compared_only.update(set(compared) - set(keys))
        progress = _Progress(self.progress, len(missing))
        for key, answer in self._fetch_all(missing):
            self._keep(key, answer)
            progress.step()
        progress.done()

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        key = _key(kind, artefact_id, revision)
        if key is None:
            return None
        answer = self._known(key)
        if answer is None:
            if self.offline:
                return Unreachable(_OFFLINE)
            answer = next(self._fetch_all([key]))[1]
            self._keep(key, answer)
        return self._resolution(key, answer)

    def card(self, kind: Kind, artefact_id: str, revision: str | None) -> Terms | None:
        """The terms the card declares at `revision`, read from this run's answers, the cache, or the Hub, to compare
        with terms another source gave (`resolve.knowledge`); None offline, or when it cannot be read (a failure
        here is not said: the other terms stand) or declares no licence."""
        key = _key(kind, artefact_id, revision)
        if key is None or self.offline:
            return None
        answer = self._known(key)
        if answer is None:
            self._compared_only.add(key)
            answer = next(self._fetch_all([key]))[1]
            self._keep(key, answer)
        resolution = self._resolution(key, answer)
        return resolution.terms if isinstance(resolution, Resolved) else None

    def _known(self, key: Key) -> dict[str, Any] | None:
        if key in self.answers:
            return self.answers[key]
        cached = self.cache.get(key[0].value, self._cached_id(key), key[2]) if self.cache is not None else None
        if cached is not None and (not well_formed(cached) or self._stale_refusal(cached)):
            cached = None  # asked again, and the answer replaces it
        if cached is not None:
            self.answers[key] = cached
        return cached

    def _keep(self, key: Key, answer: dict[str, Any]) -> None:
        self.answers[key] = answer
        if self.cache is None or answer.get("transient"):
            return
        if answer.get("problem"):  # a refusal (not found, gated, 401) is kept for minutes: access changes
            answer = {**answer, "asked_at": time.time()}
        self.cache.put(key[0].value, self._cached_id(key), key[2], answer)
        if answer.get("sha") and answer["sha"] != key[2]:  # the same answer, pinned to the commit it came from
            self.cache.put(key[0].value, self._cached_id(key), answer["sha"], answer)

    def _cached_id(self, key: Key) -> str:
        """The id the cache keeps an answer under: another endpoint (a mirror, a proxy) answers for itself, so one
        run against a wrong `HF_ENDPOINT` cannot poison the runs after it."""
        endpoint = (self.endpoint or DEFAULT_ENDPOINT).rstrip("/")
        return key[1] if endpoint == DEFAULT_ENDPOINT else f"{without_credentials(endpoint)}#{key[1]}"

    def _stale_refusal(self, cached: dict[str, Any]) -> bool:
        """A cached refusal older than `REFUSAL_TTL_SECONDS`, or any refusal under `--refresh`, is asked again."""
        if not cached.get("problem"):
            return False
        refresh = bool(getattr(self.cache, "refresh", False))
        return refresh or not 0 <= time.time() - float(cached.get("asked_at", 0)) < REFUSAL_TTL_SECONDS

    def _license_elsewhere(self, key: Key, answer: dict[str, Any], files: list[str]) -> dict[str, Any]:
        """When the metadata names no licence: the README's front matter (if the Hub gave no card at all), then a
        LICENSE file at the top of the repository, whose title names the licence (`license_text`)."""
        if _declares_license(answer):
            return {}
        found: dict[str, Any] = {}
        if not answer["card"] and "README.md" in files:
            card = front_matter(self._download(key, answer["sha"], "README.md") or "")
            if card:
                found = {"card": card, "card_from": "README.md"}
                if _declares_license(found):
                    return found
        for name in sorted(f for f in files if "/" not in f and _LICENSE_FILE.fullmatch(f)):
            text = self._download(key, answer["sha"], name)
            license_id = identify(text, self.knowledge) if text else None
            if license_id:
                return found | {"license_file": {"name": name, "license": license_id}}
        return found

    def _download(self, key: Key, sha: str | None, filename: str) -> str | None:
        """One file's text at the answer's commit, through a throw-away download folder; None if it cannot be read.
        A network fault is raised: taken for a missing file, it would be cached as a card without a licence."""
        import tempfile

        from huggingface_hub import hf_hub_download

        repo_type = "model" if key[0] is Kind.MODEL else "dataset"
        with tempfile.TemporaryDirectory(prefix="modelpolicy-") as folder:
            try:
                path = hf_hub_download(
                    key[1],
                    filename,
                    repo_type=repo_type,
                    revision=sha or key[2],
                    cache_dir=folder,
                    endpoint=self._endpoint(),
                    etag_timeout=TIMEOUT_SECONDS,
                )
                with open(path, "rb") as stream:  # noqa: PTH123
                    return stream.read(_MAX_FILE_BYTES).decode("utf-8", "replace")
            except Exception as error:
                if _transport_fault(error) is not None or _refused(error) or hub_limits.too_large(error):
                    raise  # not an answer about the file: the whole artefact is asked again, left unresolved, or
                    # (gated, refused) recorded as such, never as a card that declares no licence
                return None

    def _resolution(self, key: Key, answer: dict[str, Any]) -> Resolution:
        if "problem" in answer:
            return (Unreachable if answer.get("transient") else Unresolved)(str(answer["problem"]))
        source = f"{self.name} ({key[2]} = {str(answer.get('sha') or '?')[:12]})"
        canonical = str(answer.get("id") or key[1])
        if canonical.lower() != key[1].lower():
            source += f"; renamed: {key[1]} is now {canonical}"
        card: dict[str, Any] = answer["card"] if isinstance(answer.get("card"), dict) else {}
        tags = [tag for tag in answer.get("tags") or () if isinstance(tag, str)]
        if answer.get("gated"):
            card = {**card, "gated": True}
        if answer.get("card_from"):
            source += f"; card from {answer['card_from']}"
        license_file = answer.get("license_file")
        if isinstance(license_file, dict) and not _declares_license(answer):
            card = {**card, "license": license_file["license"]}
            source += f"; licence read from its {license_file['name']} file"
        sha = answer.get("sha")
        return card_terms(key[0], card, tags, source, self.knowledge, revision=sha if isinstance(sha, str) else None)

    def _fetch_all(self, keys: list[Key]) -> Iterator[tuple[Key, dict[str, Any]]]:
        """Each key with the Hub's answer, as answers come, fetched by up to WORKERS daemon threads; once the deadline
        passes, the keys left, at once, with the deadline's `problem`. A thread still waiting on the network then is
        abandoned (a daemon: it does not hold the process at exit), and what it gets later is dropped."""
        if self._started is None:
            self._started = time.monotonic()
        hub_limits.install()  # before the threads: it replaces the client they share
        todo: queue.SimpleQueue[Key] = queue.SimpleQueue()
        done: queue.SimpleQueue[tuple[Key, dict[str, Any] | Exception]] = queue.SimpleQueue()
        for key in keys:
            todo.put(key)

        def work() -> None:
            while True:
                try:
                    key = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    done.put((key, self._fetch(key)))
                except Exception as error:  # a bug: raised where it was asked for, not lost with the thread
                    done.put((key, error))

        for _ in range(min(WORKERS, len(keys))):
            threading.Thread(target=work, name="modelpolicy-hub", daemon=True).start()
        left = dict.fromkeys(keys)
        while left:
            remaining = self._remaining()
            try:
                key, answer = done.get(timeout=None if remaining is None else max(remaining, 0.0))
            except queue.Empty:
                break
            if isinstance(answer, Exception):
                raise answer
            if key in left:
                del left[key]
                yield key, answer
        needed = [key for key in left if key not in self._compared_only]
        if needed:
            self._say_overdue(len(needed))
        for key in left:
            yield key, self._overdue()

    def _remaining(self) -> float | None:
        """Seconds left before the deadline (negative once it passed); None without a deadline."""
        if self.deadline is None:
            return None
        return self.deadline - (time.monotonic() - (self._started or time.monotonic()))

    def _overdue(self) -> dict[str, Any]:
        reason = (
            f"not resolved within the scan's network deadline of {self.deadline:g} s; run again (answers so far are "
            f"cached), or raise it with --network-deadline or {DEADLINE_ENV}"
        )
        return {"problem": reason, "transient": True}

    def _say_overdue(self, count: int) -> None:
        with self._down_lock:
            first, self._overdue_said = not self._overdue_said, True
        if first:
            if self.progress is not None:
                self.progress.write("\r\x1b[K")
            self.warn(f"the network deadline of {self.deadline:g} s passed: {count} artefact(s) left unresolved")

    def _fetch(self, key: Key) -> dict[str, Any]:
        """The Hub's answer for one artefact, retried on 429 and 5xx (honouring `Retry-After`), on timeouts and on
        broken connections; at once the Hub's own `problem` when it proved unreachable earlier in this run."""
        from huggingface_hub import HfApi

        api = HfApi(endpoint=self._endpoint())
        for attempt in range(RETRIES + 1):
            if self._down is not None:
                self._say_down(key)
                return self._down
            remaining = self._remaining()
            if remaining is not None and remaining <= 0:
                return self._overdue()
            try:
                return self._ask(api, key)
            except Exception as error:
                problem, wait = _problem(error, key[2], attempt, without_credentials(api.endpoint))
                remaining = self._remaining()
                if remaining is not None and remaining <= (wait or 0):  # abandoned, or the wait would end past it
                    return self._overdue()
                if wait is None or attempt == RETRIES:
                    return self._gave_up(problem, key)
                self.sleep(wait)
        raise AssertionError("unreachable")  # pragma: no cover

    def _endpoint(self) -> str:
        """The Hub asked: the one given, else HF_ENDPOINT as `huggingface_hub` read it, else huggingface.co. Given
        to every call, so that metadata and files come from one place, and messages name it."""
        from huggingface_hub import constants

        return self.endpoint or constants.ENDPOINT

    def _ask(self, api: HfApi, key: Key) -> dict[str, Any]:
        """One round of questions about an artefact: its metadata, then, if need be, its README or LICENSE file."""
        kind, artefact_id, revision = key
        info = api.model_info if kind is Kind.MODEL else api.dataset_info
        found = info(artefact_id, revision=revision, expand=_EXPAND, timeout=TIMEOUT_SECONDS)  # type: ignore[arg-type]
        answer = {
            "id": found.id,
            "sha": found.sha,
            "gated": bool(getattr(found, "gated", False)),
            "card": found.card_data.to_dict() if found.card_data is not None else {},  # type: ignore[no-untyped-call]
            "tags": list(found.tags or ()),
        }
        files = [sibling.rfilename for sibling in found.siblings or ()]
        return answer | self._license_elsewhere(key, answer, files)

    def _gave_up(self, problem: dict[str, Any], key: Key) -> dict[str, Any]:
        """`problem`; when it says the Hub cannot be reached, it also becomes the answer for the rest of the run,
        and is said once on stderr (a report on stdout may be JSON that nobody reads in a terminal)."""
        if problem.pop("unreachable", False):
            with self._down_lock:
                self._down = self._down or problem
            self._say_down(key)
        return problem

    def _say_down(self, key: Key) -> None:
        """Say, once, that the Hub cannot be reached, when an artefact that needs it meets that: a card read only to
        compare (`card`) needs nothing, so the run goes on as it would offline, without a word."""
        if key in self._compared_only:
            return
        with self._down_lock:
            first, self._down_said = not self._down_said, True
        if first and self._down is not None:
            if self.progress is not None:
                self.progress.write("\r\x1b[K")  # the warning takes the line the progress was on
            self.warn(f"{self._down['problem']} (the Hub is not asked again in this run)")


class _Progress:
    """`resolving 12/40 on the Hub` on one line of a terminal, shown only once the work has taken PROGRESS_AFTER
    seconds, and erased when it ends."""

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.stream, self.total, self.count = stream, total, 0
        self.started = time.monotonic()
        self.shown = False

    def step(self) -> None:
        self.count += 1
        if self.stream is not None and time.monotonic() - self.started >= PROGRESS_AFTER_SECONDS:
            self.stream.write(f"\rresolving {self.count}/{self.total} on the Hugging Face Hub")
            self.stream.flush()
            self.shown = True

    def done(self) -> None:
        if self.shown and self.stream is not None:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# What each field of an answer kept in the cache holds (`_ask`, `_license_elsewhere`, `_keep`, `_problem`).
_ANSWER_FIELDS: dict[str, tuple[type, ...]] = {
    "id": (str, type(None)),
    "sha": (str, type(None)),
    "gated": (bool,),
    "card": (dict,),
    "tags": (list,),
    "card_from": (str,),
    "license_file": (dict,),
    "problem": (str,),
    "transient": (bool,),
    "asked_at": (int, float),
}


def well_formed(answer: dict[str, Any]) -> bool:
    """Whether a cached answer has the shape this module stores: an entry edited or damaged by hand (a field of
    another type, a licence file without its licence) is taken for a miss, asked again, and replaced."""
    for name, value in answer.items():
        expected = _ANSWER_FIELDS.get(name)  # a field this version does not know is left to the version that does
        if expected is not None and (
            not isinstance(value, expected) or (isinstance(value, bool) and bool not in expected)
        ):
            return False
    if not all(isinstance(tag, str) for tag in answer.get("tags") or ()):
        return False
    license_file = answer.get("license_file")
    if license_file is not None and not all(isinstance(license_file.get(k), str) for k in ("name", "license")):
        return False
    return "problem" in answer or "card" in answer


def _declares_license(answer: dict[str, Any]) -> bool:
    return bool(declared_licenses(answer.get("card") or {}, [str(tag) for tag in answer.get("tags") or ()]))


def _key(kind: Kind, artefact_id: str, revision: str | None) -> Key | None:
    return (kind, artefact_id, revision or "main") if kind in (Kind.MODEL, Kind.DATASET) else None


_TYPED_PROBLEMS = (  # huggingface_hub's error class name -> the reason; RepositoryNotFound also covers a 401
    ("GatedRepoError", "gated: cannot read terms without access; accept them on the Hub, set HF_TOKEN"),
    ("RevisionNotFoundError", "revision {revision} not found on the Hub; check the revision the code names"),
    ("DisabledRepoError", "disabled on the Hub: its terms cannot be read"),
    ("RepositoryNotFoundError", "not found on the Hub (private? set HF_TOKEN): check the id"),
    ("HFValidationError", "not a Hub id the Hub accepts, so its terms cannot be read there: check the id"),
)


def _problem(error: Exception, revision: str, attempt: int, endpoint: str) -> tuple[dict[str, Any], float | None]:
    """What a failed request means, and how long to wait before trying again (None: do not)."""
    from huggingface_hub import errors

    for name, reason in _TYPED_PROBLEMS:
        if isinstance(error, getattr(errors, name)):
            return {"problem": reason.format(revision=revision)}, None
    oversized = hub_limits.too_large(error)
    if oversized is not None:
        reason = (
            f"the Hub's answer ({without_credentials(oversized.url).partition('?')[0]}) is larger than "
            f"{oversized.limit / 1024**2:g} MiB, "
            "so it was not read; check HF_ENDPOINT, or assert its licence with a [[clarification]] in the policy"
        )
        return {"problem": reason}, None
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if status in (401, 403):
        reason = f"the Hub refused access ({status}): private or gated? set HF_TOKEN to a token with access"
        return {"problem": reason}, None
    if isinstance(status, int) and status != 429 and status < 500:
        return {"problem": f"the Hub answered {status}; check the id and your access"}, None
    wait: float | None = min(0.5 * 2**attempt, MAX_RETRY_AFTER_SECONDS)
    retry_after = str(getattr(response, "headers", {}).get("Retry-After", "")).strip()
    if retry_after.isdigit():
        wait = float(retry_after) if float(retry_after) <= MAX_RETRY_AFTER_SECONDS else None
    fault = _transport_fault(error) if status is None else None
    if fault is not None:
        what, again = fault
        problem = f"could not reach the Hugging Face Hub at {endpoint}: {what}; {_UNREACHABLE_ADVICE}"
        return {"problem": problem, "transient": True, "unreachable": True}, wait if again else None
    reason = f"the Hub answered {status}" if status is not None else f"an unreadable answer ({_short(error)})"
    reason += f" from {endpoint}"
    if wait is None:
        reason += f", asking to wait {retry_after} s (Retry-After; at most {MAX_RETRY_AFTER_SECONDS:g} s is waited)"
    return {
        "problem": f"{reason}; run again later, or add --offline to use the cache only",
        "transient": True,
    }, wait


def _transport_fault(error: BaseException) -> tuple[str, bool] | None:
    """What kept a request from getting any answer, in words, and whether asking again may help; None for an error
    that is not about the connection. Read from the standard library's exceptions in the chain, which every HTTP
    client `huggingface_hub` has used wraps."""
    import socket
    import ssl

    for cause in _chain(error):
        if isinstance(cause, ssl.SSLError):
            return f"the TLS handshake failed ({_short(cause)})", False
        if isinstance(cause, socket.gaierror):
            return "its host name does not resolve", False
        if isinstance(cause, ConnectionRefusedError):
            return "the connection was refused", False
        if isinstance(cause, TimeoutError) or "Timeout" in type(cause).__name__:
            return f"no answer within {TIMEOUT_SECONDS:g} s", True
        if isinstance(cause, ConnectionError) or type(cause).__name__ in _BROKEN_OFF:
            return "the connection broke off mid-answer", True
    return None


def _refused(error: BaseException) -> bool:
    """Whether a file download was refused (gated, 401, 403): the file is there, but not for us to read."""
    from huggingface_hub import errors

    status = getattr(getattr(error, "response", None), "status_code", None)
    return isinstance(error, errors.GatedRepoError) or status in (401, 403)


_BROKEN_OFF = frozenset({"RemoteProtocolError", "ReadError", "ChunkedEncodingError", "IncompleteRead"})


def _chain(error: BaseException) -> list[BaseException]:
    """`error` and the exceptions it was raised from or during, outermost first (each once: a chain may loop)."""
    found: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and cause not in found:
        found.append(cause)
        cause = cause.__cause__ or cause.__context__
    return found


def _short(error: BaseException) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return without_credentials(text)[:120]
