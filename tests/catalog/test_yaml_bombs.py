"""A user catalog (``--catalog DIR``) is a file someone else may have written: a YAML alias bomb
or a huge file fails at once with a CatalogError naming the file.

The load runs in a child process with a memory cap and a timeout, so that a regression costs
this test a few seconds, not the ~100 s and ~5 GB the bomb once took.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# The error is also formatted with its causes, as the CLI's traceback handler does: that is
# where the bomb exploded (the repr of a validation error's input).
LOAD = """
import json, sys, time, traceback
from parser.catalog.store import CatalogError, load_catalog
started = time.perf_counter()
try:
    load_catalog([sys.argv[1]])
    outcome = {"error": None}
except CatalogError as exc:
    shown = "".join(traceback.format_exception(exc))
    outcome = {"error": str(exc), "shown": len(shown)}
outcome["seconds"] = time.perf_counter() - started
print(json.dumps(outcome))
"""


def _load_in_child(folder: Path, cache: Path) -> dict:
    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))

    env = {**os.environ, "CREDPARSE_CACHE": str(cache), "CREDPARSE_PATTERNS": str(ROOT / "patterns")}
    env.pop("CREDPARSE_CATALOG", None)
    try:
        done = subprocess.run(
            [sys.executable, "-c", LOAD, str(folder)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
            preexec_fn=cap,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("loading the catalog did not finish within 30 s")
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _alias_bomb(levels: int = 9) -> str:
    lines = ['lol0: &lol0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


BOMBS = {
    "top-level": _alias_bomb(),
    "in-an-issuer": _alias_bomb().replace("lol9:", "x:")
    + "issuers:\n- id: bomb\n  name: Bomb Corp\n  aliases: *lol9\n",
}


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_a_yaml_alias_bomb_fails_at_once_naming_the_file(tmp_path, kind):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "bomb.yaml").write_text(BOMBS[kind], encoding="utf-8")
    outcome = _load_in_child(folder, tmp_path / "cache")
    assert outcome["error"] is not None
    assert "bomb.yaml" in outcome["error"] and "alias" in outcome["error"].lower()
    assert outcome["seconds"] < 2 and outcome["shown"] < 100_000, outcome


def test_a_single_anchor_is_refused_too(tmp_path):
    """Anchors and aliases have no use in a catalog: even a harmless one is refused."""
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "acme.yaml").write_text(
        "issuers:\n- id: acme\n  name: Acme\n  aliases: &names [Acme Corp]\n  acronyms: *names\n",
        encoding="utf-8",
    )
    outcome = _load_in_child(folder, tmp_path / "cache")
    assert outcome["error"] and "acme.yaml" in outcome["error"] and "line 4" in outcome["error"]


def test_an_oversized_catalog_file_is_refused(tmp_path):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "huge.yaml").write_text("# padding\n" * 700_000, encoding="utf-8")  # 7 MB of comments
    outcome = _load_in_child(folder, tmp_path / "cache")
    assert outcome["error"] and "huge.yaml" in outcome["error"] and "bytes" in outcome["error"]


def test_ampersands_and_asterisks_in_strings_are_fine(tmp_path):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "acme.yaml").write_text(
        "issuers:\n- id: acme-qa\n  name: 'Acme Q&A *Labs*'\n  aliases: [\"R&D *Star*\", A & B]\n",
        encoding="utf-8",
    )
    assert _load_in_child(folder, tmp_path / "cache")["error"] is None
