"""requirements.lock pins every dependency pyproject.toml names for the tested install."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
tomllib = pytest.importorskip("tomllib")


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement)[0]).lower()  # type: ignore[index]


def test_the_lock_pins_every_dependency_of_the_tested_install():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]
    wanted = set(project["dependencies"])
    for extra in ("server", "xlsx", "dask", "s3", "storage", "test"):
        wanted |= {r for r in extras[extra] if not r.startswith("credparse")}
    pinned = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pinned[_name(name)] = version
    unpinned = sorted(_name(r) for r in wanted if _name(r) not in pinned | {"setuptools": "", "wheel": ""})
    assert unpinned == []
    assert all(pinned.values())  # every line is name==version
