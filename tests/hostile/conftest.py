"""The hostile corpus, built once per test session into a temporary folder."""

from __future__ import annotations

import pytest

from .corpus import build


@pytest.fixture(scope="session")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, build(folder)
