"""``credparse parse`` reads its file in a child while the parser loads (``parser/run/prefetch.py``)."""

from __future__ import annotations

import time

from builders import make_pdf

from parser.limits import Limits
from parser.readers import read_path
from parser.run.prefetch import Prefetch


def _long_pdf(tmp_path, pages: int):
    lines = [
        [(50, 40 + 14 * k, f"Line {k} of page {p}: Certified Kubernetes Administrator") for k in range(50)]
        for p in range(pages)
    ]
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(lines))
    return path


def test_a_read_done_in_time_arrives_whole_however_long_the_parent_was_busy(tmp_path):
    """The time limit is the read's: a child that finished while this process was still loading
    (its result larger than a pipe holds, so it waits to write) is not a timeout."""
    path = _long_pdf(tmp_path, 8)
    pending = Prefetch(str(path), Limits(timeout=0.5))
    time.sleep(1.0)  # the parent loading spaCy and the catalog
    read = pending.result()
    assert read.error is None and read.media_type == "application/pdf"
    assert read.doc is not None and read.doc.pages == 8
    same = read_path(str(path), Limits())
    assert read.sha256 == same.sha256 and read.doc.text == same.doc.text


def test_a_read_past_the_limit_is_stopped_and_is_a_timeout_record(tmp_path):
    path = _long_pdf(tmp_path, 40)  # a few hundred ms of reading
    pending = Prefetch(str(path), Limits(timeout=0.01))
    started = time.monotonic()
    read = pending.result()
    assert read.error == ("timeout", "parsing took longer than the 0.01 s limit")
    assert read.sha256 is not None and time.monotonic() - started < 5


def test_a_file_that_cannot_be_read_says_why(tmp_path):
    read = Prefetch(str(tmp_path / "missing.pdf"), Limits()).result()
    assert read.error is not None and read.error[0] == "not_found"
