"""A faster PDF reader: pypdfium2's character boxes in place of pdfminer's layout analysis.

pdfplumber spends most of a résumé's parse time in pdfminer interpreting the content stream
in Python; PDFium does the same work in C. This reader builds pdfplumber-shaped words
(``text, x0, x1, top, bottom, size``) from PDFium's loose character boxes and then reuses
the pdfplumber reader's layout steps (columns, margin splits, wrapped lines, links), so both
readers produce the same Document on the same file. ``tests/test_bench.py`` proves that they
give the same credentials on every sample.

Anything this path does not cover (pages without a text layer, which may need OCR; attached
files; a PDF PDFium cannot open) is handed to the pdfplumber reader, so the fast path never
changes what a document yields, only how fast the common case is. Attached files go there
because PDFium inflates an attachment whole before saying how large it is (a 2 MB PDF whose
attachment inflated to 2 GB took 4 GB of memory), while the pdfplumber reader stops at
``max_pdf_stream_bytes``. PDFium inflates page content and fonts inside ``FPDF_LoadPage`` and
exposes neither the streams nor a limit (a page whose content inflated to 512 MB took 12 s
and 1 GB), so before PDFium sees a file, :func:`_check_streams` inflates, under the same cap
and with pdfminer's guarded decoders, every stream PDFium will inflate to read the first
``max_pages`` pages (a few milliseconds for a résumé).
Select it with ``CREDPARSE_PDF_READER=pdfium`` (see :func:`selected`).
"""

from __future__ import annotations

import ctypes
import io
import os
from typing import Any

from ..document import Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from ..sniff import PDF
from . import pdf as plumber

ENV_READER = "CREDPARSE_PDF_READER"
_X_TOLERANCE = 3.0  # pdfplumber's extract_words defaults
_Y_TOLERANCE = 3.0
_HYPHEN_MARKS = {"\ufffe": "-", "\x02": "-"}  # PDFium's marker for a hyphen it took as a line-break one


class _Fallback(Exception):
    """This document needs the pdfplumber reader (OCR, attachment annotations, PDFium failure)."""


def selected() -> bool:
    """True when the ``CREDPARSE_PDF_READER`` setting asks for this reader (``pdfium``)."""
    return os.environ.get(ENV_READER, "").strip().lower() in ("pdfium", "fast")


class _Page:
    """The two things :func:`parser.readers.pdf._page_lines` asks of a pdfplumber page."""

    def __init__(self, words: list[dict[str, Any]], width: float) -> None:
        self.words = words
        self.width = width

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self.words


Char = tuple[str, float, float, float, float, float]  # text, x0, x1, top, bottom, size; text " " is a blank


def _chars(textpage: Any, height: float) -> list[Char]:
    """pdfplumber-style chars: x0/x1 from the advance box, top/bottom from baseline, descent and size."""
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    per_index = len(text) == count  # surrogate pairs would shift indexes; then ask char by char
    handle, rect = textpage.raw, raw.FS_RECTF()
    loose_box, font_size = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetFontSize
    unicode_of, is_generated = raw.FPDFText_GetUnicode, raw.FPDFText_IsGenerated
    blank: Char = (" ", 0.0, 0.0, 0.0, 0.0, 0.0)
    out: list[Char] = []
    for i in range(count):
        ch = text[i] if per_index else chr(unicode_of(handle, i) or 0x20)
        ch = _HYPHEN_MARKS.get(ch, ch)
        if ch.isspace() or not ch:
            # a space in the content breaks a word; PDFium's own generated spaces and line breaks
            # do not (pdfplumber splits on its x gap rule alone there)
            if not is_generated(handle, i):
                out.append(blank)
            continue
        if not loose_box(handle, i, rect):
            continue
        size = float(font_size(handle, i))
        lo = float(rect.bottom)
        out.append((ch, float(rect.left), float(rect.right), height - (lo + size), height - lo, size))
    return out


def _words(chars: list[Char]) -> list[dict[str, Any]]:
    """Chars → words the way pdfplumber's ``extract_words`` does (lines by top, x gaps, size)."""
    visible: list[Char] = []
    after_blank: set[int] = set()  # a blank between two visible chars breaks a word
    pending = False
    for c in chars:
        if c[0] == " ":
            pending = True
            continue
        if pending:
            after_blank.add(len(visible))
        pending = False
        visible.append(c)
    # lines by top with a chained tolerance, as pdfplumber's cluster_objects
    lines: list[list[int]] = []
    last = None
    for i in sorted(range(len(visible)), key=lambda i: visible[i][3]):
        top = visible[i][3]
        if last is None or top - last > _Y_TOLERANCE:
            lines.append([])
        lines[-1].append(i)
        last = top
    words: list[dict[str, Any]] = []
    for members in lines:
        members.sort(key=lambda i: visible[i][1])
        current: list[Char] = []
        prev: Char | None = None
        for i in members:
            c = visible[i]
            if (
                current
                and prev is not None
                and (
                    c[1] > prev[2] + _X_TOLERANCE
                    or c[2] < prev[1] - _X_TOLERANCE
                    or c[5] != prev[5]
                    or (i in after_blank and c[1] >= prev[2] - 0.5)
                )
            ):
                words.append(_word(current))
                current = []
            current.append(c)
            prev = c
        if current:
            words.append(_word(current))
    return words


def _word(chars: list[Char]) -> dict[str, Any]:
    return {
        "text": "".join(c[0] for c in chars),
        "x0": min(c[1] for c in chars),
        "x1": max(c[2] for c in chars),
        "top": min(c[3] for c in chars),
        "bottom": max(c[4] for c in chars),
        "size": chars[0][5],
    }


def _links(page: Any, height: float) -> list[dict[str, Any]]:
    """URI link annotations in pdfplumber's ``page.hyperlinks`` shape; raises _Fallback on file attachments."""
    import pypdfium2.raw as raw

    out: list[dict[str, Any]] = []
    for i in range(raw.FPDFPage_GetAnnotCount(page.raw)):
        annot = raw.FPDFPage_GetAnnot(page.raw, i)
        try:
            subtype = raw.FPDFAnnot_GetSubtype(annot)
            if subtype == raw.FPDF_ANNOT_FILEATTACHMENT:
                raise _Fallback("file attachment annotation")
            if subtype != raw.FPDF_ANNOT_LINK:
                continue
            link = raw.FPDFAnnot_GetLink(annot)
            action = raw.FPDFLink_GetAction(link) if link else None
            if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
                continue
            size = raw.FPDFAction_GetURIPath(page.pdf.raw, action, None, 0)
            buf = ctypes.create_string_buffer(size)
            raw.FPDFAction_GetURIPath(page.pdf.raw, action, buf, size)
            uri = buf.value.decode("utf-8", "replace")
            rect = raw.FS_RECTF()
            if not raw.FPDFAnnot_GetRect(annot, rect):
                continue
            y_lo, y_hi = sorted((float(rect.bottom), float(rect.top)))
            x_lo, x_hi = sorted((float(rect.left), float(rect.right)))
            out.append({"uri": uri, "x0": x_lo, "x1": x_hi, "top": height - y_hi, "bottom": height - y_lo})
        finally:
            raw.FPDFPage_CloseAnnot(annot)
    return out


def _open(data: bytes) -> Any:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _Fallback(str(exc)) from exc


def _read(data: bytes, limits: Limits) -> Document:
    pdf = _open(data)
    builder = LineBuilder(PDF)
    warnings: list[tuple[str, str]] = []
    try:
        total = len(pdf)
        if total == 0:
            raise _Fallback("no pages")
        if pdf.count_attachments():  # read under max_pdf_stream_bytes by the pdfplumber reader
            raise _Fallback("attached files")
        if total > limits.max_pages:
            warnings.append(("truncated", f"only the first {limits.max_pages} of {total} pages were read"))
        chars = 0
        for page_no in range(1, min(total, limits.max_pages) + 1):
            page = pdf[page_no - 1]
            try:
                if page.get_rotation() % 360:
                    raise _Fallback("rotated page")
                width, height = page.get_size()
                textpage = page.get_textpage()
                try:
                    words = _words(_chars(textpage, height))
                finally:
                    textpage.close()
                lines, _gutter = plumber._page_lines(_Page(words, width))
                if not lines:  # OCR or a no_text_layer warning: the full reader decides
                    raise _Fallback("a page without a text layer")
                links = _links(page, height)
            finally:
                page.close()
            for line in lines:
                if line:
                    plumber._emit(builder, line, page_no, links)
                else:
                    builder.add("", page=page_no, kind="break")
            builder.add("", page=page_no)
            chars += sum(len(w["text"]) for ln in lines for w in ln)
            if chars > limits.max_chars:
                warnings.append(("truncated", f"text limit reached at page {page_no}"))
                break
    finally:
        pdf.close()
    doc = builder.build(merge=True)
    doc.pages = min(total, limits.max_pages)
    doc.warnings.extend(warnings)
    return doc


#: Keys that do not lead to what PDFium inflates to read a page's text (the page tree,
#: metadata, thumbnails, annotations and their page).
_NOT_READ = frozenset({"Parent", "Metadata", "Thumb", "Annots", "P", "StructParents"})


def _check_streams(data: bytes, limits: Limits) -> None:
    """Raise ``StreamTooLarge`` if a stream PDFium would inflate to read the first pages
    inflates past ``max_pdf_stream_bytes``: everything the pages' contents and resources reach
    (content, form XObjects, fonts and their programs, CMaps, patterns, functions), except
    images, which PDFium decodes only to render. pdfminer reads the objects, its decoders are
    guarded (:mod:`parser.readers.pdfminer_guard`), and each decoded stream is dropped once
    measured. An object pdfminer cannot read is skipped: PDFium may still read the file."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
    from pdfminer.psparser import LIT

    from .pdfminer_guard import StreamTooLarge

    image, objstm = LIT("Image"), LIT("ObjStm")
    doc = PDFDocument(PDFParser(io.BytesIO(data)), password="")
    seen: set[int] = set()
    for number, page in enumerate(PDFPage.create_pages(doc)):
        if number >= limits.max_pages:
            break
        stack: list[Any] = [page.attrs.get("Contents"), page.attrs.get("Resources")]
        while stack:
            obj = stack.pop()
            try:
                if isinstance(obj, PDFObjRef):
                    if obj.objid in seen:
                        continue
                    seen.add(obj.objid)
                    obj = obj.resolve()
                if isinstance(obj, PDFStream):
                    if resolve1(obj.get("Subtype")) is image:
                        continue
                    obj.get_data()  # under the cap
                    if resolve1(obj.get("Type")) is not objstm:  # an object stream stays readable
                        obj.data = b""  # measured, not kept
                    obj = obj.attrs
            except StreamTooLarge:
                raise
            except Exception:  # noqa: BLE001 - pdfminer cannot read this object; PDFium may
                continue
            if isinstance(obj, dict):
                stack.extend(v for k, v in obj.items() if k not in _NOT_READ)
            elif isinstance(obj, list):
                stack.extend(obj)


def read_pdf_fast(data: bytes, limits: Limits) -> Document:
    """Read a PDF with PDFium; anything unusual goes to :func:`parser.readers.pdf.read_pdf`."""
    from .pdfminer_guard import install, stream_limit

    install()
    try:
        with stream_limit(limits.max_pdf_stream_bytes):
            _check_streams(data, limits)
    except Exception as exc:  # a bomb is refused here; pdfminer failing to read the file is not
        too_large = plumber._over_stream_limit(exc)
        if too_large is not None:
            raise too_large from exc
    try:
        return _read(data, limits)
    except DocumentError:
        raise
    except Exception:  # _Fallback, or anything PDFium trips on: the full reader gives the verdict
        return plumber.read_pdf(data, limits)
