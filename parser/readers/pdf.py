"""PDF résumés with pdfplumber: reading order across columns, link annotations, clean text.

pdfplumber's ``extract_text`` interleaves a sidebar with the main column, so lines are
rebuilt from words: a vertical gutter splits the page into columns read one after the
other, and wide gaps inside a line (a heading in the left margin, a right-aligned date)
split it into separate lines. Link annotations are attached to the words they cover, so a
"Show credential" label carries its URL.

Hostile PDFs: no stream may inflate past ``max_pdf_stream_bytes`` (``resource_limit``,
:mod:`parser.readers.pdfminer_guard`), and only the first ``max_pages`` pages of the page
tree are visited (pdfplumber's ``pdf.pages`` builds every page of the document first).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from ..document import Attachment, Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from ..sniff import PDF

_CID = re.compile(r"\(cid:\d+\)")
_GAP_SPLIT = 20.0  # points: a gap this wide inside a line separates two blocks
_MIN_GUTTER = 10.0
_DATELIKE = re.compile(
    r"^[\W\d]*(?:[A-Za-zäéû]{3,9}\.?\s*)?[\d/.\-–— ]*(?:present|current|heute)?[\W\d]*$", re.I
)


def _clean(text: str) -> str:
    text = _CID.sub("", text)
    return unicodedata.normalize("NFKC", text).replace("\u00ad", "")


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc`` and the exceptions behind it (pdfplumber wraps pdfminer's in ``PdfminerException(e)``)."""
    chain: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and len(chain) < 5:
        chain.append(cur)
        nested = cur.args[0] if cur.args and isinstance(cur.args[0], BaseException) else None
        cur = cur.__cause__ or cur.__context__ or nested
    return chain


def _over_stream_limit(exc: BaseException) -> DocumentError | None:
    """The ``resource_limit`` error for a stream that inflated past ``max_pdf_stream_bytes``."""
    from .pdfminer_guard import StreamTooLarge

    for e in _chain(exc):
        if isinstance(e, StreamTooLarge):
            return DocumentError(
                "resource_limit",
                f"a PDF stream inflates to more than the max_pdf_stream_bytes limit ({e.limit} bytes)",
            )
    return None


def _open(data: bytes) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    from .pdfminer_guard import install

    install()  # a reference cycle must not hang pdfminer, nor a stream inflate without bound

    try:
        return pdfplumber.open(io.BytesIO(data), password="")
    except Exception as exc:  # pdfplumber wraps pdfminer errors; inspect the chain
        too_large = _over_stream_limit(exc)
        if too_large is not None:
            raise too_large from exc
        chain = _chain(exc)
        if any(isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)) for e in chain) or any(
            "password" in str(e).lower() or "encrypt" in str(e).lower() for e in chain
        ):
            raise DocumentError("encrypted", "the PDF is encrypted and needs a password") from exc
        raise DocumentError("corrupt", f"the PDF cannot be opened: {type(exc).__name__}") from exc


def _group_lines(words: Sequence[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Group words into lines by their vertical position, each line sorted left to right."""
    lines: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= max(2.0, 0.3 * (word["bottom"] - word["top"])):
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def _split_segments(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split a line where a wide horizontal gap separates two blocks."""
    segments = [[line[0]]]
    for prev, word in zip(line, line[1:]):
        if word["x0"] - prev["x1"] >= _GAP_SPLIT:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _find_gutter(words: Sequence[dict[str, Any]], width: float) -> float | None:
    """The x of a vertical whitespace band that separates two columns, if there is one."""
    if len(words) < 20:
        return None
    lo, hi = int(width * 0.15), int(width * 0.85)
    cover = [0] * (int(width) + 2)
    for w in words:
        for x in range(max(0, int(w["x0"])), min(len(cover), int(w["x1"]) + 1)):
            cover[x] += 1
    for allowed in (0, max(2, len(words) // 60)):
        best = _widest_band(cover, lo, hi, allowed)
        if best is not None and best[1] - best[0] >= _MIN_GUTTER:
            return (best[0] + best[1]) / 2
    return None


def _widest_band(cover: list[int], lo: int, hi: int, allowed: int) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    start = None
    for x in range(lo, hi + 1):
        if cover[x] <= allowed:
            start = x if start is None else start
            continue
        if start is not None and (best is None or x - start > best[1] - best[0]):
            best = (start, x)
        start = None
    if start is not None and (best is None or hi - start > best[1] - best[0]):
        best = (start, hi)
    return best


def _is_two_columns(words: Sequence[dict[str, Any]], gutter: float) -> bool:
    """Both sides hold real text, and they are not just titles with right-aligned dates."""
    left = [w for w in words if w["x1"] <= gutter]
    right = [w for w in words if w["x0"] >= gutter]
    chars_l = sum(len(w["text"]) for w in left)
    chars_r = sum(len(w["text"]) for w in right)
    total = chars_l + chars_r
    if total == 0 or min(chars_l, chars_r) < 0.12 * total:
        return False
    lines_l = _group_lines(left)
    lines_r = _group_lines(right)
    if len(lines_l) < 4 or len(lines_r) < 4:
        return False
    for lines in (lines_l, lines_r):
        datelike = sum(1 for ln in lines if _DATELIKE.match(" ".join(w["text"] for w in ln)))
        if datelike / len(lines) >= 0.5:
            return False
    return True


def _link_spans(
    line: list[dict[str, Any]], text_pos: list[tuple[int, int]], links: list[dict[str, Any]]
) -> list[tuple[int, int, str]]:
    spans = []
    for link in links:
        uri = link.get("uri")
        if not uri:
            continue
        covered = [
            pos
            for w, pos in zip(line, text_pos)
            if link["x0"] - 1 <= (w["x0"] + w["x1"]) / 2 <= link["x1"] + 1
            and link["top"] - 2 <= (w["top"] + w["bottom"]) / 2 <= link["bottom"] + 2
        ]
        if covered:
            spans.append((covered[0][0], covered[-1][1], str(uri)))
    return spans


def _emit(
    builder: LineBuilder, line: list[dict[str, Any]], page_no: int, links: list[dict[str, Any]]
) -> None:
    parts: list[str] = []
    pos_list: list[tuple[int, int]] = []
    pos = 0
    for w in line:
        t = _clean(w["text"])
        if parts:
            pos += 1
        pos_list.append((pos, pos + len(t)))
        parts.append(t)
        pos += len(t)
    text = " ".join(parts)
    if not text.strip():
        return
    sizes = [w.get("size") or 0 for w in line]
    confidences = [w["conf"] for w in line if "conf" in w]  # OCR words carry theirs
    builder.add(
        text,
        _link_spans(line, pos_list, links),
        page=page_no,
        x0=round(line[0]["x0"], 1),
        top=round(line[0]["top"], 1),
        size=round(max(sizes), 1) if sizes else None,
        confidence=round(sum(confidences) / len(confidences), 3) if confidences else None,
    )


def _page_lines(page: Any) -> tuple[list[list[dict[str, Any]]], float | None]:
    words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
    gutter = _find_gutter(words, float(page.width))
    if gutter is not None and _is_two_columns(words, gutter):
        spanning = [w for w in words if w["x0"] < gutter < w["x1"]]
        left = [w for w in words if w["x1"] <= gutter]
        right = [w for w in words if w["x0"] >= gutter]
        ordered: list[list[dict[str, Any]]] = []
        margin_right = float(page.width) - min(w["x0"] for w in words)
        for group, edge in ((spanning, None), (left, None), (right, margin_right)):
            if ordered:
                ordered.append([])  # a column break: sections do not run from one column into the next
            segs = [seg for line in _group_lines(group) for seg in _split_segments(line)]
            ordered.extend(_join_wrapped(segs, edge) if edge else segs)
        return ordered, gutter
    segs = [seg for line in _group_lines(words) for seg in _split_segments(line)]
    margin = float(page.width) - min((w["x0"] for w in words), default=0.0)
    return _join_wrapped(segs, margin), None


def _join_wrapped(lines: list[list[dict[str, Any]]], right: float) -> list[list[dict[str, Any]]]:
    """Re-join paragraph lines that the layout wrapped at the right margin.

    A line wrapped when the next line's first word would not have fitted after it before
    the margin (taken as the page's left margin mirrored), at the same indent and size.
    """
    if not lines:
        return lines
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        first = line[0]
        height = first["bottom"] - first["top"]
        fits = prev[-1]["x1"] + height * 0.3 + (first["x1"] - first["x0"]) <= right + 1
        if (
            not fits
            and abs(prev[0]["x0"] - first["x0"]) <= 3
            and 0 < first["top"] - prev[-1]["top"] <= 2.0 * height
            and abs((prev[-1].get("size") or 0) - (first.get("size") or 0)) < 0.6
            and not prev[-1]["text"].endswith((".", "!", "?", ";", ":"))
            and first["text"][:1] not in "•·▪◦●-–*"
        ):
            out[-1] = prev + line
        else:
            out.append(line)
    return out


_MAX_ATTACHMENT = 5 * 1024 * 1024


def _file_spec_data(spec: Any) -> tuple[str, bytes] | None:
    """(name, bytes) of an embedded file specification, within the size cap."""
    from pdfminer.pdftypes import resolve1

    spec = resolve1(spec)
    if not isinstance(spec, dict):
        return None
    ef = resolve1(spec.get("EF"))
    stream = resolve1(ef.get("F")) if isinstance(ef, dict) else None
    if stream is None or not hasattr(stream, "get_data"):
        return None
    length = resolve1(stream.attrs.get("Length")) if hasattr(stream, "attrs") else None
    if isinstance(length, int) and length > _MAX_ATTACHMENT:
        return None
    data = stream.get_data()
    if len(data) > _MAX_ATTACHMENT:
        return None
    raw_name = resolve1(spec.get("UF") or spec.get("F") or b"attachment")
    name = raw_name.decode("latin-1", "replace") if isinstance(raw_name, bytes) else str(raw_name)
    return name, data


def _attachments(pdf: Any) -> list[Attachment]:
    """Files attached to the PDF (document-level EmbeddedFiles and FileAttachment annotations).

    Candidates attach badge files (baked PNG/SVG, Open Badges JSON) to their résumé PDF.
    """
    from pdfminer.pdftypes import resolve1

    found: list[Attachment] = []
    try:
        names = resolve1(resolve1(pdf.doc.catalog.get("Names") or {}).get("EmbeddedFiles") or {})
        stack = [names] if isinstance(names, dict) else []
        while stack and len(found) < 20:
            node = stack.pop()
            for kid in resolve1(node.get("Kids") or []):
                kid = resolve1(kid)
                if isinstance(kid, dict):
                    stack.append(kid)
            pairs = resolve1(node.get("Names") or [])
            for spec in pairs[1::2]:
                item = _file_spec_data(spec)
                if item:
                    found.append(Attachment(name=item[0], data=item[1]))
        for page in pdf.pages[:50]:
            for annot in page.annots or []:
                data = annot.get("data") or {}
                if (
                    str(resolve1(data.get("Subtype"))) in ("/'FileAttachment'", "/FileAttachment")
                    and "FS" in data
                ):
                    item = _file_spec_data(data["FS"])
                    if item:
                        found.append(Attachment(name=item[0], data=item[1]))
    except Exception as exc:  # a damaged attachment tree must not lose the résumé text
        if _over_stream_limit(exc) is not None:
            raise  # but a decompression bomb is not dropped without a word
        return found
    return found


_OCR_DPI = 200


def _ocr(page: Any, builder: LineBuilder, page_no: int, limits: Limits) -> bool:
    """Read a page without a text layer by OCR into ``builder`` (:mod:`parser.readers.ocr`);
    False when OCR is not installed, the page would render to more than
    ``limits.max_image_pixels``, or nothing could be read."""
    from . import ocr

    if not ocr.available():
        return False
    if float(page.width) * float(page.height) * (_OCR_DPI / 72) ** 2 > limits.max_image_pixels:
        return False
    try:
        image = page.to_image(resolution=_OCR_DPI).original
        chars, _ = add_ocr_page(builder, image, page_no, limits)
    except Exception:  # OCR is best effort: a failure leaves the no_text_layer warning
        return False
    return chars > 0


class WordsPage:
    """What :func:`_page_lines` asks of a pdfplumber page, for words found another way (PDFium's
    characters, OCR's boxes): their list and the page width, in points."""

    def __init__(self, words: list[dict[str, Any]], width: float) -> None:
        self.words, self.width = words, width

    def extract_words(self, **_: Any) -> list[dict[str, Any]]:
        return self.words


def add_ocr_page(builder: LineBuilder, image: Any, page_no: int, limits: Limits) -> tuple[int, float]:
    """OCR one page image into ``builder`` through this reader's layout steps; returns the
    characters read and the words' mean confidence."""
    from . import ocr

    found, confidence = ocr.words(image, limits)
    if not found:
        return 0, 0.0
    lines, _ = _page_lines(WordsPage(found, ocr.PAGE_WIDTH_PT))
    for line in lines:
        if line:
            _emit(builder, line, page_no, [])
        else:
            builder.add("", page=page_no, kind="break")
    builder.add("", page=page_no)
    return sum(len(w["text"]) for w in found), confidence


def _first_pages(pdf: Any, limit: int) -> tuple[list[Any], bool]:
    """The first ``limit`` pages, and whether the document has more.

    pdfplumber's ``pdf.pages`` walks the whole page tree and builds a page object for every
    page (a 50,000-page PDF took 28 s before its first page was read); this walks pdfminer's
    page tree lazily, as ``pdf.pages`` does, and stops at page ``limit + 1``. The list is
    pdfplumber's page cache from the start, so ``pdf.close()`` (which closes every page) and
    ``pdf.pages`` see only these pages, even after an error."""
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    pages: list[Any] = []
    pdf._pages = pages
    doctop: float = 0
    for number, page_obj in enumerate(PDFPage.create_pages(pdf.doc), start=1):
        if number > limit:
            return pages, True
        page = Page(pdf, page_obj, page_number=number, initial_doctop=doctop)
        pages.append(page)
        doctop += page.height
    return pages, False


def _close(pdf: Any) -> None:
    """Close the pages that were read. Not ``pdf.close()``: that empties pdfplumber's page cache,
    then builds a page object for every page of the document, only to close each one."""
    for page in pdf.__dict__.get("_pages") or []:
        page.close()
    pdf.stream.close()


def _declared_pages(pdf: Any) -> int | None:
    """The page count the page tree declares (``/Count``), read without visiting it."""
    from pdfminer.pdftypes import resolve1

    try:
        count = resolve1(resolve1(pdf.doc.catalog.get("Pages")).get("Count"))
    except Exception:  # a damaged tree: the message gives no total
        return None
    return count if isinstance(count, int) else None


def read_pdf(data: bytes, limits: Limits) -> Document:
    """Read a PDF's text layer and link annotations into a Document."""
    from .pdfminer_guard import stream_limit

    with stream_limit(limits.max_pdf_stream_bytes):
        return _read(data, limits)


def _read(data: bytes, limits: Limits) -> Document:
    pdf = _open(data)
    builder = LineBuilder(PDF)
    warnings: list[tuple[str, str]] = []
    try:
        pages, more = _first_pages(pdf, limits.max_pages)
        if not pages and not more:
            raise DocumentError("empty", "the PDF has no pages")
        if more:
            declared = _declared_pages(pdf)
            of = f" of {declared}" if declared and declared > limits.max_pages else ""
            warnings.append(("truncated", f"only the first {limits.max_pages}{of} pages were read"))
        chars = scanned = 0
        ocr_pages: list[int] = []
        for page_no, page in enumerate(pages, start=1):
            lines, _gutter = _page_lines(page)
            if not lines:
                if page.images:
                    scanned += 1
                    if scanned <= limits.max_ocr_pages and _ocr(page, builder, page_no, limits):
                        ocr_pages.append(page_no)
                        warnings.append(
                            ("ocr", f"page {page_no} has no text layer; its text was recognised by OCR")
                        )
                    else:
                        warnings.append(("no_text_layer", f"page {page_no} has no text layer"))
                continue
            links = list(page.hyperlinks)
            for line in lines:
                if line:
                    _emit(builder, line, page_no, links)
                else:
                    builder.add("", page=page_no, kind="break")
            builder.add("", page=page_no)
            chars += sum(len(w["text"]) for ln in lines for w in ln)
            page.flush_cache()
            if chars > limits.max_chars:
                warnings.append(("truncated", f"text limit reached at page {page_no}"))
                break
        attachments = _attachments(pdf)
    except DocumentError:
        raise
    except Exception as exc:
        too_large = _over_stream_limit(exc)
        if too_large is not None:
            raise too_large from exc
        raise DocumentError("corrupt", f"the PDF cannot be read: {type(exc).__name__}: {exc}") from exc
    finally:
        try:
            _close(pdf)
        except Exception:  # closing a damaged PDF must not replace the error we already have
            pass
    doc = builder.build(merge=True)
    doc.attachments.extend(attachments)
    doc.pages = len(pages)
    doc.ocr_pages = ocr_pages
    doc.warnings.extend(warnings)
    return doc
