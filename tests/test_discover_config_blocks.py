"""Config files whose list of models mixes models with references to blocks written elsewhere (Continue's
`config.yaml`: `models: [{uses: org/block, override: {...}}]`): the models are read, the blocks name nothing."""

# ruff: noqa: E501  (the config texts read best one a line)

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

AGENT = """name: Agent
models:
  - name: gpt-5
    provider: openai
    model: gpt-5
  - uses: test-org/gemini
    override:
      contextLength: 500000
  - uses: ./blocks/local-model.yaml
  - name: proxy-ollama
    provider: ollama
    model: llama3.1
chat_models:
  fast: gpt-4o-mini
  extends: org/base-config
"""


def test_blocks_a_list_of_models_uses_name_nothing() -> None:
    found = {(r.kind, r.text, r.line) for r in ConfigSource().find(AGENT, FileContext("config.yaml", lambda v: False))}
    assert (Kind.API, "gpt-5", 5) in found
    assert (Kind.OLLAMA, "llama3.1", 12) in found
    assert (Kind.API, "gpt-4o-mini", 14) in found  # a role of a table by role is still read
    assert not {text for _, text, _ in found} & {"test-org/gemini", "./blocks/local-model.yaml", "org/base-config"}


def config(text: str, path: str = "config.yaml") -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda v: False))]


def test_a_table_named_for_models_maps_aliases_to_ids() -> None:
    text = "model_map:\n  llama3-8b: meta-llama/Meta-Llama-3-8B-Instruct\n  fast: gpt-4o-mini\n  local: llama3.1:8b\n  temperature: 0.2\n"
    assert config(text) == [
        (Kind.MODEL, "meta-llama/Meta-Llama-3-8B-Instruct", 2),
        (Kind.API, "gpt-4o-mini", 3),
        (Kind.OLLAMA, "llama3.1:8b", 4),
    ]
    assert config(
        '{"modelMap": {"llama3-8b": "llama3-8b-8192"}, "apiBase": "https://api.groq.com/openai/v1"}', "c.json"
    ) == [(Kind.API, "llama3-8b-8192", 1)]


def test_tables_of_words_paths_and_urls_name_nothing() -> None:
    assert config("model_templates:\n  codellama-70b: llama2\n  zephyr: chatml\n") == []
    assert (
        config("model_config:\n  provider: openai\n  base_url: https://api.openai.com/v1\n  cache: ./models/cache\n")
        == []
    )
    assert config("model_dirs:\n  small: models/small\n  big: /data/weights/big\n") == []
    assert config('model_settings:\n  temperature: "0.2"\n  top_p: "0.9"\n  stop: org/x\n') == []
