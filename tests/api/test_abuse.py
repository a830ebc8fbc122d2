"""The server under abuse, on loopback: slow uploads and a crowd of uploads at once. It answers
each with a 4xx, keeps serving, and its memory stays bounded. (Oversized bodies, declared or
streamed, are refused with 413 in test_http.py.)"""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from .conftest import Live, serve

MB = 1024 * 1024
GOOD = b"Ana Lima\n\nCertifications\nPMP, PMI, 2020\n"
HEAD = (
    b"POST /v1/parse HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 100000\r\n\r\n"
)
PART = b'--B\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\n\r\n'


def _status_kb(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def _answer(sock: socket.socket, timeout: float) -> tuple[int, float]:
    """The status line of the server's answer, and the seconds it took to come."""
    sock.settimeout(timeout)
    started = time.monotonic()
    data = b""
    while b"\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            break
        data += chunk
    return int(data.split(b" ", 2)[1]), time.monotonic() - started


def _still_serving(server: Live) -> None:
    ok = httpx.post(server.url + "/v1/parse", files={"file": ("cv.txt", GOOD)}, timeout=30)
    assert ok.status_code == 200, ok.text
    assert [c["catalog_id"] for c in ok.json()["credentials"]] == ["pmi/pmp"]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    env = {
        "CREDPARSE_MAX_UPLOAD_MB": "4",
        "CREDPARSE_MAX_PENDING": "4",
        "CREDPARSE_BODY_TIMEOUT": "2",
        "CREDPARSE_HEADER_TIMEOUT": "2",
        "CREDPARSE_QUEUE_TIMEOUT": "60",
    }
    with serve(tmp_path_factory.mktemp("abuse") / "server.log", env, workers=1) as server:
        _still_serving(server)  # warm: the baseline below includes a finished parse
        yield server


def test_slow_uploads_time_out_and_do_not_block_others(guarded):
    slow = []
    for _ in range(3):  # a slowloris: headers and a first piece, then nothing
        sock = socket.create_connection(("127.0.0.1", guarded.port))
        sock.sendall(HEAD + PART + b"Ana")
        slow.append(sock)
    time.sleep(0.2)
    _still_serving(guarded)  # while three uploads hang, one normal upload goes through
    for sock in slow:
        status, took = _answer(sock, 15)
        assert status == 408 and took < 10
        sock.close()
    health = httpx.get(guarded.url + "/v1/health", timeout=10).json()
    assert health["status"] == "ok" and health["workers"]["alive"] == 1


def _whole_answer(sock: socket.socket) -> bytes:
    """One complete response (head and Content-Length body), however the server's writes arrive."""
    sock.settimeout(10)
    data = b""

    def more() -> bytes:
        chunk = sock.recv(4096)
        assert chunk, f"the server closed the connection mid-answer: {data[:200]!r}"
        return chunk

    while b"\r\n\r\n" not in data:
        data += more()
    head = data.split(b"\r\n\r\n", 1)[0].lower().split(b"\r\n")
    length = int(next(h.split(b":")[1] for h in head if h.startswith(b"content-length:")))
    while len(data.split(b"\r\n\r\n", 1)[1]) < length:
        data += more()
    return data


def _trickle_headers(sock: socket.socket, limit: float) -> tuple[bytes, float]:
    """Send one header line every 0.3 s until the server answers; its answer and the seconds it took."""
    sock.settimeout(0.3)
    started = time.monotonic()
    sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    answer = b""
    while time.monotonic() - started < limit:
        try:
            chunk = sock.recv(4096)
        except TimeoutError:
            sock.sendall(b"X-Slow: %d\r\n" % int(time.monotonic() * 1000))
            continue
        if not chunk:
            break
        answer += chunk
    return answer, time.monotonic() - started


@pytest.mark.parametrize("kept_alive", [False, True])
def test_headers_that_trickle_get_408_and_the_connection_closed(guarded, kept_alive):
    """A header slowloris: every byte would reset uvicorn's keep-alive timer, the deadline holds."""
    sock = socket.create_connection(("127.0.0.1", guarded.port))
    if kept_alive:  # a first request answered in full, then the next one trickles
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        assert _whole_answer(sock).startswith(b"HTTP/1.1 200 ")
    answer, took = _trickle_headers(sock, 15)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert b'"code": "request_timeout"' in answer
    assert 0.5 < took < 8, took  # the deadline (2 s) armed when the previous answer was sent
    _still_serving(guarded)


def test_a_connection_that_sends_nothing_is_closed_without_an_answer(guarded):
    """No stray 408 on an idle connection: a client about to reuse it would take it for its answer."""
    sock = socket.create_connection(("127.0.0.1", guarded.port))
    sock.settimeout(15)
    started = time.monotonic()
    assert sock.recv(4096) == b""
    assert 1.5 < time.monotonic() - started < 8
    sock.close()


def test_a_crowd_of_uploads_gets_4xx_and_memory_stays_bounded(guarded):
    pid = guarded.proc.pid
    before = _status_kb(pid, "VmRSS")
    body = b"\x00" * (3 * MB)  # near the 4 MB limit; not a résumé, so each parse answers 415
    gate = threading.Barrier(48)

    def upload(i: int) -> int:
        gate.wait()
        try:
            r = httpx.post(guarded.url + "/v1/parse", files={"file": (f"cv{i}.txt", body)}, timeout=60)
        except httpx.TransportError:
            return 0  # the server may close a refused upload's connection mid-body
        return r.status_code

    with ThreadPoolExecutor(48) as pool:
        codes = list(pool.map(upload, range(48)))
    assert set(codes) <= {0, 415, 429}, codes
    assert codes.count(415) >= 4 and codes.count(429) >= 1, codes  # some parsed, the rest refused
    grew = (_status_kb(pid, "VmHWM") - before) * 1024
    # 48 uploads of 3 MB are 144 MB; at most 4 are held at once (each a few copies of 3 MB).
    assert grew < 100 * MB, f"the server grew by {grew / MB:.0f} MB"
    _still_serving(guarded)
    assert guarded.proc.poll() is None
