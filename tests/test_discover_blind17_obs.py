"""Forms found on repositories the benchmark does not label (seventeenth blind wave, truera/trulens): the models of
Snowflake Cortex by Snowflake's own spelling (`mistral-large2`, `llama3.1-8b`), named under a model keyword or a
class's default where the file calls Cortex (`snowflake.cortex.complete`, SQL `SNOWFLAKE.CORTEX.COMPLETE`, an OpenAI
client pointed at its REST API), and LiteLLM's `snowflake/` route; seen while sweeping traceloop/openllmetry, the
Aleph Alpha API's Luminous models (`client.complete(request, model="luminous-base")`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext, Source
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A = Kind.API


def find(source: Source, text: str, path: str = "app/rag.py") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in source.find(text, context)}


CALLED = 'from snowflake.cortex import complete\n\nanswer = complete(model="mistral-large2", prompt=question)\n'
DEFAULTED = (
    "from snowflake.cortex import complete\n\n\nclass Judge:\n"
    '    DEFAULT_MODEL_ENGINE = "llama3.3-70b"\n\n'
    "    def ask(self, text):\n        return complete(self.DEFAULT_MODEL_ENGINE, text)\n"
)
SQL_IN_PYTHON = (
    'QUERY = "SELECT SNOWFLAKE.CORTEX.COMPLETE(?, ?)"\n\n'
    'def run(session, prompt, model="llama3.1-8b"):\n    return session.sql(QUERY, params=[model, prompt])\n'
)


def test_a_cortex_name_under_a_model_keyword_is_cortexs_where_the_file_calls_cortex() -> None:
    assert find(PythonSource(), CALLED) == {(A, "mistral-large2")}


def test_a_class_default_and_a_parameter_default_are_read_in_a_cortex_file() -> None:
    assert find(PythonSource(), DEFAULTED) == {(A, "llama3.3-70b")}
    assert find(PythonSource(), SQL_IN_PYTHON) == {(A, "llama3.1-8b")}


def test_the_same_spelling_without_cortex_in_sight_names_nothing() -> None:
    text = 'answer = complete(model="mistral-large2", prompt=question)\nlabel = dict(model="mistral-7b")\n'
    assert find(PythonSource(), text) == set()


def test_a_folder_named_for_cortex_files_the_file_under_it() -> None:
    assert apis.path_contexts("examples/models/snowflake_cortex/notebook.py") == {"snowflake-cortex"}


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        ("snowflake-arctic", "snowflake-cortex"),  # Snowflake's own name, its everywhere
        ("snowflake-llama-3.3-70b", "snowflake-cortex"),
        ("snowflake:mistral-large2", "snowflake-cortex"),  # promptfoo's route
        ("snowflake-cortex/claude-sonnet-4-5", "snowflake-cortex"),  # Mastra's route
        ("snowflake/mistral-7b", "snowflake-cortex"),  # LiteLLM's route
        ("luminous-base", "aleph-alpha"),
        ("luminous-supreme-control", "aleph-alpha"),
    ],
)
def test_snowflakes_own_names_and_its_routes_are_cortexs_anywhere(text: str, provider: str) -> None:
    found = load_knowledge().provider(text)
    assert found is not None and found.key == provider


def test_cortex_does_not_take_other_apis_names_or_hub_ids() -> None:
    knowledge = load_knowledge()
    cerebras = apis.contexts('client = Cerebras(api_key=os.environ["CEREBRAS_API_KEY"])')
    found = knowledge.provider("llama3.1-8b", contextual=True, among=cerebras)
    assert found is not None and found.key == "cerebras"
    for hub_id in ("Snowflake/snowflake-arctic-embed-m", "Snowflake/Llama-3.1-SwiftKV-8B-Instruct"):
        assert knowledge.provider(hub_id, contextual=True) is None  # the Hub's organisation, not LiteLLM's route
    cortex = frozenset({"snowflake-cortex"})
    assert knowledge.provider("snowflake/arctic-embed-m", contextual=True, among=cortex) is None
    assert apis.contexts("import snowflake.connector\nconn.cursor()") == frozenset()


REST = (
    "from openai import OpenAI\n\n"
    'client = OpenAI(api_key=token, base_url=f"{account_url}/api/v2/cortex/v1")\n'
    'reply = client.chat.completions.create(model="openai-gpt-5.1", messages=messages)\n'
)


def test_an_openai_client_pointed_at_cortexs_rest_api_shows_cortex() -> None:
    assert find(PythonSource(), REST) == {(A, "openai-gpt-5.1")}
    assert find(PythonSource(), REST.replace("/api/v2/cortex/v1", "/v1")) == set()


def test_a_luminous_model_under_a_model_keyword_is_the_aleph_alpha_apis() -> None:
    text = 'reply = client.complete(request, model="luminous-extended-control")\n'
    assert find(PythonSource(), text) == {(A, "luminous-extended-control")}
    assert find(PythonSource(), 'theme = "luminous-base"\n') == set()
