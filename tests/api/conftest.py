"""Real servers on loopback: `credparse serve` in a subprocess, and uvicorn in a thread for
settings that need a second app (tiny time limit, CORS)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/v1/health", timeout=2) as r:
                return json.load(r)
        except OSError:
            time.sleep(0.25)
    raise TimeoutError(f"{url} did not become healthy")


@dataclass
class Live:
    url: str
    port: int
    log: Path
    proc: subprocess.Popen


@contextmanager
def serve(log: Path, env: dict[str, str], workers: int = 2) -> Iterator[Live]:
    """`credparse serve` on a free loopback port, with ``env`` added to ours; stopped on exit."""
    port = free_port()
    full = {
        k: v for k, v in os.environ.items() if not k.startswith("CREDPARSE_") or k == "CREDPARSE_CACHE"
    } | env
    with log.open("wb") as fh:
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
            env=full,
            stdout=fh,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url)
        yield Live(url, port, log, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def live(tmp_path_factory) -> Iterator[Live]:
    """`credparse serve` with a bearer token, 2 workers, the default 10 MB limit."""
    with serve(tmp_path_factory.mktemp("server") / "server.log", {"CREDPARSE_API_TOKEN": TOKEN}) as server:
        yield server


@pytest.fixture
def thread_server(cp):
    """Start the app with given Settings under uvicorn in a thread (sharing the session parser)."""
    import uvicorn

    from parser.api import create_app

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(settings) -> str:
        port = free_port()
        config = uvicorn.Config(
            create_app(settings, parser=cp), host="127.0.0.1", port=port, log_level="warning"
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, timeout=30)
        return url

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=20)
