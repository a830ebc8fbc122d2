"""The only place credparse touches the network: a bounded, SSRF-safe HTTP GET with a cache.

Off by default. When online checks are switched on, every request goes through
:class:`SafeFetcher`: HTTPS on port 443 only, a short timeout, a response size cap, few
redirects, only public unicast addresses after DNS resolution (:func:`is_public`: no private,
loopback, link-local, shared (100.64.0.0/10), 6to4, NAT64, documentation, multicast or any other
special-purpose range; the connection is pinned to the address that was checked, so a DNS
rebinding cannot slip past), and a cap on the requests of a run, shared by the worker processes
forked from it. What a badge names (status lists, ``did:web`` keys, OB 2.0 ``creator`` keys) is
an untrusted URL like any other, and every check happens before a connection is opened.
Responses are cached on disk with a TTL. Tests inject their own settings to reach a loopback
server.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import json
import mmap
import multiprocessing
import os
import socket
import ssl
import threading
import time
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

Fetch = Callable[[str], bytes]

#: Requests one run may make, all its forked workers together (cache hits are free).
MAX_FETCHES_PER_RUN = 1000
#: Fetches one document may cause, for its badge links and again for its embedded badges.
MAX_FETCHES_PER_DOCUMENT = 20
ENV_MAX_FETCHES_PER_RUN = "CREDPARSE_ONLINE_MAX_FETCHES_PER_RUN"
ENV_MAX_FETCHES_PER_DOCUMENT = "CREDPARSE_ONLINE_MAX_FETCHES_PER_DOCUMENT"
#: The only port a request may go to (HTTPS).
HTTPS_PORTS = frozenset({443})

# IANA special-purpose address registries (and multicast), including the blocks that Python's
# ``is_global`` still calls global: an address in any of them is never fetched from.
_SPECIAL_V4 = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT; cloud metadata services)
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.0.2.0/24",
        "192.31.196.0/24",  # AS112
        "192.52.193.0/24",  # AMT
        "192.88.99.0/24",  # deprecated 6to4 relay anycast
        "192.168.0.0/16",
        "192.175.48.0/24",  # AS112 direct delegation
        "198.18.0.0/15",
        "198.51.100.0/24",
        "203.0.113.0/24",
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the broadcast address
    )
)
_SPECIAL_V6 = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "2001::/23",  # IETF protocol assignments: Teredo, ORCHID, benchmarking, AMT, AS112, ...
        "2001:db8::/32",
        "2002::/16",  # 6to4: embeds any IPv4 address, private ones included
        "2620:4f:8000::/48",  # AS112 direct delegation
        "3fff::/20",  # documentation (RFC 9637)
    )
)
# Everything outside global unicast (2000::/3) is refused too: ::/128, ::1, IPv4-mapped and
# IPv4-compatible addresses, NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 100::/64, SRv6 (5f00::/16),
# unique local, link-local, site-local and multicast.
_GLOBAL_UNICAST_V6 = ipaddress.IPv6Network("2000::/3")


class FetchError(Exception):
    """A request that was refused or failed; the message says why (for the verification reasons)."""


def is_public(ip: str) -> bool:
    """Whether ``ip`` is a public unicast address a request may go to (no special-purpose range)."""
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    if not addr.is_global or addr.is_multicast:
        return False
    if isinstance(addr, ipaddress.IPv6Address):
        return addr in _GLOBAL_UNICAST_V6 and not any(addr in net for net in _SPECIAL_V6)
    return not any(addr in net for net in _SPECIAL_V4)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _check_address(ip: str, allow_private: bool) -> None:
    if not allow_private and not is_public(ip):
        raise FetchError(f"refused: {ip} is not a public address")


def setting(name: str, default: int) -> int:
    """A whole-number setting from the environment, or ``default`` when it is not set."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name} needs a whole number, not {raw!r}") from None
    if value < 0:
        raise ValueError(f"{name} cannot be negative")
    return value


class RunBudget:
    """A count of requests shared by a process and the workers later forked from it.

    ``scan`` and ``serve`` parse in children forked from one parser, so a count kept in a plain
    attribute would start again in each child (and in each replacement): the count lives in
    anonymous shared memory instead, behind a lock that is shared the same way.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._count = mmap.mmap(-1, 8)  # MAP_SHARED | MAP_ANONYMOUS: one count across fork()
        self._lock: Any
        try:
            self._lock = multiprocessing.get_context("fork").Lock()
        except ValueError:  # no fork() on this platform: a single process
            self._lock = threading.Lock()

    @property
    def used(self) -> int:
        return int.from_bytes(self._count[:8], "little")

    def take(self) -> bool:
        """Count one request; False (and nothing counted) when the budget is spent."""
        with self._lock:
            used = int.from_bytes(self._count[:8], "little")
            if used >= self.limit:
                return False
            self._count[:8] = (used + 1).to_bytes(8, "little")
            return True


class DocumentFetch:
    """``fetch`` limited to ``limit`` calls: what one document may make the online checks fetch."""

    def __init__(self, fetch: Fetch, limit: int) -> None:
        self.fetch = fetch
        self.limit = limit
        self.used = 0

    def __call__(self, url: str) -> bytes:
        if self.used >= self.limit:
            raise FetchError(
                f"refused: more than {self.limit} fetches for one document (max_fetches_per_document)"
            )
        self.used += 1
        return self.fetch(url)


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
    """GET with SSRF protection, limits and an on-disk cache. Call it with a URL.

    ``ports`` are the ports a request may go to: 443 only by default (any port when
    ``allow_private``, the switch tests use to reach a loopback server). ``max_fetches_per_run``
    bounds the requests of this fetcher and every process forked from it
    (``CREDPARSE_ONLINE_MAX_FETCHES_PER_RUN``, default 1000); ``max_fetches_per_document`` is
    what :class:`~parser.verify.online.OnlineChecker` allows one document
    (``CREDPARSE_ONLINE_MAX_FETCHES_PER_DOCUMENT``, default 20).
    """

    def __init__(
        self,
        *,
        timeout: float = 5.0,
        max_bytes: int = 1_000_000,
        max_redirects: int = 3,
        https_only: bool = True,
        allow_private: bool = False,
        ports: Collection[int] | None = None,
        max_fetches_per_run: int | None = None,
        max_fetches_per_document: int | None = None,
        cache_dir: Path | None = None,
        ttl: float = 24 * 3600,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.https_only = https_only
        self.allow_private = allow_private
        self.ports: frozenset[int] | None = (
            frozenset(ports) if ports is not None else None if allow_private else HTTPS_PORTS
        )
        if max_fetches_per_run is None:
            max_fetches_per_run = setting(ENV_MAX_FETCHES_PER_RUN, MAX_FETCHES_PER_RUN)
        if max_fetches_per_document is None:
            max_fetches_per_document = setting(ENV_MAX_FETCHES_PER_DOCUMENT, MAX_FETCHES_PER_DOCUMENT)
        self.max_fetches_per_run = max_fetches_per_run
        self.max_fetches_per_document = max_fetches_per_document
        self.run_budget = RunBudget(max_fetches_per_run)
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
            if _is_address(host):  # an address literal is judged before anything else
                _check_address(host, self.allow_private)
            port = explicit_port if explicit_port is not None else 443 if parts.scheme == "https" else 80
            if self.ports is not None and port not in self.ports:
                allowed = ", ".join(str(p) for p in sorted(self.ports))
                raise FetchError(f"refused: port {port} (only port {allowed})")
            if not self.run_budget.take():
                raise FetchError(
                    f"refused: more than {self.run_budget.limit} requests per run (max_fetches_per_run)"
                )
            try:
                infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as exc:
                raise FetchError(f"cannot resolve {host}") from exc
            if not infos:
                raise FetchError(f"cannot resolve {host}")
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
