"""Inputs the fuzzers found that a reader did not turn into a DocumentError (now fixed, kept as regressions)."""

from __future__ import annotations

import pytest

from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers.docx import read_docx

from .corpus import SAMPLES


def test_docx_with_shifted_member_offsets_is_corrupt():
    data = (SAMPLES / "sidebar_layout.docx").read_bytes()[1:]
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"


def test_docx_with_a_damaged_deflate_stream_is_corrupt():
    """Found by `python -m fuzz.run docx` (atheris): zlib.error escaped check_archive."""
    from pathlib import Path

    data = (Path(__file__).parent / "data" / "docx-deflate-invalid-distance.docx").read_bytes()
    with pytest.raises(DocumentError) as info:
        read_docx(data, Limits())
    assert info.value.code == "corrupt"
