"""Forms found on a quantisation library and LLM app templates the benchmark does not label (seventeenth blind wave:
AutoAWQ, pathway's llm-app): a chained assignment (`a = b = ID`) binds each of its names to the value, as a single
assignment would."""

from __future__ import annotations

import ast

from modelpolicy.discover import python_statements
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A, D = Kind.MODEL, Kind.API, Kind.DATASET


def find_in(source: str, path: str = "scripts/compare.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- a chained assignment ---------------------------------------------------------------------------------------------


def test_a_chained_assignment_in_the_main_block_binds_the_name_a_loader_reads() -> None:
    source = """\
from transformers import AutoModelForCausalLM

if __name__ == "__main__":
    baseline = candidate = "gpt2"
    reference = AutoModelForCausalLM.from_pretrained(baseline)
    scored = AutoModelForCausalLM.from_pretrained(candidate)
"""
    assert find_in(source) == {(M, "gpt2", 4)}


def test_a_chained_assignment_of_a_module_constant_and_of_a_function_variable() -> None:
    source = """\
from datasets import load_dataset
from transformers import AutoTokenizer

TRAIN_SET = EVAL_SET = "team/reviews-small"


def tokenizer():
    first = second = "team/encoder-base"
    return AutoTokenizer.from_pretrained(second)


rows = load_dataset(EVAL_SET)
"""
    assert find_in(source) == {(D, "team/reviews-small", 4), (M, "team/encoder-base", 8)}


def test_a_chained_assignment_through_an_attribute_and_a_name() -> None:
    source = """\
from transformers import AutoModel


class Scorer:
    def __init__(self):
        self.checkpoint = checkpoint = "team/scorer-large"
        self.model = AutoModel.from_pretrained(checkpoint)
"""
    assert (M, "team/scorer-large", 6) in find_in(source)


def test_a_chained_assignment_of_other_values_names_nothing() -> None:
    source = """\
from transformers import AutoModel

total = count = 0
left = right = None
model = AutoModel.from_pretrained(left)
"""
    assert find_in(source) == set()


def test_the_parse_reads_a_chained_assignment_as_the_single_ones_it_makes() -> None:
    module = python_statements.parse_quietly("if ready:\n    a = b.c = d = 'x'\nelse:\n    e = 1\n")
    branch = module.body[0]
    assert isinstance(branch, ast.If)
    assert [ast.unparse(statement) for statement in branch.body] == ["a = 'x'", "b.c = a", "d = a"]
    assert all(statement.lineno == 2 for statement in branch.body)
    assert [ast.unparse(statement) for statement in branch.orelse] == ["e = 1"]


# --- a parameter passed on to a function whose loader or model keyword reads it ---------------------------------------


def test_a_parameter_default_passed_on_by_position_reaches_the_loader_of_the_function_called() -> None:
    source = """\
from transformers import AutoModel


def build(checkpoint):
    return AutoModel.from_pretrained(checkpoint)


def main(checkpoint="team/tagger-base"):
    return build(checkpoint)
"""
    assert find_in(source) == {(M, "team/tagger-base", 8)}


def test_a_keyword_only_default_passed_on_reaches_a_client_model_keyword() -> None:
    source = """\
from serving import ChatClient


def summarise(documents, secret: str, locator: str, budget: int):
    client = ChatClient(api_key=secret, model=locator, max_tokens=budget)
    return client(documents)


def run(
    *,
    documents: str = "notes",
    locator: str = "gpt-4o-mini",  # or a larger one
    budget: int = 200,
):
    return summarise(documents, "key", locator, budget)
"""
    assert find_in(source) == {(A, "gpt-4o-mini", 12)}


def test_a_model_keyword_given_a_parameter_reads_what_the_callers_pass() -> None:
    source = """\
from serving import ChatClient


def ask(question, locator):
    return ChatClient(model=locator)(question)


ask("hello", "claude-3-5-haiku-20241022")
ask("hello", "draft")
"""
    assert find_in(source) == {(A, "claude-3-5-haiku-20241022", 8)}


def test_a_parameter_rebound_before_it_is_passed_on_holds_the_new_value() -> None:
    source = """\
from transformers import AutoModel


def build(checkpoint):
    return AutoModel.from_pretrained(checkpoint)


def main(choice="team/tagger-base"):
    choice = "team/tagger-large"
    return build(choice)
"""
    assert find_in(source) == {(M, "team/tagger-large", 9)}
