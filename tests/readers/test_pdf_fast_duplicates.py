"""PDFium drops a text object that repeats one of the five before it; pdfminer keeps both.

PDFium's text page takes a glyph drawn again at nearly the same place (less than 0.9 of its
advance away) for a duplicate: the second "f" of "office" when each glyph is its own text
object, and every glyph of fake bold (each letter drawn twice, a fraction of a point apart).
pdfplumber reads both copies ("Staff", "SSttaaffff" in fake bold), so the PDFium reader
restores the copy from the object it repeats.
"""

from __future__ import annotations

from .test_pdf_fast_spaces import assert_same_reading, glyph_pdf


def test_double_letters_drawn_glyph_by_glyph(cp, monkeypatch):
    text = assert_same_reading(cp, glyph_pdf(), monkeypatch)
    assert "Staff officer for office affairs" in text


def test_fake_bold_drawn_twice(cp, monkeypatch):
    text = assert_same_reading(cp, glyph_pdf(bold_offset=0.3), monkeypatch)
    assert "SSttaaffff ooffffiicceerr ffoorr ooffffiiccee aaffffaaiirrss" in text


def test_fake_bold_under_a_scaled_ctm(cp, monkeypatch):
    assert_same_reading(cp, glyph_pdf(bold_offset=0.3, size=19, scale=0.6), monkeypatch)
