"""Ollama Modelfiles (`Modelfile`, `Modelfile.llama`, `assistant.modelfile`): the model a `FROM` builds on, a library
model (`FROM llama3.1:8b`), a community one (`FROM user/name`) or a Hub model (`FROM hf.co/org/repo:Q4_K_M`);
`discover/ollama.py` decides. A `FROM` of a local weights file (`FROM ./model.gguf`) names nothing we resolve."""

from __future__ import annotations

import re

from modelpolicy.discover import ollama
from modelpolicy.discover.identity import looks_like_path
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.markers import Markers
from modelpolicy.model import Reference

# `FROM value`, the instruction case-insensitive, the value optionally quoted; `#` starts a comment line.
_FROM = re.compile(r"^[ \t]*FROM[ \t]+([\"']?)(\S+?)\1[ \t]*\r?$", re.IGNORECASE | re.MULTILINE)
_STEM = "modelfile"


class ModelfileSource:
    name = "modelfile"
    stems = frozenset({_STEM})
    markers = Markers((b"from",), caseless=True)

    def wants(self, path: str) -> bool:
        name = path.rsplit("/", 1)[-1].lower()
        return name.partition(".")[0] == _STEM or name.endswith(f".{_STEM}")

    def find(self, text: str, context: FileContext) -> list[Reference]:
        references = []
        for match in _FROM.finditer(text):
            value = match.group(2)
            if looks_like_path(value) or context.is_local_path(value):
                continue
            found = ollama.recognise(value, ollama.Context.CERTAIN)
            if found is None:
                continue
            start = match.start(1)  # at the opening quote, if any, as every source places a value
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1)
            references.append(Reference(context.path, line, column, found[1], found[0], self.name, "FROM"))
        return references
