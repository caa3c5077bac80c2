"""Making text from outside safe to show: ids, paths and licence texts come from the scanned repository and the Hub,
and anyone could have written them.

A control character in a terminal can move the cursor, recolour or rewrite the screen (`\\x1b[...`, `\\x9b`), a
newline can forge a line of the report, and a bidirectional override can make a line read differently from what it
holds ("Trojan Source"). `escape` shows each of them as a Python-style escape, visibly; `escape_json` does the same
inside JSON text through JSON's own `\\uXXXX` escapes, which `json.loads` reads back to the very same string.

A CI runner reads its own commands from a job's log: GitHub Actions takes a line that starts with `::` (after blanks)
for a workflow command (`::error file=...::`, `::add-mask::`), and `##[` anywhere in a line for one in the legacy form.
`escape_line`, for each line a message or a plain-text report prints, writes that `:` or `[` as an escape too, so
text from outside can neither start a line nor a command of the runner's.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, the Arabic letter mark, LRM/RLM, line and paragraph separators, the bidi embeddings,
# overrides and isolates.
_BIDI = "\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
# Lone surrogates too: a file name that is not UTF-8 (held as `\udcXX`) or a `"\ud800"` in scanned code cannot be
# written as UTF-8 at all.
_SURROGATES = "\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}{_SURROGATES}]")
# What `json.dumps(..., ensure_ascii=False)` leaves raw: it escapes C0 controls (and `"`, `\`) in strings itself,
# and C0 whitespace outside strings is its own indentation.
_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f{_BIDI}{_SURROGATES}]")
_COMMAND_START = re.compile(r"\A(\s*):(?=:)")  # a workflow command's `::`, after the blanks the runner skips
_LEGACY_COMMAND = "##["


def escape(text: str) -> str:
    """`text` with each character that could move the cursor, recolour the terminal, break the line or reorder it
    shown as a Python-style escape (`\\x1b`, `\\x0a`, `\\u202e`)."""
    return _UNSAFE.sub(lambda found: _escaped(found.group()), text)


def escape_line(text: str) -> str:
    """`escape(text)`, as one line of a message or a plain-text report: a CI runner takes no command from it."""
    return inert(escape(text))


def inert(line: str) -> str:
    """`line` (escaped already) with a `::` that starts it and each `##[` in it written with an escape (`\\x3a:`,
    `##\\x5b`): what GitHub Actions would read as a workflow command, shown instead."""
    return _COMMAND_START.sub(r"\1\\x3a", line).replace(_LEGACY_COMMAND, "##\\x5b")


def escape_json(text: str) -> str:
    """JSON text (as `json.dumps(..., ensure_ascii=False)` writes it) with the characters it leaves raw written as
    `\\uXXXX`, and `##[` as `##\\u005b`: the same document to a parser, and nothing a terminal, a diff viewer or a CI
    runner reading its log would act on (`[` is only ever in a string where it follows `##`)."""
    escaped = _UNSAFE_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
    return escaped.replace(_LEGACY_COMMAND, "##\\u005b")


def _escaped(character: str) -> str:
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
