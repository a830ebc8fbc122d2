"""Lone UTF-16 surrogates out of extracted strings.

A JSON ``"\\ud800"`` escape (a badge, a JSON Resume, a fetched assertion) or a PDF text
decoder can hand Python a string holding an unpaired surrogate; no UTF-8 writer can encode it,
so one such character would turn a whole profile into an ``internal_error`` at output time.
Each is replaced by U+FFFD, one character for one, so every text offset stays where it was.
"""

from __future__ import annotations

import re
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD (the same string when there is none)."""
    return _SURROGATE.sub(REPLACEMENT, text) if _SURROGATE.search(text) else text


def replace_surrogates_in(value: Any) -> Any:
    """A parsed JSON value with :func:`replace_surrogates` applied to every key and string.

    Iterative, so a deeply nested value cannot exhaust the stack; containers are updated in
    place and the (possibly new) top-level value is returned.
    """
    if isinstance(value, str):
        return replace_surrogates(value)
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key in list(item):
                child = item[key]
                clean_key = replace_surrogates(key) if isinstance(key, str) else key
                if clean_key is not key:
                    del item[key]
                item[clean_key] = replace_surrogates(child) if isinstance(child, str) else child
                if isinstance(child, (dict, list)):
                    stack.append(child)
        elif isinstance(item, list):
            for i, child in enumerate(item):
                if isinstance(child, str):
                    item[i] = replace_surrogates(child)
                elif isinstance(child, (dict, list)):
                    stack.append(child)
    return value
