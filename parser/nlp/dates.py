"""Dates in credential items → ISO 8601 partial dates, labelled issued / expires / expected.

"Issued Mar 2023 · Expires Mar 2026", "2019 – 2022", "exp. 06/2025", "valid through
2027-03", "(2021)", "März 2023": the words come from ``patterns/dates.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .rules import Rules, _alternation, load_rules


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    value: str  # ISO partial date
    role: str  # issued | expires | expected | unknown


class DateRules:
    def __init__(self, rules: Rules) -> None:
        d = rules.dates
        self.month_of: dict[str, int] = {}
        for number, names in d.months.items():
            for name in names:
                self.month_of[name.lower()] = number
        months = _alternation(list(self.month_of))
        year = r"(?:19[5-9]\d|20\d\d)"
        self.one = re.compile(
            rf"(?P<ymd>(?P<y1>{year})-(?P<m1>0?[1-9]|1[0-2])(?:-(?P<d1>[0-3]?\d))?(?!\d))"
            rf"|(?P<dmy>(?P<d2>[0-3]?\d)\.\s?(?P<m2>0?[1-9]|1[0-2])\.\s?(?P<y2>{year}))"
            rf"|(?P<mdy>(?P<m3>0?[1-9]|1[0-2])/(?P<d3>[0-3]?\d)/(?P<y3>{year}))"
            rf"|(?P<my>(?P<m4>0?[1-9]|1[0-2])\s?[/.-]\s?(?P<y4>{year}))"
            rf"|(?P<mname>(?:(?P<d5>[0-3]?\d)\.?\s)?(?P<m5>{months})\.?,?\s(?:de\s)?(?:(?P<d6>[0-3]?\d),?\s)?(?P<y5>{year}))"
            rf"|(?P<y>(?<![\w/.-]){year}(?![\w/-]))",
            re.I,
        )
        # "… Course February 25" when a list split "February 25, 2000" at its comma
        self.month_day_tail = re.compile(rf"\s(?:{months})\.?\s+[0-3]?\d\s*$", re.I)
        self.present = re.compile(rf"\b(?:{_alternation(d.present)})\b", re.I)
        seps = _alternation(d.range_separators)
        self.range_sep = re.compile(rf"^\s*(?:{seps})\s*$", re.I)
        self.issued_kw = re.compile(
            rf"(?<!\w)(?:{_alternation(d.issued_keywords)})\.?\s*:?\s*(?:on\s|in\s|le\s|am\s|el\s)?$",
            re.I,
        )
        self.expires_kw = re.compile(
            rf"(?<!\w)(?:{_alternation(d.expires_keywords)})\.?\s*:?\s*(?:on\s|in\s|le\s|am\s|el\s)?$",
            re.I,
        )
        self.expected_kw = re.compile(
            rf"(?<!\w)(?:{_alternation(d.expected_keywords)})\.?\s*:?\s*(?:in\s|for\s)?$", re.I
        )


@cache
def date_rules() -> DateRules:
    return DateRules(load_rules())


def _iso(m: re.Match[str], month_of: dict[str, int]) -> str | None:
    g = m.groupdict()
    if g["ymd"]:
        y, mo, d = g["y1"], int(g["m1"]), g["d1"]
    elif g["dmy"]:
        y, mo, d = g["y2"], int(g["m2"]), g["d2"]
    elif g["mdy"]:
        y, mo, d = g["y3"], int(g["m3"]), g["d3"]
    elif g["my"]:
        y, mo, d = g["y4"], int(g["m4"]), None
    elif g["mname"]:
        y, mo, d = g["y5"], month_of.get(g["m5"].lower().rstrip("."), 0), g["d5"] or g["d6"]
    else:
        return g["y"]
    if not 1 <= mo <= 12:
        return y
    if d and 1 <= int(d) <= 31:
        return f"{y}-{mo:02d}-{int(d):02d}"
    return f"{y}-{mo:02d}"


def find_dates(text: str) -> list[DateHit]:
    """All dates in ``text`` with the role their keywords or range position give them."""
    rules = date_rules()
    raw: list[tuple[int, int, str]] = []
    for m in rules.one.finditer(text):
        value = _iso(m, rules.month_of)
        if value:
            raw.append((m.start(), m.end(), value))
    hits: list[DateHit] = []
    i = 0
    while i < len(raw):
        start, end, value = raw[i]
        before = text[max(0, start - 40) : start]
        role = "unknown"
        if rules.expires_kw.search(before):
            role = "expires"
        elif rules.expected_kw.search(before):
            role = "expected"
        elif rules.issued_kw.search(before):
            role = "issued"
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if role in ("unknown", "issued") and nxt and rules.range_sep.match(text[end : nxt[0]]):
            hits.append(DateHit(start, end, value, "issued"))
            hits.append(DateHit(nxt[0], nxt[1], nxt[2], "expires"))
            i += 2
            continue
        hits.append(DateHit(start, end, value, role))
        i += 1
    return hits
