"""What a badge may make ``--online`` fetch: only public addresses, only port 443, and a bounded
number of requests per document and per run.

No test here sends a packet to anything but loopback: DNS resolution and the connection step
of :class:`SafeFetcher` are replaced by fakes that record what was asked of them, and every
refusal is checked to come before the connection step.
"""

from __future__ import annotations

import base64
import json
import os
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parser import CredentialParser
from parser.verify.fetch import FetchError, SafeFetcher

AS_OF = "2026-11-25"
PER_DOCUMENT = 20  # the documented default of max_fetches_per_document


class Recorder:
    """Fake name resolution and connection: records every attempt, connects to nothing."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.resolved: list[tuple[str, int]] = []
        self.connected: list[tuple[str, int]] = []

    def getaddrinfo(self, host, port, *args, **kwargs):
        self.resolved.append((host, port))
        family = socket.AF_INET6 if ":" in self.address else socket.AF_INET
        sockaddr = (self.address, port, 0, 0) if family == socket.AF_INET6 else (self.address, port)
        return [(family, socket.SOCK_STREAM, 6, "", sockaddr)]

    def create_connection(self, address, *args, **kwargs):
        self.connected.append(tuple(address[:2]))
        raise ConnectionRefusedError("the test's fake connection step never connects")


@pytest.fixture
def fake_net(monkeypatch):
    """Install a :class:`Recorder` that resolves every name to ``address``."""

    def install(address: str) -> Recorder:
        rec = Recorder(address)
        monkeypatch.setattr(socket, "getaddrinfo", rec.getaddrinfo)
        monkeypatch.setattr(socket, "create_connection", rec.create_connection)
        return rec

    return install


# Special-purpose addresses that `is_private` misses, and some that even `is_global` calls global.
REFUSED = [
    "100.100.100.200",  # 100.64.0.0/10 shared address space (carrier-grade NAT, cloud metadata)
    "100.64.1.1",
    "192.88.99.1",  # deprecated 6to4 relay anycast
    "192.0.0.9",  # IETF protocol assignments
    "192.31.196.1",  # AS112
    "192.52.193.1",  # AMT
    "192.175.48.1",  # AS112 direct delegation
    "224.0.0.1",  # multicast
    "240.0.0.1",
    "255.255.255.255",
    "0.0.0.0",
    "127.0.0.1",
    "10.1.2.3",
    "169.254.169.254",
    "198.18.0.1",
    "2002:7f00:1::1",  # 6to4: embeds 127.0.0.1
    "2002::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::1",
    "2001::1",  # Teredo
    "2001:db8::1",
    "3fff::1",  # documentation (RFC 9637)
    "5f00::1",  # SRv6 SIDs
    "2620:4f:8000::1",  # AS112
    "fec0::1",  # site-local (deprecated)
    "fc00::1",
    "fe80::1",
    "ff02::1",
    "::1",
    "::",
]


@pytest.mark.parametrize("address", REFUSED)
def test_special_purpose_addresses_are_refused_before_connecting(fake_net, address):
    rec = fake_net(address)
    with pytest.raises(FetchError, match="not a public address"):
        SafeFetcher()("https://status.badge.example/list/1")
    assert rec.resolved and rec.connected == []


@pytest.mark.parametrize(
    "literal",
    ["100.100.100.200", "100.100.100.200:443", "100.64.1.1:8443", "[2002:a9fe:a9fe::1]", "192.88.99.1"],
)
def test_address_literals_in_the_url_are_refused_before_connecting(fake_net, literal):
    rec = fake_net("100.100.100.200")  # what a resolver would answer; a literal is judged before that
    with pytest.raises(FetchError, match="not a public address"):
        SafeFetcher()(f"https://{literal}/status/1")
    assert rec.connected == []


@pytest.mark.parametrize(
    "url",
    [
        "https://badges.example:8443/did.json",
        "https://badges.example:80/key",
        "https://badges.example:22/key",
        "https://badges.example:0/key",
    ],
)
def test_only_port_443_is_allowed(fake_net, url):
    rec = fake_net("151.101.1.1")  # public, so only the port can refuse it
    with pytest.raises(FetchError, match="port"):
        SafeFetcher()(url)
    assert rec.resolved == [] and rec.connected == []  # refused before even resolving the name


def test_explicit_443_and_public_addresses_pass_the_checks(fake_net):
    """The checks let an ordinary HTTPS URL through to the (fake) connection step."""
    rec = fake_net("151.101.1.1")
    with pytest.raises(FetchError, match="failed"):
        SafeFetcher()("https://badges.example:443/key")
    assert rec.connected == [("151.101.1.1", 443)]


def _vc_badge(statuses: int, did_web_proofs: int) -> bytes:
    """An Open Badges 3.0 credential whose status entries and proofs name hosts of its choosing."""
    doc = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": "urn:uuid:2d7b1e6a-2f4b-4b0e-9d3c-0b6a6d9b7c11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://issuer.example", "type": ["Profile"], "name": "Example Corp"},
        "name": "Cloud Basics",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://issuer.example/achievements/cloud",
                "type": ["Achievement"],
                "name": "Cloud Basics",
                "criteria": {"narrative": "Pass the exam."},
            },
        },
        "credentialStatus": [
            {
                "type": "BitstringStatusListEntry",
                "statusPurpose": "revocation",
                "statusListCredential": f"https://100.100.100.200:443/status/{i}",
                "statusListIndex": str(i),
            }
            for i in range(statuses)
        ],
        "proof": [
            {
                "type": "DataIntegrityProof",
                "cryptosuite": "eddsa-rdfc-2022",
                "verificationMethod": f"did:web:100.64.1.1%3A8443:k{i}#key-1",
                "proofPurpose": "assertionMethod",
                "proofValue": "z1111",
            }
            for i in range(did_web_proofs)
        ],
    }
    return json.dumps(doc).encode()


def _ob2_signed_badge(creator: str) -> bytes:
    """A signed Open Badges 2.0 assertion (JWS) whose public key is at ``creator``."""

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    assertion = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:5a1c2c8e-0f55-4a53-9b53-6f7a0c1d2e3f",
        "recipient": {"type": "email", "hashed": False, "identity": "dana@example.com"},
        "badge": {
            "type": "BadgeClass",
            "id": "https://issuer.example/badge",
            "name": "Cloud Basics",
            "issuer": {"type": "Profile", "id": "https://issuer.example/i", "name": "Example Corp"},
        },
        "verification": {"type": "SignedBadge", "creator": creator},
        "issuedOn": "2024-01-01",
    }
    head = b64(json.dumps({"alg": "RS256"}).encode())
    return f"{head}.{b64(json.dumps(assertion).encode())}.{b64(b'not a signature')}".encode()


@pytest.mark.parametrize(
    "data, filename",
    [
        (_vc_badge(statuses=2, did_web_proofs=2), "badge.json"),
        (_ob2_signed_badge("https://100.100.100.200/key"), "badge.jwt"),
        (_ob2_signed_badge("https://100.64.1.1:8443/key"), "badge.jwt"),
        (_ob2_signed_badge("https://keys.badge.example:8443/key"), "badge.jwt"),
    ],
    ids=["status-list-and-did-web", "ob2-creator", "ob2-creator-port", "ob2-creator-name-port"],
)
def test_a_badge_cannot_make_online_mode_connect_anywhere(fake_net, tmp_path, monkeypatch, data, filename):
    """The reports: a status list on 100.100.100.200:443, a did:web key on 100.64.1.1:8443 and an
    OB 2.0 ``creator`` key, with the real fetcher of ``--online``: nothing is connected to."""
    monkeypatch.setenv("CREDPARSE_CACHE", str(tmp_path))
    rec = fake_net("100.100.100.200")
    cp = CredentialParser(as_of=AS_OF, online=True)
    profile = cp.parse(data, filename=filename)
    assert profile.error is None, profile.error
    assert profile.credentials and profile.credentials[0].verification.level != "verified"
    assert rec.connected == []
    assert not any(port == 8443 for _, port in rec.resolved)  # the port is refused before DNS


def test_one_document_makes_a_bounded_number_of_fetches():
    """One badge with 500 status entries and 500 did:web proofs used to make 1,000 requests."""
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        raise FetchError("offline in this test")

    cp = CredentialParser(as_of=AS_OF, fetch=fetch)
    first = cp.parse(_vc_badge(statuses=500, did_web_proofs=500), filename="badge.json")
    assert first.error is None, first.error
    assert 0 < len(asked) <= PER_DOCUMENT
    # The budget is per document: the next one gets its own.
    asked.clear()
    cp.parse(_vc_badge(statuses=3, did_web_proofs=0), filename="badge.json")
    assert len(asked) == 3


def test_one_resume_with_many_badge_links_makes_a_bounded_number_of_fetches():
    """60 credentials, each with its own Credly link, used to make 60 requests (one per link)."""
    asked: list[str] = []

    def fetch(url: str) -> bytes:
        asked.append(url)
        raise FetchError("offline in this test")

    cp = CredentialParser(as_of=AS_OF, fetch=fetch)
    on_credly = [
        c for c in cp.catalog.credentials.values() if "credly" in cp.catalog.issuers[c.issuer_id].platforms
    ][:60]
    lines = "\n".join(
        f"{c.name}\nhttps://www.credly.com/badges/{i:08d}-1111-2222-3333-444444444444/public_url"
        for i, c in enumerate(on_credly)
    )
    profile = cp.parse(
        f"Dana Ruiz\ndana@example.com\n\nCertifications\n{lines}\n".encode(), filename="cv.txt"
    )
    assert len([c for c in profile.credentials if c.url]) == 60
    assert 0 < len(asked) <= PER_DOCUMENT
    assert any(
        "not checked" in r or "failed" in r for c in profile.credentials for r in c.verification.reasons
    )


class _Ok(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server API
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def loopback():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def test_a_run_makes_a_bounded_number_of_requests_across_forked_workers(loopback, tmp_path):
    f = SafeFetcher(https_only=False, allow_private=True, max_fetches_per_run=3, cache_dir=tmp_path)
    f(f"{loopback}/a")
    assert f(f"{loopback}/a") == b'{"ok": true}'  # a cache hit costs no request
    pid = os.fork()
    if pid == 0:  # a worker forked from the run's parser, as scan and serve do
        try:
            f(f"{loopback}/b")
            os._exit(0)
        except BaseException:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    f(f"{loopback}/c")  # the third request of the run
    with pytest.raises(FetchError, match="per run"):
        f(f"{loopback}/d")


def test_fetch_caps_are_settings(monkeypatch):
    monkeypatch.setenv("CREDPARSE_ONLINE_MAX_FETCHES_PER_RUN", "7")
    monkeypatch.setenv("CREDPARSE_ONLINE_MAX_FETCHES_PER_DOCUMENT", "2")
    f = SafeFetcher()
    assert (f.max_fetches_per_run, f.max_fetches_per_document) == (7, 2)
    assert SafeFetcher(max_fetches_per_run=9).max_fetches_per_run == 9
