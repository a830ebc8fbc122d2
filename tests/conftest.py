"""Shared fixtures: one real CredentialParser, and builders for real PDF and DOCX files."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
AS_OF = "2026-11-25"

sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def cp():
    from parser import CredentialParser

    return CredentialParser(as_of=AS_OF)


@pytest.fixture
def parse_text(cp):
    """Parse a text résumé given as a string."""

    def run(text: str, filename: str = "cv.txt"):
        return cp.parse(text.encode("utf-8"), filename=filename)

    return run
