"""What each policy key does to a verdict: allow, forbid, exceptions (expiry, pins), clarifications, lineage and
training data modes, expected users, reference rules, and the warnings about entries nothing used."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import (
    Artefact,
    Finding,
    Kind,
    Parent,
    Reference,
    Resolution,
    Resolved,
    Terms,
    TrainingData,
    Unresolved,
    Verdict,
    Weights,
)
from modelpolicy.policy import Policy, load_policy
from modelpolicy.policy.clarify import clarifier
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.policy.unused import unused_entries
from modelpolicy.resolve import Ancestor, Subject

TODAY = date(2026, 11, 23)
SHA = "0123456789abcdef0123456789abcdef01234567"


def policy_from(tmp_path: Path, text: str) -> Policy:
    path = tmp_path / "policy.toml"
    path.write_text(text)
    return load_policy(str(path))


def terms(license_id: str | None, **changes: object) -> Terms:
    return replace(Terms(license_id, Weights.OPEN, TrainingData.UNKNOWN, "test"), **changes)  # type: ignore[arg-type]


def subject(
    license_id: str | None,
    *,
    artefact_id: str = "org/model",
    revision: str | None = SHA,
    ancestors: tuple[Ancestor, ...] = (),
    flags: frozenset[str] = frozenset(),
    resolution: Resolution | None = None,
) -> Subject:
    reference = Reference("app.py", 3, 0, artefact_id, Kind.MODEL, "python", "from_pretrained", revision, flags)
    artefact = Artefact(Kind.MODEL, artefact_id, revision, (reference,))
    return Subject(artefact, resolution or Resolved(terms(license_id, revision=SHA)), ancestors)


def judge(policy: Policy, item: Subject, today: date = TODAY) -> Finding:
    return evaluate(item, policy, load_knowledge(), today)


def codes(finding: Finding) -> dict[str, str]:
    return {v.code: v.severity.value for v in finding.violations}


def ancestor(kind: Kind, parent_id: str, license_id: str) -> Ancestor:
    relation = "dataset" if kind is Kind.DATASET else "finetune"
    return Ancestor(Parent(kind, parent_id, relation), "org/model", Resolved(terms(license_id)))


# allow


def test_an_allowed_licence_passes_and_an_allowed_expression_passes_as_a_whole(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "permissive"\nallow = ["llama2", "cc-by-sa-4.0 AND mit"]\n')
    assert judge(policy, subject("llama2")).verdict is Verdict.PASS
    assert judge(policy, subject("Llama2")).applied == (f"{tmp_path / 'policy.toml'} allow[0]",)
    assert judge(policy, subject("mit AND cc-by-sa-4.0")).verdict is Verdict.PASS
    assert codes(judge(policy, subject("cc-by-sa-4.0"))) == {"share-alike": "fail", "output-conditions": "fail"}


def test_allow_does_not_cover_the_licences_it_does_not_name(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "commercial"\nallow = ["llama2"]\n')
    finding = judge(policy, subject("llama2 AND cc-by-nc-4.0"))
    assert codes(finding) == {"non-commercial": "fail"}


# forbid: the hard tier


def test_forbid_fails_even_where_the_rules_pass_and_an_exception_matches(tmp_path: Path) -> None:
    policy = policy_from(
        tmp_path,
        'extends = "research"\nforbid = ["agpl-3.0"]\n[[exception]]\nid = "org/*"\nreason = "ok"\n',
    )
    finding = judge(policy, subject("agpl-3.0"))
    assert finding.verdict is Verdict.FAIL
    assert [v.code for v in finding.violations] == ["forbidden"]
    assert "agpl-3.0 is forbidden at" in finding.violations[0].message
    assert "no exception can waive" in finding.violations[0].fix


def test_forbid_beats_an_inline_suppression(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "research"\nforbid = ["agpl-3.0"]\n')
    finding = judge(policy, subject("agpl-3.0", flags=frozenset({"ignore:forbidden"})))
    assert finding.verdict is Verdict.FAIL


def test_or_chooses_the_branch_that_is_not_forbidden(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "commercial"\nforbid = ["gpl-3.0"]\n')
    finding = judge(policy, subject("gpl-3.0 OR mit"))
    assert finding.verdict is Verdict.PASS
    fallback = judge(policy, subject("gpl-3.0 OR agpl-3.0"))
    assert codes(fallback) == {"network-copyleft": "warn"}
    assert fallback.violations[0].message.endswith("of gpl-3.0 OR agpl-3.0, the branch agpl-3.0 is taken)")
    assert codes(judge(policy, subject("gpl-3.0 AND mit"))) == {"forbidden": "fail", "share-alike": "warn"}


def test_a_forbidden_base_model_fails_its_fine_tune(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "research"\nforbid = ["llama1"]\n')
    finding = judge(policy, subject("apache-2.0", ancestors=(ancestor(Kind.MODEL, "huggyllama/llama-7b", "llama1"),)))
    assert codes(finding)["forbidden"] == "fail"


# exceptions


EXCEPTION = """extends = "commercial"
[[exception]]
id = "org/*"
reason = "legal review LEGAL-7"
approved_by = "Ann Lee"
expires = 2027-01-31
"""


def test_an_exception_waives_the_violations_of_what_its_glob_matches(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXCEPTION)
    finding = judge(policy, subject("cc-by-nc-4.0"))
    assert finding.verdict is Verdict.PASS
    assert [v.code for v in finding.waived] == ["non-commercial"]
    assert finding.waived_by == (
        f"the exception for org/* at {tmp_path / 'policy.toml'}:2 (legal review LEGAL-7, approved by Ann Lee)"
    )
    assert judge(policy, subject("cc-by-nc-4.0", artefact_id="other/model")).verdict is Verdict.FAIL


@pytest.mark.parametrize(("today", "expected"), [(date(2027, 1, 31), "pass"), (date(2027, 2, 1), "fail")])
def test_an_exception_applies_through_its_expiry_date_and_then_fails_naming_who_approved_it(
    tmp_path: Path, today: date, expected: str
) -> None:
    finding = judge(policy_from(tmp_path, EXCEPTION), subject("cc-by-nc-4.0"), today)
    assert finding.verdict.value == expected
    if expected == "fail":
        assert codes(finding) == {"non-commercial": "fail", "exception-expired": "fail"}
        expired = finding.violations[-1].message
        assert "approved by Ann Lee" in expired and "expired on 2027-01-31" in expired


def test_a_renewed_exception_after_an_expired_one_applies(tmp_path: Path) -> None:
    renewed = EXCEPTION + '[[exception]]\nid = "org/model"\nreason = "renewed"\nexpires = 2028-01-31\n'
    finding = judge(policy_from(tmp_path, renewed), subject("cc-by-nc-4.0"), date(2027, 6, 1))
    assert finding.verdict is Verdict.PASS
    assert "(renewed)" in finding.waived_by
    assert finding.notes[0].endswith("expired on 2027-01-31")


def test_an_expired_exception_over_a_passing_artefact_does_not_fail_it(tmp_path: Path) -> None:
    finding = judge(policy_from(tmp_path, EXCEPTION), subject("mit"), date(2030, 1, 1))
    assert finding.verdict is Verdict.PASS


def test_a_licence_pinned_exception_stops_applying_when_the_licence_changes(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXCEPTION + 'license = "cc-by-nc-4.0"\n')
    assert judge(policy, subject("CC-BY-NC-4.0")).verdict is Verdict.PASS
    relicensed = judge(policy, subject("cc-by-nc-sa-4.0"))
    assert relicensed.verdict is Verdict.FAIL
    assert relicensed.notes == (
        f"the exception for org/* at {tmp_path / 'policy.toml'}:2 (legal review LEGAL-7, approved by Ann Lee) does "
        "not apply: it is pinned to licence cc-by-nc-4.0, and the licence is now cc-by-nc-sa-4.0",
    )
    assert unused_entries(policy, [relicensed]) == (
        f"{tmp_path / 'policy.toml'}:2: the exception for org/* is unused: nothing it matches needs it; remove it",
    )


def test_a_revision_pinned_exception_stops_applying_at_another_revision(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, EXCEPTION + 'revision = "0123456"\n')
    assert judge(policy, subject("cc-by-nc-4.0")).verdict is Verdict.PASS
    moved = judge(
        policy, subject("cc-by-nc-4.0", revision="main", resolution=Resolved(terms("cc-by-nc-4.0", revision="f" * 40)))
    )
    assert moved.verdict is Verdict.FAIL
    assert moved.notes[0].endswith(f"it is pinned to revision 0123456, and the artefact is at {'f' * 40}")


def test_an_exception_never_waives_a_lockfile_miss(tmp_path: Path) -> None:
    missing = Unresolved("not in modelpolicy.lock", concern="not-locked")
    finding = judge(policy_from(tmp_path, EXCEPTION), subject(None, resolution=missing))
    assert codes(finding) == {"not-locked": "fail"}


# what nothing used


def test_unused_allow_entries_exceptions_and_clarifications_are_warnings(tmp_path: Path) -> None:
    policy = policy_from(
        tmp_path,
        'extends = "commercial"\nallow = ["mit", "llama2"]\n'
        '[[exception]]\nid = "nobody/*"\nreason = "old"\n'
        f'[[clarification]]\nid = "x/y"\nlicense = "mit"\nrevision = "{SHA}"\nreason = "LICENSE says MIT"\n',
    )
    findings = [judge(policy, subject("llama2"))]
    where = tmp_path / "policy.toml"
    assert unused_entries(policy, findings) == (
        f"{where}:2: allow entry mit is unused: no artefact has that licence; remove it",
        f"{where}:3: the exception for nobody/* is unused: nothing it matches needs it; remove it",
        f"{where}:6: the clarification for x/y is unused: no scanned artefact at revision {SHA} has that id; "
        "update its revision or remove it",
    )


# clarifications


def test_a_clarification_gives_the_licence_at_its_revision_only(tmp_path: Path) -> None:
    policy = policy_from(
        tmp_path,
        f'extends = "commercial"\n[[clarification]]\nid = "org/model"\nlicense = "mit"\nrevision = "{SHA[:12]}"\n'
        'reason = "its LICENSE file is MIT"\n',
    )
    adjust = clarifier(policy)
    assert adjust is not None
    empty = Resolved(terms(None, revision=SHA))
    clarified = adjust(Kind.MODEL, "Org/Model", None, empty)
    assert isinstance(clarified, Resolved)
    assert clarified.terms.license == "mit"
    assert clarified.terms.source == f"clarification at {tmp_path / 'policy.toml'}:2: its LICENSE file is MIT"
    finding = judge(policy, subject(None, resolution=clarified))
    assert finding.verdict is Verdict.PASS
    assert finding.applied == (f"{tmp_path / 'policy.toml'} clarification[0]",)
    later = adjust(Kind.MODEL, "org/model", None, Resolved(terms(None, revision="f" * 40)))
    assert isinstance(later, Resolved) and later.terms.license is None
    assert "pinned to revision 0123456789ab" in later.terms.note
    assert adjust(Kind.MODEL, "org/model", SHA, Unresolved("gated")) == Resolved(
        terms("mit", source=clarified.terms.source, revision=SHA, weights=Weights.UNKNOWN)
    )


# lineage and training data


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("enforce", {"license-drift": "warn", "non-commercial": "fail"}),
        ("warn", {"license-drift": "warn"}),
        ("off", {}),
    ],
)
def test_lineage_mode(tmp_path: Path, mode: str, expected: dict[str, str]) -> None:
    policy = policy_from(tmp_path, f'extends = "commercial"\nlineage = "{mode}"\n[rules]\nlicense-drift = "fail"\n')
    if mode == "enforce":
        expected = {**expected, "license-drift": "fail"}
    base = ancestor(Kind.MODEL, "org/base", "cc-by-nc-4.0")
    finding = judge(policy, subject("apache-2.0", ancestors=(base,)))
    assert codes(finding) == expected


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("enforce", {"training-data": "fail", "non-commercial": "fail", "share-alike": "warn"}),
        ("warn", {"training-data": "warn"}),
        ("off", {}),
    ],
)
def test_training_data_mode(tmp_path: Path, mode: str, expected: dict[str, str]) -> None:
    policy = policy_from(
        tmp_path, f'extends = "commercial"\ntraining_data = "{mode}"\n[rules]\ntraining-data = "fail"\n'
    )
    data = ancestor(Kind.DATASET, "org/data", "cc-by-nc-sa-4.0")
    assert codes(judge(policy, subject("apache-2.0", ancestors=(data,)))) == expected


# expected users, references, unknown


def test_expected_users_above_a_licence_s_threshold_fails(tmp_path: Path) -> None:
    small = policy_from(tmp_path, 'extends = "commercial"\nexpected_users = 1_000_000\n')
    assert "user-threshold" not in codes(judge(small, subject("llama2")))
    large = policy_from(tmp_path, 'extends = "commercial"\nexpected_users = 900_000_000\n')
    finding = judge(large, subject("llama2"))
    assert codes(finding)["user-threshold"] == "fail"
    assert "llama2 caps users at 700,000,000; the policy expects 900,000,000" in finding.violations[-1].message


def test_trust_remote_code_and_unpinned_revisions_are_rules(tmp_path: Path) -> None:
    policy = policy_from(
        tmp_path, 'extends = "commercial"\n[rules]\ntrust-remote-code = "fail"\nunpinned-revision = "warn"\n'
    )
    flagged = judge(policy, subject("mit", flags=frozenset({"trust_remote_code"})))
    assert codes(flagged) == {"trust-remote-code": "fail"}
    assert "at app.py:3" in flagged.violations[0].message
    assert codes(judge(policy, subject("mit", revision="main"))) == {"unpinned-revision": "warn"}
    assert codes(judge(policy, subject("mit", revision=None))) == {"unpinned-revision": "warn"}
    assert codes(judge(policy, subject("mit", revision=SHA[:7]))) == {}


def test_unknown_warn_lets_an_unresolved_artefact_through_with_a_warning(tmp_path: Path) -> None:
    policy = policy_from(tmp_path, 'extends = "commercial"\nunknown = "warn"\n')
    finding = judge(policy, subject(None, resolution=Unresolved("not found on the Hub")))
    assert codes(finding) == {"unknown": "warn"}


@pytest.mark.parametrize(
    ("preset", "expected"),
    [
        ("research", {}),
        ("internal", {"trust-remote-code": "warn"}),
        ("commercial", {"trust-remote-code": "warn"}),
        ("saas", {"trust-remote-code": "warn"}),
        ("permissive", {"trust-remote-code": "warn"}),
    ],
)
def test_each_preset_on_trust_remote_code(preset: str, expected: dict[str, str]) -> None:
    finding = judge(load_policy(preset), subject("mit", flags=frozenset({"trust_remote_code"})))
    assert codes(finding) == expected


def image_subject(image: str) -> Subject:
    artefact = Artefact(Kind.IMAGE, image, None, (Reference("compose.yaml", 3, 11, image, Kind.IMAGE, "c", "image"),))
    return Subject(artefact, Resolved(terms("apache-2.0")), ())


@pytest.mark.parametrize(
    ("image", "unpinned"),
    [
        ("vllm/vllm-openai", True),
        ("vllm/vllm-openai:latest", True),
        ("vllm/vllm-openai:nightly", True),
        ("vllm/vllm-openai:v0.6.3", False),
        (f"vllm/vllm-openai@sha256:{'a' * 64}", False),  # pinned; its unknown release is the resolver's to judge
        ("ghcr.io/ggml-org/llama.cpp:server-b4500", False),  # a build tag
        ("example.org/not-a-server:latest", False),  # not in the catalogue: nothing to say of its tags
    ],
)
def test_an_image_tag_that_names_no_release_is_unpinned(image: str, unpinned: bool) -> None:
    found = codes(judge(load_policy("commercial"), image_subject(image)))
    assert found == ({"unpinned-image": "warn"} if unpinned else {})


def test_unpinned_image_is_a_rule_a_policy_may_set_or_leave_unset(tmp_path: Path) -> None:
    """A policy written before the rule existed, setting every other rule, still loads and warns."""
    strict = policy_from(tmp_path, 'extends = "commercial"\n[rules]\nunpinned-image = "fail"\n')
    assert codes(judge(strict, image_subject("ollama/ollama"))) == {"unpinned-image": "fail"}
    rules = "".join(f'{code} = "pass"\n' for code in load_policy("commercial").rules if code != "unknown")
    rules = rules.replace('unpinned-image = "pass"\n', "")
    (tmp_path / "unset").mkdir()
    unset = policy_from(tmp_path / "unset", f'context = "commercial"\nunknown = "fail"\n[rules]\n{rules}')
    assert codes(judge(unset, image_subject("ollama/ollama"))) == {"unpinned-image": "warn"}
