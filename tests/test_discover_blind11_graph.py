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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # LangChain.js's chat models given their model's name first, in place of `{model}`
        ('const llm = new ChatOpenAI("gpt-4o-mini", { temperature: 0 });', [(A, "gpt-4o-mini", 1)]),
        (
            'import { ChatBedrockConverse } from "../chat_models.js";\n'
            'const model = new ChatBedrockConverse(\n  "anthropic.claude-3-haiku-20240307-v1:0",\n'
            '  { region: "us-east-1" }\n);',
            [(A, "anthropic.claude-3-haiku-20240307-v1:0", 3)],
        ),
        (
            'const modelId = "claude-3-5-haiku-latest";\nconst llm = new ChatAnthropic(modelId);',
            [(A, "claude-3-5-haiku-latest", 1)],
        ),
        ('const llm = new AzureChatOpenAI("gpt-4o");', [(A, "gpt-4o", 1)]),
        # a class named for Ollama is given a library tag, wherever it is imported from
        ('import { ChatOllama } from "../chat_models.js";\nconst m = new ChatOllama("llama3");', [(OL, "llama3", 2)]),
        (
            'import { ChatOllama } from "@langchain/ollama";\nconst m = new ChatOllama("qwen2.5:7b", {});',
            [(OL, "qwen2.5:7b", 2)],
        ),
    ],
)
def test_a_chat_model_given_its_name_first(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a message, a prompt or a history is given text, never a model
        _OLLAMA_IMPORT + 'const m = new ChatMessage("hi", "user");',
        _OLLAMA_IMPORT + 'const p = new ChatPromptTemplate("summarise");',
        _OLLAMA_IMPORT + 'const h = new ChatMessageHistory("session-1");',
        # a name no API knows, under a chat model's class, is nothing outside Ollama
        'const llm = new ChatOpenAI("my-deployment");',
        "const llm = new ChatAnthropic(process.env.MODEL);",
        # a class not named for chat
        'const b = new Chatter("gpt-4o");',
    ],
)
def test_chat_shorthand_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parametrised test's rows, given to the test's `model` parameter
        (
            'it.each(["anthropic.claude-sonnet-4-20250514-v1:0", "mistral.mistral-large-2407-v1:0"])(\n'
            '  "binds tool_choice for %s",\n  (model) => {\n'
            "    const llm = new ChatBedrockConverse({ ...base, model });\n  }\n);",
            [(A, "anthropic.claude-sonnet-4-20250514-v1:0", 1), (A, "mistral.mistral-large-2407-v1:0", 1)],
        ),
        (
            'test.each(["gpt-4o", "gpt-4o-mini"])("works with %s", async (modelName) => {\n'
            "  const llm = new ChatOpenAI({ modelName });\n});",
            [(A, "gpt-4o", 1), (A, "gpt-4o-mini", 1)],
        ),
        (
            'describe.each(["claude-3-5-haiku-latest"])("%s", (model) => {\n'
            "  const llm = new ChatAnthropic({ model: model });\n});",
            [(A, "claude-3-5-haiku-latest", 1)],
        ),
        # a `{model}` shorthand whose name is a loop's or a callback's variable over a list
        (
            'for (const model of ["gpt-4o", "o3-mini"]) {\n'
            "  await client.chat.completions.create({ model, messages });\n}",
            [(A, "gpt-4o", 1), (A, "o3-mini", 1)],
        ),
        (
            'const CANDIDATES = ["gpt-4o"];\n'
            "await Promise.all(CANDIDATES.map((model) => llm.invoke({ model, input })));",
            [(A, "gpt-4o", 1)],
        ),
    ],
)
def test_rows_of_a_parametrised_test_and_iterated_shorthands(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a row given to a parameter not named for a model
        'it.each(["gpt-4o"])("logs %s", (title) => {\n  console.log({ title });\n});',
        'it.each(["hello", "gpt-4o"])("sends %s", (prompt) => {\n  run({ prompt });\n});',
        # `.each` of something other than a test runner
        'cache.each(["gpt-4o"])("x", (model) => {\n  make({ model });\n});',
        # a tagged-template table is not read
        "it.each`\n  model\n  ${'gpt-4o'}\n`(\"t\", ({ model }) => make({ model }));",
        # a shorthand whose name is no loop's variable and bound nowhere
        "function build(model) {\n  return new Runner({ model });\n}",
    ],
)
def test_parametrised_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # LangChain's `provider:model` with Ollama as the provider: the library's tag, whatever the call
        ('const m = await initChatModel("ollama:qwen2.5:14b", { temperature: 0 });', [(OL, "qwen2.5:14b", 1)]),
        ('const agent = createAgent({ model: "ollama:llama3.1", tools: [] });', [(OL, "llama3.1", 1)]),
        ('const cfg = { model: "ollama/llama3" };', [(OL, "llama3", 1)]),  # LiteLLM's route
        (
            'test.each(["ollama:llama3:8b", "ollama:deepseek-r1:1.5b"])("for %s", async (modelName) => {\n'
            "  const model = await initChatModel(modelName);\n});",
            [(OL, "llama3:8b", 1), (OL, "deepseek-r1:1.5b", 1)],
        ),
    ],
)
def test_an_ollama_route_before_a_tag(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const cfg = { model: "ollama/ollama-python" };',  # a repository's path, no model
        'const cfg = { model: "ollama:my-private-model" };',  # a stand-in for the reader's own
        'const m = await initChatModel("ollama:0.6.1");',  # a version, as the server image's tag
    ],
)
def test_ollama_route_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table's rows: each parameter takes its column
        (
            'test.each([\n  ["openai", "gpt-4o-mini"],\n  ["mistralai", "mistral-large-latest"],\n])'
            '("for %s", async (_, modelName) => {\n  const model = await initChatModel(modelName, {});\n});',
            [(A, "gpt-4o-mini", 2), (A, "mistral-large-latest", 3)],
        ),
        (
            'it.each([\n  ["fast", "gpt-4o-mini", 0.2],\n])("%s", (tier, model, temperature) => {\n'
            "  const llm = new ChatOpenAI({ model, temperature });\n});",
            [(A, "gpt-4o-mini", 2)],
        ),
    ],
)
def test_a_later_column_of_a_parametrised_tests_rows(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the column given to a parameter not named for a model
        'test.each([\n  ["gpt-4o-mini", "hello"],\n])("for %s", async (modelName, prompt) => {\n'
        "  await run({ prompt });\n});",
        # a later parameter of a callback that is no parametrised test's
        '["openai"].forEach((provider, model) => {\n  make({ model });\n});',
    ],
)
def test_later_column_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []
