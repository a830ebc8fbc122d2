"""The plain objects a reader produces: a Document made of lines, links and warnings.

Every line keeps its page, position and kind so that later stages can use layout as
context; the document text is the lines joined by newlines, and every offset in the
output (evidence, links) points into that text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .mojibake import repair
from .surrogates import replace_surrogates


@dataclass
class Line:
    """One line of text as laid out in the source."""

    text: str
    page: int | None = None
    x0: float | None = None
    top: float | None = None
    size: float | None = None
    #: OCR's mean word confidence (0–1) on this line; None for text a file carries as text.
    confidence: float | None = None
    kind: str = "text"  # text | heading | header | footer | table | list
    start: int = 0  # offset into Document.text, set by Document.finish()


@dataclass(frozen=True)
class Link:
    """A hyperlink target attached to a span of document text."""

    start: int
    end: int
    url: str


@dataclass(frozen=True)
class Attachment:
    """A file embedded in the document (a badge image in a DOCX, a PDF attachment)."""

    name: str
    data: bytes


@dataclass
class ReadResult:
    """A file read into a :class:`Document`, or why it could not be, before any language work:
    what ``credparse parse`` reads in a child while the parser is still loading."""

    sha256: str | None
    size: int
    media_type: str | None = None
    doc: Document | None = None
    error: tuple[str, str] | None = None  # (code, message) of the DocumentError


@dataclass
class Document:
    """What a reader hands to the pipeline: text lines with layout, links and warnings."""

    media_type: str
    lines: list[Line] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    pages: int | None = None
    ocr_pages: list[int] = field(default_factory=list)
    text: str = ""

    def finish(self) -> Document:
        """Assign line offsets and build the document text; returns self."""
        pos = 0
        parts: list[str] = []
        for line in self.lines:
            line.start = pos
            parts.append(line.text)
            pos += len(line.text) + 1
        self.text = "\n".join(parts)
        return self

    def warn(self, code: str, message: str) -> None:
        self.warnings.append((code, message))


class LineBuilder:
    """Accumulates lines and their in-line links before the document text exists.

    Readers add one line at a time with link targets as offsets inside that line;
    ``build`` optionally re-joins wrapped lines and converts links to document offsets.
    """

    def __init__(self, media_type: str) -> None:
        self.media_type = media_type
        self.entries: list[tuple[str, list[tuple[int, int, str]], dict]] = []

    def add(self, text: str, links: list[tuple[int, int, str]] | None = None, **layout: object) -> None:
        """Add one line; ``links`` are (start, end, url) offsets inside ``text``."""
        text = replace_surrogates(text.replace("\n", " ").rstrip())
        if not links:  # a repair may change the line's length; a link's offsets must stay true
            text = repair(text)
        self.entries.append((text, [(a, b, replace_surrogates(url)) for a, b, url in links or ()], layout))

    def build(self, merge: bool = True) -> Document:
        entries = merge_wrapped(self.entries) if merge else self.entries
        doc = Document(media_type=self.media_type)
        for text, _links, layout in entries:
            doc.lines.append(Line(text=text, **layout))
        doc.finish()
        for line, (_text, links, _layout) in zip(doc.lines, entries):
            for start, end, url in links:
                doc.links.append(Link(line.start + start, line.start + end, url))
        return doc


_CONNECTORS = (
    "–",
    "—",
    "-",
    "&",
    ",",
    "/",
    "(",
    " and",
    " of",
    " for",
    " in",
    " und",
    " et",
    " y",
    " e",
)
_URL_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/?#=&%+:")


def _join_kind(prev: str, nxt: str) -> str | None:
    """How two consecutive lines of one block join: '' (glue), ' ' (space) or None."""
    if not prev or not nxt:
        return None
    last = prev.split()[-1]
    first = nxt.split()[0]
    if (
        last.startswith(("http://", "https://", "www."))
        and " " not in nxt.strip()
        and set(nxt.strip()) <= _URL_CHARS
        and ("/" in nxt or last.endswith(("/", "-", "=", "?", "_")))
    ):
        return ""
    if (
        len(prev) > 2
        and prev[-1] == "-"
        and prev[-2].isalpha()
        and prev[-2].islower()
        and first[:1].islower()
    ):
        return "-"
    if nxt.startswith("#") and len(first) > 2:  # "License" / "#RN123456"
        return " "
    if (
        last.lower().rstrip(".:") in ("id", "no", "number", "nr", "#")
        and " " not in nxt.strip()
        and any(c.isdigit() for c in nxt)
    ):
        return " "  # "Certification ID" / "LF-8w3n5r0t2c"
    if prev.endswith(_CONNECTORS) and nxt[:1] not in "•·-*–":
        return " "
    return None


def merge_wrapped(
    lines: list[tuple[str, list[tuple[int, int, str]], dict]],
) -> list[tuple[str, list[tuple[int, int, str]], dict]]:
    """Join lines a layout broke apart: hyphenated words, URLs and items wrapped at a connector.

    Each entry is (text, links, layout). Lines only join within one page and column
    (same ``page`` and close ``x0``), so separate blocks never merge.
    """
    out: list[tuple[str, list[tuple[int, int, str]], dict]] = []
    for text, links, layout in lines:
        if out:
            ptext, plinks, playout = out[-1]
            same_block = (
                playout.get("page") == layout.get("page")
                and abs((playout.get("x0") or 0) - (layout.get("x0") or 0)) < 40
            )
            how = _join_kind(ptext.rstrip(), text.strip()) if same_block else None
            if how is not None:
                base = ptext.rstrip()
                if how == "-":
                    base, how = base[:-1], ""
                joined = base + how + text.strip()
                shift = len(base) + len(how) - (len(text) - len(text.lstrip()))
                merged = plinks + [(s + shift, e + shift, u) for s, e, u in links]
                out[-1] = (joined, merged, playout)
                continue
        out.append((text, list(links), layout))
    return out
