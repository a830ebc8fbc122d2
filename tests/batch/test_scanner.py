"""The Scanner on real files: per-file limits, crashed children, dedupe, the library batch call."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from parser.batch import Scanner, walk
from parser.isolate import parse_many_isolated

from .helpers import AS_OF, CREDPARSE, SAMPLES, records, sample_folder

SLOW = b"CISSP " * (3 * 1024 * 1024 // 6)  # one 3 MB line: takes over a second to parse


def _scan(folder: Path, out: Path, **kw) -> list[dict]:
    Scanner(out, as_of=AS_OF, **kw).run(list(walk([str(folder)])))
    return records(out)


def test_a_file_past_the_time_limit_becomes_a_timeout_record_and_the_run_goes_on(tmp_path):
    d = tmp_path / "in"
    sample_folder(d, 4)
    (d / "000_slow.txt").write_bytes(SLOW)
    started = time.monotonic()
    lines = _scan(d, tmp_path / "r.jsonl", workers=2, timeout=0.4)
    assert time.monotonic() - started < 30
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in lines}
    assert codes.pop("000_slow.txt") == "timeout"
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


def _children() -> set[int]:
    me = str(os.getpid())
    kids = set()
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
            except (OSError, IndexError):
                continue
            if fields[1] == me and fields[0] != "Z":
                kids.add(int(pid))
    return kids


def test_a_child_that_dies_gives_worker_crashed_and_is_replaced(tmp_path):
    d = tmp_path / "in"
    sample_folder(d, 3)
    (d / "000_slow.txt").write_bytes(SLOW)
    before = _children()

    def kill_the_busy_child() -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            new = _children() - before
            if new:
                time.sleep(0.4)  # it is parsing the slow file now
                for pid in new:
                    os.kill(pid, signal.SIGKILL)
                return
            time.sleep(0.01)

    killer = threading.Thread(target=kill_the_busy_child)
    killer.start()
    lines = _scan(d, tmp_path / "r.jsonl", workers=1, timeout=30)
    killer.join()
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in lines}
    assert codes.pop("000_slow.txt") == "worker_crashed"
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


def test_library_batch_call_keeps_order_and_isolates_each_file(tmp_path):
    paths = sample_folder(tmp_path / "in", 4)
    slow = tmp_path / "in" / "slow.txt"
    slow.write_bytes(SLOW)
    profiles = list(parse_many_isolated([*paths[:2], slow, *paths[2:]], workers=2, timeout=1.0, as_of=AS_OF))
    assert [p.source.file for p in profiles] == [*paths[:2], str(slow), *paths[2:]]
    assert [p.error.code if p.error else None for p in profiles] == [None, None, "timeout", None, None]
