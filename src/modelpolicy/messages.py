"""What modelpolicy says to the person running it, outside a report: the lines of a command's outcome on stdout, and
errors, warnings and notes on stderr.

Any of them can carry text from the repository or the Hub (a policy key, a lockfile id, a file name, an id given to
`approve`), so each line is escaped as the plain-text reports are (`report.escape.escape_line`): a newline or an
escape sequence is shown, not acted on, and a CI runner reading the log takes no workflow command from it. A URL's
user and password (an HTTP client's error may quote `HF_ENDPOINT`) are never shown (`redact.without_credentials`).
"""

from __future__ import annotations

import sys

from modelpolicy.redact import without_credentials
from modelpolicy.report.escape import escape_line


def say(level: str, message: str) -> None:
    """`modelpolicy: LEVEL: message` on stderr, as one line (`level`: error, warning, note...)."""
    print(f"modelpolicy: {level}: {_shown(message)}", file=sys.stderr)


def show(*lines: str) -> None:
    """Each of `lines` on stdout, as one line each."""
    sys.stdout.write("".join(f"{_shown(line)}\n" for line in lines))


def _shown(text: str) -> str:
    return escape_line(without_credentials(text))
