"""Nothing from the scanned repository runs: no module of it is imported, no notebook cell executed, no YAML tag
constructed, and modelpolicy never asks for `trust_remote_code`.

The repository below is full of traps: each file writes a marker (outside the repository) if Python imports or runs
it, or if YAML is loaded unsafely. The scan runs as the console script that the pre-commit hook and the GitHub
Action run (cwd = the repository), and in-process; either way no marker may exist afterwards, and the references
next to the traps are still found, so the files were read.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.resolve.card import front_matter

REPO = Path(__file__).resolve().parents[1]
MODEL = "fixture-org/trap-model"


def trap(markers: Path, name: str) -> str:
    """Python that writes `markers/name` when run."""
    return f"__import__('pathlib').Path({str(markers / name)!r}).write_text('ran')\n"


def yaml_trap(markers: Path, name: str) -> str:
    """YAML that writes `markers/name` when loaded with an unsafe loader (`yaml.load` with `Loader=yaml.Loader`)."""
    command = json.dumps(f"touch {markers / name}")
    return f"model_name_or_path: !!python/object/apply:os.system [{command}]\n"


def build(folder: Path, markers: Path) -> Path:
    """A repository whose every runnable file is a trap, each next to a reference to MODEL."""
    reference = f'from transformers import AutoModel\nAutoModel.from_pretrained("{MODEL}")\n'
    files = {
        "setup.py": trap(markers, "setup.py") + reference,
        "conftest.py": trap(markers, "conftest.py") + reference,
        "sitecustomize.py": trap(markers, "sitecustomize.py"),
        "usercustomize.py": trap(markers, "usercustomize.py"),
        "evil.pth": f"import pathlib; pathlib.Path({str(markers / 'pth')!r}).write_text('ran')\n",
        "pkg/__init__.py": trap(markers, "pkg__init__.py") + reference,
        "pkg/__main__.py": trap(markers, "pkg__main__.py"),
        # Names that would shadow modules modelpolicy imports, were the repository on sys.path.
        "yaml.py": trap(markers, "yaml.py"),
        "huggingface_hub.py": trap(markers, "huggingface_hub.py"),
        "tomllib.py": trap(markers, "tomllib.py"),
        "config.yaml": yaml_trap(markers, "config.yaml") + f"base_model: {MODEL}\n",
        "train.yml": f"stages:\n  - !!python/object/new:os.system [{json.dumps('touch ' + str(markers / 'new'))}]\n"
        f"  - model: !!python/name:os.system\n    base_model: {MODEL}\n",
        "analysis.ipynb": json.dumps(
            {
                "cells": [
                    {"cell_type": "code", "metadata": {}, "outputs": [], "source": [trap(markers, "ipynb"), reference]}
                ],
                "metadata": {},
                "nbformat": 4,
                "nbformat_minor": 5,
            }
        ),
    }
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def traps(tmp_path: Path) -> tuple[Path, Path]:
    markers = tmp_path / "markers"
    markers.mkdir()
    return build(tmp_path / "repo", markers), markers


def referenced_from(report: str) -> set[str]:
    return {r["path"] for a in json.loads(report)["artefacts"] if a["id"] == MODEL for r in a["references"]}


def test_the_traps_are_real(traps: tuple[Path, Path]) -> None:
    """Each Python trap does write its marker when run: the tests below would notice."""
    repo, markers = traps
    subprocess.run([sys.executable, "-I", repo / "conftest.py"], capture_output=True, check=False, cwd=repo)
    assert sorted(p.name for p in markers.iterdir()) == ["conftest.py"]


def test_the_console_script_runs_nothing_from_the_repository(traps: tuple[Path, Path], tmp_path: Path) -> None:
    repo, markers = traps
    script = shutil.which("modelpolicy", path=str(Path(sys.executable).parent))
    assert script is not None, "modelpolicy is not installed next to this Python"
    env = {"PATH": str(Path(sys.executable).parent), "HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [script, "scan", ".", "--format", "json", "--policy", "research"],
        cwd=repo,
        env={**env, "PYTHONPATH": "", "MODELPOLICY_CACHE_DIR": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert list(markers.iterdir()) == []
    assert {"setup.py", "conftest.py", "pkg/__init__.py", "analysis.ipynb", "config.yaml"} <= referenced_from(
        done.stdout
    )


def test_an_in_process_scan_runs_and_imports_nothing_from_the_repository(
    traps: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo, markers = traps
    monkeypatch.chdir(repo)
    before = set(sys.modules)
    assert main(["scan", ".", "--offline", "--format", "json", "--policy", "research"]) == 0
    report = capsys.readouterr().out
    assert list(markers.iterdir()) == []
    loaded = [sys.modules[name] for name in set(sys.modules) - before]
    assert [m for m in loaded if str(getattr(m, "__file__", "") or "").startswith(str(repo))] == []
    assert {"transformers", "torch"}.isdisjoint(sys.modules)  # nothing that could load a model was imported
    assert "config.yaml" in referenced_from(report)


def test_yaml_tags_are_never_constructed(traps: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    """A tagged node is read as data: the tag's value is no reference, and neither file is skipped as unreadable."""
    repo, markers = traps
    assert main(["scan", str(repo / "config.yaml"), str(repo / "train.yml"), "--offline", "--format", "json"]) in (0, 3)
    report = json.loads(capsys.readouterr().out)
    assert list(markers.iterdir()) == []
    assert {a["id"] for a in report["artefacts"]} == {MODEL}
    assert {r["path"] for a in report["artefacts"] for r in a["references"]} == {"config.yaml", "train.yml"}


def test_a_model_card_with_a_python_tag_is_no_card(tmp_path: Path) -> None:
    """Card front matter from the Hub is loaded with the safe loader: a Python tag makes it unreadable, not run."""
    readme = f"---\nlicense: !!python/object/apply:os.system [{json.dumps('touch ' + str(tmp_path / 'card'))}]\n---\n"
    assert front_matter(readme) is None
    assert list(tmp_path.iterdir()) == []


def test_modelpolicy_never_passes_trust_remote_code() -> None:
    """Our code only reads the flag in scanned code; no call of ours sets it (nor loads a model with any flag)."""
    offending = []
    for path in sorted((REPO / "src" / "modelpolicy").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and any(k.arg == "trust_remote_code" for k in node.keywords):
                offending.append(f"{path.relative_to(REPO)}:{node.lineno}")
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "from_pretrained":
                offending.append(f"{path.relative_to(REPO)}:{node.lineno}: from_pretrained")
    assert offending == []


def test_python_m_modelpolicy_does_not_import_the_scanned_trees_modules(tmp_path: Path) -> None:
    """L3: `-m` puts the working folder first on sys.path; a repository's `json/` or `tomllib.py` must not load."""
    import subprocess
    import sys

    (tmp_path / "json").mkdir()
    (tmp_path / "json" / "__init__.py").write_text('raise SystemExit("repository code ran")\n')
    (tmp_path / "tomllib.py").write_text('raise SystemExit("repository code ran")\n')
    (tmp_path / "app.py").write_text('from transformers import AutoModel\nAutoModel.from_pretrained("gpt2")\n')
    done = subprocess.run(
        [sys.executable, "-m", "modelpolicy", "scan", ".", "--offline", "--policy", "research", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "repository code ran" not in done.stdout + done.stderr
    assert done.returncode == 0 and '"id": "gpt2"' in done.stdout


def test_warnings_about_the_scanned_code_stay_off_stderr(tmp_path: Path) -> None:
    """L2: Python warns about an invalid escape (`"\\d"`) in the code it parses; that is the scanned code's affair."""
    import subprocess
    import sys

    (tmp_path / "app.py").write_text(
        'import re\nfrom transformers import AutoModel\nAutoModel.from_pretrained("gpt2")\nP = "\\d\\x1b"\n'
    )
    done = subprocess.run(
        [
            sys.executable,
            "-W",
            "always",
            "-m",
            "modelpolicy",
            "scan",
            str(tmp_path),
            "--offline",
            "--policy",
            "research",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "Warning" not in done.stderr, done.stderr
