"""Forms of TypeScript tools' model catalogues (issue 16, blind labels of bolt.diy and GenAIScript): a tool's own
`provider:` ids before an API's name (`github:gpt-4o`, `azure_serverless:gpt-4o`), and a provider's table of
`aliases` mapping roles to models; with the look-alikes that stay out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.discover import apis, discover, identity, ollama
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind


def _found(tmp_path: Path) -> set[tuple[Kind, str, str, int]]:
    return {(a.kind, a.id, r.path, r.line) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("github:gpt-4o", "openai"),  # GenAIScript's GitHub Models provider
        ("azure_serverless:gpt-4o", "openai"),
        ("azure_ai_inference:gpt-4o-mini", "openai"),
        ("anthropic_bedrock:claude-3-7-sonnet-latest", "anthropic"),
        ("my_gateway:gemini-2.0-flash", "google"),
    ],
)
def test_an_unlisted_provider_prefix_before_an_api_name(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider
    assert apis.routed(name) == name
    assert ollama.recognise(name, ollama.Context.NAMED) is None  # not a model named `github` tagged `gpt-4o`


@pytest.mark.parametrize(
    "name",
    [
        "llama3:8b",  # an Ollama tag
        "mistral:o1",  # an Ollama library name before the colon is Ollama's, whatever its tag
        "github_copilot_chat:current",  # a word after the colon
        "azure_ai_inference:deepseek-r1",  # a name no provider serves everywhere
        "github:org/gpt-4o",  # a path after the colon
        "Github-Models:gpt-4o",  # no provider id is so spelled
        "12:gpt-4o",
    ],
)
def test_unlisted_prefix_look_alikes_stay_unrouted(name: str) -> None:
    assert apis.routed(name) is None


def test_unlisted_provider_prefixes_in_a_script(tmp_path: Path) -> None:
    (tmp_path / "poem.genai.mjs").write_text(
        'script({ model: "github:gpt-4o" })\n'
        'const res = await prompt`write a poem`.options({ model: "azure_serverless:gpt-4o" })\n'
        'const other = await runPrompt("x", { model: "github_copilot_chat:current" })\n',
        encoding="utf-8",
    )
    assert _found(tmp_path) == {
        (Kind.API, "github:gpt-4o", "poem.genai.mjs", 1),
        (Kind.API, "azure_serverless:gpt-4o", "poem.genai.mjs", 2),
    }


def test_a_providers_aliases_table_in_json(tmp_path: Path) -> None:
    """GenAIScript's `llms.json`: each provider's `aliases` map the roles a script asks for to the models it gets."""
    document = {
        "providers": [
            {"id": "openai", "aliases": {"large": "gpt-4.1", "small": "gpt-4.1-mini", "transcription": "whisper-1"}},
            {
                "id": "huggingface",
                "aliases": {"large": "meta-llama/Llama-3.3-70B-Instruct", "small": "microsoft/phi-4"},
            },
        ]
    }
    (tmp_path / "llms.json").write_text(json.dumps(document, indent=4), encoding="utf-8")
    found = {(kind, name) for kind, name, _, _ in _found(tmp_path)}
    assert found == {
        (Kind.API, "gpt-4.1"),
        (Kind.API, "gpt-4.1-mini"),
        (Kind.API, "whisper-1"),
        (Kind.MODEL, "meta-llama/Llama-3.3-70B-Instruct"),
        (Kind.MODEL, "microsoft/phi-4"),
    }


@pytest.mark.parametrize(
    "aliases",
    [
        {"react": "preact/compat", "react-dom": "preact/compat"},  # a bundler's module aliases
        {"co": "checkout", "st": "status"},  # a shell's or git's command aliases
        {"large": "gpt-4.1", "tiny": "my-own-model"},  # not every value is a model's id
        {"large": "gpt-4.1"},  # one value says too little
    ],
)
def test_aliases_tables_that_name_no_models(tmp_path: Path, aliases: dict[str, str]) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"aliases": aliases}, indent=2), encoding="utf-8")
    assert _found(tmp_path) == set()


@pytest.mark.parametrize(
    ("written", "model"),
    [
        ("claude-3-7-sonnet-latest:high", "claude-3-7-sonnet-latest"),  # GenAIScript's `model:effort`
        ("o3-mini:low", "o3-mini"),
        ("anthropic.claude-3-7-sonnet-20250219-v1:0:high", "anthropic.claude-3-7-sonnet-20250219-v1:0"),
        ("anthropic.claude-3-7-sonnet-20250219-v1:0:0", "anthropic.claude-3-7-sonnet-20250219-v1:0"),
        ("anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-haiku-20241022-v1:0"),  # Bedrock's own
    ],
)
def test_a_reasoning_effort_after_the_name(written: str, model: str) -> None:
    assert apis.named(written) == model


def test_a_reasoning_effort_after_a_routed_name() -> None:
    assert apis.routed("anthropic:claude-3-7-sonnet-latest:medium") == "anthropic:claude-3-7-sonnet-latest"


@pytest.mark.parametrize("written", ["qwen3:high", "llama3.1:8b", "mistral:low", "high", ":high"])
def test_effort_look_alikes_name_no_api(written: str) -> None:
    assert apis.named(written) is None


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("ollama:bespoke-minicheck", "bespoke-minicheck"),  # a name the library table does not list
        ("ollama://reader-lm", "reader-lm"),
        ("ollama:sqlcoder-custom", "sqlcoder-custom"),
    ],
)
def test_an_ollama_prefix_before_an_unlisted_name(written: str, name: str) -> None:
    assert ollama.prefixed(written) == (Kind.OLLAMA, name)


@pytest.mark.parametrize(
    "written",
    [
        "ollama/ollama-python",  # a GitHub repository
        "ollama/my-model",  # `ollama/` is also an owner on the Hub and GitHub
        "ollama:latest",  # the server image's tags
        "ollama:rocm",
        "ollama:0.6.1-rocm",
        "ollama:v0.6",
        "ollama:models",  # a word
        "ollama:my-private-model",  # a stand-in for the reader's own
    ],
)
def test_ollama_prefix_look_alikes(written: str) -> None:
    assert ollama.prefixed(written) is None


def test_an_unlisted_ollama_model_in_a_script(tmp_path: Path) -> None:
    (tmp_path / "check.genai.mjs").write_text(
        'const res = await runPrompt("x", {\n    model: "ollama:bespoke-minicheck",\n})\n', encoding="utf-8"
    )
    assert _found(tmp_path) == {(Kind.OLLAMA, "bespoke-minicheck", "check.genai.mjs", 2)}


@pytest.mark.parametrize(
    ("written", "repo"),
    [
        ("transformers:onnx-community/Qwen2.5-Coder-0.5B-Instruct:q4", "onnx-community/Qwen2.5-Coder-0.5B-Instruct"),
        ("transformers:Xenova/all-MiniLM-L6-v2", "Xenova/all-MiniLM-L6-v2"),
        ("huggingface:microsoft/Phi-3-mini-4k-instruct", "microsoft/Phi-3-mini-4k-instruct"),
    ],
)
def test_genaiscripts_hub_providers(written: str, repo: str) -> None:
    assert identity.hub_provider_routed(written) == repo


@pytest.mark.parametrize(
    "written",
    ["transformers:4.40.0", "transformers:models/bert", "transformers:./local/model", "transformers:org/x:main"],
)
def test_hub_provider_look_alikes(written: str) -> None:
    assert identity.hub_provider_routed(written) is None


def test_a_transformers_provider_model_in_a_script(tmp_path: Path) -> None:
    (tmp_path / "local.genai.mjs").write_text(
        'script({\n    model: "transformers:onnx-community/Qwen2.5-Coder-0.5B-Instruct:q4",\n})\n', encoding="utf-8"
    )
    assert _found(tmp_path) == {(Kind.MODEL, "onnx-community/Qwen2.5-Coder-0.5B-Instruct", "local.genai.mjs", 2)}


@pytest.mark.parametrize(
    "name", ["deepseek/deepseek-r1", "deepseek/deepseek-chat-v3-0324", "deepseek/deepseek-v3.2", "deepseek:deepseek-r1"]
)
def test_deepseeks_open_models_behind_its_route(name: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == "deepseek"
    assert apis.routed(name) == name


@pytest.mark.parametrize("name", ["deepseek-r1", "deepseek-v3", "deepseek-ai/DeepSeek-R1", "deepseek/config.json"])
def test_deepseeks_open_models_without_its_route_are_not_its(name: str) -> None:
    assert apis.routed(name) is None
    assert apis.named(name) is None


def test_deepseek_v3_2_names_where_the_file_shows_deepseeks_api(tmp_path: Path) -> None:
    (tmp_path / "deepseek.ts").write_text(
        "export default class DeepseekProvider {\n"
        "  config = { apiTokenKey: 'DEEPSEEK_API_KEY' };\n"
        "  staticModels: ModelInfo[] = [\n"
        "    { name: 'deepseek-chat', label: 'Deepseek-Chat', maxTokenAllowed: 128000 },\n"
        "    { name: 'deepseek-v3.2-speciale', label: 'DeepSeek V3.2 Speciale', maxTokenAllowed: 128000 },\n"
        "  ];\n"
        "}\n",
        encoding="utf-8",
    )
    (tmp_path / "other.ts").write_text("const models = [{ name: 'deepseek-v3.2', label: 'V3.2' }]\n", encoding="utf-8")
    assert _found(tmp_path) == {
        (Kind.API, "deepseek-chat", "deepseek.ts", 4),
        (Kind.API, "deepseek-v3.2-speciale", "deepseek.ts", 5),
    }


def test_the_aliases_of_an_ollama_provider(tmp_path: Path) -> None:
    document = {
        "providers": [
            {"id": "ollama", "aliases": {"embeddings": "nomic-embed-text", "small": "llama3.2:1b", "note": "local"}},
            {"id": "whisperasr", "aliases": {"transcription": "default"}},
        ]
    }
    (tmp_path / "llms.json").write_text(json.dumps(document, indent=4), encoding="utf-8")
    assert {(kind, name) for kind, name, _, _ in _found(tmp_path)} == {
        (Kind.OLLAMA, "nomic-embed-text"),
        (Kind.OLLAMA, "llama3.2:1b"),
    }


@pytest.mark.parametrize("written", ["azure_ai_inference:deepseek-r1", "my_provider:llama3.1", "vendor:qwen2.5"])
def test_a_provider_before_an_ollama_library_name_is_no_tagged_name(written: str) -> None:
    assert ollama.recognise(written, ollama.Context.NAMED) is None


@pytest.mark.parametrize("written", ["my-model:7b", "llama3.1:8b", "qwen2.5:7b-instruct", "mistral:latest"])
def test_tagged_names_stay_ollamas(written: str) -> None:
    assert ollama.recognise(written, ollama.Context.NAMED) == (Kind.OLLAMA, written)
