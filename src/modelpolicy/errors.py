"""Errors the CLI turns into exit codes. Stages raise these; only the CLI decides how the process ends."""

from __future__ import annotations


class ModelpolicyError(Exception):
    """Bad input or usage: exit 2. The message names the file (and line) at fault and what to do."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        message = super().__str__()
        return f"{where}: {message}" if where else message


class KnowledgeError(ModelpolicyError):
    """The bundled knowledge base is inconsistent: a bug in modelpolicy's data, not in the user's input."""
