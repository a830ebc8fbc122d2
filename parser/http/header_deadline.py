"""uvicorn's HTTP/1.1 protocol with a deadline for a request's headers.

uvicorn times out an idle keep-alive connection, but any byte cancels that timer and nothing
bounds how long the headers of a request may take, so a client that trickles them (a header
slowloris) holds a connection for as long as it likes; the app's ``body_timeout`` only starts
once the headers are in. This protocol arms a deadline whenever the server waits for a
request (a new connection, or the next request on a kept-alive one) and answers 408 and closes
if the headers are not complete by then; the deadline is cancelled as soon as they are. A
connection on which no byte of a request has come is closed without an answer, as uvicorn's
keep-alive timeout does: a client may be about to reuse it, and must not read a stray 408 as
the answer to its next request.

Two more things uvicorn leaves to the server:

- A request with both ``Content-Length`` and ``Transfer-Encoding`` is framed two ways: h11
  reads it by ``Transfer-Encoding``, a proxy in front may have read it by ``Content-Length``, and
  what follows on the connection could be a smuggled request. RFC 9112 section 6.1: the server
  must close the connection after answering it. Its answer carries ``Connection: close`` and
  nothing after it on the connection is read as a request.
- An answer given before its request's body is in (413 from ``Content-Length``, 413 or 408
  while the body streams, 429) used to be followed by a plain close. Closing a socket with
  unread data sends a reset, which makes a client that sends its whole body before reading (Python
  ``urllib``, ``requests``) lose the answer and report "connection reset". Instead the server
  sends its answer, shuts down its sending side, reads and discards the rest of the body (at most
  ``linger_bytes``, for at most ``linger_seconds``) and then closes: a lingering close.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_CLOSE = (b"connection", b"close")


class _Transport:
    """The connection's transport as uvicorn sees it, except that closing it while the client is
    still sending a request body becomes a lingering close (see the module documentation)."""

    def __init__(self, transport: asyncio.Transport, protocol: HeaderDeadlineProtocol) -> None:
        self._transport = transport
        self._protocol = protocol

    def close(self) -> None:
        self._protocol._close()

    def is_closing(self) -> bool:
        return self._protocol._lingering or self._transport.is_closing()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


def _framed_twice(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    names = {name.lower() for name, _ in headers}
    return b"content-length" in names and b"transfer-encoding" in names


class HeaderDeadlineProtocol(H11Protocol):
    """:class:`H11Protocol` that gives every request ``header_timeout`` seconds for its headers,
    closes the connection of a request framed two ways, and closes lingering."""

    header_timeout: float = 10.0
    #: After an answer that came before its request's body: how much more of the body is read
    #: and discarded, and for how long, before the connection is closed.
    linger_bytes: int = 100 * 1024 * 1024
    linger_seconds: float = 30.0
    _deadline: asyncio.TimerHandle | None = None
    _lingering = False
    _discarded = 0
    _linger_timer: asyncio.TimerHandle | None = None
    _raw: asyncio.Transport

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._raw = transport
        super().connection_made(_Transport(transport, self))  # type: ignore[arg-type]
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._lingering:  # the answer is sent: the rest of the body is read and dropped
            self._discarded += len(data)
            if self._discarded > self.linger_bytes:
                self._hard_close()
            return
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in (or the request failed)
            self._disarm()

    def handle_events(self) -> None:
        super().handle_events()
        cycle = self.cycle
        if (
            cycle is not None
            and not cycle.response_started
            and _CLOSE not in cycle.default_headers
            and _framed_twice(cycle.scope["headers"])
        ):
            # RFC 9112 section 6.1: answer, with Connection: close, and close.
            cycle.keep_alive = False
            cycle.default_headers = [*cycle.default_headers, _CLOSE]

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.SEND_BODY:
            self._close()  # answered before the body was in: the connection ends here
        elif self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._arm()  # waiting for the next request on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._lingering = False
        if self._linger_timer is not None:
            self._linger_timer.cancel()
            self._linger_timer = None
        super().connection_lost(exc)

    def _close(self) -> None:
        """Close the connection; lingering when the client is still sending a request body."""
        if self._lingering:
            return  # the linger ends on its own (end of the body, a bound, or the client's close)
        if self.conn.their_state is not h11.SEND_BODY or self._raw.is_closing():
            self._raw.close()
            return
        self._lingering = True
        self._disarm()
        self._unset_keepalive_if_required()
        if self._raw.can_write_eof():
            self._raw.write_eof()  # the answer, then end of stream: the client can read it
        self.flow.resume_reading()
        self._linger_timer = self.loop.call_later(self.linger_seconds, self._hard_close)

    def _hard_close(self) -> None:
        if self._linger_timer is not None:
            self._linger_timer.cancel()
            self._linger_timer = None
        self._raw.close()

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _headers_too_slow(self) -> None:
        self._deadline = None
        if self.conn.their_state is not h11.IDLE or self.transport.is_closing():
            return
        if not self.conn.trailing_data[0]:  # h11 holds no byte of a next request
            self.transport.close()
            return
        body = json.dumps(
            {
                "error": {
                    "code": "request_timeout",
                    "message": f"the request headers did not arrive within {self.header_timeout:g} s",
                }
            }
        ).encode()
        # h11 has no request to answer yet, so the answer is written by hand.
        head = (
            "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        ).encode()
        self.transport.write(head + body)
        self.transport.close()


def with_header_timeout(
    seconds: float, *, linger_bytes: int | None = None, linger_seconds: float | None = None
) -> type[HeaderDeadlineProtocol]:
    """The protocol class to hand to ``uvicorn.run(http=...)`` for a given deadline (and bounds
    of the lingering close)."""
    attrs: dict[str, Any] = {"header_timeout": float(seconds)}
    if linger_bytes is not None:
        attrs["linger_bytes"] = int(linger_bytes)
    if linger_seconds is not None:
        attrs["linger_seconds"] = float(linger_seconds)
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), attrs)
