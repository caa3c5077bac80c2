"""LangChain.js's universal constructor `initChatModel(ID, options)`: its first argument is a hosted API's model name
(or `provider:name`), an Ollama library tag when its options say Ollama serves it (`{modelProvider: "ollama"}`), and
the look-alikes that stay out (a made-up name, an unset model, a template, a name no provider or library knows)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A, OL = Kind.MODEL, Kind.API, Kind.OLLAMA


def named(text: str) -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext("graph.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hosted API's name, with or without options
        (
            'import { initChatModel } from "langchain/chat_models/universal";\n'
            'const model = await initChatModel("gemini-2.0-flash", {\n  modelProvider: "google-genai",\n});',
            [(A, "gemini-2.0-flash", 2)],
        ),
        ('const m = await initChatModel("claude-3-5-sonnet-latest");', [(A, "claude-3-5-sonnet-latest", 1)]),
        ('const m = await initChatModel("openai:gpt-4o-mini", { temperature: 0 });', [(A, "openai:gpt-4o-mini", 1)]),
        # followed through a constant
        ('const MODEL = "gpt-4o-mini";\nconst m = await initChatModel(MODEL);', [(A, "gpt-4o-mini", 1)]),
        # options that say Ollama serves it: the library's name, a tagged one, a Hub model Ollama pulls
        ('const m = await initChatModel("llama3.1", { modelProvider: "ollama" });', [(OL, "llama3.1", 1)]),
        ('const m = await initChatModel("qwen2.5:7b", { modelProvider: "ollama" });', [(OL, "qwen2.5:7b", 1)]),
        (
            'const m = await initChatModel("hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF", { modelProvider: "ollama" });',
            [(M, "bartowski/Llama-3.2-1B-Instruct-GGUF", 1)],
        ),
        # a model's card whose provider is said by `modelProvider`
        ('const settings = { modelProvider: "ollama", model: "mistral" };', [(OL, "mistral", 1)]),
    ],
)
def test_init_chat_model_names_its_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the model left to the caller's configuration
        'const m = await initChatModel(undefined, { configurableFields: "any" });',
        "const m = await initChatModel(modelName, { modelProvider });",
        # a template is no id
        "const m = await initChatModel(`${provider}:${name}`);",
        # a name no provider and no library knows, nor an Ollama name without Ollama in its options
        'const m = await initChatModel("my-model", { modelProvider: "openai" });',
        'const m = await initChatModel("llama3.1");',
        'const m = await initChatModel("my-finetune", { modelProvider: "ollama" });',
        'const m = await initChatModel("./models/local", { modelProvider: "ollama" });',
        # another function with a model-like first argument
        'const ok = isChatModel("gpt-4o");',
        # a card another provider serves: `mistral` is then no Ollama tag
        'const settings = { modelProvider: "mistralai", model: "mistral" };',
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []
