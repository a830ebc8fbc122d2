"""Whether a catalog match reads as a claim of its credential where it stands, and what is
left of a mention as a credential name: the rules every part of mention finding shares."""

from __future__ import annotations

import re

from ..catalog.store import Catalog
from ..document import Document
from .dates import date_rules
from .issuer_text import StatedIssuer
from .items import URL, has_credential_word
from .rules import Rules
from .spans import Mention, Span_

_CAPS_BEFORE = re.compile(r"\b[A-Z]{2,}\s$")
_CAPS_AFTER = re.compile(r"\s[A-Z]{2,}\b")
_SMALL_WORDS = {"of", "and", "for", "the", "in", "&"}


_LICENCE_WORD = re.compile(r"\s*(licen[cs]e|certificate|certification|registration|permit)\b", re.I)


def _keep_licence_word(m: re.Match[str]) -> str:
    """An ID cut from a name, the licence word that labelled it kept, where the name would
    otherwise be too short to stand: "MD License MD187654" is the "MD License", not "MD"."""
    word = _LICENCE_WORD.match(m.string, m.start(), m.start("id"))
    return f" {word.group(1)} " if word else " "


class MentionRules:
    """The catalog, the rule files and the checks the mention finders share."""

    def __init__(self, catalog: Catalog, rules: Rules) -> None:
        self.catalog = catalog
        self.rules = rules
        self.stated = StatedIssuer(rules)
        self.platform_names = {p.name.lower() for p in catalog.platforms.values()} | {
            p.id for p in catalog.platforms.values()
        }

    def name_of(self, m: Mention) -> str:
        """A mention as a credential name: a catalog match as written, anything else cleaned."""
        return m.text if m.candidates else self.clean_name(m.text)

    def clean_name(self, part: str) -> str:
        """A mention as a credential name: without URLs, IDs, dates, scores, status words or link labels."""
        part = URL.sub(" ", part)
        bare = self.rules.id_re.sub(" ", part)
        if len(re.sub(r"[^A-Za-zÀ-ÿ]", "", bare)) < 3:  # "MD License MD187654": not "MD"
            bare = self.rules.id_re.sub(_keep_licence_word, part)
        part = bare
        part = date_rules().one.sub(" ", part)
        part = date_rules().month_day_tail.sub(" ", part)
        part = self.rules.trigger_any.sub(" ", part)
        part = re.sub(
            r"\b(issued|expires?|expired|earned|obtained|completed|valid (through|until)|since|exp)\b\.?:?",
            " ",
            part,
            flags=re.I,
        )
        part = re.sub(
            r"\s*[:=–-]?\s*\d+\s*(?:/\s*\d+|points?\b|pts\b|%)", " ", part
        )  # scores: "875/1000", "812 points"
        part = re.sub(r"^\s*(?:the|a|an|my)\s+", "", part, flags=re.I)
        part = re.sub(
            r"\b(?:show|see|view|verify)\s+(?:credential|certificate|badge)s?\b", " ", part, flags=re.I
        )
        part = re.sub(
            r"\b(?:certificate|certification) of (?:completion|achievement|participation)\b",
            " ",
            part,
            flags=re.I,
        )
        return re.sub(r"\s+", " ", part).strip(" :-–—,.")

    def _acceptable(self, doc: Document, s: Span_, in_section: bool) -> bool:
        """Whether a catalog span reads as a claim of that credential here."""
        text = doc.text[s.start : s.end]
        line_start = doc.text.rfind("\n", 0, s.start) + 1
        line_end = doc.text.find("\n", s.end)
        line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)]
        if s.how == "case" and self._abbreviates_other(line[: s.start - line_start], text, s.ids):
            return False
        if (
            s.how == "case"
            and _CAPS_BEFORE.search(line[max(0, s.start - line_start - 40) : s.start - line_start])
            and _CAPS_AFTER.match(line, s.end - line_start)
        ):
            return False  # one word of a longer capitalised name: "(MLC CAD SYSTEMS)"
        weak = all(
            text in self.catalog.credentials[c].weak_acronyms for c in s.ids if c in self.catalog.credentials
        )
        if weak and not in_section:
            ctx = {w.lower() for c in s.ids for w in self.catalog.credentials[c].context}
            low = line.lower()
            if not any(w in low for w in ctx):
                return False
        if in_section:
            return True
        if self._negative(line, s.start - line_start, s.end - line_start):
            return False
        last = text.split()[-1]
        if last.islower() and last in self.rules.title_nouns and not has_credential_word(text, self.rules):
            return False  # "NetSuite administrator for a retail company": a job, not the title
        if s.how == "case" and not weak:
            return True
        if self._standalone_title(text, line, s.start - line_start, s.ids):
            return True
        around = line[max(0, s.start - line_start - 40) : s.end - line_start + 40]
        return (
            has_credential_word(text, self.rules)
            or has_credential_word(around, self.rules)
            or bool(re.search(r"\b(passed|earned|holds?|obtained|achieved|awarded)\b", around, re.I))
            or bool(self.rules.trigger_any.search(around))  # "working toward APICS CPIM"
        )

    def _abbreviates_other(self, before: str, acronym: str, ids: list[str]) -> bool:
        """ "Certified Novell Administrator (CNA 5.1)", "… Security Agency (CISA)": the bracket
        spells out the words before it, which name neither that credential nor its issuer."""
        if not before[-64:].rstrip().endswith("("):
            return False  # cheap test first: this runs for every acronym of a line
        m = re.search(r"((?:[\w'’&.-]+\s+){1,10})\(\s*$", before[-300:])
        if not m:
            return False
        words = m.group(1).split()
        letters = [c.upper() for c in acronym if c.isalpha()]
        for k in range(len(words)):
            tail = words[k:]
            initials = [w[0].upper() for w in tail if w.lower() not in _SMALL_WORDS]
            if initials == letters and tail[0].lower() not in _SMALL_WORDS:
                named = " ".join(tail)
                hits = {h.id for h in self.catalog.lookup(named)}
                issuers = {
                    self.catalog.credentials[c].issuer_id for c in ids if c in self.catalog.credentials
                }
                return not (set(ids) | issuers) & hits  # "… Accountants (ACCA)" names ACCA's own body
        return False

    def _standalone_title(self, text: str, line: str, start: int, ids: list[str]) -> bool:
        """A full catalog title of two or more words opening a line or a list part
        ("Notary Public 2002 – present", "…; Project Management Professional"): a claim,
        unlike a tool or subject named inside a sentence."""
        if len(text.split()) < 2 or not text[:1].isupper():
            return False
        entries = [self.catalog.credentials[c] for c in ids if c in self.catalog.credentials]
        last = text.split()[-1].lower()
        if last not in self.rules.title_nouns or not any(
            e.kind in ("license", "certification") for e in entries
        ):
            return False
        before = line[:start].rstrip()
        return not before.strip(" •·*-–—") or before[-1] in ",;•·|*.:("

    def _negative(self, line: str, start: int, end: int) -> bool:
        before = line[max(0, start - 50) : start].lower()
        after = line[end : end + 40].lower()
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", before) for w in self.rules.neg_before):
            return True
        return any(
            re.search(rf"^[\W\d]*(?:\w+\W+){{0,2}}{re.escape(w)}", after) or after.startswith(w)
            for w in self.rules.neg_after
        )
