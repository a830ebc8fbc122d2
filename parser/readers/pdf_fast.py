"""A faster PDF reader: pypdfium2's character boxes in place of pdfminer's layout analysis.

pdfplumber spends most of a résumé's parse time in pdfminer interpreting the content stream
in Python; PDFium does the same work in C. This reader rebuilds, from PDFium's text page and
page objects, the characters pdfminer would report (:class:`_CharReader`: content order, the
spaces PDFium leaves out, the duplicates it drops, pdfminer's boxes and sizes), groups them
into words exactly as pdfplumber's ``extract_words`` does (:func:`_words`), and then reuses
the pdfplumber reader's layout steps (columns, margin splits, wrapped lines, links), so both
readers produce the same Document on the same file. ``python -m benchmarks.reader_equality``
compares the two on the generated PDFs and the real development set; ``tests/test_bench.py``
and ``tests/readers/test_pdf_fast_*.py`` keep generated cases of every difference found.

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
It is the default; ``CREDPARSE_PDF_READER=pdfplumber`` selects pdfminer's layout analysis for
every PDF (see :func:`selected`).
"""

from __future__ import annotations

import ctypes
import io
import itertools
import os
import struct
from collections import deque
from collections.abc import Callable
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
#: pdfplumber's ``extract_words`` expands these in a word's text (``expand_ligatures``)
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_EPS = 0.01  # PDFium's kSizeEpsilon: a text object narrower than this is left out of its text page
_SAME_OBJECTS = 5  # PDFium compares a text object with this many before it to drop a duplicate
_ZERO_WIDTH = "\u200b"  # what pdfminer reads for an inkless glyph that does not advance


class _Fallback(Exception):
    """This document needs the pdfplumber reader (OCR, attachment annotations, PDFium failure)."""


#: ``CREDPARSE_PDF_READER`` values that choose the pdfplumber reader for every PDF.
PLUMBER = ("pdfplumber", "plumber", "pdfminer")


def selected() -> bool:
    """True unless the ``CREDPARSE_PDF_READER`` setting asks for the pdfplumber reader: PDFium is
    the default, with the same profiles on every PDF measured (benchmarks/reader_equality.py)."""
    return os.environ.get(ENV_READER, "").strip().lower() not in PLUMBER


#: One character as pdfminer reports it to pdfplumber: text, x0, x1, top, bottom, size, upright.
#: A blank (a space, or a glyph PDFium found no ink in) has the text " ".
Char = tuple[str, float, float, float, float, float, bool]
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF's row-vector convention, as pdfminer's ``mult_matrix``)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


class _Api:
    """The PDFium calls made per character and per page object, taking and returning handles
    as plain integers: comparing pypdfium2's typed handles costs a ctypes cast each, and a
    real page can hold thousands of text objects (one per glyph)."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        vp, i, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_float
        fp, dp = ctypes.POINTER(ctypes.c_float), ctypes.POINTER(ctypes.c_double)

        def fn(name: str, restype: Any, *argtypes: Any) -> Any:
            address = ctypes.cast(getattr(raw, name), vp).value
            if not address:
                raise _Fallback(f"PDFium has no {name}")
            return ctypes.CFUNCTYPE(restype, *argtypes)(address)

        self.rect_type, self.matrix_type = raw.FS_RECTF, raw.FS_MATRIX
        self.TEXT, self.FORM = raw.FPDF_PAGEOBJ_TEXT, raw.FPDF_PAGEOBJ_FORM
        self.text_object = fn("FPDFText_GetTextObject", vp, vp, i)
        self.is_generated = fn("FPDFText_IsGenerated", i, vp, i)
        self.unicode = fn("FPDFText_GetUnicode", ctypes.c_uint, vp, i)
        self.origin = fn("FPDFText_GetCharOrigin", i, vp, i, dp, dp)
        self.loose_box = fn("FPDFText_GetLooseCharBox", i, vp, i, ctypes.POINTER(raw.FS_RECTF))
        self.count_objects = fn("FPDFPage_CountObjects", i, vp)
        self.page_object = fn("FPDFPage_GetObject", vp, vp, i)
        self.form_count = fn("FPDFFormObj_CountObjects", i, vp)
        self.form_object = fn("FPDFFormObj_GetObject", vp, vp, ctypes.c_ulong)
        self.obj_type = fn("FPDFPageObj_GetType", i, vp)
        self.obj_matrix = fn("FPDFPageObj_GetMatrix", i, vp, ctypes.POINTER(raw.FS_MATRIX))
        self.obj_bounds = fn("FPDFPageObj_GetBounds", i, vp, fp, fp, fp, fp)
        self.font_size = fn("FPDFTextObj_GetFontSize", i, vp, fp)
        self.char_font_size = fn("FPDFText_GetFontSize", ctypes.c_double, vp, i)
        self.font = fn("FPDFTextObj_GetFont", vp, vp)
        self.descent = fn("FPDFFont_GetDescent", i, vp, f, fp)
        self.base_font_name = fn(
            "FPDFFont_GetBaseFontName", ctypes.c_size_t, vp, ctypes.c_char_p, ctypes.c_size_t
        )
        self.glyph_width = fn("FPDFFont_GetGlyphWidth", i, vp, ctypes.c_uint32, f, fp)


_API: _Api | None = None


def _api() -> _Api:
    global _API
    if _API is None:
        _API = _Api()
    return _API


def _handle(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0


_MATRIX = struct.Struct("6f")  # FS_MATRIX: six C floats


def _unpack_matrix(m: Any) -> Matrix:
    return _MATRIX.unpack(bytes(m))  # type: ignore[return-value]


class _CharReader:
    """pdfminer's characters of one page, from PDFium, in content-stream order.

    PDFium's text page is not pdfminer's character list: it leaves out every text object
    without ink (a space drawn on its own, as many résumé builders place each glyph by
    position), drops a text object that repeats one of the five before it (the second "f"
    of "ff" drawn as separate objects, fake bold), adds generated spaces and line breaks,
    and reorders the objects of a line by x. So the page's objects are walked in content
    order, each text object yields its own characters from the text page, an object without
    ink yields a blank where pdfminer has a space (or a zero-width character when the next
    glyph starts where it started), and a dropped duplicate is restored from the object it
    repeats. Boxes follow pdfminer: x0 at the glyph's origin, x1 one advance further, bottom
    at the font's descent, top one font size above it; size is the font size in page units.
    """

    def __init__(self, textpage: Any, height: float) -> None:
        self.api = api = _api()
        self.tp = tp = _handle(textpage.raw)
        self.height = height
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        if len(text) != count:  # surrogate pairs shift the indexes: ask char by char
            text = "".join(chr(api.unicode(tp, i) or 0x20) for i in range(count))
        self.text = text
        by_obj: dict[int, list[int]] = {}
        orphans: list[int] = []
        text_object, is_generated = api.text_object, api.is_generated
        for i, ch in enumerate(text):
            if ch.isspace() and is_generated(tp, i) == 1:
                continue  # pdfminer has none of PDFium's own spaces and line breaks
            obj = text_object(tp, i)
            if obj:
                if obj in by_obj:
                    by_obj[obj].append(i)
                else:
                    by_obj[obj] = [i]
            else:
                orphans.append(i)
        self.by_obj, self.orphans = by_obj, orphans
        self.out: list[Char] = []
        #: the last text objects: handle, origin x and y, font size, x scale, their chars' span in out
        self.recent: deque[tuple[int, float, float, float, float, int, int]] = deque(maxlen=_SAME_OBJECTS)
        self.blank_at: tuple[int, float, float] | None = None  # the last inkless blank: index, origin
        self.fonts: dict[int, float] = {}  # descent per unit of font size
        self.widths: dict[tuple[int, str], float | None] = {}  # advance per unit of font size
        self._m, self._r = api.matrix_type(), api.rect_type()
        self._mp, self._rp = ctypes.pointer(self._m), ctypes.pointer(self._r)
        self._f = [ctypes.c_float() for _ in range(4)]
        self._fp = [ctypes.pointer(v) for v in self._f]
        self._d = (ctypes.c_double(), ctypes.c_double())
        self._dp = tuple(ctypes.pointer(v) for v in self._d)

    def read(self, page: Any) -> list[Char]:
        handle = _handle(page.raw)
        self._objects(handle, self.api.count_objects(handle), None, 0)
        for rest in self.by_obj.values():  # characters of objects the walk did not reach
            self.orphans.extend(rest)
        for i in sorted(self.orphans):
            if not self.text[i].isspace():
                self.out.append(self._loose(i, _HYPHEN_MARKS.get(self.text[i], self.text[i]), 0.0, True))
        return self.out

    def _objects(self, holder: int, count: int, form: Matrix | None, depth: int) -> None:
        api = self.api
        get = api.page_object if form is None else api.form_object
        obj_type, obj_matrix, text_kind, form_kind = api.obj_type, api.obj_matrix, api.TEXT, api.FORM
        m, mp, unpack = self._m, self._mp, _unpack_matrix
        for index in range(count):
            obj = get(holder, index)
            if not obj:
                continue
            kind = obj_type(obj)
            if kind != text_kind and kind != form_kind:
                continue
            matrix = unpack(m) if obj_matrix(obj, mp) else _IDENTITY
            if form is not None:
                matrix = _mult(matrix, form)
            if kind == text_kind:
                self._text_object(obj, matrix)
            elif depth < 32:
                self._objects(obj, api.form_count(obj), matrix, depth + 1)

    def _text_object(self, obj: int, matrix: Matrix) -> None:
        api, out = self.api, self.out
        a, b, c, d, e, f = matrix
        indexes = self.by_obj.pop(obj, None)
        if indexes:  # the text object's font size, as the text page reports it (no out-parameter)
            fs = api.char_font_size(self.tp, indexes[0])
        else:
            api.font_size(obj, self._fp[0])
            fs = self._f[0].value
        font = api.font(obj) or 0
        descent = self.fonts.get(font)
        if descent is None:
            descent = self.fonts[font] = self._descent(font)
        if self.blank_at is not None:
            k, bx, by = self.blank_at
            if abs(bx - e) < 1e-3 and abs(by - f) < 1e-3:  # the blank did not advance: no space
                out[k] = (_ZERO_WIDTH, *out[k][1:])
            self.blank_at = None
        upright = a * d > 0 and b * c <= 0
        simple = b == 0 and c == 0
        size = abs(d * fs) if simple else abs(b * fs) + abs(d * fs)
        start = len(out)
        if indexes is None:
            api.obj_bounds(obj, *self._fp)
            left, bottom, right, top = (v.value for v in self._f)
            if right - left < _EPS:  # no ink: pdfminer has the glyph (a space) where it was drawn
                self.blank_at = (start, e, f)
                out.append(self._blank(e, f, d, fs, descent, size, upright))
            else:
                self._restore_duplicate(e, f, fs, right - left, top - bottom)
        elif not simple:  # rotated or skewed text
            for i in indexes:
                self._turned_char(i, font, (a, b, c, d), fs, descent, upright, e, f, len(indexes) == 1)
        else:
            text, height, widths, tp = self.text, self.height, self.widths, self.tp
            origin, (ox, oy), (oxp, oyp) = api.origin, self._d, self._dp
            dy0, dy1 = d * descent * fs, d * (descent + 1.0) * fs
            if dy1 < dy0:
                dy0, dy1 = dy1, dy0
            single = len(indexes) == 1
            for i in indexes:
                ch = text[i]
                if ch in _HYPHEN_MARKS:
                    ch = _HYPHEN_MARKS[ch]
                if single:  # a one-glyph object's glyph sits at the object's origin
                    x, y = e, f
                else:
                    origin(tp, i, oxp, oyp)
                    x, y = ox.value, oy.value
                if ch.isspace():  # a space inside a text object: a blank, as in pdfminer
                    out.append(self._blank(x, y, d, fs, descent, size, upright))
                    continue
                width = widths.get((font, ch), -1.0)
                if width is not None and width < 0:
                    width = widths[font, ch] = self._width(i, font, ch, x, a * fs)
                if width is None:
                    api.loose_box(tp, i, self._rp)
                    x1 = float(self._r.right)
                else:
                    x1 = x + a * fs * width
                x0, x1 = (x, x1) if x1 >= x else (x1, x)
                out.append((ch, x0, x1, height - (y + dy1), height - (y + dy0), size, upright))
        self.recent.append((obj, e, f, fs, abs(a) or 1.0, start, len(out)))

    def _turned_char(
        self,
        i: int,
        font: int,
        scale: tuple[float, float, float, float],
        fs: float,
        descent: float,
        upright: bool,
        e: float,
        f: float,
        single: bool,
    ) -> None:
        """A glyph of rotated or skewed text: pdfminer's box is the glyph's advance by its font
        size, turned with the text; its size is that box's height (so it varies with the advance)."""
        ch = self.text[i]
        if ch.isspace():
            return  # a blank in a turned line: no word would take it anyway
        ch = _HYPHEN_MARKS.get(ch, ch)
        api = self.api
        if single:
            x, y = e, f
        else:
            api.origin(self.tp, i, *self._dp)
            x, y = self._d[0].value, self._d[1].value
        width = None
        if (
            len(ch) == 1
            and font
            and api.glyph_width(font, ord(ch), 1.0, self._fp[2])
            and self._f[2].value > 0
        ):
            width = self._f[2].value
        if width is None:
            self.out.append(self._loose(i, ch, 0.0, upright))
            return
        a, b, c, d = scale
        us, vs = (0.0, width * fs), (descent * fs, (descent + 1.0) * fs)
        xs = [x + a * u + c * v for u in us for v in vs]
        ys = [y + b * u + d * v for u in us for v in vs]
        y0, y1 = min(ys), max(ys)
        self.out.append((ch, min(xs), max(xs), self.height - y1, self.height - y0, y1 - y0, upright))

    def _descent(self, font: int) -> float:
        """The font's descent per unit of font size, as pdfminer takes it: from its own metrics
        of the standard 14 fonts when the font bears one of their names, else from the font
        descriptor (PDFium's answer), and never above the baseline."""
        from pdfminer.pdffont import FontMetricsDB

        if not font:
            return 0.0
        api = self.api
        buf = ctypes.create_string_buffer(128)
        size = api.base_font_name(font, buf, 128)
        name = buf.value.decode("latin-1") if 0 < size <= 128 else ""
        try:
            descent = float(FontMetricsDB.get_metrics(name)[0]["Descent"]) / 1000  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            descent = self._f[1].value if api.descent(font, 1.0, self._fp[1]) else 0.0
        return -abs(descent)

    def _blank(
        self, x: float, y: float, d: float, fs: float, descent: float, size: float, upright: bool
    ) -> Char:
        y0, y1 = sorted((y + d * descent * fs, y + d * (descent + 1.0) * fs))
        return (" ", x, x, self.height - y1, self.height - y0, size, upright)

    def _width(self, i: int, font: int, ch: str, x: float, scale: float) -> float | None:
        """The glyph's advance per unit of font size, or None where PDFium's answer cannot be
        trusted (it maps the character back to a code; a font without that map answers with
        some other glyph's width). The advance must end inside PDFium's loose box, which
        spans the origin to the advance, widened by any ink outside it."""
        api = self.api
        if len(ch) != 1 or not font or not api.glyph_width(font, ord(ch), 1.0, self._fp[2]):
            return None
        width = self._f[2].value
        api.loose_box(self.tp, i, self._rp)
        end = x + scale * width
        lo, hi = sorted((float(self._r.left), float(self._r.right)))
        if width <= 0 or not (lo - _EPS <= end <= hi + _EPS):
            return None
        return width

    def _loose(self, i: int, ch: str, size: float, upright: bool) -> Char:
        self.api.loose_box(self.tp, i, self._rp)
        r = self._r
        x0, x1 = sorted((float(r.left), float(r.right)))
        y0, y1 = sorted((float(r.bottom), float(r.top)))
        return (ch, x0, x1, self.height - y1, self.height - y0, size or (y1 - y0), upright)

    def _restore_duplicate(self, x: float, y: float, fs: float, width: float, height: float) -> None:
        """PDFium dropped this text object as a repeat of one of the five before it (same codes,
        same ink, at most 0.9 of a glyph's advance away): pdfminer keeps both, so the copy is
        restored from the object it repeats, moved to where it was drawn."""
        api = self.api
        for obj, px, py, pfs, scale, start, end in reversed(self.recent):
            chars = self.out[start:end]
            if not chars or pfs != fs or abs(py - y) > max(height, width, fs) / 8:
                continue
            if abs(px - x) > 0.9 * (chars[0][2] - chars[0][1]) / scale + _EPS:  # PDFium's limit
                continue
            api.obj_bounds(obj, *self._fp)
            left, _, right, _ = (v.value for v in self._f)
            if abs((right - left) - width) > max(_EPS, width / 20):
                continue
            dx, dy = x - px, py - y
            self.out.extend(
                (t, x0 + dx, x1 + dx, top + dy, bottom + dy, size, up)
                for t, x0, x1, top, bottom, size, up in chars
            )
            return


def _chars(page: Any, textpage: Any, height: float) -> list[Char]:
    """The page's characters as pdfminer reports them (see :class:`_CharReader`)."""
    return _CharReader(textpage, height).read(page)


def _words(chars: list[Char]) -> list[dict[str, Any]]:
    """Chars → words exactly as pdfplumber's ``extract_words(extra_attrs=["size"])``.

    Runs of consecutive chars (content order) with the same uprightness and size are taken
    one at a time; in a run, lines are clusters of ``top`` values no more than y_tolerance
    apart (chained), each line is sorted by x0 (stable), and a word ends at a blank, where
    the next char starts more than x_tolerance after the end of the previous one, or where
    its top differs by more than y_tolerance. Text that is not upright is read the other way
    round: lines are clusters of x0, read from top to bottom.
    """
    words: list[dict[str, Any]] = []
    for (upright, _size), run in itertools.groupby(chars, key=lambda c: (c[6], c[5])):
        group = list(run)
        if upright:
            lines = _cluster(group, lambda c: c[3], _Y_TOLERANCE)
            order: Any = lambda c: c[1]  # noqa: E731
        else:
            lines = _cluster(group, lambda c: c[1], _X_TOLERANCE)
            order = lambda c: (c[3], c[4])  # noqa: E731
        for line in lines:
            line.sort(key=order)
            current: list[Char] = []
            for c in line:
                if c[0].isspace():
                    if current:
                        words.append(_word(current))
                    current = []
                    continue
                if current and _begins_word(current[-1], c, upright):
                    words.append(_word(current))
                    current = []
                current.append(c)
            if current:
                words.append(_word(current))
    return words


def _cluster(chars: list[Char], key: Callable[[Char], float], tolerance: float) -> list[list[Char]]:
    """pdfplumber's ``cluster_objects``: distinct values sorted and chained within
    ``tolerance``; each cluster keeps its chars in their original order."""
    values = sorted({key(c) for c in chars})
    cluster_of: dict[float, int] = {}
    n, last = -1, None
    for v in values:
        if last is None or v > last + tolerance:
            n += 1
        cluster_of[v] = n
        last = v
    lines: list[list[Char]] = [[] for _ in range(n + 1)]
    for c in chars:
        lines[cluster_of[key(c)]].append(c)
    return lines


def _begins_word(prev: Char, c: Char, upright: bool) -> bool:
    if upright:  # pdfplumber's char_begins_new_word, left to right
        return c[1] < prev[1] or c[1] > prev[2] + _X_TOLERANCE or abs(c[3] - prev[3]) > _Y_TOLERANCE
    return c[3] < prev[3] or c[3] > prev[4] + _Y_TOLERANCE or abs(c[1] - prev[1]) > _X_TOLERANCE


def _word(chars: list[Char]) -> dict[str, Any]:
    return {
        "text": "".join(_LIGATURES.get(c[0], c[0]) for c in chars),
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
                # pdfplumber measures from the MediaBox's top: top = its height - y
                left, bottom, right, top = page.get_mediabox()
                width, height = right - left, top - bottom
                textpage = page.get_textpage()
                try:
                    words = _words(_chars(page, textpage, height))
                finally:
                    textpage.close()
                lines, _gutter = plumber._page_lines(plumber.WordsPage(words, width))
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
