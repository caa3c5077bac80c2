"""Forms found on repositories the benchmark does not label (issue 16, Portkey-AI/gateway): a provider's code filed
in a folder named for its company, the provider's key with `-ai` or `_ai` after it (`src/providers/perplexity-ai/`,
LiteLLM's `llms/fireworks_ai/`), whose bare model names are that provider's; an entry set by a key written as a
string (`form.add_field("model", ID)`, `setattr(args, "model_name_or_path", ID)`), read as the JavaScript source reads
`formData.append("model", ID)`."""

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


# --- an entry set by its key written as a string (Python), as JavaScript's `formData.append("model", ID)` -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # aiohttp's multipart form, a transcription request's body
            'form = aiohttp.FormData()\nform.add_field("file", audio, filename="a.mp3")\n'
            'form.add_field("model", "whisper-1")\n',
            {(A, "whisper-1")},
        ),
        ('cache.set("embedding_model", "text-embedding-3-small")\n', {(A, "text-embedding-3-small")}),
        ('setattr(args, "model_name_or_path", "meta-llama/Llama-3.1-8B")\n', {(M, "meta-llama/Llama-3.1-8B")}),
        ('setattr(training_args, "dataset_name", "tatsu-lab/alpaca")\n', {(Kind.DATASET, "tatsu-lab/alpaca")}),
    ],
)
def test_an_entry_set_by_a_key_named_for_a_model_is_read(text: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(PythonSource(), text, "client.py") == expected


@pytest.mark.parametrize(
    "text",
    [
        'form.add_field("file", "gpt-4o")\n',  # a key named for something else
        'setattr(args, "output_dir", "org/x")\n',
        'setattr(args, "hub_model_id", "org/x")\n',  # what a program pushes is no model it reads
        'store.set("dataset", "train")\n',  # a split, a word
        'setattr(args, "model", f"org/{size}")\n',  # a template
        'form.add_field(field, "gpt-4o")\n',  # a key given by a name
    ],
)
def test_look_alike_entries_set_name_nothing(text: str) -> None:
    assert find(PythonSource(), text, "client.py") == set()
