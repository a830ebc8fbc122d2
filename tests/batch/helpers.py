"""Shared helpers for the batch tests: real input folders and the installed command."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and p.name != "README.md")
CREDPARSE = str(Path(sys.executable).with_name("credparse"))
AS_OF = "2026-11-25"


def sample_folder(folder: Path, n: int) -> list[str]:
    """``n`` résumés (the samples, repeated under distinct names); returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = SAMPLES[i % len(SAMPLES)]
        dst = folder / f"{i:03d}_{src.name}"
        shutil.copyfile(src, dst)
        paths.append(str(dst))
    return paths


def records(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "torn last line"
    return [json.loads(line) for line in text.splitlines()]


def our_processes(marker: str) -> list[int]:
    """Live processes whose command line mentions ``marker`` (orphaned children included)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes()
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
        except OSError:
            continue
        if marker.encode() in cmd and state != "Z":
            found.append(int(pid))
    return found
