"""Mention finding, status and dates as a table of résumé snippets (Presidio-style)."""

from __future__ import annotations

import pytest

CASES = [
    # (text, expected [(catalog_id or name, status)])
    (
        "Certifications\nFINRA Series 7, 63 and 66 licenses\n",
        [("finra/series-7", "earned"), ("nasaa/series-63", "earned"), ("nasaa/series-66", "earned")],
    ),
    ("Certifications\nCISSP (ISC2), 2020\n", [("isc2/cissp", "earned")]),
    ("Certifications\nPursuing CISSP\n", [("isc2/cissp", "in_progress")]),
    ("Certifications\nCFA Level II Candidate\n", [("cfa-institute/cfa-level-2", "in_progress")]),
    (
        "Certifications\nAWS Certified Cloud Practitioner (expected 2027)\n",
        [("aws/cloud-practitioner", "in_progress")],
    ),
    (
        "Certifications\nAWS Certified Cloud Practitioner, Issued Jan 2020, Expires Jan 2023\n",
        [("aws/cloud-practitioner", "expired")],
    ),
    ("Certifications\nCISSP (lapsed)\n", [("isc2/cissp", "expired")]),
    ("Zertifikate\nCISSP – in Vorbereitung\n", [("isc2/cissp", "in_progress")]),
    ("Certifications professionnelles\nCISSP (en cours)\n", [("isc2/cissp", "in_progress")]),
    (
        "Certifications\nAcme Robotics Certified Integrator, Acme Robotics Inc., 2022\n",
        [("Acme Robotics Certified Integrator", "earned")],
    ),
    # traps: a skill, a product, a teaching role, an employer are not credentials
    ("Experience\nWorked with AWS and Microsoft Office every day.\n", []),
    ("Experience\nTaught CISSP prep classes to 40 engineers.\n", []),
    ("Summary\nSecurity engineer, CISSP since 2019.\n", [("isc2/cissp", "earned")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_mentions(parse_text, text, expected):
    p = parse_text(text)
    got = [(c.catalog_id or c.name, c.status) for c in p.credentials]
    assert got == expected


def test_dates_and_unknown_issuer_kept(parse_text):
    p = parse_text("Certifications\nAcme Robotics Certified Integrator, Acme Robotics Inc., exp. 06/2025\n")
    [c] = p.credentials
    assert c.issuer.name == "Acme Robotics Inc." and c.issuer.known is False
    assert c.expires == "2025-06" and c.status == "expired"


@pytest.mark.parametrize(
    "url,level",
    [
        ("https://www.credly.com/badges/3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f/public_url", "verifiable"),
        ("https://www.youracclaim.com/badges/3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f", "verifiable"),
        ("https://www.credly-verify.com/badges/3f2c9a1e-5b7d-4c2a", "suspicious"),
        ("https://aws-certification.net/verify/3f2c9a1e", "suspicious"),
        ("https://drive.google.com/file/d/abc/view", "unverifiable"),
    ],
)
def test_verification_levels_from_urls(parse_text, url, level):
    p = parse_text(f"Certifications\nAWS Certified Cloud Practitioner\n{url}\n")
    [c] = p.credentials
    assert c.verification.level == level, c.verification.reasons
    assert c.verification.reasons


def test_future_issue_date_is_suspicious(parse_text):
    p = parse_text("Certifications\nCISSP, issued 2029\n")
    assert p.credentials[0].verification.level == "suspicious"
