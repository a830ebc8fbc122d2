"""What an item says about each of its mentions: status words, dates, IDs and URLs.

Everything found in an item (its title, issuer and attribute lines) is given to the
nearest mention, so "CompTIA A+ (2019), Network+ (2021)" gives each its own date, and a
"Credential ID" line under an entry belongs to that entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from .dates import find_dates
from .items import URL
from .mentions import Mention
from .rules import Rules


@dataclass
class Attributes:
    status_words: list[tuple[str, str]] = field(default_factory=list)  # (status, phrase)
    issued: str | None = None
    expires: str | None = None
    expected: str | None = None
    credential_id: str | None = None
    urls: list[str] = field(default_factory=list)


def web_url(url: str) -> bool:
    """Whether ``url`` may be a credential or candidate URL: ``http``/``https``, or a ``www.``
    address as written in text. A link behind "Show credential" in a DOCX, PDF or Markdown
    résumé can be ``javascript:``, ``data:``, ``vbscript:``, ``file:``…; such a URL would reach
    the JSONL, the API and the exports, so it never enters the profile. (A malformed http URL
    such as ``http://[oops`` is kept as written; writers leave it out of links.)"""
    return url.lower().startswith(("http://", "https://", "www."))


def _nearest(mentions: list[Mention], offset: int, line: int, backward_only: bool = False) -> Mention | None:
    if len(mentions) == 1:
        return mentions[0]
    same = [m for m in mentions if m.line == line]
    if same:
        before = [m for m in same if m.start <= offset]
        if before:
            return max(before, key=lambda m: m.start)
        return None if backward_only else min(same, key=lambda m: m.start)
    above = [m for m in mentions if m.line < line]
    return max(above, key=lambda m: (m.line, m.start)) if above else None


def _owners(mentions: list[Mention], offset: int, line: int) -> list[Mention]:
    """Who an ID belongs to: the nearest mention, or every mention of an enumeration line
    above ("FINRA Series 7, 63 and 66" / "CRD #6543210") when they all came from it."""
    near = _nearest(mentions, offset, line)
    if near is None:
        return []
    if near.line != line and any(m.how == "enum" for m in mentions) and len({m.line for m in mentions}) == 1:
        return list(mentions)
    return [near]


def _clause_gap(text: str) -> bool:
    return bool(re.search(r"[.;]\s|\n", text))


def assign_attributes(doc: Document, mentions: list[Mention], rules: Rules) -> dict[int, Attributes]:
    """Attributes for every mention, keyed by ``id(mention)``."""
    result = {id(m): Attributes() for m in mentions}
    groups: dict[tuple[int, ...], list[Mention]] = {}
    by_line: dict[int, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(tuple(m.item_lines), []).append(m)
        by_line.setdefault(m.line, []).append(m)
    for lines, siblings in groups.items():
        siblings.sort(key=lambda m: m.start)
        in_section = siblings[0].in_section
        for i in lines:
            line = doc.lines[i]
            text = line.text
            _statuses(doc, siblings, result, rules, i, text, line.start, by_line.get(i - 1, []))
            for d in find_dates(text):
                offset = line.start + d.start
                target = _nearest(siblings, offset, i)
                if target is None:
                    continue
                if not in_section and not _near_after(target, offset, doc, d.role):
                    continue
                attrs = result[id(target)]
                if d.role == "expires":
                    attrs.expires = attrs.expires or d.value
                elif d.role == "expected":
                    attrs.expected = attrs.expected or d.value
                else:
                    attrs.issued = attrs.issued or d.value
            for m_id in rules.id_re.finditer(text):
                for target in _owners(siblings, line.start + m_id.start(), i):
                    if not result[id(target)].credential_id:
                        result[id(target)].credential_id = m_id.group("id")
            for m_url in URL.finditer(text):
                target = _nearest(siblings, line.start + m_url.start(), i)
                url = m_url.group(0).rstrip(".,;")
                if target is not None and web_url(url):
                    result[id(target)].urls.append(url)
            for link in doc.links:
                if not web_url(link.url):
                    continue  # mailto:, tel:, javascript:, data: … are never a credential's URL
                if line.start <= link.start < line.start + max(1, len(text)):
                    target = next((m for m in siblings if m.start < link.end and link.start < m.end), None)
                    target = target or _nearest(siblings, link.start, i)
                    if target is not None and link.url not in result[id(target)].urls:
                        result[id(target)].urls.append(link.url)
    return result


def _closes_bracket(text: str, start: int, end: int) -> bool:
    """A status word that closes a bracket opened before it, here or on the line above."""
    return text[end:].lstrip().startswith(")") and "(" not in text[:start]


def _near_after(m: Mention, offset: int, doc: Document, role: str) -> bool:
    """Outside credential sections a date belongs to a mention only right after it."""
    if role in ("expires", "expected"):
        return offset >= m.end and not _clause_gap(doc.text[m.end : offset])
    return m.end <= offset <= m.end + 25 and not _clause_gap(doc.text[m.end : offset])


def _statuses(
    doc: Document,
    siblings: list[Mention],
    result: dict[int, Attributes],
    rules: Rules,
    i: int,
    text: str,
    base: int,
    above: list[Mention],
) -> None:
    """Status words of one line for the mentions they reach; ``above`` are the previous line's."""
    taken: list[tuple[int, int]] = []
    for rx, trig in rules.triggers:
        for hit in rx.finditer(text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            after = text[hit.end() : hit.end() + 12].strip().lower()
            if trig.unless_next and any(after.startswith(w) for w in trig.unless_next):
                continue
            if any(
                m.start - base < hit.end() and hit.start() < m.end - base for m in siblings if m.line == i
            ):
                continue  # the phrase is part of the credential's own name
            taken.append((hit.start(), hit.end()))
            offset = base + hit.start()
            targets: list[Mention] = []
            if trig.direction == "forward":
                targets = [
                    m
                    for m in siblings
                    if m.start >= base + hit.end() and not _clause_gap(doc.text[base + hit.end() : m.start])
                ]
                if not targets and len(siblings) == 1 and siblings[0].line != i:
                    targets = siblings
            elif trig.direction == "backward":
                near = _nearest(siblings, offset, i, backward_only=True)
                targets = [near] if near else []
            elif _closes_bracket(text, hit.start(), hit.end()):
                # "Cloud Plus Certification ( 2019" / "Expected) …": the bracket's owner
                before = [m for m in siblings if m.line == i and m.end <= offset]
                targets = before[-1:] or above[-1:]
            else:
                near = _nearest(siblings, offset, i)
                targets = [near] if near else []
            for m in targets:
                if not m.in_section and abs(m.start - offset) > 60:
                    continue
                result[id(m)].status_words.append((trig.status, hit.group(0)))
