"""The host of a URL found in an untrusted document, without ever raising.

``urlsplit`` raises ``ValueError`` for text such as ``http://[oops`` (an unclosed IPv6 bracket),
and such text comes straight out of résumés and badge files; a malformed URL has no host.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def hostname(url: str) -> str:
    """Lower-case host of an absolute URL without a leading ``www.`` or the trailing dot of a
    fully qualified name (``credly.com.`` is ``credly.com``); ``""`` when it has none."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.lower().rstrip(".").removeprefix("www.")
