"""Parse in child processes with a wall-clock limit and an address-space cap.

Why: a reader can hang (a pathological PDF), blow up memory (a decompression bomb that slips
past a check) or crash the interpreter (a C extension). In-process code cannot defend
against any of that, so the parse runs in a forked child that the parent can kill.

- Children are forked from a process that already holds a built :class:`CredentialParser`
  (several seconds of catalog and spaCy loading), so a child is ready in milliseconds and
  shares the pipeline copy-on-write; a child that timed out or died is simply replaced.
- Each child caps its own address space (``RLIMIT_AS``) at what the loaded pipeline already
  maps plus ``max_memory``: an allocation past it raises ``MemoryError`` inside the parse (a
  ``resource_limit`` record) instead of pushing the machine into swap or the OOM killer.
- The parent waits on pipes with a deadline per child: past ``timeout`` the child is killed
  and the file gets a ``timeout`` record. A child that dies gets ``worker_crashed``.

:func:`parse_isolated` is the one-shot form for the library; :func:`map_isolated` the batch form
behind ``CredentialParser.parse_many``; :class:`ChildPool` the long-lived form behind ``scan``
and the HTTP API's workers (:mod:`parser.pool`).
"""

from __future__ import annotations

import ctypes
import hashlib
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Generic, TypeVar

from . import __version__
from .limits import Limits
from .models import CandidateProfile, Error, ParserInfo, Source
from .storage import is_url, parse_url

K = TypeVar("K")
RESOURCE_EXIT = 86  # a child that ran out of address space outside the parser's own guard
_PR_SET_PDEATHSIG = 1
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_WATCH = 0.05  # seconds between resident-memory checks of busy children


@dataclass(frozen=True)
class Job:
    """One input: a path, an fsspec URL or bytes; ``shown`` is what ``source.file`` must say."""

    source: str | bytes
    shown: str
    filename: str | None = None
    as_of: str | None = None


@dataclass
class Outcome:
    """What came back for one job: the profile JSON, or an error code the parent decided."""

    text: str | None
    code: str | None = None
    message: str = ""
    peak_rss: int = 0  # bytes: the child's peak resident set so far
    base_rss: int = 0  # bytes: its resident set when it started (the shared pipeline)
    elapsed: float = 0.0


def parse_job(parser: Any, job: Job) -> CandidateProfile:
    """The per-file function shared by local children and Dask tasks."""
    if isinstance(job.source, bytes):
        profile = parser.parse(job.source, filename=job.filename, as_of=job.as_of)
    elif is_url(job.source):
        profile = parse_url(parser, job.source, as_of=job.as_of)
    else:
        profile = parser.parse(job.source, as_of=job.as_of)
    profile.source.file = job.shown
    return profile


def failed_profile(job: Job, code: str, message: str) -> CandidateProfile:
    """The record of a job whose parse did not finish (timeout, crash, memory cap)."""
    digest = None
    size = 0
    if isinstance(job.source, bytes):
        digest, size = hashlib.sha256(job.source).hexdigest(), len(job.source)
    return CandidateProfile(
        source=Source(file=job.shown, sha256=digest, size_bytes=size),
        error=Error(code=code, message=message),
        parser=ParserInfo(version=__version__),
    )


def _status_kb(field: str) -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _cap_address_space(extra: int) -> None:
    """Allow what is mapped now plus ``extra`` bytes; the pipeline is already loaded."""
    if extra <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = _status_kb("VmSize") * 1024 + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """Linux: the kernel kills this child when the parent dies (kill -9 of ``scan``)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _child_main(conn: Connection, parser: Any, max_memory: int, inherited: list[int], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    for fd in inherited:  # other children's pipe ends: keep their EOF detection working
        try:
            os.close(fd)
        except OSError:
            pass
    if os.getppid() != parent:
        return
    base = _status_kb("VmRSS") * 1024
    _cap_address_space(max_memory)
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
    """One forked child and the parent's end of its pipe.

    Plain ``os.fork`` rather than ``multiprocessing.Process``: the latter refuses to start
    children from daemonic processes, and Dask workers are daemonic.
    """

    def __init__(self, parser: Any, max_memory: int, siblings: list[_Child]) -> None:
        parent_end, child_end = multiprocessing.Pipe(duplex=True)
        inherited = [s.conn.fileno() for s in siblings] + [parent_end.fileno()]
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child never returns into the caller's stack
            status = 0
            try:
                _child_main(child_end, parser, max_memory, inherited, parent)
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
    """``size`` forked children sharing ``parser``; :meth:`run` streams results as they finish."""

    def __init__(self, parser: Any, size: int = 1, *, timeout: float | None, max_memory: int | None) -> None:
        self.parser = parser
        self.size = max(1, size)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.max_memory = max_memory or 0
        self.restarts = 0
        self._children: list[_Child] = []

    def _spawn(self) -> _Child:
        child = _Child(self.parser, self.max_memory, self._children)
        self._children.append(child)
        return child

    def _retire(self, child: _Child) -> _Child:
        self._children.remove(child)
        child.kill()
        self.restarts += 1
        return self._spawn()

    def _crash(self, child: _Child) -> Outcome:
        code = child.exit_code()
        # Python aborts (SIGABRT) when it cannot even build a MemoryError: the cap again.
        if code == RESOURCE_EXIT or (code == -signal.SIGABRT and self.max_memory):
            return Outcome(None, "resource_limit", "the parser ran past its memory cap")
        how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        return Outcome(None, "worker_crashed", f"the parser process died while reading this file ({how})")

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
        return Outcome(None, "timeout", f"parsing took longer than the {self.timeout:g} s limit")

    def start(self) -> None:
        """Fork the children now rather than on first use (a server's first request is not slower)."""
        while len(self._children) < self.size:
            self._spawn()

    def alive(self) -> int:
        """How many children are running."""
        return sum(1 for c in list(self._children) if c.running())

    def run_one(self, job: Job) -> Outcome:
        """Parse one job in this pool's first child, kept between calls (one caller at a time)."""
        if not self._children:
            self._spawn()
        child = self._children[0]
        try:
            child.conn.send(job)
        except (OSError, ValueError):
            child = self._retire(child)
            child.conn.send(job)
        child.base = child.rss()
        deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
        while not child.conn.poll(min(_WATCH, max(0.0, deadline - time.monotonic()))):
            failed = self._timed_out() if time.monotonic() >= deadline else self._over_memory(child)
            if failed is not None:
                self._retire(child)
                return failed
        outcome, recycle = self._collect(child)
        if recycle:
            self._retire(child)
        return outcome

    def run(self, jobs: Iterable[tuple[K, Job]]) -> Iterator[tuple[K, Outcome]]:
        """Parse every job; yields ``(key, outcome)`` in completion order, one per job."""
        pending = iter(jobs)
        idle = [self._spawn() for _ in range(self.size)]
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
                    try:
                        child.conn.send(item[1])
                    except (OSError, ValueError):  # died while idle: replace it and try again once
                        child = self._retire(child)
                        child.conn.send(item[1])
                    child.base = child.rss()
                    deadline = time.monotonic() + self.timeout if self.timeout else float("inf")
                    busy[child] = (item[0], item[1], deadline)
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
        for child in self._children:
            child.kill()
        self._children.clear()


_TEMPLATES: dict[str, Any] = {}
_TEMPLATES_LOCK = threading.Lock()


def template(options: dict[str, Any]) -> Any:
    """A built :class:`CredentialParser` for ``options``, kept for this process's lifetime.

    Children are forked from it, so building it once per process is the whole start-up cost.
    """
    key = repr(sorted(options.items()))
    with _TEMPLATES_LOCK:
        if key not in _TEMPLATES:
            from .engine import CredentialParser

            _TEMPLATES[key] = CredentialParser(**options)
            warm_up()
        return _TEMPLATES[key]


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


@dataclass
class IsolatedResult:
    """A profile and what its child measured (peak and starting resident set, seconds)."""

    profile: CandidateProfile
    peak_rss: int
    base_rss: int
    elapsed: float


def job_for(source: str | os.PathLike[str] | bytes, filename: str | None, as_of: str | None) -> Job:
    """The job for a path, URL or bytes, named as ``CredentialParser.parse`` would name it."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        shown = Path(filename).name if filename else "upload"
        return Job(bytes(source), shown=shown, filename=filename, as_of=as_of)
    if isinstance(source, (str, os.PathLike)):
        return Job(os.fspath(source), shown=os.fspath(source), as_of=as_of)
    raise TypeError(f"expected a path or bytes, not {type(source).__name__}")


def profile_of(job: Job, outcome: Outcome) -> CandidateProfile:
    """The profile a child sent back, or the error record for a parse that did not finish."""
    if outcome.text is not None:
        return CandidateProfile.model_validate_json(outcome.text)
    profile = failed_profile(job, outcome.code or "internal_error", outcome.message)
    if isinstance(job.source, str):
        from .batch import sha256_of

        profile.source.sha256 = sha256_of(job.source)  # so that --resume can still skip it
    return profile


def _pool(parser: Any, workers: int, timeout: float | None, max_memory: int | None) -> ChildPool[int]:
    limits = getattr(parser, "limits", None) or Limits()
    return ChildPool(
        parser,
        workers,
        timeout=limits.timeout if timeout is None else timeout,
        max_memory=limits.max_memory if max_memory is None else max_memory,
    )


def run_isolated(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    timeout: float | None = None,
    max_memory: int | None = None,
    as_of: str | None = None,
    **options: Any,
) -> IsolatedResult:
    """Like :func:`parse_isolated`, with the child's measurements."""
    job = job_for(source, filename, as_of)
    pool = _pool(template(options), 1, timeout, max_memory)
    started = time.perf_counter()
    _, outcome = next(iter(pool.run([(0, job)])))
    profile = profile_of(job, outcome)
    return IsolatedResult(profile, outcome.peak_rss, outcome.base_rss, time.perf_counter() - started)


def map_isolated(
    parser: Any,
    sources: Iterable[str | os.PathLike[str] | bytes],
    *,
    workers: int = 1,
    timeout: float | None = None,
    max_memory: int | None = None,
    as_of: str | None = None,
) -> Iterator[CandidateProfile]:
    """Parse every source in a child forked from ``parser``; profiles come in input order.

    ``timeout`` and ``max_memory`` default to ``parser.limits``. Sources are read lazily, so
    a generator of paths streams; at most ``workers`` results wait for an earlier, slower one.
    """
    warm_up()
    jobs: dict[int, Job] = {}

    def numbered() -> Iterator[tuple[int, Job]]:
        for i, source in enumerate(sources):
            jobs[i] = job_for(source, None, as_of)
            yield i, jobs[i]

    held: dict[int, CandidateProfile] = {}
    nxt = 0
    for i, outcome in _pool(parser, workers, timeout, max_memory).run(numbered()):
        held[i] = profile_of(jobs.pop(i), outcome)
        while nxt in held:
            yield held.pop(nxt)
            nxt += 1


def parse_isolated(
    source: str | os.PathLike[str] | bytes,
    *,
    filename: str | None = None,
    timeout: float | None = None,
    max_memory: int | None = None,
    **options: Any,
) -> CandidateProfile:
    """Parse one input in a child process; a hang or blow-up becomes the profile's ``error``.

    ``timeout`` (seconds) and ``max_memory`` (bytes of address space on top of the loaded
    pipeline) default to :class:`~parser.limits.Limits`; ``0`` switches one off. Other keyword
    options (``as_of``, ``catalog_dirs``, ``limits``, ``online``) are those of
    :class:`CredentialParser`. The pipeline is built once per process and shared by the
    children; like ``parse``, this never raises for a bad document.
    """
    return run_isolated(source, filename=filename, timeout=timeout, max_memory=max_memory, **options).profile


def parse_many_isolated(
    sources: Iterable[str | os.PathLike[str] | bytes],
    *,
    workers: int = 1,
    timeout: float | None = None,
    max_memory: int | None = None,
    as_of: str | None = None,
    **options: Any,
) -> Iterator[CandidateProfile]:
    """:func:`map_isolated` with the process's shared parser for ``options`` (see :func:`template`)."""
    parser = template(options)
    yield from map_isolated(
        parser, sources, workers=workers, timeout=timeout, max_memory=max_memory, as_of=as_of
    )
