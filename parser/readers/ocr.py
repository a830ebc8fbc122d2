"""Text of scanned pages and photographed résumés by OCR (Tesseract, through pytesseract).

OCR gives word boxes; they become pdfplumber-shaped words (``text, x0, x1, top, bottom,
size`` in points), which :func:`parser.readers.pdf.add_ocr_page` puts through the PDF reader's
own layout steps (columns, margin headings, wrapped lines), so a two-column scan is read column
by column, like a text PDF. Offline: Tesseract and its English data are the system package
(``tesseract-ocr``; ``.ci/run`` and the README's first command install it), nothing is
downloaded at run time. Bounded: callers check ``max_image_pixels`` before an image is decoded
in full, Tesseract gets a time limit per page, and at most ``max_ocr_pages`` pages are read.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from functools import cache
from typing import Any

from ..limits import Limits

#: Pages are laid out as if they were US Letter wide (612 pt), the size the layout steps'
#: gaps and tolerances are tuned for, whatever the scan's resolution.
PAGE_WIDTH_PT = 612.0
_SECONDS_PER_PAGE = 30


@cache
def available() -> bool:
    """Whether pytesseract and the tesseract program are both installed."""
    return importlib.util.find_spec("pytesseract") is not None and shutil.which("tesseract") is not None


def words(image: Any, limits: Limits) -> tuple[list[dict[str, Any]], float]:
    """The words Tesseract reads in ``image`` (a PIL image) in points, and their mean confidence
    (0–1); empty when nothing is read."""
    import pytesseract

    # One thread: Tesseract's OpenMP threads only fight the parse workers for the same cores
    # (a page took 1.3 s with them, 0.4 s without, measured here); OMP_THREAD_LIMIT overrides.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    gray = image.convert("L")
    scale = PAGE_WIDTH_PT / max(1, gray.width)
    data = pytesseract.image_to_data(
        gray, output_type=pytesseract.Output.DICT, timeout=min(_SECONDS_PER_PAGE, limits.timeout or 60)
    )
    lines: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    confidences: list[float] = []
    for i, text in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if not str(text).strip() or confidence < 0:
            continue
        confidences.append(confidence / 100)
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        left, top = data["left"][i], data["top"][i]
        lines.setdefault(key, []).append(
            {
                "text": str(text).strip(),
                "x0": left * scale,
                "x1": (left + data["width"][i]) * scale,
                "top": top * scale,
                "bottom": (top + data["height"][i]) * scale,
                "upright": True,
                "conf": confidence / 100,
            }
        )
    out: list[dict[str, Any]] = []
    for line in lines.values():
        # Tesseract's own lines: a slightly skewed scan or a dash's thin box must not split one
        # line into several for the layout steps, which group words by their tops
        top = min(w["top"] for w in line)
        bottom = max(w["bottom"] for w in line)
        for w in line:
            w.update(top=top, bottom=bottom, size=round(bottom - top, 1))
        out.extend(line)
    out.sort(key=lambda w: (round(w["top"]), w["x0"]))
    return out, (sum(confidences) / len(confidences) if confidences else 0.0)
