"""``/docs`` and ``/redoc`` served by the app itself, for machines without internet access."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request

LOG = logging.getLogger("credparse.api")


def offline_docs(app: FastAPI) -> None:
    """``/docs`` (Swagger UI) and ``/redoc`` with their files served by the app itself, so that
    they work without internet access and tell no third party that they were opened. The files
    come from the ``fastapi-standalone-docs`` package (the ``server`` extra); without it the two
    pages are left out. Swagger UI's online validator is off: it would send the OpenAPI URL to
    validator.swagger.io."""
    try:
        import fastapi_standalone_docs
    except ImportError:
        LOG.warning("fastapi-standalone-docs is not installed: /docs and /redoc are not served")
        return
    from pathlib import Path

    from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
    from fastapi.responses import HTMLResponse
    from fastapi.staticfiles import StaticFiles

    static = Path(fastapi_standalone_docs.__file__).parent / "static"
    app.mount("/docs/assets", StaticFiles(directory=static / "swagger"), name="docs-assets")
    app.mount("/redoc/assets", StaticFiles(directory=static / "redoc"), name="redoc-assets")
    app.mount("/docs/favicon", StaticFiles(directory=static / "fastapi"), name="docs-favicon")
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - Swagger UI",
            swagger_js_url=f"{root}/docs/assets/swagger-ui-bundle.js",
            swagger_css_url=f"{root}/docs/assets/swagger-ui.css",
            swagger_favicon_url=f"{root}/docs/favicon/favicon.png",
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=root + openapi_url,
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}/redoc/assets/redoc.standalone.js",
            redoc_favicon_url=f"{root}/docs/favicon/favicon.png",
            with_google_fonts=False,
        )
