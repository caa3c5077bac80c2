"""A LICENSE file's licence, from the titles the knowledge base gives each family."""

from __future__ import annotations

import pytest

from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.resolve.license_text import identify

TEXTS = {
    "apache": ("\n                 Apache License\n           Version 2.0, January 2004\n", "apache-2.0"),
    "mit": ("MIT License\n\nCopyright (c) 2024 Someone\n\nPermission is hereby granted", "mit"),
    "llama 2": ("LLAMA 2 COMMUNITY LICENSE AGREEMENT\nLlama 2 Version Release Date: July 18, 2023\n", "llama2"),
    "llama 3, which names llama 2 too": ("META LLAMA 3 COMMUNITY LICENSE AGREEMENT\n(unlike Llama 2 ...)", "llama3"),
    "title after a preamble": (
        "Creative Commons Corporation is not a law firm.\n" * 20
        + "Creative Commons Attribution-NonCommercial 4.0 International Public License",
        "cc-by-nc-4.0",
    ),
    "prose naming a one-word alias": ("You may use this under apache or mit terms, ask us.", None),
    "custom terms": ("ACME MODEL LICENSE\nYou may not use the model for anything.", None),
    "title past the head": (" " * 9000 + "MIT License", None),
}


@pytest.mark.parametrize(("text", "expected"), TEXTS.values(), ids=TEXTS.keys())
def test_a_licence_text_is_named_by_its_title(text: str, expected: str | None) -> None:
    assert identify(text, load_knowledge()) == expected
