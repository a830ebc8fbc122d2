"""The issuer a résumé states for a credential, read from the entry as written.

A credential the catalog does not know still usually names who awarded it: in brackets
("Professional Fitness Trainer (NESTA)"), as a brand before the credential word ("YMCA
Certification", "TRX Certified Trainer", "Certified Acme negotiator"), as an acronym
before a dash ("ACE - Yoga Certification"), after "certified by", or as an organisation
later on the line ("… Certificate Keyboarding Institute of Ohio", "… : 2005 University of
Example - City , State"). The issuer is kept exactly as written; nothing here consults
the catalog, so an unknown body is never replaced by a known one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .rules import Rules

if TYPE_CHECKING:
    from ..document import Document
    from .sections import SectionInfo
    from .spans import Mention

_WORD = r"(?!(?:Certified|Certification|Certificate|Accomplishment|Completion|Achievement|Participation)\b)[A-Z][\w.&'’/-]*"
_CRED = r"(?:Certified|Certification|Certificate|Certifications|Certificates|certified|certification|certificate|Licensed|License|Licence|Accredited|Accreditation)"
_BRACKET = re.compile(r"^\s*\(([^()]{2,60})\)")
_BY = re.compile(
    rf"\b(?:certified|issued|accredited|licensed|awarded)\s+(?:by|through)\s+(?:the\s+)?({_WORD}(?:\s+(?:{_WORD}|of|for|and|&|the)){{0,6}})"
)
_DASH_ACRONYM = re.compile(r"^\s*([A-Z][A-Z0-9&]{1,7})\s+[-–—]\s+\S")
_BRAND = re.compile(rf"^\s*({_WORD}(?:\s+{_WORD}){{0,3}})\s+{_CRED}\b")
_CERTIFIED_BRAND = re.compile(rf"^\s*Certified\s+({_WORD})\s+[a-z]")
_BEFORE_QUOTE = re.compile(rf"^\s*({_WORD}(?:\s+{_WORD}){{0,3}})\s+[\"“]\S")
_LEADING_YEAR = re.compile(r"^\s*(?:19|20)\d\d\b[\s,.:;–-]*")
_AFTER_LIST = 80  # characters after a list's last credential where its school may stand
_AFTER = 80  # characters after a mention that may still name its issuer
_BEFORE = 30  # characters before a mention that may name its jurisdiction
_PLACEHOLDER = re.compile(r"^(city|state|company name|country)$", re.I)


def _abbreviates(short: str, name: str) -> bool:
    """Whether ``short`` is the name's own acronym: its letters are the name's initials, in order."""
    initials = iter(
        c for w in re.findall(r"[A-Za-z][\w'-]*", name) for c in w[0].upper() + re.sub(r"[^A-Z]", "", w[1:])
    )
    letters = [c for c in short.upper() if c.isalpha()]
    return len(letters) >= 2 and all(any(c == i for i in initials) for c in letters)


def _org_phrase(rules: Rules) -> re.Pattern[str]:
    words = "|".join(
        sorted(
            (re.escape(w.capitalize()) for w in rules.org_words if w.isalpha() and len(w) > 3),
            key=len,
            reverse=True,
        )
    )
    run = rf"(?:{_WORD}\s+(?:(?:of|for|and|&|the)\s+)?){{0,5}}"
    return re.compile(
        rf"\b({run}(?:{words})\b\.?(?:\s+(?:of|for)\s+(?:the\s+)?{_WORD}(?:\s+(?:(?:of|for|and|&|in|the)\s+)?{_WORD}){{0,4}})?)"
    )


class StatedIssuer:
    """Finds the issuer an entry names, as written."""

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.org = _org_phrase(rules)
        self.cred_words = rules.credential_words
        names = sorted((n for r in rules.regions.values() for n in r.names), key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self.region = re.compile(rf"\b(?:State of (?:{alternation})|(?:{alternation})(?: State\b)?)\b")
        self.region_before = re.compile(rf"((?:State of )?(?:{alternation})(?: State)?)\s*$")
        place = rf"(?:(?i:city|state|country)|[A-Z]{{2}}|(?:{alternation}))"
        city = r"(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2}\s*,\s*)?"
        self.place_tail = re.compile(rf"\s*[-–—,]\s*{city}{place}\s*$")
        self.region_after = re.compile(rf"^\s*[-–—,:]\s*((?:State of )?(?:{alternation}))\b")

    def _is_org(self, text: str) -> bool:
        words = {w.rstrip(".").lower() for w in re.findall(r"[\w.]+", text)}
        return bool(words & self.rules.org_words)

    def _brand(self, text: str) -> bool:
        """A brand or body name, not a subject: an acronym, CamelCase, or an organisation."""
        words = text.split()
        if any(w.lower() in self.cred_words for w in words) or self.rules.card.fullmatch(text):
            return False
        if self._is_org(text):
            return True
        return len(words) <= 2 and any(
            re.fullmatch(r"[A-Z][A-Z0-9&]{1,7}|[A-Z][a-z]+[A-Z]\w*", w) for w in words
        )

    def find(self, name: str, after: str, before: str = "", known: bool = False) -> str | None:
        """The issuer stated in a mention's text ``name``, right after it, or as a region right before it.

        For a catalog credential (``known``) only what stands outside its name counts: the
        name itself ("PMI Agile Certified Practitioner") names the credential, not a body.
        """
        after = after[:_AFTER]
        name = _LEADING_YEAR.sub("", name)  # "2014 Acme Learning …": the year ends the entry before
        m = _BRACKET.match(after)
        if m:
            inside = m.group(1).split(",")[0].strip()
            if inside and not re.search(r"\d", inside) and not _abbreviates(inside, name) and not known:
                if inside.lower() not in self.cred_words and (inside.isupper() or self._is_org(inside)):
                    return inside
        for text in (name, after):
            m = _BY.search(text)
            if m:
                return m.group(1).strip()
        m = self.region_after.match(after)
        if m:
            return m.group(1)  # "Accredited Lead Paint Inspector – Ohio"
        later = self._organisation(after)
        if later:
            return later
        m = self.region.search(name) or self.region_before.search(before[-_BEFORE:])
        if m:
            return m.group(m.lastindex or 0)  # "Ohio State Property & Casualty Insurance License"
        if known:
            return None
        m = _DASH_ACRONYM.match(name)
        if m:
            return m.group(1)
        m = _BEFORE_QUOTE.match(name)
        if m and not any(w.lower() in self.cred_words for w in m.group(1).split()):
            return m.group(1)  # 'Acme Learning "Time Mastery …" Certificate': the provider before its title
        m = _BRAND.match(name)
        if m and self._brand(m.group(1)):
            return m.group(1)
        m = _CERTIFIED_BRAND.match(name)
        if m and m.group(1).lower() not in self.cred_words:
            return m.group(1)
        m = re.match(rf"^\s*({_WORD})\s+certified\b", name)  # "Tableau certified"
        if m and m.group(1).lower() not in self.cred_words and not self.rules.card.fullmatch(m.group(1)):
            return m.group(1)
        return self._organisation(name)

    def school(self, org: str) -> bool:
        """An organisation that trains and certifies: a school, college, centre, institute."""
        return bool(self.rules.school_word.search(org))

    def school_line(self, text: str) -> str | None:
        """The school a whole line names, without the place after it: "Lakeside College - Springfield , IL"."""
        line = self.without_place(text.strip().lstrip("•*-– ").strip().rstrip(" ,."))
        at = self.organisation_at(line)
        if at and at[0] == 0 and at[1] == line and self.school(line):
            return line
        return None

    def without_place(self, text: str) -> str:
        """A name without the place written after it ("… Coaching - City , State", "…, Boston, MA")."""
        while True:
            m = self.place_tail.search(text)
            if not m or m.start() == 0:
                return text
            text = text[: m.start()].rstrip(" ,-–—")

    def brand_only(self, name: str, issuer: str | None) -> bool:
        """The issuer was read off the credential's own name ("ACMEBILL Certificate")."""
        return bool(issuer) and name.startswith(issuer or "")

    def _organisation(self, text: str) -> str | None:
        found = self.organisation_at(text)
        return found[1] if found else None

    def organisation_at(self, text: str) -> tuple[int, str] | None:
        """(offset, name) of the first organisation named in ``text``: "… Lakeside College …"."""
        for m in self.org.finditer(text):
            org = m.group(1).strip()
            if not _PLACEHOLDER.match(org) and not any(w.lower() in self.cred_words for w in org.split()):
                return m.start(1), org
        return None


def assign_stated_issuers(
    doc: Document, mentions: list[Mention], stated: StatedIssuer, sections: list[SectionInfo]
) -> None:
    """Unknown credentials keep the issuer their entry names, as written."""
    for m in mentions:
        _trim_trailing_organisation(doc, m, stated)
        if m.issuer_text or m.issuer_ids:
            continue
        line = doc.lines[m.line]
        end = line.start + len(line.text)
        nxt = min((o.start for o in mentions if o.line == m.line and o.start >= m.end), default=end)
        before = doc.text[line.start : m.start]
        m.issuer_text = stated.find(m.text, doc.text[m.end : nxt], before, bool(m.candidates))
    _list_issuers(doc, mentions, stated)
    _issuer_lines_of_entries(doc, mentions, stated, sections)


def _list_issuers(doc: Document, mentions: list[Mention], stated: StatedIssuer) -> None:
    """ "CPR Certified, HIPAA Certificate, ACMEBILL Certificate Lakeside Health Careers
    Center, 2007": a school or centre named right after the last of a list issued them all."""
    by_line: dict[int, list[Mention]] = {}
    for m in mentions:
        if not m.in_section:
            by_line.setdefault(m.line, []).append(m)
    for found in by_line.values():
        found.sort(key=lambda m: m.start)
        for k, m in enumerate(found):
            if k == 0:
                continue
            at = stated.organisation_at(doc.text[m.end : m.end + _AFTER_LIST])
            if at is None or at[0] > 3 or not stated.school(at[1]):
                continue
            for o in found[: k + 1]:
                if not o.issuer_ids and (
                    o.issuer_text in (None, at[1]) or stated.brand_only(o.text, o.issuer_text)
                ):
                    o.issuer_text = at[1]
            break


def _trim_trailing_organisation(doc: Document, m: Mention, stated: StatedIssuer) -> None:
    """ "ACMEBILL Certificate Lakeside Health Careers Center": the name ends at its noun."""
    nouns = list(stated.rules.credential_word.finditer(m.text)) or list(stated.rules.card.finditer(m.text))
    if not nouns or m.candidates or m.how != "phrase":
        return
    noun = nouns[-1]
    at = stated.organisation_at(m.text[noun.end() :])
    if at is not None and at[0] <= 3:
        m.end = m.start + noun.end()
        m.text = doc.text[m.start : m.end]
        if not m.issuer_ids and (m.issuer_text is None or stated.brand_only(m.text, m.issuer_text)):
            m.issuer_text = at[1]


def _issuer_lines_of_entries(
    doc: Document, mentions: list[Mention], stated: StatedIssuer, sections: list[SectionInfo]
) -> None:
    """In Education, the school line of a credential's entry issued it. Whether the school
    line stands above its title ("Example School of Coaching" / "Certified Transition
    Coach") or below it ("Certified Life Coach : Coaching , 2012" / "Institute of …
    - City , State") is the document's own habit, read from the section's first entry."""
    for m in mentions:
        if m.issuer_text or m.issuer_ids or m.candidates or m.section.category != "education":
            continue
        first = _first_content_line(doc, sections, m.line)
        step = -1 if first is not None and stated.school_line(doc.lines[first].text) else 1
        k = m.line + step
        if first is None or not first <= k < len(doc.lines) or sections[k].heading != m.section.heading:
            continue
        school = stated.school_line(doc.lines[k].text)
        if school and not any(o.line == k for o in mentions):
            m.issuer_text = school


def _first_content_line(doc: Document, sections: list[SectionInfo], i: int) -> int | None:
    """The first non-empty line of the section that holds line ``i``."""
    heading = sections[i].heading
    first = None
    while i >= 0 and sections[i].heading == heading and sections[i].category != "heading":
        if doc.lines[i].text.strip():
            first = i
        i -= 1
    return first
