"""Section headings as a table: languages, ALL CAPS, two-line, inline and keyword headings."""

from __future__ import annotations

import pytest

from parser.document import LineBuilder
from parser.nlp.rules import load_rules
from parser.nlp.sections import assign_sections


def _sections(lines: list[str], kinds: dict[int, str] | None = None):
    b = LineBuilder("text/plain")
    for i, text in enumerate(lines):
        b.add(text, kind=(kinds or {}).get(i, "text"))
    doc = b.build(merge=False)
    return assign_sections(doc, load_rules(), set())


@pytest.mark.parametrize(
    "heading",
    [
        "Licenses & Certifications",
        "LICENSES AND CERTIFICATIONS",
        "Certifications:",
        "Credentials",
        "Badges",
        "Professional Development",
        "Training",
        "Accreditations",
        "Zertifikate",
        "Weiterbildungen",
        "Certifications professionnelles",
        "Certificaciones",
        "Certificações",
        "Certificazioni",
        "Certificeringen",
        "C E R T I F I C A T I O N S",
        "Licenses & Registrations",
    ],
)
def test_credential_headings(heading):
    out = _sections([heading, "Some Credential Name"])
    assert out[0].category == "heading"
    assert out[1].category == "credentials"


@pytest.mark.parametrize(
    "heading,category",
    [
        ("Experience", "experience"),
        ("Berufserfahrung", "experience"),
        ("Expérience professionnelle", "experience"),
        ("Education", "education"),
        ("Formación académica", "education"),
        ("Skills", "skills"),
        ("Sprachkenntnisse", "languages"),
        ("PROFILE", "summary"),
    ],
)
def test_other_headings(heading, category):
    assert _sections([heading, "text"])[1].category == category


def test_heading_split_over_two_lines():
    out = _sections(["PROFESSIONAL", "CERTIFICATIONS", "Foo Certified Bar"])
    assert out[2].category == "credentials" and out[2].heading == "PROFESSIONAL CERTIFICATIONS"


def test_inline_heading_with_content():
    out = _sections(["Certifications: CISSP, PMP"])
    assert out[0].category == "credentials" and out[0].content_start == len("Certifications:")


def test_unlisted_heading_with_a_credential_word():
    out = _sections(["CERTIFICATES & LANGUAGE QUALIFICATIONS", "DELE C1"])
    assert out[1].category == "credentials"


def test_unknown_caps_heading_ends_the_section():
    out = _sections(["Certifications", "Foo Certified", "VOLUNTEER WORK", "Food bank helper"])
    assert out[1].category == "credentials" and out[3].category == "other"
