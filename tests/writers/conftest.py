"""Profiles of the real samples, parsed once, plus one profile carrying hostile text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
HOSTILE_NAME = '<img src=x onerror="alert(1)">Eve</script>'
HOSTILE_CRED = '=HYPERLINK("http://evil.example","click")'


def sample_files() -> list[Path]:
    return sorted(
        p for p in SAMPLES.iterdir() if p.is_file() and p.suffix not in (".py",) and p.name != "README.md"
    )


@pytest.fixture(scope="session")
def sample_profiles(cp) -> list[dict[str, Any]]:
    return [cp.parse(str(p)).model_dump(mode="json") for p in sample_files()]


@pytest.fixture(scope="session")
def hostile_profile(sample_profiles) -> dict[str, Any]:
    """A real profile whose strings were replaced with what an attacker could put in a résumé."""
    base = next(p for p in sample_profiles if len(p["credentials"]) >= 2)
    prof = copy.deepcopy(base)
    prof["source"]["file"] = "evil<b>.pdf"
    prof["candidate"]["name"] = HOSTILE_NAME
    prof["credentials"][0]["name"] = HOSTILE_CRED
    prof["credentials"][0]["url"] = "javascript:alert(1)"
    prof["credentials"][0]["issuer"]["name"] = "Acme\x07 <Corp>"
    prof["credentials"][1]["verification"]["reasons"] = ["</details><script>alert(2)</script>"]
    return prof
