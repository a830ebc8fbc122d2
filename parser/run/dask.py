"""``scan --engine dask``: the same per-file work on a Dask cluster.

Why the shape: a worker plugin builds the :class:`~parser.engine.Engine` once per Dask worker
(catalog + spaCy take seconds), tasks carry only a path or URL (never document bytes, so
the scheduler stays light), and each task runs the file in a forked child of the worker
(:mod:`parser.run.pool`) so the per-file timeout and memory cap hold on a cluster too.
Results stream back with ``as_completed`` into the scanner's one writer, so ``--resume`` and
one-line-per-input hold exactly as with ``--engine local``.

Dask is the optional extra ``credparse[dask]``; nothing else in the package imports it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any, TypeVar

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from .jobs import Job, Outcome
from .pool import ChildPool, warm_up

K = TypeVar("K")
PLUGIN = "credparse-parser"


class ParserPlugin(WorkerPlugin):
    """Builds the engine once on each worker; each worker thread gets its own child process."""

    name = PLUGIN

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        self.parser: Any = None
        self._local = threading.local()

    def setup(self, worker: Any) -> None:
        from ..engine import Engine

        self.parser = Engine(**self.options)
        self._local = threading.local()
        warm_up()

    def teardown(self, worker: Any) -> None:
        pool = getattr(self._local, "pool", None)
        if pool is not None:
            pool.close()

    def pool(self, timeout: float | None, max_memory: int | None) -> ChildPool[int]:
        pool: ChildPool[int] | None = getattr(self._local, "pool", None)
        if pool is None or (pool.timeout, pool.max_memory) != (timeout or None, max_memory or 0):
            if pool is not None:
                pool.close()
            pool = ChildPool(self.parser, 1, timeout=timeout, max_memory=max_memory)
            self._local.pool = pool
        return pool

    def __getstate__(self) -> dict[str, Any]:  # only the options travel to the workers
        return {"options": self.options}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["options"])  # type: ignore[misc]


def parse_on_worker(job: Job, timeout: float | None, max_memory: int | None) -> Outcome:
    """The Dask task: one path or URL, parsed in the worker's child process."""
    plugin = get_worker().plugins[PLUGIN]
    assert isinstance(plugin, ParserPlugin)
    return plugin.pool(timeout, max_memory).run_one(job)


def _connect(address: str | None, workers: int) -> tuple[Client, LocalCluster | None]:
    if address:
        return Client(address), None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster), cluster


def run_dask(
    jobs: list[tuple[K, Job]],
    options: dict[str, Any],
    *,
    workers: int,
    timeout: float | None,
    max_memory: int | None,
    address: str | None = None,
) -> Iterator[tuple[K, Outcome]]:
    """(key, outcome) per job in completion order, with a bounded number of tasks in flight."""
    client, cluster = _connect(address, workers)
    try:
        client.register_plugin(ParserPlugin(options), name=PLUGIN)
        threads = sum(client.nthreads().values()) or workers
        pending = iter(jobs)
        keys: dict[Any, K] = {}
        stream = as_completed()

        def submit() -> None:
            item = next(pending, None)
            if item is not None:
                fut = client.submit(parse_on_worker, item[1], timeout, max_memory, pure=False)
                keys[fut.key] = item[0]
                stream.add(fut)

        for _ in range(max(4, 4 * threads)):
            submit()
        for fut in stream:
            key = keys.pop(fut.key)
            try:
                outcome = fut.result()
            except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: one record each
                code = "worker_crashed" if type(exc).__name__ == "KilledWorker" else "internal_error"
                outcome = Outcome(None, code, f"{type(exc).__name__}: {exc}")
            fut.release()
            submit()
            yield key, outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
