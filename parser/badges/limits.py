"""Hard limits for untrusted badge input, and a JSON reader that enforces them.

Badge files arrive inside résumés from anyone, so every reader here is bounded: a
hostile file must cost a fixed, small amount of memory and time, never an exception.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from ..limits import Limits
from ..surrogates import replace_surrogates_in

_ACTIVE: ContextVar[Limits | None] = ContextVar("credparse_badge_limits", default=None)


def active() -> Limits:
    """The limits of the parse under way (:func:`applied`), else the settings'
    (``CREDPARSE_LIMIT_MAX_BADGE_SVG_BYTES`` …): one limits system for documents and badges."""
    return _ACTIVE.get() or _from_env()


@cache
def _from_env() -> Limits:
    return Limits.from_env()


@contextmanager
def applied(limits: Limits) -> Iterator[None]:
    """Read badges under ``limits`` (the engine's, so ``--limit`` and the environment reach them)."""
    token = _ACTIVE.set(limits)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


class LimitError(ValueError):
    """Input that breaks one of the limits above."""


def depth_ok(value: Any, limit: int | None = None) -> bool:
    """True when nested lists/objects go no deeper than ``limit`` (iterative: no recursion)."""
    limit = active().max_json_depth if limit is None else limit
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return False
        stack.extend((c, depth + 1) for c in children if isinstance(c, (dict, list)))
    return True


def count_nodes(value: Any) -> int:
    """How many JSON objects and arrays ``value`` holds."""
    n, stack = 0, [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            n += 1
            stack.extend(item.values())
        elif isinstance(item, list):
            n += 1
            stack.extend(item)
    return n


def load_json(data: bytes | str, *, max_bytes: int | None = None, max_depth: int | None = None) -> Any:
    """Parse JSON within the size and depth limits; raises :class:`LimitError` or ``ValueError``."""
    max_bytes = active().max_json_bytes if max_bytes is None else max_bytes
    max_depth = active().max_json_depth if max_depth is None else max_depth
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise LimitError(f"JSON of {len(raw)} bytes is over the {max_bytes}-byte limit")
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except RecursionError as exc:  # the C parser guards its own stack; we only relabel it
        raise LimitError("JSON nested too deeply") from exc
    if not depth_ok(value, max_depth):
        raise LimitError(f"JSON nested deeper than {max_depth} levels")
    return replace_surrogates_in(value)
