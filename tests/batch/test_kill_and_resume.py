"""A real ``credparse scan`` killed with SIGKILL (or stopped with Ctrl-C), then resumed."""

from __future__ import annotations

import json
import signal
import subprocess
import time

from .helpers import AS_OF, CREDPARSE, our_processes, records, sample_folder


def _complete_lines(path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def _default_sigint() -> None:
    # A test run started in the background (`pytest &`) inherits SIGINT ignored, and Python
    # keeps an ignored SIGINT; a user's Ctrl-C reaches a foreground scan with the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_and_wait(cmd, out, lines: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_default_sigint
    )
    deadline = time.monotonic() + 120
    while _complete_lines(out) < lines:
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.01)
    return proc


def test_sigkill_at_a_third_then_resume_gives_one_line_per_input(tmp_path):
    inputs = sample_folder(tmp_path / "in", 60)
    out = tmp_path / "results.jsonl"
    cmd = [CREDPARSE, "scan", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--as-of", AS_OF]
    proc = _start_and_wait(cmd, out, 20)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    raw = out.read_bytes()
    first = [json.loads(line) for line in raw.decode().splitlines(keepends=True) if line.endswith("\n")]
    assert 20 <= len(first) < 60
    time.sleep(0.3)
    assert our_processes(str(out)) == []  # the children died with their parent

    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=180)
    assert resumed.returncode == 0, resumed.stderr
    final = records(out)
    files = [r["source"]["file"] for r in final]
    assert sorted(files) == sorted(inputs)  # exactly one line per input, no duplicate
    assert final[: len(first)] == first  # finished files kept as they were (same elapsed_ms): not redone
    assert "already done" in resumed.stderr
    assert all(r["error"] is None for r in final)


def test_ctrl_c_stops_cleanly_with_valid_partial_output_and_summary(tmp_path):
    sample_folder(tmp_path / "in", 60)
    out = tmp_path / "results.jsonl"
    cmd = [CREDPARSE, "scan", str(tmp_path / "in"), "--out", str(out), "--workers", "2", "--as-of", AS_OF]
    proc = _start_and_wait(cmd, out, 10)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1
    assert "Interrupted" in stderr and "parsed ok" in stderr
    partial = records(out)  # every line whole and valid JSON
    assert 10 <= len(partial) <= 60
    assert len({r["source"]["file"] for r in partial}) == len(partial)
    time.sleep(0.3)
    assert our_processes(str(out)) == []
