"""Inputs the fuzzers found that a reader did not turn into a DocumentError (now fixed, kept as regressions)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers.docx import read_docx
from parser.run.isolate import run_isolated

from .corpus import SAMPLES

DATA = Path(__file__).parent / "data"


def test_docx_with_shifted_member_offsets_is_corrupt():
    data = (SAMPLES / "sidebar_layout.docx").read_bytes()[1:]
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"


def test_docx_with_a_damaged_deflate_stream_is_corrupt():
    """Found by `python -m fuzz.run docx` (atheris): zlib.error escaped check_archive."""
    data = (DATA / "docx-deflate-invalid-distance.docx").read_bytes()
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"


@pytest.mark.parametrize("reader", ["pdfplumber", "pdfium"])
def test_pdf_with_a_reference_cycle_is_corrupt_at_once(reader, monkeypatch):
    """Found by `python -m fuzz.run pdf` (atheris): the /Root chain of indirect references loops,
    and pdfminer's resolve1 followed it forever inside pdfplumber.open (100 % CPU, no error).

    Run in a child with a time limit, so that a regression fails as `timeout` instead of hanging
    the test run; the in-process parse must answer well before that limit.
    """
    monkeypatch.setenv("CREDPARSE_PDF_READER", reader)
    started = time.monotonic()
    result = run_isolated(DATA / "pdf-reference-cycle-hangs-open.pdf", timeout=20)
    assert result.profile.error is not None
    assert result.profile.error.code == "corrupt", result.profile.error
    assert time.monotonic() - started < 15


@pytest.mark.parametrize("encoding", ["utf-9", "rot13"])
def test_svg_badge_declaring_an_encoding_python_cannot_decode_is_invalid(cp, tmp_path, encoding):
    """Found by `python -m fuzz.run badge` (atheris): expat looked the declared encoding up in
    Python's codecs and the LookupError ("unknown encoding: utf-9", "'rot13' is not a text
    encoding") escaped the SVG badge reader instead of being reported as broken XML.
    """
    svg = tmp_path / "badge.svg"
    svg.write_text(
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
        '<openbadges:assertion verify="https://api.badgr.io/public/assertions/AbCdEf123456"/></svg>',
        encoding="ascii",
    )
    profile = cp.parse(svg)
    assert profile.error is None
    [badge] = profile.credentials
    assert badge.verification.level == "invalid"
    assert badge.verification.badge is not None
    assert badge.verification.badge.format == "ob2-malformed"
    assert "not well-formed XML" in badge.verification.reasons[0]


def test_badge_whose_issuer_url_does_not_split_is_still_read(cp):
    """Found by `python -m fuzz.run badge` (atheris): an issuer id of ``https://exampl].com/…``
    made ``urlsplit`` raise "Invalid IPv6 URL" while the badge's issuer was being checked."""
    credential = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "https://example.org/credentials/1",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://exampl].com/issuers/1", "type": ["Profile"], "name": "Example Corp"},
        "validFrom": "2024-03-01T00:00:00Z",
        "name": "Teamwork Badge",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://example.org/a/1",
                "type": ["Achievement"],
                "name": "Teamwork Badge",
            },
        },
    }
    profile = cp.parse(json.dumps(credential).encode(), filename="badge.json")
    assert profile.error is None
    [badge] = profile.credentials
    assert (badge.name, badge.issuer.name, badge.issuer.known) == ("Teamwork Badge", "Example Corp", False)
    assert badge.verification.level == "unverifiable"
