"""ConfigSource: the models and datasets YAML, JSON, TOML and `.env` files name, each at the line of its value."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import HubId, parse_hub_url
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
LOCAL = frozenset({"checkpoints/run1"})
Found = tuple[Kind, str, int]


def find(text: str, path: str = "config.yaml") -> list[Found]:
    """(kind, id, line) of every reference, in file order."""
    references = ConfigSource().find(text, FileContext(path, lambda value: value in LOCAL))
    return sorted(((r.kind, r.text, r.line) for r in references), key=lambda f: (f[2], f[1]))


AXOLOTL = """\
base_model: meta-llama/Llama-3.1-8B
model_type: LlamaForCausalLM
tokenizer_type: AutoTokenizer

datasets:
  - path: teknium/GPTeacher-General-Instruct
    type: alpaca
  - path: allenai/c4
    name: en
  - path: json
    data_files: data/train.jsonl
  - path: ./data/local
dataset_prepared_path: last_run_prepared
output_dir: ./outputs/lora-out
hub_model_id: my-org/llama-lora
"""

ALIGNMENT_HANDBOOK = """\
# Model arguments
model_name_or_path: mistralai/Mistral-7B-v0.1
model_revision: main
torch_dtype: bfloat16

# Data training arguments
chat_template: "{% for message in messages %}{{ message['content'] }}{% endfor %}"
dataset_mixer:
  HuggingFaceH4/ultrachat_200k: 1.0
  "HuggingFaceH4/ultrafeedback_binarized": 0.5
dataset_splits:
- train_sft
- test_sft

# SFT trainer config
hub_model_id: zephyr-7b-sft-full
push_to_hub: true
output_dir: data/zephyr-7b-sft-full
run_name: org/not-a-model
"""

OPEN_R1 = """\
model_name_or_path: Qwen/Qwen2.5-Math-7B
dataset_mixture:
  datasets:
    - id: open-r1/Mixture-of-Thoughts
      config: all
      weight: 1.0
    - id: open-r1/OpenR1-Math-220k
  seed: 42
  test_split_size: 0.02
"""

COMPOSE = """\
services:
  tgi:
    image: ghcr.io/huggingface/text-generation-inference:2.4
    environment:
      MODEL_ID: org/x
      HF_TOKEN: ${HF_TOKEN}
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              capabilities: [gpu]
  vllm:
    image: vllm/vllm-openai:latest
    environment:
      - MODEL_NAME=${VLLM_MODEL:-org/w}
      - PORT=8000
  embeddings:
    image: python:3.11
    environment:
      model-id: ${EMBEDDINGS:-org/y}
      TOKENIZER: "${TOKENIZER:org/v}"
"""

HELM_VALUES = """\
replicaCount: 1
image:
  repository: ghcr.io/huggingface/text-generation-inference
  tag: "2.4"
model:
  name: org/z
  quantize: bitsandbytes
resources:
  limits:
    nvidia.com/gpu: 1
"""

KUBERNETES = """\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: llm
spec:
  template:
    spec:
      containers:
        - name: vllm
          image: nvidia/cuda:12.1-base
          env:
            - name: MODEL_ID
              value: org/k
            - name: CONTENT_TYPE
              value: text/plain
          resources:
            limits:
              nvidia.com/gpu: "1"
"""

TRAIN_JSON = """\
{
  "model_name_or_path": "org/x",
  "tokenizer_name": "org/t",
  "note": "brackets { [ ] } and a quote \\" and a colon: inside a string",
  "dataset_name": "org\\/escaped",
  "datasets": [
    "org/a",
    {"path": "org/b", "split": "train"}
  ],
  "_name_or_path": "org/self",
  "output_dir": "out"
}
"""

ADAPTER_CONFIG = """\
{
  "base_model_name_or_path": "meta-llama/Llama-2-7b-hf",
  "peft_type": "LORA",
  "r": 8
}
"""

TOML = """\
# model = "org/commented-out"
name = "org/x"

[model]
name = "org/x"
revision = "main"

[train]
datasets = [
  "org/a",
  'org/b',
]

[dataset_mixer]
"org/m" = 0.5

[output]
model = "me/pushed"
"""

ENV = """\
# inference server
export MODEL_ID="org/x"  # the served model
TOKENIZER='org/t'
dataset-name = org/d # trailing comment
EMBEDDINGS=org/not-a-key
MODEL_NAME=${MODEL_NAME:-org/default}
"""

URLS = """\
weights: https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf
card: "see https://huggingface.co/org/card-model."
data: https://huggingface.co/datasets/org/ds/blob/v1.0/train.parquet
files: hf://datasets/org/fs@abc123/data/*.parquet
endpoint: https://api-inference.huggingface.co/models/org/served
router: https://router.huggingface.co/hf-inference/models/BAAI/bge-small-en-v1.5/pipeline/feature-extraction
short: https://hf.co/org/short
"""


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "examples/llama-3/lora.yml",
            AXOLOTL,
            [(M, "meta-llama/Llama-3.1-8B", 1), (D, "teknium/GPTeacher-General-Instruct", 6), (D, "allenai/c4", 8)],
            id="axolotl",
        ),
        pytest.param(
            "recipes/zephyr/sft/config_full.yaml",
            ALIGNMENT_HANDBOOK,
            [
                (M, "mistralai/Mistral-7B-v0.1", 2),
                (D, "HuggingFaceH4/ultrachat_200k", 9),
                (D, "HuggingFaceH4/ultrafeedback_binarized", 10),
            ],
            id="alignment-handbook",
        ),
        pytest.param(
            "recipes/OpenR1-Distill-7B/sft/config.yaml",
            OPEN_R1,
            [(M, "Qwen/Qwen2.5-Math-7B", 1), (D, "open-r1/Mixture-of-Thoughts", 4), (D, "open-r1/OpenR1-Math-220k", 7)],
            id="dataset-mixture",
        ),
        pytest.param(
            "docker-compose.yml",
            COMPOSE,
            [(M, "org/x", 5), (M, "org/w", 16), (M, "org/y", 21), (M, "org/v", 22)],
            id="compose",
        ),
        pytest.param("chart/values.yaml", HELM_VALUES, [(M, "org/z", 6)], id="helm-values"),
        pytest.param("deploy/vllm.yaml", KUBERNETES, [(M, "org/k", 13)], id="kubernetes-env"),
        pytest.param(
            "train_config.json",
            TRAIN_JSON,
            [(M, "org/x", 2), (M, "org/t", 3), (D, "org/escaped", 5), (D, "org/a", 7), (D, "org/b", 8)],
            id="json",
        ),
        pytest.param("adapter/adapter_config.json", ADAPTER_CONFIG, [(M, "meta-llama/Llama-2-7b-hf", 2)], id="peft"),
        pytest.param(
            "config.toml",
            TOML,
            [(M, "org/x", 5), (D, "org/a", 10), (D, "org/b", 11), (D, "org/m", 15)],
            id="toml",
        ),
        pytest.param(
            ".env",
            ENV,
            [(M, "org/x", 2), (M, "org/t", 3), (D, "org/d", 4), (M, "org/default", 6)],
            id="dotenv",
        ),
        pytest.param(
            "model.yaml",
            URLS,
            [
                (M, "TheBloke/Llama-2-7B-GGUF", 1),
                (M, "org/card-model", 2),
                (D, "org/ds", 3),
                (D, "org/fs", 4),
                (M, "org/served", 5),
                (M, "BAAI/bge-small-en-v1.5", 6),
                (M, "org/short", 7),
            ],
            id="hub-urls",
        ),
        pytest.param(
            "multi.yaml",
            "model: org/first\n---\nmodel: org/second\n...\n---\ndataset: org/third\n",
            [(M, "org/first", 1), (M, "org/second", 3), (D, "org/third", 6)],
            id="multi-document",
        ),
        pytest.param(
            "keys.yaml",
            "Model-Name: org/a\nmodelId: org/b\nMODEL_ID: org/c\nRepo_Id: org/d\nDataset-Name: org/e\n",
            [(M, "org/a", 1), (M, "org/b", 2), (M, "org/c", 3), (M, "org/d", 4), (D, "org/e", 5)],
            id="key-spelling",
        ),
        pytest.param(
            "models.yaml",
            "models:\n  - id: org/a\n    weight: 1\n  - org/b\ntokenizer: {path: org/c, name: ignored/by-path}\n",
            [(M, "org/a", 2), (M, "org/b", 4), (M, "org/c", 5)],
            id="models-list",
        ),
        pytest.param(
            "docker-compose.yaml",
            "x-env: &env\n  MODEL_ID: org/shared\nbase: &base org/anchored\nservices:\n  a:\n    environment: *env\n"
            "  b:\n    environment:\n      <<: *env\n      TOKENIZER: *base\n",
            [(M, "org/shared", 2), (M, "org/anchored", 3)],
            id="anchors-and-aliases",
        ),
        pytest.param(
            "model.yaml",
            "model: https://huggingface.co/datasets/org/data\n",
            [(D, "org/data", 1)],
            id="url-under-model-key-keeps-its-kind",
        ),
    ],
)
def test_references_at_the_line_of_their_value(path: str, text: str, expected: list[Found]) -> None:
    assert find(text, path) == expected


def test_revision_and_form() -> None:
    text = "base_model: org/x@v1.0\nweights: https://huggingface.co/org/y/resolve/refs%2Fpr%2F3/model.gguf\n"
    references = ConfigSource().find(text, FileContext("c.yaml", lambda _: False))
    assert [(r.text, r.revision, r.form, r.source, r.column) for r in references] == [
        ("org/x", "v1.0", "base_model", "config", 12),
        ("org/y", "refs/pr/3", "url", "config", 9),
    ]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        pytest.param("c.yaml", "content_type: text/plain\naccept: application/json\n", id="mime-types"),
        pytest.param("c.yaml", "model: ./models/mine\n", id="relative-path"),
        pytest.param("c.yaml", "model_name_or_path: /data/checkpoints/llama\n", id="absolute-path"),
        pytest.param("c.yaml", "model: checkpoints/run1\n", id="local-folder"),
        pytest.param("c.yaml", "model: org/model.safetensors\ntokenizer: org/tokenizer.json\n", id="file-names"),
        pytest.param("c.yaml", "model: C:\\models\\llama\n", id="windows-path"),
        pytest.param("c.yaml", "homepage: https://github.com/org/x\nmodel: https://github.com/org/y\n", id="github"),
        pytest.param("c.yaml", "model: https://example.com/org/x\n", id="other-host"),
        pytest.param("k8s.yaml", "apiVersion: apps/v1\nkind: Deployment\n", id="api-version"),
        pytest.param("k8s.yaml", "resources:\n  limits:\n    nvidia.com/gpu: 1\n", id="resource-name"),
        pytest.param("c.yaml", "image: nvidia/cuda:12.1-base\n", id="docker-image"),
        pytest.param("c.yaml", "image: python:3.11\nbase_image: pytorch/pytorch\n", id="docker-images"),
        pytest.param("c.yaml", 'prompt_style: "llama2"\nchat_template: chatml\n', id="template-names"),
        pytest.param("c.yaml", "model_name: llama3\nmodel: GPT4\n", id="single-names"),
        pytest.param("c.yaml", "model: ~\nmodel_id: 2024\ndataset: true\nmodels: []\n", id="non-strings"),
        pytest.param("c.yaml", "dataset: json\ndatasets:\n  - path: csv\n    data_files: a.csv\n", id="builders"),
        pytest.param("c.yaml", "hub_model_id: me/x\npush_to_hub_model_id: me/y\nhub_repo: me/z\n", id="outputs"),
        pytest.param("c.yaml", "output_dir: org/x\nrun_name: org/y\n", id="output-dir-and-run-name"),
        pytest.param(
            "c.yaml",
            "push_to_hub:\n  repo_id: me/x\noutput:\n  model: me/y\nhub_repo: https://huggingface.co/me/z\n",
            id="output-sections",
        ),
        pytest.param(
            "checkpoint/config.json",
            '{"_name_or_path": "org/self", "architectures": ["LlamaForCausalLM"], "model_type": "llama"}',
            id="saved-config-own-name",
        ),
        pytest.param(
            "c.yaml",
            "docs: https://huggingface.co/docs/transformers\ndemo: https://huggingface.co/spaces/org/demo\n"
            "org: https://huggingface.co/meta-llama\n",
            id="site-pages-and-spaces",
        ),
        pytest.param(".env", "MODEL_ID=${MODEL_ID}\nMODEL=$MODEL\n", id="unset-variables"),
        pytest.param("c.yaml", "# model: org/commented\nname: org/x\n", id="comments-and-other-keys"),
        pytest.param("c.yaml", "settings:\n  theme: dark\n", id="nothing-to-read"),
    ],
)
def test_look_alikes_name_nothing(path: str, text: str) -> None:
    assert find(text, path) == []


def test_a_single_name_counts_only_when_the_knowledge_base_knows_it() -> None:
    knowledge = load_knowledge()
    known = [(a.kind, n) for a in knowledge.artefacts for n in a.aliases if "/" not in n and a.kind in (M, D)]
    if not known:
        pytest.skip("the knowledge base lists no single-name aliases")
    kind, name = known[0]
    key = "dataset" if kind is D else "model"
    assert find(f"other: 1\n{key}: {name}\n") == [(kind, name, 2)]


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("config.yaml", True),
        ("deploy/values.YML", True),
        ("config.json", True),
        ("notebook.ipynb", False),
        ("config.toml", True),
        ("pyproject.toml", True),
        ("modelpolicy.toml", False),  # the manifest source's
        (".env", True),
        ("deploy/prod.env", True),
        (".env.local", True),
        ("env.example.watsonx", True),  # `env.example` for one set-up
        ("env.examples", True),  # the plural, as mistralai/cookbook names its examples
        ("env.samples", True),
        ("env.exampled", False),
        ("env.bak", False),
        ("environment.example", False),
        ("shortnames.conf", True),  # read when it is TOML
        ("nginx.conf.d", False),
        (".envrc", False),
        ("environment.py", False),
        ("README.md", False),
    ],
)
def test_wants(path: str, wanted: bool) -> None:
    assert ConfigSource().wants(path) is wanted


def test_pyproject_is_read_except_the_manifest_table() -> None:
    text = '[tool.modelpolicy]\nmodels = ["org/declared"]\n\n[tool.trainer]\nmodel = "org/trained"\n'
    assert find(text, "pyproject.toml") == [(M, "org/trained", 5)]


def test_toml_places_a_multi_line_string_where_its_text_starts() -> None:
    q, a = '"' * 3, "'" * 3
    text = f"model = {q}\norg/x{q}\ndataset = {a}\r\norg/d{a}\nbase_model = {q}org/b{q}\n"
    assert find(text, "c.toml") == [(M, "org/x", 2), (D, "org/d", 4), (M, "org/b", 5)]


def test_toml_locates_a_value_written_twice_at_the_line_naming_its_key() -> None:
    text = '[a]\nnote = "org/x"\n[b]\nmodel = "org/y"\n[a.c]\nmodel = "org/x"\n'
    assert find(text, "c.toml") == [(M, "org/y", 4), (M, "org/x", 6)]


@pytest.mark.parametrize(
    ("path", "text", "reason"),
    [
        pytest.param("c.yaml", "model: [org/x\nother: 1\n", r"YAML syntax error at line 2: .*expected ','", id="yaml"),
        pytest.param("c.yaml", "model: org/x\n  bad: indent\n", r"YAML syntax error at line 2: mapping", id="indent"),
        pytest.param("c.yaml", "model: *undefined\n", r"line 1: found undefined alias", id="alias"),
        pytest.param("c.json", '{"model": "org/x",\n}', r"JSON syntax error at line 2: ", id="json"),
        pytest.param("tsconfig.json", '{\n  // comment\n  "model": "x"\n}', r"JSON syntax error at line 2", id="jsonc"),
        pytest.param("c.toml", 'model = "org/x"\nmodel = "org/y"\n', r"TOML syntax error: .*line 2", id="toml"),
        pytest.param("c.json", "[" * 100_000 + "]" * 100_000 + ' "model"', r"JSON nested too deeply", id="deep-json"),
    ],
)
def test_malformed_files_are_source_errors(path: str, text: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason) as raised:
        find(text, path)
    assert "\n" not in str(raised.value)


def nested_json(depth: int) -> str:
    return '{"a": ' * depth + '{"model": "org/deep"}' + "}" * depth


def test_values_deeper_than_the_limit_are_not_walked() -> None:
    assert find(nested_json(150), "c.json") == [(M, "org/deep", 1)]
    assert find(nested_json(250), "c.json") == []
    assert find("a:\n" + "".join(f"{'  ' * i}a:\n" for i in range(1, 250)) + "  " * 250 + "model: org/deep\n") == []


def find_around_error(text: str, path: str = "config.yaml") -> tuple[str, int | None, list[Found]]:
    """The error a file that cannot be read whole raises, its line, and what was found around it."""
    with pytest.raises(SourceError) as raised:
        ConfigSource().find(text, FileContext(path, lambda value: value in LOCAL))
    found = sorted(((r.kind, r.text, r.line) for r in raised.value.found), key=lambda f: (f[2], f[1]))
    return raised.value.reason, raised.value.line, found


# Past 512 levels a document is refused whichever PyYAML release parses it (libyaml refuses 1000 from 6.0.4 on, and
# earlier releases none): the depths below hold on every release in the range pyproject.toml admits.
@pytest.mark.parametrize("depth", [513, 1_500, 100_000])
@pytest.mark.parametrize("style", ["block", "flow"])
def test_a_yaml_document_nested_too_deep_is_unreadable_and_the_next_one_is_read(depth: int, style: str) -> None:
    nesting = "- " * depth + "x\n" if style == "block" else "[" * depth + "]" * depth + "\n"
    reason, line, found = find_around_error(nesting + "---\nmodel_name_or_path: mosaicml/mpt-30b-chat\n")
    assert reason == "YAML syntax error at line 1: nested deeper than 512 levels"
    assert line == 1
    assert found == [(M, "mosaicml/mpt-30b-chat", 3)]


@pytest.mark.parametrize("style", ["block", "flow"])
def test_a_yaml_document_512_deep_is_read(style: str) -> None:
    nesting = "- " * 511 + "x\n" if style == "block" else "[" * 511 + "]" * 511 + "\n"
    assert find(nesting + "---\nmodel: org/x\n") == [(M, "org/x", 3)]


@pytest.mark.parametrize(
    ("text", "line", "found"),
    [
        ("model: org/a\n---\nb: [\n---\nmodel: org/c\n", 4, [(M, "org/a", 1), (M, "org/c", 5)]),
        ("b: {\n...\nmodel: org/c\n", 2, [(M, "org/c", 3)]),
        ("model: org/a\n---\n  bad: indent\n x: y\n", 4, [(M, "org/a", 1)]),
    ],
    ids=["middle", "document-end", "last"],
)
def test_the_documents_around_a_broken_one_are_read(text: str, line: int, found: list[Found]) -> None:
    reason, at, read = find_around_error(text)
    assert reason.startswith(f"YAML syntax error at line {line}:")
    assert (at, read) == (line, found)


def test_a_helm_template_is_read_line_by_line_and_not_unreadable() -> None:
    template = (
        "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
        "        {{- with .Values.env }}\n        env: {{ toYaml . | nindent 10 }}\n        {{- end }}\n"
        '        - name: server\n          args: ["--x"\n          model_id: "org/served"\n'
    )
    assert find(template, "chart/templates/deployment.yaml") == [(M, "org/served", 12)]


def test_json_that_is_not_valid_is_unreadable_and_its_strings_are_still_read() -> None:
    reason, line, found = find_around_error('{"model": "org/a",, "dataset_name": "org/b"', "c.json")
    assert reason.startswith("JSON syntax error at line 1")
    assert line == 1
    assert found == [(M, "org/a", 1), (D, "org/b", 1)]


@pytest.mark.parametrize(
    ("path", "text"),
    [("c.json", '{"model": "org/a", "n": ' + "9" * 5_000 + "}"), ("c.toml", 'model = "org/a"\nn = ' + "9" * 5_000)],
)
def test_a_number_too_long_to_convert_is_unreadable_not_a_crash(path: str, text: str) -> None:
    reason, _, found = find_around_error(text, path)
    assert "cannot be read" in reason
    assert found == [(M, "org/a", 1)]


def test_an_alias_bomb_is_read_once_and_fast() -> None:
    lol = '["https://huggingface.co/org/lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
    levels = [f"a: &a {lol}"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        levels.append(f"{name}: &{name} [{', '.join(f'*{previous}' for _ in range(9))}]")
    text = "\n".join(levels) + "\nmodel: org/x\n"
    started = time.perf_counter()
    found = find(text)
    # read linearly it takes milliseconds; expanded, its 9**9 leaves would take hours: a bound far from both, so that
    # a loaded machine cannot fail it
    assert time.perf_counter() - started < 60
    assert found == [(M, "org/lol", 1), (M, "org/x", 10)]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://huggingface.co/org/name", (M, HubId("org/name", None))),
        ("https://huggingface.co/org/name/tree/main/sub", (M, HubId("org/name", "main"))),
        ("https://huggingface.co/org/name.git", (M, HubId("org/name", None))),
        ("https://huggingface.co/gpt2/resolve/main/config.json", (M, HubId("gpt2", "main"))),
        ("https://huggingface.co/datasets/squad", (D, HubId("squad", None))),
        ("hf://org/name/model.gguf", (M, HubId("org/name", None))),
        ("https://api-inference.huggingface.co/models/gpt2/v1/chat/completions", (M, HubId("gpt2", None))),
        ("https://huggingface.co/gpt2", None),
        ("https://huggingface.co/blog/llama2", None),
        ("https://huggingface.co/oauth/userinfo", None),  # the Hub's OAuth endpoints, its site's own assets
        ("https://huggingface.co/front/assets/huggingface_logo-noborder.svg", None),
        ("https://huggingface.co/inference-endpoints/dedicated", None),
        ("https://huggingface.co/subscribe/pro", None),  # the site's own pages
        ("https://huggingface.co/terms-of-service", None),
        ("https://huggingface.co/subscriber/name", (M, HubId("subscriber/name", None))),  # an owner only begins so
        ("https://huggingface.co/oauthlib/name", (M, HubId("oauthlib/name", None))),  # an owner that only begins so
        ("https://huggingface.co/datasets", None),
        (
            "https://api-inference.huggingface.co/pipeline/feature-extraction/sentence-transformers/all-MiniLM-L6-v2",
            (M, HubId("sentence-transformers/all-MiniLM-L6-v2", None)),
        ),
        ("https://internal.api-inference.huggingface.co/models/org/name/v1", (M, HubId("org/name", None))),
        ("https://router.huggingface.co/hf-inference/models/org/name", (M, HubId("org/name", None))),
        ("https://api-inference.huggingface.co/pipeline/feature-extraction", None),
        ("https://internal.api-inference.huggingface.co.example.com/models/org/name", None),
        ("https://router.huggingface.co/v1/chat/completions", None),
        ("https://cdn-lfs.huggingface.co/repos/ab/cd/0123", None),
        ("ftp://huggingface.co/org/name", None),
        ("org/name", None),
        # the Hub's REST API names a repository after `api/models/` or `api/datasets/`, with its owner
        (
            "https://huggingface.co/api/datasets/AIatMongoDB/tech-news-embeddings/parquet/default/train/0000.parquet",
            (D, HubId("AIatMongoDB/tech-news-embeddings", None)),
        ),
        ("https://huggingface.co/api/models/org/name/revision/main", (M, HubId("org/name", None))),
        ("https://huggingface.co/api/models?search=llama", None),
        ("https://huggingface.co/api/models/org", None),
        ("https://huggingface.co/api/datasets/squad", None),
        ("https://huggingface.co/api/spaces/org/app/runtime", None),
        ("https://huggingface.co/api/whoami-v2", None),
        # RamaLama's `hf://ORG/NAME:QUANT` picks a GGUF file of ORG/NAME by its quantisation
        (
            "hf://owalsh/SmolLM2-135M-Instruct-GGUF-Split:Q4_0",
            (M, HubId("owalsh/SmolLM2-135M-Instruct-GGUF-Split", None)),
        ),
        ("huggingface://ggml-org/gemma-3n-E2B-it-GGUF:F16", (M, HubId("ggml-org/gemma-3n-E2B-it-GGUF", None))),
        ("hf://org/name:", None),  # no tag after the colon
        ("hf://org/name:a:b", None),
        ("hf://datasets/org/name:Q4_0", None),  # only a path that ends at a model's repository carries one
        # the Hub's id after `hf:` alone (Triton CLI's `--source hf:ORG/NAME`)
        ("hf:meta-llama/Llama-3.1-8B-Instruct", (M, HubId("meta-llama/Llama-3.1-8B-Instruct", None))),
        ("HF:org/name", (M, HubId("org/name", None))),
        ("hf:datasets/org/data", (D, HubId("org/data", None))),
        ("hf:org/name/resolve/v1.0/model.gguf", (M, HubId("org/name", "v1.0"))),
        ("hf:gpt2", None),  # an owner-less name is no URL's
        ("hf:./local/model", None),
        ("hf:../models/x", None),
        ("hf:org/name?revision=x", None),
        ("huggingface:org/name", None),  # only `hf:` is so written
    ],
)
def test_parse_hub_url(url: str, expected: tuple[Kind, HubId] | None) -> None:
    assert parse_hub_url(url) == expected


def test_discover_groups_config_references_and_skips_broken_files(tmp_path: Path) -> None:
    (tmp_path / "recipes").mkdir()
    (tmp_path / "recipes" / "sft.yaml").write_text(ALIGNMENT_HANDBOOK)
    (tmp_path / ".env").write_text("MODEL_ID=mistralai/Mistral-7B-v0.1\n")
    (tmp_path / "broken.json").write_text('{"model": ')
    (tmp_path / "notes.txt").write_text("model: org/ignored\n")
    discovery = discover(tmp_path, [tmp_path], sources=(ConfigSource(),))
    assert [(a.kind, a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        (D, "HuggingFaceH4/ultrachat_200k", ["recipes/sft.yaml:9"]),
        (D, "HuggingFaceH4/ultrafeedback_binarized", ["recipes/sft.yaml:10"]),
        (M, "mistralai/Mistral-7B-v0.1", [".env:1", "recipes/sft.yaml:2"]),
    ]
    assert [(s.path, s.reason) for s in discovery.skipped] == [
        ("broken.json", "JSON syntax error at line 1: Expecting value")
    ]
    assert discovery.files_read == 3


NAMED_KEYS_YAML = """\
embedding_model: BAAI/bge-small-en-v1.5
reranker_model: BAAI/bge-reranker-base
rewardModel: OpenAssistant/reward-model-deberta-v3-large-v2
eval_dataset: tatsu-lab/alpaca_eval
model_type: LlamaForCausalLM/extra
model_max_length: 4096
output_model: my-org/merged
save_model_to: my-org/other
embedding_model_dir: checkpoints/run1
chat_model: text-embedding-3-small
"""


def test_keys_the_naming_rule_reads_name_artefacts() -> None:
    """Any key ending in a model or dataset word (as Python names, flags and variables are read) holds one."""
    assert find(NAMED_KEYS_YAML) == [
        (M, "BAAI/bge-small-en-v1.5", 1),
        (M, "BAAI/bge-reranker-base", 2),
        (M, "OpenAssistant/reward-model-deberta-v3-large-v2", 3),
        (D, "tatsu-lab/alpaca_eval", 4),
        (Kind.API, "text-embedding-3-small", 10),  # a hosted API's model name, as Python's named defaults read it
    ]


def test_named_keys_in_dotenv_json_and_kubernetes_env() -> None:
    env = "EMBEDDING_MODEL=nomic-ai/nomic-embed-text-v1.5\nOUTPUT_MODEL_ID=my-org/x\nMODEL_TYPE=a/b\n"
    assert find(env, ".env") == [(M, "nomic-ai/nomic-embed-text-v1.5", 1)]
    assert find('{"draft_model": "Qwen/Qwen2-0.5B", "hub_model_id": "me/out"}', "c.json") == [(M, "Qwen/Qwen2-0.5B", 1)]
    manifest = "env:\n  - name: EMBEDDING_MODEL\n    value: intfloat/e5-large\n  - name: MODEL_TYPE\n    value: a/b\n"
    assert find(manifest, "deploy.yaml") == [(M, "intfloat/e5-large", 3)]


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param('VLLM_ARGS="--model acme/enc-7b --port 80"\n', [(M, "acme/enc-7b", 1)], id="quoted"),
        pytest.param("export EXTRA_ARGS=--model-id acme/enc-7b --port 80\n", [(M, "acme/enc-7b", 1)], id="unquoted"),
        pytest.param(
            'H2OGPT_ARGS="/workspace/generate.py --base_model=acme/chat --prompt_type=llama2"\n',
            [(M, "acme/chat", 1)],
            id="a-command-with-its-options",
        ),
        pytest.param('HELP_TEXT="use --model acme/enc-7b"\n', [], id="not-named-for-a-command-line"),
        pytest.param('VLLM_ARGS="--model ./checkpoints/run1 --port 80"\n', [], id="a-local-path"),
        pytest.param("VLLM_ARGS=--model\n", [], id="one-word"),
    ],
)
def test_a_command_line_held_by_a_dotenv_variable_is_read(env: str, expected: list[Found]) -> None:
    assert find(env, ".env") == expected


def test_a_command_line_in_a_dotenv_file_is_placed_where_it_is_written() -> None:
    line = 'VLLM_ARGS="--port 80 --model acme/enc-7b"'
    references = ConfigSource().find(line + "\n", FileContext(".env", lambda _: False))
    assert [(r.text, r.line, r.column) for r in references] == [("acme/enc-7b", 1, line.index("acme/enc-7b"))]


def test_a_kubernetes_env_item_named_for_an_azure_deployment_holds_a_hosted_api_model() -> None:
    manifest = (
        'env:\n  - name: AZURE_OPENAI_DEPLOYMENT\n    value: "gpt-5.4"\n  - name: DEPLOYMENT_NAME\n'
        "    value: gpt-4o-mini\n  - name: AZURE_OPENAI_DEPLOYMENT_NAME\n    value: my-team-deployment\n"
        "  - name: DEPLOYMENT\n    value: org/app\n  - name: KUBE_DEPLOYMENT\n    value: inference-server\n"
    )
    # what a deployment is named counts only when a provider's names match it: a name its owner chose, nothing
    assert find(manifest, "job.yaml") == [(Kind.API, "gpt-5.4", 3), (Kind.API, "gpt-4o-mini", 5)]


def test_llama_factory_dataset_info_names_hub_datasets() -> None:
    text = (
        '{\n  "alpaca_en": {\n    "hf_hub_url": "llamafactory/alpaca_en",\n    "ms_hub_url": "llamafactory/alpaca_en"\n'
        '  },\n  "identity": {"file_name": "identity.json"}\n}\n'
    )
    assert find(text, "data/dataset_info.json") == [(D, "llamafactory/alpaca_en", 3)]


def test_a_literal_block_that_is_yaml_is_read_in_place() -> None:
    text = (
        "name: phi3\nconfig_file: |\n  backend: vllm\n  parameters:\n    model: org/inner\n  template: |\n"
        "    {{.Input}}\n"
    )
    assert find(text, "gallery/phi3.yaml") == [(M, "org/inner", 5)]
    assert find("note: |\n  this text names org/x in prose\n", "a.yaml") == []


def test_huggingface_scheme_urls_name_their_repository() -> None:
    text = "parameters:\n  model: huggingface://nomic-ai/embed-GGUF/embed.f16.gguf\n"
    assert find(text) == [(M, "nomic-ai/embed-GGUF", 2)]


@pytest.mark.parametrize("name", ["package-lock.json", "pnpm-lock.yaml", "poetry.lock", "uv.lock"])
def test_package_lockfiles_are_not_read(name: str) -> None:
    assert not ConfigSource().wants(f"web/{name}")


def test_a_list_anchored_elsewhere_and_aliased_under_an_artefact_key_is_read() -> None:
    text = "x-shared: &s\n  - org/a\n  - org/b\nmodels: *s\n"
    assert find(text, "compose.yaml") == [(M, "org/a", 2), (M, "org/b", 3)]


def test_a_litellm_model_list_names_what_litellm_params_call_not_the_alias() -> None:
    text = (
        "model_list:\n"
        "  - model_name: gpt-4-32k-litellm\n"
        "    litellm_params:\n"
        "      model: azure/gpt-4-32k\n"
        "  - model_name: local\n"
        "    litellm_params:\n"
        "      model: huggingface/meta-llama/Llama-3.1-8B-Instruct\n"
    )
    assert (Kind.API, "azure/gpt-4-32k", 4) in find(text, "litellm/config.yaml")
    assert not [f for f in find(text, "litellm/config.yaml") if f[2] in (2, 5)]


@pytest.mark.parametrize(
    "text",
    [
        "models:\n  - model_name: org/x\n    revision: main\n",  # no litellm_params: the name is the model's
        "model_name: org/x\nparams:\n  model: org/y\n",
    ],
)
def test_a_model_name_without_litellm_params_is_read(text: str) -> None:
    assert (M, "org/x", 2 if text.startswith("models") else 1) in find(text)


def test_a_model_the_inference_providers_router_serves_is_the_hub_model() -> None:
    """`openai/gpt-oss-120b:fastest` in a catalogue of models served at router.huggingface.co is that Hub model."""
    text = (
        '{"name": "HuggingFace", "url": {"default": "https://router.huggingface.co/v1"},\n'
        ' "models": [\n'
        '  {"name": "openai/gpt-oss-120b:fastest"},\n'
        '  {"name": "deepseek-ai/DeepSeek-R1:novita"},\n'
        '  {"name": "org/x:some-tag"}\n'
        " ]}\n"
    )
    assert find(text, "conf/models/huggingface.json") == [
        (M, "openai/gpt-oss-120b", 3),
        (M, "deepseek-ai/DeepSeek-R1", 4),
    ]


HUB_SOURCES = """\
loraAdapters:
  - name: nemoguard
    baseModel: llama3
    adapterSource:
      type: "huggingface"
      adapterName: "llama-3.1-nemoguard-8b-topic-control"
      repository: "nvidia/llama-3.1-nemoguard-8b-topic-control"
artifacts:
  - name: model
    source:
      type: huggingface
      repo: lodestones/Chroma1-HD
  - source: {type: hf, repo: acme/reviews, repo_type: dataset}
templates:
  - model_source:
      type: huggingface
      uri: "Qwen/Qwen2.5-7B-Instruct"
      revision: main
  - model_source: {type: s3, uri: "s3://bucket/llama3/"}
  - model_source: {hub: hf, path: acme/pathed}
"""

LORA_SYNCER = """\
apiVersion: v1
kind: ConfigMap
data:
  configmap.yaml: |
      vLLMLoRAConfig:
        defaultBaseModel: meta-llama/Llama-3.2-1B-Instruct
        ensureExist:
          models:
          - id: legogpt
            source:  AvaLovelace/LegoGPT
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            HUB_SOURCES,
            [
                (M, "nvidia/llama-3.1-nemoguard-8b-topic-control", 7),
                (M, "lodestones/Chroma1-HD", 12),
                (D, "acme/reviews", 13),
                (M, "Qwen/Qwen2.5-7B-Instruct", 17),
                (M, "acme/pathed", 20),
            ],
            id="repository-of-a-mapping-from-the-hub",
        ),
        pytest.param(
            LORA_SYNCER,
            [(M, "meta-llama/Llama-3.2-1B-Instruct", 6), (M, "AvaLovelace/LegoGPT", 10)],
            id="source-of-an-item-of-a-models-list",
        ),
    ],
)
def test_where_an_artefact_comes_from(text: str, expected: list[Found]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("adapterSource:\n  type: local\n  repository: acme/adapter\n", id="not-from-the-hub"),
        pytest.param("image:\n  repository: acme/server\n  tag: v1\n", id="helm-image"),
        pytest.param("chart:\n  type: helm\n  repo: acme/charts\n", id="a-chart-s-repo"),
        pytest.param("source:\n  type: huggingface\n  repository: ./adapters/local\n", id="local-path"),
        pytest.param("source:\n  type: huggingface\n  repository: <your-repo>\n", id="placeholder"),
        pytest.param("model_source:\n  type: s3\n  uri: acme/bucket-path\n", id="uri-not-from-the-hub"),
        pytest.param("source:\n  type: huggingface\n  path: /models/local\n  id: 7\n", id="local-path-and-number"),
        pytest.param("source:\n  type: git\n  url: acme/tool\nname: acme/tool\n", id="git-source"),
        pytest.param("models:\n  - id: legogpt\n    source: local\n", id="item-source-not-an-id"),
        pytest.param("steps:\n  - id: build\n    source: acme/tool\n", id="item-of-another-list"),
    ],
)
def test_sources_that_name_nothing(text: str) -> None:
    assert find(text) == []


def test_ray_serve_s_model_source_is_the_model_its_id_aliases() -> None:
    text = (
        "applications:\n- args:\n    llm_configs:\n      - model_loading_config:\n          model_id: qwen-0.5b\n"
        "          model_source: Qwen/Qwen2.5-0.5B-Instruct\n"
    )
    assert find(text) == [(M, "Qwen/Qwen2.5-0.5B-Instruct", 6)]
    assert find("model_loading_config:\n  model_source: huggingface\n") == []


def test_an_openapi_description_documents_models_and_uses_none() -> None:
    spec = (
        "openapi: 3.0.0\ninfo:\n  title: OpenAI API\npaths: {}\ncomponents:\n  schemas:\n"
        "    CreateChatCompletionRequest:\n      properties:\n        model:\n          example: gpt-4o\n"
        "          anyOf:\n            - type: string\n"
        "            - type: string\n              enum: [gpt-4o, gpt-4o-mini, o1]\n"
    )
    assert find(spec, "api/openai/v1/reference/chat_completions.openapi.yaml") == []
    swagger = '{"swagger": "2.0", "definitions": {"Req": {"properties": {"model": {"example": "gpt-4"}}}}}'
    assert find(swagger, "swagger/swagger.json") == []


def test_a_document_that_only_mentions_openapi_is_read() -> None:
    chatflow = '{"openapi": "see the tool", "nodes": [{"data": {"inputs": {"modelName": "claude-3-5-haiku-latest"}}}]}'
    assert find(chatflow, "chatflows/OpenAPI Agent.json") == [(Kind.API, "claude-3-5-haiku-latest", 1)]
    config = "openapi_model: gpt-4o\nmodel: gpt-4o-mini\n"
    assert find(config, "config.yaml") == [(Kind.API, "gpt-4o", 1), (Kind.API, "gpt-4o-mini", 2)]


SHORTNAMES_CONF = """\
# shortnames.conf - Model Shortname Mappings
[shortnames]
  "granite" = "hf://ibm-granite/granite-3.3-8b-instruct-GGUF"
  "gemma3n:e2b-it-f16" = "hf://ggml-org/gemma-3n-E2B-it-GGUF:F16"
  "stories-be:260k" = "hf://taronaeo/tinyllamas-BE/stories260K-be.gguf"
  "notes" = "see the model card"
"""


def test_a_conf_file_written_in_toml_is_read_as_toml() -> None:
    """RamaLama's `shortnames.conf` (and `ramalama.conf`) are TOML: the Hub URLs of its values are models."""
    assert find(SHORTNAMES_CONF, "shortnames/shortnames.conf") == [
        (M, "ibm-granite/granite-3.3-8b-instruct-GGUF", 3),
        (M, "ggml-org/gemma-3n-E2B-it-GGUF", 4),
        (M, "taronaeo/tinyllamas-BE", 5),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "server {\n  listen 80;\n  location /model { proxy_pass http://hf.co/org/name; }\n}\n",  # nginx
        "[program:model]\ncommand=python serve.py --model org/name\n",  # supervisord's INI
        "model = org/name\n",  # a bare value is no TOML
    ],
)
def test_a_conf_file_in_another_format_names_nothing_and_is_not_a_problem(text: str) -> None:
    """Most `.conf` files are another program's format: not TOML, they are let go without a complaint."""
    assert ConfigSource().find(text, FileContext("etc/app.conf", lambda value: False)) == []


def test_env_examples_in_the_plural_is_read_as_an_env_file() -> None:
    text = '# Mistral Medium\nMISTRAL_MODEL_KEY="xxx"\nMISTRAL_MODEL_NAME="mistral-medium-3-5"\n'
    assert find(text, "third_party/x/env.examples") == [(Kind.API, "mistral-medium-3-5", 3)]
    assert find(text, "env.exampled") == []


def test_an_env_example_for_one_set_up_is_read_as_an_env_file() -> None:
    text = (
        "# watsonx\nWATSONX_GENERATION_MODEL=ibm/granite-13b-chat-v2\nEMBEDDING_MODEL=microsoft/harrier-oss-v1-0.6b\n"
    )
    assert (M, "microsoft/harrier-oss-v1-0.6b", 3) in find(text, "env.example.watsonx")


def test_the_hub_s_id_after_hf_colon_is_read_as_its_url() -> None:
    """Triton CLI's `--source hf:ORG/NAME`, and other tools' `hf:` spelling of `hf://`: under any key, a dataset under
    a dataset's key; a word that only ends so (`pdf:`, `self.hf:`, `nohf:`) names nothing."""
    text = """\
source: hf:meta-llama/Llama-3.1-8B-Instruct
dataset: "hf:org/reviews"
notes: "see pdf:org/nope, nohf:org/nope2, self.hf:org/nope3, x-hf:org/nope4 and hf:gpt2"
"""
    assert find(text) == [(M, "meta-llama/Llama-3.1-8B-Instruct", 1), (D, "org/reviews", 2)]
