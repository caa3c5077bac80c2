"""Forms of the twelfth blind wave's model catalogues (big-AGI's per-vendor tables of models, in TypeScript): an Ollama
library catalogue named for Ollama, holding names newer than the knowledge base knows."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A, OLLAMA = Kind.MODEL, Kind.API, Kind.OLLAMA


def find(text: str, path: str) -> set[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: value.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


def find_py(text: str, path: str) -> set[tuple[Kind, str, int]]:
    references = PythonSource().find(text, FileContext(path, lambda value: False))
    return {(r.kind, r.text, r.line) for r in references}


# --- a table named for Ollama ---------------------------------------------------------------------------------------

_OLLAMA_NAMED_TABLE = """export const OLLAMA_BASE_MODELS: { [key: string]: { pulls: number } } = {
  'qwen3.8': { pulls: 213000, tags: ['thinking', '27b'] },
  'ornith': { pulls: 389000, tags: ['9b', '35b'] },
  'muse-glimmer': { pulls: 120000 },
  'llama3.1': { pulls: 108000000, tags: ['8b', '70b'] },
  'mistral': { pulls: 31900000, tags: ['7b'] },
};
"""


def test_a_table_named_for_ollama_holds_its_models_known_or_not() -> None:
    assert find(_OLLAMA_NAMED_TABLE, "src/modules/llms/server/ollama/ollama.models.ts") == {
        (OLLAMA, "qwen3.8", 2),
        (OLLAMA, "ornith", 3),
        (OLLAMA, "muse-glimmer", 4),
        (OLLAMA, "llama3.1", 5),
        (OLLAMA, "mistral", 6),
    }


def test_a_python_table_named_for_ollama_holds_its_models() -> None:
    text = 'import ollama\nOLLAMA_MODELS = {"qwen3.8": {}, "ornith": {}, "muse-x": {}, "llama3.1": {}, "phi3": 1}\n'
    assert {found[1] for found in find_py(text, "app/models.py") if found[0] is OLLAMA} == {
        "qwen3.8",
        "ornith",
        "muse-x",
        "llama3.1",
        "phi3",
    }


@pytest.mark.parametrize(
    ("text", "path"),
    [
        # named for Ollama, but no name the library knows among its keys: the program's roles
        (
            'import ollama from "ollama";\nconst OLLAMA_MODELS = {"fast": {}, "big": {}, "vision": {}, "embed": 1};\n',
            "src/models.ts",
        ),
        # not named for Ollama: most keys must be the library's
        (_OLLAMA_NAMED_TABLE.replace("OLLAMA_BASE_MODELS", "BASE_MODELS"), "src/ollama/models.ts"),
    ],
)
def test_ollama_named_table_look_alikes(text: str, path: str) -> None:
    assert {found for found in find(text, path) if found[0] is OLLAMA} == set()


def test_a_table_named_for_ollama_with_a_hub_id_among_its_keys_is_no_catalogue() -> None:
    text = 'import ollama from "ollama";\nconst OLLAMA_MODELS = {"org/x": {}, "qwen3.8": {}, "llama3.1": {}, "y": 1};\n'
    found = {found[1] for found in find(text, "src/models.ts") if found[0] is OLLAMA}
    assert "qwen3.8" not in found and "y" not in found


def test_python_ollama_named_table_look_alike() -> None:
    text = 'import ollama\nOLLAMA_MODELS = {"fast": {}, "smart": {}, "vision": {}, "embed": {}}\n'
    assert {found for found in find_py(text, "app/models.py") if found[0] is OLLAMA} == set()


# --- a list of cards passed to a helper that types it, each card's id written as the prefix it is matched by ----------

_DEFINED_CARDS = """const _knownDeepseekChatModels = llmsDefineManualMappings([
  {
    idPrefix: 'deepseek-v4-pro',
    label: 'DeepSeek V4 Pro',
    contextWindow: 1_048_576,
  },
  { idPrefix: 'deepseek-chat', label: 'DeepSeek Chat (legacy)' },
]);
const _knownGroqModels = llmsDefineModels<_GroqModelDef>()([
  { idPrefix: 'openai/gpt-oss-120b', label: 'GPT OSS 120B' },
  { idPrefix: 'groq/compound', label: 'Compound' },
]);
"""


def test_cards_passed_alone_to_a_helper_that_types_them_are_a_list_of_models() -> None:
    assert find(_DEFINED_CARDS, "src/llms/deepseek.models.ts") == {
        (A, "deepseek-v4-pro", 3),
        (A, "deepseek-chat", 7),
        (M, "openai/gpt-oss-120b", 10),
        (A, "groq/compound", 11),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a helper given more than the list: not a list given back
        "const MODELS = useMemo(() => pick(list), ['deepseek-chat', 'gpt-4o']);\n",
        # a list not named for models
        "const PROMPTS = llmsDefineManualMappings([{ idPrefix: 'deepseek-chat', label: 'x' }]);\n",
        # a card's id prefix that is a word, not a model's name
        "const _knownModels = llmsDefineManualMappings([{ idPrefix: 'custom', label: 'Custom' }]);\n",
        # a helper given an object, not a list
        "const MODELS = configure({ fallback: 'x', idPrefix: 'y' });\n",
    ],
)
def test_defined_list_look_alikes(text: str) -> None:
    assert find(text, "src/llms/models.ts") == set()


# --- Mistral's audio, coding-agent and Labs models ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "voxtral-small-2507",
        "voxtral-mini-latest",
        "mistral-vibe-cli-latest",
        "mistral-code-fim-latest",
        "labs-leanstral-1-5",
        "labs-devstral-small-2512",
        "labs-mistral-small-creative",
    ],
)
def test_mistrals_audio_coding_and_labs_models_are_its_apis(name: str) -> None:
    assert apis.named(name) == name
    assert find(f"const model = '{name}';\n", "src/chat.ts") == {(A, name, 1)}


@pytest.mark.parametrize(
    "name",
    [
        "voxtral",  # the family, no model
        "voxtral-model",  # a folder of weights (LocalAI's gallery)
        "voxtral-mini-4b-realtime",  # another program's name for the open weights, by size
        "voxtral-mini-3b-instruct-2507",  # the open weights' name on the Hub, without its owner
        "mistral-code",  # a product's name
        "labs-experiments",  # a word of another program
        "labs-foo-1",
    ],
)
def test_mistral_look_alikes_name_no_api(name: str) -> None:
    assert apis.named(name) is None
