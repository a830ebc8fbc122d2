"""One error root for documents that cannot be read.

Readers raise :class:`DocumentError` with a stable ``code``; the engine turns it into the
profile's ``error`` record, so callers never see an exception for a bad document.
"""

from __future__ import annotations

ERROR_CODES = (
    "unsupported_format",
    "encrypted",
    "corrupt",
    "empty",
    "too_large",
    "not_found",
    "unreadable",
    "symlink_outside_root",
    "timeout",
    "resource_limit",
    "worker_crashed",
    "internal_error",
)


class DocumentError(Exception):
    """A document that cannot be parsed; ``code`` is one of :data:`ERROR_CODES`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class CatalogError(ValueError):
    """A catalog file that does not validate; the message names the file and key."""
