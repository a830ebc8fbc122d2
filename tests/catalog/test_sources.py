"""Every catalog file names its sources with a licence, and SOURCES.md lists every file."""

from __future__ import annotations

from pathlib import Path

import yaml

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"


def test_every_catalog_file_has_sources_listed_in_sources_md():
    listed = (PATTERNS / "SOURCES.md").read_text(encoding="utf-8")
    for path in [
        PATTERNS / "platforms.yaml",
        *sorted((PATTERNS / "issuers").glob("*.yaml")),
        *sorted((PATTERNS / "boards").glob("*.yaml")),
    ]:
        data = yaml.load(path.read_bytes(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
        sources = data.get("sources") or []
        assert sources, f"{path.name} names no sources"
        assert all(s.get("licence") for s in sources), f"{path.name}: a source without licence"
        assert f"| {path.relative_to(PATTERNS).as_posix()} |" in listed, (
            f"{path.name} missing from SOURCES.md"
        )
