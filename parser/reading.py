"""How a file was read, in the words a summary, a report card and an export use.

A profile with no credentials means two different things: a clean résumé that lists none, or
a file whose text could not be read (an image-only scan). A recruiter must not mistake the
second for the first, so every outcome is counted and shown apart. Works on a profile or on
its JSON dict, so a report rebuilt from ``results.jsonl`` says the same as the scan did.
"""

from __future__ import annotations

from typing import Any, Literal

Reading = Literal["ok", "ocr", "scanned", "error"]

#: What each outcome is called on screen, in the report's tiles and on a card.
WORDS: dict[str, str] = {
    "ok": "read",
    "ocr": "read by OCR",
    "scanned": "no text layer: scanned?",
    "error": "unreadable",
}

#: Warning codes: a page without a text layer, the whole file without text, text from OCR.
NO_TEXT_LAYER, NO_TEXT, OCR = "no_text_layer", "no_text", "ocr"


def warning_codes(profile: Any) -> set[str]:
    """The warning codes of a profile or of its JSON dict."""
    warnings = profile.get("warnings") if isinstance(profile, dict) else profile.warnings
    return {w["code"] if isinstance(w, dict) else w.code for w in warnings or []}


def reading(profile: Any) -> Reading:
    """``error`` (not read), ``scanned`` (no text at all, pages without a text layer),
    ``ocr`` (some text came from OCR) or ``ok``."""
    error = profile.get("error") if isinstance(profile, dict) else profile.error
    if error:
        return "error"
    codes = warning_codes(profile)
    if NO_TEXT in codes:
        return "scanned"
    if OCR in codes:
        return "ocr"
    return "ok"
