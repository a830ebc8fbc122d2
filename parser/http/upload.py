"""Read a multipart upload while it streams in, refusing it as soon as it is too large.

FastAPI's ``UploadFile`` reads the whole body before the handler runs; a 2 GB upload would
be spooled to disk first. Here the body is fed to the multipart parser chunk by chunk and
the request is refused (413) the moment it passes the limit, or before reading at all when
its Content-Length already says so.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from pathlib import PurePosixPath, PureWindowsPath

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request

#: Room for the multipart framing and the small form fields around the file.
SLACK = 64 * 1024


class ApiError(Exception):
    """An error the API answers with ``{"error": {"code", "message"}}`` and ``status``."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


@dataclass
class Upload:
    data: bytes
    filename: str
    fields: dict[str, str] = field(default_factory=dict)


def too_large(limit: int) -> ApiError:
    return ApiError(413, "too_large", f"the upload is larger than the {limit}-byte limit")


def _bare_name(name: str | None) -> str:
    # Browsers on Windows may send a full path; keep only the last component.
    if not name:
        return "upload"
    return PureWindowsPath(PurePosixPath(name).name).name[:255] or "upload"


async def read_upload(request: Request, limit: int, timeout: float | None = None) -> Upload:
    """The ``file`` part and the text fields of a multipart request, at most ``limit`` file bytes,
    arriving within ``timeout`` seconds (a slow upload would otherwise hold its slot for good)."""
    ctype = request.headers.get("content-type", "")
    if not ctype.lower().startswith("multipart/form-data"):
        raise ApiError(
            415, "unsupported_media_type", "send the résumé as multipart/form-data with a `file` field"
        )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit + SLACK:
        raise too_large(limit)

    async def limited() -> AsyncGenerator[bytes, None]:
        seen = 0
        async for chunk in request.stream():
            seen += len(chunk)
            if seen > limit + SLACK:
                raise too_large(limit)
            yield chunk

    parser = MultiPartParser(request.headers, limited(), max_files=1, max_fields=16, max_part_size=SLACK)
    try:
        form = await asyncio.wait_for(parser.parse(), timeout)
    except asyncio.TimeoutError:
        raise ApiError(408, "request_timeout", f"the upload did not arrive within {timeout:g} s") from None
    except MultiPartException as exc:
        raise ApiError(400, "bad_request", f"the multipart body is malformed: {exc.message}") from None
    try:
        part = form.get("file")
        if not isinstance(part, UploadFile):
            raise ApiError(422, "invalid_request", "the form needs a `file` field holding the résumé")
        data = await part.read()
        if len(data) > limit:
            raise too_large(limit)
        fields = {k: v for k, v in form.multi_items() if isinstance(v, str)}
        return Upload(data=data, filename=_bare_name(part.filename), fields=fields)
    finally:
        await form.close()
