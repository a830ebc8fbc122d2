"""Scan throughput for 1 and 2 workers: ``python -m benchmarks.scale [--repeat 20]``.

Copies the samples ``--repeat`` times into a temporary folder, builds the pipeline once
(not timed: a real scan pays it once), then times ``Scanner.run`` with 1 and 2 workers and
prints files/s and their ratio (target: 2 workers >= 1.6x one), the parent's CPU per file (what
would bound a scan at 16 workers), files/s per core for PDF and DOCX alone, and the projection
for one million résumés.
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
    return measure(folder, workers)[0]


def measure(folder: Path, workers: int) -> tuple[float, float]:
    """Files per second, and the parent's own CPU seconds per file (walking, hashing, reading
    results, writing JSON lines, progress): what bounds a scan however many workers it has."""
    inputs = list(walk([str(folder)]))
    with tempfile.TemporaryDirectory() as tmp:
        started, cpu = time.perf_counter(), time.process_time()  # process_time: this process only
        Scanner(Path(tmp) / "out.jsonl", workers=workers, as_of="2026-11-25").run(inputs)
        return len(inputs) / (time.perf_counter() - started), (time.process_time() - cpu) / len(inputs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    template({})  # the pipeline, built once before timing
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        mixed = _folder(root, "*.*", args.repeat)
        (one, _), (two, parent) = measure(mixed, 1), measure(mixed, 2)
        print(
            f"samples x{args.repeat}: 1 worker {one:.1f} files/s, 2 workers {two:.1f} files/s, ratio {two / one:.2f}x"
        )
        ceiling = 1 / parent if parent else float("inf")
        print(
            f"parent: {1000 * parent:.2f} ms CPU per file, so it can feed {ceiling:.0f} files/s; "
            f"16 workers at one worker's rate need {16 * one:.0f} files/s"
            + (" (the parent is not the bound)" if ceiling > 16 * one else " (the parent IS the bound)")
        )
        for kind in ("pdf", "docx"):
            per_core = rate(_folder(root, f"*.{kind}", args.repeat * 2), 1)
            days = 1_000_000 / per_core / 86400
            print(f"{kind}: {per_core:.1f} files/s per core; 1M résumés: {days:.1f} core-days")


if __name__ == "__main__":
    main()
