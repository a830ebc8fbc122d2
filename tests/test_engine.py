"""The public API on real inputs: contract fields, bad documents become error records."""

from __future__ import annotations

import time

import pytest
from builders import make_pdf, slow_resume

from parser import CandidateProfile, CredentialParser
from parser.limits import Limits


def test_profile_fields_follow_the_contract(parse_text):
    p = parse_text(
        "Dana Ruiz\ndana.ruiz@example.com | +1 (415) 555-0142\n\nLicenses & Certifications\n"
        "AWS Certified Solutions Architect – Associate\nAmazon Web Services (AWS)\n"
        "Issued Apr 2023 · Expires Apr 2026\nCredential ID 7XK2P9Q1LM\n"
        "https://www.credly.com/badges/3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f/public_url\n"
    )
    assert isinstance(p, CandidateProfile) and p.error is None
    assert p.schema_version == "1.0"
    assert p.candidate.name == "Dana Ruiz"
    assert p.candidate.emails == ["dana.ruiz@example.com"]
    assert p.candidate.phones == ["+1 (415) 555-0142"]
    [c] = p.credentials
    assert c.catalog_id == "aws/solutions-architect-associate"
    assert c.issuer.id == "aws" and c.issuer.known
    assert (c.issued, c.expires, c.status) == ("2023-04", "2026-04", "expired")
    assert c.credential_id == "7XK2P9Q1LM"
    assert c.verification.level == "verifiable" and c.verification.method == "platform_url"
    assert c.evidence[0].section == "Licenses & Certifications"
    text = p.source and c.evidence[0]
    assert text.snippet == "AWS Certified Solutions Architect – Associate"
    assert c.quality is not None and "aws/solutions-architect-professional" in c.quality.leads_to


def test_evidence_offsets_point_into_the_extracted_text(cp):
    from parser.limits import Limits
    from parser.readers.text import read_text
    from parser.sniff import TEXT

    data = b"Kai Moss\n\nCertifications\n- CISSP (ISC2), 2020\n"
    p = cp.parse(data, filename="cv.txt")
    doc = read_text(data, TEXT, Limits())
    [c] = p.credentials
    assert doc.text[c.evidence[0].start : c.evidence[0].end] == "CISSP"


@pytest.mark.parametrize(
    "data,filename,code",
    [
        (b"", "empty.txt", "empty"),
        (b"   \n\n", "blank.txt", "empty"),
        (b"%PDF-1.7\n1 0 obj garbage", "broken.pdf", "corrupt"),
        (bytes(range(256)) * 40, "random.bin", "unsupported_format"),
        (bytes(range(256)) * 40, "random.pdf", "corrupt"),
        (b"PK\x03\x04 not really a zip", "cv.docx", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old.doc", "unsupported_format"),
    ],
)
def test_bad_documents_get_error_records(cp, data, filename, code):
    p = cp.parse(data, filename=filename)
    assert p.error is not None and p.error.code == code, p.error
    assert p.credentials == []
    assert p.source.file == filename


def test_missing_file_and_too_large(cp, tmp_path):
    assert cp.parse(str(tmp_path / "nope.pdf")).error.code == "not_found"
    from parser.limits import Limits

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    small = CredentialParser(limits=Limits(max_bytes=1024))
    assert small.parse(str(big)).error.code == "too_large"


def test_encrypted_pdf_is_reported(cp):
    import io

    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=pdfencrypt.StandardEncryption("secret", canPrint=0))
    c.drawString(100, 700, "CISSP")
    c.save()
    p = cp.parse(buf.getvalue(), filename="locked.pdf")
    assert p.error is not None and p.error.code == "encrypted"


def test_content_beats_extension(cp):
    pdf = make_pdf(
        [
            [
                (50, 100, "Certifications"),
                (50, 114, "Certified Information Systems Security Professional"),
            ]
        ]
    )
    p = cp.parse(pdf, filename="cv.txt")
    assert p.error is None and p.source.media_type == "application/pdf"
    assert [c.catalog_id for c in p.credentials] == ["isc2/cissp"]


def test_wrong_argument_types_raise(cp):
    with pytest.raises(TypeError):
        cp.parse(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        cp.parse(b"x", as_of=3.5)  # type: ignore[arg-type]


def test_parse_many_keeps_order(cp, tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Certifications\nCISSP\n")
    out = list(cp.parse_many([str(a), str(tmp_path / "missing.txt"), str(a)]))
    assert [p.source.file for p in out] == [str(a), str(tmp_path / "missing.txt"), str(a)]
    assert out[1].error.code == "not_found"
    assert [c.catalog_id for c in out[2].credentials] == ["isc2/cissp"]


def test_parse_many_isolates_each_input_within_the_parsers_limits(tmp_path):
    # A parser with a tight time limit: a long credentials section (each unknown entry is looked
    # up fuzzily, ~10 ms) is cut off in its child, the batch goes on, and the caller's process
    # never ran the parse itself.
    fast = CredentialParser(limits=Limits(timeout=0.5))
    slow = tmp_path / "slow.txt"
    slow.write_bytes(slow_resume())
    good = b"Certifications\nPMP, PMI, 2020\n"
    started = time.monotonic()
    out = list(fast.parse_many([good, str(slow), good], workers=2))
    assert time.monotonic() - started < 20
    assert [p.error.code if p.error else None for p in out] == [None, "timeout", None]
    assert [p.source.file for p in out] == ["upload", str(slow), "upload"]
    assert [c.catalog_id for c in out[2].credentials] == ["pmi/pmp"]
    assert out[1].source.sha256  # the record still identifies the file
    in_process = list(fast.parse_many([good], isolate=False))
    assert in_process[0].model_dump(exclude={"parser"}) == out[0].model_dump(exclude={"parser"})
