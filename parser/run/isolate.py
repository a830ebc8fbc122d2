"""One document, or a stream of them, parsed in child processes: the library's side of the pool.

:func:`parse_in_child` and :func:`parse_many` are what ``CredentialParser.parse_isolated`` and
``CredentialParser.parse_many`` delegate to; :func:`parse_isolated`, :func:`run_isolated` and
:func:`parse_many_isolated` do the same without an instance, with the process's shared
:func:`template` parser; :func:`explain_isolated` is ``credparse parse --explain``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..document import ReadResult
from ..limits import Limits
from ..models import CandidateProfile
from .jobs import Job, Outcome, job_for, profile_of
from .pool import ChildPool, warm_up

Source = str | os.PathLike[str] | bytes

_TEMPLATES: dict[str, Any] = {}
_TEMPLATES_LOCK = threading.Lock()


def template(options: dict[str, Any]) -> Any:
    """A built :class:`~parser.engine.Engine` for ``options``, kept for this process's lifetime.

    Children are forked from it, so building it once per process is the whole start-up cost.
    """
    key = repr(sorted(options.items()))
    with _TEMPLATES_LOCK:
        if key not in _TEMPLATES:
            from ..engine import Engine

            _TEMPLATES[key] = Engine(**options)
            warm_up()
        return _TEMPLATES[key]


@dataclass
class IsolatedResult:
    """A profile and what its child measured (peak and starting resident set, seconds)."""

    profile: CandidateProfile
    peak_rss: int
    base_rss: int
    elapsed: float


def _pool(parser: Any, workers: int, timeout: float | None, max_memory: int | None) -> ChildPool[int]:
    limits = getattr(parser, "limits", None) or Limits()
    return ChildPool(
        parser,
        workers,
        timeout=limits.timeout if timeout is None else timeout,
        max_memory=limits.max_memory if max_memory is None else max_memory,
    )


def _iso(as_of: date | str | None) -> str | None:
    return as_of.isoformat() if isinstance(as_of, date) else as_of


def run_isolated(
    source: Source,
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
    sources: Iterable[Source],
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


def parse_many(
    parser: Any,
    sources: Iterable[Source],
    *,
    as_of: date | str | None = None,
    workers: int = 1,
    isolate: bool = True,
) -> Iterator[CandidateProfile]:
    """``CredentialParser.parse_many``: each source in a child forked from ``parser`` (see
    :func:`map_isolated`), or in this process with ``isolate=False`` or without ``os.fork``."""
    day = _iso(as_of)
    if not isolate or not hasattr(os, "fork"):
        for source in sources:
            yield parser.parse(source, as_of=day)
        return
    yield from map_isolated(parser, sources, workers=workers, as_of=day)


def _in_child(parser: Any, job: Job) -> Outcome:
    """``job`` run in a one-child pool forked from ``parser``, under ``parser.limits``.

    One document needs one reader: the child imports it (a few MB under the address cap of
    ``max_memory``) instead of the parent importing every reader first (:func:`warm_up`, 0.25 s,
    worth it only where many children share the imported code)."""
    pool: ChildPool[int] = ChildPool(
        parser, 1, timeout=parser.limits.timeout, max_memory=parser.limits.max_memory
    )
    try:
        return pool.run_one(job)
    finally:
        pool.close()


def parse_in_child(
    parser: Any,
    source: Source,
    *,
    filename: str | None = None,
    as_of: date | str | None = None,
    read: ReadResult | None = None,
) -> CandidateProfile:
    """``CredentialParser.parse_isolated``: ``parser.parse`` in a child process forked from
    ``parser``, under ``parser.limits``; ``parser.parse`` itself where ``os.fork`` does not exist.
    ``read``: the file already read (:mod:`parser.run.prefetch`)."""
    day = _iso(as_of)
    if not hasattr(os, "fork"):
        return parser.parse(source, filename=filename, as_of=day, read=read)
    job = dataclasses.replace(job_for(source, filename, day), read=read)
    return profile_of(job, _in_child(parser, job))


def parse_isolated(
    source: Source,
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
    :class:`~parser.CredentialParser`. The pipeline is built once per process and shared by
    the children; like ``parse``, this never raises for a bad document.
    """
    return run_isolated(source, filename=filename, timeout=timeout, max_memory=max_memory, **options).profile


def parse_many_isolated(
    sources: Iterable[Source],
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


def explain_isolated(parser: Any, path: str, as_of: str | None) -> tuple[CandidateProfile, list[Any]]:
    """``parser.explain(path)`` in a child process under ``parser.limits`` (``parse --explain``).

    A child hands back one profile as JSON, so the child's parser is a shim whose ``parse``
    returns the profile with the explanation in an extra field; a parse that did not finish
    (``timeout``, ``resource_limit``, ``worker_crashed``) has no explanation."""
    from ..engine import Explained

    if not hasattr(os, "fork"):
        return parser.explain(path, as_of=as_of)

    class WithExplanation(CandidateProfile):
        explained: list[dict[str, Any]] = []

    class Explaining:
        limits = parser.limits

        def parse(self, source: Any, *, filename: str | None = None, as_of: str | None = None) -> Any:
            profile, trace = parser.explain(source, filename=filename, as_of=as_of)
            return WithExplanation(**dict(profile), explained=[dataclasses.asdict(t) for t in trace])

    job = job_for(path, None, as_of)
    outcome = _in_child(Explaining(), job)
    if outcome.text is None:
        return profile_of(job, outcome), []
    data = json.loads(outcome.text)
    trace = [Explained(**t) for t in data.pop("explained", [])]
    return CandidateProfile.model_validate(data), trace
