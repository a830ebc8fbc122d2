"""The HTTP API's parser processes, used from the event loop without blocking it.

Each worker is a one-child :class:`~parser.isolate.ChildPool`: the same isolation ``scan`` and
``parse_many`` use (a forked child with a wall-clock limit, an address-space cap and a
resident-memory watch, replaced when it times out, blows its cap or dies). Why not
``ProcessPoolExecutor``: it cannot stop one task, and one crashed worker breaks it whole.

The blocking wait on a child runs in a thread; the loop only awaits it. A request waits at
most ``queue_timeout`` for a free worker (then :class:`PoolBusy`), and a worker goes back to
the idle queue only when its child has answered or been replaced, even if the client left.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from .isolate import ChildPool, Outcome, job_for, profile_of, warm_up
from .limits import Limits
from .models import CandidateProfile


class PoolBusy(Exception):
    """Every worker stayed busy for longer than the queue time limit."""


class WorkerPool:
    """``size`` isolated parser processes; :meth:`parse` runs one upload within the limits."""

    def __init__(
        self,
        parser: Any,
        size: int = 2,
        *,
        timeout: float = 30.0,
        queue_timeout: float = 30.0,
        max_memory: int = Limits().max_memory,
    ) -> None:
        self.size = max(1, size)
        self.queue_timeout = queue_timeout
        self.busy = 0
        self._workers: list[ChildPool[int]] = [
            ChildPool(parser, 1, timeout=timeout, max_memory=max_memory) for _ in range(self.size)
        ]
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="credparse-pool")
        self._idle: asyncio.Queue[ChildPool[int]] = asyncio.Queue()

    async def start(self) -> None:
        warm_up()  # the children share the imported readers instead of importing them each
        for worker in self._workers:
            worker.start()
            self._idle.put_nowait(worker)

    async def parse(self, data: bytes, filename: str, as_of: str | None = None) -> CandidateProfile:
        """Parse one upload in a worker; a timeout, memory blow-up or crash is the profile's ``error``."""
        try:
            worker = await asyncio.wait_for(self._idle.get(), self.queue_timeout)
        except asyncio.TimeoutError:
            raise PoolBusy(f"all {self.size} workers stayed busy for {self.queue_timeout:g} s") from None
        job = job_for(data, filename, as_of)
        started = time.perf_counter()
        self.busy += 1
        done = asyncio.get_running_loop().run_in_executor(self._threads, worker.run_one, job)

        def release(_: asyncio.Future[Outcome]) -> None:
            self.busy -= 1
            self._idle.put_nowait(worker)

        done.add_done_callback(release)
        # shield: a client that disconnects cancels this request, not the child's answer.
        profile = profile_of(job, await asyncio.shield(done))
        profile.parser.elapsed_ms = max(
            profile.parser.elapsed_ms, int((time.perf_counter() - started) * 1000)
        )
        return profile

    def stats(self) -> dict[str, int]:
        """Pool health for `/v1/health`: size, live workers, busy workers, restarts so far."""
        alive = sum(w.alive() for w in self._workers)
        restarts = sum(w.restarts for w in self._workers)
        return {"size": self.size, "alive": alive, "busy": self.busy, "restarts": restarts}

    async def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
        for worker in self._workers:
            worker.close()
