"""The candidate's contact details: name by layout heuristics, emails, phones, profile URLs.

There is no statistical NER here: the name is the first short line of capitalised words at
the top of the document (the largest type on page 1 when the reader knows font sizes).
"""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from ..document import Document
from ..models import Candidate
from .attributes import web_url
from .items import URL
from .sections import SectionInfo

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NAME_WORD = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’.]+(?:-[A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ'’.]+)*$|^[A-ZÀ-ÖØ-Þ]\.?$|^[A-ZÀ-ÖØ-Þ]{2,}$|^(?:van|von|de|da|del|der|den|di|du|la|le|y|bin|al)$"
)
_PROFILE_HOSTS = (
    "linkedin.com",
    "github.com",
    "gitlab.com",
    "stackoverflow.com",
    "behance.net",
    "dribbble.com",
    "medium.com",
    "x.com",
    "twitter.com",
)


def _name_part(text: str) -> str:
    """The leading name of a contact line: 'Ana Silva | ana@…' or 'Keiko Brandvold, RN' → the name."""
    text = re.split(r"\s[|•·–—]\s|\s{2,}|\t", text.strip())[0]
    return re.sub(r",\s*(?:[A-Z][A-Za-z.-]{1,8}(?:,\s*)?)+$", "", text).strip()


def _is_name(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(c.isdigit() for c in text) or "@" in text:
        return False
    return all(_NAME_WORD.match(w) for w in words) and sum(w[0].isupper() for w in words) >= 2


def find_name(doc: Document, sections: list[SectionInfo], protected: set[int]) -> str | None:
    """The first name-like line near the top; the largest font wins when sizes are known."""
    found: list[tuple[int, str]] = []
    nonblank = 0
    for i, line in enumerate(doc.lines[:80]):
        if not line.text.strip():
            continue
        nonblank += 1
        at_top = nonblank <= 3  # the name heads the page, whatever its styling
        if not at_top and (
            i in protected or sections[i].category not in ("none", "contact", "summary", "other")
        ):
            continue
        part = _name_part(line.text)
        if _is_name(part.title() if part.isupper() else part):
            found.append((i, part.title() if part.isupper() else part))
    if not found:
        return None
    sized = [c for c in found if doc.lines[c[0]].size]
    if sized:
        biggest = max(doc.lines[c[0]].size or 0 for c in sized)
        found = [c for c in sized if (doc.lines[c[0]].size or 0) >= biggest - 0.1]
    return found[0][1]


_PHONE_LINE = re.compile(r"\d(?:[\s().\-/+]*\d){6,}")  # seven digits or more, as a phone has


def find_phones(text: str, region: str = "US") -> list[str]:
    """Phone numbers as written, in order. phonenumbers' matcher is pure Python and slow, so
    it only sees the lines with seven digits or more (the same numbers, 9× cheaper)."""
    lines = "\n".join(line for line in text[:200_000].splitlines() if _PHONE_LINE.search(line))
    out: list[str] = []
    for match in phonenumbers.PhoneNumberMatcher(lines, region, leniency=phonenumbers.Leniency.VALID):
        raw = match.raw_string.strip()
        if raw not in out:
            out.append(raw)
        if len(out) >= 5:
            break
    return out


@cache
def _bare_profile() -> re.Pattern[str]:
    hosts = "|".join(re.escape(h) for h in _PROFILE_HOSTS)
    return re.compile(rf"(?<![\w./@-])(?:[a-z]{{2,3}}\.)?(?:{hosts})/[^\s<>\"')\]]+", re.I)


def find_candidate(
    doc: Document, sections: list[SectionInfo], credential_urls: set[str], protected: set[int]
) -> Candidate:
    emails: list[str] = []
    for m in EMAIL.finditer(doc.text):
        if m.group(0).lower() not in (e.lower() for e in emails):
            emails.append(m.group(0))
    for link in doc.links:
        if link.url.lower().startswith("mailto:"):
            addr = link.url[7:].split("?")[0]
            if addr and addr.lower() not in (e.lower() for e in emails):
                emails.append(addr)
    urls: list[str] = []
    written = [m.group(0).rstrip(".,;") for m in URL.finditer(doc.text)]
    # "linkedin.com/in/jane-doe" written without https:// or www. is a profile URL too
    bare = ["https://" + m.group(0).rstrip(".,;") for m in _bare_profile().finditer(doc.text)]
    for url in written + bare + [lk.url for lk in doc.links]:
        if not web_url(url) or url in credential_urls or url in urls:  # http(s) only, never javascript:
            continue
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/")[0]
        in_contact = any(host.endswith(h) for h in _PROFILE_HOSTS)
        if in_contact or len(urls) < 5:
            urls.append(url)
    return Candidate(
        name=find_name(doc, sections, protected),
        emails=emails[:10],
        phones=find_phones(doc.text),
        urls=urls[:10],
    )
