"""Build real PDF and DOCX files for tests (reportlab and python-docx), no mocks."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))  # tools/docx_parts.py

from docx_parts import add_hyperlink, docx_bytes  # noqa: F401  (re-exported to the tests)

Line = tuple[float, float, str]  # x, y from top, text


def make_pdf(
    pages: Sequence[Sequence[Line]],
    links: Sequence[tuple[int, float, float, float, float, str]] = (),
    font_sizes: dict[str, float] | None = None,
    image_page: bool = False,
    image_text: str = "Certifications: PMP",
) -> bytes:
    """A PDF with text drawn at (x, y-from-top); links are (page, x0, top, x1, bottom, url)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=letter)
    width, height = letter
    for page_no, lines in enumerate(pages, start=1):
        for x, y, text in lines:
            size = (font_sizes or {}).get(text, 10)
            c.setFont("Helvetica", size)
            c.drawString(x, height - y, text)
        for p, x0, top, x1, bottom, url in links:
            if p == page_no:
                c.linkURL(url, (x0, height - bottom, x1, height - top), relative=0)
        c.showPage()
    if image_page:
        from PIL import Image, ImageDraw
        from reportlab.lib.utils import ImageReader

        img = Image.new("RGB", (600, 200), "white")
        if image_text:  # "": an image with no text at all, which OCR cannot read either
            ImageDraw.Draw(img).text((10, 10), image_text, fill="black")
        c.drawImage(ImageReader(img), 50, 400, width=400, height=130)
        c.showPage()
    c.save()
    return buf.getvalue()


def slow_resume() -> bytes:
    """A résumé that takes tens of seconds to parse: 3,000 unknown entries in a credentials
    section, each looked up fuzzily in the catalog. For tests of the time limit, which stop it
    long before it ends (a long run of one word parses in well under a second now)."""
    entries = "".join(f"Acme Widget Practitioner Level {n} Certification\n" for n in range(3000))
    return b"Certifications\n" + entries.encode()
