"""OCR of scanned pages in a PDF (tesseract-ocr, which .ci/run installs), and without it."""

from __future__ import annotations

import pytest
from builders import make_pdf

from parser.limits import Limits
from parser.readers import ocr
from parser.readers.pdf import read_pdf

HAVE_OCR = ocr.available()


@pytest.mark.skipif(not HAVE_OCR, reason="OCR is optional: pytesseract and tesseract are not installed")
def test_scanned_page_is_read_by_ocr_when_installed():
    doc = read_pdf(make_pdf([[(50, 100, "Jo Park")]], image_page=True), Limits())
    assert ("ocr", "page 2 has no text layer; its text was recognised by OCR") in doc.warnings
    assert any("PMP" in line.text for line in doc.lines if line.page == 2)


@pytest.mark.skipif(HAVE_OCR, reason="checks the behaviour without OCR")
def test_scanned_page_warns_without_ocr():
    doc = read_pdf(make_pdf([[(50, 100, "Jo Park")]], image_page=True), Limits())
    assert ("no_text_layer", "page 2 has no text layer") in doc.warnings
