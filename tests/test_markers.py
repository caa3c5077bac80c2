"""The lines of a file that hold a marker word: the lines of every occurrence of every word, though the search passes
over words that overlap one it found."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelpolicy.discover.markers import Markers, holds_any, minimal_words, occurrences
from modelpolicy.discover.python import MARKER_WORDS


def every_occurrence(text: str, words: tuple[bytes, ...]) -> list[int]:
    """The lines of every occurrence, looked for word by word on each line (as `ast` counts lines)."""
    lines = text.encode().lower().replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    return [number for number, line in enumerate(lines, start=1) if any(word in line for word in words)]


TEXTS = {
    "overlapping words": "xairegistry = 1\nmodelm = 2\nlmodel\nnothing here\nai21xai\n",
    "a word in a word": "hf.co\nmy_tokenizer_model_registry\n",
    "words at line ends": "x = 'model'\ntokenizer\n\ndataset",
    "crlf": "a = 1\r\nb = model\r\n\r\nc = OLLAMA\r\n",
    "lone cr": "a = 1\rb = Model\r\rc = ollama\r",
    "no word": "x = 1\ny = 2\n",
    "every line": "model\nmodel\nmodel model model\n",
}


@pytest.mark.parametrize("text", TEXTS.values(), ids=TEXTS.keys())
def test_the_lines_are_those_of_every_occurrence(text: str) -> None:
    found = Markers(MARKER_WORDS, caseless=True).lines(text)
    assert found is not None and found.numbers == every_occurrence(text, MARKER_WORDS)


def test_words_of_a_callers_own_are_looked_for_instead() -> None:
    found = Markers(MARKER_WORDS, caseless=True).lines("model\nfoo\nbar foo\n", (b"foo",))
    assert found is not None and found.numbers == [2, 3]


@pytest.mark.parametrize("size", [10, 5000], ids=["short", "long"])
def test_a_file_passes_on_any_word_short_or_long(size: int) -> None:
    """Long data is searched in one pass, short data word by word: the same answer."""
    markers = Markers(MARKER_WORDS, caseless=True)
    filler = b"x = 1\n" * (size // 6)
    assert markers.admit(filler + b"y = Model\n", "a.py")  # one of the last words looked for
    assert markers.admit(b"AutoModel.from_pretrained(x)\n" + filler, "a.py")
    assert not markers.admit(filler + b"y = 2\n", "a.py")


_WORDS = (b"load", b"loader", b"model", b"odel")  # words inside others, and one word inside another's occurrence


@pytest.mark.parametrize(
    "data",
    [b"", b"nothing here", b"loader", b"model_loader(models)", b"modelmodel", b"x" * 5000 + b"load", b"LOAD model"],
)
def test_every_occurrence_of_every_word_is_found_overlapping_ones_too(data: bytes) -> None:
    naive = sorted((at, len(word)) for word in _WORDS for at in range(len(data)) if data.startswith(word, at))
    assert sorted(occurrences(data, _WORDS)) == naive
    assert holds_any(data, _WORDS) == bool(naive)


def test_present_names_the_words_written_in_the_text_in_the_order_given_overlapping_ones_too() -> None:
    from modelpolicy.discover.markers import present

    words = (b"openrouter", b"router", b"ollama", b"https://")
    assert present(b'{"api": "openrouter/x"}', words) == (b"openrouter", b"router")
    assert present(b"nothing here", words) == ()
    assert present(b"ollama https://x", words) == (b"ollama", b"https://")


@pytest.mark.parametrize(
    ("words", "minimal"),
    [
        (["model", "model_name", "from_pretrained", "pretrained"], {"model", "pretrained"}),
        (["a", "ab", "b", "abc"], {"a", "b"}),
        (["gpt-", "gpt-4o", "claude", "claude", "x\ny"], {"gpt-", "claude", "x\ny"}),  # a line break: one at a time
        ([], set()),
    ],
)
def test_minimal_words_keeps_only_the_words_that_hold_no_other(words: list[str], minimal: set[str]) -> None:
    assert minimal_words(words) == minimal


@given(st.lists(st.text(alphabet="abc-", min_size=1, max_size=5), max_size=30))
def test_minimal_words_agrees_with_testing_every_pair(words: list[str]) -> None:
    expected = {w for w in words if not any(other != w and other in w for other in words)}
    assert minimal_words(words) == expected
