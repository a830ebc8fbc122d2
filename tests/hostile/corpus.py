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
    return dict(EXPECTED)
