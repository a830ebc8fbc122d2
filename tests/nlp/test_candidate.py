"""Candidate details by layout heuristics."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "top,name",
    [
        ("Dana Ruiz\nCloud engineer", "Dana Ruiz"),
        ("RUBÉN IBÁÑEZ-CORTLAND\nWelder", "Rubén Ibáñez-Cortland"),
        ("Keiko Brandvold, RN\nSacramento", "Keiko Brandvold"),
        ("Ana Silva | ana@example.com | +1 415 555 0100", "Ana Silva"),
        ("Jean-Luc van der Berg\nEngineer", "Jean-Luc van der Berg"),
    ],
)
def test_name(parse_text, top, name):
    assert parse_text(top + "\n\nSkills\nPython\n").candidate.name == name


def test_contacts(parse_text):
    p = parse_text("Mia Chen\nmia.chen@example.org · (312) 555-0188 · https://github.com/miachen-example\n")
    assert p.candidate.emails == ["mia.chen@example.org"]
    assert p.candidate.phones == ["(312) 555-0188"]
    assert p.candidate.urls == ["https://github.com/miachen-example"]


def test_a_profile_url_written_without_its_scheme_is_a_profile_url(parse_text):
    p = parse_text(
        "Jane Doe\nlinkedin.com/in/jane-doe · https://github.com/janedoe · jane@example.com\n"
        "Certifications\nPMP, 2020\n"
    )
    assert p.candidate.urls == ["https://github.com/janedoe", "https://linkedin.com/in/jane-doe"]
