"""End-to-end: the CLI on the demo repository and on bad input, in-process and as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from modelpolicy import __version__
from modelpolicy.cli import main
from tests.conftest import DEMO, report_schema

CLI = Path(sys.executable).parent / "modelpolicy"

SKELETON_TABLE = {
    # id: (license, weights, training data, output, fails under commercial)
    "gpt-4o": ("openai-terms", "unavailable", "unavailable", "unrestricted", False),
    "gpt-4": ("openai-terms", "unavailable", "unavailable", "unrestricted", False),
    "gpt-3.5-turbo": ("openai-terms", "unavailable", "unavailable", "unrestricted", False),
    "claude-3-5-sonnet-20240620": ("anthropic-terms", "unavailable", "unavailable", "conditional", False),
    "lmsys/vicuna-33b-v1.3": ("llama1", "open", "unavailable", "non-commercial", True),
    "lmsys/vicuna-13b-v1.5": ("llama2", "open", "unavailable", "conditional", False),
    "mosaicml/mpt-30b-chat": ("cc-by-nc-sa-4.0", "open", "unavailable", "non-commercial", True),
    "meta-llama/Llama-2-13b-chat-hf": ("llama2", "gated", "unavailable", "conditional", False),
    "BlinkDL/rwkv-4-raven": ("apache-2.0", "open", "available", "unrestricted", False),
    "OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5": (
        "apache-2.0",
        "open",
        "available",
        "unrestricted",
        False,
    ),
    "mosaicml/mpt-30b-instruct": ("apache-2.0", "open", "unavailable", "conditional", False),
    "mosaicml/mpt-30b": ("apache-2.0", "open", "unavailable", "unrestricted", False),
}
PASS_UNDER_COMMERCIAL = {"OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5", "mosaicml/mpt-30b"}


def test_schema_prints_the_json_report_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == report_schema()
    jsonschema.Draft202012Validator.check_schema(printed)


def scan_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(["scan", *args, "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    jsonschema.validate(document, report_schema())
    return code, document


def by_id(document: dict[str, object]) -> dict[str, dict[str, object]]:
    return {a["id"]: a for a in document["artefacts"]}  # type: ignore[attr-defined, index]


def test_demo_under_commercial_fails_exactly_the_non_commercial_models(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, document = scan_json(capsys, str(DEMO), "--policy", "commercial")
    assert code == 1
    artefacts = by_id(document)
    failing = {i for i, a in artefacts.items() if a["verdict"] == "fail"}
    assert failing == {"lmsys/vicuna-33b-v1.3", "mosaicml/mpt-30b-chat"}
    assert {i for i, a in artefacts.items() if a["verdict"] == "pass"} >= PASS_UNDER_COMMERCIAL


@pytest.mark.parametrize("artefact_id", sorted(SKELETON_TABLE))
def test_demo_reproduces_the_skeleton_table(capsys: pytest.CaptureFixture[str], artefact_id: str) -> None:
    _, document = scan_json(capsys, str(DEMO), "--policy", "commercial")
    artefact = by_id(document)[artefact_id]
    license_id, weights, training_data, output, fails = SKELETON_TABLE[artefact_id]
    assert artefact["license"] == license_id
    assert artefact["terms"] == {"weights": weights, "training_data": training_data, "output": output}
    assert (artefact["verdict"] == "fail") is fails
    assert artefact["source"] == "knowledge"


def test_conditions_are_shown_for_llama2_models(capsys: pytest.CaptureFixture[str]) -> None:
    _, document = scan_json(capsys, str(DEMO), "--policy", "commercial")
    violations = by_id(document)["meta-llama/Llama-2-13b-chat-hf"]["violations"]
    assert {"code": "conditions", "severity": "warn"}.items() <= violations[0].items() or any(
        v["code"] == "conditions" and v["severity"] == "warn"
        for v in violations  # type: ignore[index]
    )


def test_demo_under_research_holds(capsys: pytest.CaptureFixture[str]) -> None:
    code, document = scan_json(capsys, str(DEMO), "--policy", "research")
    assert code == 0
    assert document["summary"]["fail"] == 0  # type: ignore[index]


def test_references_carry_path_and_line(capsys: pytest.CaptureFixture[str]) -> None:
    _, document = scan_json(capsys, str(DEMO))
    artefacts = by_id(document)
    chat = (DEMO / "app" / "chat.py").read_text().splitlines()
    for artefact in artefacts.values():
        for reference in artefact["references"]:  # type: ignore[attr-defined]
            line = (DEMO / reference["path"].removeprefix("examples/demo/")).read_text().splitlines()
            assert artefact["id"].split("@")[0] in line[reference["line"] - 1], reference
    refs = [(r["path"], r["line"]) for r in artefacts["claude-3-5-sonnet-20240620"]["references"]]  # type: ignore[index]
    assert refs == [("examples/demo/app/chat.py", 1 + next(i for i, t in enumerate(chat) if "claude-3-5" in t))]


def test_text_report_has_the_scale_and_a_fix_per_failure(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["scan", str(DEMO), "--policy", "commercial"])
    out = capsys.readouterr().out
    assert code == 1
    assert "WEIGHTS" in out and "TRAINING DATA" in out and "OUTPUT" in out
    failure_lines = [line for line in out.splitlines() if ": fail: " in line]
    assert len(failure_lines) == 2
    assert all("[non-commercial]" in line for line in failure_lines)
    assert out.count("      fix: ") == 2
    assert "\033[" not in out  # not a TTY: no colour


def test_output_file_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.json"
    code = main(["scan", str(DEMO), "--format", "json", "--output", str(target)])
    assert code == 1
    assert capsys.readouterr().out == ""
    jsonschema.validate(json.loads(target.read_text()), report_schema())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--policy", "no-such-preset"], 'unknown preset "no-such-preset"'),
        (["--policy", "{missing}"], "{missing}: policy file not found"),
        (["--policy", "{broken}"], "{broken}:2: TOML syntax error"),
        (["{nowhere}"], "{nowhere}: no such file or directory"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('name = "x"\ncontext = \n')
    names = {
        "missing": str(tmp_path / "missing.toml"),
        "broken": str(broken),
        "nowhere": str(tmp_path / "nowhere"),
    }
    args = [a.format(**names) for a in args]
    code = main(["scan", str(DEMO) if "{nowhere}" not in args[0] else args[0], *args[:0], *args])
    err = capsys.readouterr().err
    assert code == 2
    assert expected.format(**names) in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_unreadable_files_are_skipped_and_the_scan_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ok.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b")\n'
    )
    (tmp_path / "broken.py").write_text(
        'from transformers import AutoModel\ndef f(:\n    AutoModel.from_pretrained("x/y")\n'
    )
    (tmp_path / "latin1.py").write_bytes(b'x = "caf\xe9"\n')
    (tmp_path / "blob.py").write_bytes(b"\x00\x01\x02binary")
    code, document = scan_json(capsys, str(tmp_path), "--policy", "research")
    assert code == 0  # research warns on a file that may name a model and cannot be read
    assert [a["id"] for a in document["artefacts"]] == ["mosaicml/mpt-30b"]  # type: ignore[attr-defined, index]
    reasons = {s["path"]: s["reason"] for s in document["skipped"]}  # type: ignore[attr-defined, index]
    assert set(reasons) == {"broken.py", "latin1.py", "blob.py"}
    assert "syntax error at line 2" in reasons["broken.py"]
    assert "not UTF-8" in reasons["latin1.py"]
    assert reasons["blob.py"] == "binary file"
    unreadable = document["unreadable"]  # type: ignore[index]
    assert [(u["path"], u["line"], u["verdict"]) for u in unreadable] == [("broken.py", 2, "warn")]  # type: ignore[index]


def test_unresolvable_artefact_exits_3_when_unknowns_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.py").write_text('import datasets\ndatasets.load_dataset("someone/private-thing")\n')
    code, document = scan_json(capsys, str(tmp_path), "--policy", "commercial")
    assert code == 3
    artefact = document["artefacts"][0]  # type: ignore[index]
    assert artefact["kind"] == "dataset" and artefact["verdict"] == "fail"
    assert artefact["violations"][0]["code"] == "unknown"


def test_git_work_tree_scans_tracked_and_unignored_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import git_init

    loader = 'from transformers import AutoModel\nAutoModel.from_pretrained("{}")\n'
    (tmp_path / ".gitignore").write_text("ignored/\n")
    (tmp_path / "tracked.py").write_text(loader.format("mosaicml/mpt-30b"))
    git_init(tmp_path)
    (tmp_path / "untracked.py").write_text(loader.format("mosaicml/mpt-30b-chat"))
    (tmp_path / "ignored").mkdir()
    (tmp_path / "ignored" / "x.py").write_text(loader.format("lmsys/vicuna-33b-v1.3"))
    _, document = scan_json(capsys, str(tmp_path))
    assert sorted(by_id(document)) == ["mosaicml/mpt-30b", "mosaicml/mpt-30b-chat"]


def test_walk_skips_virtualenvs_and_node_modules(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    loader = 'from transformers import AutoModel\nAutoModel.from_pretrained("mosaicml/mpt-30b-chat")\n'
    for folder in ("node_modules/pkg", "env/lib", "__pycache__"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "x.py").write_text(loader)
    (tmp_path / "env" / "pyvenv.cfg").write_text("home = /usr\n")
    code, document = scan_json(capsys, str(tmp_path))
    assert code == 0 and document["artefacts"] == []


def test_version_and_help_run_as_a_process() -> None:
    for command in ([sys.executable, "-m", "modelpolicy", "--version"], [str(CLI), "--version"]):
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        assert result.stdout.strip() == f"modelpolicy {__version__}"
    help_text = subprocess.run([str(CLI), "scan", "--help"], capture_output=True, text=True, check=True).stdout
    for option in ("--policy", "--format", "--output", "--offline"):
        assert option in help_text


def test_colour_only_on_a_tty_and_never_with_no_color(tmp_path: Path) -> None:
    script = (
        "import os, pty, sys\n"
        "pid, fd = pty.fork()\n"
        "if pid == 0:\n"
        f"    os.execv({str(CLI)!r}, ['modelpolicy', 'scan', {str(DEMO)!r}])\n"
        "out = b''\n"
        "while True:\n"
        "    try:\n        chunk = os.read(fd, 65536)\n    except OSError:\n        break\n"
        "    if not chunk:\n        break\n    out += chunk\n"
        "sys.stdout.write(str(b'\\x1b[' in out))\n"
    )
    coloured = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert coloured.stdout == "True"
    env = {**__import__("os").environ, "NO_COLOR": "1"}
    plain = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert plain.stdout == "False"


def test_inline_suppressions_waive_a_rule_drop_a_reference_and_are_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        "from transformers import AutoModel\n"
        'AutoModel.from_pretrained("mosaicml/mpt-30b-chat")  # modelpolicy: ignore[non-commercial] LEGAL-7 approved\n'
        'AutoModel.from_pretrained("lmsys/vicuna-33b-v1.3")  # modelpolicy: ignore research notebook, not shipped\n'
        'load_dataset("tatsu-lab/alpaca")  # modelpolicy: ignore[non-commercial]\n'
    )
    code, document = scan_json(capsys, str(tmp_path), "--policy", "commercial")
    artefacts = by_id(document)
    assert sorted(artefacts) == ["mosaicml/mpt-30b-chat", "tatsu-lab/alpaca"]
    chat = artefacts["mosaicml/mpt-30b-chat"]
    assert chat["verdict"] == "warn" and [w["code"] for w in chat["waived"]] == ["non-commercial"]  # type: ignore[index]
    assert artefacts["tatsu-lab/alpaca"]["verdict"] == "fail"  # no reason: not honoured
    assert code == 1
    assert [(s["line"], s["codes"], s["honoured"]) for s in document["suppressions"]] == [  # type: ignore[attr-defined]
        (2, ["non-commercial"], True),
        (3, [], True),
        (4, ["non-commercial"], False),
    ]


@pytest.mark.parametrize(
    ("written", "moved_to"),
    [("gpt2", "openai-community/gpt2"), ("CohereForAI/c4ai-command-r-v01", "CohereLabs/c4ai-command-r-v01")],
)
def test_a_renamed_repository_keeps_the_id_the_code_names_and_says_where_it_moved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, moved_to: str
) -> None:
    (tmp_path / "app.py").write_text(f'from transformers import AutoModel\nAutoModel.from_pretrained("{written}")\n')
    _, document = scan_json(capsys, str(tmp_path), "--offline", "--policy", "research")
    [artefact] = document["artefacts"]  # type: ignore[misc]
    assert artefact["id"] == written  # type: ignore[index]
    assert f"moved to {moved_to}" in artefact["note"]  # type: ignore[index]


def test_an_id_built_at_run_time_is_listed_where_it_is_not_judged_as_an_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        'import whisper\nfrom transformers import AutoModel\nAutoModel.from_pretrained(f"openai/whisper-{size}")\n'
    )
    code, document = scan_json(capsys, str(tmp_path), "--offline", "--policy", "commercial")
    assert (code, document["artefacts"]) == (0, [])
    [dynamic] = document["dynamic"]  # type: ignore[misc]
    assert (dynamic["path"], dynamic["line"], dynamic["text"]) == ("app.py", 3, 'f"openai/whisper-{size}"')  # type: ignore[index]
    main(["scan", str(tmp_path), "--offline", "--policy", "commercial"])
    assert 'app.py:3: model f"openai/whisper-{size}"' in capsys.readouterr().out


def test_an_abbreviated_option_is_refused_with_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["scan", str(DEMO), "--offlin"])
    assert exited.value.code == 2
    assert "unrecognized arguments: --offlin; did you mean --offline?" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("policy", "fail_on", "code"),
    [
        ("commercial", "fail", 1),
        ("commercial", "never", 0),
        ("internal", "fail", 1),  # the demo fails internal too
        ("research", "fail", 0),
    ],
)
def test_fail_on_sets_what_fails_the_scan(
    capsys: pytest.CaptureFixture[str], policy: str, fail_on: str, code: int
) -> None:
    assert main(["scan", str(DEMO), "--offline", "--policy", policy, "--fail-on", fail_on]) == code


def test_fail_on_warn_fails_on_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "app.py").write_text('from transformers import AutoModel\nAutoModel.from_pretrained("org/unknown-x")\n')
    assert main(["scan", str(tmp_path), "--offline", "--policy", "research"]) == 0  # unknown warns under research
    assert main(["scan", str(tmp_path), "--offline", "--policy", "research", "--fail-on", "warn"]) == 1
