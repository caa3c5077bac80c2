"""A YAML document holding a file in a literal block under the file's name (a Kubernetes ConfigMap's `data:
{sample_code.py: |}`, which a pod mounts and runs; a Helm value holding a script): the file is read by the sources
that read a file of that name, each reference at its line and column in the YAML file."""

from __future__ import annotations

from pathlib import Path

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
Found = tuple[Kind, str, int, int]

CONFIG_MAP = """\
apiVersion: v1
kind: ConfigMap
metadata:
  name: ray-job-code-sample
data:
  sample_code.py: |
    from transformers import pipeline

    class ImageClassifier:
        def __init__(self):
            self.classifier = pipeline("image-classification", model="google/vit-base-patch16-224")
  fetch.sh: |-
    huggingface-cli download org/weights
  "train.py": |
      from datasets import load_dataset
      data = load_dataset("org/reviews")
  note: plain
"""


def find(text: str, path: str = "k8s/configmap.yaml") -> list[Found]:
    references = ConfigSource().find(text, FileContext(path, lambda value: False))
    return sorted({(r.kind, r.text, r.line, r.column) for r in references}, key=lambda f: (f[2], f[1]))


def test_a_config_map_s_files_are_read_at_their_lines() -> None:
    assert find(CONFIG_MAP) == [
        (M, "google/vit-base-patch16-224", 11, 69),
        (M, "org/weights", 13, 29),
        (D, "org/reviews", 16, 26),
    ]


def test_a_block_in_a_list_item_and_a_block_that_ends_early_keep_their_places() -> None:
    text = """\
files:
  - run.py: |
      from transformers import AutoModel
      AutoModel.from_pretrained("org/a")
  - other: 1
after: AutoModel.from_pretrained("org/not-in-the-block")
"""
    assert find(text, "values.yaml") == [(M, "org/a", 4, 32)]


def test_blocks_that_hold_no_such_file_name_nothing_new() -> None:
    text = """\
data:
  script: |
    AutoModel.from_pretrained("org/no-file-name")
  notes.md: |
    AutoModel.from_pretrained("org/prose")
  version.1: |
    AutoModel.from_pretrained("org/no-ending")
  folded.py: >
    AutoModel.from_pretrained("org/folded")
run: |
  python -c 'AutoModel.from_pretrained("org/step")'
"""
    assert find(text) == []


def test_a_held_yaml_file_is_read_once_as_this_file_s_values() -> None:
    text = "data:\n  config.yaml: |\n    model_name_or_path: org/held\n"
    assert find(text) == [(M, "org/held", 3, 24)]


def test_a_broken_held_script_is_read_where_it_can_be() -> None:
    text = 'data:\n  app.py: |\n    m = AutoModel.from_pretrained("org/ok")\n    def broken(:\n'
    assert [(kind, text, line) for kind, text, line, _ in find(text)] == [(M, "org/ok", 3)]


def test_discover_reads_a_config_map_s_script(tmp_path: Path) -> None:
    (tmp_path / "configmap.yaml").write_text(CONFIG_MAP)
    found = {(a.kind, a.id, r.path, r.line) for a in discover(tmp_path, [tmp_path]).artefacts for r in a.references}
    assert (M, "google/vit-base-patch16-224", "configmap.yaml", 11) in found
