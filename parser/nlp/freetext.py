"""Mentions in free text (summary, experience, skills, education): catalog matches that read as
claims, enumerations ("Series 7, 63 and 66"), list parts with a credential word, cue phrases."""

from __future__ import annotations

import re

from ..document import Document
from .claims import MentionRules
from .phrases import credential_phrases
from .sections import SectionInfo
from .spans import Mention, Span_, dedupe, overlap

_LIST_BREAK = re.compile(r"[,;|•*]")  # a list separator: what stands beyond it is another item
_ENUM_TAIL = re.compile(
    r"^(?:\s*(?:,|/|&|\band\b|\bor\b|\bund\b|\bet\b|\by\b|\be\b)\s*(?P<tok>[\w+#.-]{1,12}))"
)


class FreeText(MentionRules):
    """Finds the mentions of one line outside credentials sections."""

    def _free_line(self, doc: Document, i: int, info: SectionInfo, line_spans: list[Span_]) -> list[Mention]:
        lenient = info.category == "languages"  # "Englisch (C1 – Cambridge C1 Advanced)"
        creds = [s for s in line_spans if s.label == "CREDENTIAL" and self._acceptable(doc, s, lenient)]
        out = dedupe([self._from_span(doc, s, i, info, False) for s in creds])
        out += self._enumerations(doc, creds, i, info, False)
        out += self._phrases(doc, i, info, out)
        out += [c for c in self._cues(doc, i, info, line_spans) if not any(overlap(c, o) for o in out)]
        for m in out:
            m.item_lines = [i]
            issuers = [
                s
                for s in line_spans
                if s.label == "ISSUER"
                and s.start < m.end + 15
                and m.start - 15 < s.end
                and not (
                    m.how == "phrase"
                    and _LIST_BREAK.search(doc.text, min(s.end, m.start), max(s.start, m.end))
                )
            ]
            if issuers and not m.candidates:
                m.issuer_text, m.issuer_ids = (
                    doc.text[issuers[0].start : issuers[0].end],
                    list(issuers[0].ids),
                )
        return out

    def _from_span(self, doc: Document, s: Span_, i: int, info: SectionInfo, in_section: bool) -> Mention:
        text = doc.text[s.start : s.end].replace("\n", " ")
        return Mention(s.start, s.end, text, i, info, in_section, list(s.ids), s.how)

    def _enumerations(
        self, doc: Document, creds: list[Span_], i: int, info: SectionInfo, in_section: bool
    ) -> list[Mention]:
        """'Series 7, 9, 10 and 66' → Series 9, 10, 66 after the matched 'Series 7'."""
        out: list[Mention] = []
        line_end = doc.lines[i].start + len(doc.lines[i].text)
        for s in creds:
            text = doc.text[s.start : s.end]
            if " " not in text:
                continue
            prefix = text.rsplit(" ", 1)[0] + " "
            pos = s.end
            while pos < line_end:
                m = _ENUM_TAIL.match(doc.text[pos:line_end])
                if not m:
                    break
                tok = m.group("tok").rstrip(".")
                hits = [h for h in self.catalog.lookup(prefix + tok, "credential")]
                if not hits:
                    break
                tok_start = pos + m.start("tok")
                out.append(
                    Mention(
                        tok_start,
                        tok_start + len(tok),
                        doc.text[tok_start : tok_start + len(tok)],
                        i,
                        info,
                        in_section,
                        [h.id for h in hits],
                        "enum",
                    )
                )
                pos += m.end()
        return out

    def _phrases(self, doc: Document, i: int, info: SectionInfo, found: list[Mention]) -> list[Mention]:
        """List parts with a credential word that no catalog mention covers."""
        line = doc.lines[i]
        out: list[Mention] = []
        for a, b in credential_phrases(line.text, self.rules):
            part = line.text[a:b]
            m = Mention(line.start + a, line.start + b, part, i, info, False, [], "phrase")
            word = self.rules.credential_word.search(part) or self.rules.card.search(part)
            if self._abbreviates_other(line.text[:a], part.strip(), []):
                continue  # "Bureau of Labor Statistics (BLS)"
            # negative words count inside the part only: a list's neighbours say nothing of it
            if any(overlap(m, o) for o in found) or (word and self._negative(part, word.start(), word.end())):
                continue
            out.append(m)
        return out

    def _cues(self, doc: Document, i: int, info: SectionInfo, line_spans: list[Span_]) -> list[Mention]:
        line = doc.lines[i]
        out: list[Mention] = []
        for rx in self.rules.strong_cues:
            for m in rx.finditer(line.text):
                start, end = line.start + m.start("name"), line.start + m.end("name")
                if any(s.start < end and start < s.end and s.label == "CREDENTIAL" for s in line_spans):
                    continue
                name = m.group("name").strip(" ,.;:")
                if len(name) < 3 or self._negative(line.text, m.start(), m.end()):
                    continue
                if any(o.start < end and start < o.end for o in out):
                    continue
                out.append(Mention(start, start + len(name), name, i, info, False, [], "cue"))
        return out
