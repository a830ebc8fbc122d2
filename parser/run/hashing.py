"""The SHA-256 of an input file or object, as a scan records it (``source.sha256``)."""

from __future__ import annotations

import hashlib

from ..errors import DocumentError
from ..fileio import open_regular
from ..storage import is_url
from ..storage import sha256 as url_sha256


def sha256_of(path: str) -> str | None:
    """SHA-256 of a regular file or an object URL (never opens a FIFO or device)."""
    if is_url(path):
        return url_sha256(path)
    try:  # opened once and the descriptor checked: a file swapped for a FIFO or /dev/zero is None
        fd, _ = open_regular(path)
    except DocumentError:
        return None
    try:
        h = hashlib.sha256()
        with open(fd, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None
