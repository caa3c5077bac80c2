"""Forms found on agent frameworks the benchmark does not label (thirteenth blind wave: microsoft/TaskWeaver,
TransformerOptimus/SuperAGI): a settings object's typed read of a key with a default (`self._get_str("model",
shared if shared is not None else ID)`, `self._get_enum("embedding_model", OPTIONS, ID)`), the list of ids a setting
accepts, named for its candidates and bound in a method (`self.embedding_model_candidates = [ID, ...]`), and Stability
AI's v1 `ENGINE_ID` in a settings file."""

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def find(source: str, path: str = "agent/llm/service.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def config(text: str, path: str = "settings.yaml") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda value: value.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, context)}


# --- a typed read of a setting, with its default ---------------------------------------------------------------

TYPED_READS = """\
class ChatSettings(ModuleSettings):
    def configure(self) -> None:
        fallback = self.parent.model
        self.model = self._get_str(
            "model",
            fallback if fallback is not None else "gpt-4o-mini",
        )
        self.embedding_model = self.get_string("embedding_model", "text-embedding-3-small")
        self.judge = self._get_str("judge_model", default="claude-3-5-haiku-20241022")
        self.region = self._get_str("region", "gpt-4o")
"""


def test_a_typed_read_stands_for_its_default() -> None:
    found = find(TYPED_READS)
    assert (A, "gpt-4o-mini", 6) in found  # the default of a conditional: the other branch is read, not a literal
    assert (A, "text-embedding-3-small", 8) in found
    assert (A, "claude-3-5-haiku-20241022", 9) in found  # `default=` as a keyword


def test_a_typed_read_of_another_key_names_nothing() -> None:
    assert not any(text == "gpt-4o" for _, text, _ in find(TYPED_READS))  # `region` is no model's key


ENUM_READ = """\
class EncoderSettings(ModuleSettings):
    def configure(self) -> None:
        self.embedding_model = self._get_enum(
            "embedding_model",
            ["sentence-transformers/all-MiniLM-L6-v2", "BAAI/bge-small-en-v1.5"],
            "sentence-transformers/all-MiniLM-L6-v2",
        )
"""


def test_an_enumerated_read_offers_its_options() -> None:
    found = find(ENUM_READ)
    assert (M, "sentence-transformers/all-MiniLM-L6-v2", 5) in found
    assert (M, "BAAI/bge-small-en-v1.5", 5) in found


# --- the candidates a setting accepts, bound in a method ------------------------------------------------------

CANDIDATES = """\
class EncoderSettings(ModuleSettings):
    def configure(self) -> None:
        self.embedding_model_candidates = [
            "all-mpnet-base-v2",
            "BAAI/bge-base-en-v1.5",
        ]
        model_choices = ("intfloat/e5-small-v2",)
        self.retry_candidates = ["first", "second"]
        self.default = self.embedding_model_candidates[0]
"""


def test_a_list_named_for_model_candidates_holds_models() -> None:
    found = find(CANDIDATES)
    assert (M, "all-mpnet-base-v2", 4) in found
    assert (M, "BAAI/bge-base-en-v1.5", 5) in found
    assert (M, "intfloat/e5-small-v2", 7) in found  # a function's variable, a picker's list
    assert not any(text in ("first", "second") for _, text, _ in found)


# --- Stability AI's engine id -----------------------------------------------------------------------------------

ENGINE_SETTINGS = """\
STABILITY_API_KEY: YOUR_KEY
ENGINE_ID: "stable-diffusion-xl-1024-v1-0"
SEARCH_ENGINE_ID: "0123456789abcdef:ghijk"
"""


def test_an_engine_id_holds_an_api_model() -> None:
    assert config(ENGINE_SETTINGS) == {(A, "stable-diffusion-xl-1024-v1-0", 2)}
