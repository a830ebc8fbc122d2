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


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A server like ``guarded`` with deadlines far beyond any scheduling delay: in the crowd test
    every answer must follow from the pending-upload limit, never from a loaded machine's clock."""
    env = {
        "CREDPARSE_MAX_UPLOAD_MB": "4",
        "CREDPARSE_MAX_PENDING": "4",
        "CREDPARSE_BODY_TIMEOUT": "300",
        "CREDPARSE_HEADER_TIMEOUT": "300",
        "CREDPARSE_QUEUE_TIMEOUT": "300",
    }
    with serve(tmp_path_factory.mktemp("crowd") / "server.log", env, workers=1) as server:
        _still_serving(server)  # warm: the baseline below includes a finished parse
        yield server


def _begin_upload(port: int, body: bytes, sent: int) -> socket.socket:
    """A multipart upload of ``body`` that sends its headers and ``sent`` bytes of it, then waits."""
    head = (
        b"POST /v1/parse HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        b"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: %d\r\n\r\n" % len(body)
    )
    sock = socket.create_connection(("127.0.0.1", port))
    sock.sendall(head + body[:sent])
    return sock


def _refusals_logged(server: Live, ids: list[str], timeout: float = 60) -> set[str]:
    """Which of these request ids the access log shows refused with 429 (the server logs a request
    just after answering it, so this waits up to ``timeout`` for the last lines)."""
    deadline = time.monotonic() + timeout
    while True:
        text = server.log.read_text(encoding="utf-8", errors="replace")
        found = {i for i in ids if f"request_id={i} method=POST path=/v1/parse status=429 " in text}
        if found == set(ids) or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def test_a_crowd_of_uploads_gets_4xx_and_memory_stays_bounded(crowded):
    pid = crowded.proc.pid
    before = _status_kb(pid, "VmRSS")
    payload = b"\x00" * (3 * MB)  # near the 4 MB limit; not a résumé, so each parse answers 415
    body = PART + payload + b"\r\n--B--\r\n"
    # Four uploads take the four slots and stay in progress (headers and 1 MB sent) while the
    # crowd arrives: every upload of the crowd must be refused, however the threads are scheduled.
    held = [_begin_upload(crowded.port, body, MB) for _ in range(4)]
    deadline = time.monotonic() + 120
    while (
        httpx.post(crowded.url + "/v1/parse", files={"file": ("cv.txt", GOOD)}, timeout=60).status_code != 429
    ):
        assert time.monotonic() < deadline, "the four held uploads never filled the slots"
        time.sleep(0.1)
    gate = threading.Barrier(48)
    ids = [f"crowd-{i}" for i in range(48)]

    def upload(i: int) -> int:
        gate.wait()
        try:
            r = httpx.post(
                crowded.url + "/v1/parse",
                files={"file": (f"cv{i}.txt", payload)},
                headers={"X-Request-ID": ids[i]},
                timeout=120,
            )
        except httpx.TransportError:
            return 0  # the server may close a refused upload's connection mid-body
        return r.status_code

    with ThreadPoolExecutor(48) as pool:
        codes = list(pool.map(upload, range(48)))
    assert set(codes) <= {0, 429}, codes  # 0: closed mid-body after its 429 (no answer read)
    assert _refusals_logged(crowded, ids) == set(ids)  # the server refused every one of them
    # The held uploads finish: they were admitted, so they are parsed (and are not résumés).
    for sock in held:
        sock.sendall(body[MB:])
    for sock in held:
        status, _ = _answer(sock, 120)
        sock.close()
        assert status == 415
    grew = (_status_kb(pid, "VmHWM") - before) * 1024
    # 52 uploads of 3 MB are 156 MB; at most 4 are held at once (each a few copies of 3 MB).
    assert grew < 100 * MB, f"the server grew by {grew / MB:.0f} MB"
    _still_serving(crowded)
    assert crowded.proc.poll() is None
