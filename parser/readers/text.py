"""Plain-text and Markdown résumés: encoding detection, Markdown links kept as links."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from ..document import Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from ..sniff import MARKDOWN, TEXT, _utf16_without_bom


def decode(data: bytes) -> str:
    """Decode text bytes: BOMs first, then strict UTF-8, then charset detection, then cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    bomless = _utf16_without_bom(data[:8192])
    if bomless:
        return data.decode(bomless, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    western = best is not None and best.encoding.startswith(("cp125", "iso8859", "latin", "mac_", "windows"))
    if best is not None and not western and best.encoding != "utf_8":
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_AUTOLINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|~~|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)")
_MD_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+")
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$")


def _markdown_line(raw: str) -> tuple[str, list[tuple[int, int, str]], str]:
    """Strip Markdown syntax from one line, keeping link targets as (start, end, url)."""
    kind = "text"
    heading = _MD_HEADING.match(raw)
    if heading:
        raw, kind = heading.group(1), "heading"
    elif _MD_RULE.match(raw):
        return "", [], kind
    else:
        bullet = _MD_BULLET.match(raw)
        if bullet:
            raw, kind = "• " + raw[bullet.end() :], "list"
    raw = _MD_EMPHASIS.sub("", raw)
    out: list[str] = []
    links: list[tuple[int, int, str]] = []
    pos = 0
    pattern = re.compile(f"{_MD_LINK.pattern}|{_MD_AUTOLINK.pattern}")
    for m in pattern.finditer(raw):
        out.append(raw[pos : m.start()])
        label = m.group(1) if m.group(2) else m.group(3)
        url = m.group(2) or m.group(3)
        start = sum(len(p) for p in out)
        out.append(label)
        links.append((start, start + len(label), url))
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), links, kind


def read_text(data: bytes, media_type: str, limits: Limits) -> Document:
    """Read TXT or Markdown bytes into a Document (one line per source line)."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if len(text) > limits.max_chars:
        text = text[: limits.max_chars]
    builder = LineBuilder(media_type)
    for raw in text.split("\n"):
        raw = raw.replace("\t", "    ")
        if len(raw) > limits.max_line_chars:
            raw = raw[: limits.max_line_chars]
        if media_type == MARKDOWN:
            line, links, kind = _markdown_line(raw)
            builder.add(line, links, kind=kind)
        else:
            builder.add(raw)
    doc = builder.build(merge=True)
    if not doc.text.strip():
        raise DocumentError("empty", "the document contains no text")
    return doc


__all__ = ["read_text", "decode", "TEXT", "MARKDOWN"]
