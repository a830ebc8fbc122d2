"""JSON Resume files (jsonresume.org): ``basics`` and ``certificates[]`` become text lines.

The reader writes what the file states as ordinary résumé lines (a contact block and a
"Certificates" section with the verification URL as a link), so that the same pipeline
finds, resolves and verifies them.
"""

from __future__ import annotations

import json
from typing import Any

from ..document import Document, LineBuilder
from ..errors import DocumentError
from ..limits import Limits
from ..sniff import JSON_RESUME


def _depth(obj: Any, limit: int) -> int:
    stack = [(obj, 1)]
    deepest = 0
    while stack:
        cur, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > limit:
            return deepest
        if isinstance(cur, dict):
            stack.extend((v, d + 1) for v in cur.values())
        elif isinstance(cur, list):
            stack.extend((v, d + 1) for v in cur)
    return deepest


def load_json(data: bytes, limits: Limits) -> Any:
    """Parse JSON with size and nesting caps; raises DocumentError."""
    if len(data) > limits.max_json_bytes:
        raise DocumentError("too_large", f"JSON input over {limits.max_json_bytes} bytes")
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except RecursionError as exc:
        raise DocumentError("resource_limit", "JSON nesting too deep") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentError("corrupt", f"invalid JSON: {exc}") from exc
    if _depth(obj, limits.max_json_depth) > limits.max_json_depth:
        raise DocumentError("resource_limit", f"JSON nesting deeper than {limits.max_json_depth}")
    return obj


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def read_jsonresume(data: bytes, limits: Limits) -> Document:
    obj = load_json(data, limits)
    if not isinstance(obj, dict):
        raise DocumentError("corrupt", "a JSON Resume must be an object")
    builder = LineBuilder(JSON_RESUME)
    basics: dict[str, Any] = obj["basics"] if isinstance(obj.get("basics"), dict) else {}
    for key in ("name", "label", "email", "phone"):
        if _s(basics.get(key)):
            builder.add(_s(basics[key]), kind="header")
    url = _s(basics.get("url")) or _s(basics.get("website"))
    if url:
        builder.add(url, [(0, len(url), url)], kind="header")
    for profile in basics.get("profiles") or []:
        purl = _s(profile.get("url")) if isinstance(profile, dict) else ""
        if purl:
            builder.add(purl, [(0, len(purl), purl)], kind="header")
    if _s(basics.get("summary")):
        builder.add("")
        builder.add("Summary", kind="heading")
        builder.add(_s(basics["summary"]))
    certs = [c for c in obj.get("certificates") or [] if isinstance(c, dict)]
    if certs:
        builder.add("")
        builder.add("Certificates", kind="heading")
    for cert in certs:
        parts = [_s(cert.get("name")), _s(cert.get("issuer"))]
        date = _s(cert.get("date"))
        line = " | ".join(p for p in parts if p) + (f" | Issued {date}" if date else "")
        curl = _s(cert.get("url"))
        links = [(0, len(_s(cert.get("name"))), curl)] if curl and _s(cert.get("name")) else []
        builder.add(line, links, kind="list")
    doc = builder.build(merge=False)
    if not doc.text.strip():
        raise DocumentError("empty", "the JSON Resume has no basics or certificates")
    return doc
