"""A small pool of parser processes for the HTTP API, with a hard per-request time limit.

Why not ``ProcessPoolExecutor``: it cannot stop one task. A hostile upload that makes a
parse run for minutes would hold a worker for good, and a worker that crashes breaks the
whole executor. Here each worker is one process with a pipe; a request that exceeds its
time limit gets its worker killed and replaced, a crashed worker is replaced too, and the
event loop only ever waits on futures, so other requests carry on.

Workers are forked from a parent that has already built the :class:`CredentialParser`
(catalog + spaCy pipeline, several seconds of work), so a replacement is ready in
milliseconds and shares the parent's memory copy-on-write.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from . import __version__
from .models import CandidateProfile, Error, ParserInfo, Source

_TEMPLATE: Any = None  # the parent's CredentialParser, inherited by forked workers


class PoolBusy(Exception):
    """Every worker stayed busy for longer than the queue time limit."""


def _worker_main(conn: Connection, inherited: list[int], server_pid: int) -> None:
    # Ctrl-C goes to the server, which closes the pipes; a worker leaves on EOF, or when
    # the server is gone (its pid is no longer our parent), so no orphan outlives it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for fd in inherited:  # the server's ends of every pipe: keep EOF detection working
        try:
            os.close(fd)
        except OSError:
            pass
    parser = _TEMPLATE
    while True:
        try:
            while not conn.poll(1.0):
                if os.getppid() != server_pid:
                    return
            data, filename, as_of = conn.recv()
        except (EOFError, OSError):
            return
        profile = parser.parse(data, filename=filename, as_of=as_of)
        conn.send(profile.model_dump_json())


def _roundtrip(conn: Connection, job: tuple[bytes, str, str | None]) -> str:
    conn.send(job)
    result = conn.recv()
    assert isinstance(result, str)
    return result


@dataclass(eq=False)  # identity hashing: workers live in a set
class _Worker:
    process: Any
    conn: Connection


def error_profile(data: bytes, filename: str, code: str, message: str) -> CandidateProfile:
    """The profile for an upload whose parse did not finish (timeout, crash)."""
    return CandidateProfile(
        source=Source(file=filename, size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest()),
        error=Error(code=code, message=message),
        parser=ParserInfo(version=__version__),
    )


class WorkerPool:
    """``size`` forked parser processes; :meth:`parse` runs one upload with ``timeout`` seconds."""

    def __init__(
        self, parser: Any, size: int = 2, *, timeout: float = 30.0, queue_timeout: float = 30.0
    ) -> None:
        self.parser = parser
        self.size = max(1, size)
        self.timeout = timeout
        self.queue_timeout = queue_timeout
        self.restarts = 0
        self.busy = 0
        self._ctx = multiprocessing.get_context("fork")
        self._threads = ThreadPoolExecutor(self.size + 2, thread_name_prefix="credparse-pool")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()

    def _spawn(self) -> _Worker:
        global _TEMPLATE
        _TEMPLATE = self.parser
        parent, child = self._ctx.Pipe(duplex=True)
        inherited = [w.conn.fileno() for w in self._all] + [parent.fileno()]
        proc = self._ctx.Process(
            target=_worker_main, args=(child, inherited, os.getpid()), daemon=True, name="credparse-worker"
        )
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        self._all.add(worker)
        return worker

    async def start(self) -> None:
        for _ in range(self.size):
            self._idle.put_nowait(self._spawn())

    def _retire(self, worker: _Worker) -> None:
        self._all.discard(worker)
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join(timeout=5)
        worker.conn.close()

    async def parse(self, data: bytes, filename: str, as_of: str | None = None) -> CandidateProfile:
        """Parse one upload in a worker; a timeout or crash becomes the profile's ``error``."""
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_timeout)
        except asyncio.TimeoutError:
            raise PoolBusy(f"all {self.size} workers stayed busy for {self.queue_timeout:g} s") from None
        loop = asyncio.get_running_loop()
        self.busy += 1
        started = time.perf_counter()
        try:
            fut = loop.run_in_executor(self._threads, _roundtrip, worker.conn, (data, filename, as_of))
            text = await asyncio.wait_for(fut, self.timeout)
        except asyncio.TimeoutError:
            self._replace(worker)
            return error_profile(
                data, filename, "timeout", f"parsing took longer than the {self.timeout:g} s limit"
            )
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            return error_profile(
                data, filename, "worker_crashed", "the parser process died while reading this document"
            )
        except asyncio.CancelledError:
            # The client went away mid-parse: the worker may still be busy, so replace it.
            self._replace(worker)
            raise
        finally:
            self.busy -= 1
        self._idle.put_nowait(worker)
        profile = CandidateProfile.model_validate_json(text)
        profile.parser.elapsed_ms = max(
            profile.parser.elapsed_ms, int((time.perf_counter() - started) * 1000)
        )
        return profile

    def _replace(self, worker: _Worker) -> None:
        self.restarts += 1
        self._retire(worker)
        self._idle.put_nowait(self._spawn())

    def stats(self) -> dict[str, int]:
        """Pool health for `/v1/health`: size, live workers, busy workers, restarts so far."""
        alive = sum(1 for w in self._all if w.process.is_alive())
        return {"size": self.size, "alive": alive, "busy": self.busy, "restarts": self.restarts}

    async def close(self) -> None:
        for worker in list(self._all):
            self._retire(worker)
        self._threads.shutdown(wait=False, cancel_futures=True)
