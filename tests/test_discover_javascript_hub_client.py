"""@huggingface/hub's functions that read one repository: the repository they are given, of the kind it is said."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def named(text: str) -> list[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext("src/hub.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in references]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('const info = await modelInfo({ name: "openai-community/gpt2" });', [(M, "openai-community/gpt2", 1)]),
        ('await datasetInfo({\n  name: "nyu-mll/glue",\n  revision: "main",\n});', [(D, "nyu-mll/glue", 2)]),
        (
            'const blob = await downloadFile({ repo: { type: "model", name: "org/x" }, path: "config.json" });',
            [(M, "org/x", 1)],
        ),
        ('for await (const f of listFiles({ repo: { name: "xsum", type: "dataset" } })) {}', [(D, "xsum", 1)]),
        ('await hub.listFiles({ repo: "datasets/org/d", recursive: true });', [(D, "org/d", 1)]),
        (
            'await parseSafetensorsMetadata({ repo: "bigscience/bloom", computeParametersCount: true });',
            [(M, "bigscience/bloom", 1)],
        ),
        ('const REPO = "org/weights";\nawait snapshotDownload({ repo: REPO, cacheDir });', [(M, "org/weights", 1)]),
        ('await fileExists({ repo: { name: "org/x", type: "model" }, path: "model.safetensors" });', [(M, "org/x", 1)]),
    ],
)
def test_the_repository_a_hub_function_reads_is_found(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'await listFiles({ repo: { type: "space", name: "org/demo" } });',  # a Space is no artefact of ours
        'await downloadFile({ repo: "spaces/org/demo", path: "app.py" });',
        'await downloadFile({ url: "org/x", path: "org/y" });',  # no repository designated
        "await modelInfo({ name: `${owner}/${repo}` });",  # a template with substitutions
        'await listFiles({ repo: { type: "model", name: "checkpoints/run1/weights" } });',  # a path, not an id
        'await createRepo({ repo: { type: "model", name: "org/new" } });',  # a repository written, not read
        'await uploadFile({ repo: "org/out", file: blob });',
    ],
)
def test_look_alikes_of_a_hub_function_name_nothing(text: str) -> None:
    assert named(text) == []
