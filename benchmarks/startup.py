"""Start-up costs, each measured in a fresh interpreter so nothing is already imported or cached.

- cold start: wall time of ``credparse parse FILE`` as a user runs it;
- the parts of it: importing spaCy, importing the engine, loading the catalog, building the
  spaCy pipeline and matcher, and the other stage objects; with the compiled-catalog cache
  warm (the normal case) and with an empty cache folder (the first run after an install or
  a catalog edit).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_PROBE = r"""
import json, time
t0 = time.perf_counter()
import parser.nlp  # first, as the engine does: the package may set up how spaCy is imported
import spacy
t1 = time.perf_counter()
import parser.engine as engine
t2 = time.perf_counter()
from parser.catalog.store import load_catalog
catalog = load_catalog()
t3 = time.perf_counter()
from parser.nlp.pipeline import build_nlp
nlp = build_nlp(catalog)
t4 = time.perf_counter()
from parser.nlp.rules import load_rules
load_rules()
t5 = time.perf_counter()
cp = engine.Engine()
t6 = time.perf_counter()
from parser.nlp.pipeline import _cached_tries
_cached_tries(nlp, catalog)
t7 = time.perf_counter()
print(json.dumps({"import_spacy": t1 - t0, "import_engine": t2 - t1, "catalog_load": t3 - t2,
                  "nlp_and_matcher": t4 - t3, "rules": t5 - t4, "rest_of_parser": t6 - t5,
                  "matcher_only": t7 - t6}))
"""


def _credparse_command(file: Path) -> list[str]:
    script = Path(sys.executable).with_name("credparse")
    if script.is_file():
        return [str(script), "parse", str(file)]
    run_cli = "import sys; from parser.cli import main; sys.argv[0] = 'credparse'; main()"
    return [sys.executable, "-c", run_cli, "parse", str(file)]


def _user_env() -> dict[str, str]:
    """The environment as a user's shell has it: Python may write its bytecode cache. A sandbox
    or container that sets PYTHONDONTWRITEBYTECODE would otherwise compile every credparse
    module on every start (about 0.1 s), which no installed copy does."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cold_start(file: Path, runs: int) -> dict[str, Any]:
    """Median and best wall time of ``credparse parse FILE`` in a new process (warm catalog and
    bytecode caches: one untimed run first)."""
    env = _user_env()
    subprocess.run(_credparse_command(file), check=True, capture_output=True, timeout=120, env=env)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(_credparse_command(file), check=True, capture_output=True, timeout=120, env=env)
        times.append(time.perf_counter() - t)
    return {"median_s": statistics.median(times), "best_s": min(times), "runs": runs}


def _probe(env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], check=True, capture_output=True, text=True, env=env, timeout=180
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def startup_parts(runs: int) -> dict[str, Any]:
    """Per-part start-up seconds (median over ``runs``), warm cache and empty cache."""
    env = _user_env()
    _probe(env)  # make sure the caches exist before timing the warm case
    warm = [_probe(env) for _ in range(runs)]
    with tempfile.TemporaryDirectory(prefix="credparse-bench-cache-") as empty:
        cold = _probe({**env, "CREDPARSE_CACHE": empty})
    keys = warm[0].keys()
    return {
        "warm_cache": {k: statistics.median(r[k] for r in warm) for k in keys},
        "empty_cache": cold,
    }
