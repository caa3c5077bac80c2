"""How a JavaScript or TypeScript app offers models (issue 16): a picker's list (`MODEL_OPTIONS`, `modelList`) of ids or
of `{value: ID, label: "Label"}` options, a plural name's object of ids (`const MODELS = {fast: ID}`), and a JSX
attribute named for a model (`<Chat model="gpt-4o" />`). Look-alikes: a list named for something else of a model's
(`modelIcons`, `MODEL_TYPES`), a picker's options object of settings, labels and placeholders."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API


def find(text: str, path: str = "src/app.tsx") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, FileContext(path, lambda _: False))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'export const MODEL_OPTIONS = [\n  { value: "gpt-4o", label: "GPT-4o" },\n'
            '  { value: "o3-mini", label: "o3" },\n];\n',
            {(A, "gpt-4o", 2), (A, "o3-mini", 3)},
        ),
        (
            'const modelList = ["gpt-4o-mini", "meta-llama/Llama-3.1-8B-Instruct"];\n',
            {
                (A, "gpt-4o-mini", 1),
                (M, "meta-llama/Llama-3.1-8B-Instruct", 1),
            },
        ),
        (
            'const embeddingModelChoices = [{ label: "Small", value: "text-embedding-3-small" }];\n',
            {(A, "text-embedding-3-small", 1)},
        ),
        ('const datasetOptions = ["org/data"];\n', {(D, "org/data", 1)}),
        # an option whose `name` is a label and whose `value` is the id
        ('const models = [{ name: "GPT-4o", value: "gpt-4o" }];\n', {(A, "gpt-4o", 1)}),
        # a plural name's object: its values are the ids, by role
        (
            'const MODELS = { fast: "gpt-4o-mini", smart: "claude-3-5-sonnet-latest" };\n',
            {
                (A, "gpt-4o-mini", 1),
                (A, "claude-3-5-sonnet-latest", 1),
            },
        ),
        ('const models: Record<string, string> = { fast: "o1-mini" };\n', {(A, "o1-mini", 1)}),
    ],
)
def test_a_pickers_list_holds_the_models_offered(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const modelIcons = ["openai/logo"];\n',  # a list of a model's other things
        'const MODEL_TYPES = ["org/x"];\n',
        'const optionsList = ["gpt-4o"];\n',  # nothing says what is picked
        'const modelOptions = { temperature: 0.2, stop: "gpt-4o" };\n',  # a model's settings, not a list
        'const labels = ["gpt-4o"];\n',
        'const model = { name: "GPT-4o", value: "fast" };\n',  # one model's label and a word
    ],
)
def test_picker_look_alikes(text: str) -> None:
    assert find(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('const el = <Chat model="gpt-4o" />;\n', {(A, "gpt-4o", 1)}),
        ('const el = <ModelPicker defaultModel={"claude-3-5-haiku-latest"} />;\n', {(A, "claude-3-5-haiku-latest", 1)}),
        ('const el = <Embedder modelId="BAAI/bge-small-en-v1.5" />;\n', {(M, "BAAI/bge-small-en-v1.5", 1)}),
        ('const DEFAULT = "gpt-4o-mini";\nconst el = <Chat model={DEFAULT} />;\n', {(A, "gpt-4o-mini", 1)}),
    ],
)
def test_a_jsx_attribute_named_for_a_model(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        'const el = <Input placeholder="gpt-4o" />;\n',
        'const el = <option value="gpt-4o">GPT-4o</option>;\n',  # which list it is in is not said
        'const el = <img alt="gpt-4o" src="/gpt.png" />;\n',
        'const el = <Field name="model" label="Model" />;\n',
        "const el = <Chat model={current.model} />;\n",
        "const el = <Chat model />;\n",
        "const el = <p>Use gpt-4o for this</p>;\n",
    ],
)
def test_jsx_look_alikes(text: str) -> None:
    assert find(text) == set()


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("src/chat.js", 'function chat(prompt, model = "gpt-4o") {}\n', {(A, "gpt-4o", 1)}),
        (
            "src/chat.ts",
            'async function chat(prompt: string, model: string = "gpt-4.1-mini") {}\n',
            {(A, "gpt-4.1-mini", 1)},
        ),
        (
            "src/chat.ts",
            'const chat = ({ modelName = "claude-3-5-haiku-20241022" } = {}) => 1;\n',
            {(A, "claude-3-5-haiku-20241022", 1)},
        ),
        (
            "src/models.ts",
            'enum Models {\n  Fast = "gpt-4o-mini",\n  Smart = "o1",\n}\n',
            {
                (A, "gpt-4o-mini", 2),
                (A, "o1", 3),
            },
        ),
        (
            "src/models.ts",
            'export type ModelId = "gemini-1.5-pro" | "gemini-1.5-flash";\n',
            {
                (A, "gemini-1.5-pro", 1),
                (A, "gemini-1.5-flash", 1),
            },
        ),
        (
            "src/models.ts",
            'interface Settings {\n  model: "o3-mini" | "gpt-4o";\n}\n',
            {
                (A, "o3-mini", 2),
                (A, "gpt-4o", 2),
            },
        ),
        (
            "src/embed.ts",
            'function embed(text: string, modelId = "BAAI/bge-small-en-v1.5") {}\n',
            {(M, "BAAI/bge-small-en-v1.5", 1)},
        ),
    ],
)
def test_a_declaration_named_for_a_model(path: str, text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("src/chat.js", 'function chat(prompt = "gpt-4o", temperature = 0.2) {}\n'),
        ("src/chat.ts", 'function chat(title: string = "gpt-4o") {}\n'),
        ("src/models.ts", 'enum ModelProvider { OpenAI = "openai", Anthropic = "anthropic" }\n'),
        ("src/models.ts", 'enum Labels { Fast = "gpt-4o-mini" }\n'),
        ("src/models.ts", 'type Role = "user" | "assistant";\n'),
        ("src/models.ts", "type ModelId = string;\n"),
        ("src/models.ts", 'interface Settings { model: string; title: "gpt-4o" }\n'),
        ("src/models.ts", 'type ModelKind = "chat" | "embedding";\n'),
    ],
)
def test_declaration_look_alikes(path: str, text: str) -> None:
    assert find(text, path) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'function getModel(tier) {\n  if (tier === "fast") return "gpt-4o-mini";\n  return "gpt-4o";\n}\n',
            {(A, "gpt-4o-mini", 2), (A, "gpt-4o", 3)},
        ),
        ('export const defaultModel = () => "o3-mini";\n', {(A, "o3-mini", 1)}),
        (
            'class Settings {\n  getEmbeddingModel() {\n    return "text-embedding-3-small";\n  }\n}\n',
            {(A, "text-embedding-3-small", 3)},
        ),
        (
            'const MODEL_PRICES = { "gpt-4o-mini": { input: 0.15 }, "org/x": {} };\n',
            {
                (A, "gpt-4o-mini", 1),
                (M, "org/x", 1),
            },
        ),
    ],
)
def test_what_a_function_named_for_a_model_returns(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text, "src/models.ts") == expected


@pytest.mark.parametrize(
    "text",
    [
        'function getTitle() {\n  return "gpt-4o";\n}\n',  # not named for a model
        'function getModel() {\n  const label = () => "gpt-4o";\n  return label;\n}\n',  # a nested function's
        'function getModel() {\n  const f = () => {\n    return "gpt-4o";\n  };\n  return f();\n}\n',
        'function selectModel() {\n  return "Select a model";\n}\n',
        "function getModel(m) {\n  return m.name;\n}\n",
        'const MODEL_PRICES = { "default": { input: 0 }, fast: "x" };\n',  # keys that name nothing
    ],
)
def test_function_return_look_alikes(text: str) -> None:
    assert find(text, "src/models.ts") == set()


def test_beside_an_ollama_client_a_hosted_api_name_stays_the_apis() -> None:
    text = (
        'import ollama from "ollama";\n'
        'await openai.chat.completions.create({ model: "gpt-4o", messages });\n'
        'await anthropic.messages.create({ model: "claude-3-7-sonnet-20250219", max_tokens: 1 });\n'
        'await ollama.chat({ model: "llama3.1", messages });\n'
        'await ollama.chat({ model: "gpt-oss" });\n'  # both an Ollama library name and like an API's: Ollama's
        'await ollama.chat({ model: "qwen3:8b" });\n'
    )
    assert find(text, "src/chat.ts") == {
        (A, "gpt-4o", 2),
        (A, "claude-3-7-sonnet-20250219", 3),
        (Kind.OLLAMA, "llama3.1", 4),
        (Kind.OLLAMA, "gpt-oss", 5),
        (Kind.OLLAMA, "qwen3:8b", 6),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'const lmstudio = createOpenAICompatible({ baseURL: URL });\nstreamText({ model: lmstudio("org/x") });\n',
            {(M, "org/x", 2)},
        ),
        ('const r = generateText({ model: myProvider("gpt-4o-mini"), prompt });\n', {(A, "gpt-4o-mini", 1)}),
        ('const s = z.object({ model: z.string().default("gpt-4o") });\n', {(A, "gpt-4o", 1)}),
    ],
)
def test_a_call_under_a_key_named_for_a_model_is_given_the_id(text: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(text, "src/chat.ts") == expected


@pytest.mark.parametrize(
    "text",
    [
        'const a = { model: t("settings.model") };\n',  # a translation key
        'const b = { modelPath: path.resolve("models/llama.gguf") };\n',
        'const c = { model: getModel("fast") };\n',
        "const d = { model: JSON.parse(raw) };\n",
        'const e = { title: format("gpt-4o") };\n',  # not under a model's key
    ],
)
def test_call_under_a_model_key_look_alikes(text: str) -> None:
    assert find(text, "src/chat.ts") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'export enum HuggingFaceEmbeddingModelType {\n  XENOVA_ALL_MINILM_L6_V2 = "Xenova/all-MiniLM-L6-v2",\n}\n',
            {(M, "Xenova/all-MiniLM-L6-v2", 2)},
        ),
        (
            'export enum MistralAIEmbeddingModelType {\n  MISTRAL_EMBED = "mistral-embed",\n}\n',
            {(A, "mistral-embed", 2)},
        ),
        ('type ModelType = "gpt-4o" | "org/x-7b";\n', {(A, "gpt-4o", 1), (M, "org/x-7b", 1)}),
    ],
)
def test_an_enum_or_type_named_as_a_models_type_names_the_ids_it_lists(
    text: str, expected: set[tuple[Kind, str, int]]
) -> None:
    assert find(text, "src/shared.ts") == expected


@pytest.mark.parametrize(
    "text",
    [
        'export type ModelType = "vision" | "audio" | "embeddings" | "text";\n',
        'export enum ModelType {\n  "LLM" = 0,\n  "embedding" = 1,\n  "VLM" = 2,\n}\n',
        'type ModelType = "chat" | "image" | "video";\n',
        # a word or an Ollama tag is a kind there, even in a file that calls Ollama
        'import ollama from "ollama";\nexport type ModelType = "base" | "lora" | "llama3:8b";\n',
        'enum ProviderType { OpenAI = "gpt-4o" }\n',  # not a model's type
        'enum ModelTypeName { A = "org/x" }\n',
    ],
)
def test_model_type_look_alikes(text: str) -> None:
    assert find(text, "src/types.ts") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Settings.embedModel = new HuggingFaceEmbedding({ modelType: "BAAI/bge-small-en-v1.5" });\n',
            {(M, "BAAI/bge-small-en-v1.5", 1)},
        ),
        # an owner's model stays the Hub's in a file that calls Ollama too
        (
            'import { Ollama } from "@llamaindex/ollama";\nconst llm = new Ollama({ model: "mixtral:8x7b" });\n'
            'const e = new HuggingFaceEmbedding({ modelType: "BAAI/bge-small-en-v1.5" });\n',
            {(Kind.OLLAMA, "mixtral:8x7b", 2), (M, "BAAI/bge-small-en-v1.5", 3)},
        ),
    ],
)
def test_a_key_named_as_a_models_type_holds_an_id_written_as_one(
    text: str, expected: set[tuple[Kind, str, int]]
) -> None:
    assert find(text, "src/embed.ts") == expected


@pytest.mark.parametrize(
    "text",
    [
        'const cfg = { modelType: "llm" };\n',
        'const cfg = { modelType: "chat", model: undefined };\n',
        'import ollama from "ollama";\nconst cfg = { modelType: "embedding" };\n',
        'const cfg = { modelType: "./models/bge" };\n',
    ],
)
def test_model_type_key_look_alikes(text: str) -> None:
    assert find(text, "src/embed.ts") == set()
