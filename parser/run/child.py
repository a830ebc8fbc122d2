"""What every forked child does to itself, and how its end is told: the parse children of
:mod:`parser.run.pool` and the reading child of :mod:`parser.run.prefetch`.

Why a module of its own: the reading child is forked at the very start of
``credparse parse FILE``, before anything heavy is imported, so what it needs must not
import the pool (threads, asyncio, multiprocessing, the pydantic models).
"""

from __future__ import annotations

import ctypes
import resource
import signal
from pathlib import Path

RESOURCE_EXIT = 86  # a child that ran out of address space outside the parser's own guard
_PR_SET_PDEATHSIG = 1


def crash_reason(code: int | None, max_memory: int) -> tuple[str, str]:
    """(error code, message) of a child that died with exit ``code`` (negative: that signal)."""
    # Python aborts (SIGABRT) when it cannot even build a MemoryError: the cap again.
    if code == RESOURCE_EXIT or (code == -signal.SIGABRT and max_memory):
        return "resource_limit", "the parser ran past its memory cap"
    how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
    return "worker_crashed", f"the parser process died while reading this file ({how})"


def timeout_reason(timeout: float) -> tuple[str, str]:
    """(error code, message) of a child stopped at the time limit."""
    return "timeout", f"parsing took longer than the {timeout:g} s limit"


def status_kb(field: str) -> int:
    """A field of this process's /proc status, in kB (0 where there is none)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def cap_address_space(extra: int) -> None:
    """Allow what is mapped now plus ``extra`` bytes; the pipeline is already loaded."""
    if extra <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = status_kb("VmSize") * 1024 + extra
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def die_with_parent() -> None:
    """Linux: the kernel kills this child when the parent dies (kill -9 of ``scan``)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
