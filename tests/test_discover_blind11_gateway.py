"""Forms found on repositories the benchmark does not label (issue 16, Portkey-AI/gateway): a provider's code filed
in a folder named for its company, the provider's key with `-ai` or `_ai` after it (`src/providers/perplexity-ai/`,
LiteLLM's `llms/fireworks_ai/`), whose bare model names are that provider's."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext, Source
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def find(source: Source, text: str, path: str) -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in source.find(text, context)}


@pytest.mark.parametrize(
    ("path", "providers"),
    [
        ("src/providers/perplexity-ai/chatComplete.ts", {"perplexity"}),
        ("src/providers/together-ai/complete.ts", {"together"}),
        ("litellm/llms/fireworks_ai/chat/transformation.py", {"fireworks"}),
        ("src/providers/mistral-ai/embed.ts", {"mistral"}),
        ("lib/perplexity-ai.ts", {"perplexity"}),  # a file so named
    ],
)
def test_a_folder_named_for_a_providers_company_files_the_file_under_it(path: str, providers: set[str]) -> None:
    assert apis.path_contexts(path) == providers


@pytest.mark.parametrize(
    "path",
    [
        "src/providers/perplexity-aix/chatComplete.ts",  # another word
        "src/providers/open-ai-base/index.ts",  # `open` is no provider's key
        "src/_ai/models.py",
        "src/providers/ai/models.py",
    ],
)
def test_a_suffix_alone_or_another_name_files_nothing(path: str) -> None:
    assert not apis.path_contexts(path)


CONFIG = "export const Config = {\n  model: { param: 'model', required: true, default: 'mistral-7b-instruct' },\n};\n"


def test_a_bare_name_in_a_company_folder_is_that_providers() -> None:
    # Perplexity served open models under their plain names: its own where its code is filed
    assert find(JavaScriptSource(), CONFIG, "src/providers/perplexity-ai/chatComplete.ts") == {
        (A, "mistral-7b-instruct")
    }
    assert find(JavaScriptSource(), CONFIG, "src/providers/base/chatComplete.ts") == set()


def test_an_owners_id_in_a_folder_named_for_its_owner_stays_the_hubs() -> None:
    # a local copy of a Hub model kept under its owner's name (`nomic-ai/`) says nothing of Nomic's API
    text = 'EMBED_MODEL = "nomic-ai/nomic-embed-text-v1.5"\n'
    assert find(PythonSource(), text, "models/nomic-ai/embed.py") == {(M, "nomic-ai/nomic-embed-text-v1.5")}
