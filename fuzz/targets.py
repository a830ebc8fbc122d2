"""One fuzz target per reader: bytes in, a Document or a DocumentError out, anything else is a bug.

The readers are called directly (not through the engine, which turns every exception into an
``internal_error`` record and would hide the bug the fuzzer is looking for).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from parser import sniff
from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers import reader_for

LIMITS = Limits(max_pages=5, max_chars=200_000)
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
#: Public badge files (PNG, SVG, JSON, JWT) kept with the tests (tests/fixtures/badges/SOURCES.md).
BADGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "badges"
AS_OF = date(2026, 11, 25)

MEDIA = {
    "pdf": sniff.PDF,
    "docx": sniff.DOCX,
    "text": sniff.TEXT,
    "markdown": sniff.MARKDOWN,
    "jsonresume": sniff.JSON_RESUME,
    "badge": sniff.BADGE_PNG,
}
SEEDS = {
    "pdf": ["*.pdf"],
    "docx": ["*.docx"],
    "text": ["*.txt"],
    "markdown": ["*.md"],
    "jsonresume": ["*.json"],
    "badge": [],
}


def target(name: str) -> Callable[[bytes], None]:
    """The fuzz function for reader ``name``."""
    # pdfminer logs a warning for nearly every mutated file; at a million executions that is
    # gigabytes of noise around the one line that matters.
    logging.disable(logging.WARNING)
    if name == "badge":
        return _badge_target()
    reader = reader_for(MEDIA[name])
    assert reader is not None

    def run(data: bytes) -> None:
        try:
            reader(data, LIMITS)
        except DocumentError:
            return

    return run


def _badge_target() -> Callable[[bytes], None]:
    """Badge bytes → payloads → offline verification against the catalog → JSON, as the engine
    and its writers do (a string no writer can encode is a bug too)."""
    from parser.badges import badge_credentials, find_badges
    from parser.catalog.store import load_catalog

    catalog = load_catalog()

    def run(data: bytes) -> None:
        for credential in badge_credentials(find_badges(data, "badge"), as_of=AS_OF, catalog=catalog):
            credential.model_dump_json()

    return run


def seeds(name: str, max_len: int | None = None) -> list[bytes]:
    """Real files to start from: the shipped samples of that format no longer than ``max_len``,
    and for PDF a few small generated résumés (standard fonts, one and two columns, links).

    Small seeds matter: the samples embed fonts (~46 KB each), so a fuzzer seeded with them
    spends most executions mutating font programs at ~40 executions/s; small seeds run ~4x faster
    and reach the layout code sooner.
    """
    found = [p.read_bytes() for pattern in SEEDS[name] for p in sorted(SAMPLES.glob(pattern))]
    if name == "badge":
        found += [
            p.read_bytes()
            for p in sorted(BADGES.rglob("*"))
            if p.suffix in (".png", ".svg", ".json", ".jwt") and "contexts" not in p.parts
        ]
    if name == "pdf":
        found += _small_pdfs()
    return [s for s in found if max_len is None or len(s) <= max_len]


def _small_pdfs() -> list[bytes]:
    import random

    from benchmarks.corpus import _credential_lines, make_resume, render_pdf

    rng = random.Random(9)
    examples = _credential_lines(rng)
    return [render_pdf(make_resume(rng, examples, "pdf", two, 1)) for two in (False, True)]
