"""The DOCX reader on real files made with python-docx: tables, headers, links, bombs."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from builders import add_hyperlink, docx_bytes

from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers.docx import read_docx


def _layout_docx() -> bytes:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Ana Silva | ana.silva@example.com | +1 415 555 0199"
    d.add_paragraph("Ana Silva", style="Title")
    table = d.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.paragraphs[0].text = "Certifications"
    p = left.add_paragraph("Project Management Professional (PMP) ")
    add_hyperlink(p, "Verify", "https://www.credly.com/badges/0a1b2c3d-1111-2222-3333-444455556666")
    inner = left.add_table(rows=1, cols=1)
    inner.rows[0].cells[0].paragraphs[0].text = "Nested: ITIL 4 Foundation"
    right.paragraphs[0].text = "Experience"
    right.add_paragraph("Program manager at Example Logistics")
    d.add_paragraph("Line one\nLine two")
    return docx_bytes(d)


def test_layout_table_header_nested_table_and_hyperlink():
    doc = read_docx(_layout_docx(), Limits())
    texts = [line.text for line in doc.lines if line.text]
    assert texts[0].startswith("Ana Silva | ana.silva@example.com")
    assert (
        texts.index("Certifications") < texts.index("Nested: ITIL 4 Foundation") < texts.index("Experience")
    )
    assert "Line one" in texts and "Line two" in texts
    [link] = doc.links
    assert doc.text[link.start : link.end] == "Verify"
    assert link.url.startswith("https://www.credly.com/badges/0a1b2c3d")


def test_zip_bomb_is_refused_before_parsing():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    with pytest.raises(DocumentError) as err:
        read_docx(buf.getvalue(), Limits())
    assert err.value.code == "resource_limit"


def test_entity_declarations_are_refused():
    good = _layout_docx()
    src = zipfile.ZipFile(io.BytesIO(good))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            zf.writestr(item, data)
    with pytest.raises(DocumentError) as err:
        read_docx(buf.getvalue(), Limits())
    assert err.value.code == "corrupt"
