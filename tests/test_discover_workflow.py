"""WorkflowSource: the shell of GitHub Actions steps (`run:`) and GitLab CI jobs (`script:`...), placed in the YAML."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.workflow import WorkflowSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET

GITHUB = """\
name: eval
on: [push]
jobs:
  eval:
    runs-on: ubuntu-latest
    env:
      MODEL_NOTE: see --model acme/in-env
    steps:
      - uses: actions/checkout@v4
      - name: Evaluate with --model acme/in-a-name
        run: python eval.py --model_name_or_path acme/encoder --dataset_name acme/reviews
      - run: |
          pip install -r requirements.txt
          huggingface-cli download acme/embedder \\
            --revision v2
      - run: vllm serve "acme/chat" &
"""

GITLAB = """\
stages: [test]
.setup: &setup
  before_script:
    - export BASE_MODEL=acme/base
evaluate:
  <<: *setup
  script:
    - python eval.py --model acme/encoder
    - lm_eval --model hf --model_args pretrained=acme/base
  after_script: echo done
"""


def found(path: str, text: str) -> list[tuple[Kind, str, int, int]]:
    references = WorkflowSource().find(text, FileContext(path, lambda _: False))
    return [(r.kind, r.text, r.line, r.column) for r in references]


def test_github_steps_run_shell() -> None:
    line = GITHUB.splitlines()
    assert found(".github/workflows/eval.yml", GITHUB) == [
        (M, "acme/encoder", 11, line[10].index("acme/encoder")),
        (D, "acme/reviews", 11, line[10].index("acme/reviews")),
        (M, "acme/embedder", 14, line[13].index("acme/embedder")),
        (M, "acme/chat", 16, line[15].index("acme/chat")),
    ]


def test_gitlab_jobs_script_lists_and_anchors() -> None:
    lines = GITLAB.splitlines()
    assert found(".gitlab-ci.yml", GITLAB) == [
        (M, "acme/base", 4, lines[3].index("acme/base")),
        (M, "acme/encoder", 8, lines[7].index("acme/encoder")),
        (M, "acme/base", 9, lines[8].index("acme/base")),
    ]


@pytest.mark.parametrize(
    "path", ["config/train.yml", ".github/dependabot.yml", "ci/.gitlab-ci.yml", "workflows/eval.yml", "docs/eval.yaml"]
)
def test_other_yaml_is_not_a_pipeline(path: str) -> None:
    assert found(path, GITHUB) == []


def test_a_workflow_is_found_through_the_pre_filter(tmp_path: Path) -> None:
    """A step whose only marker is the shell's `vllm` passes grep's and Python's pre-filters."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "serve.yml").write_text("jobs:\n  s:\n    steps:\n      - run: vllm serve acme/chat\n", "utf-8")
    discovery = discover(tmp_path, [tmp_path])
    assert [(a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        ("acme/chat", [".github/workflows/serve.yml:4"]),
    ]


@pytest.mark.parametrize("path", [".github/workflows/disabled/eval.yml", "sub/.github/workflows/old/eval.yaml"])
def test_a_workflow_kept_in_a_folder_below_workflows_is_read(path: str) -> None:
    assert [r[1] for r in found(path, GITHUB)] == ["acme/encoder", "acme/reviews", "acme/embedder", "acme/chat"]


@pytest.mark.parametrize("path", [".github/workflows-old/eval.yml", ".github/eval.yml"])
def test_a_look_alike_workflow_folder_is_not_read(path: str) -> None:
    assert found(path, GITHUB) == []


def test_a_step_that_runs_a_server_image_names_it() -> None:
    text = "jobs:\n  e2e:\n    steps:\n      - run: |\n          docker pull ollama/ollama:0.3.12\n"
    assert found(".github/workflows/e2e.yml", text) == [(Kind.IMAGE, "ollama/ollama:0.3.12", 5, 22)]


SKYPILOT = """\
resources:
  accelerators: A10G:1
envs:
  MODEL_ID: acme/base
setup: |
  huggingface-cli download acme/tok
run: |
  docker run --gpus all -p 8080:80 -v ~/data:/data \\
    ghcr.io/predibase/lorax:main \\
    --model-id $MODEL_ID --adapter-id acme/lora
"""

DSTACK = """\
type: service
image: vllm/vllm-openai:v0.6.0
commands:
  - vllm serve acme/chat --port 8000
port: 8000
"""


def test_a_skypilot_task_s_scripts_are_shell_whatever_the_file_is_named() -> None:
    lines = SKYPILOT.splitlines()
    assert sorted(found("deploy/lorax.yaml", SKYPILOT)) == sorted(
        [
            (M, "acme/tok", 6, lines[5].index("acme/tok")),
            (Kind.IMAGE, "ghcr.io/predibase/lorax:main", 9, lines[8].index("ghcr.io")),
            (M, "acme/lora", 10, lines[9].index("acme/lora")),
        ]
    )


def test_a_dstack_configuration_s_commands_are_shell() -> None:
    assert found("serve.dstack.yml", DSTACK) == [(M, "acme/chat", 4, DSTACK.splitlines()[3].index("acme/chat"))]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("run:\n  name: exp1\n  script: python train.py --model acme/x\n", id="run-settings-not-a-task"),
        pytest.param("resources:\n  limits: {cpu: 1}\nargs: --model acme/x\n", id="kubernetes-resources-no-run"),
        pytest.param("type: object\ncommands:\n  - python x.py --model acme/x\n", id="not-a-dstack-type"),
        pytest.param("jobs:\n  a:\n    run: python x.py --model acme/x\nresources: {}\n", id="a-run-below-the-top"),
    ],
)
def test_yaml_that_is_no_task_file_is_not_read(text: str) -> None:
    assert found("config.yaml", text) == []


def test_an_image_run_after_a_model_is_read_is_placed_where_it_is_written() -> None:
    text = "jobs:\n  a:\n    steps:\n      - run: docker run --gpus all vllm/vllm-openai:v0.6.0 --model acme/x\n"
    line = text.splitlines()[3]
    assert sorted(found(".github/workflows/a.yml", text)) == sorted(
        [(Kind.IMAGE, "vllm/vllm-openai:v0.6.0", 4, line.index("vllm/")), (M, "acme/x", 4, line.index("acme/x"))]
    )
