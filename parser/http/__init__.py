"""The HTTP service (``credparse serve``, docs/contract.md §4), one package above the library.

- :mod:`~parser.http.app`: the FastAPI app factory :func:`create_app` and its routes;
  :mod:`~parser.http.settings`: :class:`Settings` (arguments, ``CREDPARSE_*``, defaults).
- :mod:`~parser.http.upload`: a multipart upload read while it streams, refused once too large.
- :mod:`~parser.http.middleware`: request ids and the privacy-safe access log.
- :mod:`~parser.http.docs`: ``/docs`` and ``/redoc`` served offline.
- :mod:`~parser.http.server`: uvicorn with :mod:`~parser.http.header_deadline`'s protocol
  (a deadline for request headers, lingering close).

Parsing runs in the execution layer's pool (:class:`~parser.run.asyncpool.AsyncPool`), never on
the event loop. ``create_app(Settings(...))`` builds the same app for another ASGI server.
"""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
