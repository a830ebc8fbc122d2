"""Per-document limits, so that one hostile or huge file cannot take a run down."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Bounds applied while reading one input. All are settings (CLI, API, environment)."""

    max_bytes: int = 20 * 1024 * 1024
    max_pages: int = 50
    max_chars: int = 2_000_000
    max_line_chars: int = 20_000
    max_zip_uncompressed: int = 200 * 1024 * 1024
    max_zip_ratio: float = 200.0
    max_zip_entries: int = 5_000
    max_image_pixels: int = 50_000_000
    max_json_bytes: int = 2_000_000
    max_json_depth: int = 64
