"""Bound pdfminer's chasing of indirect references, so a reference cycle cannot hang a parse.

Why: pdfminer resolves an indirect object with ``while isinstance(x, PDFObjRef): x = x.resolve()``
(``pdfminer.pdftypes.resolve1``). A PDF whose object refers to itself, directly or through
others, loops there forever, at 100 % CPU, inside ``pdfplumber.open``; no exception, no error
record. The fuzzer found one (``tests/hostile/data/pdf-reference-cycle-hangs-open.pdf``). A
process-level time limit (``parser.run``) turns it into a ``timeout`` record after a minute;
this guard makes the in-process ``parse`` answer ``corrupt`` at once.

How: the same loop with a bound, installed in place of ``resolve1`` (and of ``resolve_all``,
which has the same loop) in ``pdfminer.pdftypes`` and in the modules that imported them by
name. A real document chains a reference to another reference once or twice; past
:data:`MAX_CHAIN` steps it is a cycle, and pdfminer's own ``PDFSyntaxError`` is raised, which
the PDF reader already reports as ``corrupt``. Cycles through arrays and dictionaries end in a
``RecursionError``, as before.

The second guard bounds what one stream may inflate to. pdfminer decodes a stream whole
(``PDFStream.decode``: ``zlib.decompress`` and its LZW, RunLength and CCITT decoders), so a
content stream that inflates to 512 MB kept ``credparse parse`` busy for minutes, and an
attached file inflating to 2 GB took 4.3 GB of memory (or was dropped without a word when a
memory cap stopped it). Within :func:`stream_limit` (the PDF reader sets it to the
``max_pdf_stream_bytes`` limit), the decoders that can amplify stop as soon as their output
passes the cap and raise :class:`StreamTooLarge`, which the reader reports as
``resource_limit``; the inflating is done in C, so stopping costs about a tenth of a second
for 64 MB. Predictor parameters that would allocate a row larger than the cap are refused
before decoding, and the decoded stream is checked once more at the end.
"""

from __future__ import annotations

import importlib
import logging
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from io import BytesIO
from typing import Any, cast

logger = logging.getLogger(__name__)

MAX_CHAIN = 64
#: Modules that bind the functions at import (``from pdfminer.pdftypes import resolve1``).
_USERS = (
    "pdfminer.pdftypes",
    "pdfminer.pdfinterp",
    "pdfminer.pdffont",
    "pdfminer.pdfpage",
    "pdfplumber.structure",
)
_installed = False


def bounded_resolve1(x: object, default: object = None) -> Any:
    """``pdfminer.pdftypes.resolve1`` that gives up on a reference chain longer than :data:`MAX_CHAIN`."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFObjRef

    for _ in range(MAX_CHAIN):
        if not isinstance(x, PDFObjRef):
            return x
        x = x.resolve(default=default)
    if isinstance(x, PDFObjRef):
        raise PDFSyntaxError(f"indirect reference cycle (more than {MAX_CHAIN} references in a chain)")
    return x


def bounded_resolve_all(x: object, default: object = None) -> Any:
    """``pdfminer.pdftypes.resolve_all`` built on :func:`bounded_resolve1` (same in-place semantics)."""
    x = bounded_resolve1(x, default)
    if isinstance(x, list):
        return [bounded_resolve_all(v, default) for v in x]
    if isinstance(x, dict):
        for k, v in x.items():
            x[k] = bounded_resolve_all(v, default)
    return x


class StreamTooLarge(Exception):
    """A PDF stream inflates (or would decode) to more than the ``max_pdf_stream_bytes`` limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"a PDF stream inflates to more than {limit} bytes (limit max_pdf_stream_bytes)")
        self.limit = limit


#: The cap of the PDF being read in this thread (None: pdfminer's own, unbounded, decoding).
_CAP: ContextVar[int | None] = ContextVar("credparse_pdf_stream_cap", default=None)


@contextmanager
def stream_limit(limit: int) -> Iterator[None]:
    """Cap what any one PDF stream may decode to, in bytes, while the block runs."""
    token = _CAP.set(max(0, int(limit)))
    try:
        yield
    finally:
        _CAP.reset(token)


def _check(size: int, cap: int) -> None:
    if size > cap:
        raise StreamTooLarge(cap)


def bounded_inflate(data: bytes) -> bytes:
    """``zlib.decompress(data)`` that stops once the output passes the cap."""
    cap = _CAP.get()
    if cap is None:
        return zlib.decompress(data)
    d = zlib.decompressobj()
    out = d.decompress(data, cap + 1)
    _check(len(out), cap)
    if not d.eof:  # all input used and the stream not finished: what zlib.decompress says
        raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
    return out


def bounded_decompress_corrupted(data: bytes) -> bytes:
    """``pdfminer.pdftypes.decompress_corrupted`` (a stream whose checksum or end is damaged:
    keep what inflates, fail on an error before the last 3 bytes), bounded and linear.

    pdfminer's feeds one byte at a time and appends to a ``bytes`` object, quadratic in the
    output; this feeds 4 KB at a time into a ``bytearray`` and only replays the block that
    failed byte by byte, to fail at the same byte."""
    cap = _CAP.get()
    d = zlib.decompressobj()
    out = bytearray()
    step = 4096
    for pos in range(0, len(data), step):
        block = data[pos : pos + step]
        before = d.copy()
        try:
            out += d.decompress(block)
        except zlib.error:
            d = before
            for j in range(len(block)):
                try:
                    out += d.decompress(block[j : j + 1])
                except zlib.error:
                    if pos + j < len(data) - 3:
                        raise
                    logger.warning("Data-loss while decompressing corrupted data")
                    return bytes(out)
        if cap is not None:
            _check(len(out), cap)
    return bytes(out)


class _BoundedZlib:
    """What ``pdfminer.pdftypes`` sees as ``zlib``: ``decompress`` bounded, the rest zlib's."""

    error = zlib.error

    @staticmethod
    def decompress(data: bytes) -> bytes:
        return bounded_inflate(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)


def bounded_lzwdecode(data: bytes) -> bytes:
    """``pdfminer.lzw.lzwdecode`` that stops once the output passes the cap."""
    from pdfminer.lzw import LZWDecoder

    cap = _CAP.get()
    out = bytearray()
    for piece in LZWDecoder(BytesIO(data)).run():
        out += piece
        if cap is not None:
            _check(len(out), cap)
    return bytes(out)


def bounded_rldecode(data: bytes) -> bytes:
    """``pdfminer.runlength.rldecode`` (RunLengthDecode: up to 64 times its input) into a
    ``bytearray``, stopping once the output passes the cap."""
    from pdfminer.pdfexceptions import PDFValueError

    cap = _CAP.get()
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:  # end of data
            break
        if length < 128:  # the next length + 1 bytes, literally
            if i + length + 1 > n:
                raise PDFValueError("RunLengthDecode data ends inside a literal run")
            out += data[i : i + length + 1]
            i += length + 1
        else:  # the next byte, 257 - length times
            if i >= n:
                raise PDFValueError("RunLengthDecode data ends inside a repeated run")
            out += data[i : i + 1] * (257 - length)
            i += 1
        if cap is not None:
            _check(len(out), cap)
    return bytes(out)


def bounded_ccittfaxdecode(data: bytes, params: dict[str, object]) -> bytes:
    """``pdfminer.ccitt.ccittfaxdecode`` with the width and the output bounded by the cap.

    pdfminer's decoder keeps a Python list of one item per pixel of a row (8 bytes each) and
    appends every row to a ``bytes`` object (quadratic); here the row must fit the cap and
    the rows go to a ``bytearray``."""
    from pdfminer.ccitt import CCITTFaxDecoder
    from pdfminer.pdfexceptions import PDFValueError

    cap = _CAP.get()
    if params.get("K") != -1:
        raise PDFValueError(params.get("K"))
    cols = params.get("Columns")
    if cap is not None and isinstance(cols, int) and cols * 8 > cap:
        raise StreamTooLarge(cap)

    class Decoder(CCITTFaxDecoder):
        rows = bytearray()

        def output_line(self, y: int, bits: Any) -> None:
            self._buf = b""
            super().output_line(y, bits)
            self.rows += self._buf
            if cap is not None:
                _check(len(self.rows), cap)

    decoder = Decoder(
        cast(int, cols),
        bytealign=cast(bool, params.get("EncodedByteAlign")),
        reversed=cast(bool, params.get("BlackIs1")),
    )
    decoder.rows = bytearray()
    decoder.feedbytes(data)
    return bytes(decoder.rows)


_DECODE: Any = None  # pdfminer's own PDFStream.decode
#: pdfminer's own decoders, as ``pdfminer.pdftypes`` bound them before :func:`install`.
ORIGINALS: dict[str, Any] = {}


def bounded_decode(stream: Any) -> None:
    """``PDFStream.decode`` under the cap: predictor rows checked before, the result after."""
    cap = _CAP.get()
    if cap is not None:
        from pdfminer.pdftypes import int_value

        for _, params in stream.get_filters():
            if isinstance(params, dict) and "Predictor" in params:
                colors = int_value(params.get("Colors", 1))
                columns = int_value(params.get("Columns", 1))
                bits = int_value(params.get("BitsPerComponent", 8))
                if max(columns, colors * columns * bits // 8) > cap:
                    raise StreamTooLarge(cap)
    _DECODE(stream)
    if cap is not None and stream.data is not None:
        _check(len(stream.data), cap)


def install() -> None:
    """Put the bounded functions wherever pdfminer's are bound; once per process."""
    global _installed, _DECODE
    if _installed:
        return
    replacements = {"resolve1": bounded_resolve1, "resolve_all": bounded_resolve_all}
    for name in _USERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr, guarded in replacements.items():
            if getattr(module, attr, None) is not None:
                setattr(module, attr, guarded)
    try:
        pdftypes = importlib.import_module("pdfminer.pdftypes")
    except ImportError:
        pdftypes = None
    if pdftypes is not None:
        decoders = {
            "zlib": _BoundedZlib(),
            "decompress_corrupted": bounded_decompress_corrupted,
            "lzwdecode": bounded_lzwdecode,
            "rldecode": bounded_rldecode,
            "ccittfaxdecode": bounded_ccittfaxdecode,
        }
        for attr, decoder in decoders.items():
            ORIGINALS[attr] = getattr(pdftypes, attr, None)
            setattr(pdftypes, attr, decoder)
        _DECODE = pdftypes.PDFStream.decode
        pdftypes.PDFStream.decode = bounded_decode
    _installed = True
