"""What a licence's properties mean for a policy: each property value that matters raises a concern.

A preset decides, per concern, whether it passes, warns or fails (see `policies/`). The mapping below is the
vocabulary of the knowledge base's schema, not a list of licences: licence facts stay in the data files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from modelpolicy.model import Verdict

if TYPE_CHECKING:  # a report names the concerns without loading the knowledge base's modules
    from modelpolicy.knowledge.schema import LicenseFamily


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
            "output-conditions",
            "its licence sets conditions on its outputs, such as share-alike or terms that travel with them",
            "meet the conditions on its outputs, or use an artefact whose outputs are unrestricted",
        ),
        Concern(
            "no-derivatives",
            "its licence forbids sharing adapted copies: a fine-tuned, quantised or merged copy may not be distributed",
            "use it unmodified, keep adapted copies private, or use an artefact whose licence allows sharing them",
        ),
        Concern(
            "revenue-threshold",
            "its licence needs a separate (paid) licence above an annual revenue, such as USD 1M",
            "check your organisation's revenue against the threshold, or get the licensor's enterprise licence",
        ),
        Concern(
            "excluded-use",
            "its licence excludes some licensees, regions or fields of use, such as EU-based companies",
            "check that you are not excluded (where you are based, what you use it for), or use another artefact",
        ),
        Concern(
            "attribution",
            "its licence requires attribution: notices or credit travel with copies and products",
            "ship its notices (`modelpolicy notice` lists them)",
        ),
        Concern(
            "remote-changes",
            "its licensor may change the terms or the acceptable-use policy after you adopt it",
            "review its terms when they change, or pin an artefact under a licence that cannot change",
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

# property -> value -> the concern it raises. `#` stands for a whole number (a threshold). A value absent here raises
# nothing; `unknown` is handled by `_IF_UNKNOWN`. A test checks that every property and value of the schema is here.
RAISED_BY: Mapping[str, Mapping[str, str]] = {
    "commercial": {"forbidden": "non-commercial", "conditional": "conditions"},
    "output": {"non-commercial": "non-commercial", "conditional": "output-conditions"},
    "output_restrictions": {"restricted": "output-restrictions"},
    "use_restrictions": {"aup": "conditions", "use-based": "use-restrictions"},
    "user_threshold": {"#": "conditions"},
    "revenue_threshold": {"#": "revenue-threshold"},
    "naming": {"required": "conditions"},
    "share_alike": {"weak": "share-alike", "strong": "share-alike", "network": "network-copyleft"},
    "derivatives": {"no-sharing": "no-derivatives"},
    "exclusions": {"regional": "excluded-use", "field-of-use": "excluded-use"},
    "attribution": {"required": "attribution"},
    "hosting": {"restricted": "hosting-restricted"},
    "remote_changes": {"yes": "remote-changes"},
}

# What an `unknown` value raises. For commercial use of the weights or outputs, the licence's basic permission is
# unknown: the `unknown` concern, at the policy's `unknown` verdict. For any other property, the concern of its
# strictest value, at that concern's verdict but never below a warning (`Raised.unknown`): unknown is never a silent
# pass, and it is never judged milder than the worst the licence could say.
_IF_UNKNOWN: Mapping[str, str] = {
    "commercial": "unknown",
    "output": "unknown",
    "output_restrictions": "output-restrictions",
    "use_restrictions": "use-restrictions",
    "user_threshold": "conditions",
    "revenue_threshold": "revenue-threshold",
    "naming": "conditions",
    "share_alike": "network-copyleft",
    "derivatives": "no-derivatives",
    "exclusions": "excluded-use",
    "attribution": "attribution",
    "hosting": "hosting-restricted",
    "remote_changes": "remote-changes",
}

# The properties about a model's outputs rather than its weights: what data generated by the model inherits.
OUTPUT_PROPERTIES: frozenset[str] = frozenset({"output", "output_restrictions"})


class Raised(NamedTuple):
    """A concern a licence property raises; `unknown` when the property's value is unknown."""

    code: str
    prop: str
    value: str
    unknown: bool = False


def raising(prop: str, value: str) -> Raised | None:
    """The concern a property value raises, if any, and whether it is raised because the value is unknown."""
    if value == "unknown":
        return Raised(_IF_UNKNOWN[prop], prop, value, unknown=_IF_UNKNOWN[prop] != "unknown")
    code = RAISED_BY[prop].get("#" if value.isdigit() else value)
    return Raised(code, prop, value) if code else None


def raised_by(prop: str, value: str) -> str | None:
    """The code of the concern a property value raises, if any."""
    raised = raising(prop, value)
    return raised.code if raised else None


def raised_concerns(family: LicenseFamily | None, props: Iterable[str] | None = None) -> tuple[Raised, ...]:
    """The concerns a licence family raises (from `props` only, when given); an unknown licence raises `unknown`.
    When commercial use of the weights or outputs is unknown, the family's other unknown terms are not listed one
    by one: the `unknown` concern already holds the artefact at the policy's `unknown` verdict."""
    if family is None:
        return (Raised("unknown", "license", "unknown"),)
    wanted = family.terms if props is None else props
    found = [r for r in (raising(prop, family.terms[prop].value) for prop in wanted) if r]
    if any(r.code == "unknown" for r in found):  # its basic permission is unknown: one `unknown` says it all
        return tuple(r for r in found if not r.unknown)
    return tuple(found)


def family_concerns(family: LicenseFamily | None) -> frozenset[str]:
    """The codes of the concerns a licence family raises; an unknown licence raises `unknown`."""
    return frozenset(r.code for r in raised_concerns(family))


def output_concerns(family: LicenseFamily | None) -> tuple[Raised, ...]:
    """The concerns about a model's outputs alone: what a dataset generated by the model carries (its weights'
    terms do not travel with what it generates; FLUX.1 [dev]'s weights are non-commercial, its outputs are not)."""
    return raised_concerns(family, sorted(OUTPUT_PROPERTIES))


def why(family: LicenseFamily, raised: Raised, key: str) -> str:
    """Why a family raises a concern, in the words of the property behind it."""
    if raised.unknown:
        return f"{key}: its {raised.prop.replace('_', ' ')} terms are unknown, so judged at their strictest"
    if raised.code == "non-commercial" and raised.prop == "commercial" and family.value("output") == "unrestricted":
        return f"{key}: its weights may not be used commercially; its outputs may"
    return key
