"""Forked children that parse under a wall-clock limit and a memory cap: the one pool that
``scan``, ``parse_many``, ``parse_isolated``, Dask tasks and the HTTP API all run on.

Why: a reader can hang (a pathological PDF), blow up memory (a decompression bomb that slips
past a check) or crash the interpreter (a C extension). In-process code cannot defend
against any of that, so the parse runs in a forked child that the parent can kill.

- Children are forked from a process that already holds a built parser (several seconds of
  catalog and spaCy loading), so a child is ready in milliseconds and shares the pipeline
  copy-on-write; a child that timed out or died is simply replaced.
- Each child caps its own address space (``RLIMIT_AS``) at what the loaded pipeline already
  maps plus ``max_memory``: an allocation past it raises ``MemoryError`` inside the parse (a
  ``resource_limit`` record) instead of pushing the machine into swap or the OOM killer.
- The parent waits on pipes with a deadline per child: past ``timeout`` the child is killed
  and the file gets a ``timeout`` record. A child that dies gets ``worker_crashed``.

:class:`ChildPool` is the pool: :meth:`~ChildPool.run` streams a batch through all its
children, :meth:`~ChildPool.run_one` parses one job in an idle child and may be called from
several threads at once. :class:`AsyncPool` is the same pool awaited from an event loop (the
HTTP API's workers).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generic, TypeVar

from ..gcpause import freeze_before_fork
from .child import RESOURCE_EXIT, cap_address_space, crash_reason, die_with_parent, status_kb, timeout_reason
from .jobs import Job, Outcome, failed_profile, parse_job

K = TypeVar("K")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_WATCH = 0.05  # seconds between resident-memory checks of busy children


def warm_up() -> None:
    """Import every reader before forking: children then share the code instead of each
    importing it again, and no import has to map new memory under a child's address cap."""
    import importlib

    for name in ("pdf", "docx", "text", "jsonresume"):
        importlib.import_module(f"parser.readers.{name}")
    for name in ("pdfplumber", "docx", "charset_normalizer", "parser.badges", "parser.badges.extract"):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def _child_main(conn: Connection, parser: Any, max_memory: int, inherited: list[int], parent: int) -> None:
    gc.enable()  # the parent's objects are frozen (freeze_before_fork): it collects its own only
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    die_with_parent()
    for fd in inherited:  # other children's pipe ends: keep their EOF detection working
        try:
            os.close(fd)
        except OSError:
            pass
    if os.getppid() != parent:
        return
    base = status_kb("VmRSS") * 1024
    cap_address_space(max_memory)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        started = time.perf_counter()
        try:
            profile = parse_job(parser, job)
            text = profile.model_dump_json()
            recycle = bool(profile.error and profile.error.code == "resource_limit")
        except MemoryError:
            os._exit(RESOURCE_EXIT)
        except Exception as exc:  # noqa: BLE001 - a bug must cost one record, not the worker
            text = failed_profile(job, "internal_error", f"{type(exc).__name__}: {exc}").model_dump_json()
            recycle = True
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        conn.send((text, peak, base, time.perf_counter() - started, recycle))
        if recycle:  # a heap that hit its cap is not worth keeping
            return


class _Child:
    """One forked child and the parent's end of its pipe: a slot of the pool, whose process
    :meth:`start` forks again after :meth:`kill`.

    Plain ``os.fork`` rather than ``multiprocessing.Process``: the latter refuses to start
    children from daemonic processes, and Dask workers are daemonic.
    """

    def __init__(self, parser: Any, max_memory: int, siblings: list[_Child]) -> None:
        self.parser = parser
        self.max_memory = max_memory
        self.start(siblings)

    def start(self, siblings: list[_Child]) -> None:
        """Fork the process; ``siblings`` are the pool's other children, whose pipe ends it closes."""
        parent_end, child_end = multiprocessing.Pipe(duplex=True)
        inherited = [s.conn.fileno() for s in siblings if s is not self] + [parent_end.fileno()]
        parent = os.getpid()
        freeze_before_fork()
        pid = os.fork()
        if pid == 0:  # the child never returns into the caller's stack
            status = 0
            try:
                _child_main(child_end, self.parser, self.max_memory, inherited, parent)
            except BaseException:  # noqa: BLE001 - report through the exit status only
                status = 1
            finally:
                os._exit(status)
        child_end.close()
        self.pid = pid
        self.conn: Connection = parent_end
        self.code: int | None = None
        self.base = 0

    def rss(self) -> int:
        """Resident bytes now (0 when gone); the parent's watchdog compares it with ``base``."""
        try:
            return int(Path(f"/proc/{self.pid}/statm").read_text().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0

    def _reap(self, block: bool) -> int | None:
        if self.code is None:
            try:
                pid, status = os.waitpid(self.pid, 0 if block else os.WNOHANG)
            except ChildProcessError:
                return self.code
            if pid:
                self.code = os.waitstatus_to_exitcode(status)
        return self.code

    def running(self) -> bool:
        return self._reap(block=False) is None

    def kill(self) -> None:
        if self._reap(block=False) is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap(block=True)
        self.conn.close()

    def exit_code(self) -> int | None:
        """The child's exit status (negative: killed by that signal), waiting up to 2 s."""
        deadline = time.monotonic() + 2.0
        while self._reap(block=False) is None and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.code


class ChildPool(Generic[K]):
    """Up to ``size`` forked children sharing ``parser``; a child that times out, passes its
    memory cap or dies is replaced.

    :meth:`run` streams a batch through every child from one thread (``scan``,
    ``parse_many``); :meth:`run_one` parses one job in an idle child, from up to ``size``
    threads at once (the HTTP API, Dask tasks, ``parse_isolated``). Not both at once.
    """

    def __init__(self, parser: Any, size: int = 1, *, timeout: float | None, max_memory: int | None) -> None:
        self.parser = parser
        self.size = max(1, size)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_memory = max_memory or 0
        self.restarts = 0
        self._children: list[_Child] = []
        self._idle: list[_Child] = []  # children waiting for run_one
        self._lock = threading.Condition()  # children are forked, killed and handed out under it

    def _spawn(self) -> _Child:
        with self._lock:
            child = _Child(self.parser, self.max_memory, self._children)
            self._children.append(child)
            return child

    def _retire(self, child: _Child) -> _Child:
        """Kill ``child`` and fork its replacement in the same slot."""
        with self._lock:
            child.kill()
            self.restarts += 1
            child.start(self._children)
            return child

    def _crash(self, child: _Child) -> Outcome:
        return Outcome(None, *crash_reason(child.exit_code(), self.max_memory))

    def _collect(self, child: _Child) -> tuple[Outcome, bool]:
        """The outcome a child has ready, and whether the child must be replaced."""
        try:
            text, peak, base, elapsed, recycle = child.conn.recv()
            return Outcome(text, peak_rss=peak, base_rss=base, elapsed=elapsed), bool(recycle)
        except (EOFError, OSError):
            return self._crash(child), True

    def _over_memory(self, child: _Child) -> Outcome | None:
        """The watchdog: ``RLIMIT_AS`` counts only new mappings, and a forked child may reuse
        memory the parent freed but kept mapped, so resident growth is checked from outside too."""
        if self.max_memory and child.base and child.rss() - child.base > self.max_memory:
            return Outcome(None, "resource_limit", f"the parser used more than {self.max_memory >> 20} MB")
        return None

    def _timed_out(self) -> Outcome:
        return Outcome(None, *timeout_reason(self.timeout or 0))

    def _send(self, child: _Child, job: Job) -> float:
        """Hand ``job`` to ``child`` (replaced first if it died while idle); returns its deadline."""
        try:
            child.conn.send(job)
        except (OSError, ValueError):  # died while idle: replace it and try again once
            self._retire(child).conn.send(job)
        child.base = child.rss()
        return time.monotonic() + self.timeout if self.timeout else float("inf")

    def start(self) -> None:
        """Fork the children now rather than on first use (a server's first request is not slower)."""
        with self._lock:
            while len(self._children) < self.size:
                self._idle.append(self._spawn())

    def alive(self) -> int:
        """How many children are running."""
        return sum(1 for c in list(self._children) if c.running())

    def _checkout(self) -> _Child:
        """An idle child, forked if the pool has fewer than ``size``; waits while all are busy."""
        with self._lock:
            while not self._idle and len(self._children) >= self.size:
                self._lock.wait()
            return self._idle.pop() if self._idle else self._spawn()

    def _checkin(self, child: _Child) -> None:
        with self._lock:
            if child in self._children:  # not closed meanwhile
                self._idle.append(child)
                self._lock.notify()

    def run_one(self, job: Job) -> Outcome:
        """Parse one job in an idle child, kept for the next call (or replaced, after a
        timeout, a blown cap or a crash)."""
        child = self._checkout()
        try:
            deadline = self._send(child, job)
            while not child.conn.poll(min(_WATCH, max(0.0, deadline - time.monotonic()))):
                failed = self._timed_out() if time.monotonic() >= deadline else self._over_memory(child)
                if failed is not None:
                    self._retire(child)
                    return failed
            outcome, recycle = self._collect(child)
            if recycle:
                self._retire(child)
            return outcome
        finally:
            self._checkin(child)

    def run(self, jobs: Iterable[tuple[K, Job]]) -> Iterator[tuple[K, Outcome]]:
        """Parse every job; yields ``(key, outcome)`` in completion order, one per job."""
        pending = iter(jobs)
        with self._lock:
            idle, self._idle = self._idle, []
            while len(self._children) < self.size:
                idle.append(self._spawn())
        busy: dict[_Child, tuple[K, Job, float]] = {}
        exhausted = False
        try:
            while True:
                while idle and not exhausted:
                    item = next(pending, None)
                    if item is None:
                        exhausted = True
                        break
                    child = idle.pop()
                    busy[child] = (item[0], item[1], self._send(child, item[1]))
                if not busy:
                    return
                soonest = min(d for _, _, d in busy.values())
                left = None if soonest == float("inf") else max(0.0, soonest - time.monotonic())
                if self.max_memory:
                    left = _WATCH if left is None else min(left, _WATCH)
                ready = set(wait([c.conn for c in busy], timeout=left))
                for child in [c for c in busy if c.conn in ready]:
                    key, job, _ = busy.pop(child)
                    outcome, recycle = self._collect(child)
                    idle.append(self._retire(child) if recycle else child)
                    yield key, outcome
                now = time.monotonic()
                for child, (key, _job, deadline) in list(busy.items()):
                    failed = self._timed_out() if deadline <= now else self._over_memory(child)
                    if failed is not None:
                        del busy[child]
                        idle.append(self._retire(child))
                        yield key, failed
        finally:
            self.close()

    def close(self) -> None:
        with self._lock:
            for child in self._children:
                child.kill()
            self._children.clear()
            self._idle.clear()
            self._lock.notify_all()
