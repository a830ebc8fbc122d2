"""The execution layer: documents parsed in child processes it can stop, one or many at a time.

It sits above the engine (:mod:`parser.engine`, one document in this process), which never
imports it; ``CredentialParser.parse_many`` / ``parse_isolated``, ``credparse parse`` and
``scan``, Dask and the HTTP API all run here.

- :mod:`~parser.run.pool`: the one pool of forked children, each under a wall-clock limit and
  a memory cap and replaced when it fails (:class:`~parser.run.pool.ChildPool`);
  :mod:`~parser.run.asyncpool`: the same pool awaited from an event loop (the HTTP API's);
  :mod:`~parser.run.child`: what every forked child does to itself, and how its end is told.
- :mod:`~parser.run.jobs`: what goes to a child and what comes back.
- :mod:`~parser.run.isolate`: one input or a stream of them in children (the library's calls,
  and :func:`parse_isolated` / :func:`parse_many_isolated` without an instance).
- :mod:`~parser.run.scan`: ``credparse scan``, one JSON line per input, resumable;
  :mod:`~parser.run.inputs` walks its inputs, :mod:`~parser.run.hashing` hashes them,
  :mod:`~parser.run.dask` runs it on a Dask cluster.

The names below are imported on first use, so ``import parser.run`` costs nothing.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

_ISOLATE = ("parse_isolated", "parse_many_isolated", "run_isolated", "map_isolated", "template")
_POOL = ("ChildPool",)
_ASYNC = ("AsyncPool", "PoolBusy")
_SCAN = ("Scanner", "ScanResult")
__all__ = [*_ISOLATE, *_POOL, *_ASYNC, *_SCAN, "walk", "sha256_of"]


def __getattr__(name: str) -> Any:
    module: ModuleType
    if name in _ISOLATE:
        from . import isolate as module
    elif name in _POOL:
        from . import pool as module
    elif name in _ASYNC:
        from . import asyncpool as module
    elif name in _SCAN:
        from . import scan as module
    elif name == "walk":
        from . import inputs as module
    elif name == "sha256_of":
        from . import hashing as module
    else:
        raise AttributeError(name)
    return getattr(module, name)
