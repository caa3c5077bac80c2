"""Forms found on a commit-message CLI the benchmark does not label (issue 16, seventeenth blind wave: opencommit): a
table of selectable models grouped into lists by provider (`MODEL_LIST = {openai: [...], openrouter: [...]}`), whose
lists under a gateway's name hold that gateway's `owner/name` ids, and the AI/ML API gateway's own names."""

from __future__ import annotations

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find_in(text: str, path: str = "src/settings.ts") -> set[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: value.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


GROUPED = """\
export const MODEL_LIST = {
  openai: ['gpt-4-0613', 'gpt-4o-mini'],
  mistral: ['open-mixtral-8x7b', 'codestral-latest'],
  openrouter: ['meta-llama/llama-3.1-8b-instruct', 'qwen/qwen3-8b:free'],
  aimlapi: ['Qwen/Qwen2.5-7B-Instruct-Turbo', 'gpt-4o']
};
"""


def test_a_table_of_lists_named_as_a_picker_holds_its_models() -> None:
    found = find_in(GROUPED)
    expected = {(A, "gpt-4-0613", 2), (A, "gpt-4o-mini", 2), (A, "open-mixtral-8x7b", 3), (A, "codestral-latest", 3)}
    assert expected <= found


def test_a_list_under_a_gateways_name_holds_that_gateways_ids_not_the_hubs() -> None:
    found = find_in(GROUPED)
    assert (A, "meta-llama/llama-3.1-8b-instruct", 4) in found
    assert (A, "qwen/qwen3-8b:free", 4) in found
    assert (A, "Qwen/Qwen2.5-7B-Instruct-Turbo", 5) in found
    assert (A, "gpt-4o", 5) in found
    assert not {kind for kind, *_ in found} - {A}


def test_a_plural_table_of_lists_under_providers_reads_the_same_way() -> None:
    found = find_in("const models = {\n  openrouter: ['mistralai/mistral-small-3.1-24b-instruct'],\n};\n")
    assert found == {(A, "mistralai/mistral-small-3.1-24b-instruct", 2)}


def test_a_list_under_a_word_that_is_no_provider_keeps_hub_ids_the_hubs() -> None:
    found = find_in("const MODEL_OPTIONS = {\n  embedding: ['BAAI/bge-small-en-v1.5'],\n  chat: ['gpt-4o'],\n};\n")
    assert found == {(M, "BAAI/bge-small-en-v1.5", 2), (A, "gpt-4o", 3)}


def test_a_settings_object_whose_values_are_not_all_lists_is_not_read_as_lists() -> None:
    found = find_in("const MODEL_OPTIONS = {\n  stop: ['gpt-4o'],\n  temperature: 0.2,\n};\n")
    assert (A, "gpt-4o", 2) not in found


def test_aimlapi_routes_send_owner_and_name_to_the_gateway() -> None:
    assert apis.routed("aiml/meta-llama/Llama-3.3-70B-Instruct-Turbo") is not None
    assert apis.routed_by("aimlapi", "Qwen/QwQ-32B") == "Qwen/QwQ-32B"
    assert apis.routed_by("aimlapi", "./models/local") is None


def test_a_table_of_lists_named_for_what_models_have_holds_no_models() -> None:
    filters = "const VENDOR_MODEL_FILTERS = {\n  openai: ['gpt-5', 'o'],\n  openrouter: ['anthropic/claude'],\n};\n"
    features = "const PER_MODEL_FEATURES = {\n  'claude-3-7-sonnet-20250219': ['computer-use-2025-01-24'],\n};\n"
    assert find_in(filters) == set()
    assert (A, "computer-use-2025-01-24", 2) not in find_in(features)
