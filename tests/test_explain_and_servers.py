"""`modelpolicy explain`, and model-server images whose licence depends on the version."""

from __future__ import annotations

import pytest

from modelpolicy.cli import main
from modelpolicy.knowledge import load, server_licenses, version_key
from modelpolicy.model import Artefact, Kind, Resolved, Verdict
from modelpolicy.policy import load_policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import default_resolvers, resolve_all
from modelpolicy.resolve.images import split_image

TGI = "ghcr.io/huggingface/text-generation-inference"


def image_finding(image: str, policy: str) -> tuple[str | None, Verdict, str]:
    subject = resolve_all((Artefact(Kind.IMAGE, image, None, ()),), default_resolvers())[0]
    assert isinstance(subject.resolution, Resolved)
    finding = evaluate(subject, load_policy(policy), load())
    return subject.resolution.terms.license, finding.verdict, subject.resolution.terms.note


@pytest.mark.parametrize(
    ("tag", "licence", "saas", "commercial"),
    [
        ("0.9.4", "apache-2.0", Verdict.PASS, Verdict.PASS),
        ("1.0.0", "hfoil-1.0", Verdict.FAIL, Verdict.WARN),
        ("1.4.5", "hfoil-1.0", Verdict.FAIL, Verdict.WARN),
        ("2.0.0", "apache-2.0", Verdict.PASS, Verdict.PASS),
        ("v2.0.4", "apache-2.0", Verdict.PASS, Verdict.PASS),
    ],
)
def test_tgi_licence_by_version(tag: str, licence: str, saas: Verdict, commercial: Verdict) -> None:
    assert image_finding(f"{TGI}:{tag}", "saas")[:2] == (licence, saas)
    assert image_finding(f"{TGI}:{tag}", "commercial")[1] is commercial


@pytest.mark.parametrize("tag", ["latest", "sha-7a1f3b2", None])
def test_unknown_version_is_judged_as_the_strictest_and_names_the_candidates(tag: str | None) -> None:
    image = f"{TGI}:{tag}" if tag else TGI
    licence, verdict, note = image_finding(image, "saas")
    assert licence is not None and "hfoil-1.0" in licence and "apache-2.0" in licence
    assert verdict is Verdict.FAIL
    assert "unknown version" in note and "1.0.0" in note and "2.0.0" in note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"{TGI}:1.4", (TGI, "1.4")),
        ("localhost:5000/tgi:2.0.1", ("localhost:5000/tgi", "2.0.1")),
        ("localhost:5000/tgi", ("localhost:5000/tgi", None)),
        (f"{TGI}@sha256:abc", (TGI, None)),
    ],
)
def test_split_image(text: str, expected: tuple[str, str | None]) -> None:
    assert split_image(text) == expected


def test_version_key() -> None:
    assert version_key("v1.4.5") == (1, 4, 5)
    assert version_key("2.0.1-rocm") == (2, 0, 1)
    assert version_key("latest") is None
    server = load().server(TGI)
    assert server is not None
    assert [v.license for v in server_licenses(server, "1.0.0")] == ["hfoil-1.0"]


def test_explain_licence_shows_each_fact_and_every_preset(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "llama2"]) == 0
    out = capsys.readouterr().out
    assert "Llama 2 Community License Agreement" in out
    assert "user_threshold: 700000000" in out and "confidence" in out
    for preset in ("research", "internal", "commercial", "saas", "permissive"):
        assert f"  {preset}: " in out
    assert "permissive: FAIL" in out and "research: PASS" in out


def test_explain_artefact_shows_its_history(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "mosaicml/mpt-30b-instruct"]) == 0
    out = capsys.readouterr().out
    assert "licence: apache-2.0" in out
    assert "history: cc-by-sa-3.0 until 2024-01-15" in out
    assert "commercial: " in out


def test_explain_server_image_under_saas(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", f"{TGI}:1.0.0", "--policy", "saas"]) == 0
    out = capsys.readouterr().out
    assert "licence: hfoil-1.0" in out
    assert "saas: FAIL" in out and "[hosting-restricted]" in out and "fix: " in out
    assert "  commercial: PASS" not in out and "  commercial: WARN" not in out


def test_explain_unknown_subject_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "no-such-thing-at-all"]) == 2
    err = capsys.readouterr().err
    assert "no-such-thing-at-all" in err and len(err.strip().splitlines()) == 1
