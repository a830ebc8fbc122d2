"""HTTP/1.1 connection handling of `credparse serve`, on loopback: a request framed two ways
closes its connection, and an oversized upload gets its 413 whatever the client's habits."""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request

import pytest

from .conftest import serve

MB = 1024 * 1024
LIMIT_MB = 1  # the server's upload limit here, so that "too large" is quick to send


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    env = {"CREDPARSE_MAX_UPLOAD_MB": str(LIMIT_MB), "CREDPARSE_BODY_TIMEOUT": "10"}
    with serve(tmp_path_factory.mktemp("connection") / "server.log", env, workers=1) as server:
        yield server


def _read_until_closed(sock: socket.socket, timeout: float) -> tuple[bytes, bool]:
    """Everything the server sends within ``timeout``, and whether it closed the connection."""
    sock.settimeout(0.2)
    deadline = time.monotonic() + timeout
    data = b""
    while time.monotonic() < deadline:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        if not chunk:
            return data, True
        data += chunk
    return data, False


@pytest.mark.parametrize(
    "framing",
    [
        b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
        b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
    ],
    ids=["length-first", "chunked-first"],
)
def test_a_request_with_both_content_length_and_transfer_encoding_closes_the_connection(small, framing):
    """RFC 9112 section 6.1: the server must close the connection after answering such a request,
    so whatever follows it on the connection (a smuggled request) is never read as a request."""
    sock = socket.create_connection(("127.0.0.1", small.port))
    try:
        first = b"POST /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n" + framing + b"\r\n0\r\n\r\n"
        pipelined = b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        sock.sendall(first + pipelined)
        data, closed = _read_until_closed(sock, 5)
    finally:
        sock.close()
    assert data.startswith(b"HTTP/1.1 "), data[:200]
    assert data.count(b"HTTP/1.1 ") == 1, data  # the pipelined request got no answer
    head = data.split(b"\r\n\r\n", 1)[0].lower()
    assert b"\r\nconnection: close" in head, head
    assert closed


def test_a_request_with_only_one_framing_keeps_the_connection(small):
    sock = socket.create_connection(("127.0.0.1", small.port))
    try:
        sock.sendall(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" * 2)
        data, closed = _read_until_closed(sock, 1.5)
    finally:
        sock.close()
    assert data.count(b"HTTP/1.1 200 ") == 2 and not closed


def _multipart(size: int) -> tuple[bytes, str]:
    boundary = "credparse-test-boundary"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    body += b"A" * size + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _upload_with_urllib(url: str, body: bytes | list[bytes], ctype: str) -> tuple[int, dict]:
    """POST as urllib does: the whole body is sent before the answer is read."""
    import json

    request = urllib.request.Request(url + "/v1/parse", data=body, method="POST")  # type: ignore[arg-type]
    request.add_header("Content-Type", ctype)
    try:
        with urllib.request.urlopen(request, timeout=60) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


@pytest.mark.parametrize("streamed", [False, True], ids=["content-length", "chunked"])
def test_an_oversized_upload_from_urllib_gets_the_413(small, streamed):
    """urllib (like requests) sends the whole body before reading: the server used to close the
    connection with the body unread, and the client saw a reset instead of the JSON 413."""
    body, ctype = _multipart(6 * LIMIT_MB * MB)  # as a 60 MB upload against the default 10 MB
    if streamed:  # no Content-Length: urllib sends an iterable body chunked
        payload: bytes | list[bytes] = [body[i : i + MB] for i in range(0, len(body), MB)]
    else:
        payload = body
    status, answer = _upload_with_urllib(small.url, payload, ctype)
    assert status == 413 and answer["error"]["code"] == "too_large", answer
    # and the server still serves
    ok = urllib.request.urlopen(small.url + "/v1/health", timeout=10)
    assert ok.status == 200


def test_the_rest_of_a_refused_body_is_read_only_up_to_a_bound(small):
    """The lingering close is bounded: a client that keeps sending after its 413 is cut off once
    10 x max_upload_bytes more have come (here 10 MB)."""
    sock = socket.create_connection(("127.0.0.1", small.port))
    try:
        sock.sendall(
            b"POST /v1/parse HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 1000000000\r\n\r\n"
        )
        sock.settimeout(10)
        assert sock.recv(4096).startswith(b"HTTP/1.1 413 ")
        sent, chunk = 0, b"\0" * (256 * 1024)
        with pytest.raises(OSError):  # reset or broken pipe, once the server has closed
            while sent < 200 * MB:
                sock.sendall(chunk)
                sent += len(chunk)
        assert sent < 40 * MB, sent  # the 10 MB bound plus what the kernel buffers on the way
    finally:
        sock.close()
