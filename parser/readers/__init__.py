"""Readers turn bytes into a :class:`~parser.document.Document`; one module per format.

A reader never resolves or verifies: it only reads. The registry maps a sniffed media type
to its reader, so a new format needs a module and one entry here, not an engine change.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import sniff
from ..document import Attachment, Document
from ..limits import Limits

Reader = Callable[[bytes, Limits], Document]


def _pdf(data: bytes, limits: Limits) -> Document:
    from .pdf_fast import read_pdf_fast, selected

    if selected():  # the default; CREDPARSE_PDF_READER=pdfplumber for pdfminer's layout analysis
        return read_pdf_fast(data, limits)
    from .pdf import read_pdf

    return read_pdf(data, limits)


def _docx(data: bytes, limits: Limits) -> Document:
    from .docx import read_docx

    return read_docx(data, limits)


def _text(media_type: str) -> Reader:
    def read(data: bytes, limits: Limits) -> Document:
        from .text import read_text

        return read_text(data, media_type, limits)

    return read


def _jsonresume(data: bytes, limits: Limits) -> Document:
    from .jsonresume import read_jsonresume

    return read_jsonresume(data, limits)


def _image(media_type: str) -> Reader:
    def read(data: bytes, limits: Limits) -> Document:
        from .image import read_image

        return read_image(data, media_type, limits)

    return read


def _png(data: bytes, limits: Limits) -> Document:
    """A PNG with an Open Badges chunk is a badge; any other PNG, a photographed résumé."""
    if b"openbadge" in data:  # the iTXt/tEXt keyword, never compressed
        return _badge(sniff.BADGE_PNG)(data, limits)
    return _image(sniff.BADGE_PNG)(data, limits)


def _badge(media_type: str) -> Reader:
    """A badge file is a document with no text and itself as the one attachment."""

    def read(data: bytes, limits: Limits) -> Document:
        doc = Document(media_type=media_type)
        doc.attachments.append(Attachment(name="badge", data=data))
        return doc.finish()

    return read


READERS: dict[str, Reader] = {
    sniff.PDF: _pdf,
    sniff.DOCX: _docx,
    sniff.TEXT: _text(sniff.TEXT),
    sniff.MARKDOWN: _text(sniff.MARKDOWN),
    sniff.JSON_RESUME: _jsonresume,
    sniff.BADGE_PNG: _png,
    sniff.JPEG: _image(sniff.JPEG),
    sniff.TIFF: _image(sniff.TIFF),
    sniff.WEBP: _image(sniff.WEBP),
    sniff.BADGE_SVG: _badge(sniff.BADGE_SVG),
    sniff.BADGE_JSON: _badge(sniff.BADGE_JSON),
    sniff.BADGE_JWT: _badge(sniff.BADGE_JWT),
}


def reader_for(media_type: str) -> Reader | None:
    return READERS.get(media_type)
