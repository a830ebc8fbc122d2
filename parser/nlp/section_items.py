"""Mentions in credentials sections: entries grouped into items, names wrapped over lines,
several credentials on one line, and the issuer each entry names."""

from __future__ import annotations

import re

from ..catalog.store import norm as norm_key
from ..document import Document
from .freetext import FreeText
from .items import BULLET, Item, group_items, has_credential_word, is_attribute, strip_bullet
from .phrases import unglue
from .sections import SectionInfo
from .spans import Mention, Span_, dedupe

_SEP = re.compile(r"\s*(?:[,;|•·]|\s\*\s*|\s[–—-]\s|\(|\)|\s/\s|\x00+|(?<=\d)\.\s+(?=[A-Z]))\s*")
# a template placeholder left before a name: "City , State Acme Press Brake Course"
_PLACEHOLDER_LEAD = re.compile(r"^\s*(?:(?:City|State|Company Name)\s*,?\s*)+(?=[A-Z])(?!Certifi|Licens)")
_NARROW = 50  # characters: a sidebar column, where names wrap
_OPEN_END = re.compile(r"(?:[:,&/-]|\b(?:and|of|for|in|the|to|with))\s*$", re.I)
_ORG_NAME = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}")
_BRAND_CERTIFIED = re.compile(r"^([A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,2}) Certified\b")
_PRONOUN = re.compile(r"^(i|we|my|our|he|she|they|this|these|the following)\b", re.I)


def _named_in(spans: list[Span_], start: int, end: int) -> list[str]:
    """The catalog issuers named between ``start`` and ``end`` (a list part of a line)."""
    return [i for s in spans if s.label == "ISSUER" and start <= s.start < end for i in s.ids]


class SectionItems(FreeText):
    """Finds the mentions of a credentials section."""

    def _section(
        self,
        doc: Document,
        ids: list[int],
        sections: list[SectionInfo],
        by_line: dict[int, list[Span_]],
    ) -> list[Mention]:
        continued = self._join_wrapped_names(doc, ids, by_line)
        continued |= self._join_wrapped_titles(doc, ids, by_line, continued)
        cover: dict[int, float] = {}
        cred_lines: set[int] = set()
        stripped: dict[int, str] = {}
        for i in ids:
            line_spans = by_line.get(i, [])
            text_i = doc.lines[i].text
            for s in line_spans:
                if s.label == "ISSUER":
                    a, b = s.start - doc.lines[i].start, s.end - doc.lines[i].start
                    text_i = text_i[:a] + " " * (b - a) + text_i[b:]
            stripped[i] = text_i
            text = strip_bullet(doc.lines[i].text)
            letters = sum(c.isalnum() for c in text) or 1
            iss = sum(
                sum(c.isalnum() for c in doc.text[s.start : s.end]) for s in line_spans if s.label == "ISSUER"
            )
            cover[i] = iss / letters
            if any(s.label == "CREDENTIAL" and self._acceptable(doc, s, True) for s in line_spans):
                cred_lines.add(i)
        # the inline part after "Certifications:" is content of the heading line
        out: list[Mention] = []
        for item in group_items(doc, ids, self.rules, cover, cred_lines, stripped, continued):
            out += self._item(doc, item, sections, by_line)
        return out

    def _issuer_like(self, text: str) -> bool:
        """A known issuer, an organisation name, or a bare acronym such as "NAEMT"."""
        if self.catalog.lookup(text, "issuer"):
            return True
        words = re.findall(r"[\w.]+", text.lower())
        if any(w.rstrip(".") in self.rules.org_words for w in words):
            return True
        if self.stated.region.fullmatch(text.strip()):
            return True  # "… Inspector – Michigan": the state that licensed it
        return bool(re.fullmatch(r"[A-Z][A-Z&]{1,9}", text.strip()))

    def _join_wrapped_names(self, doc: Document, ids: list[int], by_line: dict[int, list[Span_]]) -> set[int]:
        """Credential names wrapped over two or three lines of a narrow column.

        "Microsoft 365 Certified:" / "Endpoint Administrator" / "Associate", or "Certified
        Management" / "Accountant (CMA), IMA — 2020": when the first line joined with the next
        line(s), or with the first words of the next line, is a catalog name, it becomes one
        span on the first line; the lines it continues into are returned, to be read as
        attributes of that entry.
        """
        continued: set[int] = set()
        for k, i in enumerate(ids):
            if i in continued or any(s.label == "CREDENTIAL" for s in by_line.get(i, [])):
                continue
            found = self._wrapped_at(doc, ids[k : k + 3])
            if found is None:
                continue
            end_line, end, hits = found
            first = doc.lines[i]
            start = first.start + first.text.find(strip_bullet(first.text))
            by_line[i] = [Span_(start, end, "CREDENTIAL", hits, "norm")]
            continued.update(j for j in ids[k + 1 :] if j <= end_line)
        return continued

    def _join_wrapped_titles(
        self, doc: Document, ids: list[int], by_line: dict[int, list[Span_]], taken: set[int]
    ) -> set[int]:
        """Unknown names wrapped in a narrow column (LinkedIn's sidebar): "Hadoop Platform and
        Application" / "Framework". A line that fills the column's width, or ends mid-phrase
        (":", ",", "&", "and", "of"), continues on the next line at the same indent unless that
        line starts an entry of its own; the name becomes one span over both lines."""
        lines = [doc.lines[i] for i in ids]
        if len(ids) < 3 or any(line.x0 is None for line in lines):
            return set()
        widest = max(len(line.text.strip()) for line in lines)
        continued: set[int] = set()
        for k in range(len(ids) - 1):
            i, j = ids[k], ids[k + 1]
            if j != i + 1 or i in taken or j in taken or i in continued:
                continue
            first, nxt = doc.lines[i], doc.lines[j]
            head, tail = first.text.strip(), nxt.text.strip()
            if not head or not tail or abs((first.x0 or 0) - (nxt.x0 or 0)) > 3 or first.page != nxt.page:
                continue
            if any(s.label == "CREDENTIAL" for s in by_line.get(i, []) + by_line.get(j, [])):
                continue
            if tail != strip_bullet(tail) or tail.startswith("(") or is_attribute(tail, self.rules):
                continue
            full = 20 <= widest <= _NARROW and len(head) >= 0.8 * widest
            if not (full or _OPEN_END.search(head)):
                continue
            start = first.start + first.text.find(head)
            by_line[i] = [
                *by_line.get(i, []),
                Span_(start, nxt.start + len(nxt.text.rstrip()), "CREDENTIAL", [], "item"),
            ]
            continued.add(j)
        return continued

    def _wrapped_at(self, doc: Document, seq: list[int]) -> tuple[int, int, list[str]] | None:
        """(last line, end offset, catalog ids) of a name starting on ``seq[0]`` and wrapping."""
        if len(seq) < 2 or seq[1] != seq[0] + 1:
            return None
        parts = [strip_bullet(doc.lines[j].text) for j in seq]
        if not parts[0] or len(parts[0].split()) > 8:
            return None
        if len(seq) == 3 and seq[2] == seq[0] + 2 and all(parts) and len(parts[2].split()) <= 4:
            hits = self.catalog.lookup(" ".join(parts), "credential")
            if hits:
                last = doc.lines[seq[2]]
                return seq[2], last.start + len(last.text.rstrip()), [h.id for h in hits]
        words = parts[1].split()
        for n in range(min(len(words), 6), 0, -1):
            hits = self.catalog.lookup(parts[0] + " " + " ".join(words[:n]), "credential")
            if hits:
                line = doc.lines[seq[1]]
                offset = line.text.find(
                    words[n - 1], line.text.find(parts[1]) + len(" ".join(words[: n - 1]))
                )
                return seq[1], line.start + offset + len(words[n - 1].rstrip(",;:·—–-")), [h.id for h in hits]
        return None

    def _item(
        self,
        doc: Document,
        item: Item,
        sections: list[SectionInfo],
        by_line: dict[int, list[Span_]],
    ) -> list[Mention]:
        issuer_text, issuer_ids = self._item_issuer(doc, item, by_line)
        found: list[Mention] = []
        for i in item.title:
            line = doc.lines[i]
            info = sections[i]
            line_spans = [s for s in by_line.get(i, []) if s.start >= line.start + info.content_start]
            creds = [s for s in line_spans if s.label == "CREDENTIAL" and self._acceptable(doc, s, True)]
            for s in creds:
                found.append(self._from_span(doc, s, i, info, True))
            found = dedupe(found)
            found += self._enumerations(doc, creds, i, info, True)
            found += self._leftovers(doc, i, info, line_spans, creds, issuer_ids)
            for m in found:
                if not m.issuer_ids and not m.issuer_text:
                    inline = self._inline_issuer(doc, i, line_spans, m) if not issuer_ids else (None, [])
                    m.issuer_text, m.issuer_ids = inline if inline[0] else (issuer_text, list(issuer_ids))
                m.item_lines = item.lines
        return found

    def _item_issuer(
        self, doc: Document, item: Item, by_line: dict[int, list[Span_]]
    ) -> tuple[str | None, list[str]]:
        for i in (item.issuer_line, item.group_line):
            if i is None:
                continue
            text = self.stated.without_place(strip_bullet(doc.lines[i].text).rstrip(":").strip())
            ids = [id_ for s in by_line.get(i, []) if s.label == "ISSUER" for id_ in s.ids]
            return text, ids
        return None, []

    def _inline_issuer(
        self, doc: Document, i: int, line_spans: list[Span_], m: Mention
    ) -> tuple[str | None, list[str]]:
        """An issuer named on the same line as an unresolved mention (or inside it)."""
        for s in line_spans:
            # a body whose name is inside the credential's is not the one the entry names
            # ("Mental Health First Aid – National Council for Mental Wellbeing")
            if s.label == "ISSUER" and not (m.candidates and s.start <= m.start < s.end):
                return doc.text[s.start : s.end], list(s.ids)
        line = doc.lines[i]
        rel_start, rel_end = m.start - line.start, m.end - line.start
        named = [(s.start - line.start, s.end - line.start) for s in line_spans if s.label == "CREDENTIAL"]
        for part, start, _end in self._parts(line.text):
            if start >= rel_end or start + len(part) <= rel_start:
                words = re.findall(r"[\w.]+", part.lower())
                if (
                    words
                    and any(w.rstrip(".") in self.rules.org_words for w in words)
                    and not has_credential_word(part, self.rules)
                    and not any(a < start + len(part) and start < b for a, b in named)  # another credential
                ):
                    return part, []
        for part, start, sep in self._parts(line.text):
            name = part.strip()
            if start >= rel_end and sep in (",", "–", "—", "-", "|", "·") and _ORG_NAME.fullmatch(name):
                other = any(a < start + len(part) and start < b for a, b in named)  # another credential
                if (
                    not other
                    and not has_credential_word(name, self.rules)
                    and not is_attribute(name, self.rules)
                ):
                    return name, []  # "…, Isograd — 2022", "…, TeleTrusT, 2016"
        brand = _BRAND_CERTIFIED.match(m.text)
        if brand:
            return brand.group(1), []  # "Jamf Certified Tech"
        return None, []

    def _parts(self, text: str) -> list[tuple[str, int, str]]:
        """(part, start, separator-before) of a line split at list separators."""
        parts = []
        pos = 0
        sep_before = ""
        whole = [(m.start(1), m.end(1)) for m in self.rules.levelled.finditer(text)]
        for m in _SEP.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in whole):
                continue  # "Certificate 3 (Aged Care, community services)": one name
            parts.append((text[pos : m.start()], pos, sep_before))
            sep_before = "\x00" if "\x00" in m.group(0) else m.group(0).strip()  # after a catalog span
            pos = m.end()
        parts.append((text[pos:], pos, sep_before))
        out = []
        for p, start, sep in parts:
            if not p.strip():
                continue
            for k, (a, b) in enumerate(unglue(text, start, start + len(p))):
                out.append((text[a:b], a, sep if k == 0 else ","))  # each glued credential its own item
        return out

    def _leftovers(
        self,
        doc: Document,
        i: int,
        info: SectionInfo,
        line_spans: list[Span_],
        creds: list[Span_],
        issuer_ids: list[str],
    ) -> list[Mention]:
        """Unknown credentials in a title line: the parts no catalog span covers."""
        line = doc.lines[i]
        base = line.start + info.content_start
        text = doc.text[base : line.start + len(line.text)]
        masked = list(text)
        for s in line_spans:
            if s.label == "CREDENTIAL":
                for k in range(max(0, s.start - base), min(len(text), s.end - base)):
                    masked[k] = "\x00"
        issuer_texts = {norm_key(doc.text[s.start : s.end]) for s in line_spans if s.label == "ISSUER"}
        # "Electrician – IA": an acronym that is also a place ends a title, it names no credential
        named_creds = [s for s in creds if doc.text[s.start : s.end] not in self.rules.place_abbrs]
        out: list[Mention] = []
        current: Mention | None = None
        parts = self._parts("".join(masked))
        for k, (part, start, sep) in enumerate(parts):
            placeholder = _PLACEHOLDER_LEAD.match(part)
            if placeholder and placeholder.end() < len(part.rstrip()):
                part, start = part[placeholder.end() :], start + placeholder.end()
            raw = text[start : start + len(part)]
            bracket_next = k + 1 < len(parts) and parts[k + 1][2] == "(" and k == 0
            if "\x00" in part:
                current = None
                continue
            by = self.rules.issuer_lead.match(strip_bullet(part).strip())
            if by:  # never a credential itself; after an unknown title, that title's issuer
                if current is not None and not current.issuer_text:
                    current.issuer_text = by.group("issuer").strip(" .,;")
                    current.issuer_ids = _named_in(line_spans, base + start, base + start + len(part))
                continue  # "Registered Yoga Teacher, certified by Yoga Alliance": its issuer
            cleaned = self.clean_name(strip_bullet(part))
            if sep == "\x00" and not (has_credential_word(cleaned, self.rules) and cleaned[:1].isupper()):
                current = None  # what follows a catalog name: its issuer, a qualifier, a product
                continue
            if len(re.sub(r"[^A-Za-zÀ-ÿ]", "", cleaned)) < 3 or is_attribute(raw, self.rules):
                continue
            if norm_key(cleaned) in issuer_texts:
                current = None  # the issuer's own name, not a credential
                continue
            words = re.findall(r"[\w.]+", cleaned.lower())
            org = (
                any(w.rstrip(".") in self.rules.org_words for w in words)
                and not has_credential_word(cleaned, self.rules)
                and not bracket_next  # "Change Management Foundation (APMG International)"
            )
            if org:
                current = None
                at = self.stated.organisation_at(raw)
                head = raw[: at[0]].strip(" ,;:-–—") if at else ""
                if at and not (creds or out) and len(head.split()) >= 2 and head[:1].isupper():
                    # "Principles of Bookkeeping Lakeside College": the entry, then who issued it
                    s0 = base + start + raw.find(head)
                    current = Mention(s0, s0 + len(head), head, i, info, True, [], "item")
                    current.issuer_text = at[1]
                    out.append(current)
                continue
            credish = has_credential_word(cleaned, self.rules) or bool(
                re.search(r"\b[A-Z]{2,}[A-Z0-9+-]*\b", cleaned)
            )
            if (
                current is not None
                and sep in ("–", "—", "-", "/")
                and not has_credential_word(cleaned, self.rules)
            ):
                if cleaned.lower() in self.platform_names:
                    continue
                if self._issuer_like(cleaned):
                    current.issuer_text = current.issuer_text or cleaned  # "PHTLS — NAEMT"
                    continue
            if current is not None and sep == "(" and not has_credential_word(cleaned, self.rules):
                if len(cleaned.split()) >= 2 and cleaned[:1].isupper() and not current.issuer_text:
                    # "Certification AMF (Autorité …)", "Paramedic (HCPC PA47261)"
                    current.issuer_text = cleaned
                    current.issuer_ids = _named_in(line_spans, base + start, base + start + len(part))
                continue
            if current is not None and sep in ("–", "—", "-", "/"):
                end = base + start + len(raw.rstrip())
                current.end = end
                current.text = doc.text[current.start : end]
                continue
            if named_creds or out:
                after_bracket = sep == ")" and has_credential_word(
                    cleaned, self.rules
                )  # "(IPEC) Coach Certified …"
                # "Certificates : Acme Press Operator Course …, Acme Laser Operator Course, …": courses
                # listed under a heading that names certificates are each one
                course = (
                    bool(self.rules.course_word.search(cleaned))
                    and len(cleaned.split()) >= 3
                    and cleaned[:1].isupper()
                )
                heading = set(re.findall(r"\w+", (info.heading or "").lower()))
                course = course and bool(heading & self.rules.credential_heading_words)
                if not (
                    (credish or course)
                    and sep in (",", ";", "|", "•", "·", "*", ".", "", "\x00")
                    or after_bracket
                ):
                    continue
            if _PRONOUN.match(cleaned) or len(cleaned.split()) > 14:
                continue
            lead = len(raw) - len(raw.lstrip())
            bullet = len(raw.lstrip()) - len(BULLET.sub("", raw.lstrip(), count=1))
            s0 = base + start + lead + bullet
            e0 = base + start + len(raw.rstrip())
            current = Mention(s0, e0, doc.text[s0:e0], i, info, True, [], "item")
            out.append(current)
        return out
