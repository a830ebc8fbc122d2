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
"""

from __future__ import annotations

import asyncio
import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol


class HeaderDeadlineProtocol(H11Protocol):
    """:class:`H11Protocol` that gives every request ``header_timeout`` seconds for its headers."""

    header_timeout: float = 10.0
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the headers are in (or the request failed)
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self._arm()  # waiting for the next request on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

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


def with_header_timeout(seconds: float) -> type[HeaderDeadlineProtocol]:
    """The protocol class to hand to ``uvicorn.run(http=...)`` for a given deadline."""
    return type("HeaderDeadlineProtocol", (HeaderDeadlineProtocol,), {"header_timeout": float(seconds)})
