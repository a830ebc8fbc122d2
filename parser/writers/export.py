"""One place that knows every export format, for the CLI (`scan --format`) and the HTTP API.

Writers work on the JSON shape of a profile (what a JSONL line holds), so a report or an
export can be rebuilt later from `results.jsonl` without parsing the résumés again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..hosts import hostname

#: Verification levels from strongest to weakest, with the colour and the words the
#: recruiter-facing outputs (XLSX, HTML report) use, so colour never carries meaning alone.
LEVELS: dict[str, tuple[str, str]] = {
    "verified": ("#1b7f3b", "Verified: proof checked"),
    "verifiable": ("#1d5fa8", "Verifiable: one click to check"),
    "unverifiable": ("#5f6368", "Unverifiable: no handle given"),
    "suspicious": ("#b35c00", "Suspicious: handle contradicts claim"),
    "invalid": ("#b3261e", "Invalid: proof failed"),
}

#: Levels whose link must not be offered as a way to verify: the handle contradicts the claim
#: or its proof failed. Writers show such a URL as text (its host), never as a link.
DISTRUSTED = ("suspicious", "invalid")

#: The order recruiter-facing outputs list credentials in: what needs attention first.
ATTENTION_ORDER = ("suspicious", "invalid", "verified", "verifiable", "unverifiable")

#: Formats `scan --format` writes beside its JSONL (the JSONL itself is always written).
FORMATS = ("csv", "xlsx", "jsonresume", "ler")
_SUFFIX = {"csv": ".csv", "xlsx": ".xlsx", "jsonresume": ".jsonresume.jsonl", "ler": ".ler.jsonl"}


def as_dict(profile: Any) -> dict[str, Any]:
    """A profile as its JSON dict, whether given as a CandidateProfile or already a dict."""
    if isinstance(profile, dict):
        return profile
    dumped = profile.model_dump(mode="json")
    assert isinstance(dumped, dict)
    return dumped


def safe_url(url: Any) -> str | None:
    """Only http(s) URLs with a host leave as links: résumé text could carry `javascript:` or
    `data:` URLs, or ones no URL parser reads (`http://[oops`)."""
    if (
        isinstance(url, str)
        and url.lower().startswith(("https://", "http://"))
        and " " not in url
        and hostname(url)
    ):
        return url
    return None


#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    """Whether a spreadsheet could run ``value`` as a formula (``=HYPERLINK(…)``, ``@SUM(…)``,
    ``-2+3``), also after leading blanks. The one rule of every tabular export: the CSV writer
    prefixes such a cell with ``'``, the XLSX writer gives it Excel's quote prefix (the same ``'``)."""
    return isinstance(value, str) and (
        value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START)
    )


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
