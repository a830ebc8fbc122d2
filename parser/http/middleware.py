"""Request ids and a privacy-safe access log, as plain ASGI middleware.

Every response carries ``X-Request-ID`` (the caller's, when it is a short safe token, else a
new one), so an ATS can quote it in a support ticket. The access log holds only the method,
the path without its query string, the status, sizes and timing: never a file name, a form
field or any résumé content, because those identify candidates.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ACCESS_LOG = logging.getLogger("credparse.access")
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def request_id(scope: Scope) -> str:
    """The id given to this request by :class:`RequestContext`."""
    state: Any = scope.get("state") or {}
    return str(state.get("request_id", "")) if isinstance(state, dict) else ""


class RequestContext:
    def __init__(self, app: ASGIApp, paths: frozenset[str] = frozenset()) -> None:
        self.app = app
        self.paths = paths  # only these paths are logged as sent; others could carry data

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = dict(scope.get("headers") or []).get(b"x-request-id", b"").decode("latin-1")
        rid = given if _SAFE_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = rid
        status = 0
        sent = received = 0
        started = time.perf_counter()

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            return message

        async def send_with_id(message: Message) -> None:
            nonlocal status, sent
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            elif message["type"] == "http.response.body":
                sent += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, counting_receive, send_with_id)
        finally:
            ACCESS_LOG.info(
                "request_id=%s method=%s path=%s status=%s bytes_in=%d bytes_out=%d ms=%.1f",
                rid,
                scope.get("method", ""),
                scope.get("path", "") if scope.get("path") in self.paths else "(other)",
                status or 500,
                received,
                sent,
                (time.perf_counter() - started) * 1000,
            )
