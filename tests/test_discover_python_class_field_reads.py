"""A dataclass field declared through `field(default=ID)` (litgpt's data modules:
`repo_id: str = field(repr=False, default="org/data")`) and read by a loader in a method as `self.repo_id`, like a plain
class constant; with the look-alikes that stay out (a local path, a field no loader reads)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

D, M = Kind.DATASET, Kind.MODEL


def found(text: str) -> list[tuple[Kind, str, int]]:
    references = PythonSource().find(text, FileContext("pkg/data/module.py", lambda v: False))
    return sorted((r.kind, r.text, r.line) for r in references)


_DATA_MODULE = """@dataclass
class Alpaca2k(Alpaca):
    repo_id: str = field(repr=False, default={value})
    download_dir: Path = Path("./data/alpaca2k")

    def prepare_data(self) -> None:
        {read}
"""


@pytest.mark.parametrize(
    ("value", "read", "expected"),
    [
        (
            '"mhenrichsen/alpaca_2k_test"',
            "load_dataset(self.repo_id, cache_dir=self.download_dir)",
            [(D, "mhenrichsen/alpaca_2k_test", 3)],
        ),
        (
            '"TinyLlama/TinyLlama-1.1B-Chat-v1.0"',
            "AutoTokenizer.from_pretrained(self.repo_id)",
            [(M, "TinyLlama/TinyLlama-1.1B-Chat-v1.0", 3)],
        ),
        # a local folder, and an id no loader reads
        ('"./data/alpaca"', "load_dataset(self.repo_id)", []),
        ('"mhenrichsen/alpaca_2k_test"', "print(self.repo_id)", []),
    ],
)
def test_field_default_read_by_a_loader(value: str, read: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(_DATA_MODULE.format(value=value, read=read)) == expected
