"""Inline suppressions and the reasons they need."""

from __future__ import annotations

import pytest

from modelpolicy.discover.suppress import suppressions
from modelpolicy.model import Suppression


@pytest.mark.parametrize(
    ("line", "codes", "reason"),
    [
        (
            "m = load('a/b')  # modelpolicy: ignore research prototype, not shipped",
            set(),
            "research prototype, not shipped",
        ),
        (
            "  model: a/b  # modelpolicy: ignore[non-commercial] approved by legal, LEGAL-12",
            {"non-commercial"},
            "approved by legal, LEGAL-12",
        ),
        (
            "--model a/b \\  # modelpolicy: ignore[conditions, share-alike]: internal demo",
            {"conditions", "share-alike"},
            "internal demo",
        ),
        ('"model": "a/b" // modelpolicy: ignore - vendored fixture', set(), "vendored fixture"),
    ],
)
def test_suppression_syntax(line: str, codes: set[str], reason: str) -> None:
    assert suppressions("f", f"first\n{line}\n") == {2: Suppression("f", 2, frozenset(codes), reason)}


def test_a_suppression_without_a_reason_is_not_honoured() -> None:
    found = suppressions("f", "x = 1  # modelpolicy: ignore[non-commercial]\n")
    assert not found[1].honoured


@pytest.mark.parametrize("text", ["x = 1  # modelpolicy is great\n", "x = 1  # noqa\n", "modelpolicy: scan\n"])
def test_other_comments_are_not_suppressions(text: str) -> None:
    assert suppressions("f", text) == {}
