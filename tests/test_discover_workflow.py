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


CLAUDE_ACTION = """\
on:
  workflow_dispatch:
    inputs:
      claude_model:
        default: "sonnet"
jobs:
  review:
    runs-on: ubuntu-latest
    steps:
      - uses: anthropics/claude-code-action@v1
        with:
          claude_args: --model opus --max-turns 10
      - uses: acme/eval-action@v2
        with:
          extra-args: --model gpt-4o-2024-08-06 --temperature 0
"""


def test_an_action_input_of_arguments_is_read_as_a_command_line() -> None:
    """claude-code-action's `claude_args` and an action's `extra-args` pass flags on: their `--model` is read, a
    Claude Code alias as Anthropic's where the workflow runs Claude Code."""
    lines = CLAUDE_ACTION.splitlines()
    assert found(".github/workflows/claude.yml", CLAUDE_ACTION) == [
        (Kind.API, "opus", 12, lines[11].index("opus")),
        (Kind.API, "gpt-4o-2024-08-06", 15, lines[14].index("gpt-4o")),
    ]


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


@pytest.mark.parametrize(
    "text",
    [
        # an alias is a word where the workflow runs no Claude Code
        "jobs:\n  a:\n    steps:\n      - uses: acme/poetry@v1\n        with:\n          args: --model sonnet\n",
        # an input that is no command line, and a flag that names no model
        "jobs:\n  a:\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n"
        "          prompt: --model opus\n          args: --codec opus\n",
    ],
)
def test_look_alike_arguments_name_nothing(text: str) -> None:
    assert found(".github/workflows/a.yml", text) == []


ENVIRONMENT = """\
name: test
on: [push]
env:
  REPO_ID: acme/chat-GGUF
  RECURRENT_REPO_ID: acme/mamba-GGUF
  UNUSED_REPO: acme/never-downloaded
  NOTE: see acme/in-a-note
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: |
          hf download ${{ env.REPO_ID }} model.gguf
          huggingface-cli download $RECURRENT_REPO_ID
      - run: hf download "${STEP_REPO}"
        env:
          STEP_REPO: acme/step-GGUF
      - run: echo $NOTE && hf upload ${{ env.UNUSED_REPO }} out/
"""


def test_a_script_reads_the_variables_its_pipeline_sets() -> None:
    """`hf download ${{ env.REPO_ID }}` (or `$REPO_ID`) downloads what the workflow's, job's or step's `env:` sets,
    placed where the value is written; a value no download reads (an upload's target, a note) names nothing."""
    lines = ENVIRONMENT.splitlines()
    assert sorted(found(".github/workflows/test.yml", ENVIRONMENT)) == [
        (M, "acme/chat-GGUF", 4, lines[3].index("acme/")),
        (M, "acme/mamba-GGUF", 5, lines[4].index("acme/")),
        (M, "acme/step-GGUF", 17, lines[16].index("acme/")),
    ]


def test_gitlab_variables_and_skypilot_envs_are_the_scripts_environment() -> None:
    gitlab = 'variables:\n  REPO: acme/x-GGUF\nfetch:\n  script:\n    - hf download "$REPO"\n'
    assert found(".gitlab-ci.yml", gitlab) == [(M, "acme/x-GGUF", 2, 8)]
    sky = "resources:\n  accelerators: A100\nenvs:\n  REPO: acme/y\nrun: |\n  huggingface-cli download ${REPO}\n"
    assert found("task.yaml", sky) == [(M, "acme/y", 4, 8)]


@pytest.mark.parametrize(
    "text",
    [
        # a value that is no plain word, an unknown variable, an expression of another context
        'env:\n  REPO: "acme/x $(date)"\njobs:\n  a:\n    steps:\n      - run: hf download $REPO\n',
        "jobs:\n  a:\n    steps:\n      - run: hf download ${{ env.MISSING }} ${{ inputs.repo }}\n",
        "env:\n  REPO: acme/x\njobs:\n  a:\n    steps:\n      - run: hf download ${{ inputs.REPO }}\n",
    ],
)
def test_variables_a_script_does_not_download_name_nothing(text: str) -> None:
    assert found(".github/workflows/x.yml", text) == []
