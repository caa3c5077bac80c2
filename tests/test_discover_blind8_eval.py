"""Forms found on LLM-evaluation libraries the benchmark does not label (issue 16, eighth blind wave: ragas,
deepeval): the model an LLM or embedding factory is given (`llm_factory("gpt-4o-mini", client=client)`, returned or
passed on, bound to no name), the Hub repository a table entry names under `model_card` (SummaC's model map), a
model variable a test sets in the environment, and OCI Generative AI's model ids (`cohere.command`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import called_kind, named_kind, plural_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

M, A, D = Kind.MODEL, Kind.API, Kind.DATASET


def find(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def find_in(source: str, path: str) -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    reader = JavaScriptSource() if path.endswith(".ts") else ConfigSource()
    return {(r.kind, r.text, r.line) for r in reader.find(source, context)}


# --- the model an LLM factory builds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["llm_factory", "get_llm", "create_llm", "load_llm", "init_llm", "build_llm"])
def test_a_function_named_for_an_llm_is_given_a_model(name: str) -> None:
    assert called_kind(name) is M


@pytest.mark.parametrize("name", ["save_llm", "invoke", "generate", "list_llms", "get_llms"])
def test_a_function_writing_or_listing_llms_or_a_method_of_one_is_given_none(name: str) -> None:
    assert called_kind(name) is None


RETURNED = """\
def _default_llm_factory():
    client = OpenAI()
    return llm_factory("gpt-4o-mini", client=client)
"""


def test_a_returned_llm_factory_call_names_its_model() -> None:
    assert (A, "gpt-4o-mini", 3) in find(RETURNED)


FIXTURE = """\
@pytest.fixture
def test_llm(self):
    try:
        return llm_factory("gpt-3.5-turbo")
    except ImportError as e:
        pytest.skip(str(e))
"""


def test_an_llm_factory_in_a_fixture_names_its_model() -> None:
    assert (A, "gpt-3.5-turbo", 4) in find(FIXTURE)


def test_an_llm_factory_passed_on_names_its_model() -> None:
    assert (A, "gpt-4o", 1) in find('metric = Faithfulness(llm=get_llm("gpt-4o"))\n')


def test_an_llm_factory_given_a_hub_id_names_that_model() -> None:
    assert find('run(create_llm("meta-llama/Llama-3.1-8B-Instruct"))\n') == {(M, "meta-llama/Llama-3.1-8B-Instruct", 1)}


@pytest.mark.parametrize(
    "source",
    [
        'llm.invoke("gpt-4")\n',  # a method of an LLM is given a prompt, whatever it says
        'self.llm.generate("Summarise the report in one line")\n',
        'answer = call_llm("Tell me a joke about mistral")\n',
        'prompt = "What is the capital of France?"\nanswer = ask_llm(prompt)\n',
        'chain = LLMChain(llm, "hello")\n',
        'export_llm("gpt-4o", path)\n',  # what a program writes
    ],
)
def test_what_an_llm_is_asked_or_a_written_llm_names_none(source: str) -> None:
    assert find(source) == set()


# --- `model_card`: the Hub repository a table entry loads ------------------------------------------------------------


@pytest.mark.parametrize("name", ["model_card", "MODEL_CARD", "modelCard", "base_model_card"])
def test_a_model_card_names_a_model_to_read(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["model_card_data", "output_model_card", "push_model_card", "card"])
def test_a_card_s_data_or_a_written_card_names_none(name: str) -> None:
    assert named_kind(name) is None


@pytest.mark.parametrize(
    ("name", "kind"), [("MODEL_CARDS", None), ("modelCards", None), ("MODELS", M), ("datasets", D)]
)
def test_a_plural_of_model_card_holds_records_not_ids(name: str, kind: Kind | None) -> None:
    assert plural_kind(name) is kind


SUMMAC = """\
model_map = {
    "snli-base": {"model_card": "boychaboy/SNLI_roberta-base", "entailment_idx": 0, "contradiction_idx": 2},
    "vitc": {
        "model_card": "tals/albert-xlarge-vitaminc-mnli",
        "entailment_idx": 0,
    },
}
"""


def test_the_model_cards_of_a_model_map_are_read() -> None:
    assert {(M, "boychaboy/SNLI_roberta-base", 2), (M, "tals/albert-xlarge-vitaminc-mnli", 4)} <= find(SUMMAC)


def test_a_model_card_key_in_config_is_read() -> None:
    assert find_in("summac:\n  model_card: tals/albert-xlarge-vitaminc-mnli\n", "eval.yaml") == {
        (M, "tals/albert-xlarge-vitaminc-mnli", 2)
    }


@pytest.mark.parametrize(
    "source",
    [
        'card = dict(model_card="./README.md")\n',  # a file
        'model_card = "# My model\\nA card written for the Hub"\n',  # a card's text
        'repo.push(model_card="acme/pushed")\n',  # what is pushed
        'info = {"model_card_data": "acme/x"}\n',
    ],
)
def test_a_card_s_text_path_or_data_names_none(source: str) -> None:
    assert find(source) == set()


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ('export const MODEL_CARDS = [{ id: "acme/x" }, { id: "my-assistant" }];', "cards.ts"),  # a UI's cards
        ('[{"id": "acme/x", "title": "X"}, {"id": "my-assistant"}]', "model_cards.json"),
    ],
)
def test_a_list_of_model_cards_is_no_list_of_ids(source: str, path: str) -> None:
    assert find_in(source, path) == set()


# --- an embedding model's factory -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["embedding_factory", "get_embedding_function", "create_embedder", "load_embedding"])
def test_a_function_named_for_an_embedding_model_is_given_one(name: str) -> None:
    assert called_kind(name) is M


def test_a_returned_embedding_factory_call_names_its_model() -> None:
    source = 'def embeddings():\n    return embedding_factory("text-embedding-ada-002")\n'
    assert find(source) == {(A, "text-embedding-ada-002", 2)}


@pytest.mark.parametrize(
    "source",
    [
        'vector = get_embedding("The quick brown fox")\n',  # the text embedded
        'vector = get_embedding("hello")\n',
        'text = "What is RAG?"\nvector = embedding(text)\n',
        'save_embedding("acme/vectors", vector)\n',  # what a program writes
    ],
)
def test_the_text_an_embedding_is_computed_of_names_none(source: str) -> None:
    assert find(source) == set()


# --- what a test sets in the environment ------------------------------------------------------------------------------

SETENV = """\
def test_reads_its_model(monkeypatch):
    monkeypatch.setenv("DEEPSEEK_MODEL_NAME", "deepseek-chat")
    monkeypatch.setenv(name="EMBEDDING_MODEL", value="BAAI/bge-m3")
    os.putenv("MODEL_ID", "acme/x")
"""


def test_a_model_variable_a_test_sets_names_the_model_read() -> None:
    assert find(SETENV) == {(A, "deepseek-chat", 2), (M, "BAAI/bge-m3", 3), (M, "acme/x", 4)}


@pytest.mark.parametrize(
    "source",
    [
        'monkeypatch.setenv("OPENAI_API_KEY", "sk-test")\n',
        'monkeypatch.setenv("MODEL_DIR", "acme/models")\n',  # a folder, not a model
        'monkeypatch.setenv("OUTPUT_MODEL_ID", "acme/pushed")\n',  # what is written
    ],
)
def test_other_variables_a_test_sets_name_none(source: str) -> None:
    assert find(source) == set()


# --- OCI Generative AI's model ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("cohere.command", "oci"),
        ("cohere.command-light", "oci"),
        ("cohere.command-r-plus", "oci"),
        ("cohere.command-r-16k", "oci"),
        ("cohere.command-a-03-2025", "oci"),
        ("meta.llama-3.1-405b-instruct", "oci"),
        ("google.gemini-2.5-pro", "oci"),
        # Bedrock's spellings of the same families stay Bedrock's: a version suffix, `llama3` in one word
        ("cohere.command-r-plus-v1:0", "bedrock"),
        ("cohere.command-light-text-v14", "bedrock"),
        ("cohere.command-text-v14", "bedrock"),
        ("meta.llama3-8b-instruct-v1:0", "bedrock"),
        ("command", "cohere"),  # Cohere's own API
    ],
)
def test_oci_serves_its_own_spellings_and_bedrock_keeps_its_own(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider


def test_an_oci_model_id_under_a_model_variable_is_read() -> None:
    assert find('MODEL_ID = os.getenv("OCI_MODEL_ID", "cohere.command")\n') == {(A, "cohere.command", 1)}


@pytest.mark.parametrize("name", ["cohere.command.py", "meta.llama-guard.json", "google.gemini-client.ts"])
def test_a_file_named_for_an_oci_model_is_no_provider_s(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_an_oci_id_outside_a_model_s_context_is_not_read() -> None:
    assert find('label = "cohere.command"\n') == set()
