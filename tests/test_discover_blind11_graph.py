"""Forms of LangChain.js examples and LangGraph notebooks (issue 16, blind labels of langchain-ai/langchainjs and
langchain-ai/langgraph): a method chained on a model the file made (`new ChatOllama({...}).bindTools([...])`) is
given tools and schemas, never the model; Ollama's `llama3-groq-tool-use` (Groq's open tool-use fine-tune) is the
library's, not Groq's API; with the look-alikes that stay out."""

from __future__ import annotations

import pytest

from modelpolicy.discover import ollama
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A, OL = Kind.API, Kind.OLLAMA


def named(text: str) -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext("example.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


_OLLAMA_IMPORT = 'import { ChatOllama } from "@langchain/ollama";\n'
_OPENAI_IMPORT = 'import { ChatOpenAI } from "@langchain/openai";\n'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tools bound to a model built in the same expression: their names are the program's, not models
        (
            _OLLAMA_IMPORT + 'const model = new ChatOllama({\n  model: "mistral",\n}).bindTools([\n'
            '  { name: "get_current_weather", description: "Get the weather" },\n]);',
            [(OL, "mistral", 3)],
        ),
        (
            _OLLAMA_IMPORT + 'const model = new ChatOllama({ model: "mistral" }).withStructuredOutput({\n'
            '  name: "information_extraction",\n  parameters: {},\n});',
            [(OL, "mistral", 2)],
        ),
        (
            _OPENAI_IMPORT + 'const model = new ChatOpenAI({ model: "gpt-4o-mini" }).bindTools([{ name: "lookup" }]);',
            [(A, "gpt-4o-mini", 2)],
        ),
        (
            'const llm = (await initChatModel("gpt-4o")).bindTools([{ name: "search_notes" }]);',
            [(A, "gpt-4o", 1)],
        ),
    ],
)
def test_a_method_chained_on_a_built_model_is_given_no_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a provider instance made and called with the name alone: the name is the model
        (
            'import { createOpenAI } from "@ai-sdk/openai";\n'
            'const model = createOpenAI({ apiKey: key }).chat("gpt-4o-mini");',
            [(A, "gpt-4o-mini", 2)],
        ),
        # a provider function given the id, unchained
        (
            'import { bedrock } from "@ai-sdk/amazon-bedrock";\n'
            'const model = bedrock("anthropic.claude-3-haiku-20240307-v1:0");',
            [(A, "anthropic.claude-3-haiku-20240307-v1:0", 2)],
        ),
    ],
)
def test_a_name_given_alone_is_still_read(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


def test_llama3_groq_tool_use_is_an_ollama_library_model() -> None:
    text = _OLLAMA_IMPORT + 'const model = new ChatOllama({\n  model: "llama3-groq-tool-use",\n});'
    assert named(text) == [(OL, "llama3-groq-tool-use", 3)]
    entry = load_knowledge().ollama("llama3-groq-tool-use")
    assert entry is not None and entry.license == "llama3"
    assert ollama.recognise("llama3-groq-tool-use:70b", ollama.Context.NAMED) == (OL, "llama3-groq-tool-use:70b")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Groq's own hosted names of those fine-tunes stay Groq's
        (
            'import { ChatGroq } from "@langchain/groq";\n'
            'const model = new ChatGroq({ model: "llama3-groq-70b-8192-tool-use-preview" });',
            [(A, "llama3-groq-70b-8192-tool-use-preview", 2)],
        ),
        # outside an Ollama file the library's bare name is no Groq model (Groq never served it so)
        ('const settings = { model: "llama3-groq-tool-use" };', []),
    ],
)
def test_groq_hosted_names_of_the_tool_use_models(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected
