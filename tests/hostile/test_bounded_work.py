"""Work per document is bounded: linear tokenizing and span merging, capped PDF streams, only
the pages read visited, and the same time and memory limits for ``parse`` as for ``scan``.

Each hostile input is parsed in a forked child with an address-space cap and a wall-clock
deadline, so a regression fails the test instead of hanging the run or the machine; its CPU
time comes from ``wait4`` (the machine these run on is shared: wall time says little).
"""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from builders import slow_resume
from typer.testing import CliRunner

from parser.cli import app
from parser.errors import DocumentError
from parser.limits import Limits
from parser.nlp.mentions import Span_, catalog_spans
from parser.nlp.pipeline import MAX_RUN, tokenizable
from parser.readers import ocr, reader_for
from parser.readers import pdfminer_guard as guard
from parser.sniff import sniff

from .corpus import EXPECTED, GOOD, ROOT, SAMPLES, pdf_many_pages

CPU_BUDGET = 2.0  # seconds of CPU for any file of the hostile corpus
CREDPARSE = str(Path(sys.executable).with_name("credparse"))


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _in_child(run, timeout: float = 60.0, memory: int = 1 << 30) -> tuple[dict | None, float]:
    """``run()`` (returning a JSON-able dict) in a forked child with ``memory`` bytes of address
    space on top of what is mapped; (its result or None if it was killed or died, its CPU seconds)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        status = 1
        try:
            os.close(r)
            limit = _status_kb("VmSize") * 1024 + memory
            resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
            with os.fdopen(w, "w") as out:
                try:
                    out.write(json.dumps(run()))
                except BaseException as exc:  # noqa: BLE001 - reported to the parent
                    out.write(json.dumps({"exception": repr(exc)}))
            status = 0
        finally:
            os._exit(status)
    os.close(w)
    deadline = time.monotonic() + timeout
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            break
        time.sleep(0.02)
    with os.fdopen(r) as fh:
        text = fh.read()
    return (json.loads(text) if text else None), usage.ru_utime + usage.ru_stime


def _parse_in_child(cp, path: Path, timeout: float = 60.0) -> tuple[dict | None, float]:
    def run() -> dict:
        p = cp.parse(path)
        return {
            "code": p.error.code if p.error else None,
            "message": p.error.message if p.error else "",
            "warnings": [[w.code, w.message] for w in p.warnings],
            "pages": p.source.pages,
            "credentials": [c.name for c in p.credentials],
        }

    return _in_child(run, timeout)


# -- every corpus file within a CPU budget ---------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_corpus_file_parses_within_two_seconds_of_cpu(cp, corpus, name):
    folder, expected = corpus
    result, cpu = _parse_in_child(cp, folder / name)
    assert result is not None, f"{name}: killed after 60 s or out of memory ({cpu:.1f} s of CPU)"
    assert "exception" not in result, result
    assert result["code"] in expected[name], f"{name}: {result}"
    assert cpu < CPU_BUDGET, f"{name}: {cpu:.2f} s of CPU"


# -- 1. spaCy's tokenizer and the span merge ----------------------------------------------


def test_tokenizer_input_keeps_every_offset_and_bounds_runs():
    text = "Lee Chan\n" + "(" * 20_000 + "\nCISSP, 2020 " + "[" * 250 + " https://x.org/" + "a" * 300
    bounded = tokenizable(text)
    assert len(bounded) == len(text)
    assert all(b == a or b == " " for a, b in zip(text, bounded))
    assert max(len(run) for run in bounded.split()) <= MAX_RUN
    assert tokenizable(bounded) == bounded
    assert bounded.startswith("Lee Chan\n") and "\nCISSP, 2020 " in bounded
    # a long run is broken after punctuation where it can be, so words stay whole
    assert tokenizable("CISSP," * 40) == ("CISSP," * 15 + "CISSP ") * 2 + "CISSP," * 8


def test_tokenizer_is_linear_on_long_runs(cp):
    text = "(" * 200_000 + " " + "US$" * 20_000 + " " + "a's" * 20_000

    def run() -> dict:
        return {"same": cp.nlp(text).text == tokenizable(text)}

    result, cpu = _in_child(run)
    assert result == {"same": True}
    assert cpu < 2.0, f"{cpu:.1f} s of CPU"  # was hours: 20 KB of "(" alone took 42 s


def test_text_of_over_a_million_characters_is_parsed(cp):
    """spaCy refuses more than 1,000,000 characters (E088, a guard for parser and NER models this
    pipeline does not have) while ``max_chars`` allows 2,000,000: such a résumé was an internal_error."""
    data = ("Lee Chan\nCISSP, 2020\n" + ("-" * 19_990 + "\n") * 53).encode()
    assert len(data) > 1_000_000
    profile = cp.parse(data, filename="long.txt")
    assert profile.error is None
    assert [c.catalog_id for c in profile.credentials] == ["isc2/cissp"]


def _pairwise_merge(nlp_doc) -> list[Span_]:
    """catalog_spans as it was: every span against every kept span (the reference)."""
    merged: dict[tuple[int, int, str], Span_] = {}
    for span in nlp_doc.spans.get("catalog", []):
        key = (span.start_char, span.end_char, span.label_)
        hit = merged.setdefault(key, Span_(span.start_char, span.end_char, span.label_, [], span.kb_id_))
        if span.id_ not in hit.ids:
            hit.ids.append(span.id_)
        if span.kb_id_ == "norm":
            hit.how = "norm"
    spans = sorted(merged.values(), key=lambda s: (s.start, -(s.end - s.start), s.label != "CREDENTIAL"))
    kept: list[Span_] = []
    for s in spans:
        if any(
            k.start <= s.start
            and s.end <= k.end
            and (k.label == "CREDENTIAL" or s.label == "ISSUER")
            and (k.end - k.start) > (s.end - s.start)
            for k in kept
        ):
            continue
        if any(k.start < s.end and s.start < k.end and k.label == s.label for k in kept):
            continue
        kept.append(s)
    return kept


def _as_tuples(spans: list[Span_]) -> list[tuple]:
    return [(s.start, s.end, s.label, list(s.ids), s.how) for s in spans]


def test_catalog_span_sweep_keeps_exactly_what_the_pairwise_merge_kept():
    rnd = random.Random(20261125)
    for _ in range(3000):
        spans = []
        for _ in range(rnd.randint(0, 40)):
            start = rnd.randint(0, 60)
            spans.append(
                SimpleNamespace(
                    start_char=start,
                    end_char=start + rnd.randint(1, 15),
                    label_=rnd.choice(["CREDENTIAL", "ISSUER"]),
                    id_=rnd.choice(["a", "b", "c"]),
                    kb_id_=rnd.choice(["norm", "case"]),
                )
            )
        doc = SimpleNamespace(spans={"catalog": spans})
        assert _as_tuples(catalog_spans(doc)) == _as_tuples(_pairwise_merge(doc))


def test_catalog_span_merge_is_near_linear():
    spans = [
        SimpleNamespace(start_char=4 * i, end_char=4 * i + 3, label_=label, id_="aws", kb_id_="case")
        for i in range(25_000)
        for label in ("CREDENTIAL", "ISSUER")
    ]
    result, cpu = _in_child(lambda: {"kept": len(catalog_spans(SimpleNamespace(spans={"catalog": spans})))})
    assert result == {"kept": 50_000}
    assert cpu < 1.0, f"{cpu:.1f} s of CPU"  # the pairwise merge: minutes


def _documents():
    """Every résumé in samples/ and tests/data/, read."""
    not_resumes = {"README.md", "truth.json", "make_testdata.py", "render.py"}
    for folder in (SAMPLES, ROOT / "tests" / "data"):
        for path in sorted(folder.iterdir()):
            if path.name in not_resumes or not path.is_file():
                continue
            data = path.read_bytes()
            yield path, reader_for(sniff(data, path.name))(data, Limits())  # type: ignore[arg-type,misc]


def test_samples_and_test_resumes_reach_spacy_unchanged_and_merge_as_before(cp):
    seen = 0
    for path, doc in _documents():
        assert tokenizable(doc.text) == doc.text, path.name
        nlp_doc = cp.nlp(doc.text)
        assert nlp_doc.text == doc.text, path.name
        assert _as_tuples(catalog_spans(nlp_doc)) == _as_tuples(_pairwise_merge(nlp_doc)), path.name
        seen += 1
    assert seen >= 35


# -- 2. PDF streams inflate under max_pdf_stream_bytes -------------------------------------


@pytest.mark.parametrize("reader", ["pdfplumber", "pdfium"])
@pytest.mark.parametrize("name", ["pdf_stream_bomb.pdf", "pdf_attachment_bomb.pdf"])
def test_pdf_stream_bombs_are_resource_limit_naming_the_limit(cp, corpus, monkeypatch, reader, name):
    monkeypatch.setenv("CREDPARSE_PDF_READER", reader)
    folder, _ = corpus
    result, cpu = _parse_in_child(cp, folder / name)
    assert result is not None, f"killed after 60 s or out of memory ({cpu:.1f} s of CPU)"
    assert result["code"] == "resource_limit", result
    assert "max_pdf_stream_bytes" in result["message"]
    assert cpu < CPU_BUDGET


def test_pdf_stream_cap_is_a_setting(cp, monkeypatch):
    pdf = (SAMPLES / "linkedin_one_column.pdf").read_bytes()
    assert cp.parse(pdf, filename="cv.pdf").error is None
    read = reader_for(sniff(pdf, "cv.pdf"))
    for reader in ("pdfplumber", "pdfium"):
        monkeypatch.setenv("CREDPARSE_PDF_READER", reader)
        limits = Limits.from_env({"CREDPARSE_LIMIT_MAX_PDF_STREAM_BYTES": "1000"})
        assert limits.max_pdf_stream_bytes == 1000
        with pytest.raises(DocumentError) as info:
            read(pdf, limits)
        assert info.value.code == "resource_limit", reader
        assert "max_pdf_stream_bytes" in info.value.message
    result = CliRunner().invoke(
        app, ["parse", str(SAMPLES / "linkedin_one_column.pdf"), "--limit", "max_pdf_stream_bytes=1000"]
    )
    assert json.loads(result.stdout)["error"]["code"] == "resource_limit"


def _outcome(decode, *args):
    try:
        return decode(*args)
    except Exception as exc:  # noqa: BLE001 - the same failure is part of the same behaviour
        return type(exc).__name__


def test_guarded_decoders_give_what_pdfminer_gives():
    from pdfminer.ccitt import ccittfaxdecode
    from pdfminer.lzw import lzwdecode
    from pdfminer.runlength import rldecode

    guard.install()
    original_corrupted = guard.ORIGINALS["decompress_corrupted"]
    rnd = random.Random(7)
    with guard.stream_limit(1 << 20):
        for _ in range(200):
            raw = bytes(rnd.choice(b"BT ET q Q 0 1 Tj ()") for _ in range(rnd.randint(0, 3000)))
            packed = zlib.compress(raw)
            assert guard.bounded_inflate(packed) == zlib.decompress(packed) == raw
            damaged = bytearray(packed)
            damaged[rnd.randrange(len(damaged))] ^= 1 << rnd.randrange(8)
            cut = bytes(damaged[: rnd.randint(1, len(damaged))])
            for broken in (bytes(damaged), cut):
                try:
                    expected = original_corrupted(broken)
                except zlib.error:
                    with pytest.raises(zlib.error):
                        guard.bounded_decompress_corrupted(broken)
                else:
                    assert guard.bounded_decompress_corrupted(broken) == expected
            runs = bytearray()
            for _ in range(rnd.randint(0, 30)):
                n = rnd.randint(0, 127)
                runs += bytes([n]) + bytes(rnd.randrange(256) for _ in range(n + 1))
                runs += bytes([rnd.randint(129, 255), rnd.randrange(256)])
            assert guard.bounded_rldecode(bytes(runs) + b"\x80") == rldecode(bytes(runs) + b"\x80")
        for _ in range(100):
            fax = rnd.randbytes(rnd.randint(0, 200))
            params = {"K": -1, "Columns": rnd.choice([8, 100, 1728]), "BlackIs1": rnd.choice([True, None])}
            assert _outcome(guard.bounded_ccittfaxdecode, fax, params) == _outcome(
                ccittfaxdecode, fax, params
            )
        lzw = b"\x80\x0b\x60\x50\x22\x0c\x0c\x85\x01"  # the LZWDecode example of the PDF reference
        assert guard.bounded_lzwdecode(lzw) == lzwdecode(lzw) == b"\x2d\x2d\x2d\x2d\x2d\x41\x2d\x2d\x2d\x42"
    with guard.stream_limit(1000):
        with pytest.raises(guard.StreamTooLarge):
            guard.bounded_inflate(zlib.compress(b"\0" * 1001))
        with pytest.raises(guard.StreamTooLarge):
            guard.bounded_decompress_corrupted(zlib.compress(b"\0" * 5000)[:-2])
        with pytest.raises(guard.StreamTooLarge):
            guard.bounded_rldecode(b"\x81\x00" * 20)
        with pytest.raises(guard.StreamTooLarge):
            guard.bounded_ccittfaxdecode(b"\0" * 10, {"K": -1, "Columns": 1000})  # a row of 8 KB to decode
        assert guard.bounded_inflate(zlib.compress(b"\0" * 1000)) == b"\0" * 1000


# -- 4. only the pages read are visited ----------------------------------------------------


@pytest.mark.parametrize("reader", ["pdfplumber", "pdfium"])
def test_50000_page_pdf_is_read_in_seconds_with_a_truncated_warning(cp, corpus, monkeypatch, reader):
    monkeypatch.setenv("CREDPARSE_PDF_READER", reader)
    folder, _ = corpus
    result, cpu = _parse_in_child(cp, folder / "pages_50000.pdf")
    assert result is not None, f"killed after 60 s ({cpu:.1f} s of CPU)"
    assert cpu < 3.0  # was 11 s of CPU (28 s on an idle machine) before a page was read
    assert result["pages"] == 50
    assert ["truncated", "only the first 50 of 50000 pages were read"] in result["warnings"]


def test_truncated_warning_counts_pages_from_the_page_tree():
    from parser.readers.pdf import read_pdf

    data = pdf_many_pages(200)
    doc = read_pdf(data, Limits(max_pages=3))
    assert doc.pages == 3
    assert doc.warnings == [("truncated", "only the first 3 of 200 pages were read")]
    assert read_pdf(data, Limits(max_pages=200)).warnings == []
    lying = data.replace(b"/Count 200", b"/Count 7  ")  # the declared count only feeds the message
    assert read_pdf(lying, Limits(max_pages=10)).warnings == [
        ("truncated", "only the first 10 pages were read")
    ]


# -- 3. `credparse parse` and the library under the time and memory limits -----------------


def test_cli_parse_has_the_time_limit_of_scan(tmp_path):
    slow = tmp_path / "slow.txt"
    slow.write_bytes(slow_resume())
    runner = CliRunner()
    started = time.monotonic()
    result = runner.invoke(app, ["parse", str(slow), "--limit", "timeout=0.2"])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)
    assert profile["error"]["code"] == "timeout"
    assert profile["source"]["file"] == str(slow)
    explained = runner.invoke(app, ["parse", str(slow), "--limit", "timeout=0.2", "--explain"])
    assert explained.stdout.startswith("timeout: ")
    assert time.monotonic() - started < 30


@pytest.mark.skipif(not ocr.available(), reason="tesseract is not installed")
def test_cli_parse_reads_in_a_child_of_its_own_under_the_same_time_limit(tmp_path):
    """``credparse parse`` reads the file while the parser loads (``run/prefetch.py``): a read
    that runs past the limit (OCR of a photographed page) is a timeout record, and soon."""
    photo = Path(__file__).resolve().parents[2] / "samples" / "phone_photo.jpg"
    started = time.monotonic()
    result = CliRunner().invoke(app, ["parse", str(photo), "--limit", "timeout=0.05"])
    assert result.exit_code == 0, result.output
    profile = json.loads(result.stdout)
    assert profile["error"]["code"] == "timeout" and profile["source"]["sha256"]
    assert time.monotonic() - started < 20
    whole = CliRunner().invoke(app, ["parse", str(photo)])  # the same file, read in time
    assert json.loads(whole.stdout)["error"] is None and json.loads(whole.stdout)["source"]["ocr"]


def test_cli_parse_explain_still_explains_from_its_child(tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(GOOD)
    result = CliRunner().invoke(app, ["parse", str(cv), "--explain", "--as-of", "2026-11-25"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("KEEP ")
    assert "Certified Information Systems Security Professional" in result.stdout


def test_cli_parse_has_the_memory_limit_of_scan(tmp_path):
    # A fresh process (the cap is headroom over what is mapped: see test_corpus).
    big = tmp_path / "big.txt"
    big.write_bytes(b"CISSP " * (18 * 1024 * 1024 // 6))
    done = subprocess.run(
        [CREDPARSE, "parse", str(big), "--limit", f"max_memory={16 << 20}", "--limit", "timeout=60"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["error"]["code"] == "resource_limit"


def test_library_parse_isolated_applies_the_limits(cp):
    from parser import CredentialParser

    quick = CredentialParser(as_of="2026-11-25", limits=Limits(timeout=0.2))
    slow = slow_resume()
    profile = quick.parse_isolated(slow, filename="dir/slow.txt")
    assert profile.error is not None and profile.error.code == "timeout"
    assert profile.source.file == "slow.txt"
    good = cp.parse_isolated(GOOD.encode(), filename="cv.txt")
    same = cp.parse(GOOD.encode(), filename="cv.txt")
    assert good.model_dump(exclude={"parser"}) == same.model_dump(exclude={"parser"})
