"""A DOCX part that declares a DOCTYPE is refused in whatever encoding it is written.

The check used to look for the bytes ``<!DOCTYPE``, which a part encoded in UTF-16 (or UTF-32,
UTF-7, EBCDIC) does not contain, so the declaration reached the XML parser.
"""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from builders import docx_bytes

from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers.docx import read_docx

DOCTYPE = '<!DOCTYPE w:document [<!ENTITY who "Ana Lima, PMP">]>'


def _docx_with_document_xml(encoding: str, *, doctype: bool, declared: str | None = None) -> bytes:
    """A real DOCX whose word/document.xml is re-encoded, optionally with a DOCTYPE and an entity."""
    source = docx.Document()
    source.add_paragraph("ENTITY_HERE")
    source.add_paragraph("Certifications")
    original = docx_bytes(source)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(original)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                body = text[text.index("?>") + 2 :].lstrip()
                if doctype:
                    body = DOCTYPE + body.replace("ENTITY_HERE", "&who;")
                head = f'<?xml version="1.0" encoding="{declared or encoding}" standalone="yes"?>\n'
                data = (head + body).encode(encoding)
                if encoding == "utf-7":  # "<!" in UTF-7's base64 form, as an encoder may write it
                    data = data.replace(b"<!DOCTYPE", b"+ADwAIQ-DOCTYPE").replace(
                        b"<!ENTITY", b"+ADwAIQ-ENTITY"
                    )
            zout.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "encoding, declared",
    [
        ("utf-16", "UTF-16"),  # with a byte order mark
        ("utf-16-le", "UTF-16"),  # without one
        ("utf-16-be", "UTF-16"),
        ("utf-32", "UTF-32"),
        ("utf-7", "UTF-7"),
        ("cp037", "IBM037"),  # EBCDIC
        ("utf-8-sig", "UTF-8"),
    ],
)
def test_a_doctype_is_refused_in_any_encoding(encoding, declared):
    data = _docx_with_document_xml(encoding, doctype=True, declared=declared)
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"
    assert "word/document.xml declares XML entities" in info.value.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8"])
def test_a_part_in_utf16_without_a_doctype_is_still_read(encoding):
    data = _docx_with_document_xml(encoding, doctype=False, declared="UTF-16" if "16" in encoding else None)
    doc = read_docx(data, Limits())
    assert "Certifications" in doc.text


def test_a_part_in_an_encoding_that_cannot_be_decoded_is_refused():
    data = _docx_with_document_xml("utf-8", doctype=False, declared="X-NO-SUCH-ENCODING")
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"
