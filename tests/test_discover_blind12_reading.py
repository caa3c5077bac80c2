"""Forms found on model-serving deployment repositories the benchmark does not label (twelfth blind wave:
NVIDIA/nim-deploy): a file written to be copied or filled in (`helm/rag-values.yaml.template`) read as the file it
stands for; a notebook's API context shown by another cell or by its prose ("deploy the NVIDIA NIM from AWS
Marketplace"), for a NIM catalog's names. Look-alikes: a name with a template's ending and no ending of its own (an env
file's `.env.example`, `Dockerfile.template`), a file no source reads once the ending is off, the same notebook code
without the context."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.discover import discover, read_as
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.model import Kind

M, A, IMG = Kind.MODEL, Kind.API, Kind.IMAGE


def context(path: str) -> FileContext:
    return FileContext(path, lambda _: False)


def scanned(root: Path) -> set[tuple[Kind, str, str]]:
    return {(r.kind, r.text, r.location) for a in discover(root, [root]).artefacts for r in a.references}


# --- a file written to be copied or filled in -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "read"),
    [
        ("helm/rag-values.yaml.template", "helm/rag-values.yaml"),
        ("config.json.example", "config.json"),
        ("settings.toml.dist", "settings.toml"),
        ("deploy/compose.yml.sample", "deploy/compose.yml"),
        ("values.yaml.TMPL", "values.yaml"),
        (".env.example", ".env.example"),  # an env file's own spelling
        (".env.local.template", ".env.local"),
        ("env.template", "env.template"),
        ("Dockerfile.template", "Dockerfile.template"),  # a Dockerfile by its stem
        ("a.b/values.template", "a.b/values.template"),  # the ending of a folder's name is none of the file's
        ("values.yaml", "values.yaml"),
        ("notes.yaml.bak", "notes.yaml.bak"),
    ],
)
def test_read_as(path: str, read: str) -> None:
    assert read_as(path) == read


def test_a_template_of_a_values_file_is_read_as_one(tmp_path: Path) -> None:
    (tmp_path / "helm").mkdir()
    (tmp_path / "helm" / "rag-values.yaml.template").write_text(
        "nim-llm:\n"
        "  image:\n"
        "    repository: nvcr.io/nim/nvidia/llama-3.3-nemotron-super-49b-v1.5\n"
        '    tag: "1.13.1"\n'
        "envVars:\n"
        '  APP_EMBEDDINGS_MODELNAME: "nvidia/llama-3.2-nv-embedqa-1b-v2"\n'
        "  APP_EMBEDDINGS_SERVERURL: nemo-retriever-embedding-ms:8000\n"
    )
    (tmp_path / "helm" / "notes.txt.template").write_text("model: nvidia/llama-3.2-nv-embedqa-1b-v2\n")
    assert scanned(tmp_path) == {
        (IMG, "nvcr.io/nim/nvidia/llama-3.3-nemotron-super-49b-v1.5:1.13.1", "helm/rag-values.yaml.template:3"),
        (A, "nvidia/llama-3.2-nv-embedqa-1b-v2", "helm/rag-values.yaml.template:6"),
    }


# --- a notebook's API context, shown by another cell or by its prose ----------------------------------------------


def notebook(*cells: tuple[str, str]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
                | ({"outputs": [], "execution_count": None} if kind == "code" else {})
                for kind, text in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


PAYLOAD = 'payload_model = "nvidia/llama-3.1-nemotron-nano-8b-v1"\npayload = {"model": payload_model}\n'


def kinds(text: str) -> set[tuple[Kind, str]]:
    return {(r.kind, r.text) for r in NotebookSource().find(text, context("sagemaker/nim.ipynb"))}


def test_a_notebook_s_prose_shows_the_api() -> None:
    text = notebook(("markdown", "# Deploy the NVIDIA NIM from AWS Marketplace\n"), ("code", PAYLOAD))
    assert kinds(text) == {(A, "nvidia/llama-3.1-nemotron-nano-8b-v1")}


def test_another_cell_shows_the_api_for_a_cell_read_alone() -> None:
    text = notebook(
        ("code", 'public_nim_image = "public.ecr.aws/nvidia/nim:llama3.2-nv-embedqa-1b-v2-1.3.0"\n'),
        ("code", "import json\n" + PAYLOAD + "print(json.dumps(payload))\nundefined(\n"),  # a cell that parses alone
    )
    assert kinds(text) == {
        (IMG, "public.ecr.aws/nvidia/nim:llama3.2-nv-embedqa-1b-v2-1.3.0"),
        (A, "nvidia/llama-3.1-nemotron-nano-8b-v1"),
    }


def test_without_the_context_a_notebook_names_the_hub_model() -> None:
    text = notebook(("markdown", "# Run Nemotron Nano with transformers\n"), ("code", PAYLOAD))
    assert kinds(text) == {(M, "nvidia/llama-3.1-nemotron-nano-8b-v1")}
