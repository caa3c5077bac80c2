"""Forms found on a model router and an LLM-call library the benchmark does not label (thirteenth blind wave: lm-sys
RouteLLM, mirascope): LiteLLM's `anyscale/` route to Anyscale Endpoints; a `checkpoint_path` read from the Hub; a client
imported from a provider's module under a name of its own (`from acme.openai import Realtime`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find_in(source: str, path: str = "app/router.py") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, FileContext(path, lambda v: False))}


# --- LiteLLM's route to Anyscale Endpoints ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["anyscale/meta-llama/Llama-2-13b-chat-hf", "anyscale/codellama/CodeLlama-34b-Instruct-hf"],
)
def test_the_anyscale_route_names_the_api_model(name: str) -> None:
    assert apis.routed(name) == name
    found = load().routed(name)
    assert found is not None and found[0].key == "anyscale"


@pytest.mark.parametrize("text", ["anyscale/ray-llm", "anyscale/outputs/x", "anyscale/a/b/c", "anyscale/x.yaml"])
def test_look_alikes_of_the_anyscale_route_name_no_api_model(text: str) -> None:
    assert apis.routed(text) is None


def test_a_routed_pair_default_names_the_anyscale_model() -> None:
    found = find_in(
        "import argparse\n"
        "parser = argparse.ArgumentParser()\n"
        'parser.add_argument("--cheap-model", default="anyscale/meta-llama/Llama-2-13b-chat-hf")\n'
        'pair = Pair(strong="gpt-4o", cheap_model="anyscale/codellama/CodeLlama-34b-Instruct-hf")\n'
    )
    assert (A, "anyscale/meta-llama/Llama-2-13b-chat-hf", 3) in found
    assert (A, "anyscale/codellama/CodeLlama-34b-Instruct-hf", 4) in found
    assert not any(kind is M for kind, _, _ in found)


# --- a checkpoint's path, read from the Hub -------------------------------------------------------------------------


def test_a_checkpoint_path_in_a_table_of_routers_names_the_hub_model() -> None:
    found = find_in(
        "DEFAULTS = {\n"
        '    "ranker": {"checkpoint_path": "acme/ranker-v2"},\n'
        '    "scorer": {"checkpoint_path": "acme/scorer-v2"},\n'
        "}\n"
    )
    assert found == {(M, "acme/ranker-v2", 2), (M, "acme/scorer-v2", 3)}


def test_a_checkpoint_path_in_yaml_names_the_hub_model() -> None:
    text = "scorer:\n  checkpoint_path: acme/scorer-v2\nlocal:\n  checkpoint_path: checkpoints/best\n"
    found = {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext("router.yaml", lambda v: False))}
    assert found == {(M, "acme/scorer-v2", 2)}


@pytest.mark.parametrize(
    "value", ['"checkpoints/epoch_3"', '"./runs/exp1/model.pt"', '"/data/ckpt"', '"best.pt"', '"outputs/run1"']
)
def test_a_local_checkpoint_path_names_nothing(value: str) -> None:
    assert find_in(f"checkpoint_path = {value}\nconfig = {{'checkpoint_path': {value}}}\n") == set()


# --- a client imported from a provider's module, named for what it does -------------------------------------------


def test_a_class_imported_from_a_providers_module_is_given_its_model() -> None:
    found = find_in(
        "from acme.live.openai import Session\n"
        "from acme.live.anthropic import Batch as ClaudeBatch\n"
        'session = Session(\n    "gpt-4o-realtime-preview",\n    voice="alloy",\n)\n'
        'batch = ClaudeBatch("claude-3-5-haiku-latest")\n'
    )
    assert found == {(A, "gpt-4o-realtime-preview", 4), (A, "claude-3-5-haiku-latest", 7)}


def test_a_class_imported_elsewhere_or_given_no_api_name_names_nothing() -> None:
    assert find_in('from acme.live import Session\nsession = Session("gpt-4o-realtime-preview")\n') == set()
    assert find_in('from acme.live.openai import Session\nsession = Session("support-desk")\n') == set()
