"""A bounded loopback load test of the HTTP API: `python -m benchmarks.http`.

Starts `credparse serve` on a free loopback port (or uses --url), sends --requests uploads of
the sample résumés from --concurrency client threads, and prints requests/s and p50/p95
latency. Bounded in count and time on purpose: it must fit in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".pdf", ".docx", ".txt", ".md")]


def _post(url: str, path: Path, timeout: float) -> tuple[int, float]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n\r\n'
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if os.environ.get("CREDPARSE_API_TOKEN"):
        headers["Authorization"] = f"Bearer {os.environ['CREDPARSE_API_TOKEN']}"
    req = urllib.request.Request(url + "/v1/parse", data=body, headers=headers, method="POST")
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            r.read()
            status = r.status
    except urllib.error.HTTPError as exc:
        exc.read()
        status = exc.code
    except OSError:
        status = 0  # connection refused or reset: the server did not stay up
    return status, time.perf_counter() - started


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    url: str, timeout: float = 120, proc: subprocess.Popen[bytes] | None = None
) -> dict[str, Any]:
    """``/v1/health`` of the server at ``url`` once it answers; ``TimeoutError`` if it never does,
    at once if its process ``proc`` has ended (a server that fails to start)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise TimeoutError(
                f"{url}: the server exited with status {proc.returncode} before it was healthy"
            )
        try:
            with urllib.request.urlopen(url + "/v1/health", timeout=2) as r:
                health = json.load(r)
                if health.get("status") == "ok":
                    return dict(health)
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"{url} did not become healthy within {timeout:g} s")


def start_server(
    workers: int, env: dict[str, str] | None = None, output: IO[bytes] | int = subprocess.DEVNULL
) -> tuple[subprocess.Popen[bytes], str]:
    """`credparse serve` on a free loopback port (``env`` replaces ours); the process and its URL,
    once healthy. The caller stops it."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from parser.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT if output is not subprocess.DEVNULL else subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc=proc)
    except TimeoutError:
        proc.kill()
        raise
    return proc, url


def run(url: str, requests: int, concurrency: int, timeout: float) -> dict[str, float]:
    files = [SAMPLES[i % len(SAMPLES)] for i in range(requests)]
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(lambda p: _post(url, p, timeout), files))
    wall = time.perf_counter() - started
    latencies = sorted(t for _, t in results)
    q = statistics.quantiles(latencies, n=20) if len(latencies) > 1 else latencies * 19
    statuses = Counter(s for s, _ in results)
    return {
        "requests": requests,
        "concurrency": concurrency,
        "seconds": round(wall, 2),
        "requests_per_s": round(requests / wall, 2),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(q[18] * 1000, 1),
        "ok": statuses.get(200, 0),
        "client_errors": sum(n for s, n in statuses.items() if 400 <= s < 500),
        "server_errors": sum(n for s, n in statuses.items() if s >= 500 or s == 0),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Bounded loopback load test of `credparse serve`.")
    ap.add_argument("--requests", type=int, default=64)
    ap.add_argument("--concurrency", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2, help="Server parser processes (when started here).")
    ap.add_argument("--url", help="Use a running server instead of starting one.")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--json", action="store_true", help="Print the numbers as JSON.")
    args = ap.parse_args(argv)
    proc = None
    url = args.url.rstrip("/") if args.url else None
    if url is None:
        try:
            proc, url = start_server(args.workers)
        except TimeoutError as exc:
            raise SystemExit(str(exc)) from None
    try:
        stats = run(url, args.requests, args.concurrency, args.timeout)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=30)
    if args.json:
        print(json.dumps(stats))
    else:
        print(
            f"{stats['requests']} requests, {stats['concurrency']} clients: {stats['requests_per_s']} req/s, "
            f"p50 {stats['p50_ms']} ms, p95 {stats['p95_ms']} ms, ok {stats['ok']}, "
            f"4xx {stats['client_errors']}, 5xx/failed {stats['server_errors']}"
        )
    return 0 if stats["server_errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
