"""Forms seen on the seventeenth blind wave's agent and text-to-SQL repositories (TheR1D/shell_gpt, vanna-ai/vanna),
whose providers each fall back to a default model when the setting is unset: the literal after `or`, or in the other
branch of a conditional, that a read of a named setting (the environment's variable, a mapping's key, an attribute)
falls back to is what that setting holds, wherever the result goes."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL
PY = FileContext("app/llm/service.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def test_an_environment_variable_falls_back_after_or() -> None:
    source = 'import os\n\n\ndef chat_settings():\n    return os.environ.get("CHAT_MODEL") or "gpt-4.1-nano"\n'
    assert python(source) == {(A, "gpt-4.1-nano", 5)}


def test_a_mapping_key_falls_back_after_or_whatever_the_target_is_called() -> None:
    source = (
        "def pick(options, overrides):\n"
        '    chosen = overrides.get("model") or options.get("model") or "claude-3-opus-20240229"\n'
        "    return chosen\n"
    )
    assert python(source) == {(A, "claude-3-opus-20240229", 2)}


def test_a_key_read_in_one_branch_falls_back_to_the_other() -> None:
    source = (
        "def pick(settings):\n"
        '    first = settings["embedding_model"] if "embedding_model" in settings else "BAAI/bge-base-en-v1.5"\n'
        '    second = "gpt-4o-2024-11-20" if settings.get("model") is None else settings.get("model")\n'
        "    return first, second\n"
    )
    assert python(source) == {(M, "BAAI/bge-base-en-v1.5", 2), (A, "gpt-4o-2024-11-20", 3)}


def test_an_attribute_read_by_its_name_falls_back_after_or() -> None:
    source = 'def pick(args):\n    return getattr(args, "model_name") or "gpt-4-0613"\n'
    assert python(source) == {(A, "gpt-4-0613", 2)}


def test_a_fallback_of_a_setting_named_for_no_model_names_nothing() -> None:
    source = (
        "import os\n\n\n"
        "def pick(options):\n"
        '    split = options.get("split") or "train/eval"\n'
        '    owner = os.environ.get("GITHUB_OWNER") or "acme/tools"\n'
        '    mode = "fast" if options.get("model") else "slow"\n'
        "    return split, owner, mode\n"
    )
    assert python(source) == set()


def test_and_is_no_fallback() -> None:
    source = 'def pick(options):\n    return options.get("model") and "gpt-4o-mini-2024-07-18"\n'
    assert python(source) == set()


def test_a_read_guarded_by_and_falls_back_after_or() -> None:
    source = 'def pick(settings):\n    return settings and settings.get("chat_model") or "gpt-3.5-turbo-0125"\n'
    assert python(source) == {(A, "gpt-3.5-turbo-0125", 2)}
