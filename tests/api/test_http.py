"""The HTTP API over a real loopback socket: real PDFs and DOCX, junk, oversized and
concurrent uploads, auth, request ids, and an access log without candidate data."""

from __future__ import annotations

import json
import os
import socket
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from builders import docx_bytes, make_pdf

from .conftest import ROOT, TOKEN

SAMPLES = ROOT / "samples"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEVELS = {"verified", "verifiable", "unverifiable", "suspicious", "invalid"}


def post(live, data: bytes, filename: str, headers=None, **fields) -> httpx.Response:
    return httpx.post(
        live.url + "/v1/parse",
        files={"file": (filename, data, "application/octet-stream")},
        data=fields,
        headers=AUTH if headers is None else headers,
        timeout=60,
    )


def assert_error(resp: httpx.Response, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    body = resp.json()
    assert body["error"]["code"] == code and body["error"]["message"]
    assert resp.headers["x-request-id"]


def resume_docx() -> bytes:
    import docx

    doc = docx.Document()
    doc.add_paragraph("Jordan Vega")
    doc.add_paragraph("jordan.vega@example.com")
    doc.add_heading("Certifications", level=2)
    doc.add_paragraph("Certified Information Systems Security Professional (CISSP), ISC2, 2021")
    doc.add_paragraph("AWS Certified Solutions Architect – Associate, issued 2023-04")
    return docx_bytes(doc)


def resume_pdf() -> bytes:
    return make_pdf(
        [
            [
                (72, 72, "Riley Chen"),
                (72, 90, "riley.chen@example.com"),
                (72, 130, "Certifications"),
                (72, 150, "Project Management Professional (PMP), PMI, 2020"),
            ]
        ]
    )


def test_health_and_request_id(live):
    resp = httpx.get(live.url + "/v1/health")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok" and body["version"] and body["catalog_version"]
    assert body["workers"]["size"] == 2 and body["workers"]["alive"] == 2
    assert len(resp.headers["x-request-id"]) >= 16
    mine = httpx.get(live.url + "/v1/health", headers={"X-Request-ID": "ats-42.a"})
    assert mine.headers["x-request-id"] == "ats-42.a"
    evil = httpx.get(live.url + "/v1/health", headers={"X-Request-ID": "x\tinjected log line"})
    assert evil.headers["x-request-id"] != "x\tinjected log line"


def test_parse_sample_pdf_matches_the_library(live, cp):
    data = (SAMPLES / "linkedin_one_column.pdf").read_bytes()
    resp = post(live, data, "linkedin_one_column.pdf", as_of="2026-11-25")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    expected = cp.parse(data, filename="linkedin_one_column.pdf", as_of="2026-11-25")
    assert body["source"]["file"] == "linkedin_one_column.pdf"
    assert body["source"]["media_type"] == "application/pdf"
    assert [c["name"] for c in body["credentials"]] == [c.name for c in expected.credentials]
    assert {c["verification"]["level"] for c in body["credentials"]} <= LEVELS
    assert body["error"] is None


def test_parse_built_docx_and_pdf(live):
    resp = post(live, resume_docx(), "C:\\Users\\hr\\jordan vega.docx")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["source"]["file"] == "jordan vega.docx"  # bare name only
    assert any("CISSP" in c["text"] or "Security" in c["name"] for c in body["credentials"])
    resp = post(live, resume_pdf(), "riley.pdf")
    assert resp.status_code == 200
    assert any(c["catalog_id"] and "pmp" in c["catalog_id"] for c in resp.json()["credentials"])


def test_as_of_and_output_formats(live):
    text = b"Sam Park\nsam@example.com\n\nCertifications\nCertified Kubernetes Administrator (CKA), CNCF, issued 2021-03, expires 2024-03\n"
    early = post(live, text, "cv.txt", as_of="2023-01-01").json()
    late = post(live, text, "cv.txt", as_of="2026-01-01").json()
    assert early["credentials"][0]["status"] == "earned"
    assert late["credentials"][0]["status"] == "expired"
    jr = post(live, text, "cv.txt", format="jsonresume").json()
    assert jr["basics"]["name"] == "Sam Park" and jr["certificates"][0]["x-credparse"]["verificationLevel"]
    ler = post(live, text, "cv.txt", format="ler").json()
    assert ler["type"].endswith("LER-RSType.json") and ler["certifications"]
    assert_error(post(live, text, "cv.txt", format="xml"), 422, "invalid_request")
    assert_error(post(live, text, "cv.txt", as_of="yesterday"), 422, "invalid_request")


def test_auth(live):
    assert_error(post(live, b"hello", "cv.txt", headers={}), 401, "unauthorized")
    resp = post(live, b"hello", "cv.txt", headers={"Authorization": "Bearer wrong"})
    assert_error(resp, 401, "unauthorized")
    assert resp.headers["www-authenticate"] == "Bearer"
    assert httpx.get(live.url + "/v1/schema").status_code == 401
    schema = httpx.get(live.url + "/v1/schema", headers=AUTH).json()
    assert schema["title"] == "CandidateProfile"


@pytest.mark.parametrize(
    ("data", "name", "status", "code"),
    [
        (os.urandom(4096), "junk.bin", 415, "unsupported_format"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "photo.png", 422, None),
        (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage", "broken.pdf", 422, None),
        (b"PK\x03\x04 not really a zip", "cv.docx", 422, "corrupt"),
        (b"", "empty.txt", 422, "empty"),
    ],
)
def test_bad_uploads_get_4xx_json(live, data, name, status, code):
    resp = post(live, data, name)
    assert 400 <= resp.status_code < 500, resp.text
    if code is None:
        assert resp.status_code in (status, 415)
        assert resp.json()["error"]["code"]
    else:
        assert_error(resp, status, code)


def test_request_shape_errors(live):
    resp = httpx.post(live.url + "/v1/parse", json={"file": "x"}, headers=AUTH)
    assert_error(resp, 415, "unsupported_media_type")
    resp = httpx.post(
        live.url + "/v1/parse", data={"as_of": "2026-01-01"}, files={"other": ("a.txt", b"x")}, headers=AUTH
    )
    assert_error(resp, 422, "invalid_request")
    resp = httpx.post(
        live.url + "/v1/parse",
        content=b"--b\r\nbroken",
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=b"},
    )
    assert 400 <= resp.status_code < 500
    assert_error(httpx.get(live.url + "/nope"), 404, "not_found")
    assert_error(httpx.get(live.url + "/v1/parse"), 405, "method_not_allowed")


def test_oversized_upload_is_refused(live):
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024 + 10)
    assert_error(post(live, big, "big.pdf"), 413, "too_large")


def test_oversized_stream_is_cut_before_the_end(live):
    """A chunked 60 MB upload (no Content-Length) is refused after about 10 MB."""
    chunk = b"A" * (256 * 1024)

    def body():
        yield b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n\r\n'
        for _ in range(240):
            yield chunk
        yield b"\r\n--xyz--\r\n"

    rid = "stream-cut-test"
    resp = httpx.post(
        live.url + "/v1/parse",
        content=body(),
        headers={**AUTH, "Content-Type": "multipart/form-data; boundary=xyz", "X-Request-ID": rid},
        timeout=60,
    )
    assert_error(resp, 413, "too_large")
    line = next(ln for ln in live.log.read_text().splitlines() if f"request_id={rid}" in ln)
    read = int(line.split("bytes_in=")[1].split()[0])
    assert read < 12 * 1024 * 1024, line


def test_declared_length_is_refused_without_reading(live):
    with socket.create_connection(("127.0.0.1", live.port), timeout=10) as s:
        s.sendall(
            b"POST /v1/parse HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + TOKEN.encode()
            + b"\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 999999999\r\n\r\n"
        )
        raw = b""
        while b'"too_large"' not in raw:
            piece = s.recv(65536)
            if not piece:
                break
            raw += piece
        reply = raw.decode("latin-1")
    assert reply.startswith("HTTP/1.1 413"), reply[:200]
    assert '"too_large"' in reply


def test_eight_concurrent_clients_mixed_uploads(live):
    pdf = (SAMPLES / "linkedin_two_column.pdf").read_bytes()
    docx = (SAMPLES / "sidebar_layout.docx").read_bytes()
    big = b"x" * (10 * 1024 * 1024 + 1)
    jobs = [
        (pdf, "a.pdf", 200),
        (docx, "b.docx", 200),
        (os.urandom(2048), "c.bin", 415),
        (big, "d.txt", 413),
    ] * 6

    def one(job):
        data, name, want = job
        return post(live, data, name).status_code, want

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(one, jobs))
    assert all(got == want for got, want in results), results
    health = httpx.get(live.url + "/v1/health").json()
    assert health["status"] == "ok" and health["workers"]["alive"] == 2
    assert live.proc.poll() is None


def test_access_log_has_no_candidate_data(live):
    text = b"Quinn Marlowe-Testperson\nquinn.secret@example.com\n\nCertifications\nPMP, PMI\n"
    assert (
        post(live, text, "quinn_marlowe_cv.txt", headers={**AUTH, "X-Request-ID": "privacy-1"}).status_code
        == 200
    )
    log = live.log.read_text()
    assert "request_id=privacy-1 method=POST path=/v1/parse status=200" in log
    for secret in ("Quinn", "Marlowe", "quinn.secret", "quinn_marlowe_cv", "linkedin_one_column", TOKEN):
        assert secret not in log


def test_openapi_documents_the_contract(live):
    spec = httpx.get(live.url + "/openapi.json").json()
    op = spec["paths"]["/v1/parse"]["post"]
    form = op["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["required"] == ["file"] and {"file", "as_of", "format"} <= set(form["properties"])
    for status in ("413", "415", "422", "401"):
        example = op["responses"][status]["content"]["application/json"]["example"]
        assert set(example["error"]) == {"code", "message"}
    assert "/v1/health" in spec["paths"] and "/v1/schema" in spec["paths"]
    assert "CandidateProfile" in json.dumps(op["responses"]["200"])


def test_cors_is_off_by_default(live):
    resp = httpx.options(
        live.url + "/v1/parse",
        headers={"Origin": "https://ats.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in resp.headers


def test_ats_plugin_example_over_http_and_in_process(live, monkeypatch, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("ats_plugin", ROOT / "examples" / "ats_plugin.py")
    assert spec and spec.loader
    plugin = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plugin)
    monkeypatch.setenv("CREDPARSE_API_TOKEN", TOKEN)
    sample = SAMPLES / "data_engineer.md"
    assert plugin.main([str(sample), "--url", live.url, "--as-of", "2026-11-25"]) == 0
    over_http = json.loads(capsys.readouterr().out)
    assert over_http["candidate"] and over_http["checkable"] and over_http["needs_review"]
    in_process = plugin.ats_record(plugin.via_library(sample, "2026-11-25"))
    assert in_process == over_http
    bad = plugin.via_http(ROOT / "tools" / "make_samples.py", live.url, None)
    assert bad["error"] is None or bad["error"]["code"]  # a .py file is text: parsed, not refused
    junk_file = ROOT / "pyproject.toml"
    assert plugin.ats_record(plugin.via_http(junk_file, live.url, None))["error"] is None


def test_benchmark_runs_bounded(live, monkeypatch, capsys):
    from benchmarks.http import main

    monkeypatch.setenv("CREDPARSE_API_TOKEN", TOKEN)
    assert main(["--url", live.url, "--requests", "16", "--concurrency", "8", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["ok"] == 16 and stats["requests_per_s"] > 0 and stats["p95_ms"] >= stats["p50_ms"]
