"""Forms of Python applications found on a repository the benchmark does not label (issue 16, text-generation-webui):
Chroma's embedding functions, and the default of a UI widget whose label names a model or dataset."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D, A, OL = Kind.MODEL, Kind.DATASET, Kind.API, Kind.OLLAMA


def find(source: str) -> set[tuple[Kind, str, int, str]]:
    context = FileContext("pkg/app.py", lambda text: text == "checkpoints/run1")
    return {(r.kind, r.text, r.line, r.form) for r in PythonSource().find(source, context)}


# --- Chroma's embedding functions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'ef = embedding_functions.SentenceTransformerEmbeddingFunction("sentence-transformers/all-mpnet-base-v2")',
            (M, "sentence-transformers/all-mpnet-base-v2", "SentenceTransformerEmbeddingFunction"),
        ),
        (
            'ef = SentenceTransformerEmbeddingFunction(model_name="all-MiniLM-L6-v2", device="cuda")',
            (M, "all-MiniLM-L6-v2", "SentenceTransformerEmbeddingFunction"),
        ),
        (
            'ef = embedding_functions.InstructorEmbeddingFunction(model_name="hkunlp/instructor-xl")',
            (M, "hkunlp/instructor-xl", "InstructorEmbeddingFunction"),
        ),
        (
            'ef = HuggingFaceEmbeddingFunction(api_key=key, model_name="org/e")',
            (M, "org/e", "HuggingFaceEmbeddingFunction"),
        ),
        ('ef = HuggingFaceEmbeddingFunction(key, "org/e")', (M, "org/e", "HuggingFaceEmbeddingFunction")),
        (
            'ef = OpenAIEmbeddingFunction(api_key=key, model_name="text-embedding-3-small")',
            (A, "text-embedding-3-small", "OpenAIEmbeddingFunction"),
        ),
        (
            'ef = CohereEmbeddingFunction(api_key=key, model_name="embed-english-v3.0")',
            (A, "embed-english-v3.0", "CohereEmbeddingFunction"),
        ),
        (
            'ef = OllamaEmbeddingFunction(url="http://localhost:11434", model_name="nomic-embed-text")',
            (OL, "nomic-embed-text", "OllamaEmbeddingFunction"),
        ),
    ],
)
def test_chroma_embedding_functions_name_their_model(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, artefact, form = expected
    assert find(source) == {(kind, artefact, 1, form)}


def test_a_chroma_embedding_function_over_several_lines() -> None:
    source = (
        "self.embedder = embedding_functions.SentenceTransformerEmbeddingFunction(\n"
        '    "sentence-transformers/all-mpnet-base-v2",\n'
        '    device=("cuda" if torch.cuda.is_available() else "cpu"),\n'
        ")\n"
    )
    assert find(source) == {(M, "sentence-transformers/all-mpnet-base-v2", 2, "SentenceTransformerEmbeddingFunction")}


@pytest.mark.parametrize(
    "source",
    [
        'ef = SentenceTransformerEmbeddingFunction("./models/minilm")',  # a local path
        "ef = embedding_functions.DefaultEmbeddingFunction()",
        'ef = HuggingFaceEmbeddingFunction("hf_abcdef123")',  # the API key, not the model
        'ef = OpenAIEmbeddingFunction(api_key="sk-abc", api_base="https://example.com/v1")',
    ],
)
def test_chroma_embedding_function_look_alikes(source: str) -> None:
    assert find(source) == set()
