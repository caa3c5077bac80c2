"""Presets, policy files, expressions and the evaluation of concerns."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.errors import ModelpolicyError
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Artefact, Kind, Reference, Resolved, Terms, TrainingData, Unresolved, Verdict, Weights
from modelpolicy.policy import load_policy, preset_names
from modelpolicy.policy.concerns import CONCERNS
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives
from modelpolicy.resolve import Subject

PRESETS = ("commercial", "internal", "permissive", "research", "saas")


def subject(license_id: str | None, resolution: Resolved | Unresolved | None = None) -> Subject:
    artefact = Artefact(Kind.MODEL, "org/model", None, ())
    terms = Terms(license_id, Weights.OPEN, TrainingData.UNKNOWN, "test")
    return Subject(artefact, resolution or Resolved(terms), ())


def verdict(license_id: str | None, preset: str) -> Verdict:
    return evaluate(subject(license_id), load_policy(preset), load_knowledge()).verdict


def test_presets_are_the_five_documented_ones_and_set_every_rule() -> None:
    assert tuple(preset_names()) == PRESETS
    for name in PRESETS:
        policy = load_policy(name)
        assert set(policy.rules) == set(CONCERNS)
        assert policy.source == f"preset {name}"


@pytest.mark.parametrize(
    ("license_id", "expected"),
    [
        # license: research, internal, commercial, saas, permissive (the design's table)
        ("cc-by-nc-sa-4.0", ("pass", "fail", "fail", "fail", "fail")),
        ("llama2", ("pass", "warn", "warn", "warn", "fail")),
        ("apache-2.0", ("pass", "pass", "pass", "pass", "pass")),
        ("mit", ("pass", "pass", "pass", "pass", "pass")),
        (None, ("warn", "fail", "fail", "fail", "fail")),
        ("no-such-licence", ("warn", "fail", "fail", "fail", "fail")),
    ],
)
def test_verdict_per_preset(license_id: str | None, expected: tuple[str, ...]) -> None:
    contexts = ("research", "internal", "commercial", "saas", "permissive")
    assert tuple(verdict(license_id, c).value for c in contexts) == expected


def test_or_takes_the_branch_that_passes_and_says_so() -> None:
    finding = evaluate(subject("llama2 OR apache-2.0"), load_policy("permissive"), load_knowledge())
    assert finding.verdict is Verdict.PASS
    finding = evaluate(subject("cc-by-nc-sa-4.0 OR llama2"), load_policy("commercial"), load_knowledge())
    assert finding.verdict is Verdict.WARN
    assert "the branch llama2 is taken" in finding.violations[0].message


def test_and_must_satisfy_every_part() -> None:
    assert verdict("apache-2.0 AND cc-by-nc-sa-4.0", "commercial") is Verdict.FAIL


def test_unparseable_expression_is_a_finding_not_a_crash() -> None:
    finding = evaluate(subject("apache-2.0 AND"), load_policy("commercial"), load_knowledge())
    assert finding.verdict is Verdict.FAIL
    assert finding.violations[0].code == "unknown"
    assert "unparseable licence expression" in finding.violations[0].message


def test_alternatives_of_compound_expressions() -> None:
    assert alternatives("mit") == [("mit",)]
    assert sorted(alternatives("mit AND (llama2 OR apache-2.0)")) == [
        ("apache-2.0", "mit"),
        ("llama2", "mit"),
    ]
    assert alternatives("gpl-2.0 WITH classpath-exception-2.0") == [("gpl-2.0",)]
    with pytest.raises(ExpressionSyntaxError):
        alternatives("(mit")


def test_unresolved_artefact_is_unknown_never_a_silent_pass() -> None:
    finding = evaluate(subject(None, Unresolved("not found")), load_policy("research"), load_knowledge())
    assert finding.verdict is Verdict.WARN
    assert [v.code for v in finding.violations] == ["unknown"]


def test_policy_file_extends_a_preset_and_overrides_a_rule(tmp_path: Path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text('extends = "commercial"\nname = "ours"\n[rules]\nnon-commercial = "warn"\n')
    policy = load_policy(str(path))
    assert (policy.name, policy.source, policy.context.value) == ("ours", f"{path}, extends commercial", "commercial")
    assert policy.rules["non-commercial"] is Verdict.WARN
    assert policy.rules["unknown"] is Verdict.FAIL


def test_a_folder_named_like_a_preset_does_not_hide_the_preset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "research").mkdir()  # FlagEmbedding's `research/`, scanned from the repository's root
    (tmp_path / "ours").mkdir()
    monkeypatch.chdir(tmp_path)
    assert load_policy("research").name == "research"
    with pytest.raises(ModelpolicyError, match="policy file not found"):
        load_policy("ours")  # a folder that names no preset is still no policy file


def test_an_inline_suppression_on_every_reference_waives_that_rule_only() -> None:
    def reference(line: int, flags: frozenset[str]) -> Reference:
        return Reference("a.py", line, 0, "org/model", Kind.MODEL, "python", "from_pretrained", None, flags)

    terms = Terms("cc-by-nc-sa-4.0", Weights.OPEN, TrainingData.UNKNOWN, "test")
    waived = frozenset({"ignore:non-commercial"})
    both = Artefact(Kind.MODEL, "org/model", None, (reference(1, waived), reference(2, waived)))
    finding = evaluate(Subject(both, Resolved(terms), ()), load_policy("commercial"), load_knowledge())
    assert finding.verdict is Verdict.WARN
    assert [v.code for v in finding.waived] == ["non-commercial"]
    assert [v.code for v in finding.violations] == ["share-alike"]
    one = Artefact(Kind.MODEL, "org/model", None, (reference(1, waived), reference(2, frozenset())))
    finding = evaluate(Subject(one, Resolved(terms), ()), load_policy("commercial"), load_knowledge())
    assert finding.verdict is Verdict.FAIL and finding.waived == ()
