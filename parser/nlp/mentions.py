"""Find credential mentions: the parts put together, one pass over the document.

Catalog spans come from the ruler (``spans.py``); a credentials section is read entry by
entry (``section_items.py``), every other line as free text (``freetext.py``), both with
the shared claim rules (``claims.py``); the issuer each entry names is read last
(``issuer_text.py``). Candidates are broad on purpose: ``decide.py`` keeps the credentials.
"""

from __future__ import annotations

import bisect

from ..document import Document
from .issuer_text import assign_stated_issuers
from .section_items import SectionItems
from .sections import SectionInfo
from .spans import Mention, Span_, catalog_spans
from .specialties import specialise

__all__ = ["Mention", "MentionFinder", "Span_", "catalog_spans"]


class MentionFinder(SectionItems):
    """Turns a read document, its sections and its catalog spans into mentions."""

    # -- entry point -------------------------------------------------------------------
    def find(self, doc: Document, sections: list[SectionInfo], spans: list[Span_]) -> list[Mention]:
        spans = specialise(doc.text, spans, self.catalog)
        starts = [line.start for line in doc.lines]
        by_line: dict[int, list[Span_]] = {}
        for s in spans:
            by_line.setdefault(bisect.bisect_right(starts, s.start) - 1, []).append(s)
        mentions: list[Mention] = []
        i = 0
        n = len(doc.lines)
        while i < n:
            info = sections[i]
            if info.category == "credentials":
                j = i
                while (
                    j < n and sections[j].category in ("credentials",) and sections[j].heading == info.heading
                ):
                    j += 1
                mentions += self._section(doc, list(range(i, j)), sections, by_line)
                i = j
                continue
            if info.category != "heading":
                mentions += self._free_line(doc, i, info, by_line.get(i, []))
            i += 1
        assign_stated_issuers(doc, mentions, self.stated, sections)
        return mentions
