"""Split a document into sections by heading rules from ``patterns/sections.yaml``.

A heading is a short line that matches a known heading (any case, a trailing ':' allowed),
a heading split over two short lines, a heading followed by ':' and content on the same
line, or an unknown line that looks like a heading in its document: ALL CAPS, a heading
style or mark (DOCX, Markdown), or set larger than the body (``layout.py``). Every heading
ends the section before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document
from .layout import styled_headings
from .rules import Rules, heading_key


@dataclass(frozen=True)
class SectionInfo:
    """The section a line belongs to."""

    category: (
        str  # credentials | experience | education | skills | summary | contact | languages | other | none
    )
    heading: str | None
    content_start: int = 0  # offset inside the line where content starts (inline headings)


NONE = SectionInfo("none", None)
_CAPS = re.compile(r"^[^a-z]*[A-Z]{2}[^a-z]*$")


def _known(rules: Rules, text: str) -> str | None:
    if len(text) > 60 or not text.strip():
        return None
    return rules.headings.get(heading_key(text))


def _unknown_heading(text: str, kind: str, protected: bool) -> bool:
    """A line styled or written as a heading that is not in the rules."""
    words = text.split()
    if protected or not words or len(words) > 5 or any(c.isdigit() for c in text):
        return False
    if kind == "heading":
        return True
    letters = sum(c.isalpha() for c in text)
    return bool(_CAPS.match(text)) and letters >= 8 and (len(words) >= 2 or letters >= 10)


def assign_sections(doc: Document, rules: Rules, protected: set[int]) -> list[SectionInfo]:
    """The section of every line. ``protected`` lines hold catalog mentions: never headings."""
    out: list[SectionInfo] = []
    current = NONE
    lines = doc.lines
    looks = styled_headings(doc)
    skip_next = False
    for i, line in enumerate(lines):
        if skip_next:
            skip_next = False
            out.append(SectionInfo("heading", current.heading))
            continue
        if line.kind == "break":
            current = NONE
            out.append(NONE)
            continue
        text = line.text.strip().lstrip("#•*- ").strip()
        kind = "heading" if i in looks else line.kind
        styled = kind == "heading" or bool(_CAPS.match(text)) or text.endswith(":")
        category = _known(rules, text) if i not in protected or styled else None
        if category is None and styled and len(text.split()) <= 6 and not any(c.isdigit() for c in text):
            words = set(re.findall(r"\w+", text.lower()))
            if words & rules.credential_heading_words and (
                i not in protected or text.endswith(":") or _CAPS.match(text)
            ):
                category = "credentials"
        prev_text = lines[i - 1].text.strip() if i else ""
        if (
            category == "credentials" == current.category
            and " " not in text
            and prev_text
            and not styled
            and text.lower() in rules.credential_heading_words
        ):
            out.append(current)  # "IBM Data Analyst Professional" / "Certificate": not a new heading
            continue
        if category:
            current = SectionInfo(category, text.rstrip(":").strip())
            out.append(SectionInfo("heading", current.heading))
            continue
        nxt = lines[i + 1].text.strip() if i + 1 < len(lines) else ""
        if text and nxt and len(text.split()) <= 3 and len(nxt.split()) <= 3 and i not in protected:
            joined = _known(rules, f"{text} {nxt}")
            if joined:
                current = SectionInfo(joined, f"{text} {nxt}")
                out.append(SectionInfo("heading", current.heading))
                skip_next = True
                continue
        if ":" in text[:40]:
            head, _, rest = text.partition(":")
            inline = _known(rules, head)
            if inline and rest.strip():
                current = SectionInfo(inline, head.strip())
                offset = line.text.find(":") + 1
                out.append(SectionInfo(inline, head.strip(), offset))
                continue
        if _unknown_heading(text, kind, i in protected):
            current = SectionInfo("other", text)
            out.append(SectionInfo("heading", text))
            continue
        out.append(current)
    return out
