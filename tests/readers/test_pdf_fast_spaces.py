"""The PDFium reader reads word gaps as pdfplumber does, however a PDF places its words.

Many real résumé PDFs draw every glyph as its own text object at its own position, the
spaces included. PDFium leaves a text object without ink (a space) out of its text page, so
"Professional Overview" came out as one word where pdfminer has the space character. Other
PDFs have no space characters at all: the words are simply placed apart, and a gap wider
than pdfplumber's x_tolerance (3 pt) separates them. This module also holds the helpers the
other ``test_pdf_fast_*`` modules use: a PDF drawn glyph by glyph, and the check that both
readers give the same lines (text, size, position) and the same credentials.
"""

from __future__ import annotations

import io

import pytest

from parser.limits import Limits
from parser.readers import pdf_fast
from parser.readers.pdf import read_pdf

RESUME = [
    "Jordan Example",
    "Certifications",
    "AWS Certified Solutions Architect - Associate, 2022",
    "Project Management Professional (PMP), PMI, 2019",
    "Staff officer for office affairs",
]


def glyph_pdf(
    lines: list[str] = RESUME,
    *,
    size: float = 10.0,
    scale: float = 1.0,
    spaces: str = "glyphs",
    bold_offset: float = 0.0,
    crop: tuple[float, float, float, float] | None = None,
    turned: str | None = None,
) -> bytes:
    """A one-page PDF whose every glyph is its own text object, placed by position.

    ``spaces``: ``glyphs`` draws each space as a glyph of its own; ``none`` draws no space
    character and starts the next word one space width further; ``wide`` draws none and
    leaves 5 pt between words. ``scale`` draws through a scaled CTM (font ``size`` in text
    space); ``bold_offset`` draws every glyph twice, the second that far to the right (fake
    bold); ``crop`` sets a CropBox; ``turned`` adds a line of text turned 90°.
    """
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    if crop:
        c.setCropBox(crop)
    _, height = letter
    c.saveState()
    c.scale(scale, scale)
    c.setFont("Helvetica", size)
    for n, line in enumerate(lines):
        x, y = 60 / scale, (height - 80 - 16 * n) / scale
        for ch in line:
            width = c.stringWidth(ch, "Helvetica", size)
            if ch == " " and spaces != "glyphs":
                x += width if spaces == "none" else 5 / scale
                continue
            c.drawString(x, y, ch)
            if bold_offset:
                c.drawString(x + bold_offset / scale, y, ch)
            x += width
    c.restoreState()
    if turned:
        c.saveState()
        c.translate(30, 300)
        c.rotate(90)
        c.setFont("Helvetica", 9)
        c.drawString(0, 0, turned)
        c.restoreState()
    c.showPage()
    c.save()
    return buf.getvalue()


def _lines(doc):
    return [(ln.text, ln.page, ln.kind, ln.x0, ln.top, ln.size) for ln in doc.lines]


def _credentials(cp, data: bytes, reader: str, monkeypatch) -> list[tuple]:
    monkeypatch.setenv(pdf_fast.ENV_READER, reader)
    profile = cp.parse(data, filename="cv.pdf")
    assert profile.error is None
    return sorted((c.name, c.credential_id, c.status) for c in profile.credentials)


def assert_same_reading(cp, data: bytes, monkeypatch) -> list[str]:
    """Both readers give the same lines and credentials; returns the lines' text."""
    full = read_pdf(data, Limits())
    fast = pdf_fast._read(data, Limits())  # PDFium itself: no fallback hides a difference
    for a, b in zip(_lines(full), _lines(fast), strict=True):
        assert b[:3] == a[:3]
        assert b[3:] == pytest.approx(a[3:], abs=0.15)  # positions and size, rounded to 0.1
    assert fast.links == full.links
    assert _credentials(cp, data, "pdfium", monkeypatch) == _credentials(cp, data, "pdfplumber", monkeypatch)
    return [ln.text for ln in full.lines]


def test_spaces_drawn_as_glyphs_of_their_own_separate_words(cp, monkeypatch):
    text = assert_same_reading(cp, glyph_pdf(spaces="glyphs"), monkeypatch)
    assert "AWS Certified Solutions Architect - Associate, 2022" in text


def test_words_placed_apart_without_space_characters(cp, monkeypatch):
    text = assert_same_reading(cp, glyph_pdf(spaces="wide"), monkeypatch)
    assert "Project Management Professional (PMP), PMI, 2019" in text


def test_words_a_space_apart_without_space_characters_stay_glued_in_both(cp, monkeypatch):
    # a space is 2.8 pt in 10 pt Helvetica: under x_tolerance, so pdfplumber joins the words
    text = assert_same_reading(cp, glyph_pdf(spaces="none"), monkeypatch)
    assert "JordanExample" in text


def test_spaces_as_glyphs_under_a_scaled_ctm(cp, monkeypatch):
    assert_same_reading(cp, glyph_pdf(spaces="glyphs", size=19, scale=0.6), monkeypatch)


def test_a_space_inside_a_string_still_separates_words(cp, monkeypatch):
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("Helvetica", 10)
    for n, line in enumerate(RESUME):
        c.drawString(60, 760 - 16 * n, line)  # one text object per line, spaces inside it
    c.showPage()
    c.save()
    assert_same_reading(cp, buf.getvalue(), monkeypatch)
