"""Protocol Buffers text files (Triton's `config.pbtxt`, `.textproto`, `.prototxt`): a map field's entries are read
as a config's keys and values (`parameters {key: "huggingface_model" value: {string_value: ID}}`); a field's own
string (`name:`, an ensemble step's `model_name:`), comments and template placeholders name nothing."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from modelpolicy.discover import discover, textproto
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
Found = tuple[Kind, str, int]

TRITON_PYTHON_MODEL = """\
# Triton's model configuration: the Python backend reads its Hub id from a parameter
backend: "python"
parameters: {
  key: "huggingface_model",
  value: {string_value: "tiiuae/falcon-7b"}
}
parameters: {
  key: "max_output_length",
  value: {string_value: "15"}
}
input [
  {
    name: "text_input"
    data_type: TYPE_STRING
    dims: [ -1 ]
  }
]
instance_group [ { kind: KIND_GPU } ]
"""


def find(text: str, path: str = "model_repository/falcon7b/config.pbtxt") -> list[Found]:
    references = ConfigSource().find(text, FileContext(path, lambda value: False))
    return sorted(((r.kind, r.text, r.line) for r in references), key=lambda f: (f[2], f[1]))


def test_a_triton_parameter_named_for_a_model_names_it_at_its_line() -> None:
    assert find(TRITON_PYTHON_MODEL) == [(M, "tiiuae/falcon-7b", 5)]


def test_every_spelling_of_a_map_entry_and_every_protobuf_text_ending_is_read() -> None:
    text = (
        'parameters < key: "tokenizer_name" value < string_value: "org/tok" > >;\n'
        "parameters { key: 'dataset_name', value { string_value: 'org/' 'data' } }\n"  # adjacent strings join
        '[ext.Options] { models { key: "base_model" value: "org/base" } }\n'  # an extension, a map of plain strings
    )
    for ending in ("pbtxt", "textproto", "prototxt"):
        assert find(text, f"conf/x.{ending}") == [(M, "org/tok", 1), (D, "org/data", 2), (M, "org/base", 3)]


def test_fields_own_strings_comments_and_placeholders_name_nothing() -> None:
    text = """\
name: "org/not-a-model"
platform: "ensemble"
# parameters { key: "huggingface_model" value: { string_value: "org/commented" } }
ensemble_scheduling {
  step [
    { model_name: "gpt2" model_version: -1 },
    { model_name: "org/triton-model" model_version: -1 }
  ]
}
max_batch_size: ${triton_max_batch_size}
parameters: { key: "tokenizer_dir" value: { string_value: "${tokenizer_dir}" } }
parameters: { key: "huggingface_model" value: { string_value: "${hf_model}" } }
parameters: { key: "gpu_device_ids" value: { string_value: "0/1" } }
"""
    assert find(text) == []


def test_a_broken_or_deep_text_is_read_as_far_as_it_goes() -> None:
    broken = 'parameters { key: "hf_model" value { string_value: "org/open" } }\nstep [ { } } ] > ;\ninput {\n'
    assert find(broken) == [(M, "org/open", 1)]
    assert find("a {" * 5000 + ' parameters { key: "model" value: "org/deep" }') == []


@given(st.text(alphabet="{}<>[]:;,\"'#\\ \nab", max_size=200))
def test_any_text_parses_without_error(text: str) -> None:
    assert isinstance(textproto.parse(text), textproto.Message)


def test_discover_reads_a_triton_model_repository(tmp_path: Path) -> None:
    folder = tmp_path / "model_repository" / "falcon7b"
    folder.mkdir(parents=True)
    (folder / "config.pbtxt").write_text(TRITON_PYTHON_MODEL)
    assert [(a.kind, a.id) for a in discover(tmp_path, [tmp_path]).artefacts] == [(M, "tiiuae/falcon-7b")]
