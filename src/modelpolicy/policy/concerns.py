"""What a licence's properties mean for a policy: each property value that matters raises a concern.

A preset decides, per concern, whether it passes, warns or fails (see `policies/`). The mapping below is the
vocabulary of the knowledge base's schema, not a list of licences: licence facts stay in the data files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from modelpolicy.knowledge.schema import LicenseFamily
from modelpolicy.model import Verdict


@dataclass(frozen=True)
class Concern:
    code: str
    reason: str
    fix: str


CONCERNS: Mapping[str, Concern] = {
    c.code: c
    for c in (
        Concern(
            "non-commercial",
            "its licence forbids commercial use of the artefact or its outputs",
            "use an artefact whose licence permits commercial use",
        ),
        Concern(
            "hosting-restricted",
            "its licence restricts offering it as a hosted service to third parties",
            "get the licensor's agreement for hosted use, or use another version or artefact",
        ),
        Concern(
            "conditions",
            "its licence sets conditions: a user threshold, an acceptable-use policy, naming rules or royalties",
            "check that your use meets the licence's conditions",
        ),
        Concern(
            "use-restrictions",
            "its licence carries use-based restrictions that you must pass downstream",
            "pass the use restrictions on to your users, or use an artefact without them",
        ),
        Concern(
            "share-alike",
            "its licence is share-alike: adaptations must carry the same licence",
            "release adaptations under the same licence, or use a permissive artefact",
        ),
        Concern(
            "network-copyleft",
            "its licence is network copyleft: users of a hosted service get the source",
            "offer the source to network users, or use an artefact without network copyleft",
        ),
        Concern(
            "output-restrictions",
            "its terms restrict what its outputs may be used for, such as training other models",
            "do not use its outputs for the restricted purposes",
        ),
        Concern(
            "training-data",
            "it was trained on data under stricter terms than its own licence",
            "check the training data's terms, or use an artefact trained on permissive data",
        ),
        Concern(
            "license-drift",
            "it declares terms more permissive than an artefact it derives from",
            "treat it under its base's terms, or use an artefact whose lineage is permissive",
        ),
        Concern(
            "user-threshold",
            "its licence caps the number of users below the number the policy expects (expected_users)",
            "get the licensor's agreement for more users, or use an artefact without a user threshold",
        ),
        Concern(
            "trust-remote-code",
            "it is loaded with trust_remote_code=True: code from its repository runs on your machine",
            "pin the revision whose code you reviewed, or load it without trust_remote_code",
        ),
        Concern(
            "unpinned-revision",
            "its reference names no commit, so its terms can change under you",
            'pin it with revision="<commit sha>"',
        ),
        Concern(
            "unpinned-image",
            "its image tag names no release (`latest`, a channel or no tag): it is judged by the newest release "
            "known, and its terms can change under you",
            "pin a release tag (`:2.0.1`), or a digest with the release tag beside it",
        ),
        Concern("unknown", "its licence is unknown", "check its licence on its model or dataset card"),
    )
}

# Rules a policy may leave unset, and their verdict then (`unreadable` follows `unknown`, see `Policy.unreadable`).
RULE_DEFAULTS: Mapping[str, Verdict] = {"unpinned-image": Verdict.WARN}

# Concerns no policy can turn down: they always fail, and no exception or inline suppression waives them.
HARD_CONCERNS: Mapping[str, Concern] = {
    c.code: c
    for c in (
        Concern(
            "forbidden",
            "its licence is forbidden by the policy",
            "use an artefact under another licence; no exception can waive a forbidden licence",
        ),
        Concern(
            "exception-expired",
            "the exception that waived its violations has expired",
            "fix the violations, or renew the exception with a new `expires` date after review",
        ),
        Concern(
            "not-locked",
            "it is not in modelpolicy.lock",
            "run `modelpolicy lock` and commit modelpolicy.lock",
        ),
    )
}

# A file that may name an artefact but could not be read: judged by the `unreadable` rule, which is `unknown`'s
# verdict unless the policy sets it, since what the file names is unknown.
UNREADABLE = Concern(
    "unreadable",
    "it may name a model or dataset but could not be read whole, so what it uses is unknown",
    "fix the file so that it parses; if it names nothing the repository uses, set `[rules] unreadable` in the policy",
)

# (property, value) -> concern. A number under `user_threshold` means a threshold exists.
_RAISED_BY: Mapping[tuple[str, str], str] = {
    ("commercial", "forbidden"): "non-commercial",
    ("output", "non-commercial"): "non-commercial",
    ("commercial", "unknown"): "unknown",
    ("output", "unknown"): "unknown",
    ("hosting", "restricted"): "hosting-restricted",
    ("commercial", "conditional"): "conditions",
    ("use_restrictions", "aup"): "conditions",
    ("naming", "required"): "conditions",
    ("user_threshold", "#"): "conditions",
    ("use_restrictions", "use-based"): "use-restrictions",
    ("share_alike", "weak"): "share-alike",
    ("share_alike", "strong"): "share-alike",
    ("share_alike", "network"): "network-copyleft",
    ("output_restrictions", "restricted"): "output-restrictions",
}


def raised_by(prop: str, value: str) -> str | None:
    """The concern a property value raises, if any."""
    return _RAISED_BY.get((prop, "#" if value.isdigit() else value))


def family_concerns(family: LicenseFamily | None) -> frozenset[str]:
    """The concerns a licence family raises; an unknown licence raises `unknown`."""
    if family is None:
        return frozenset({"unknown"})
    found = (raised_by(prop, fact.value) for prop, fact in family.terms.items())
    return frozenset(c for c in found if c)
