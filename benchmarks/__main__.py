"""``python -m benchmarks``: what a résumé costs, stage by stage, against its libraries' own floor.

Runs on ``samples/`` plus a generated corpus (``--count``, default 200; never committed)
and prints per-stage time, résumés/s on one core and on all cores, p50/p95 latency, cold
start of ``credparse parse``, catalog and matcher load, peak RSS per worker, and the
baselines (pdfplumber text + links, pypdfium2 text, python-docx walk) measured in the same
run on the same files, with the ratios that are the headline numbers. ``--quick`` is the
CI size: a small corpus and single start-up runs, to prove the benchmark works.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .baselines import BASELINES
from .corpus import generate
from .stages import STAGES, StagedParser
from .startup import cold_start, startup_parts
from .throughput import own_peak_rss_mb, percentile, pool_run, timed_parse

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-25"
FORMATS = (".pdf", ".docx", ".txt", ".md", ".json")
TARGETS = {
    "pdf_vs_pdfplumber": 0.5,
    "pdf_vs_pdfium_floor": 5.0,
    "cold_start_s": 1.0,
    "peak_rss_mb": 300.0,
    "catalog_and_matcher_s": 0.3,
}


def comparable(profile_json: str) -> list[dict[str, Any]]:
    """A profile's credentials without the character offsets and snippets of their evidence.

    Those are the only fields two correct readers may disagree on: PDFium decodes glyphs
    pdfminer cannot (a bullet drawn from a font without a Unicode map comes out as
    ``(cid:127)`` and is dropped), which shifts the offsets of later text by a character.
    Everything else (names, ids, issuer, status, dates, URLs, verification, page, section)
    must be equal.
    """
    creds = json.loads(profile_json)["credentials"]
    for c in creds:
        for e in c["evidence"]:
            for key in ("start", "end", "snippet"):
                e.pop(key, None)
    return creds


def _fallbacks(files: list[Path]) -> int:
    """PDFs the fast path handed to pdfplumber (scans, attachments): its numbers do not cover them."""
    from parser.limits import Limits
    from parser.readers import pdf_fast

    n = 0
    for f in files:
        if f.suffix == ".pdf":
            try:
                pdf_fast._read(f.read_bytes(), Limits())
            except Exception:
                n += 1
    return n


def _sum_by(files: list[Path], seconds: dict[Path, float], suffix: str) -> float:
    return sum(seconds[f] for f in files if f.suffix == suffix)


def measure(files: list[Path], workers: int, startup_runs: int) -> dict[str, Any]:
    """Run every measurement on ``files``; returns the results as plain data."""
    from parser import CredentialParser
    from parser.readers.pdf import read_pdf
    from parser.readers.pdf_fast import read_pdf_fast

    cp = CredentialParser(as_of=AS_OF)
    for f in files[: min(len(files), 20)]:  # warm-up: lazy imports and first-call caches
        cp.parse(str(f))
    res: dict[str, Any] = {"files": len(files), "by_format": {}, "cpus": os.cpu_count()}
    for suffix in FORMATS:
        res["by_format"][suffix] = sum(1 for f in files if f.suffix == suffix)

    # Every measurement of one file runs back to back (the real path, the staged run with each
    # PDF reader, the baselines of its format), so a noisy neighbour skews them all alike.
    # the pdfplumber reader beside PDFium (the default), each through the same stages
    staged, fast = StagedParser(cp, read_pdf), StagedParser(cp, read_pdf_fast)
    stage_sum = dict.fromkeys(STAGES, 0.0)
    stage_fast = dict.fromkeys(STAGES, 0.0)
    real: dict[Path, float] = {}
    total_fast: dict[Path, float] = {}
    base = dict.fromkeys(BASELINES, 0.0)
    same = differ = 0
    read_by_format: dict[str, float] = {}
    for f in files:
        real[f] = timed_parse(cp, f)  # the real path: CredentialParser.parse + model_dump_json
        times, out = staged.run(f)
        for k, v in times.items():
            stage_sum[k] += v
        read_by_format[f.suffix] = read_by_format.get(f.suffix, 0.0) + times["read"]
        if f.suffix == ".pdf":
            times_fast, out_fast = fast.run(f)
            if comparable(out) == comparable(out_fast):
                same += 1
            else:
                differ += 1
        else:
            times_fast = times
        total_fast[f] = sum(times_fast.values())
        for k, v in times_fast.items():
            stage_fast[k] += v
        data = f.read_bytes()
        for name, (suffix, fn) in BASELINES.items():
            if f.suffix == suffix:
                t = time.perf_counter()
                fn(data)
                base[name] += time.perf_counter() - t
    lat = list(real.values())
    res["one_core"] = {
        "per_s": len(files) / sum(lat),
        "p50_ms": 1000 * percentile(lat, 50),
        "p95_ms": 1000 * percentile(lat, 95),
        "p50_pdf_ms": 1000 * percentile([real[f] for f in files if f.suffix == ".pdf"], 50),
        "p50_docx_ms": 1000 * percentile([real[f] for f in files if f.suffix == ".docx"], 50),
    }
    res["stages_ms_per_doc"] = {k: 1000 * v / len(files) for k, v in stage_sum.items()}
    res["stages_fast_ms_per_doc"] = {k: 1000 * v / len(files) for k, v in stage_fast.items()}
    res["read_ms_per_doc_by_format"] = {
        k: 1000 * v / res["by_format"][k] for k, v in read_by_format.items() if res["by_format"][k]
    }
    res["fast_path_same_credentials"] = {"same": same, "different": differ, "fallbacks": _fallbacks(files)}

    res["baselines_ms_per_doc"] = {
        name: 1000 * base[name] / max(1, res["by_format"][BASELINES[name][0]]) for name in base
    }
    pdf_real = _sum_by(files, real, ".pdf")
    pdf_fast = _sum_by(files, total_fast, ".pdf")
    plumber, floor = base["pdfplumber text+links"], base["pypdfium2 text (floor)"]
    words = base["pdfplumber words+links"]
    res["ratios"] = {
        "pdf_vs_pdfplumber": pdf_real / plumber if plumber else None,
        "pdf_fast_vs_pdfplumber": pdf_fast / plumber if plumber else None,
        "pdf_vs_pdfplumber_words": pdf_real / words if words else None,
        "pdf_vs_pdfium_floor": pdf_real / floor if floor else None,
        "pdf_fast_vs_pdfium_floor": pdf_fast / floor if floor else None,
        "docx_vs_python_docx": (
            _sum_by(files, real, ".docx") / base["python-docx walk"] if base["python-docx walk"] else None
        ),
    }

    # all cores, forked from this parser (as scan and serve run)
    res["parent_rss_mb"] = own_peak_rss_mb()
    res["all_cores"] = pool_run(cp, files, workers)
    res["all_cores"]["per_s_one_core"] = res["one_core"]["per_s"]

    res["load_average_after"] = os.getloadavg()  # other processes on the machine skew every number
    if startup_runs:
        sample = ROOT / "samples" / "linkedin_one_column.pdf"
        res["cold_start"] = cold_start(sample if sample.is_file() else files[0], startup_runs)
        res["startup_parts_s"] = startup_parts(startup_runs)
    return res


def _fmt(v: float | None, unit: str = "", nd: int = 2) -> str:
    return "n/a" if v is None else f"{v:.{nd}f}{unit}"


def report(res: dict[str, Any]) -> str:
    """The human-readable summary (what the README's Performance section quotes)."""
    out = []
    bf = res["by_format"]
    out.append(f"files: {res['files']} ({', '.join(f'{k[1:]} {v}' for k, v in bf.items() if v)})")
    out.append(
        f"machine: {res['cpus']} CPU(s), load average after the timed runs "
        f"{', '.join(f'{x:.2f}' for x in res['load_average_after'])}"
    )
    out.append("\nper-stage time, ms per document (pdfplumber reader | PDFium reader, the default)")
    for k in STAGES:
        out.append(f"  {k:<11} {res['stages_ms_per_doc'][k]:8.2f} | {res['stages_fast_ms_per_doc'][k]:8.2f}")
    out.append(
        f"  {'total':<11} {sum(res['stages_ms_per_doc'].values()):8.2f} | "
        f"{sum(res['stages_fast_ms_per_doc'].values()):8.2f}"
    )
    out.append(
        "  read, by format (configured reader): "
        + ", ".join(f"{k[1:]} {v:.1f} ms" for k, v in res["read_ms_per_doc_by_format"].items())
    )
    one, allc = res["one_core"], res["all_cores"]
    out.append(
        f"\nthroughput: {one['per_s']:.1f} résumés/s on one core, {allc['per_s']:.1f} résumés/s on "
        f"{allc['workers']} worker(s)"
    )
    out.append(
        f"  workers used {allc['cpu_s']:.1f} CPU-s: {allc['per_cpu_s']:.1f} résumés per CPU-second, so "
        f"{allc['per_cpu_s'] * allc['workers']:.1f}/s on {allc['workers']} idle cores"
    )
    out.append(
        f"latency per document: p50 {one['p50_ms']:.1f} ms, p95 {one['p95_ms']:.1f} ms "
        f"(PDF p50 {one['p50_pdf_ms']:.1f} ms, DOCX p50 {one['p50_docx_ms']:.1f} ms)"
    )
    out.append(
        f"peak RSS per worker: {allc['peak_rss_mb']:.0f} MB (parent with parser built: {res['parent_rss_mb']:.0f} MB)"
    )
    out.append("\nbaselines, ms per document of their format")
    for name, v in res["baselines_ms_per_doc"].items():
        out.append(f"  {name:<24} {v:8.2f}")
    r = res["ratios"]
    fp = res["fast_path_same_credentials"]
    out.append("\nratios (end-to-end / baseline on the same files)")
    out.append(f"  PDF vs pdfplumber text+links : {_fmt(r['pdf_vs_pdfplumber'], '×')} (target ≤ 0.5×)")
    out.append(f"  PDFium stages vs pdfplumber  : {_fmt(r['pdf_fast_vs_pdfplumber'], '×')}")
    out.append(f"  PDF vs pdfplumber words+links: {_fmt(r['pdf_vs_pdfplumber_words'], '×')}")
    out.append(f"  PDF vs pypdfium2 floor       : {_fmt(r['pdf_vs_pdfium_floor'], '×')} (moonshot ≤ 5×)")
    out.append(f"  PDFium stages vs floor       : {_fmt(r['pdf_fast_vs_pdfium_floor'], '×')}")
    out.append(f"  DOCX vs python-docx walk     : {_fmt(r['docx_vs_python_docx'], '×')}")
    out.append(
        f"  PDFium = pdfplumber reader   : {fp['same']} of {fp['same'] + fp['different']} PDFs "
        f"({fp['fallbacks']} handed to pdfplumber: no text layer, attachments)"
    )
    if "cold_start" in res:
        cs, parts = res["cold_start"], res["startup_parts_s"]
        out.append(
            f"\ncold start `credparse parse FILE`: median {cs['median_s']:.2f} s, best {cs['best_s']:.2f} s "
            f"over {cs['runs']} run(s) (target ≤ 1.0 s)"
        )
        for label, d in (("warm cache", parts["warm_cache"]), ("empty cache", parts["empty_cache"])):
            out.append(
                f"  start-up parts, {label}: " + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in d.items())
            )
        w = parts["warm_cache"]
        out.append(
            f"  catalog load + matcher (from cache): {1000 * (w['catalog_load'] + w['matcher_only']):.0f} ms "
            f"(target < 300 ms); with spaCy's blank pipeline: {1000 * (w['catalog_load'] + w['nlp_and_matcher']):.0f} ms"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="CI size: 12 generated résumés, one start-up run")
    ap.add_argument("--count", type=int, default=None, help="generated résumés (default 200; quick 12)")
    ap.add_argument(
        "--corpus", type=Path, help="keep the generated corpus in this folder (default: temporary)"
    )
    ap.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="processes for the all-cores run"
    )
    ap.add_argument("--no-startup", action="store_true", help="skip the cold-start subprocesses")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    count = args.count if args.count is not None else (12 if args.quick else 200)
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in FORMATS)
    with tempfile.TemporaryDirectory(prefix="credparse-bench-") as tmp:
        folder = args.corpus or Path(tmp)
        started = time.perf_counter()
        corpus = generate(folder, count)
        print(f"generated {len(corpus)} résumés in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        runs = 0 if args.no_startup else (1 if args.quick else 3)
        res = measure(samples + corpus, max(1, args.workers), runs)
    res["targets"] = TARGETS
    print(report(res))
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
