"""Byte-level pre-filters: whether a source could find anything in a file, decided before it is decoded and parsed.

Each source's MARKERS name the words one of which every reference form it reads must contain (a loader's name, a
flag's, a key's). Most files of a repository name no model, and parsing them is most of a scan's time. The markers are
conservative: text that could spell a word without writing it (an escape, a non-ASCII identifier or case, shell
quoting) admits the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from modelpolicy.discover import python
from modelpolicy.discover.interface import Source


@dataclass(frozen=True)
class Markers:
    """What a file's bytes must hold for a source to possibly find a reference in it.

    The file passes when one of the `words` is in its bytes, lower-cased first when `caseless`. It passes outright
    when it is not ASCII and `unicode_passes` (Python identifiers are NFKC-normalised, case-insensitive matching folds
    Unicode), or when it matches `escapes` (a `\\u` escape may spell a word). When no word is found and `normalise` is
    set, the words are looked for again in what it gives (shell quotes removed...); it gives the bytes themselves to
    let the file pass, None to drop it."""

    words: tuple[bytes, ...]
    caseless: bool = False
    unicode_passes: bool = False
    escapes: re.Pattern[bytes] | None = None
    normalise: Callable[[bytes, str], bytes | None] | None = None

    def admit(self, data: bytes, path: str) -> bool:
        if self.unicode_passes and not data.isascii():
            return True
        if self.caseless:
            data = data.lower()
        if self._holds(data):
            return True
        if self.escapes is not None and self.escapes.search(data):
            return True
        normalised = self.normalise(data, path) if self.normalise else None
        return normalised is not None and (normalised is data or self._holds(normalised))

    def _holds(self, data: bytes) -> bool:
        return any(word in data for word in self.words)


# Python (and notebook cells), derived from python.py's tables: the names a reference can be held by end in words
# that start with `model`, `tokenizer`, `dataset` or `repo` (_NAME_ENDINGS), and every loader either takes its id in
# a keyword holding one of them (`model=`, `repo_id=`) or is named in the file (`from_pretrained`, `pipeline`, `LLM`).
# Compared lower-cased: names are split at camelCase and lower-cased before they are compared.
_STRING_ESCAPE = re.compile(rb"\\[xuUN0-7]")  # a string escape could spell an environment variable's name


def _python_words() -> tuple[bytes, ...] | None:
    """The lower-case words one of which a Python file must hold; None when python.py's tables are not found."""
    loaders = getattr(python, "_LOADERS", None)
    endings = getattr(python, "_NAME_ENDINGS", None)
    if not isinstance(loaders, dict) or endings is None:
        return None
    words = {"model", *(ending[0] for ending in endings)}
    for name, loader in loaders.items():
        keywords = (*getattr(loader, "keywords", ()), *getattr(loader, "also", ()))
        by_keyword = getattr(loader, "position", 0) is None and all(
            any(w in k.lower() for w in words) for k in keywords
        )
        if not by_keyword:
            words.add(name.lower())
    minimal = sorted(w for w in words if not any(o != w and o in w for o in words))
    return tuple(sorted((w.encode() for w in minimal), key=len, reverse=True))


_PYTHON_WORDS = _python_words()
# Notebooks: a cell's `source` is a list of JSON strings joined without separator, so a name may be split across two.
_JSON_STRING_BREAK = re.compile(rb'"\s*,\s*"')
# Shell: the flags (`--model...`, `--base-model`, `--dataset...`, `--tokenizer...`, `-` read as `_`) and `download`
# of `huggingface-cli download` / `hf download`, after quotes, backslashes and line continuations, which a shell
# removes from a word, are removed. A Dockerfile joins continued lines across comment lines: it always passes then.
_SHELL_WORDS = (b"model", b"dataset", b"tokenizer", b"download")
_SHELL_QUOTING = b"'\"\\"
_DOCKER_CONTINUATION = re.compile(rb"\\[ \t\r]*\n")


def _notebook_normalise(data: bytes, path: str) -> bytes | None:
    return _JSON_STRING_BREAK.sub(b"", data) if b'",' in data else None


def _shell_normalise(data: bytes, path: str) -> bytes | None:
    name = path.rsplit("/", 1)[-1].lower()
    if (name == "dockerfile" or name.endswith(".dockerfile") or name.startswith("dockerfile.")) and (
        b"\\u" in data or _DOCKER_CONTINUATION.search(data)
    ):
        return data  # passes
    if not any(c in data for c in (b"'", b'"', b"\\")):
        return None
    return data.replace(b"\\\r\n", b"").replace(b"\\\n", b"").translate(None, _SHELL_QUOTING)


# A source that no markers are known for (python.py's tables not found, a source added later) reads every file it wants.
MARKERS: dict[str, Markers] = {
    "shell": Markers(_SHELL_WORDS, normalise=_shell_normalise),
    # config.py's own cheap test (_MENTIONS), case-insensitive: model|dataset|tokenizer|repo|huggingface.co|hf.co|hf://
    "config": Markers(
        (b"model", b"dataset", b"tokenizer", b"repo", b"huggingface.co", b"hf.co", b"hf://"),
        caseless=True,
        unicode_passes=True,
    ),
    # manifest.py's own cheap test: the section names, as written.
    "manifest": Markers((b"models", b"datasets", b"apis")),
}
if _PYTHON_WORDS is not None:
    MARKERS["python"] = Markers(_PYTHON_WORDS, caseless=True, unicode_passes=True, escapes=_STRING_ESCAPE)
    # In a notebook's JSON a `\\u` escape may spell a name, and a string escape is written `\\\\x`.
    MARKERS["notebook"] = Markers(
        _PYTHON_WORDS,
        caseless=True,
        unicode_passes=True,
        escapes=re.compile(rb"\\u|\\\\[xuUN0-7]"),
        normalise=_notebook_normalise,
    )


def admits(source: Source, data: bytes, path: str) -> bool:
    """Whether `source` could find anything in a file holding `data`; a source without markers reads every file."""
    markers = MARKERS.get(source.name)
    return markers is None or markers.admit(data, path)
