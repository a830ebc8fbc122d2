"""One fuzz target per reader: bytes in, a Document or a DocumentError out, anything else is a bug.

The readers are called directly (not through the engine, which turns every exception into an
``internal_error`` record and would hide the bug the fuzzer is looking for).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from parser import sniff
from parser.errors import DocumentError
from parser.limits import Limits
from parser.readers import reader_for

LIMITS = Limits(max_pages=5, max_chars=200_000)
SAMPLES = Path(__file__).resolve().parents[1] / "samples"

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
    reader = reader_for(MEDIA[name])
    assert reader is not None

    def run(data: bytes) -> None:
        try:
            doc = reader(data, LIMITS)
        except DocumentError:
            return
        if name == "badge":
            from parser.badges import find_badges

            for att in doc.attachments:
                find_badges(att.data, att.name)

    return run


def seeds(name: str) -> list[bytes]:
    """Real files to start from (the shipped samples of that format)."""
    return [p.read_bytes() for pattern in SEEDS[name] for p in sorted(SAMPLES.glob(pattern))]
