"""The benchmark tells the truth: its staged run is the real pipeline, its fast PDF path gives
the same credentials as the pdfplumber path, and ``python -m benchmarks --quick`` runs."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.__main__ import comparable  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from benchmarks.stages import STAGES, StagedParser  # noqa: E402
from parser.errors import DocumentError  # noqa: E402
from parser.limits import Limits  # noqa: E402
from parser.readers import pdf_fast  # noqa: E402
from parser.readers.pdf import read_pdf  # noqa: E402
from parser.readers.pdf_fast import read_pdf_fast  # noqa: E402

SAMPLES = sorted(
    p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".docx", ".txt", ".md", ".json")
)
PDFS = sorted((ROOT / "samples").glob("*.pdf")) + sorted((ROOT / "tests" / "data").glob("*.pdf"))


def _without_elapsed(profile_json: str) -> dict:
    d = json.loads(profile_json)
    d["parser"].pop("elapsed_ms")
    return d


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_staged_run_is_the_real_pipeline(cp, path):
    times, out = StagedParser(cp).run(path)
    assert set(times) == set(STAGES) and all(t >= 0 for t in times.values())
    assert _without_elapsed(out) == _without_elapsed(cp.parse(str(path)).model_dump_json())


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_fast_pdf_path_gives_the_same_credentials(cp, path):
    if path.name != "scanned_image_only.pdf":  # PDFium reads it itself, no fallback hides a bug
        pdf_fast._read(path.read_bytes(), Limits())
    default, fast = StagedParser(cp, read_pdf), StagedParser(cp, read_pdf_fast)
    a, b = json.loads(default.run(path)[1]), json.loads(fast.run(path)[1])
    assert comparable(json.dumps(a)) == comparable(json.dumps(b))
    assert a["candidate"] == b["candidate"] and a["warnings"] == b["warnings"]
    assert a["source"] == b["source"]


def test_fast_path_reads_text_pdfs_itself_and_hands_scans_to_pdfplumber():
    text_pdf = (ROOT / "samples" / "linkedin_two_column.pdf").read_bytes()
    doc = pdf_fast._read(text_pdf, Limits())  # no fallback: PDFium did the reading
    assert any(link.url.startswith("https://") for link in doc.links)
    scanned = (ROOT / "samples" / "scanned_image_only.pdf").read_bytes()
    with pytest.raises(pdf_fast._Fallback):
        pdf_fast._read(scanned, Limits())
    codes = {code for code, _ in read_pdf_fast(scanned, Limits()).warnings}
    assert codes & {"ocr", "no_text_layer"}  # read by OCR where Tesseract is installed


def test_fast_path_keeps_the_error_codes_of_the_full_reader():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    buf = io.BytesIO()
    writer.write(buf)
    with pytest.raises(DocumentError) as err:
        read_pdf_fast(buf.getvalue(), Limits())
    assert err.value.code == "encrypted"
    with pytest.raises(DocumentError) as err:
        read_pdf_fast(b"%PDF-1.7\n garbage", Limits())
    assert err.value.code == "corrupt"


def test_the_reader_is_a_setting_and_pdfium_the_default(monkeypatch):
    monkeypatch.delenv(pdf_fast.ENV_READER, raising=False)
    assert pdf_fast.selected()
    monkeypatch.setenv(pdf_fast.ENV_READER, "pdfplumber")
    assert not pdf_fast.selected()
    monkeypatch.setenv(pdf_fast.ENV_READER, "pdfium")
    assert pdf_fast.selected()


def test_corpus_has_both_formats_layouts_and_page_counts(cp, tmp_path):
    paths = generate(tmp_path, 12)
    assert {p.suffix for p in paths} == {".pdf", ".docx"}
    assert {"1col", "2col"} <= {p.stem.split("_")[1] for p in paths}
    profiles = [cp.parse(str(p)) for p in paths]
    assert all(p.error is None and p.credentials for p in profiles)
    assert {p.source.pages for p in profiles if p.source.pages} >= {1, 2}


def test_quick_benchmark_runs(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "résumés/s on one core" in proc.stdout and "cold start" in proc.stdout
    res = json.loads(out.read_text())
    assert res["files"] >= len(SAMPLES) + 12
    assert res["one_core"]["per_s"] > 0 and res["all_cores"]["per_s"] > 0
    assert res["one_core"]["p95_ms"] >= res["one_core"]["p50_ms"] > 0
    assert res["fast_path_same_credentials"]["different"] == 0
    assert all(v is not None and v > 0 for v in res["ratios"].values())
    assert res["cold_start"]["median_s"] > 0 and res["all_cores"]["peak_rss_mb"] > 0
