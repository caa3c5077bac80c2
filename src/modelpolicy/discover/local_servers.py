"""Local servers that answer OpenAI's API with the models a user loads into them, asked for by the name the server
gives each: LM Studio (`OpenAI(base_url="http://localhost:1234/v1")`, then `model="qwen2.5-7b-instruct"`), Foundry
Local (`FoundryLocalManager("phi-4-mini")`, which downloads and serves the variant the hardware runs). In a file
that points a client at one, a name under a model's key that nothing else recognises is such a server's model: an
API model, reported as written (the weights are the user's download, the name is the server's)."""

from __future__ import annotations

import re

from modelpolicy.discover.identity import is_placeholder

# What a file's path holds when it is written for such a server (`samples/lm_studio_chat.py`,
# `cookbook/models/lmstudio/basic.py`), and what its text holds when it makes a client of one: LM Studio's SDK or a
# class named for it (`LMStudio(id=...)`), Foundry Local's SDK (`foundry_local`, `FoundryLocalManager`) or CLI. Not
# LM Studio's name in prose or in a list of engines (`VlmEngineType.API_LMSTUDIO`).
PATH_MARKERS = ("lmstudio", "lm_studio", "lm-studio", "foundry_local", "foundry-local", "foundrylocal")
TEXT_MARKERS = re.compile(
    r"\blmstudio\(|\bimport lmstudio\b|\bfrom lmstudio\b|\bfoundrylocalmanager\b|\bfoundry_local\b|\bfoundry-local\s"
)
# LM Studio's default address with the OpenAI-compatible path (a bare `:1234` is any test server's port): a client
# pointed there asks LM Studio, unless the file offers other local servers too (a menu of LM Studio, Ollama and
# llamafile, whose names are no LM Studio model's).
ADDRESSES = ("localhost:1234/v1", "127.0.0.1:1234/v1")
OTHER_LOCAL_SERVERS = ("ollama", "llamafile", "llama.cpp", "llama_cpp", "llama-cpp", "localai", "vllm")
# A name the server gives a model it loaded: one word of letters, digits, `.`, `_` and `-` (a Hub id, `org/x`, is
# read as one elsewhere); it carries a version or a size (`phi3`, `qwen2.5-7b-instruct`), which a placeholder
# (`local-model`, `model-identifier`) does not.
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.-]*[A-Za-z0-9]")  # no `_`: `cl100k_base`, `my_model_v3` are no server's names


def server_in(text: str, path: str = "") -> bool:
    """Whether a file is written for a local OpenAI-compatible server such as LM Studio (any case): by its path, a
    client of one it makes, or LM Studio's address where no other local server is offered."""
    lowered_path = path.lower()
    if any(marker in lowered_path for marker in PATH_MARKERS):
        return True
    lowered = text.lower()
    if TEXT_MARKERS.search(lowered):
        return True
    return any(a in lowered for a in ADDRESSES) and not any(other in lowered for other in OTHER_LOCAL_SERVERS)


def served(text: str) -> str | None:
    """The model a local server is asked for, as written, when `text` is spelled as one of its names."""
    if _NAME.fullmatch(text) is None or not any(character.isdigit() for character in text) or is_placeholder(text):
        return None
    return text
