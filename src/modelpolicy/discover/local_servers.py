"""Local servers that answer OpenAI's API with the models a user loads into them, asked for by the name the server
gives each: LM Studio (`OpenAI(base_url="http://localhost:1234/v1")`, then `model="qwen2.5-7b-instruct"`), Foundry
Local (`FoundryLocalManager("phi-4-mini")`, which downloads and serves the variant the hardware runs). In a file
that points a client at one, a name under a model's key that nothing else recognises is such a server's model: an
API model, reported as written (the weights are the user's download, the name is the server's)."""

from __future__ import annotations

import re

from modelpolicy.discover.identity import is_placeholder

# What a file holds when it calls such a server: LM Studio's name, in the spellings code and prose give it, or its
# default address with the OpenAI-compatible path (a bare `:1234` is any test server's port); Foundry Local's SDK
# (`foundry_local`, `FoundryLocalManager`) or CLI (`foundry-local`).
SERVER_MARKERS = (
    "lmstudio",
    "lm studio",
    "lm_studio",
    "lm-studio",
    "localhost:1234/v1",
    "127.0.0.1:1234/v1",
    "foundry_local",
    "foundrylocal",
    "foundry-local",
)
# A name the server gives a model it loaded: one word of letters, digits, `.`, `_` and `-` (a Hub id, `org/x`, is
# read as one elsewhere); it carries a version or a size (`phi3`, `qwen2.5-7b-instruct`), which a placeholder
# (`local-model`, `model-identifier`) does not.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]")


def server_in(text: str, path: str = "") -> bool:
    """Whether a file shows it calls a local OpenAI-compatible server such as LM Studio (any case), by what it holds
    or by its path (`samples/lm_studio_chat.py`)."""
    lowered = f"{path}\n{text}".lower()
    return any(marker in lowered for marker in SERVER_MARKERS)


def served(text: str) -> str | None:
    """The model a local server is asked for, as written, when `text` is spelled as one of its names."""
    if _NAME.fullmatch(text) is None or not any(character.isdigit() for character in text) or is_placeholder(text):
        return None
    return text
