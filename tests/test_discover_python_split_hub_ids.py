"""A Hub id spelled in two parts by a record under a name for the Hub's settings: litgpt's model table
(`dict(name="pythia-14m", hf_config=dict(org="EleutherAI", name="pythia-14m"))`), a dict literal's `"org"` and
`"name"`, a dataset's (`hf_dataset=`); with the look-alikes that stay out (the same record under a name that is not the
Hub's, a template still to be formatted, a part that is not a literal)."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

D, M = Kind.DATASET, Kind.MODEL


def found(text: str) -> list[tuple[Kind, str, int]]:
    references = PythonSource().find(text, FileContext("litgpt/config.py", lambda v: False))
    return sorted((r.kind, r.text, r.line) for r in references)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # litgpt's table: one line per model
        (
            'configs = [\n    dict(name="pythia-14m", hf_config=dict(org="EleutherAI", name="pythia-14m")),\n]\n',
            [(M, "EleutherAI/pythia-14m", 2)],
        ),
        # the record over lines, among the model's settings: the id at its name's line
        (
            'phi = [\n    dict(\n        name="phi-2",\n        hf_config=dict(\n            org="microsoft",\n            name="phi-2",\n        ),\n        n_layer=32,\n    ),\n]\n',
            [(M, "microsoft/phi-2", 6)],
        ),
        # a dict literal, under a key holding another Hub word
        (
            'MODELS = [\n    {"name": "tiny", "hub_repo": {"owner": "TinyLlama", "repo": "TinyLlama-1.1B-Chat-v1.0"}},\n]\n',
            [(M, "TinyLlama/TinyLlama-1.1B-Chat-v1.0", 2)],
        ),
        (
            'register(name="tiny", hub_repo={"owner": "TinyLlama", "repo": "TinyLlama-1.1B-Chat-v1.0"})\n',
            [(M, "TinyLlama/TinyLlama-1.1B-Chat-v1.0", 1)],
        ),
        # a record named for a dataset names a dataset
        (
            'data = DataModule(hf_dataset=dict(organization="GAIR", name="lima"))\n',
            [(D, "GAIR/lima", 1)],
        ),
    ],
)
def test_split_hub_ids(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same parts under a name that is not the Hub's: GitHub's owner and repository, a team
        'client = Client(repo=dict(owner="octocat", name="hello-world"))\n',
        'team = Team(config=dict(org="acme", name="billing"))\n',
        # a template the table formats later (`name="falcon-7b{}"`, then `.format(kind)`)
        'falcon = [dict(name="falcon-7b{}", hf_config=dict(org="tiiuae", name="falcon-7b{}"))]\n',
        # a part that is not a literal, or missing
        'configs = [dict(name="x", hf_config=dict(org=ORG, name="pythia-14m"))]\n',
        'configs = [dict(name="x", hf_config=dict(name="pythia-14m"))]\n',
        'configs = [dict(name="x", hf_config=dict(org="EleutherAI"))]\n',
        # an owner key alone with a Hub word is an account, not a repository
        'login(hf_account=dict(org="EleutherAI", token=TOKEN))\n',
        'ACCOUNTS = {"hf_user": {"owner": "EleutherAI", "email": "x@example.com"}}\n',
        # the GitHub source of a model's code, in a dict literal
        'SOURCES = {"code": {"owner": "EleutherAI", "repo": "gpt-neox"}}\n',
    ],
)
def test_split_hub_id_look_alikes(text: str) -> None:
    assert found(text) == []
