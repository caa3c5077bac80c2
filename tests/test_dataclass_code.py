"""The compiled code of dataclasses, kept between runs (modelpolicy.dataclass_code): classes made through it behave as
classes `dataclasses` compiles itself, a second run compiles nothing anew, and a damaged file is only a slower start.

Each case runs in a fresh interpreter: `install` changes the `dataclasses` module of the process it runs in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

_PROGRAM = """
import dataclasses, json, sys
from pathlib import Path
from modelpolicy import dataclass_code
if sys.argv[2] == "kept":
    dataclass_code.install(Path(sys.argv[1]))

@dataclasses.dataclass(frozen=True)
class Place:
    path: str
    line: int = 1
    flags: frozenset[str] = frozenset()

place = Place("a.py", 3)
try:
    place.line = 4
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
kept = dataclass_code._INSTALLED[0] if dataclass_code._INSTALLED else None
print(json.dumps({
    "repr": repr(place),
    "equal": place == Place("a.py", 3) and place != Place("a.py", 4),
    "hash": hash(place) == hash(Place("a.py", 3)),
    "frozen": frozen,
    "replaced": repr(dataclasses.replace(place, line=9)),
    "annotations": {k: repr(v) for k, v in Place.__init__.__annotations__.items()},
    "compiled": kept.compiled if kept else None,
}))
dataclass_code.save()
"""


def _run(folder: Path, mode: str) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(folder), mode], capture_output=True, text=True, env=env, check=True
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_a_class_made_through_kept_code_behaves_as_one_dataclasses_compiles(tmp_path: Path) -> None:
    plain = _run(tmp_path, "plain")
    first = _run(tmp_path, "kept")
    again = _run(tmp_path, "kept")
    for result in (first, again):
        assert {k: v for k, v in result.items() if k != "compiled"} == {
            k: v for k, v in plain.items() if k != "compiled"
        }
    assert plain["frozen"] is True
    assert plain["equal"] is True
    assert first["compiled"] != 0  # the first run compiles and keeps the class's functions
    assert again["compiled"] == 0  # the second takes them as kept
    assert [p.name for p in tmp_path.iterdir()] == [next(tmp_path.iterdir()).name]  # one file, no temporary left


def test_a_damaged_file_is_compiled_around_and_replaced(tmp_path: Path) -> None:
    _run(tmp_path, "kept")
    (kept,) = tmp_path.iterdir()
    kept.write_bytes(b"\x00 not marshal data")
    damaged = _run(tmp_path, "kept")
    assert damaged["compiled"] != 0
    assert damaged["repr"] == "Place(path='a.py', line=3, flags=frozenset())"
    assert _run(tmp_path, "kept")["compiled"] == 0
