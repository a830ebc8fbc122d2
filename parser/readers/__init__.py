"""Readers turn bytes into a :class:`~parser.document.Document`; one module per format.

A reader never resolves or verifies: it only reads. The registry maps a sniffed media type
to its reader, so a new format needs a module and one entry here, not an engine change.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import sniff
from ..document import Attachment, Document, ReadResult
from ..errors import DocumentError
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


def reader_of(
    data: bytes, filename: str, limits: Limits, pdf_reader: Reader | None = None
) -> tuple[str, Reader]:
    """The media type of ``data`` and the reader for it, after the checks every input passes
    (``pdf_reader`` replaces the registry's for PDFs: the benchmark's readers). Raises
    :class:`DocumentError` for what no reader can take."""
    if not data.strip():
        raise DocumentError("empty", "the file is empty")
    if len(data) > limits.max_bytes:
        raise DocumentError("too_large", f"{len(data)} bytes is over the {limits.max_bytes}-byte limit")
    media_type = sniff.sniff(data, filename)
    if media_type == sniff.PROFILE:
        raise DocumentError(
            "unsupported_format",
            "this is a credparse profile (the output of `credparse parse` or a line of `scan`'s JSONL), "
            "not a résumé: parse the résumé it was made from; to see saved profiles as an HTML page, "
            "run `credparse report THIS_FILE --out report.html`",
        )
    reader = (pdf_reader if media_type == sniff.PDF else None) or (
        reader_for(media_type) if media_type else None
    )
    if media_type is None or reader is None:
        ext = sniff.extension(filename)
        if ext in sniff.KNOWN_EXTENSIONS - {".txt", ".md", ".markdown", ".text"}:
            raise DocumentError("corrupt", f"the content does not match its {ext} extension or is damaged")
        raise DocumentError(
            "unsupported_format", "the content is not a PDF, DOCX, text, JSON Resume, image or badge file"
        )
    return media_type, reader


def read_bytes(data: bytes, filename: str, limits: Limits) -> ReadResult:
    """``data`` read into a :class:`ReadResult`; never raises for a bad document (its ``error`` says why)."""
    import hashlib

    result = ReadResult(hashlib.sha256(data).hexdigest(), len(data))
    try:
        result.media_type, reader = reader_of(data, filename, limits)
        result.doc = reader(data, limits)
    except DocumentError as exc:
        result.error = (exc.code, exc.message)
    except (MemoryError, RecursionError) as exc:
        result.error = ("resource_limit", f"the document exceeded a resource limit ({type(exc).__name__})")
    except Exception as exc:  # a bug must cost one record, not the batch
        result.error = ("internal_error", f"{type(exc).__name__}: {exc}")
    return result


def read_path(path: str, limits: Limits) -> ReadResult:
    """The file at ``path`` read into a :class:`ReadResult` (opened once, the read bounded)."""
    from pathlib import Path

    from ..fileio import read_file

    try:
        data = read_file(Path(path), limits.max_bytes)
    except DocumentError as exc:
        return ReadResult(None, 0, error=(exc.code, exc.message))
    return read_bytes(data, path, limits)
