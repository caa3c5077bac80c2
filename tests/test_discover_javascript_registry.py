"""The Vercel AI SDK's other model kinds and its provider registry: `provider.embeddingModel(ID)`,
`registry.speechModel("key:name")`, and an owner's open weights behind a provider (`groq("openai/gpt-oss-120b")`);
with the look-alikes that stay out (a registry's aliases, a custom provider's names)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def named(text: str) -> list[tuple[Kind, str]]:
    found = JavaScriptSource().find(text, FileContext("app.ts", lambda value: False))
    return [(r.kind, r.text) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the SDK's model kinds, of any provider instance the file made
        ("const model = togetherai.embeddingModel('BAAI/bge-large-en-v1.5');", [(M, "BAAI/bge-large-en-v1.5")]),
        ("embed({ model: google.embeddingModel('gemini-embedding-001'), value })", [(A, "gemini-embedding-001")]),
        ("const m = cohere.rerankingModel('rerank-v3.5');", [(A, "rerank-v3.5")]),
        ("const m = provider.transcriptionModel('whisper-1');", [(A, "whisper-1")]),
        ("const m = provider.speechModel('eleven_multilingual_v2');", [(A, "eleven_multilingual_v2")]),
        # a provider registry's `key:name`, whatever the key
        ("registry.speechModel('elevenLabs:eleven_multilingual_v2')", [(A, "eleven_multilingual_v2")]),
        ("registry.languageModel('my-openai:gpt-4o-mini')", [(A, "gpt-4o-mini")]),
        (
            "import { groq } from '@ai-sdk/groq';\nregistry.languageModel('groq:gemma2-9b-it')",
            [(A, "groq:gemma2-9b-it")],
        ),  # a route, as written
        # an owner's open weights behind a provider: the Hub's model, not the gateway's hosted name
        ("generateText({ model: groq('openai/gpt-oss-120b'), prompt })", [(M, "openai/gpt-oss-120b")]),
        ("const m = gateway('openai/gpt-oss-20b');", [(M, "openai/gpt-oss-20b")]),
        ("const m = gateway('xai/grok-3');", [(A, "grok-3")]),
        # Bedrock's version after a colon is the name's own
        ("amazonBedrock.embeddingModel('amazon.titan-embed-text-v2:0')", [(A, "amazon.titan-embed-text-v2:0")]),
        (
            "registry.embeddingModel('bedrock:amazon.titan-embed-text-v2:0')",
            [(A, "bedrock:amazon.titan-embed-text-v2:0")],
        ),
        ("registry.embeddingModel('aws:amazon.titan-embed-text-v2:0')", [(A, "amazon.titan-embed-text-v2:0")]),
    ],
)
def test_forms_name_their_model(text: str, expected: list[tuple[Kind, str]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a registry's aliases and a custom provider's own names
        "registry.languageModel('anthropic:haiku')",
        "registry.languageModel('myapp:default')",
        "custom.embeddingModel('powerful-embedding-model')",
        "myProvider.videoModel('luma-ray-2')",
        # an Ollama tag is no registry key and name
        "registry.languageModel('llama3.1:8b')",
        # a method so named, given prose or a path
        "provider.speechModel('not a model')",
        "loader.embeddingModel('./models/local')",
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provider instance the file made, bound to a model's name
        (
            "const model = amazonBedrock('us.anthropic.claude-sonnet-4-5-20250929-v1:0');",
            [(A, "us.anthropic.claude-sonnet-4-5-20250929-v1:0")],
        ),
        ("const model = await lmstudio('bartowski/gemma-2-9b-it-GGUF');", [(M, "bartowski/gemma-2-9b-it-GGUF")]),
        ("const embeddingModel = myProvider('text-embedding-3-small');", [(A, "text-embedding-3-small")]),
        # a module, a path, a word given to a call so bound
        ("const tokenizer = require('gpt-3-encoder');", []),
        ("const model = path.join('src/models', name);", []),
        ("const model = import.meta.resolve('pkg/model');", []),
        ("const modelPath = fileURLToPath('file/model');", []),
        ("const model = loadModel('./models/local');", []),
        ("const model = getModel('default');", []),
        ("const model = useState('');", []),
    ],
)
def test_a_binding_made_with_a_provider_call(text: str, expected: list[tuple[Kind, str]]) -> None:
    assert named(text) == expected
