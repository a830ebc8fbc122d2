"""The only place credparse touches the network: a bounded, SSRF-safe HTTP GET with a cache.

Off by default. When online checks are switched on, every request goes through
:class:`SafeFetcher`: HTTPS only, a short timeout, a response size cap, few redirects, and
no private, loopback, link-local or reserved address after DNS resolution (the connection
is pinned to the address that was checked, so a DNS rebinding cannot slip past). Responses
are cached on disk with a TTL. Tests inject their own settings to reach a loopback server.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import json
import os
import socket
import ssl
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

Fetch = Callable[[str], bytes]


class FetchError(Exception):
    """A request that was refused or failed; the message says why (for the verification reasons)."""


def _check_address(ip: str, allow_private: bool) -> None:
    addr = ipaddress.ip_address(ip)
    if allow_private:
        return
    if (
        addr.is_private
        or addr.is_loopback
        or addr.is_link_local
        or addr.is_reserved
        or addr.is_multicast
        or addr.is_unspecified
    ):
        raise FetchError(f"refused: {ip} is not a public address")


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a pre-resolved address, with certificate checks against the real host name."""

    def __init__(self, host: str, ip: str, port: int, timeout: float, context: ssl.SSLContext) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self._ip = ip
        self._ctx = context

    def connect(self) -> None:
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._ctx.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, ip: str, port: int, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class SafeFetcher:
    """GET with SSRF protection, limits and an on-disk cache. Call it with a URL."""

    def __init__(
        self,
        *,
        timeout: float = 5.0,
        max_bytes: int = 1_000_000,
        max_redirects: int = 3,
        https_only: bool = True,
        allow_private: bool = False,
        cache_dir: Path | None = None,
        ttl: float = 24 * 3600,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.https_only = https_only
        self.allow_private = allow_private
        self.cache_dir = cache_dir
        self.ttl = ttl
        self.context = ssl.create_default_context()

    def __call__(self, url: str) -> bytes:
        cached = self._cached(url)
        if cached is not None:
            return cached
        body = self._get(url)
        self._store(url, body)
        return body

    # -- network ---------------------------------------------------------------------------
    def _get(self, url: str) -> bytes:
        for _ in range(self.max_redirects + 1):
            try:
                parts = urlsplit(url)
                explicit_port = parts.port
            except ValueError as exc:  # "https://[oops", "https://host:99999"
                raise FetchError(f"refused: malformed URL ({exc})") from exc
            if parts.scheme not in ("https", "http") or (self.https_only and parts.scheme != "https"):
                raise FetchError(f"refused: {parts.scheme or 'no'} scheme (HTTPS only)")
            host = parts.hostname or ""
            if not host:
                raise FetchError("refused: no host")
            port = explicit_port or (443 if parts.scheme == "https" else 80)
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise FetchError(f"cannot resolve {host}") from exc
            ip = str(infos[0][4][0])
            for info in infos:
                _check_address(str(info[4][0]), self.allow_private)
            conn: http.client.HTTPConnection
            if parts.scheme == "https":
                conn = _PinnedHTTPS(host, ip, port, self.timeout, self.context)
            else:
                conn = _PinnedHTTP(host, ip, port, self.timeout)
            path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            try:
                conn.request(
                    "GET",
                    path,
                    headers={"Accept": "application/json, application/ld+json", "User-Agent": "credparse"},
                )
                resp = conn.getresponse()
                if resp.status in (301, 302, 303, 307, 308):
                    location = resp.getheader("Location")
                    if not location:
                        raise FetchError("redirect without a location")
                    url = urljoin(url, location)
                    continue
                if resp.status != 200:
                    raise FetchError(f"HTTP {resp.status} from {host}")
                length = resp.getheader("Content-Length")
                if length and length.isdigit() and int(length) > self.max_bytes:
                    raise FetchError(f"response over {self.max_bytes} bytes")
                body = resp.read(self.max_bytes + 1)
                if len(body) > self.max_bytes:
                    raise FetchError(f"response over {self.max_bytes} bytes")
                return body
            except (OSError, http.client.HTTPException) as exc:
                raise FetchError(f"request to {host} failed: {type(exc).__name__}") from exc
            finally:
                conn.close()
        raise FetchError(f"more than {self.max_redirects} redirects")

    # -- cache ---------------------------------------------------------------------------
    def _path(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        return self.cache_dir / (hashlib.sha256(url.encode()).hexdigest() + ".json")

    def _cached(self, url: str) -> bytes | None:
        path = self._path(url)
        if path is None or not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if time.time() - float(entry["at"]) > self.ttl:
                return None
            return bytes.fromhex(entry["body"])
        except (OSError, ValueError, KeyError):
            return None

    def _store(self, url: str, body: bytes) -> None:
        path = self._path(url)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps({"at": time.time(), "url": url, "body": body.hex()}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass
