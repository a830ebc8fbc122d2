"""The jurisdiction a licence entry names — a state, province or country — read from the entry itself.

"RN, Ohio #452189", "Licensed Real Estate Salesperson – California", "CPA (New York)",
"Journeyman Plumber – WA", "Notary Public, State of Georgia", "Registered Nurse, UK": the
region is a name (``patterns/regions.yaml``), a "State of"/"Commonwealth of" form, or a postal
abbreviation where an abbreviation stands for a place (after a comma, dash or bracket, or before
"License"), never any capitalised pair of letters ("IN", "OR", "MA" are words and degrees too).
Without a place, a licensing board named inside the text ("HCPC Registered Physiotherapist")
gives its jurisdiction.
Only the mention's own line is read, and on it only the stretch between the previous and the next
mention: a licence never takes its jurisdiction from another entry.
"""

from __future__ import annotations

import re

from ..catalog.schema import Region
from ..catalog.store import Catalog
from ..document import Document
from .mentions import Mention
from .rules import Rules

_LEAD = r"(?:(?:State|Commonwealth|Province|District) of (?:the )?)?"
#: what may follow a postal abbreviation that names a place
_ABBR_AFTER = (
    r"(?=\s*$|\s*[),;:#/|]|\s*[–—-](?:\s|$)|\s+\d"
    r"|\s+(?:Lic|License|Licence|Licensed|Board|No|Number|State|Reg)\b)"
)  # not "(PA41927)" or "(BC-A)": a number's prefix, a licence class


_MAX_BOARD_WORDS = 10  # "Massachusetts Board of State Examiners of Electricians"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class JurisdictionReader:
    """Finds the ISO 3166-2 code of the place a licence entry names."""

    def __init__(self, rules: Rules, catalog: Catalog | None = None) -> None:
        self.catalog = catalog
        places: dict[str, Region] = {**rules.regions, **rules.countries}
        self.code: dict[str, str] = {}
        abbrs: dict[str, str] = {}
        for code, region in places.items():
            for name in region.names:
                self.code[name.lower()] = code
            for abbr in region.abbr:
                abbrs[abbr] = code
        self.abbr_code = abbrs
        names = _alternation([n for r in places.values() for n in r.names])
        self.name_re = re.compile(rf"(?<![\w-]){_LEAD}(?P<name>{names})(?![\w-])", re.I)
        short = _alternation(list(abbrs))
        self.abbr_re = re.compile(rf"(?:^|[,(/|–—-]\s*)(?P<abbr>{short}){_ABBR_AFTER}")
        self.abbr_first = re.compile(rf"^\s*(?P<abbr>{short})\s+(?=[A-Z])")

    def find(self, text: str, leading: bool = False) -> str | None:
        """The first place ``text`` names; ``leading``: the text opens the entry, so an
        abbreviation standing first ("TX Real Estate Sales Agent") names a place too."""
        found = [(m.start(), self.code[m.group("name").lower()]) for m in self.name_re.finditer(text)]
        found += [(m.start("abbr"), self.abbr_code[m.group("abbr")]) for m in self.abbr_re.finditer(text)]
        if leading:
            m = self.abbr_first.match(text)
            if m:
                found.append((m.start("abbr"), self.abbr_code[m.group("abbr")]))
        board = self._board(text) if not found else None
        return min(found)[1] if found else board

    def _board(self, text: str) -> str | None:
        """The jurisdiction of a licensing board named inside ``text`` ("HCPC Registered
        Physiotherapist", "EMT-Basic, Texas DSHS"), when every board of that name shares it."""
        if self.catalog is None:
            return None
        words = re.findall(r"[\w&.'-]+", text)
        for size in range(min(_MAX_BOARD_WORDS, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                hits = self.catalog.lookup(" ".join(words[i : i + size]), "issuer")
                places = {self.catalog.issuers[h.id].jurisdiction for h in hits}
                if hits and len(places) == 1 and None not in places:
                    return places.pop()
        return None

    def of(self, doc: Document, m: Mention, same_line: list[Mention]) -> str | None:
        """The jurisdiction of mention ``m``: in its own text, then after it, then before it,
        each up to the neighbouring mention on its line (``same_line``, in order)."""
        line = doc.lines[m.line]
        end = line.start + len(line.text)
        nxt = min((o.start for o in same_line if o.start >= m.end and o is not m), default=end)
        prev = max((o.end for o in same_line if o.end <= m.start and o is not m), default=line.start)
        before = doc.text[prev : m.start]
        opens = prev == line.start  # the mention's entry starts the line: "NC General Contractor"
        return (
            self.find(m.text, leading=opens and not before.strip(" •·*-–\t"))
            or self.find(doc.text[m.end : nxt])
            or self.find(before, leading=opens)
        )


class Places:
    """The jurisdiction each kept mention's entry names, read only when asked: most credentials
    are no licence, and reading a place (with its board look-ups) is the costly part."""

    def __init__(self, doc: Document, mentions: list[Mention], reader: JurisdictionReader) -> None:
        self.doc, self.reader = doc, reader
        self.by_line: dict[int, list[Mention]] = {}
        for m in sorted(mentions, key=lambda m: m.start):
            self.by_line.setdefault(m.line, []).append(m)
        self._seen: dict[int, str | None] = {}

    def of(self, m: Mention) -> str | None:
        if id(m) not in self._seen:
            self._seen[id(m)] = self.reader.of(self.doc, m, self.by_line.get(m.line, [m]))
        return self._seen[id(m)]
