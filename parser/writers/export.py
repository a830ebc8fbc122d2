"""One place that knows every export format, for the CLI (`scan --format`) and the HTTP API.

Writers work on the JSON shape of a profile (what a JSONL line holds), so a report or an
export can be rebuilt later from `results.jsonl` without parsing the résumés again. What the
writers share (levels, safe links, the formula rule) is in :mod:`parser.writers.common`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .common import as_dict

#: Formats `scan --format` writes beside its JSONL (the JSONL itself is always written).
FORMATS = ("csv", "xlsx", "jsonresume", "ler")
_SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "jsonresume": ".jsonresume.jsonl", "ler": ".ler.jsonl"}


def default_path(out: Path, fmt: str) -> Path:
    """Where `scan --out results.jsonl --format FMT` puts FMT: beside the JSONL, same stem."""
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return out.with_name(stem + _SUFFIX[fmt])


def _jsonl(convert: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[Path, Iterable[Any]], int]:
    def write(path: Path, profiles: Iterable[Any]) -> int:
        path.parent.mkdir(parents=True, exist_ok=True)
        count = 0
        with path.open("w", encoding="utf-8") as fh:
            for profile in profiles:
                fh.write(json.dumps(convert(as_dict(profile)), ensure_ascii=False) + "\n")
                count += 1
        return count

    return write


def write_format(fmt: str, path: Path, profiles: Iterable[Any]) -> int:
    """Write ``profiles`` as ``fmt`` to ``path``; returns rows (CSV/XLSX) or documents written."""
    dicts = (as_dict(p) for p in profiles)
    if fmt == "csv":
        from .csv import write_csv

        return write_csv(path, dicts)
    if fmt == "xlsx":
        from .xlsx import write_xlsx

        return write_xlsx(path, dicts)
    if fmt == "jsonresume":
        from .jsonresume import to_jsonresume

        return _jsonl(to_jsonresume)(path, dicts)
    if fmt == "ler":
        from .ler import to_ler

        return _jsonl(to_ler)(path, dicts)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
