"""Throughput and memory: one core (in process) and all cores (forked workers).

Workers are forked from a parent that has already built the :class:`CredentialParser`, the
way ``credparse scan`` and the HTTP API run, so the numbers include no start-up cost; that
is measured apart (:mod:`benchmarks.startup`).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from pathlib import Path
from typing import Any

_PARSER: Any = None  # the parent's parser, inherited by forked workers


def timed_parse(cp: Any, path: Path) -> float:
    """Seconds for the real path: ``parse`` then ``model_dump_json``."""
    t = time.perf_counter()
    cp.parse(str(path)).model_dump_json()
    return time.perf_counter() - t


def _work(path: str) -> tuple[float, int, int]:
    t = time.perf_counter()
    _PARSER.parse(path).model_dump_json()
    return time.perf_counter() - t, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def pool_run(cp: Any, paths: list[Path], workers: int) -> dict[str, Any]:
    """Parse ``paths`` on ``workers`` forked processes: wall time, résumés/s, peak RSS per worker."""
    global _PARSER
    _PARSER = cp
    ctx = multiprocessing.get_context("fork")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with ctx.Pool(workers) as pool:
        results = pool.map(_work, [str(p) for p in paths], chunksize=1)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    _PARSER = None
    peak: dict[int, int] = {}
    for _, pid, rss in results:
        peak[pid] = max(peak.get(pid, 0), rss)
    return {
        "workers": workers,
        "wall_s": wall,
        "per_s": len(paths) / wall if wall else 0.0,
        # CPU seconds the workers used: on a machine shared with other jobs, résumés per CPU-second
        # times the core count is what an idle machine would do; wall-clock résumés/s is what this one did
        "cpu_s": cpu,
        "per_cpu_s": len(paths) / cpu if cpu else 0.0,
        "peak_rss_mb": max(peak.values()) / 1024 if peak else 0.0,
    }


def own_peak_rss_mb() -> float:
    """This process's peak RSS so far (the parser a forked worker starts from)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]
