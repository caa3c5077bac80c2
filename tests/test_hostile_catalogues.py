"""The hostile corpus for the JS/TS source and the forms the catalogues read (issue 16): model-server images in
compose, Kubernetes, Helm values and Dockerfiles, Ollama models in Modelfiles, `.env` files and `ollama pull`, hosted
API models in config and code. Deep nesting, huge literals, invalid UTF-8 and look-alike strings never raise: a
reader answers with references, a one-line SourceError, or nothing; and what can still be read is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.discover import SOURCES
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.model import Reference

BIG = 300_000  # characters of one literal
DEEP = 50_000  # levels of nesting


def invalid_utf8(prefix: str) -> str:
    """Text as the scan hands a file that is not UTF-8 to its sources: the bad bytes replaced."""
    return (prefix.encode() + b"\xff\xfe\xc3\x28\xa0\xa1\xe2\x28\xa1\n").decode("utf-8", "replace")


# (file name, text, an id a reader still finds in it, or None when only "never raises" is asked)
HOSTILE: dict[str, tuple[str, str, str | None]] = {
    "js deep object": ("app.js", 'pipeline("t", "org/x");\nconst o = ' + "{a:" * DEEP + "1" + "}" * DEEP, None),
    "js huge model literal": ("app.js", f'await openai.chat.completions.create({{ model: "gpt-{"o" * BIG}" }});', None),
    "js nested templates": ("app.ts", 'const MODEL_ID = "org/x";\nconst t = ' + "`${" * 5_000 + "}`" * 5_000, None),
    "ts invalid utf-8": ("app.ts", invalid_utf8('const MODEL_ID = "org/x";\npipeline("t", MODEL_ID);\n'), None),
    "ts unterminated": ("app.tsx", 'const x = { model: "gpt-4o", messages: [' + "{" * 10_000, None),
    "js many constants": ("app.js", "".join(f'const m{i} = "org/x{i}";\n' for i in range(5_000)), None),
    "svelte unclosed script": ("Page.svelte", "<script>\nconst MODEL_ID = 'org/x';\n" + "<div>" * DEEP, None),
    "vue many scripts": ("App.vue", "<script>const MODEL_ID = 'org/x';</script>\n" * 5_000, "org/x"),
    "compose huge image": ("compose.yaml", f"services:\n  a:\n    image: vllm/vllm-openai:{'v' * BIG}\n", None),
    "compose deep": ("compose.yaml", "services:\n  a:\n    image: vllm/vllm-openai:v0.6.0\n    x: " + "[" * DEEP, None),
    "kubernetes deep": (
        "deploy.yaml",
        "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
        "        - image: vllm/vllm-openai:v0.6.0\n          args: " + "[" * DEEP + "]" * DEEP + "\n",
        None,
    ),
    "helm huge repository": ("values.yaml", f"image:\n  repository: {'vllm/' * (BIG // 5)}\n  tag: v1\n", None),
    "dockerfile huge from": ("Dockerfile", f"FROM vllm/vllm-openai:{'1' * BIG}\nRUN vllm serve org/x\n", None),
    "dockerfile invalid utf-8": ("Dockerfile", invalid_utf8("FROM vllm/vllm-openai:v1\n"), "vllm/vllm-openai:v1"),
    "modelfile huge from": ("Modelfile", f"FROM llama3.1:{'8b' * (BIG // 2)}\n", None),
    "modelfile invalid utf-8": ("Modelfile", invalid_utf8("FROM llama3.1:8b\n"), "llama3.1:8b"),
    "env huge ollama model": (".env", f"OLLAMA_MODEL=llama3.1:{'8' * BIG}\nOLLAMA_MODEL=qwen2.5:7b\n", "qwen2.5:7b"),
    "shell huge ollama pull": ("run.sh", f"ollama pull {'a' * BIG}\nollama pull mistral\n", "mistral"),
    "shell long docker run": ("run.sh", f"docker run {'-e X=1 ' * 10_000}vllm/vllm-openai --model org/x\n", "org/x"),
    "yaml huge api model": ("config.yaml", f"openai:\n  llm_model: gpt-{'4' * BIG}\n", None),
    "python huge api model": ("app.py", f'client.chat.completions.create(model="gpt-{"4" * BIG}")\n', None),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_text_meets_references_a_source_error_or_nothing(case: str) -> None:
    path, text, expected = HOSTILE[case]
    found: list[Reference] = []
    for source in SOURCES:
        try:
            found += source.find(text, FileContext(path, lambda _: False))
        except SourceError as error:
            assert "\n" not in error.reason
    lines = text.split("\n")
    for reference in found:
        assert 1 <= reference.line <= len(lines) and reference.path == path
    if expected is not None:
        assert expected in {reference.text for reference in found}


# Look-alikes of the catalogues' entries, each where a reader looks: none names an artefact.
LOOK_ALIKES = {
    "compose generic images": (
        "compose.yaml",
        "services:\n  a:\n    image: python:3.11\n  b:\n    image: nvidia/cuda:12.1.0-base\n"
        "  c:\n    image: redis:7\n  d:\n    image: docker.io/library/nginx\n",
    ),
    "kubernetes apiVersion": ("deploy.yaml", "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\n"),
    "helm chart name": ("values.yaml", "image:\n  repository: myorg/vllm-router-ui\n  tag: latest\n"),
    "dockerfile base": ("Dockerfile", "FROM python:3.11-slim\nRUN pip install vllm\n"),
    "js mime types": ("app.ts", 'fetch(url, { headers: { "Content-Type": "application/json" }, model: undefined });'),
    "js chat template name": ("app.js", 'const template = "mistral";\nconst style = "llama2";\n'),
    "js github path": ("app.js", 'const repo = "vercel/ai-chatbot";\nimport x from "@huggingface/inference";\n'),
    "env prompt style": (".env", "PROMPT_STYLE=mistral\nCHAT_TEMPLATE=llama2\n"),
    "yaml api look-alike": ("config.yaml", "engine: postgresql\ndeployment_name: my-embeddings\n"),
}


@pytest.mark.parametrize("case", sorted(LOOK_ALIKES))
def test_catalogue_look_alikes_name_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    path, text = LOOK_ALIKES[case]
    (tmp_path / path).write_text(text)
    code = main(["scan", str(tmp_path), "--offline", "--policy", "research", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["artefacts"] == []


@pytest.mark.parametrize("case", ["js huge model literal", "ts invalid utf-8", "compose deep", "modelfile huge from"])
def test_one_hostile_catalogue_file_never_stops_the_scan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    path, text, _ = HOSTILE[case]
    (tmp_path / path).write_text(text, encoding="utf-8", errors="surrogatepass")
    (tmp_path / "serve.sh").write_text("ollama pull llama3.1:8b\n")
    code = main(["scan", str(tmp_path), "--offline", "--policy", "research", "--format", "json"])
    captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "internal error" not in captured.err
    report = json.loads(captured.out)
    assert "llama3.1:8b" in {artefact["id"] for artefact in report["artefacts"]}
