"""JSON Lines output: one CandidateProfile per line, flushed as each file finishes.

Resuming reads an existing output back: complete lines are kept, a torn last line (a run
killed mid-write) is cut off, so the file always ends on a whole line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..models import CandidateProfile


def profile_line(profile: CandidateProfile) -> str:
    return profile.model_dump_json() + "\n"


def read_complete(path: Path) -> Iterator[dict[str, Any]]:
    """The complete JSON objects of a JSONL file, skipping a torn or damaged line."""
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.endswith("\n"):
                break
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                yield obj


def read_profiles(path: Path) -> list[dict[str, Any]]:
    """Profiles saved by credparse: the lines of a scan's JSONL, or one profile (or a list of
    them) as ``credparse parse`` prints it, indented over many lines."""
    lines = list(read_complete(path))
    if lines:
        return lines
    try:
        obj = json.loads(path.read_text(encoding="utf-8", errors="replace"))
    except ValueError:
        return []
    items = obj if isinstance(obj, list) else [obj]
    return [o for o in items if isinstance(o, dict)]


def repair(
    path: Path, keep: set[tuple[str, str]] | None = None, drop_files: set[str] | None = None
) -> list[dict[str, Any]]:
    """Rewrite ``path`` with only its complete lines (minus ``drop_files``); return them."""
    kept = [
        obj for obj in read_complete(path) if obj.get("source", {}).get("file") not in (drop_files or set())
    ]
    tmp = path.with_name(path.name + ".repair")
    with tmp.open("w", encoding="utf-8") as fh:
        for obj in kept:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    return kept


class JsonlWriter:
    """Appends profiles line by line, flushing each so a killed run keeps what it did."""

    def __init__(self, path: Path, append: bool) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fh: IO[str] = path.open("a" if append else "w", encoding="utf-8")

    def write(self, profile: CandidateProfile) -> None:
        self._fh.write(profile_line(profile))
        self._fh.flush()

    def close(self) -> None:
        self._fh.close()
