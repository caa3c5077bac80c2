"""Obligations in the reports and the NOTICE document: Llama 3, Llama 3.1, Gemma, an OpenRAIL++ model, a CC BY-SA
dataset, and Apache and MIT models whose base models' licences carry obligations over."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from modelpolicy.cli import main
from tests.conftest import ask_test_hub
from tests.hub.server import HubServer

pytest.importorskip("huggingface_hub.constants")  # read while the real environment is in force

CODE = """\
from datasets import load_dataset
from diffusers import DiffusionPipeline
from transformers import AutoModel

llama3 = AutoModel.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")
llama31 = AutoModel.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
gemma = AutoModel.from_pretrained("google/gemma-7b-it")
sd = DiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-2-1")
squad = load_dataset("rajpurkar/squad_v2")
"""
HUB_CODE = """\
from transformers import AutoModel

legal = AutoModel.from_pretrained("fixture-org/llama-2-13b-chat-legal")
mit = AutoModel.from_pretrained("fixture-org/mistral-7b-alpaca-mit")
"""


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(CODE, encoding="utf-8")
    return tmp_path


@pytest.fixture()
def test_hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[HubServer]:
    with HubServer() as server:
        ask_test_hub(monkeypatch, server.endpoint)
        yield server


def scan_json(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    main(["scan", str(path), "--format", "json", "--fail-on", "never", *args])
    document: dict[str, Any] = json.loads(capsys.readouterr().out)
    return document


def obligations(document: dict[str, Any], artefact_id: str) -> list[dict[str, Any]]:
    [artefact] = [a for a in document["artefacts"] if a["id"] == artefact_id]
    return list(artefact["obligations"])


def by_key(found: list[dict[str, Any]], license_key: str, key: str) -> dict[str, Any]:
    [one] = [o for o in found if o["license"] == license_key and o["key"] == key]
    return one


def notice(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(["notice", str(path), *args]) == 0
    return capsys.readouterr().out


def test_the_json_report_lists_each_artefacts_obligations_with_evidence(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = scan_json(repo, capsys, "--offline", "--policy", "saas")
    assert document["schema"] == "modelpolicy.report/2"
    llama3 = obligations(document, "meta-llama/Meta-Llama-3-8B-Instruct")
    built = by_key(llama3, "llama3", "built-with")
    assert built["text"] == "Built with Meta Llama 3" and built["applies"] is True and built["via"] is None
    assert "Built with Meta Llama 3" in built["evidence"]["quote"]
    assert built["evidence"]["url"].startswith("https://")
    assert by_key(llama3, "llama3", "model-name")["applies"] is False  # a SaaS publishes no fine-tune
    llama31 = obligations(document, "meta-llama/Llama-3.1-8B-Instruct")
    assert by_key(llama31, "llama3.1", "built-with")["text"] == "Built with Llama"
    assert by_key(llama31, "llama3.1", "model-name")["text"] == "Llama"
    gemma = by_key(obligations(document, "google/gemma-7b-it"), "gemma", "notice-file")
    assert gemma["applies"] is False  # "other than through a Hosted Service"
    passed_on = by_key(obligations(document, "google/gemma-7b-it"), "gemma", "pass-on-use-restrictions")
    assert passed_on["applies"] is True
    rail = by_key(obligations(document, "stabilityai/stable-diffusion-2-1"), "openrail++", "pass-on-use-restrictions")
    assert rail["applies"] is True and "paragraph 5" in rail["evidence"]["quote"]
    share = by_key(obligations(document, "rajpurkar/squad_v2"), "cc-by-sa-4.0", "share-alike")
    assert share["applies"] is False  # a service shares no adapted copy of the data


def test_the_context_decides_which_obligations_apply(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    commercial = scan_json(repo, capsys, "--offline", "--policy", "commercial")
    internal = scan_json(repo, capsys, "--offline", "--policy", "internal")
    share = ("rajpurkar/squad_v2", "cc-by-sa-4.0", "share-alike")
    assert by_key(obligations(commercial, share[0]), *share[1:])["applies"] is True
    assert by_key(obligations(internal, share[0]), *share[1:])["applies"] is False
    aup = ("meta-llama/Meta-Llama-3-8B-Instruct", "llama3", "acceptable-use")
    assert by_key(obligations(internal, aup[0]), *aup[1:])["applies"] is True  # every use


def test_notice_gives_licence_attribution_and_obligations_per_artefact(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = notice(repo, capsys, "--offline", "--policy", "commercial")
    assert text.startswith("# Notices for the machine-learning artefacts this repository uses\n")
    sections = {part.split("\n", 1)[0]: part for part in text.split("\n## ")[1:]}
    llama3 = sections["model `meta-llama/Meta-Llama-3-8B-Instruct`"]
    assert "[Meta Llama 3 Community License Agreement](https://llama.meta.com/llama3/license/)" in llama3
    assert "> Built with Meta Llama 3\n" in llama3
    assert "The name begins with `Llama 3`" in llama3
    assert "Meta Llama 3 Community License §1.b.i(B)" in llama3
    assert "> Built with Llama\n" in sections["model `meta-llama/Llama-3.1-8B-Instruct`"]
    gemma = sections["model `google/gemma-7b-it`"]
    assert "> Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms" in gemma
    assert "Section 3.2" in gemma
    assert "Attachment A" in sections["model `stabilityai/stable-diffusion-2-1`"]
    squad = sections["dataset `rajpurkar/squad_v2`"]
    assert "CC BY-SA 4.0 §3(b)(1)" in squad and "credit the creator" in squad


def test_notice_under_saas_leaves_out_what_only_distribution_brings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = notice(repo, capsys, "--offline", "--policy", "saas")
    assert "Gemma is provided under and subject to" not in text  # the Notice file is for distributed copies
    assert "> Built with Meta Llama 3" in text
    assert "further obligations of its licences apply only to uses outside this context" in text


def test_an_apache_fine_tune_of_llama_2_carries_llama_2s_obligations(
    test_hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(HUB_CODE, encoding="utf-8")
    cache = str(tmp_path / "cache")
    document = scan_json(tmp_path, capsys, "--cache-dir", cache, "--policy", "commercial")
    legal = obligations(document, "fixture-org/llama-2-13b-chat-legal")
    assert by_key(legal, "apache-2.0", "notice-file")["via"] is None
    carried = by_key(legal, "llama2", "notice-file")
    assert carried["via"] == "meta-llama/Llama-2-13b-chat-hf" and carried["applies"] is True
    assert carried["text"].startswith("Llama 2 is licensed under the LLAMA 2 Community License")
    mit = obligations(document, "fixture-org/mistral-7b-alpaca-mit")
    assert by_key(mit, "apache-2.0", "license-copy")["via"] == "mistralai/Mistral-7B-v0.1"
    assert not [o for o in mit if o["via"] == "tatsu-lab/alpaca"]  # training data is not carried over
    text = notice(tmp_path, capsys, "--cache-dir", cache, "--policy", "commercial", "--offline")
    section = text.split("## model `fixture-org/llama-2-13b-chat-legal`", 1)[1].split("\n## ", 1)[0]
    assert "### Carried over from its lineage" in section
    assert "From base model `meta-llama/Llama-2-13b-chat-hf` ([Llama 2 Community License Agreement]" in section
    assert "> Llama 2 is licensed under the LLAMA 2 Community License" in section


def test_notice_writes_its_output_file_through_a_symlink_and_refuses_a_fifo(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "real-NOTICE.md"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "NOTICE.md"
    link.symlink_to(target)
    assert main(["notice", str(repo), "--offline", "--output", str(link)]) == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# Notices")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["notice", str(repo), "--offline", "--output", str(fifo)]) == 2
    assert "error" in capsys.readouterr().err


def test_an_artefact_whose_licence_is_unknown_says_its_obligations_cannot_be_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("nobody-knows/this-model")\n', encoding="utf-8"
    )
    text = notice(tmp_path, capsys, "--offline")
    assert "## model `nobody-knows/this-model`" in text
    assert "its obligations cannot be listed" in text


def test_text_and_markdown_reports_show_obligations_only_when_asked(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["scan", str(repo), "--offline", "--policy", "saas", "--fail-on", "never"])
    assert "Obligations under context" not in capsys.readouterr().out
    main(["scan", str(repo), "--offline", "--policy", "saas", "--fail-on", "never", "--obligations"])
    text = capsys.readouterr().out
    section = text.split("Obligations under context saas:\n", 1)[1]
    assert "  model meta-llama/Meta-Llama-3-8B-Instruct:\n" in section
    assert "      text: Built with Meta Llama 3\n" in section
    assert "[Gemma Terms of Use §3.1(1)]" in section
    assert "Gemma is provided under" not in section  # the Notice file is not for a hosted service
    main(["scan", str(repo), "--offline", "--policy", "saas", "--format", "markdown", "--fail-on", "never"])
    assert "Obligations under context" not in capsys.readouterr().out
    args = ["scan", str(repo), "--offline", "--policy", "saas", "--format", "markdown", "--obligations"]
    main([*args, "--fail-on", "never"])
    markdown = capsys.readouterr().out
    assert "<details><summary>Obligations under context saas (" in markdown
    assert "Text: `Built with Llama`." in markdown
    assert (
        "[Meta Llama 3 Community License §1.b.i(B)](https://github.com/meta-llama/llama3/blob/main/LICENSE)" in markdown
    )


def test_explain_shows_a_licences_obligations_with_when_and_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "llama3.1", "--offline", "--policy", "commercial"]) == 0
    out = capsys.readouterr().out
    assert "Obligations (when they apply; the evidence):" in out
    assert "  llama3.1 built-with: Prominently display" in out
    assert "    text to display: Built with Llama\n" in out
    assert "    a derived model's name begins with: Llama\n" in out
    assert "evidence: Llama 3.1 Community License §1.b.i(B)" in out


def test_explain_shows_what_a_fine_tune_carries_over_from_its_base(
    test_hub: HubServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["explain", "fixture-org/llama-2-13b-chat-legal", "--cache-dir", str(tmp_path / "cache")]
    assert main([*args, "--policy", "commercial"]) == 0
    out = capsys.readouterr().out
    assert "  apache-2.0 notice-file: " in out
    assert "(carried over from meta-llama/Llama-2-13b-chat-hf, llama2)" in out


def test_notice_of_a_path_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notice", str(tmp_path / "missing"), "--offline"]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and len(err.strip().splitlines()) == 1
