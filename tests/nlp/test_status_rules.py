"""Every status trigger in patterns/status.yaml changes the status of a credential next to it."""

from __future__ import annotations

import pytest

from parser.nlp.rules import load_rules

TRIGGERS = load_rules().status.triggers


@pytest.mark.parametrize("trigger", TRIGGERS, ids=lambda t: t.phrase)
def test_each_trigger(parse_text, trigger):
    if trigger.direction == "forward":
        line = f"{trigger.phrase} Certified Information Systems Security Professional"
    else:
        line = f"Certified Information Systems Security Professional ({trigger.phrase})"
    p = parse_text(f"Certifications\n{line}\n")
    assert [(c.catalog_id, c.status) for c in p.credentials] == [("isc2/cissp", trigger.status)]


@pytest.mark.parametrize(
    "text,issued,expires,status",
    [
        ("CISSP · Issued Mar 2023 · Expires Mar 2026", "2023-03", "2026-03", "expired"),
        ("CISSP, 2019 – 2028", "2019", "2028", "earned"),
        ("CISSP (exp. 06/2025)", None, "2025-06", "expired"),
        ("CISSP, valid through 2027-03", None, "2027-03", "earned"),
        ("CISSP (2021)", "2021", None, "earned"),
        ("CISSP – ausgestellt März 2023, gültig bis 31.03.2029", "2023-03", "2029-03-31", "earned"),
        ("CISSP — obtenu en janvier 2024", "2024-01", None, "earned"),
        ("CISSP — válida hasta marzo de 2027", None, "2027-03", "earned"),
        ("CISSP, expected 2027", None, None, "in_progress"),
    ],
)
def test_dates_and_status(parse_text, text, issued, expires, status):
    [c] = parse_text(f"Certifications\n{text}\n").credentials
    assert (c.issued, c.expires, c.status) == (issued, expires, status)


def test_as_of_decides_expiry(cp):
    data = b"Certifications\nCISSP, Expires Jun 2026\n"
    assert cp.parse(data, filename="a.txt", as_of="2026-01-01").credentials[0].status == "earned"
    assert cp.parse(data, filename="a.txt", as_of="2026-07-01").credentials[0].status == "expired"
