"""Scan throughput for 1 and 2 workers: ``python -m benchmarks.scale [--repeat 20]``.

Copies the samples ``--repeat`` times into a temporary folder, builds the pipeline once
(not timed: a real scan pays it once), then times ``Scanner.run`` with 1 and 2 workers and
prints files/s and their ratio (target: 2 workers >= 1.6x one), plus files/s per core for PDF
and DOCX alone, and the projection for one million résumés.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from parser.run.inputs import walk
from parser.run.isolate import template
from parser.run.scan import Scanner

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _folder(root: Path, pattern: str, repeat: int) -> Path:
    folder = root / pattern.replace("*", "all")
    folder.mkdir()
    for i in range(repeat):
        for src in sorted(SAMPLES.glob(pattern)):
            shutil.copyfile(src, folder / f"{i:03d}_{src.name}")
    return folder


def rate(folder: Path, workers: int) -> float:
    inputs = list(walk([str(folder)]))
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        Scanner(Path(tmp) / "out.jsonl", workers=workers, as_of="2026-11-25").run(inputs)
        return len(inputs) / (time.perf_counter() - started)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    template({})  # the pipeline, built once before timing
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mixed = _folder(root, "*.*", args.repeat)
        one, two = rate(mixed, 1), rate(mixed, 2)
        print(
            f"samples x{args.repeat}: 1 worker {one:.1f} files/s, 2 workers {two:.1f} files/s, ratio {two / one:.2f}x"
        )
        for kind in ("pdf", "docx"):
            per_core = rate(_folder(root, f"*.{kind}", args.repeat * 2), 1)
            days = 1_000_000 / per_core / 86400
            print(f"{kind}: {per_core:.1f} files/s per core; 1M résumés: {days:.1f} core-days")


if __name__ == "__main__":
    main()
