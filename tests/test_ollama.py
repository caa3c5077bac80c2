"""Ollama library models: the table, their resolution to the upstream licence, and the one recogniser."""

from __future__ import annotations

import pytest

from modelpolicy.cli import main
from modelpolicy.discover.ollama import Context, parse, prefixed, recognise
from modelpolicy.knowledge import load, ollama_tag
from modelpolicy.model import Artefact, Kind, Resolved, Unresolved, Verdict
from modelpolicy.policy import load_policy
from modelpolicy.policy.evaluate import evaluate
from modelpolicy.resolve import default_resolvers, resolve_all

REQUIRED = [
    "llama2",
    "llama3",
    "llama3.1",
    "llama3.2",
    "llama3.3",
    "llama4",
    "mistral",
    "mixtral",
    "mistral-nemo",
    "mistral-small",
    "mistral-large",
    "codestral",
    "qwen",
    "qwen2",
    "qwen2.5",
    "qwen3",
    "qwq",
    "qwen2.5-coder",
    "gemma",
    "gemma2",
    "gemma3",
    "phi3",
    "phi3.5",
    "phi4",
    "deepseek-r1",
    "deepseek-v3",
    "deepseek-coder",
    "nomic-embed-text",
    "mxbai-embed-large",
    "all-minilm",
    "snowflake-arctic-embed",
    "bge-m3",
    "llava",
    "command-r",
    "command-r-plus",
    "granite3-dense",
    "granite3.1-dense",
    "granite3.2",
    "granite3.3",
    "starcoder2",
    "codellama",
    "tinyllama",
    "orca-mini",
    "vicuna",
    "neural-chat",
    "gpt-oss",
]


def resolved(model: str) -> Resolved | Unresolved:
    return resolve_all((Artefact(Kind.OLLAMA, model, None, ()),), default_resolvers())[0].resolution


def licence(model: str) -> str | None:
    resolution = resolved(model)
    assert isinstance(resolution, Resolved), resolution
    return resolution.terms.license


@pytest.mark.parametrize("name", REQUIRED)
def test_the_table_knows_the_library_and_every_licence_it_names(name: str) -> None:
    model = load().ollama(name)
    assert model is not None and model.evidence and "/" in model.upstream
    for terms in (model, *model.tags):
        assert load().family(terms.license) is not None, terms.license


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("llama3.1", "llama3.1"),
        ("llama3.1:8b", "llama3.1"),
        ("Llama3.1:70B", "llama3.1"),
        ("mistral", "apache-2.0"),
        ("codestral:22b", "mnpl-0.1"),
        ("mistral-large:123b", "mrl-0.1"),
        ("qwen2.5", "apache-2.0"),
        ("qwen2.5:7b", "apache-2.0"),
        ("qwen2.5:3b", "qwen-research"),
        ("qwen2.5:3b-instruct-q4_K_M", "qwen-research"),
        ("qwen2.5:72b", "qwen"),
        ("qwen2.5-coder:3b", "qwen-research"),
        ("gemma3", "gemma"),
        ("phi4", "mit"),
        ("deepseek-r1:7b", "mit"),
        ("nomic-embed-text", "apache-2.0"),
        ("command-r-plus", "cc-by-nc-4.0"),
        ("gpt-oss:20b", "apache-2.0"),
        ("library/llama3.2", "llama3.2"),
    ],
)
def test_an_ollama_model_resolves_to_its_upstream_licence(model: str, expected: str) -> None:
    assert licence(model) == expected


@pytest.mark.parametrize("model", ["nosuch", "nosuch:7b", "x/z-image-turbo", "user/llama3.1:8b", "Bad Name"])
def test_unknown_and_community_models_fail_closed(model: str) -> None:
    assert isinstance(resolved(model), Unresolved)


def test_a_size_picks_its_terms_by_tag() -> None:
    qwen = load().ollama("qwen2.5")
    assert qwen is not None
    assert ollama_tag(qwen, None) is None and ollama_tag(qwen, "latest") is None
    tag = ollama_tag(qwen, "3b")
    assert tag is not None and tag.upstream == "Qwen/Qwen2.5-3B-Instruct"


def test_policies_judge_an_ollama_model_like_its_upstream_model() -> None:
    for model, saas in (("mistral", Verdict.PASS), ("command-r", Verdict.FAIL), ("codestral", Verdict.FAIL)):
        subject = resolve_all((Artefact(Kind.OLLAMA, model, None, ()),), default_resolvers())[0]
        assert evaluate(subject, load_policy("saas"), load()).verdict is saas, model


def test_explain_an_ollama_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "ollama:llama3.1"]) == 0
    out = capsys.readouterr().out
    assert "ollama llama3.1" in out and "licence: llama3.1" in out and "meta-llama/Llama-3.1-8B-Instruct" in out
    assert main(["explain", "ollama:qwen2.5:3b", "--policy", "commercial"]) == 0
    assert "qwen-research" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("llama3.1", Context.NAMED, (Kind.OLLAMA, "llama3.1")),
        ("llama3.2:3b", Context.NAMED, (Kind.OLLAMA, "llama3.2:3b")),
        ("my-model:7b", Context.NAMED, (Kind.OLLAMA, "my-model:7b")),
        ("x/z-image-turbo", Context.CERTAIN, (Kind.OLLAMA, "x/z-image-turbo")),
        (
            "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF:Q4_K_M",
            Context.CERTAIN,
            (Kind.MODEL, "bartowski/Llama-3.2-1B-Instruct-GGUF"),
        ),
        ("huggingface.co/org/repo", Context.NAMED, (Kind.MODEL, "org/repo")),
        # the library's namespace and its registry's host name the same model: one artefact, written without them
        ("library/tinyllama:latest", Context.CERTAIN, (Kind.OLLAMA, "tinyllama:latest")),
        ("library/smollm:360m", Context.NAMED, (Kind.OLLAMA, "smollm:360m")),
        ("registry.ollama.ai/library/llama3.1:8b", Context.CERTAIN, (Kind.OLLAMA, "llama3.1:8b")),
        ("registry.ollama.ai/user/model:7b", Context.CERTAIN, (Kind.OLLAMA, "registry.ollama.ai/user/model:7b")),
        ("libraryx/model:7b", Context.CERTAIN, (Kind.OLLAMA, "libraryx/model:7b")),  # a user's namespace stays
    ],
)
def test_recognise_positives(text: str, context: Context, expected: tuple[Kind, str]) -> None:
    assert recognise(text, context) == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("test", Context.CERTAIN),  # a word neither in the table nor tag-shaped
        ("my-assistant", Context.CERTAIN),
        ("chatml", Context.CERTAIN),
        ("org/name", Context.NAMED),  # a Hub id stays the Hub's outside a certain Ollama place
        ("qwen_qwq-32b", Context.NAMED),
        ("http://localhost:11434", Context.CERTAIN),
        ("./models/llama.gguf", Context.CERTAIN),
        ("", Context.CERTAIN),
    ],
)
def test_recognise_negatives(text: str, context: Context) -> None:
    assert recognise(text, context) is None


def test_litellm_prefixes() -> None:
    assert prefixed("ollama/llama3") == (Kind.OLLAMA, "llama3")
    assert prefixed("ollama://library/tinyllama:latest") == (Kind.OLLAMA, "tinyllama:latest")  # RamaLama's spelling
    assert prefixed("ollama_chat/llama3.2:3b") == (Kind.OLLAMA, "llama3.2:3b")
    assert prefixed("ollama_chat/test") is None
    assert prefixed("openai/gpt-4o") is None and prefixed("ollama") is None


def test_parse() -> None:
    found = parse("registry.ollama.ai/library/llama3.1:8b")
    assert found is not None and (found.namespace, found.name, found.tag) == (None, "llama3.1", "8b")
    assert parse("two words") is None
