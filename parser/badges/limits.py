"""Hard limits for untrusted badge input, and a JSON reader that enforces them.

Badge files arrive inside résumés from anyone, so every reader here is bounded: a
hostile file must cost a fixed, small amount of memory and time, never an exception.
"""

from __future__ import annotations

import json
from typing import Any

from ..surrogates import replace_surrogates_in

MAX_JSON_BYTES = 2 * 1024 * 1024  # a real credential is a few KB; 2 MB leaves room for images
MAX_JSON_DEPTH = 64
MAX_PNG_CHUNK = 1024 * 1024  # per chunk, compressed or not
MAX_INFLATED = 2 * 1024 * 1024  # decompressed iTXt/zTXt text
MAX_PNG_CHUNKS = 10_000
MAX_SVG_BYTES = 5 * 1024 * 1024
MAX_JWS_BYTES = 1024 * 1024
# Canonicalisation (URDNA2015) is super-linear on crafted blank-node graphs: only documents
# of a sane size are canonicalised.
MAX_CANON_BYTES = 256 * 1024
MAX_CANON_NODES = 5_000


class LimitError(ValueError):
    """Input that breaks one of the limits above."""


def depth_ok(value: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when nested lists/objects go no deeper than ``limit`` (iterative: no recursion)."""
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


def load_json(data: bytes | str, *, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON within the size and depth limits; raises :class:`LimitError` or ``ValueError``."""
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
