"""A file swapped between the check and the open (for a link to /dev/zero, for a FIFO) and
special files given directly: `CredentialParser.parse()` opens once, checks what it opened and
reads with a bound, so each gives a clean error record instead of `MemoryError` or a hang.

The swap happens exactly at the open: a Python audit hook (in a child process, since hooks
cannot be removed) replaces the file when the parser opens it, after every check made on the
path. The child caps its address space so that reading /dev/zero fails fast if it ever happens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parser.errors import DocumentError

AS_OF = "2026-11-25"
SWAP = r"""
import json, os, resource, sys
from parser import CredentialParser
from parser.run.hashing import sha256_of

path, target, what = sys.argv[1:4]
swapped = []

def swap_at_open(event, args):
    if event != "open" or swapped or not args:
        return
    try:
        opened = os.fspath(args[0])
    except TypeError:
        return
    if opened == path:
        swapped.append(True)
        os.symlink(target, path + ".swap")
        os.replace(path + ".swap", path)

cp = CredentialParser(as_of="2026-11-25") if what == "parse" else None
vm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmSize:"))
room = vm * 1024 + 512 * 1024 * 1024
resource.setrlimit(resource.RLIMIT_AS, (room, room))
sys.addaudithook(swap_at_open)
if cp is None:
    print(json.dumps({"swapped": swapped, "sha256": sha256_of(path)}))
else:
    profile = cp.parse(path)
    error = profile.error.model_dump() if profile.error else None
    print(json.dumps({"swapped": swapped, "error": error}))
"""


def _parse_with_swap(tmp_path: Path, target: str, what: str = "parse") -> dict:
    cv = tmp_path / "cv.txt"
    cv.write_text("Jane Doe\n\nCertifications\nCISSP\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", SWAP, str(cv), target, what],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["swapped"] == [True] and os.path.islink(cv)
    return result


def test_a_file_swapped_for_a_link_to_dev_zero_at_the_open_is_a_clean_error(tmp_path):
    result = _parse_with_swap(tmp_path, "/dev/zero")
    assert result["error"]["code"] in ("unreadable", "too_large"), result


def test_a_file_swapped_for_a_fifo_at_the_open_does_not_hang(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    result = _parse_with_swap(tmp_path, str(fifo))  # a blocking open would wait for a writer forever
    assert result["error"]["code"] == "unreadable", result


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_hashing_a_file_swapped_at_the_open_gives_no_hash_and_returns(tmp_path, target):
    """`scan` hashes inputs in its own process (resume, dedupe, records): a swap there must not
    hang the whole run (a FIFO's open, /dev/zero's endless read) outside any child's time limit."""
    if target == "fifo":
        os.mkfifo(tmp_path / "fifo")
        target = str(tmp_path / "fifo")
    result = _parse_with_swap(tmp_path, target, "sha256")
    assert result["sha256"] is None


@pytest.fixture
def specials(tmp_path) -> list[str]:
    (tmp_path / "zero").symlink_to("/dev/zero")
    (tmp_path / "urandom").symlink_to("/dev/urandom")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "to_fifo").symlink_to(tmp_path / "fifo")
    return ["/dev/zero", str(tmp_path / "zero"), str(tmp_path / "urandom"), str(tmp_path / "to_fifo")]


def test_devices_fifos_and_links_to_them_are_clean_errors(cp, specials):
    for path in specials:
        profile = cp.parse(path)
        assert profile.error is not None and profile.error.code in ("unreadable", "too_large"), path


def test_read_file_is_bounded_even_when_the_size_says_zero(tmp_path):
    """/proc files are regular files whose size is 0 whatever they hold: the read itself is bounded."""
    from parser.fileio import read_file

    status = "/proc/self/status"
    assert os.stat(status).st_size == 0 and len(Path(status).read_bytes()) > 200
    with pytest.raises(DocumentError) as caught:
        read_file(status, 100)
    assert caught.value.code == "too_large"
    assert read_file(status, 1_000_000).startswith(b"Name:")
    small = tmp_path / "cv.txt"
    small.write_bytes(b"x" * 100)
    assert read_file(small, 100) == b"x" * 100
    with pytest.raises(DocumentError) as caught:
        read_file(small, 99)
    assert caught.value.code == "too_large"
    with pytest.raises(DocumentError) as caught:
        read_file(tmp_path / "missing.txt", 100)
    assert caught.value.code == "not_found"
    (tmp_path / "link.txt").symlink_to(small)  # a link the caller chose to open is read
    assert read_file(tmp_path / "link.txt", 100) == b"x" * 100
