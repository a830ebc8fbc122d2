"""``credparse serve``: run the HTTP API under uvicorn on one event loop.

One uvicorn process is enough: parsing happens in the app's worker pool, so the loop only
moves bytes. The HTTP protocol is uvicorn's h11 one with a deadline for request headers, a
closed connection after a request framed two ways, and a lingering close after an answer that
came before its request's body (:mod:`~parser.http.header_deadline`). Uvicorn's own access log
is off (it would log query strings); the app's :mod:`~parser.http.middleware` log replaces it.
"""

from __future__ import annotations

import logging
import sys

from .app import create_app
from .settings import Settings


def configure_logging(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    for name in ("credparse.access", "credparse.api"):
        log = logging.getLogger(name)
        log.setLevel(level)
        log.addHandler(handler)
        log.propagate = False


def run(settings: Settings, host: str = "127.0.0.1", port: int = 8000, log_level: str = "info") -> None:
    """Serve until interrupted."""
    import uvicorn

    from .header_deadline import with_header_timeout

    configure_logging()
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        access_log=False,
        log_level=log_level,
        server_header=False,
        http=with_header_timeout(
            settings.header_timeout,
            # A refused upload's body is read and dropped (bounded) before closing, so that a
            # client that sends it all before reading still gets its 413 instead of a reset.
            linger_bytes=10 * settings.max_upload_bytes,
            linger_seconds=settings.body_timeout,
        ),
        timeout_graceful_shutdown=10,
    )
