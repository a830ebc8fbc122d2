"""OCR on generated scans: ``python -m benchmarks.ocr [--count 20] [--dpi 200]``.

Every generated PDF résumé (``benchmarks/corpus.py``) is rendered to images the way a copier
or a phone hands it over — ``--dpi`` (200 by default, also try 150 and 300), turned 0.7°,
blurred and JPEG-compressed — and parsed twice: the text-layer PDF and its scan. It prints
word accuracy (the scan's words found in the text layer's), credential F1 of the scan against
the text layer's credentials (target ≥ 0.90), and seconds per scanned page (target ≤ 5 s on
one core). Tesseract must be installed (``apt-get install tesseract-ocr``).
"""

from __future__ import annotations

import argparse
import io
import re
import tempfile
import time
from pathlib import Path

from parser import CredentialParser
from parser.readers import ocr

from .corpus import generate


def scan(pdf: Path, dpi: int) -> list[bytes]:
    """Each page of ``pdf`` as a noisy JPEG at ``dpi``."""
    import pypdfium2 as pdfium
    from PIL import ImageFilter

    out = []
    doc = pdfium.PdfDocument(pdf.read_bytes())
    for page in doc:
        img = page.render(scale=dpi / 72).to_pil().convert("L")
        img = img.rotate(0.7, fillcolor=255).filter(ImageFilter.GaussianBlur(0.5))
        buf = io.BytesIO()
        img.convert("RGB").save(buf, "JPEG", quality=70)
        out.append(buf.getvalue())
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9+#.-]{2,}", text)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--count", type=int, default=20, help="résumés (PDFs of the corpus)")
    ap.add_argument("--dpi", type=int, default=200)
    args = ap.parse_args()
    if not ocr.available():
        raise SystemExit("tesseract is not installed: apt-get install tesseract-ocr")
    cp = CredentialParser(as_of="2026-11-25")
    tp = fp = fn = pages = 0
    seconds = word_hits = word_total = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = [p for p in generate(Path(tmp), args.count * 2) if p.suffix == ".pdf"][: args.count]
        for pdf in pdfs:
            truth = {c.catalog_id or c.name for c in cp.parse(str(pdf)).credentials}
            text_words = _words(" ".join(ln.text for ln in _doc(pdf).lines))
            images = scan(pdf, args.dpi)
            found: set[str] = set()
            scanned_words: set[str] = set()
            for n, image in enumerate(images, start=1):
                started = time.perf_counter()
                profile = cp.parse(image, filename=f"{pdf.stem}-{n}.jpg")
                seconds += time.perf_counter() - started
                found |= {c.catalog_id or c.name for c in profile.credentials}
                scanned_words |= _words(_ocr_text(image))
            pages += len(images)
            tp, fp, fn = tp + len(found & truth), fp + len(found - truth), fn + len(truth - found)
            word_hits += len(text_words & scanned_words)
            word_total += len(text_words)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(pdfs)} résumés, {pages} pages scanned at {args.dpi} dpi (turned 0.7°, blurred, JPEG q70)")
    print(f"word accuracy (text-layer words read by OCR): {word_hits / max(1, word_total):.3f}")
    print(
        f"credentials, scan vs text layer: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} (target ≥ 0.90)"
    )
    print(f"seconds per scanned page, end to end on one core: {seconds / max(1, pages):.2f} (target ≤ 5)")


def _doc(pdf: Path):
    from parser.limits import Limits
    from parser.readers import reader_for

    return reader_for("application/pdf")(pdf.read_bytes(), Limits())  # type: ignore[misc]


def _ocr_text(image: bytes) -> str:
    from parser.limits import Limits
    from parser.readers import reader_for

    return reader_for("image/jpeg")(image, Limits()).text  # type: ignore[misc]


if __name__ == "__main__":
    main()
