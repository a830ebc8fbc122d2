"""A catalog name followed by its specialty is the more specific credential.

"PCM – Digital Marketing", "Commercial Driver's License — Class A", "National Board
Certified Teacher – Exceptional Needs Specialist": the matcher finds the family name; when
the name joined with the words after its dash or colon is itself a catalog name, the span
grows to cover them and points at that entry instead.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..catalog.store import Catalog

if TYPE_CHECKING:
    from .spans import Span_

_TAIL = re.compile(r"\s*[–—:-]?\s*([^,;()\n]{1,80})")
_MAX_WORDS = 6


def specialise(text: str, spans: list[Span_], catalog: Catalog) -> list[Span_]:
    """Spans with any specialty that follows them folded in (in place; returns ``spans``)."""
    for s in spans:
        if s.label != "CREDENTIAL":
            continue
        m = _TAIL.match(text, s.end)
        if not m:
            continue
        head = text[s.start : s.end]
        words = list(re.finditer(r"\S+", m.group(1)))[:_MAX_WORDS]
        for n in range(len(words), 0, -1):
            tail = m.group(1)[: words[n - 1].end()].rstrip(" .:")
            hits = [h.id for h in catalog.lookup(f"{head} {tail}", "credential")]
            hits = hits or [h.id for h in catalog.lookup(f"{head} – {tail}", "credential")]
            if hits and set(hits) != set(s.ids):
                s.end = m.start(1) + len(tail)
                s.ids = hits
                break
    return spans
