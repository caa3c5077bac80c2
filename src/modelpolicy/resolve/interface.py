"""What a resolver is: a source of licence terms that answers for the artefacts it knows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from modelpolicy.model import Kind, Resolution, Terms, Unresolved


class Resolver(Protocol):
    name: str

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        """The terms of the artefact, an Unresolved reason, or None when this resolver has nothing to say."""
        ...


@runtime_checkable
class CardReader(Protocol):
    """A source that can read an artefact's card live (the Hub), to compare it with terms another source gave."""

    def card(self, kind: Kind, artefact_id: str, revision: str | None) -> Terms | None:
        """The terms the card declares at `revision`; None offline, or when the card cannot be read or declares no
        licence. A failure here is no failure of the scan: the terms another source gave stand."""
        ...


@dataclass(frozen=True)
class Unreachable(Unresolved):
    """Unresolved because the source could not be asked (no network, a timeout, a server error after the retries):
    not an answer about the artefact, and one that may change on the next run, so it is neither cached nor locked."""


@dataclass(frozen=True)
class NotFollowed(Unresolved):
    """An ancestor past the lineage limits (too many parents of one artefact, or too many generations): it was not
    asked about, so its terms are unknown. Not an answer about it either: never locked."""
