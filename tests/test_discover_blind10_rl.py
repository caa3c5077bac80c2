"""Forms found by labelling RL-training and evaluation repositories blind (verl, SkyThought): the weights a trainer
starts from named `pretrain`, and a string a model's name is tested against (`model.startswith("openai/o1")`), which
names no model used."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind


def python(source: str) -> list[tuple[Kind, str, int]]:
    references = PythonSource().find(source, FileContext("pkg/run.py", lambda text: False))
    return sorted((r.kind, r.text, r.line) for r in references)


@pytest.mark.parametrize(
    "name", ["pretrain", "reward_pretrain", "critic_pretrain", "model.partial_pretrain", "PRETRAIN", "refPretrain"]
)
def test_names_of_the_weights_a_trainer_starts_from_are_models(name: str) -> None:
    assert named_kind(name) is Kind.MODEL


@pytest.mark.parametrize("name", ["pretrain_data", "pretrain_steps", "save_pretrain", "pretraining"])
def test_names_about_pretraining_that_hold_no_model(name: str) -> None:
    """A corpus, a count, what is written and the stage's own name are no model to read (a switch, `do_pretrain`, is
    named so too, but holds `True`, never an id)."""
    assert named_kind(name) is None


def test_a_pretrain_parameter_and_keyword_name_models() -> None:
    source = (
        'def train(pretrain: str = "acme/sft-7b"):\n'
        "    return AutoModel.from_pretrained(pretrain)\n"
        'launch(reward_pretrain="acme/rm-7b", pretrain_data="./data")\n'
    )
    assert python(source) == [(Kind.MODEL, "acme/rm-7b", 3), (Kind.MODEL, "acme/sft-7b", 1)]


@pytest.mark.parametrize(
    "source",
    [
        'if top_p < 1 and model.startswith("openai/o1"):\n    top_p = 1\n',
        'if model_name.startswith(("openai/o1", "openai/o3")):\n    pass\n',
        'if args.model.endswith("anthropic/claude-3-opus"):\n    pass\n',
        'reasoning = get_name().lower().startswith("openai/o1-mini")\n',
    ],
)
def test_a_string_a_name_is_tested_against_names_no_model(source: str) -> None:
    assert python(source) == []


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # the same strings used, not tested against, are read as ever
        ('response = completion(model="openai/o1", messages=[])\n', [(Kind.API, "openai/o1", 1)]),
        ('MODEL = "openai/gpt-4o"\nif MODEL.startswith("x"):\n    pass\n', [(Kind.API, "openai/gpt-4o", 1)]),
        # what the tested value is read from is still read: the call before `.startswith`
        (
            'if AutoConfig.from_pretrained("acme/chat-7b").model_type.startswith("llama"):\n    pass\n',
            [(Kind.MODEL, "acme/chat-7b", 1)],
        ),
    ],
)
def test_strings_beside_a_test_are_still_read(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert python(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # verl's tests set a Hydra config's dotted key as its override would: `...model.path = ID`
        (
            'def run(config):\n    config.actor_rollout_ref.model.path = "acme/chat-7b"\n',
            [(Kind.MODEL, "acme/chat-7b", 2)],
        ),
        ('def run(cfg):\n    cfg.dataset.path = "acme/math-500"\n', [(Kind.DATASET, "acme/math-500", 2)]),
        ('def run(cfg):\n    cfg.critic.model.name = "acme/critic"\n', [(Kind.MODEL, "acme/critic", 2)]),
    ],
)
def test_an_attribute_is_named_with_its_owner(source: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert python(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'def run(config):\n    config.actor_rollout_ref.model.path = "~/models/acme/chat-7b"\n',  # a local folder
        'def run(config):\n    config.trainer.project.name = "acme/run-1"\n',  # a run's name, under no model
        'def run(config):\n    config.rollout.name = "vllm/sglang"\n',  # an engine's name
    ],
)
def test_attributes_whose_owner_names_no_model_hold_none(source: str) -> None:
    assert python(source) == []


@pytest.mark.parametrize(
    ("text", "image"),
    [
        ("aibrix/sglang:v0.4.9-nixl", "aibrix/sglang:v0.4.9-nixl"),  # a project's build, with its tag
        ("ghcr.io/acme/sglang", "ghcr.io/acme/sglang"),  # behind a registry host
        ("lmsysorg/sglang", "lmsysorg/sglang"),  # the catalogue's own name
        ("vllm/sglang", None),  # an engine's name
        ("sgl-project/sglang", None),  # the GitHub repository
    ],
)
def test_a_string_of_code_that_only_a_wildcard_image_matches_is_an_image_with_a_tag_or_host(
    text: str, image: str | None
) -> None:
    from modelpolicy.discover.images import code_image

    assert code_image(text) == image
