"""Badges inside résumés: a baked Open Badges 3.0 PNG in a DOCX and attached to a PDF."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from builders import docx_bytes, make_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "badges" / "1edtech-validator" / "ob30"
BAKED = FIXTURES / "simple-json.png"


def test_docx_with_a_baked_badge_yields_a_verified_credential(cp):
    d = docx.Document()
    d.add_paragraph("Robin Vale")
    d.add_paragraph("Badges")
    d.add_picture(io.BytesIO(BAKED.read_bytes()))
    p = cp.parse(docx_bytes(d), filename="cv.docx")
    assert p.error is None
    [badge] = [c for c in p.credentials if c.match.method == "badge"]
    assert badge.verification.level == "verified" and badge.verification.method == "ob3_proof"
    assert badge.verification.badge is not None and badge.verification.badge.achievement == badge.name
    assert badge.verification.badge.format == "ob3-json"


def test_pdf_with_an_attached_badge_yields_a_verified_credential(cp):
    from pypdf import PdfReader, PdfWriter

    base = make_pdf([[(50, 100, "Robin Vale"), (50, 114, "Badges: see the attached file")]])
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(base)).pages:
        writer.add_page(page)
    writer.add_attachment("teamwork-badge.png", BAKED.read_bytes())
    buf = io.BytesIO()
    writer.write(buf)
    p = cp.parse(buf.getvalue(), filename="cv.pdf")
    assert p.error is None
    [badge] = [c for c in p.credentials if c.match.method == "badge"]
    assert badge.verification.level == "verified"
