"""Read the text chunks of a PNG where Open Badges are "baked", within fixed limits.

Open Badges bakes its payload into an ``iTXt`` chunk (keyword ``openbadges`` for 2.0,
``openbadgecredential`` for 3.0); 1.0-era bakers used ``tEXt``. Only text chunks are read;
image data is skipped by length. A chunk with a bad CRC or a length past the end stops
the walk, and chunks or inflated texts over the limits are reported, not read.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

from .limits import active

SIGNATURE = b"\x89PNG\r\n\x1a\n"
BADGE_KEYWORDS = ("openbadges", "openbadgecredential")


@dataclass
class TextChunks:
    """The badge texts found (keyword, text) and what went wrong on the way."""

    texts: list[tuple[str, str]] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (keyword or "", message)


def is_png(data: bytes) -> bool:
    return data.startswith(SIGNATURE)


def _inflate(blob: bytes) -> bytes | None:
    """Decompress at most ``Limits.max_badge_inflated`` bytes; None when over the limit or corrupt."""
    limit = active().max_badge_inflated
    d = zlib.decompressobj()
    try:
        out = d.decompress(blob, limit + 1)
    except zlib.error:
        return None
    if len(out) > limit or d.unconsumed_tail:
        return None
    return out


def _decode_text(ctype: bytes, body: bytes) -> tuple[str, str | None, str | None]:
    """(keyword, text, problem) of one tEXt/zTXt/iTXt chunk body."""
    keyword, sep, rest = body.partition(b"\0")
    kw = keyword.decode("latin-1")
    if not sep:
        return kw, None, "text chunk without a keyword separator"
    if ctype == b"tEXt":
        return kw, rest.decode("latin-1"), None
    if ctype == b"zTXt":
        raw = _inflate(rest[1:])
        return (
            (kw, raw.decode("latin-1"), None)
            if raw is not None
            else (kw, None, "compressed text over the limit or corrupt")
        )
    # iTXt: flag, method, language\0, translated keyword\0, text
    if len(rest) < 2:
        return kw, None, "truncated iTXt chunk"
    flag, rest = rest[0], rest[2:]
    _lang, _, rest = rest.partition(b"\0")
    _tkw, _, text = rest.partition(b"\0")
    if flag:
        raw = _inflate(text)
        if raw is None:
            return kw, None, "compressed text over the limit or corrupt"
        text = raw
    return kw, text.decode("utf-8", "replace"), None


def badge_texts(data: bytes) -> TextChunks:
    """The Open Badges texts baked into a PNG (any other text chunk is ignored)."""
    out = TextChunks()
    limits = active()
    pos, n = len(SIGNATURE), 0
    while pos + 8 <= len(data) and n < limits.max_badge_png_chunks:
        n += 1
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        ctype = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            out.problems.append(("", "PNG chunk length runs past the end of the file"))
            break
        if ctype in (b"tEXt", b"zTXt", b"iTXt"):
            kw = data[pos + 8 : pos + 8 + 80].partition(b"\0")[0].decode("latin-1")
            if kw in BADGE_KEYWORDS:
                if length > limits.max_badge_png_chunk:
                    out.problems.append(
                        (
                            kw,
                            f"baked badge chunk of {length} bytes is over the {limits.max_badge_png_chunk}-byte limit",
                        )
                    )
                else:
                    body = data[pos + 8 : pos + 8 + length]
                    (crc,) = struct.unpack(">I", data[end - 4 : end])
                    if zlib.crc32(ctype + body) != crc:
                        out.problems.append((kw, "baked badge chunk has a bad CRC (file damaged or edited)"))
                        break
                    kw, text, problem = _decode_text(ctype, body)
                    if problem:
                        out.problems.append((kw, problem))
                    elif text is not None:
                        out.texts.append((kw, text))
        if ctype == b"IEND":
            break
        pos = end
    return out
