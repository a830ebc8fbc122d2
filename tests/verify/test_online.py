"""Opt-in online checks against a real HTTP server on loopback; the fetcher's guards."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parser import CredentialParser
from parser.verify.fetch import FetchError, SafeFetcher

UUID = "3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f"
OTHER = "11111111-2222-3333-4444-555555555555"
REVOKED = "99999999-8888-7777-6666-555555555555"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes, dict[str, str]]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        status, body, headers = self.routes.get(self.path, (404, b"{}", {}))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{srv.server_address[1]}"

    def ob(path: str, obj: dict) -> None:
        _Handler.routes[path] = (200, json.dumps(obj).encode(), {"Content-Type": "application/json"})

    issuer = {
        "type": "Profile",
        "name": "Amazon Web Services Training and Certification",
        "url": "https://aws.amazon.com",
    }
    ob("/issuer", issuer)
    ob(
        "/class/saa",
        {
            "type": "BadgeClass",
            "name": "AWS Certified Solutions Architect – Associate",
            "issuer": f"{base}/issuer",
            "criteria": {"narrative": "Pass the SAA-C03 exam"},
            "alignment": [{"targetName": "Cloud architecture"}],
        },
    )
    ob(
        "/class/other",
        {"type": "BadgeClass", "name": "AWS Educate Introduction to Cloud 101", "issuer": f"{base}/issuer"},
    )
    for uuid, cls, extra in (
        (UUID, "saa", {}),
        (OTHER, "other", {}),
        (REVOKED, "saa", {"revoked": True, "revocationReason": "exam misconduct"}),
    ):
        ob(
            f"/v1/obi/v2/badge_assertions/{uuid}",
            {
                "type": "Assertion",
                "badge": f"{base}/class/{cls}",
                "issuedOn": "2023-04-10T00:00:00Z",
                "recipient": {"type": "email", "hashed": False, "identity": "dana@example.com"},
                **extra,
            },
        )
    _Handler.routes["/big"] = (200, b"x" * 5000, {})
    _Handler.routes["/loop"] = (302, b"", {"Location": "/loop"})
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield base
    srv.shutdown()


def _parser(base: str) -> CredentialParser:
    real = SafeFetcher(https_only=False, allow_private=True, timeout=3)
    return CredentialParser(
        as_of="2026-11-25", fetch=lambda url: real(url.replace("https://api.credly.com", base))
    )


def _resume(uuid: str) -> bytes:
    return (
        f"Dana Ruiz\ndana@example.com\n\nCertifications\nAWS Certified Solutions Architect – Associate\n"
        f"https://www.credly.com/badges/{uuid}/public_url\n"
    ).encode()


def test_matching_hosted_badge_is_verified(server):
    [c] = _parser(server).parse(_resume(UUID), filename="cv.txt").credentials
    assert (c.verification.level, c.verification.method) == ("verified", "ob2_hosted")
    badge = c.verification.badge
    assert badge is not None and badge.achievement == "AWS Certified Solutions Architect – Associate"
    assert (
        badge.recipient_match is True
        and badge.skills == ["Cloud architecture"]
        and badge.issued_on == "2023-04-10"
    )


def test_hosted_badge_for_another_achievement_is_suspicious(server):
    [c] = _parser(server).parse(_resume(OTHER), filename="cv.txt").credentials
    assert c.verification.level == "suspicious"
    assert "AWS Educate Introduction to Cloud 101" in c.verification.reasons[0]


def test_revoked_hosted_badge_is_invalid(server):
    [c] = _parser(server).parse(_resume(REVOKED), filename="cv.txt").credentials
    assert c.verification.level == "invalid" and "exam misconduct" in c.verification.reasons[0]


def test_offline_by_default(server):
    [c] = CredentialParser(as_of="2026-11-25").parse(_resume(UUID), filename="cv.txt").credentials
    assert c.verification.level == "verifiable"


def test_fetcher_refuses_private_addresses_and_plain_http(server):
    with pytest.raises(FetchError, match="not a public address"):
        SafeFetcher(https_only=False)(f"{server}/issuer")
    with pytest.raises(FetchError, match="HTTPS only"):
        SafeFetcher()(f"{server}/issuer")
    with pytest.raises(FetchError, match="not a public address"):
        SafeFetcher()("https://localhost/x")


@pytest.mark.parametrize("url", ["https://[oops/x", "https://example.org:99999/x"])
def test_fetcher_refuses_urls_that_do_not_split(url):
    with pytest.raises(FetchError, match="malformed URL"):
        SafeFetcher()(url)


def test_fetcher_limits_size_and_redirects(server):
    f = SafeFetcher(https_only=False, allow_private=True, max_bytes=1000)
    with pytest.raises(FetchError, match="over 1000 bytes"):
        f(f"{server}/big")
    with pytest.raises(FetchError, match="redirects"):
        f(f"{server}/loop")


def test_fetcher_caches_with_ttl(server, tmp_path):
    f = SafeFetcher(https_only=False, allow_private=True, cache_dir=tmp_path)
    first = f(f"{server}/issuer")
    _Handler.routes["/issuer"] = (500, b"", {})
    try:
        assert f(f"{server}/issuer") == first  # served from the cache
        expired = SafeFetcher(https_only=False, allow_private=True, cache_dir=tmp_path, ttl=0)
        with pytest.raises(FetchError, match="HTTP 500"):
            expired(f"{server}/issuer")
    finally:
        _Handler.routes["/issuer"] = (200, first, {"Content-Type": "application/json"})


def test_failed_online_check_keeps_the_offline_level(server, monkeypatch):
    import socket

    def no_dns(*args, **kwargs):  # the check fails the way it does with no network, without asking DNS
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    cp = CredentialParser(as_of="2026-11-25", fetch=SafeFetcher(timeout=1))
    [c] = cp.parse(_resume(UUID), filename="cv.txt").credentials
    assert c.verification.level == "verifiable"
    assert "online check" in c.verification.reasons[0]
