"""The PDFium reader measures characters as pdfminer does: size, top and bottom, page box, turned text.

- size: pdfminer's is the font size in page units (text size times the CTM's scale), PDFium's
  ``FPDFText_GetFontSize`` the size in text space (19 where the page shows 11.4); top is one
  font size above the bottom, the bottom at the font's descent (pdfminer's own metrics for
  the standard 14 fonts);
- the page: pdfplumber measures top from the MediaBox, PDFium's page size is the CropBox;
- text turned 90° is not upright: pdfplumber groups it in columns read top to bottom.
"""

from __future__ import annotations

from .test_pdf_fast_spaces import assert_same_reading, glyph_pdf


def test_font_size_under_a_scaled_ctm(cp, monkeypatch):
    assert_same_reading(cp, glyph_pdf(size=19, scale=0.6), monkeypatch)


def test_positions_are_measured_from_the_mediabox(cp, monkeypatch):
    assert_same_reading(cp, glyph_pdf(crop=(20, 20, 560, 760)), monkeypatch)


def test_turned_text_on_an_upright_page(cp, monkeypatch):
    assert_same_reading(cp, glyph_pdf(turned="Vertical sidebar label"), monkeypatch)


def test_sizes_change_within_a_line(cp, monkeypatch):
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    y = 760
    for label, value in (("Certifications", ""), ("PMP", " (PMI) 2019"), ("CISSP", " ID 123456")):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(60, y, label)
        if value:
            c.setFont("Helvetica", 9)
            c.drawString(60 + c.stringWidth(label, "Helvetica-Bold", 12) + 1, y, value)
        y -= 16
    c.showPage()
    c.save()
    assert_same_reading(cp, buf.getvalue(), monkeypatch)


def _drawn(draw) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_horizontal_scaling_narrows_the_advance(cp, monkeypatch):
    def draw(c):
        t = c.beginText(60, 700)
        t.setFont("Helvetica", 10)
        t.setHorizScale(70)
        t.textLine("Certified Kubernetes Administrator (CKA) 2021")
        c.drawText(t)
        for i, ch in enumerate("PMP exam passed"):  # glyph by glyph, 4.2 pt apart
            t = c.beginText(60 + i * 4.2, 680)
            t.setFont("Helvetica", 10)
            t.setHorizScale(70)
            t.textOut(ch)
            c.drawText(t)

    assert_same_reading(cp, _drawn(draw), monkeypatch)


def test_text_rise_and_spacing(cp, monkeypatch):
    def draw(c):
        t = c.beginText(60, 700)
        t.setFont("Helvetica", 10)
        t.textOut("CISSP")
        t.setRise(4)
        t.textOut("TM")
        t.setRise(0)
        t.textOut(" certified 2020")
        c.drawText(t)
        t = c.beginText(60, 680)
        t.setFont("Helvetica", 10)
        t.setCharSpace(1.5)
        t.setWordSpace(4)
        t.textLine("CCNA Routing and Switching 2018")
        c.drawText(t)

    assert_same_reading(cp, _drawn(draw), monkeypatch)
