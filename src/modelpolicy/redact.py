"""Credentials are never shown or stored: the user and password a URL may carry (`HF_ENDPOINT` set to
`https://user:secret@mirror.example`, a licence link on a card) are replaced by `***` before the URL goes into a
message, a report, the cache or the lockfile. `without_credentials` is the one function that does it, wherever a URL
(or text holding one, such as an HTTP client's error) is about to be shown or kept.
"""

from __future__ import annotations

import re

# A scheme, then an authority's text up to its last `@` (userinfo cannot hold `/`, `?` or `#`; a stray `@` in a
# password is taken in too, as `urllib.parse` would): the user and password, whatever they look like.
_USERINFO = re.compile(r"\b([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s]*@")


def without_credentials(text: str) -> str:
    """`text` with the user and password of every URL in it replaced by `***`: `https://***@mirror.example`."""
    return _USERINFO.sub(r"\1***@", text)
