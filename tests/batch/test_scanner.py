"""The Scanner on real files: per-file limits, crashed children, dedupe, the library batch call."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest

import parser.run.pool
from parser.run.inputs import walk
from parser.run.isolate import parse_many_isolated
from parser.run.scan import Scanner

from .helpers import AS_OF, CREDPARSE, SAMPLES, records, sample_folder

HANG = "000_hang.txt"
#: The per-file limit in the timeout tests: far above what a sample takes even on a loaded
#: machine (well under a second), since the file past it is one that never finishes.
TIMEOUT = 5.0


@pytest.fixture
def hang(monkeypatch, tmp_path) -> Path:
    """Files named ``HANG`` never finish parsing. The children are forked from this process, so
    ``parse_job`` patched here runs in them: any other file is parsed for real; on ``HANG`` the
    child writes its pid to the returned path and sleeps until it is killed. Whether a record is
    ``timeout`` or ``worker_crashed`` then no longer depends on how fast the machine is."""
    started = tmp_path / "hanging.pid"
    real = parser.run.pool.parse_job

    def parse_job(cp, job):
        if Path(job.shown).name == HANG:
            note = started.with_suffix(".tmp")
            note.write_text(str(os.getpid()))
            note.replace(started)  # whole, never half-written
            while True:
                time.sleep(3600)
        return real(cp, job)

    monkeypatch.setattr(parser.run.pool, "parse_job", parse_job)
    return started


def _scan(folder: Path, out: Path, **kw) -> list[dict]:
    Scanner(out, as_of=AS_OF, **kw).run(list(walk([str(folder)])))
    return records(out)


def test_a_file_past_the_time_limit_becomes_a_timeout_record_and_the_run_goes_on(tmp_path, hang):
    d = tmp_path / "in"
    sample_folder(d, 4)
    (d / HANG).write_bytes(b"Certifications\nCISSP, 2020\n")
    started = time.monotonic()
    lines = _scan(d, tmp_path / "r.jsonl", workers=2, timeout=TIMEOUT)
    assert time.monotonic() - started < 60  # the hanging file was stopped, not waited for
    assert hang.exists()  # it really was being parsed when its time ran out
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in lines}
    assert codes.pop(HANG) == "timeout"
    assert len(codes) == 4 and set(codes.values()) == {None}


def test_a_file_past_the_memory_cap_becomes_a_resource_limit_record(tmp_path):
    d = tmp_path / "in"
    sample_folder(d, 2)
    (d / "000_big.txt").write_bytes(b"CISSP " * (18 * 1024 * 1024 // 6))
    out = tmp_path / "r.jsonl"
    cmd = [CREDPARSE, "scan", str(d), "--out", str(out), "--workers", "1", "--max-memory", "16"]
    assert subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in records(out)}
    assert codes.pop("000_big.txt") == "resource_limit"
    assert set(codes.values()) == {None} and len(codes) == 2


def test_a_child_that_dies_gives_worker_crashed_and_is_replaced(tmp_path, hang):
    d = tmp_path / "in"
    sample_folder(d, 3)
    (d / HANG).write_bytes(b"Certifications\nCISSP, 2020\n")

    def kill_the_busy_child() -> None:
        deadline = time.monotonic() + 60
        while not hang.exists():  # until the child is inside the hanging parse
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(int(hang.read_text()), signal.SIGKILL)

    killer = threading.Thread(target=kill_the_busy_child)
    killer.start()
    lines = _scan(d, tmp_path / "r.jsonl", workers=1, timeout=120)
    killer.join()
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in lines}
    assert codes.pop(HANG) == "worker_crashed"
    assert set(codes.values()) == {None} and len(codes) == 3


def test_dedupe_parses_identical_files_once_and_keeps_one_line_each(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"copy{i}.pdf").write_bytes(SAMPLES[5].read_bytes())
    (d / "other.txt").write_bytes(SAMPLES[-1].read_bytes())
    scanner = Scanner(tmp_path / "r.jsonl", as_of=AS_OF, dedupe=True)
    scanner.run(list(walk([str(d)])))
    lines = records(tmp_path / "r.jsonl")
    assert sorted(Path(r["source"]["file"]).name for r in lines) == [
        "copy0.pdf",
        "copy1.pdf",
        "copy2.pdf",
        "other.txt",
    ]
    assert scanner.result.duplicates == 2
    copies = [r for r in lines if "copy" in r["source"]["file"]]
    assert len({r["parser"]["elapsed_ms"] for r in copies}) == 1  # one parse, three records
    assert sum(any(w["code"] == "duplicate" for w in r["warnings"]) for r in copies) == 2
    assert len({str(r["credentials"]) for r in copies}) == 1


def test_library_batch_call_keeps_order_and_isolates_each_file(tmp_path, hang):
    paths = sample_folder(tmp_path / "in", 4)
    hanging = tmp_path / "in" / HANG
    hanging.write_bytes(b"Certifications\nCISSP, 2020\n")
    profiles = list(
        parse_many_isolated([*paths[:2], hanging, *paths[2:]], workers=2, timeout=TIMEOUT, as_of=AS_OF)
    )
    assert [p.source.file for p in profiles] == [*paths[:2], str(hanging), *paths[2:]]
    assert [p.error.code if p.error else None for p in profiles] == [None, None, "timeout", None, None]
