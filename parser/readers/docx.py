"""DOCX résumés with python-docx: body, tables (nested), text boxes, headers, hyperlinks.

Two-column résumés are often layout tables, and contact details often live in the page
header, so reading only ``doc.paragraphs`` loses most of the text. The archive is checked
for zip bombs and entity declarations before python-docx parses any part.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from ..document import Attachment, Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from ..sniff import DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_BADGE_MEDIA = (".png", ".svg")


# How an XML part's encoding is found (XML 1.0 appendix F): a byte order mark, else the first
# bytes of "<?xml", else the encoding its declaration names (UTF-8 without one).
_BOMS = (
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16"),
    (b"\xff\xfe", "utf-16"),
)
_FIRST_BYTES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC
_DECLARED = re.compile(rb"""<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']""")


def _declares_entities(raw: bytes, name: str) -> bool:
    """Whether an XML part has a DOCTYPE or an entity declaration, in whatever encoding it is
    written: a UTF-16 part does not hold the bytes ``<!DOCTYPE``, so the part is decoded as an
    XML parser would decode it, and one it cannot decode is refused."""
    if b"<!ENTITY" in raw or b"<!DOCTYPE" in raw:
        return True
    codec = next((c for bom, c in _BOMS if raw.startswith(bom)), None)
    codec = codec or next((c for first, c in _FIRST_BYTES if raw.startswith(first)), None)
    if codec is None:
        head = raw[:512]
        if head.startswith(_EBCDIC_XML):
            head = head.decode("cp037", "replace").encode("ascii", "replace")
        declared = _DECLARED.match(head)
        codec = declared.group(1).decode("ascii") if declared else "utf-8"
    codecs_to_try = [codec]
    if b"\x00" in raw[:4]:  # a wide encoding, whatever the first bytes said: try them all
        codecs_to_try += ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]
    for each in codecs_to_try:
        try:
            if codecs.lookup(each).name == "utf-8":
                continue  # the bytes were searched above
            text = raw.decode(each, "replace")
        except (LookupError, UnicodeError, ValueError) as exc:
            raise DocumentError(
                "corrupt", f"{name} is in an encoding that cannot be checked ({each})"
            ) from exc
        if "<!ENTITY" in text or "<!DOCTYPE" in text:
            return True
    return False


def check_archive(data: bytes, limits: Limits) -> list[Attachment]:
    """Refuse zip bombs and XML entity tricks before parsing; return embedded media."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError) as exc:
        raise DocumentError("corrupt", f"the DOCX archive cannot be opened: {exc}") from exc
    media: list[Attachment] = []
    with zf:
        infos = zf.infolist()
        if len(infos) > limits.max_zip_entries:
            raise DocumentError("resource_limit", f"the archive has {len(infos)} entries")
        total = sum(i.file_size for i in infos)
        packed = max(1, sum(i.compress_size for i in infos))
        if total > limits.max_zip_uncompressed or total / packed > limits.max_zip_ratio:
            raise DocumentError(
                "resource_limit",
                f"the archive inflates to {total} bytes (ratio {total / packed:.0f}:1); refused as a zip bomb",
            )
        for info in infos:
            name = info.filename
            if name.endswith((".xml", ".rels")):
                try:
                    head = zf.read(info)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
                    raise DocumentError("corrupt", f"damaged archive member {name}") from exc
                if _declares_entities(head, name):
                    raise DocumentError("corrupt", f"{name} declares XML entities; refused")
            elif name.startswith("word/media/") and name.lower().endswith(_BADGE_MEDIA):
                if info.file_size <= 5 * 1024 * 1024:
                    media.append(Attachment(name=name, data=zf.read(info)))
    return media


def _paragraph_pieces(paragraph: Any) -> tuple[str, list[tuple[int, int, str]]]:
    """Paragraph text with hyperlink targets as (start, end, url)."""
    from docx.text.hyperlink import Hyperlink

    text = ""
    links: list[tuple[int, int, str]] = []
    for item in paragraph.iter_inner_content():
        piece = item.text or ""
        if isinstance(item, Hyperlink):
            url = item.url
            if url and piece:
                links.append((len(text), len(text) + len(piece), url))
        text += piece
    return text, links


def _style_name(paragraph: Any, styles: dict[str | None, str]) -> str:
    """The paragraph's style name, looked up once per style id and document: python-docx's
    ``paragraph.style`` scans every style definition on each call (most of a DOCX read)."""
    style_id = paragraph._p.style
    if style_id not in styles:
        styles[style_id] = getattr(paragraph.style, "name", "") or ""
    return styles[style_id]


def _emit_paragraph(builder: LineBuilder, paragraph: Any, kind: str, styles: dict[str | None, str]) -> None:
    style = _style_name(paragraph, styles)
    if kind == "text" and style.startswith(("Heading", "Title")):
        kind = "heading"
    elif kind == "text" and "List" in style:
        kind = "list"
    text, links = _paragraph_pieces(paragraph)
    offset = 0
    for part in text.replace("\t", "    ").split("\n"):
        end = offset + len(part)
        inner = [
            (max(s, offset) - offset, min(e, end) - offset, u) for s, e, u in links if s < end and e > offset
        ]
        builder.add(part, inner, kind=kind)
        offset = end + 1
    _emit_textboxes(builder, paragraph, kind, styles)


def _emit_textboxes(builder: LineBuilder, paragraph: Any, kind: str, styles: dict[str | None, str]) -> None:
    from docx.text.paragraph import Paragraph

    for box in paragraph._p.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        builder.add("", kind="break")  # a text box is its own block, not part of the section around it
        for p in box.iter(f"{_W}p"):
            _emit_paragraph(builder, Paragraph(p, paragraph._parent), kind, styles)
        builder.add("", kind="break")


def _walk(
    container: Any, builder: LineBuilder, kind: str, styles: dict[str | None, str], depth: int = 0
) -> None:
    from docx.table import Table

    for item in container.iter_inner_content():
        if isinstance(item, Table):
            if depth > 8:
                continue
            for row in item.rows:
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    _walk(cell, builder, kind, styles, depth + 1)
                    builder.add("")
        else:
            _emit_paragraph(builder, item, kind, styles)


def _header_footer_parts(doc: Any, which: str) -> Iterator[Any]:
    seen: set[int] = set()
    for section in doc.sections:
        for attr in (f"first_page_{which}", which, f"even_page_{which}"):
            part = getattr(section, attr, None)
            if part is None or part.is_linked_to_previous:
                continue
            key = id(part._element)
            if key not in seen:
                seen.add(key)
                yield part


def read_docx(data: bytes, limits: Limits) -> Document:
    """Read a DOCX into a Document: headers, body in document order, footers."""
    media = check_archive(data, limits)
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DocumentError("corrupt", f"the DOCX cannot be read: {type(exc).__name__}") from exc
    builder = LineBuilder(DOCX)
    styles: dict[str | None, str] = {}
    try:
        for part in _header_footer_parts(doc, "header"):
            _walk(part, builder, "header", styles)
        builder.add("")
        _walk(doc, builder, "text", styles)
        builder.add("")
        for part in _header_footer_parts(doc, "footer"):
            _walk(part, builder, "footer", styles)
    except DocumentError:
        raise
    except Exception as exc:
        raise DocumentError("corrupt", f"the DOCX structure is damaged: {type(exc).__name__}") from exc
    result = builder.build(merge=False)
    result.attachments.extend(media)
    if len(result.text) > limits.max_chars:
        result.warn("truncated", "the document text was cut at the character limit")
    if not result.text.strip() and not media:
        raise DocumentError("empty", "the DOCX contains no text")
    return result
