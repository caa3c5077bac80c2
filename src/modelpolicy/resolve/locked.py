"""Terms from modelpolicy.lock: what `modelpolicy scan --locked` (the pre-commit hook) resolves with.

It knows nothing of the file's format (`modelpolicy.lockfile` reads it): it answers from a mapping of locked
resolutions, and a model or dataset the mapping lacks is a `not-locked` failure rather than a question for the Hub.
API models and server images it does not hold are left to the bundled knowledge base, which decides their terms.
"""

from __future__ import annotations

from collections.abc import Mapping

from modelpolicy.model import Kind, Resolution, Resolved, Unresolved

Key = tuple[Kind, str, "str | None"]  # kind, lower-cased id, revision as referenced
LOCKED_KINDS = frozenset({Kind.MODEL, Kind.DATASET})


def locked_key(kind: Kind, artefact_id: str, revision: str | None) -> Key:
    """Hub ids are case-insensitive: `Org/Model` in the code finds the entry locked as `org/model`."""
    return (kind, artefact_id.lower(), revision)


class LockfileResolver:
    name = "modelpolicy.lock"

    def __init__(self, locked: Mapping[Key, Resolution], where: str = "modelpolicy.lock") -> None:
        self.locked = locked
        self.where = where

    def resolve(self, kind: Kind, artefact_id: str, revision: str | None) -> Resolution | None:
        found = self.locked.get(locked_key(kind, artefact_id, revision))
        if found is None:
            if kind not in LOCKED_KINDS:
                return None
            at = f" at revision {revision}" if revision else ""
            return self._not_locked(f"{artefact_id}{at} is not in {self.where}")
        if isinstance(found, Resolved):
            return self._missing_parent(found) or found
        return found

    def _missing_parent(self, resolution: Resolved) -> Unresolved | None:
        """A locked artefact whose base model or dataset is not locked: its lineage could not be judged, so it fails
        as not locked rather than passing on its own label."""
        for parent in resolution.terms.parents:
            if parent.kind in LOCKED_KINDS and locked_key(parent.kind, parent.id, None) not in self.locked:
                return self._not_locked(f"its {parent.relation} parent {parent.id} is not in {self.where}")
        return None

    @staticmethod
    def _not_locked(what: str) -> Unresolved:
        return Unresolved(f"{what}: run `modelpolicy lock` and commit the lockfile", concern="not-locked")
