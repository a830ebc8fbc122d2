"""The baselines the pipeline is judged against: what its libraries cost on their own.

- ``pdfplumber``: ``extract_text`` plus ``hyperlinks`` on every page, the least a
  pdfplumber-based reader can do (the 1.3× target);
- ``pdfplumber words``: ``extract_words`` (with font size) plus ``hyperlinks``, the calls
  credparse's PDF reader makes before its own layout work: the stricter comparison;
- ``pypdfium2``: PDFium's text of every page, the floor for any PDF reader (the 5× moonshot);
- ``python-docx``: opening the DOCX and walking headers, footers, paragraphs, nested tables
  and hyperlink relationships, the least a python-docx reader can do.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any


def pdfplumber_text_links(data: bytes) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            n += len(page.extract_text() or "")
            n += len(page.hyperlinks)
            page.flush_cache()
    return n


def pdfplumber_words_links(data: bytes) -> int:
    import pdfplumber

    n = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            n += len(page.extract_words(extra_attrs=["size"]))
            n += len(page.hyperlinks)
            page.flush_cache()
    return n


def pypdfium2_text(data: bytes) -> int:
    import pypdfium2 as pdfium

    n = 0
    pdf = pdfium.PdfDocument(data)
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            n += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return n


def _walk_blocks(container: Any) -> int:
    n = 0
    for paragraph in container.paragraphs:
        n += len(paragraph.text)
    for table in container.tables:
        for row in table.rows:
            for cell in row.cells:
                n += _walk_blocks(cell)
    return n


def python_docx_walk(data: bytes) -> int:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    d = docx.Document(io.BytesIO(data))
    n = _walk_blocks(d)
    for section in d.sections:
        n += _walk_blocks(section.header) + _walk_blocks(section.footer)
    n += sum(1 for rel in d.part.rels.values() if rel.reltype == RT.HYPERLINK)
    return n


BASELINES: dict[str, tuple[str, Callable[[bytes], int]]] = {
    "pdfplumber text+links": (".pdf", pdfplumber_text_links),
    "pdfplumber words+links": (".pdf", pdfplumber_words_links),
    "pypdfium2 text (floor)": (".pdf", pypdfium2_text),
    "python-docx walk": (".docx", python_docx_walk),
}
