"""Plain text and Markdown: encodings and links."""

from __future__ import annotations

import pytest

from parser.limits import Limits
from parser.readers.text import decode, read_text
from parser.sniff import MARKDOWN, TEXT

SAMPLE = "Zoë Müller — Certifications: CompTIA Security+"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-8-sig"),
        SAMPLE.encode("utf-16"),
        SAMPLE.encode("cp1252"),
    ],
)
def test_decoding(data):
    assert decode(data) == SAMPLE


def test_markdown_links_and_autolinks_become_links():
    md = b"## Certifications\n- **CKA** [Verify](https://www.credly.com/badges/abcdef12-3456)\n- See <https://learn.microsoft.com/api/credentials/share/en-us/x/ABC>\n"
    doc = read_text(md, MARKDOWN, Limits())
    assert doc.lines[0].text == "Certifications" and doc.lines[0].kind == "heading"
    assert doc.lines[1].text == "• CKA Verify"
    urls = {doc.text[lk.start : lk.end]: lk.url for lk in doc.links}
    assert urls["Verify"] == "https://www.credly.com/badges/abcdef12-3456"
    assert "https://learn.microsoft.com/api/credentials/share/en-us/x/ABC" in urls


def test_text_keeps_lines():
    doc = read_text(b"a\r\nb\rc\n", TEXT, Limits())
    assert [line.text for line in doc.lines] == ["a", "b", "c", ""]


def test_a_short_file_of_nuls_and_control_bytes_is_not_text_whatever_its_name(cp):
    garbage = b"\x00\x00ab\x01\x02\x00zz\x03"
    for name in ("blob.bin", "cv.txt"):
        profile = cp.parse(garbage, filename=name)
        assert profile.error is not None and profile.error.code in ("unsupported_format", "corrupt")
    assert cp.parse(b"Lee\x00 Chan\nCertifications\nPMP, 2020\n", filename="cv.txt").error is None
