"""Builds the hostile corpus on the fly: every file is made by code here, none is shipped.

Each entry is (file name, the error codes it may end with). ``None`` in the set means the
file is expected to parse (a hostile file that is still a readable résumé, like a UTF-16 one).
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOOD = "Lee Chan\nlee@example.com\n\nCertifications\nCertified Information Systems Security Professional (CISSP), 2020\n"

EXPECTED: dict[str, set[str | None]] = {
    "zip_bomb.docx": {"resource_limit"},
    "billion_laughs.docx": {"corrupt", "resource_limit"},
    "xxe_badge.svg": {None},  # an "invalid" badge credential, no entity expanded
    "png_bomb.png": {None},  # an "invalid" badge credential, nothing inflated past the limit
    "encrypted.pdf": {"encrypted"},
    "truncated.pdf": {"corrupt"},
    "random.pdf": {"corrupt"},
    "random.docx": {"corrupt"},
    "random.bin": {"unsupported_format"},
    "docx_named.pdf": {None},
    "utf16.txt": {None},
    "nul_bytes.txt": {None},
    "one_line.txt": {None},
    "pages_400.pdf": {None},
    "deep.json": {"resource_limit", "corrupt"},
    "empty.txt": {"empty"},
    "open_parens.txt": {None},  # one 20 KB line of "(": spaCy's affix loop was quadratic on it
    "aws_lines.txt": {None},  # 25,000 catalog matches: the span merge was quadratic
    "brackets.txt": {None},  # 200 KB of "["
    "pdf_stream_bomb.pdf": {"resource_limit"},  # a content stream inflating to 512 MB
    "pdf_attachment_bomb.pdf": {"resource_limit"},  # a 2 MB PDF with an attachment inflating to 2 GB
    "pages_50000.pdf": {None},  # a 50,000-page tree: only max_pages pages may be visited
}
#: Reader/sniffer bugs the corpus shows (none open: the NUL-byte sniffing bug is fixed).
KNOWN_BUGS: dict[str, str] = {}


def _docx_bytes(document_xml: bytes) -> bytes:
    """A minimal DOCX package around ``document_xml``."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def zip_bomb(path: Path, inflated: int = 1 << 30) -> None:
    """A DOCX whose document.xml inflates to ``inflated`` bytes (1 GiB) from about 1 MB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        chunk = b" " * (1 << 24)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b"<w:document>")
            for _ in range(inflated // len(chunk)):
                fh.write(chunk)


def billion_laughs() -> bytes:
    ents = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    ents[1] = '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    return _docx_bytes(
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(ents) + "]><w:document>&lol9;</w:document>"
        ).encode()
    )


def xxe_svg() -> bytes:
    return (
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://openbadges.org">'
        b'<openbadges:assertion verify="https://example.org/a.json">&xxe;</openbadges:assertion></svg>'
    )


def _chunk(kind: bytes, body: bytes) -> bytes:
    return (
        struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    )


def png_bomb() -> bytes:
    """100 000 x 100 000 pixels claimed, 256 MB of zeros in IDAT and a 64 MB zTXt badge."""
    ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\0" * (256 << 20), 9)
    ztxt = b"openbadges\0\0" + zlib.compress(b"{" * (64 << 20), 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"zTXt", ztxt)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def _pdf_pages(n: int, text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(n):
        c.drawString(72, 720, f"{text} page {i + 1}")
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(_pdf_pages(1, "Lee Chan CISSP"))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def deflate_repeated(chunk: bytes, count: int) -> bytes:
    """A zlib stream of ``chunk * count`` without compressing all of it: after the first
    chunk, deflate with a sync flush emits the same bytes for every further copy."""
    c = zlib.compressobj(9)
    first = c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH)
    assert c.compress(chunk) + c.flush(zlib.Z_SYNC_FLUSH) == again
    body = first + again * (count - 1) + b"\x03\x00"  # an empty final block
    return body + struct.pack(">I", _adler32_repeated(zlib.adler32(chunk), len(chunk), count))


def _adler32_repeated(adler: int, length: int, count: int) -> int:
    """The Adler-32 of ``count`` copies of a ``length``-byte block whose Adler-32 is ``adler``
    (zlib's ``adler32_combine``, applied by doubling), without reading gigabytes."""

    def combine(a1: int, a2: int, len2: int) -> int:
        base = 65521
        rem = len2 % base
        s1 = ((a1 & 0xFFFF) + (a2 & 0xFFFF) + base - 1) % base
        s2 = (rem * (a1 & 0xFFFF) + (a1 >> 16) + (a2 >> 16) + base - rem) % base
        return (s2 << 16) | s1

    total, power, power_len = 1, adler, length  # adler32(b"") is 1
    while count:
        if count & 1:
            total = combine(total, power, power_len)
        power, power_len = combine(power, power, power_len), 2 * power_len
        count >>= 1
    return total


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (object 1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_stream(data: bytes, entries: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


_PDF_TEXT = (
    b"BT /F1 11 Tf 72 720 Td (Lee Chan) Tj 0 -20 Td (Certifications) Tj 0 -20 Td (CISSP, 2020) Tj ET\n"
)
_PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _one_page_pdf(contents: bytes, catalog_extra: bytes = b"", more: list[bytes] | None = None) -> bytes:
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R %s >>" % catalog_extra,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            contents,
            _PDF_FONT,
            *(more or []),
        ]
    )


def pdf_stream_bomb(inflated: int = 512 << 20) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes (512 MB of "q Q"
    operators after a line of text) from about 500 KB."""
    chunk = b"q Q\n" * (1 << 20)
    data = deflate_repeated(chunk, inflated // len(chunk))
    return _one_page_pdf(pdf_stream(data, b"/Filter /FlateDecode"))


def pdf_attachment_bomb(inflated: int = 2 << 30) -> bytes:
    """A readable one-page résumé PDF with an embedded file (a "badge") that inflates to
    ``inflated`` bytes (2 GB of zeros) from about 2 MB."""
    data = deflate_repeated(b"\0" * (16 << 20), inflated // (16 << 20))
    return _one_page_pdf(
        pdf_stream(_PDF_TEXT),
        b"/Names << /EmbeddedFiles << /Names [(badge.png) 6 0 R] >> >>",
        [
            b"<< /Type /Filespec /F (badge.png) /UF (badge.png) /EF << /F 7 0 R >> >>",
            pdf_stream(data, b"/Type /EmbeddedFile /Filter /FlateDecode"),
        ],
    )


def pdf_many_pages(count: int) -> bytes:
    """A PDF of ``count`` pages in one flat page tree, all sharing one content stream (~100 bytes a page)."""
    first = 5
    kids = b" ".join(b"%d 0 R" % (first + i) for i in range(count))
    page = b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"
    return pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 612 792]"
            b" /Resources << /Font << /F1 4 0 R >> >> >>" % (kids, count),
            pdf_stream(b"BT /F1 11 Tf 72 720 Td (Lee Chan) Tj ET\n"),
            _PDF_FONT,
            *([page] * count),
        ]
    )


def build(folder: Path) -> dict[str, set[str | None]]:
    """Write the whole corpus into ``folder``; returns the expected codes by file name."""
    folder.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(1234)
    zip_bomb(folder / "zip_bomb.docx")
    (folder / "billion_laughs.docx").write_bytes(billion_laughs())
    (folder / "xxe_badge.svg").write_bytes(xxe_svg())
    (folder / "png_bomb.png").write_bytes(png_bomb())
    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    pdf = (SAMPLES / "linkedin_one_column.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (folder / "random.pdf").write_bytes(b"%PDF-1.4\n" + rnd.randbytes(50_000))
    (folder / "random.docx").write_bytes(rnd.randbytes(20_000))
    (folder / "random.bin").write_bytes(rnd.randbytes(20_000))
    (folder / "docx_named.pdf").write_bytes((SAMPLES / "sidebar_layout.docx").read_bytes())
    (folder / "utf16.txt").write_bytes(GOOD.encode("utf-16"))
    (folder / "nul_bytes.txt").write_bytes(GOOD.replace("\n", "\n\x00", 2).encode())
    (folder / "one_line.txt").write_bytes(b"CISSP " * (3 * 1024 * 1024 // 6))
    (folder / "pages_400.pdf").write_bytes(
        _pdf_pages(400, "Certified Information Systems Security Professional")
    )
    (folder / "deep.json").write_bytes(b'{"basics": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "open_parens.txt").write_bytes(b"(" * 20_000)
    (folder / "aws_lines.txt").write_bytes((b"AWS " * 5000 + b"\n") * 5)
    (folder / "brackets.txt").write_bytes(b"[" * 200_000)
    (folder / "pdf_stream_bomb.pdf").write_bytes(pdf_stream_bomb())
    (folder / "pdf_attachment_bomb.pdf").write_bytes(pdf_attachment_bomb())
    (folder / "pages_50000.pdf").write_bytes(pdf_many_pages(50_000))
    return dict(EXPECTED)
