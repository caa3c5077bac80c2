"""Start-up speed: the functions `dataclasses` writes for each class, compiled once and kept, as Python keeps a
module's bytecode.

For every class it makes, `dataclasses` writes the source of five or six functions (`__init__`, `__repr__`, `__eq__`,
`__hash__`, `__setattr__`...) and compiles it: about 0.5 ms a class, at every start. A scan makes 40 to 60 such
classes: compiling their functions was a quarter of the time of a scan of an empty folder. The text is the same from
one run to the next, so the code compiled from it is kept by that text in the package's `__pycache__/` folder (not
when Python keeps no bytecode: `PYTHONDONTWRITEBYTECODE`), and read back at the next start. What runs is exactly what
`exec` would have compiled from the same text; a missing, stale, damaged or unwritable file only makes a start slower.

    install()   at the start of a command: `dataclasses` compiles through the kept code from then on
    save()      at its end: keeps what was compiled anew, if anything
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

_MAX_CODES = 4096  # a bound on the file: more than every class this tool and its libraries make


class _Codes:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes = _read(path)
        self.compiled = 0  # anew in this process

    def exec(self, source: object, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
        """`exec` as `dataclasses` calls it, with the code for a text it has compiled before taken as it was kept."""
        if not isinstance(source, str):
            builtins.exec(source, globals, locals)  # type: ignore[arg-type]
            return
        code = self.codes.get(source)
        if code is None:
            # no flags inherited from this module (its `annotations` future): compiled as `dataclasses` would
            code = compile(source, "<string>", "exec", dont_inherit=True)
            if len(self.codes) < _MAX_CODES:
                self.codes[source] = code
                self.compiled += 1
        builtins.exec(code, globals, locals)


_INSTALLED: list[_Codes] = []  # the one of this process, once installed


def install(folder: Path | None = None) -> None:
    """Make `dataclasses` compile through the code kept in `folder` (by default the package's `__pycache__/`): once
    per process, and not where Python's bytecode version cannot be told."""
    tag = sys.implementation.cache_tag
    magic = getattr(sys.modules.get("_frozen_importlib_external"), "MAGIC_NUMBER", None)
    if _INSTALLED or tag is None or not isinstance(magic, bytes):
        return
    import dataclasses

    name = f"dataclass-code.{tag}-{magic.hex()}-{sys.flags.optimize}.marshal"
    codes = _Codes((folder or Path(__file__).parent / "__pycache__") / name)
    _INSTALLED.append(codes)
    dataclasses.exec = codes.exec  # type: ignore[attr-defined]  # shadows the built-in for that module alone


def save() -> None:
    """Keep the code compiled anew in this process, replacing the file whole; never an error."""
    if not _INSTALLED or not _INSTALLED[0].compiled or sys.dont_write_bytecode or sys.pycache_prefix:
        return
    codes = _INSTALLED[0]
    temporary = codes.path.with_name(f"{codes.path.name}.{os.getpid()}.tmp")
    try:
        codes.path.parent.mkdir(exist_ok=True)
        temporary.write_bytes(marshal.dumps(codes.codes))
        temporary.replace(codes.path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink()
    codes.compiled = 0


def _read(path: Path) -> dict[str, CodeType]:
    try:
        codes = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not isinstance(codes, dict):
        return {}
    return {text: code for text, code in codes.items() if isinstance(text, str) and isinstance(code, CodeType)}
