"""Headings by how a line looks in its own document, not by what it says.

A designed résumé sets its headings apart from the body in larger type: "Things I Care
About" in 14 pt over 10 pt text is a heading even though no rule lists it, and it must end
the credentials section above it. The body size is the size most of the document's text
is set in; a heading is a short line set clearly larger that body text follows. The name
(the one line in the largest type, or any line before the body text) is not a heading: a
two-column export puts its sidebar before the name. Documents whose reader knows
no sizes (DOCX styles and Markdown marks give ``Line.kind`` instead) have none here.
"""

from __future__ import annotations

from collections import Counter

from ..document import Document, Line

_MIN_STEP = 1.0  # points larger than the body, at least …
_MIN_RATIO = 0.12  # … or this share of the body size, whichever is larger
_MAX_WORDS = 6


def body_size(lines: list[Line]) -> float | None:
    """The type size that most of the text (by characters) is set in."""
    sizes: Counter[float] = Counter()
    for line in lines:
        if line.size:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else None


def styled_headings(doc: Document) -> set[int]:
    """Indexes of the lines set as headings: short, clearly larger than the body, body text after."""
    body = body_size(doc.lines)
    if body is None:
        return set()
    step = max(_MIN_STEP, body * _MIN_RATIO)
    sizes = Counter(round(line.size, 1) for line in doc.lines if line.size)
    name_size = max(sizes)
    if sizes[name_size] > 1:
        name_size = float("inf")  # several lines in the largest type: headings, no name above them
    out: set[int] = set()
    seen_body = False
    for i, line in enumerate(doc.lines):
        size = line.size or 0.0
        if abs(size - body) < step:
            seen_body = True
            continue
        if (
            size < body + step
            or not seen_body
            or round(size, 1) >= name_size
            or not _heading_words(line.text)
        ):
            continue
        after = doc.lines[i + 1] if i + 1 < len(doc.lines) else None
        if after is not None and after.size and after.size < size - step / 2:
            out.add(i)
    return out


def _heading_words(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and not any(c.isdigit() for c in text)
        and not text.rstrip().endswith((",", ";", "."))
    )
