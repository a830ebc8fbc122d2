from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import FIXTURES  # noqa: E402


@pytest.fixture(scope="session")
def catalog():
    from parser.catalog.store import load_catalog

    return load_catalog()


@pytest.fixture(scope="session")
def fixtures() -> Path:
    assert FIXTURES.is_dir(), f"badge fixtures not found at {FIXTURES}"
    return FIXTURES
