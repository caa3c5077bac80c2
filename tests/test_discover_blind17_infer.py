"""Forms found around inference engines the benchmark does not label (seventeenth blind wave: pytorch-labs/gpt-fast,
mistralai/mistral-inference): a class built from a Hub repository by a `from_hf_hub` constructor, as the tokenizer
library these engines load with reads one; with the look-alikes that stay out."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M = Kind.MODEL
PY = FileContext("engine/load.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def test_a_tokenizer_built_from_a_hub_repository_names_it() -> None:
    source = """from mistral_common.tokens.tokenizers.mistral import MistralTokenizer

tok = MistralTokenizer.from_hf_hub("acme-lab/Quill-12B-2409", token=True)
other = MistralTokenizer.from_hf_hub(repo_id="acme-lab/Quill-24B")
"""
    assert python(source) == {(M, "acme-lab/Quill-12B-2409", 3), (M, "acme-lab/Quill-24B", 4)}


def test_a_keyword_only_name_and_a_variable_given_to_it_name_the_repository() -> None:
    source = """BASE = "acme-lab/quill-7b"


def build(gen_cls):
    tok = TokenizerAuto.from_hf_hub(BASE)
    return gen_cls.from_hf_hub(name="acme-lab/quill-7b-chat", revision="main")
"""
    assert python(source) == {(M, "acme-lab/quill-7b", 1), (M, "acme-lab/quill-7b-chat", 6)}


def test_a_library_short_name_and_a_local_folder_stay_out() -> None:
    source = """info = CheckpointInfo.from_hf_hub("quill_base")
tok = MistralTokenizer.from_file("./weights/tekken.json")
"""
    assert python(source) == set()
