"""Find the parts of a JSON-LD credential that its proof does not cover.

A Data Integrity proof signs the RDF graph, not the JSON: a property that no context
defines is dropped on expansion, so it can be added after signing without breaking the
proof. Such content must never be shown as verified. Each string leaf gets a unique
marker, the copy is expanded with the offline loader, and markers that do not survive
name the unsigned JSON paths (e.g. ``credentialSubject.grade``).
"""

from __future__ import annotations

from typing import Any

from pyld import jsonld

from .loader import jsonld_options

# Values that steer expansion itself; replacing them would change what is expanded.
_KEEP = {"@context", "type", "@type", "id", "@id", "@language", "@direction", "@vocab", "@base"}
_MARK = "urn:credparse:leaf:"


def _mark(value: Any, path: str, paths: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {
            k: (v if k in _KEEP else _mark(v, f"{path}.{k}" if path else k, paths)) for k, v in value.items()
        }
    if isinstance(value, list):
        return [_mark(v, f"{path}[{i}]", paths) for i, v in enumerate(value)]
    if isinstance(value, str):
        marker = f"{_MARK}{len(paths)}"
        paths[marker] = path
        return marker
    return value


def _strings(value: Any, out: set[str]) -> None:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and item.startswith(_MARK):
            out.add(item)


def unsigned_paths(document: dict[str, Any]) -> list[str]:
    """JSON paths of string values that JSON-LD expansion drops (so no proof covers them).

    Raises whatever pyld raises (e.g. an unavailable context); callers handle that.
    """
    body = {k: v for k, v in document.items() if k != "proof"}
    paths: dict[str, str] = {}
    marked = _mark(body, "", paths)
    kept: set[str] = set()
    _strings(jsonld.expand(marked, jsonld_options()), kept)
    return sorted({p for m, p in paths.items() if m not in kept})


def covers(path: str, unsigned: list[str]) -> bool:
    """True when ``path`` (e.g. ``credentialSubject.achievement.name``) is signed content."""
    return not any(u == path or u.startswith(path + ".") or u.startswith(path + "[") for u in unsigned)
