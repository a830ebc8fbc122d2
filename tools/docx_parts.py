"""DOCX parts python-docx has no call for, shared by every generator of résumé files.

``tools/make_samples.py`` (samples/), ``tests/data/render.py`` (the labelled test set),
``tests/builders.py`` (files made inside tests) and ``benchmarks/corpus.py`` (the benchmark
corpus) all write real DOCX files; one copy of the hyperlink run, the document defaults and the
reproducible save keeps them alike. Test and tool code only: the ``parser`` package never writes DOCX.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any


def add_hyperlink(
    paragraph: Any, text: str, url: str, *, bold: bool = False, size: float | None = None, styled: bool = True
) -> Any:
    """Append a real ``w:hyperlink`` run (an external relationship) to ``paragraph``: the kind a
    "Show credential" link is in a Word résumé. ``styled`` gives it Word's blue underlined look."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def element(tag: str, **attrs: str) -> Any:
        el = OxmlElement(tag)
        for name, value in attrs.items():
            el.set(qn(name.replace("_", ":", 1)), value)
        return el

    link = element("w:hyperlink", r_id=paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    run = element("w:r")
    if styled:
        rpr = element("w:rPr")
        rpr.append(element("w:rStyle", w_val="Hyperlink"))
        rpr.append(element("w:color", w_val="0563C1"))
        rpr.append(element("w:u", w_val="single"))
        if bold:
            rpr.append(element("w:b"))
        if size:
            rpr.append(element("w:sz", w_val=str(int(size * 2))))
        run.append(rpr)
    t = element("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return link


def new_document(author: str, title: str, created: datetime) -> Any:
    """A python-docx document with fixed properties (reproducible bytes) and Calibri 10.5 pt."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    props = doc.core_properties
    props.author = props.last_modified_by = author
    props.created = props.modified = created
    props.revision = 1
    props.title = title
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10.5)
    return doc


def docx_bytes(doc: Any) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def save_docx(doc: Any, path: Path) -> None:
    """Save with fixed zip timestamps and modes, so the bytes do not change between runs."""
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes(doc))) as src,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
