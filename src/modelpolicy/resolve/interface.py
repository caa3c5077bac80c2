"""What a resolver is: a source of licence terms that answers for the artefacts it knows."""

from __future__ import annotations

from typing import Protocol

from modelpolicy.model import Kind, Resolution


class Resolver(Protocol):
    name: str

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        """The terms of the artefact, an Unresolved reason, or None when this resolver has nothing to say."""
        ...
