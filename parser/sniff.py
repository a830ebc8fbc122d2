"""Decide what an input is from its bytes (magic numbers), not from its file name.

The extension is only a tie-breaker between text flavours (plain text vs Markdown) and a
hint for the error code when the content is not recognised.
"""

from __future__ import annotations

import io
import json
import zipfile

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
JSON_RESUME = "application/vnd.jsonresume+json"
BADGE_PNG = "image/png"  # a baked badge, or a photographed résumé (readers tell them apart)
JPEG = "image/jpeg"
TIFF = "image/tiff"
WEBP = "image/webp"
BADGE_SVG = "image/svg+xml"
BADGE_JSON = "application/ld+json"
BADGE_JWT = "application/jwt"
#: credparse's own output (a profile, or a line of a scan's JSONL): recognised to say so, never read.
PROFILE = "application/vnd.credparse.profile+json"

KNOWN_EXTENSIONS = {
    ".pdf",
    ".docx",
    ".txt",
    ".md",
    ".markdown",
    ".json",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
    ".webp",
    ".svg",
    ".jwt",
    ".text",
}


def extension(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > filename.replace("\\", "/").rfind("/") else ""


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte is NUL (UTF-16 text saved without a BOM)."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.9 and even.count(0) < len(even) * 0.1:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.9 and odd.count(0) < len(odd) * 0.1:
        return "utf-16-be"
    return None


def _looks_textual(data: bytes) -> bool:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    head = data[:8192]
    nuls = head.count(b"\x00")
    utf16 = _utf16_without_bom(head) is not None
    if nuls and not utf16 and nuls > max(4, len(head) * 0.01):
        return False
    if utf16:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 12, 13))
    if (nuls + controls) > 0.1 * len(head):
        return False  # a short file of NULs and control bytes is no text, whatever its name says
    return controls <= max(4, len(head) * 0.01)


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if "word/document.xml" in names:
        return DOCX
    return "application/zip"


def _json_kind(data: bytes) -> str | None:
    try:
        text = data[:2_000_000].decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        obj = json.loads(text)
    except ValueError:
        try:  # the first line of a JSONL file
            obj = json.loads(text.split("\n", 1)[0])
        except ValueError:
            return None
        return PROFILE if _is_profile(obj) else None
    if not isinstance(obj, dict):
        return None
    if _is_profile(obj):
        return PROFILE
    if "basics" in obj or "certificates" in obj or "work" in obj:
        return JSON_RESUME
    types = obj.get("type")
    ctx = json.dumps(obj.get("@context", ""))
    if types or "openbadges" in ctx or "w3.org" in ctx or "badge" in obj:
        return BADGE_JSON
    return None


def _is_profile(obj: object) -> bool:
    return isinstance(obj, dict) and {"schema_version", "source", "credentials", "parser"} <= obj.keys()


def sniff(data: bytes, filename: str = "") -> str | None:
    """The media type of ``data``, or None when it is not a format credparse reads."""
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return BADGE_PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return WEBP
    if not _looks_textual(data):
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if stripped.startswith(b"{"):
        return _json_kind(data)
    if stripped.startswith((b"<svg", b"<?xml")) and b"<svg" in data[:4096]:
        return BADGE_SVG
    if stripped.startswith(b"eyJ") and stripped.count(b".") >= 2 and b" " not in stripped[:200]:
        return BADGE_JWT
    ext = extension(filename)
    if ext in (".md", ".markdown"):
        return MARKDOWN
    return TEXT
