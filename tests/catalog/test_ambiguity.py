"""Shared acronyms are decided by context, and the match says how."""

from __future__ import annotations

import pytest

CASES = [
    ("Certifications\nCSM (Scrum Alliance), 2021\n", [("scrum-alliance/csm", "Scrum Alliance")]),
    ("Summary\nAgile coach and Certified ScrumMaster (CSM).\n", [("scrum-alliance/csm", "Scrum Alliance")]),
    ("Experience\nCustomer Success Manager (CSM) at Example SaaS\n", []),
    (
        "Certifications\nCPA, Illinois, 2015\n",
        # the board of the state the résumé names, not the family
        [("nasba-state-boards/cpa", "Illinois Department of Financial and Professional Regulation")],
    ),
    (
        "Certifications\nCPA (CPA Ontario), 2019\n",
        [("cpa-canada/cpa", "Chartered Professional Accountants of Ontario")],  # the provincial body
    ),
    ("Experience\nPartnered with CPA firms on due diligence.\n", []),
    (
        "Certifications\nCNA — Certified Nursing Assistant, 2020\n",
        [("state-nurse-aide-registries/cna", "State Nurse Aide Registries")],
    ),
    ("Certifications\nAWS CWI, 2018\n", [("american-welding-society/cwi", "American Welding Society")]),
    (
        "Certifications\nAWS Certified Cloud Practitioner, 2021\n",
        [("aws/cloud-practitioner", "Amazon Web Services")],
    ),
    ("Skills\nAWS, Azure, GCP, Kubernetes, Terraform\n", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_context_decides(parse_text, text, expected):
    got = parse_text(text).credentials
    assert [(c.catalog_id, c.issuer.name) for c in got] == expected
    for c in got:
        assert c.match.method in ("exact", "alias") and c.match.rule in (
            "exact",
            "alias",
            "acronym",
            "exam_code",
        )
