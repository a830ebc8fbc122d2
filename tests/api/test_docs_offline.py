"""/docs (Swagger UI) and /redoc work offline: every file they load comes from the server itself.

FastAPI's defaults load Swagger UI and ReDoc from a CDN (and a favicon from fastapi.tiangolo.com),
so on a machine without internet access /docs was a blank page; Swagger UI's default validator
badge would also send the OpenAPI URL to validator.swagger.io.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from fastapi.testclient import TestClient

from parser.http import Settings, create_app

BASE = "http://testserver"


class _Refs(HTMLParser):
    """Every URL an HTML page makes the browser load (src, href, ReDoc's spec-url, and URLs in
    inline scripts)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._script = tag == "script"
        for name, value in attrs:
            if name in ("src", "href", "spec-url") and value:
                self.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        if self._script:
            self.urls += re.findall(r"""["'](https?://[^"']+|/[^"'\s]*)["']""", data)


@pytest.fixture(scope="module")
def client():
    # No lifespan (no `with`): the docs need no parser and no worker pool.
    return TestClient(create_app(Settings(), parser=object()), base_url=BASE)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_files_from_the_server(client, page):
    resp = client.get(page)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    refs = _Refs()
    refs.feed(resp.text)
    assert refs.urls, resp.text
    off_host = [u for u in refs.urls if urlsplit(urljoin(BASE + page, u)).netloc != "testserver"]
    assert off_host == [], off_host
    assert "fonts.googleapis.com" not in resp.text
    loaded = {urljoin(BASE + page, u) for u in refs.urls}
    kinds = set()
    for url in sorted(loaded):
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.content, url
        kinds.add(asset.headers["content-type"].split(";")[0])
    assert "application/json" in kinds  # the OpenAPI document itself
    if page == "/docs":
        assert {"text/javascript", "text/css"} <= kinds or {"application/javascript", "text/css"} <= kinds


def test_swagger_ui_does_not_send_the_spec_to_the_online_validator(client):
    html = client.get("/docs").text
    assert re.search(r'"validatorUrl":\s*null', html), html


def test_the_docs_assets_are_served_under_docs(client):
    html = client.get("/docs").text
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert scripts and all(s.startswith("/docs/") for s in scripts), scripts
    js = client.get(scripts[0])
    assert b"SwaggerUIBundle" in js.content
