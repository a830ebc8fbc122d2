"""Real servers on loopback: `credparse serve` in a subprocess, and uvicorn in a thread for
settings that need a second app (tiny time limit, CORS)."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.http import free_port, start_server, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "test-token-0123456789"


@dataclass
class Live:
    url: str
    port: int
    log: Path
    proc: subprocess.Popen


@contextmanager
def serve(log: Path, env: dict[str, str], workers: int = 2) -> Iterator[Live]:
    """`credparse serve` on a free loopback port, with ``env`` added to ours; stopped on exit."""
    full = {
        k: v for k, v in os.environ.items() if not k.startswith("CREDPARSE_") or k == "CREDPARSE_CACHE"
    } | env
    with log.open("wb") as fh:
        proc, url = start_server(workers, env=full, output=fh)
    try:
        yield Live(url, int(url.rsplit(":", 1)[1]), log, proc)
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

    from parser.http import create_app

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
