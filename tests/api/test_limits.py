"""Settings that need their own server: the per-request time limit and CORS."""

from __future__ import annotations

import httpx
from builders import slow_resume

from parser.http import Settings


def test_slow_parse_times_out_and_the_worker_is_replaced(thread_server):
    url = thread_server(Settings(workers=1, timeout=0.5))
    slow = slow_resume()  # seconds of work whatever the machine; a sample PDF now reads in milliseconds
    resp = httpx.post(url + "/v1/parse", files={"file": ("slow.txt", slow)}, timeout=30)
    assert resp.status_code == 422, resp.text
    assert resp.json()["error"]["code"] == "timeout"
    health = httpx.get(url + "/v1/health").json()
    assert health["workers"] == {"size": 1, "alive": 1, "busy": 0, "restarts": 1}
    # The server still answers a second slow upload the same way: it did not wedge.
    again = httpx.post(url + "/v1/parse", files={"file": ("slow.txt", slow)}, timeout=30)
    assert again.status_code == 422 and again.json()["error"]["code"] == "timeout"


def test_cors_when_configured_and_small_upload_limit(thread_server):
    url = thread_server(Settings(workers=1, cors_origins=("https://ats.example",), max_upload_bytes=1000))
    pre = httpx.options(
        url + "/v1/parse",
        headers={"Origin": "https://ats.example", "Access-Control-Request-Method": "POST"},
    )
    assert pre.headers["access-control-allow-origin"] == "https://ats.example"
    other = httpx.options(
        url + "/v1/parse", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert other.headers.get("access-control-allow-origin") != "https://evil.example"
    resp = httpx.post(url + "/v1/parse", files={"file": ("cv.txt", b"x" * 1001)})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"
    ok = httpx.post(
        url + "/v1/parse",
        files={"file": ("cv.txt", b"Ana Lima\n\nCertifications\nPMP, PMI, 2020\n")},
        headers={"Origin": "https://ats.example"},
        timeout=30,
    )
    assert ok.status_code == 200 and ok.headers["access-control-allow-origin"] == "https://ats.example"
    assert "x-request-id" in ok.headers["access-control-expose-headers"].lower()


def test_settings_from_env(monkeypatch):
    monkeypatch.setenv("CREDPARSE_MAX_UPLOAD_MB", "2")
    monkeypatch.setenv("CREDPARSE_WORKERS", "3")
    monkeypatch.setenv("CREDPARSE_API_TOKEN", "t")
    monkeypatch.setenv("CREDPARSE_CORS_ORIGINS", "https://a.example, https://b.example")
    s = Settings.from_env(workers=4)
    assert s.max_upload_bytes == 2 * 1024 * 1024 and s.workers == 4 and s.api_token == "t"
    assert s.cors_origins == ("https://a.example", "https://b.example")
