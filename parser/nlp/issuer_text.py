"""The issuer a résumé states for a credential, read from the entry as written.

A credential the catalog does not know still usually names who awarded it: in brackets
("Professional Fitness Trainer (NESTA)"), as a brand before the credential word ("YMCA
Certification", "TRX Certified Trainer", "Certified Karrass negotiator"), as an acronym
before a dash ("AFAA - Step Certification"), after "certified by", or as an organisation
later on the line ("… Certificate Typing Institute of America", "… : 2003 University of
California - City , State"). The issuer is kept exactly as written; nothing here consults
the catalog, so an unknown body is never replaced by a known one.
"""

from __future__ import annotations

import re

from .rules import Rules

_WORD = r"(?!(?:Certified|Certification|Certificate|Accomplishment|Completion|Achievement|Participation)\b)[A-Z][\w.&'’/-]*"
_CRED = r"(?:Certified|Certification|Certificate|Certifications|Certificates|certified|certification|certificate|Licensed|License|Licence|Accredited|Accreditation)"
_BRACKET = re.compile(r"^\s*\(([^()]{2,60})\)")
_BY = re.compile(
    rf"\b(?:certified|issued|accredited|licensed|awarded)\s+(?:by|through)\s+(?:the\s+)?({_WORD}(?:\s+(?:{_WORD}|of|for|and|&|the)){{0,6}})"
)
_DASH_ACRONYM = re.compile(r"^\s*([A-Z][A-Z0-9&]{1,7})\s+[-–—]\s+\S")
_BRAND = re.compile(rf"^\s*({_WORD}(?:\s+{_WORD}){{0,3}})\s+{_CRED}\b")
_CERTIFIED_BRAND = re.compile(rf"^\s*Certified\s+({_WORD})\s+[a-z]")
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
        rf"\b({run}(?:{words})\b\.?(?:\s+(?:of|for)\s+(?:the\s+)?{_WORD}(?:\s+{_WORD}){{0,3}})?)"
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
            return m.group(1)  # "Accredited Asbestos Building Inspector – Michigan"
        later = self._organisation(after)
        if later:
            return later
        m = self.region.search(name) or self.region_before.search(before[-_BEFORE:])
        if m:
            return m.group(m.lastindex or 0)  # "New Jersey State Life & Health Insurance License"
        if known:
            return None
        m = _DASH_ACRONYM.match(name)
        if m:
            return m.group(1)
        m = _BRAND.match(name)
        if m and self._brand(m.group(1)):
            return m.group(1)
        m = _CERTIFIED_BRAND.match(name)
        if m and m.group(1).lower() not in self.cred_words:
            return m.group(1)
        m = re.match(rf"^\s*({_WORD})\s+certified\b", name)  # "Bloomberg certified"
        if m and m.group(1).lower() not in self.cred_words and not self.rules.card.fullmatch(m.group(1)):
            return m.group(1)
        return self._organisation(name)

    def school(self, org: str) -> bool:
        """An organisation that trains and certifies: a school, college, centre, institute."""
        return bool(self.rules.school_word.search(org))

    def brand_only(self, name: str, issuer: str | None) -> bool:
        """The issuer was read off the credential's own name ("MEDISOFT Certificate")."""
        return bool(issuer) and name.startswith(issuer or "")

    def _organisation(self, text: str) -> str | None:
        found = self.organisation_at(text)
        return found[1] if found else None

    def organisation_at(self, text: str) -> tuple[int, str] | None:
        """(offset, name) of the first organisation named in ``text``: "… Lehman College …"."""
        for m in self.org.finditer(text):
            org = m.group(1).strip()
            if not _PLACEHOLDER.match(org) and not any(w.lower() in self.cred_words for w in org.split()):
                return m.start(1), org
        return None
