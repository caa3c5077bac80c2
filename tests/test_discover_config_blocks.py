"""Config files whose list of models mixes models with references to blocks written elsewhere (Continue's
`config.yaml`: `models: [{uses: org/block, override: {...}}]`): the models are read, the blocks name nothing."""

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
