"""Hostile strings never reach an output as such: file names and revisions carrying terminal escape codes, newlines,
`%`, `::`, bidi overrides, Markdown and HTML, in every `--format` and in the lockfile.

Text formats (text, compact, github, markdown) show each control character escaped, visibly (`\\x1b`); JSON formats
(json, sarif, cyclonedx) and the lockfile carry them as JSON escapes, which read back to the very same string. The ID
grammar already keeps such characters out of model ids (`discover/identity.py`), so ids are also given hostile
values directly in a rendered report, in case a later grammar (or a renamed id from the Hub) lets one through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import pytest

from modelpolicy import lockfile
from modelpolicy.cli import main
from modelpolicy.lockfile import Entry
from modelpolicy.model import Kind, Skipped, Unresolved, Violation
from modelpolicy.policy import load_policy
from modelpolicy.report import FORMATS, Report
from modelpolicy.scan import scan
from tests.hub.server import HubServer

# Everything a terminal, a log viewer or a bidi-aware editor acts on, but the line feed that ends our own lines.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
TEXT_FORMATS = ("text", "compact", "github", "markdown")
JSON_FORMATS = ("json", "sarif", "cyclonedx", "spdx3")
ANSI = "\x1b[31m"
FORGED = "::error file=x.py,line=1::forged"  # what a newline in a value would start, in a workflow log
FILES = {  # a file name -> the model its one reference names
    "a\nb.py": "org/newline-file",
    f"100%{FORGED}.py": "org/percent-file",
    f"{ANSI}red.py": "org/ansi-file",
    "\u202eyp.evil.py": "org/bidi-file",
    "\x9b31mc1.py": "org/c1-file",
    "<img src=x onerror=alert(1)>*x*`|.py": "org/markup-file",
}
# Not a git ref: discovery drops it, so it reaches no output (the report tests below still carry it by hand).
REVISION = f"{ANSI}main\n{FORGED}"


def reference(model: str, revision: str | None = None) -> str:
    pinned = f", revision={revision!r}" if revision else ""
    return f'from transformers import AutoModel\nAutoModel.from_pretrained("{model}"{pinned})\n'


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    for name, model in FILES.items():
        (folder / name).write_text(reference(model), encoding="utf-8")
    (folder / "pinned.py").write_text(reference("org/pinned", REVISION), encoding="utf-8")
    return folder


def assert_safe(text: str) -> None:
    found = RAW.search(text)
    assert found is None, (
        f"raw {found.group()!r} at {found.start()}: {text[max(0, found.start() - 60) : found.end() + 60]!r}"
    )


def strings(document: object) -> Iterator[str]:
    """Every string in a parsed JSON document, keys too."""
    if isinstance(document, str):
        yield document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield key
            yield from strings(value)
    elif isinstance(document, list):
        for value in document:
            yield from strings(value)


def assert_no_forged_line(text: str) -> None:
    """No value started a line of its own: neither the rest of a name after its newline, nor a workflow command."""
    assert not re.search(r"^(b\.py|::error file=x\.py)", text, re.MULTILINE), text


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, *JSON_FORMATS])
def test_no_format_lets_a_control_character_through(fmt: str, repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(repo), "--offline", "--policy", "commercial", "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 3, err  # every artefact is unknown offline: each one fails, so each one is shown everywhere
    assert_safe(out)
    assert_safe(err)
    assert_no_forged_line(out)
    if fmt in JSON_FORMATS:
        values = list(strings(json.loads(out)))
        values += [unquote(value) for value in values] if fmt == "sarif" else []  # file locations are URIs
        named = ["org/pinned"] if fmt in ("cyclonedx", "spdx3") else [*FILES, "org/pinned"]  # a BOM names no file
        assert all(any(name in value for value in values) for name in named)  # read back intact
    else:
        assert "\\x1b[31m" in out and "\\u202e" in out and "\\x9b" in out  # shown, escaped


def test_the_notice_document_lets_no_control_character_through(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["notice", str(repo), "--offline", "--policy", "commercial"]) == 0
    out, err = capsys.readouterr()
    assert_safe(out)
    assert_safe(err)
    assert_no_forged_line(out)
    assert "`a\\x0ab.py:2`" in out


def test_annotations_stay_one_command_a_line(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["scan", str(repo), "--offline", "--policy", "commercial", "--format", "github"])
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(re.match(r"::(error|warning) ", line) for line in lines), lines
    [percent] = [line for line in lines if "percent-file" in line]
    assert "file=100%25%3A%3Aerror file=x.py%2Cline=1%3A%3Aforged.py," in percent  # `%`, `:`, `,` escaped
    assert any("file=a%0Ab.py," in line for line in lines)  # the runner reads it back as the name it is


def test_markdown_keeps_markup_from_outside_inert(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["scan", str(repo), "--offline", "--policy", "commercial", "--format", "markdown"])
    out = capsys.readouterr().out
    outside_code = re.sub(r"(`+)(?:(?!\1).)+?\1", "", out)
    assert "<img" not in outside_code  # names stay in code spans, where GitHub shows HTML as text
    assert "`a\\x0ab.py:2`" in out


def test_the_lockfile_holds_no_raw_control_character_and_reads_back_the_same(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Locked against a local Hub: the ids are not found there and the revision is not one, which are answers, and
    the lockfile records them with the revision as the code names it."""
    hf_constants = pytest.importorskip("huggingface_hub.constants")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(hf_constants, "HF_HUB_OFFLINE", False)
    with HubServer() as hub:
        monkeypatch.setattr(hf_constants, "ENDPOINT", hub.endpoint)
        assert main(["lock", str(repo), "--cache-dir", str(tmp_path / "cache")]) == 0
    _, err = capsys.readouterr()
    assert_safe(err)
    text = (repo / "modelpolicy.lock").read_text(encoding="utf-8")
    assert_safe(text)
    revisions = {entry.id: entry.revision for entry in lockfile.read(repo / "modelpolicy.lock").entries}
    assert revisions["org/pinned"] is None  # text that is no git ref is no revision


def test_a_lockfile_entry_with_a_bidi_override_or_c1_control_round_trips_escaped(tmp_path: Path) -> None:
    entry = Entry(
        Kind.MODEL, "org/abc\u202edef", "v\x9b1", Unresolved("gated \u2066here\u2069"), "", "2026-11-23T00:00:00Z"
    )
    path = tmp_path / "modelpolicy.lock"
    lockfile.write(path, [entry])
    text = path.read_text(encoding="utf-8")
    assert_safe(text)
    assert "org/abc\\u202edef" in text
    assert lockfile.read(path).entries == (entry,)


def hostile_report(tmp_path: Path) -> Report:
    """A real report whose every value from outside is hostile: ids, licence reason, messages, fixes, lineage,
    notes, the waiver, skipped files, policy warnings."""
    folder = tmp_path / "plain"
    folder.mkdir()
    (folder / "app.py").write_text(reference("org/plain"), encoding="utf-8")
    report = scan([folder], load_policy("commercial"))
    evil = f"org/<b>**x**</b>{ANSI}\u202eid\n{FORGED}%0A"
    findings = tuple(
        replace(
            finding,
            artefact=replace(finding.artefact, id=evil, revision=REVISION),
            resolution=Unresolved(f"reason {ANSI}\n{FORGED}"),
            violations=tuple(replace(v, message=f"msg {evil}", fix=f"fix \u202e{ANSI}") for v in finding.violations),
            lineage=(f"finetune of {evil}: org/base\x1b]8;;http://x\x07 (mit{ANSI})",),
            notes=(f"note \x07{ANSI}",),
            waived=(Violation("unknown", finding.verdict, f"waived {ANSI}", "-"),),
            waived_by=f"exception {ANSI}\n{FORGED}",
        )
        for finding in report.findings
    )
    skipped = (Skipped(f"{ANSI}bad\n{FORGED}.yaml", f"broken {ANSI}"),)
    return replace(report, findings=findings, skipped=skipped, warnings=(f"policy.toml:3: {ANSI}\n{FORGED}",))


OUR_COLOURS = re.compile(r"\x1b\[3[123]m((?:pass|warn|fail|PASS|WARN|FAIL) *)\x1b\[0m")


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, *JSON_FORMATS])
def test_every_value_of_a_report_is_escaped(fmt: str, tmp_path: Path) -> None:
    rendered = FORMATS[fmt](hostile_report(tmp_path), color=True)
    assert_safe(OUR_COLOURS.sub(r"\1", rendered))  # the text report's colours, around verdicts, are the only ones
    assert_no_forged_line(rendered)
    if fmt in JSON_FORMATS:
        assert any("org/<b>**x**</b>\x1b[31m\u202eid\n" in value for value in strings(json.loads(rendered)))
    else:
        assert "\\x1b[31m" in rendered


# ------------------------------------------------------------------------------ workflow commands in messages

FORGE = "\n::error file=README.md::x"  # a newline, then what GitHub Actions reads as an annotation
MASK = "\n::add-mask::secret"  # ... and as a command that hides text from the rest of the log
LEADING = "::error file=README.md::y"  # no newline needed where a value starts a line


def lines_of(text: str) -> list[str]:
    """The lines a CI runner reads from a log: split at CR, LF and CRLF."""
    return re.split(r"\r\n|\r|\n", text)


def assert_no_workflow_command(*outputs: str) -> None:
    """No line starts with `::` once blanks are skipped (a workflow command), and none holds `##[` (the legacy form,
    read anywhere in a line)."""
    for text in outputs:
        for line in lines_of(text):
            assert not line.lstrip().startswith("::") and "##[" not in line, (line, text)


def hostile_tree(folder: Path) -> Path:
    folder.mkdir()
    for name in (f"a{FORGE}.py", f"{LEADING}.py", f"b{MASK}.py", "c##[error]x.py"):
        (folder / name).write_text(reference("org/named-by-a-hostile-file"), encoding="utf-8")
    return folder


def test_a_policy_key_cannot_forge_a_workflow_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".modelpolicy.toml").write_text(
        f'extends = "commercial"\n{json.dumps("x" + FORGE + MASK)} = 1\n', encoding="utf-8"
    )
    (tmp_path / "app.py").write_text(reference("org/x"), encoding="utf-8")
    assert main(["scan", str(tmp_path), "--offline"]) == 2
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert err.count("\n") == 1 and "x\\x0a::error file=README.md::x\\x0a::add-mask::secret" in err


def test_a_policy_name_cannot_forge_one_in_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(f'extends = "commercial"\nname = {json.dumps(LEADING + FORGE)}\n', encoding="utf-8")
    assert main(["explain", "mit", "--policy", str(policy)]) == 0
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert "\\x3a:error file=README.md::y\\x0a::error" in out


def test_an_id_given_to_approve_cannot_forge_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / ".modelpolicy.toml").write_text('extends = "commercial"\n', encoding="utf-8")
    hostile = LEADING + FORGE + MASK
    for _ in "ab":  # the second also notes that the first one is there
        assert main(["approve", hostile, "--reason", f"r{FORGE}", "--by", "me", "--root", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert out.count("\n") == 2 and err.count("\n") == 3  # a note, and twice: the id is referenced nowhere
    assert err.count("modelpolicy: warning: ") == 2
    assert "for ::error file=README.md::y\\x0a::error file=README.md::x\\x0a::add-mask::secret at " in out


def test_a_lockfile_key_cannot_forge_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text(reference("org/x"), encoding="utf-8")
    entry = {"kind": "model", "id": "org/x", "unresolved": "r", "k" + FORGE: 1}
    (tmp_path / "modelpolicy.lock").write_text(json.dumps({"version": 2, "artefacts": [entry]}), encoding="utf-8")
    assert main(["scan", "--locked", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert "k\\x0a::error file=README.md::x: unknown key" in err


def test_lockfile_ids_cannot_forge_one_in_check_or_verify(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)  # `lock --check` asks the Hub: nothing is referenced here
    ids = [LEADING, f"org/a{FORGE}", f"org/b{MASK}", "org/##[error]c"]
    entries = [{"kind": "model", "id": id_, "unresolved": f"gone{FORGE}"} for id_ in ids]
    (tmp_path / "modelpolicy.lock").write_text(json.dumps({"version": 1 + 1, "artefacts": entries}), encoding="utf-8")
    assert main(["lock", "--verify", str(tmp_path)]) == 1
    assert main(["lock", "--check", str(tmp_path), "--cache-dir", str(tmp_path / "cache")]) == 0
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert out.count("no longer referenced") == 2 * len(ids)


@pytest.mark.parametrize("fmt", ["text", "compact"])
def test_file_names_cannot_forge_one_in_a_plain_text_report(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = hostile_tree(tmp_path / "repo")
    assert main(["scan", str(folder), "--offline", "--policy", "commercial", "--format", fmt]) == 3
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert "\\x3a:error file=README.md::y.py:2" in out and "a\\x0a::error" in out


def test_file_names_cannot_forge_one_in_lock_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = hostile_tree(tmp_path / "repo")
    (folder / "modelpolicy.lock").write_text('{"version": 2, "artefacts": []}', encoding="utf-8")
    assert main(["lock", "--verify", str(folder)]) == 1
    (folder / "broken.json").write_bytes(b'{"model_name_or_path": "org/x", \xff')  # skipped, with a note
    (folder / f"{LEADING}.yaml").write_text("model: [org/unclosed\n", encoding="utf-8")
    assert main(["lock", str(folder), "--offline"]) == 0  # what it cannot resolve is locked unresolved
    out, err = capsys.readouterr()
    assert_no_workflow_command(out, err)
    assert "\\x3a:error file=README.md::y.py:2: org/named-by-a-hostile-file: referenced but not in" in out
