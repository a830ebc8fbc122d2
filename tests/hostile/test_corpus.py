"""Every hostile file gets one record with the right code, within bounded time and memory."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from parser.run.isolate import run_isolated

from .corpus import EXPECTED, GOOD, KNOWN_BUGS

GIB = 1 << 30
CREDPARSE = str(Path(sys.executable).with_name("credparse"))


def _cases():
    for name in sorted(EXPECTED):
        marks = [pytest.mark.xfail(reason=KNOWN_BUGS[name], strict=True)] if name in KNOWN_BUGS else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_cases()))
def test_each_hostile_file_gets_its_code_in_bounded_time_and_memory(corpus, name):
    folder, expected = corpus
    started = time.monotonic()
    result = run_isolated(folder / name, timeout=30, as_of="2026-11-25")
    profile = result.profile
    assert time.monotonic() - started < 30
    assert result.peak_rss < 2 * GIB, f"{name}: child peaked at {result.peak_rss >> 20} MB"
    assert result.peak_rss - result.base_rss < 512 << 20, (
        f"{name}: grew {(result.peak_rss - result.base_rss) >> 20} MB"
    )
    code = profile.error.code if profile.error else None
    assert code in expected[name], f"{name}: {profile.error}"
    assert profile.source.file == str(folder / name)
    assert "root:" not in profile.model_dump_json()  # nothing of /etc/passwd leaks (XXE)


def test_bombs_inside_badges_are_invalid_badges_not_blowups(corpus):
    folder, _ = corpus
    for name in ("png_bomb.png", "xxe_badge.svg"):
        profile = run_isolated(folder / name, timeout=30).profile
        assert [c.verification.level for c in profile.credentials] == ["invalid"], name


def test_400_pages_are_cut_with_a_truncated_warning(corpus):
    folder, _ = corpus
    profile = run_isolated(folder / "pages_400.pdf", timeout=30).profile
    assert profile.source.pages == 50
    assert "truncated" in [w.code for w in profile.warnings]


def test_wall_clock_limit_becomes_a_timeout_record(corpus):
    folder, _ = corpus
    started = time.monotonic()
    profile = run_isolated(folder / "one_line.txt", timeout=0.3).profile
    assert time.monotonic() - started < 5
    assert profile.error is not None and profile.error.code == "timeout"
    assert profile.source.sha256  # still identifies the input, so --resume can skip it


def test_address_space_cap_becomes_a_resource_limit_record(tmp_path):
    # In a fresh process: the cap is headroom over what the parent has mapped, and a long-lived
    # test process keeps freed memory mapped, which a fork inherits as headroom.
    big = tmp_path / "big.txt"
    big.write_bytes(b"CISSP " * (18 * 1024 * 1024 // 6))  # copies of 18 MB cannot fit in 16 MB more
    code = (
        "import sys; from parser.run import parse_isolated; "
        "p = parse_isolated(sys.argv[1], timeout=30, max_memory=16 << 20); "
        "q = parse_isolated(sys.argv[2].encode(), filename='cv.txt'); "
        "print(p.error.code if p.error else None, q.error)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(big), GOOD], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["resource_limit", "None"], done.stderr[-2000:]


def test_scan_of_the_whole_corpus_finishes_with_one_line_per_file(corpus, tmp_path):
    folder, expected = corpus
    scan_dir = tmp_path / "in"
    scan_dir.mkdir()
    for name in expected:
        os.link(folder / name, scan_dir / name)
    (scan_dir / "good résumé.txt").write_text(GOOD)
    (scan_dir / "loop_a").symlink_to(scan_dir / "loop_b")
    (scan_dir / "loop_b").symlink_to(scan_dir / "loop_a")
    (scan_dir / "dangling.pdf").symlink_to(scan_dir / "nowhere.pdf")
    os.mkfifo(scan_dir / "a_fifo.txt")  # reading it would block forever
    (scan_dir / "-dash\nnewline .txt").write_text(GOOD)
    (scan_dir / ("x" * 200 + ".txt")).write_text(GOOD)
    odd = os.path.join(os.fsencode(scan_dir), b"caf\xe9.txt")  # not UTF-8
    with open(odd, "wb") as fh:
        fh.write(GOOD.encode())
    out = tmp_path / "r.jsonl"
    cmd = [CREDPARSE, "scan", str(scan_dir), "--out", str(out), "--workers", "2", "--timeout", "30"]
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    assert proc.returncode == 0, proc.stderr.read().decode() if proc.stderr else ""
    assert time.monotonic() - started < 90
    assert usage.ru_maxrss * 1024 < 2 * GIB  # the largest process of the scan (Linux: kB)
    lines = out.read_text(encoding="utf-8").splitlines()
    records = {json.loads(line)["source"]["file"]: json.loads(line) for line in lines}
    assert len(lines) == len(records) == len(os.listdir(scan_dir))
    by_name = {Path(f).name: r for f, r in records.items()}
    assert [c["catalog_id"] for c in by_name["good résumé.txt"]["credentials"]] == ["isc2/cissp"]
    assert by_name["caf\\xe9.txt"]["error"] is None
    assert by_name["-dash\nnewline .txt"]["error"] is None
    assert by_name["loop_a"]["error"]["message"] == "symlink loop"
    assert by_name["dangling.pdf"]["error"]["code"] == "not_found"
    assert by_name["a_fifo.txt"]["error"]["code"] == "unreadable"
    for name, codes in expected.items():
        if name not in KNOWN_BUGS:
            assert (by_name[name]["error"] or {}).get("code") in codes, name
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 < 2 * GIB
