"""JavaScript calls that name what they are given: a function named for a model or dataset given a string
(`setModel("gpt-4o")`, a request builder's `.model(ID)`, `loadModel("org/x")`, as the Python source reads
`load_model("org/x")`), and a field set by its name written as a string (`formData.append("model", ID)`,
`params.set("model", ID)`), read as `{model: ID}` is; and the look-alikes that stay out."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

M, A, OL = Kind.MODEL, Kind.API, Kind.OLLAMA


def named(text: str) -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext("client.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a request builder's method named for the model, chained
        (
            "const options = requestBuilder.model('claude-3-5-sonnet-20240620').stream(true).options;",
            [(A, "claude-3-5-sonnet-20240620", 1)],
        ),
        (
            "const o = builder\n  .provider('bedrock')\n  .model('cohere.command-r-v1:0')\n  .apiKey('').options;",
            [(A, "cohere.command-r-v1:0", 3)],
        ),
        # a React state's setter, a setter named for a model's name
        ("const pick = () => setModel('gpt-4o-mini');", [(A, "gpt-4o-mini", 1)]),
        ("this.setModelName('gemini-1.5-flash');", [(A, "gemini-1.5-flash", 1)]),
        # a loader named for a model or dataset, given an owner's id
        ("const m = await loadModel('Xenova/all-MiniLM-L6-v2');", [(M, "Xenova/all-MiniLM-L6-v2", 1)]),
        ("const rows = await fetchDataset('tatsu-lab/alpaca');", [(Kind.DATASET, "tatsu-lab/alpaca", 1)]),
        # a multipart form's and a query's field
        (
            "const form = new FormData();\nform.append('file', blob, 'a.mp3');\nform.append('model', 'whisper-1');",
            [(A, "whisper-1", 3)],
        ),
        ("formData.append('model', 'gpt-4o-transcribe');", [(A, "gpt-4o-transcribe", 1)]),
        ("url.searchParams.set('model', 'text-embedding-3-small');", [(A, "text-embedding-3-small", 1)]),
        ("body.append('embedding_model', 'BAAI/bge-small-en-v1.5');", [(M, "BAAI/bge-small-en-v1.5", 1)]),
        # an Ollama client's form field is the library's tag
        ("import ollama from 'ollama';\nform.append('model', 'llama3.1');", [(OL, "llama3.1", 2)]),
    ],
)
def test_a_call_names_what_it_is_given(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert named(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an ORM's model, a word, a record's name
        "const User = mongoose.model('User', userSchema);",
        "sequelize.model('orders');",
        "setModel('custom');",
        # what a program writes is no model it reads
        "await saveModel('my-org/my-finetune');",
        "await pushModelToHub('org/x');",
        # a name passed, a template: read where bound, or not at all
        "setModel(DEFAULT_MODEL);",
        "setModel(`${provider}/${name}`);",
        "requestBuilder.model(`gpt-${version}`);",
        # a field named for something else, or a key given by a name
        "form.append('file', 'gpt-4o');",
        "form.append(field, 'gpt-4o');",
        "headers.set('x-model-provider', 'openai');",
        # a setter given three arguments, or one, is no keyed field
        "store.set('model', 'gpt-4o', { ttl: 60 });",
        "logs.append('gpt-4o');",
        # js-tiktoken's look-ups of a hosted model's encoding count tokens and call no model
        'const encoding = encodingForModel("gpt-4-0125-preview");',
        'const name = getEncodingNameForModel("gpt-4o");',
        # a predicate asks about a name
        "if (isReasoningModel('o3-mini')) { params.temperature = undefined; }",
        # a log line
        "console.log('model', 'gpt-4o');",
        # a local folder
        "loadModel('./models/my-model');",
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert named(text) == []


@pytest.mark.parametrize(
    "text",
    [
        'const { selectedModelId } = useProviderModelSelection("bedrock", mode, {});',
        'const name = options.model ?? defaultModelName("anthropic");',
        'const oai = await host.resolveLanguageModelProvider("openai");',
    ],
)
def test_a_provider_given_to_a_call_named_for_a_model_is_no_model_in_a_providers_folder(text: str) -> None:
    """In a provider's folder any word in an API's position is the provider's model; a call named for a model is no
    such position: what it is given is read only when it is a model's name or an owner's id."""
    context = FileContext("src/providers/anthropic/settings.tsx", lambda value: False)
    assert JavaScriptSource().find(text, context) == []
    model = JavaScriptSource().find("setModel('claude-3-5-sonnet-20240620');", context)
    assert [(r.kind, r.text) for r in model] == [(A, "claude-3-5-sonnet-20240620")]
