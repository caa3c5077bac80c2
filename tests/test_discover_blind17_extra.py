"""Forms found on repositories the benchmark does not label (seventeenth blind wave: gpt-engineer-org/gpt-engineer,
ray-project/ray-llm): the model an LLM-as-judge evaluation asks to grade answers, named for its role (`evaluator`),
and the first argument of a callable named for an AI (`AI("gpt-4o")`)."""

from __future__ import annotations

from modelpolicy.discover.apis import builds_api, name_kind
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A = Kind.API
PY = FileContext("tool/grading.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


# --- an evaluator: the hosted model that grades, when a provider's patterns match what it holds -------------------


def test_an_evaluator_holds_a_hosted_api_model_only() -> None:
    assert name_kind("evaluator") is A
    assert name_kind("judge_evaluator") is A
    assert name_kind("output_evaluator") is None  # written, as every `output_*` name


def test_an_evaluator_parameter_default_and_keyword_name_the_grading_model() -> None:
    source = (
        "def grade(answers, evaluator: str = 'gpt-4o'):\n"
        "    if evaluator == 'gpt-4o':\n"
        "        return answers\n"
        "\n"
        "score = Scorer(metrics, model_evaluator='claude-3-5-sonnet-20241022')\n"
    )
    assert python(source) == {(A, "gpt-4o", 1), (A, "gpt-4o", 2), (A, "claude-3-5-sonnet-20241022", 5)}


def test_an_evaluator_that_names_no_hosted_model_is_no_reference() -> None:
    source = (
        "def rank(items, evaluator: str = 'rollout'):\n"
        "    return items\n"
        "\n"
        "policy = Policy(evaluator='rubric', semantic_evaluator='deterministic/0.1.0')\n"
    )
    assert python(source) == set()


def test_an_evaluator_key_in_yaml_names_the_grading_model() -> None:
    context = FileContext("configs/eval.yaml", lambda value: value.startswith(("./", "/")))
    found = {(r.kind, r.text) for r in ConfigSource().find("evaluation:\n  evaluator: gpt-4-turbo\n", context)}
    assert found == {(A, "gpt-4-turbo")}


# --- a callable named for an AI: built with the hosted model it calls ----------------------------------------------


def test_a_callable_named_for_an_ai_builds_a_hosted_api_model() -> None:
    assert builds_api("AI")
    assert builds_api("VertexAI")
    assert builds_api("make_ai")
    assert not builds_api("AIMessage")  # a message of one holds text
    assert not builds_api("OpenAIClient")


def test_the_first_argument_of_an_ai_is_its_model_when_a_provider_matches_it() -> None:
    source = (
        "from project.core import AI\n"
        "\n"
        "assistant = AI('gpt-4o-mini', 0.1)\n"
        "fake = FakeAI('Some canned answer')\n"
        "note = AIMessage('gpt-4o')\n"
        "local = AI('org/some-model')\n"
    )
    assert python(source) == {(A, "gpt-4o-mini", 3)}
