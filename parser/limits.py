"""Per-document limits, so that one hostile or huge file cannot take a run down.

The first group bounds what a reader will look at (and maps to an error code or a
``truncated`` warning); the last two bound the process that parses, and are enforced by
:mod:`parser.run` from outside the parse, where a hung or runaway reader cannot ignore them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

MB = 1024 * 1024
ENV_PREFIX = "CREDPARSE_LIMIT_"


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading one input (sizes in bytes, times in seconds).

    Each is a setting: ``CREDPARSE_LIMIT_<NAME>`` in the environment (``CREDPARSE_LIMIT_MAX_PAGES=10``),
    ``--limit NAME=VALUE`` on the command line, ``Limits(...)`` in Python.
    """

    max_bytes: int = 20 * MB
    max_pages: int = 50
    max_chars: int = 2_000_000
    max_line_chars: int = 20_000
    max_zip_uncompressed: int = 200 * MB
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 5_000
    #: What one PDF stream (page content, font, attached file) may inflate to.
    max_pdf_stream_bytes: int = 64 * MB
    max_image_pixels: int = 50_000_000
    #: Pages of a scan (an image-only PDF, a multi-page TIFF) read by OCR, a few seconds each.
    max_ocr_pages: int = 10
    max_json_bytes: int = 2_000_000
    max_json_depth: int = 64
    #: Badge files arrive inside résumés from anyone (parser/badges/limits.py reads these).
    max_badge_svg_bytes: int = 5 * MB
    max_badge_jws_bytes: int = 1 * MB
    #: One PNG chunk, compressed or not; how many chunks are walked; what iTXt/zTXt text inflates to.
    max_badge_png_chunk: int = 1 * MB
    max_badge_png_chunks: int = 10_000
    max_badge_inflated: int = 2 * MB
    #: Canonicalisation (URDNA2015) is super-linear on crafted blank-node graphs: only
    #: documents of a sane size are canonicalised for a proof check.
    max_badge_canon_bytes: int = 256 * 1024
    max_badge_canon_nodes: int = 5_000
    #: Wall-clock seconds one parse may take in a child process (``timeout`` record past it).
    timeout: float = 60.0
    #: Address space a parse may add on top of the loaded pipeline (``resource_limit`` past it).
    max_memory: int = 1024 * MB

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, with every ``CREDPARSE_LIMIT_<NAME>`` variable applied."""
        env = os.environ if environ is None else environ
        given = [
            f"{f.name}={env[ENV_PREFIX + f.name.upper()]}"
            for f in fields(cls)
            if env.get(ENV_PREFIX + f.name.upper())
        ]
        return cls().with_settings(given)

    def with_settings(self, settings: Iterable[str]) -> Limits:
        """These limits with ``NAME=VALUE`` settings applied; ``ValueError`` names a bad one."""
        known = {f.name: type(getattr(self, f.name)) for f in fields(self)}
        changes: dict[str, int | float] = {}
        for item in settings:
            name, sep, raw = item.partition("=")
            name = name.strip().lower().replace("-", "_")
            if not sep or name not in known:
                raise ValueError(
                    f"unknown limit {item!r}: use NAME=VALUE with NAME one of {', '.join(known)}"
                )
            try:
                value = known[name](float(raw)) if known[name] is int else float(raw)
            except ValueError:
                raise ValueError(f"limit {name} needs a number, not {raw!r}") from None
            if value < 0:
                raise ValueError(f"limit {name} cannot be negative")
            changes[name] = value
        return replace(self, **changes)  # type: ignore[arg-type]
