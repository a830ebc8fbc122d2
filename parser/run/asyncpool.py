"""The pool awaited from an event loop: the HTTP API's parser processes.

A module of its own so that the pool (:mod:`parser.run.pool`), which ``credparse parse``
forks its one child from, does not import asyncio.
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from ..limits import Limits
from ..models import CandidateProfile
from .jobs import Outcome, job_for, profile_of
from .pool import ChildPool, warm_up


class PoolBusy(Exception):
    """Every worker stayed busy for longer than the queue time limit."""


class AsyncPool:
    """A :class:`ChildPool` of ``size`` children, awaited from an event loop without blocking
    it: the HTTP API's parser processes. :meth:`parse` runs one upload within the limits.

    Why not ``ProcessPoolExecutor``: it cannot stop one task, and one crashed worker breaks it
    whole. The blocking wait on a child runs in a thread; the loop only awaits it. A request
    waits at most ``queue_timeout`` for a free child (then :class:`PoolBusy`), and its child
    is free again only when it has answered or been replaced, even if the client left.
    """

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
        self.pool: ChildPool[int] = ChildPool(parser, self.size, timeout=timeout, max_memory=max_memory)
        self._threads = ThreadPoolExecutor(self.size, thread_name_prefix="credparse-pool")
        self._free = asyncio.Semaphore(self.size)

    async def start(self) -> None:
        warm_up()  # the children share the imported readers instead of importing them each
        self.pool.start()

    async def parse(self, data: bytes, filename: str, as_of: str | None = None) -> CandidateProfile:
        """Parse one upload in a child; a timeout, memory blow-up or crash is the profile's ``error``."""
        try:
            await asyncio.wait_for(self._free.acquire(), self.queue_timeout)
        except asyncio.TimeoutError:
            raise PoolBusy(f"all {self.size} workers stayed busy for {self.queue_timeout:g} s") from None
        job = job_for(data, filename, as_of)
        started = time.perf_counter()
        self.busy += 1
        done = asyncio.get_running_loop().run_in_executor(self._threads, self.pool.run_one, job)

        def release(_: asyncio.Future[Outcome]) -> None:
            self.busy -= 1
            self._free.release()

        done.add_done_callback(release)
        # shield: a client that disconnects cancels this request, not the child's answer.
        profile = profile_of(job, await asyncio.shield(done))
        profile.parser.elapsed_ms = max(
            profile.parser.elapsed_ms, int((time.perf_counter() - started) * 1000)
        )
        return profile

    def stats(self) -> dict[str, int]:
        """Pool health for `/v1/health`: size, live workers, busy workers, restarts so far."""
        return {
            "size": self.size,
            "alive": self.pool.alive(),
            "busy": self.busy,
            "restarts": self.pool.restarts,
        }

    async def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
        self.pool.close()
