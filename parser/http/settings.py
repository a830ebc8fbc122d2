"""The HTTP API's settings: arguments, then ``CREDPARSE_*`` environment variables, then defaults."""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    """Server settings; :meth:`from_env` fills unset ones from ``CREDPARSE_*`` variables."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_upload_bytes: int = Field(10 * 1024 * 1024, gt=0, description="Largest accepted file (bytes).")
    workers: int = Field(2, ge=1, le=64, description="Parser processes.")
    timeout: float = Field(30.0, gt=0, description="Seconds one parse may take before its worker is killed.")
    queue_timeout: float = Field(30.0, gt=0, description="Seconds a request may wait for a free worker.")
    max_memory_mb: int = Field(
        1024, ge=0, description="MB of memory one parse may add before its worker is replaced (0: no cap)."
    )
    max_pending: int = Field(
        16,
        ge=1,
        description=(
            "Uploads being received, queued or parsed at once; more get 429. Bounds the server's "
            "memory to about max_pending x 3 x max_upload_bytes."
        ),
    )
    body_timeout: float = Field(
        30.0, gt=0, description="Seconds an upload may take to arrive; slower ones get 408."
    )
    header_timeout: float = Field(
        10.0,
        gt=0,
        description=(
            "Seconds a client may take to send a request's headers; slower ones get 408 and are closed "
            "(applied by `credparse serve`; another ASGI server has its own)."
        ),
    )
    api_token: str | None = Field(
        None, description="When set, /v1/parse and /v1/schema need `Bearer <token>`."
    )
    cors_origins: tuple[str, ...] = Field((), description="Origins allowed by CORS; none (off) by default.")
    catalog_dirs: tuple[str, ...] = Field((), description="Extra catalog folders.")

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Arguments (not None) > environment > defaults."""
        env = os.environ
        values: dict[str, Any] = {}
        if env.get("CREDPARSE_MAX_UPLOAD_MB"):
            values["max_upload_bytes"] = int(float(env["CREDPARSE_MAX_UPLOAD_MB"]) * 1024 * 1024)
        for key, name, kind in (
            ("workers", "CREDPARSE_WORKERS", int),
            ("timeout", "CREDPARSE_TIMEOUT", float),
            ("queue_timeout", "CREDPARSE_QUEUE_TIMEOUT", float),
            ("max_memory_mb", "CREDPARSE_MAX_MEMORY_MB", int),
            ("max_pending", "CREDPARSE_MAX_PENDING", int),
            ("body_timeout", "CREDPARSE_BODY_TIMEOUT", float),
            ("header_timeout", "CREDPARSE_HEADER_TIMEOUT", float),
        ):
            if env.get(name):
                values[key] = kind(env[name])
        if env.get("CREDPARSE_API_TOKEN"):
            values["api_token"] = env["CREDPARSE_API_TOKEN"]
        if env.get("CREDPARSE_CORS_ORIGINS"):
            values["cors_origins"] = tuple(
                o.strip() for o in env["CREDPARSE_CORS_ORIGINS"].split(",") if o.strip()
            )
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
