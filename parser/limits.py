"""Per-document limits, so that one hostile or huge file cannot take a run down.

The first group bounds what a reader will look at (and maps to an error code or a
``truncated`` warning); the last two bound the process that parses, and are enforced by
:mod:`parser.isolate` from outside the parse, where a hung or runaway reader cannot ignore them.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading one input. All are settings (CLI, API, environment)."""

    max_bytes: int = 20 * MB
    max_pages: int = 50
    max_chars: int = 2_000_000
    max_line_chars: int = 20_000
    max_zip_uncompressed: int = 200 * MB
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 5_000
    max_image_pixels: int = 50_000_000
    max_json_bytes: int = 2_000_000
    max_json_depth: int = 64
    #: Wall-clock seconds one parse may take in a child process (``timeout`` record past it).
    timeout: float = 60.0
    #: Address space a parse may add on top of the loaded pipeline (``resource_limit`` past it).
    max_memory: int = 1024 * MB
