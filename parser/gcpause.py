"""The cyclic garbage collector, paused where it only costs time.

Why: building the parser (importing spaCy, unpickling the catalog and the matcher tries)
allocates hundreds of thousands of long-lived objects and no garbage cycles. The collector
would run dozens of times over them for nothing: about a tenth of ``credparse parse FILE``'s
cold start. And a forked child that collects walks every object the parent built, writing to
their headers, so copy-on-write copies the parent's pages into every child.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the collector for the block (nested blocks leave it as the outer one set it)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def freeze_before_fork() -> None:
    """Move every object alive now out of the collector's reach, so children forked next never
    walk (and copy) the parent's parser. Objects frozen stay alive; the parent's later garbage
    is collected as usual."""
    gc.freeze()
