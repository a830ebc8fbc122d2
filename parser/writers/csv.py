"""CSV output for recruiters: one row per credential (a file with none gets one row)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .common import formula_like

COLUMNS = [
    "file",
    "candidate",
    "email",
    "credential",
    "issuer",
    "issuer_as_written",
    "jurisdiction",
    "kind",
    "status",
    "level",
    "credential_id",
    "url",
    "issued",
    "expires",
    "expected",
    "confidence",
    "catalog_id",
    "issuer_known",
    "reasons",
    "lookup_url",
    "lookup_number",
    "warnings",
    "error",
]


def rows(profile: dict[str, Any]) -> Iterable[dict[str, Any]]:
    cand = profile.get("candidate") or {}
    base = {
        "file": profile["source"]["file"],
        "candidate": cand.get("name") or "",
        "email": (cand.get("emails") or [""])[0],
        "error": (profile.get("error") or {}).get("code", ""),
        # "no_text_layer" on a file with no credentials tells an import it was a scan, not a clean CV
        "warnings": " ".join(dict.fromkeys(w["code"] for w in profile.get("warnings") or [])),
    }
    creds = profile.get("credentials") or []
    if not creds:
        yield base
    for c in creds:
        lookup = c["verification"].get("lookup") or {}
        yield {
            **base,
            "credential": c["name"],
            "issuer": c["issuer"].get("name") or "",
            "issuer_as_written": c["issuer"].get("as_written") or "",
            "jurisdiction": c.get("jurisdiction") or "",
            "kind": c["kind"],
            "status": c["status"],
            "level": c["verification"]["level"],
            "credential_id": c.get("credential_id") or "",
            "url": c.get("url") or "",
            "issued": c.get("issued") or "",
            "expires": c.get("expires") or "",
            "expected": c.get("expected") or "",
            "confidence": c["confidence"],
            "catalog_id": c.get("catalog_id") or "",
            "issuer_known": c["issuer"].get("known"),
            # why the level is what it is, for an import that sees "suspicious" without the report
            "reasons": " | ".join(c["verification"].get("reasons") or []),
            "lookup_url": lookup.get("url") or "",
            "lookup_number": lookup.get("number") or "",
        }


def inert(value: Any) -> Any:
    """A cell a spreadsheet will not run: formula-like text gets a leading ``'`` (OWASP)."""
    return "'" + value if formula_like(value) else value


def write_csv(path: Path, profiles: Iterable[dict[str, Any]]) -> int:
    """Write the CSV for ``profiles`` (JSON dicts); returns the number of rows."""
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for profile in profiles:
            for row in rows(profile):
                writer.writerow({name: inert(value) for name, value in row.items()})
                count += 1
    return count
