"""The HTTP API for ATS plugins (docs/contract.md §4): the FastAPI app factory.

A thin shell: it reads the upload, hands the bytes to the execution layer's pool
(:class:`~parser.run.asyncpool.AsyncPool`: parsing never runs on the event loop), and serialises
the same ``CandidateProfile`` the library returns, or its JSON Resume / LER-RS export. Bad
uploads are 4xx with a JSON error body; a 5xx means a bug in credparse, never a bad document.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..models import CandidateProfile
from ..run.asyncpool import AsyncPool, PoolBusy
from ..version import __version__
from .docs import offline_docs
from .middleware import RequestContext, request_id
from .settings import Settings
from .upload import ApiError, Upload, read_upload

LOG = logging.getLogger("credparse.api")
OUTPUT_FORMATS = ("profile", "jsonresume", "ler")

#: How a profile's ``error.code`` maps to an HTTP status. Anything unlisted is 422:
#: the document could not be read. ``internal_error`` is a bug in credparse, hence 500.
STATUS_BY_CODE = {"unsupported_format": 415, "too_large": 413, "internal_error": 500}


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. `unsupported_format`.")
    message: str = Field(description="What went wrong, for a human.")


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str
    version: str
    catalog_version: str | None
    workers: dict[str, int] = Field(default_factory=dict, description="size, alive, busy, restarts")


def _error(
    status: int, code: str, message: str, rid: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        {"error": {"code": code, "message": message}},
        status_code=status,
        headers={**(headers or {}), "X-Request-ID": rid} if rid else headers,
    )


def _example(code: str, message: str) -> dict[str, Any]:
    return {
        "model": ErrorBody,
        "content": {"application/json": {"example": {"error": {"code": code, "message": message}}}},
    }


PARSE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "The CandidateProfile (or its JSON Resume / LER-RS export with `format`)."},
    400: _example("bad_request", "the multipart body is malformed"),
    401: _example("unauthorized", "send `Authorization: Bearer <token>`"),
    408: _example("request_timeout", "the upload did not arrive within 30 s"),
    413: _example("too_large", "the upload is larger than the 10485760-byte limit"),
    415: _example(
        "unsupported_format", "the content is not a PDF, DOCX, text, JSON Resume, image or badge file"
    ),
    422: _example("corrupt", "the PDF is damaged"),
    429: _example("too_many_requests", "16 uploads are already in progress; retry shortly"),
    503: _example("busy", "all 2 workers stayed busy for 30 s"),
}

PARSE_BODY = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "The résumé or badge file.",
                    },
                    "as_of": {
                        "type": "string",
                        "format": "date",
                        "description": "Judge expiry as of this date.",
                    },
                    "format": {"type": "string", "enum": list(OUTPUT_FORMATS), "default": "profile"},
                },
            },
            "examples": {
                "resume": {"summary": "a PDF résumé", "value": {"file": "(binary)", "as_of": "2026-11-24"}}
            },
        }
    },
}


PARSE_DESCRIPTION = (
    "Multipart upload: `file` (required), `as_of` (ISO date, default today), `format` "
    "(`profile` | `jsonresume` | `ler`). Bad uploads get 4xx with `{error: {code, message}}`: "
    "408 upload too slow, 413 too large (refused while streaming), 415 unsupported type, "
    "422 unreadable document (corrupt, encrypted, empty, timeout, …), 429 too many uploads "
    "at once, 503 every worker busy."
)


def create_app(settings: Settings | None = None, *, parser: Any = None) -> FastAPI:
    """Build the app. ``parser`` (a ready CredentialParser) skips building one at startup."""
    settings = settings or Settings.from_env()
    state = _State()
    app = FastAPI(
        title="credparse",
        version=__version__,
        description="Find, resolve and verify the credentials in résumés. Upload a file, get a CandidateProfile.",
        lifespan=_lifespan(settings, parser, state),
        docs_url=None,  # FastAPI's pages load Swagger UI and ReDoc from a CDN: served locally
        redoc_url=None,
    )
    offline_docs(app)
    _add_error_handlers(app)
    _add_routes(app, settings, state)
    _add_middleware(app, settings)
    return app


@dataclass
class _State:
    """What the routes share: the pool (once started), its catalog, the uploads in progress."""

    pool: AsyncPool | None = None
    catalog_version: str | None = None
    pending: int = 0  # one event loop: a plain counter is exact


def _lifespan(
    settings: Settings, parser: Any, state: _State
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Start-up builds the parser (unless given) and forks the pool; shutdown stops the pool."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        import asyncio

        from ..engine import Engine

        cp = parser
        if cp is None:
            cp = await asyncio.to_thread(Engine, catalog_dirs=list(settings.catalog_dirs) or None)
        state.catalog_version = cp.catalog.version
        pool = AsyncPool(
            cp,
            settings.workers,
            timeout=settings.timeout,
            queue_timeout=settings.queue_timeout,
            max_memory=settings.max_memory_mb * 1024 * 1024,
        )
        await pool.start()
        state.pool = pool
        try:
            yield
        finally:
            await pool.close()

    return lifespan


def _add_error_handlers(app: FastAPI) -> None:
    """Every error is ``{"error": {"code", "message"}}`` with the request's id."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, request_id(request.scope), exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return _error(
            exc.status_code, code, str(exc.detail), request_id(request.scope), dict(exc.headers or {})
        )

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "invalid_request", "the request is not valid", request_id(request.scope))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> JSONResponse:
        # Only the type: an exception message could quote résumé content.
        LOG.error("request_id=%s internal error %s", request_id(request.scope), type(exc).__name__)
        return _error(
            500, "internal_error", "credparse failed on this request (a bug)", request_id(request.scope)
        )


def _add_routes(app: FastAPI, settings: Settings, state: _State) -> None:
    @app.get("/v1/health", response_model=Health, summary="Liveness, versions and worker-pool state")
    async def health() -> Health:
        return Health(
            status="ok",
            version=__version__,
            catalog_version=state.catalog_version,
            workers=state.pool.stats() if state.pool else {},
        )

    @app.get(
        "/v1/schema", summary="The JSON Schema of CandidateProfile", responses={401: PARSE_RESPONSES[401]}
    )
    async def schema(request: Request) -> JSONResponse:
        _authorise(settings, request)
        return JSONResponse(CandidateProfile.model_json_schema())

    @app.post(
        "/v1/parse",
        summary="Parse one résumé",
        description=PARSE_DESCRIPTION,
        response_model=CandidateProfile,
        responses=PARSE_RESPONSES,
        openapi_extra={"requestBody": PARSE_BODY},
    )
    async def parse(request: Request) -> JSONResponse:
        _authorise(settings, request)
        # Refusing early (before reading the body) is what bounds memory when many clients
        # upload at once.
        if state.pending >= settings.max_pending:
            raise ApiError(
                429,
                "too_many_requests",
                f"{settings.max_pending} uploads are already in progress; retry shortly",
                {"Retry-After": "1"},
            )
        state.pending += 1
        try:
            return await _parse(request, settings, state)
        finally:
            state.pending -= 1


def _authorise(settings: Settings, request: Request) -> None:
    if not settings.api_token:
        return
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(
        token.strip().encode(), settings.api_token.encode()
    ):
        raise ApiError(
            401, "unauthorized", "send `Authorization: Bearer <token>`", {"WWW-Authenticate": "Bearer"}
        )


async def _parse(request: Request, settings: Settings, state: _State) -> JSONResponse:
    upload = await read_upload(request, settings.max_upload_bytes, settings.body_timeout)
    as_of, fmt = _form_options(upload)
    assert state.pool is not None  # the lifespan started it before any request
    try:
        profile = await state.pool.parse(upload.data, upload.filename, as_of)
    except PoolBusy as exc:
        raise ApiError(503, "busy", str(exc), {"Retry-After": "5"}) from None
    if profile.error is not None:
        status = STATUS_BY_CODE.get(profile.error.code, 422)
        raise ApiError(status, profile.error.code, profile.error.message)
    return JSONResponse(_render(profile, fmt))


def _form_options(upload: Upload) -> tuple[str | None, str]:
    """The ``as_of`` date and the output ``format`` the form asks for, checked."""
    as_of = upload.fields.get("as_of") or None
    if as_of is not None:
        try:
            date.fromisoformat(as_of)
        except ValueError:
            raise ApiError(422, "invalid_request", "`as_of` must be an ISO date (YYYY-MM-DD)") from None
    fmt = upload.fields.get("format") or "profile"
    if fmt not in OUTPUT_FORMATS:
        raise ApiError(422, "invalid_request", f"`format` must be one of {', '.join(OUTPUT_FORMATS)}")
    return as_of, fmt


def _add_middleware(app: FastAPI, settings: Settings) -> None:
    """Request ids and the access log (for the app's own paths only), and CORS when configured."""
    paths = frozenset(r.path for r in app.routes if hasattr(r, "path"))
    app.add_middleware(RequestContext, paths=paths)
    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID"],
        )


def _render(profile: CandidateProfile, fmt: str) -> dict[str, Any]:
    data = profile.model_dump(mode="json")
    if fmt == "jsonresume":
        from ..writers.jsonresume import to_jsonresume

        return to_jsonresume(data)
    if fmt == "ler":
        from ..writers.ler import to_ler

        return to_ler(data)
    return data
