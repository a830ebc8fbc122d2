"""Scans and photographed résumés read by OCR (Tesseract, installed by .ci/run), on generated images.

Each image is drawn here with Pillow and reportlab's own Vera font, the way a copier or a phone
would hand it over: slightly turned, blurred, JPEG-compressed, or sideways with an EXIF
orientation tag. No test reads a real person's scan.
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from pathlib import Path

import pytest
import reportlab
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from parser.limits import Limits
from parser.readers import ocr
from parser.reading import reading

pytestmark = pytest.mark.skipif(not ocr.available(), reason="tesseract-ocr is not installed")

FONTS = Path(reportlab.__file__).parent / "fonts"
LINES = [
    ("Priya Natarajan", 20, True),
    ("priya.natarajan@example.com", 10, False),
    ("", 10, False),
    ("Licenses & Certifications", 13, True),
    ("Certified Information Systems Security Professional (CISSP), ISC2, 2021", 10, False),
    ("Project Management Professional (PMP), PMI, 2019", 10, False),
]


def page(lines=LINES, dpi: int = 200) -> Image.Image:
    img = Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    y = dpi // 2
    for text, size, bold in lines:
        font = ImageFont.truetype(str(FONTS / ("VeraBd.ttf" if bold else "Vera.ttf")), int(size * dpi / 72))
        draw.text((dpi * 3 // 4, y), text, font=font, fill=0)
        y += int(size * dpi / 72 * 1.6)
    return img


def encoded(img: Image.Image, fmt: str, **options) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **options)
    return buf.getvalue()


def phone_photo() -> bytes:
    """A phone's JPEG: turned a little, soft, compressed."""
    img = page().rotate(0.8, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
    return encoded(img.convert("RGB"), "JPEG", quality=70)


def names(profile) -> set[str]:
    return {c.catalog_id for c in profile.credentials}


def test_a_phone_photo_is_read_by_ocr(cp):
    profile = cp.parse(phone_photo(), filename="cv.jpg")
    assert profile.error is None and profile.source.media_type == "image/jpeg"
    assert names(profile) == {"isc2/cissp", "pmi/pmp"}
    assert profile.candidate.name == "Priya Natarajan"
    assert reading(profile) == "ocr"


def test_a_sideways_photo_is_turned_by_its_exif_orientation(cp):
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display": the pixels are stored sideways
    sideways = page().rotate(90, expand=True).convert("RGB")
    profile = cp.parse(encoded(sideways, "JPEG", quality=85, exif=exif.tobytes()), filename="cv.jpg")
    assert names(profile) == {"isc2/cissp", "pmi/pmp"}


@pytest.mark.parametrize("fmt, name", [("PNG", "cv.png"), ("TIFF", "cv.tif"), ("WEBP", "cv.webp")])
def test_png_tiff_and_webp_scans(cp, fmt, name):
    profile = cp.parse(encoded(page(), fmt), filename=name)
    assert profile.error is None and names(profile) == {"isc2/cissp", "pmi/pmp"}


def test_an_image_only_pdf_is_read_by_ocr_page_by_page(cp):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    c.drawImage(ImageReader(page()), 0, 0, width=612, height=792)
    c.showPage()
    c.save()
    profile = cp.parse(buf.getvalue(), filename="scan.pdf")
    assert names(profile) == {"isc2/cissp", "pmi/pmp"}
    assert [w.code for w in profile.warnings] == ["ocr"]
    assert profile.credentials[0].evidence[0].page == 1


def test_a_multi_page_tiff_reads_at_most_max_ocr_pages(cp):
    from parser import CredentialParser

    frames = [page(), page([("Second page", 12, False)]), page([("Third page", 12, False)])]
    buf = io.BytesIO()
    frames[0].save(buf, "TIFF", save_all=True, append_images=frames[1:])
    two = CredentialParser(limits=Limits(max_ocr_pages=2), as_of=cp.as_of)
    profile = two.parse(buf.getvalue(), filename="fax.tiff")
    assert profile.source.pages == 2
    assert ("truncated", "only the first 2 of 3 pages were read") in [
        (w.code, w.message) for w in profile.warnings
    ]


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width`` × ``height`` pixels, with one tiny IDAT chunk."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 16))
        + chunk(b"IEND", b"")
    )


def test_a_30000_by_30000_image_is_too_large_before_it_is_decoded(cp):
    started = time.monotonic()
    profile = cp.parse(_png_header_only(30_000, 30_000), filename="huge.png")
    assert profile.error is not None and profile.error.code == "too_large"
    assert "pixels" in profile.error.message
    assert time.monotonic() - started < 5


def test_a_corrupt_image_is_an_error_record(cp):
    photo = phone_photo()
    profile = cp.parse(photo[:200], filename="cut.jpg")
    assert profile.error is not None and profile.error.code == "corrupt"


def test_a_500_page_scanned_pdf_is_bounded(cp):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from parser import CredentialParser

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792))
    image = ImageReader(page().resize((425, 550)))
    for _ in range(500):
        c.drawImage(image, 0, 0, width=612, height=792)
        c.showPage()
    c.save()
    bounded = CredentialParser(limits=Limits(max_ocr_pages=2), as_of=cp.as_of)
    started = time.monotonic()
    profile = bounded.parse(buf.getvalue(), filename="scan500.pdf")
    assert time.monotonic() - started < 60
    codes = [w.code for w in profile.warnings]
    assert codes.count("ocr") == 2 and "truncated" in codes  # 50 pages read (max_pages), 2 by OCR


def test_a_two_column_scan_is_read_column_by_column(cp):
    dpi = 200
    img = Image.new("L", (int(8.5 * dpi), int(11 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONTS / "Vera.ttf"), int(10 * dpi / 72))
    bold = ImageFont.truetype(str(FONTS / "VeraBd.ttf"), int(13 * dpi / 72))
    draw.text((150, 120), "Jonas Whitfield", font=bold, fill=0)
    draw.text((150, 170), "jonas.whitfield@example.com", font=font, fill=0)
    left = ["Skills", "Python and SQL", "Budget planning", "Team leadership", "Vendor management"]
    right = [
        "Certifications",
        "Project Management Professional (PMP), 2020",
        "Certified ScrumMaster (CSM), 2019",
        "ITIL 4 Foundation, 2021",
        "",
    ]
    for row, (a, b) in enumerate(zip(left, right)):
        y = 300 + row * 45
        draw.text((150, y), a, font=bold if row == 0 else font, fill=0)
        draw.text((700, y), b, font=bold if row == 0 else font, fill=0)
    profile = cp.parse(encoded(img, "PNG"), filename="two-column.png")
    assert names(profile) == {"pmi/pmp", "scrum-alliance/csm", "peoplecert/itil4-foundation"}
    # each credential's evidence is its own column's line, never a line running across both
    assert all(
        "Python" not in c.evidence[0].snippet and "leadership" not in c.evidence[0].snippet
        for c in profile.credentials
    )


def test_ocr_is_said_in_the_source_and_in_the_confidence(cp):
    profile = cp.parse(phone_photo(), filename="cv.jpg")
    assert (profile.source.ocr, profile.source.ocr_pages, profile.source.pages) == (True, [1], 1)
    typed = cp.parse(
        "\n".join(text for text, _, _ in LINES).encode(), filename="cv.txt"
    )  # the same résumé as text
    assert typed.source.ocr is False
    by_id = {c.catalog_id: c.confidence for c in typed.credentials}
    for cred in profile.credentials:  # OCR's word confidence (< 1) scales the credential's
        assert 0 < cred.confidence < by_id[cred.catalog_id]
