"""Badge dates: ISO 8601 strings (or JWT epoch seconds) to dates and partial ISO dates."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def to_date(value: Any) -> date | None:
    """The calendar date of an ISO 8601 string or epoch-seconds number; None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(float(value), tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if not m or not m.group(3):
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def partial(value: Any) -> str | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` for the contract; None if unreadable."""
    d = to_date(value)
    if d:
        return d.isoformat()
    if isinstance(value, str):
        m = _ISO.match(value)
        if m and (not m.group(2) or 1 <= int(m.group(2)) <= 12):
            return "-".join(g for g in m.groups() if g)
    return None


def first(doc: dict[str, Any], *keys: str) -> Any:
    for key in keys:
        if doc.get(key) not in (None, ""):
            return doc[key]
    return None
