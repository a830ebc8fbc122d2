"""spaCy imported without its CLI package: faster start-up, and spaCy's CLI still works after."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys, time
import parser.nlp
import spacy
assert "spacy.cli" not in sys.modules and "weasel" not in sys.modules, "the CLI was imported"
assert not hasattr(spacy, "cli"), "a stand-in is left on the package"
import spacy.cli
assert hasattr(spacy.cli, "setup_cli")  # the real package, imported on demand
assert spacy.info()["spacy_version"] == spacy.__version__
print("ok")
"""


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k != "CREDPARSE_SPACY_FULL_IMPORT"}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=base | env
    )


def test_spacy_is_imported_without_its_cli_and_the_cli_still_loads_later():
    done = _run(SCRIPT)
    assert done.stdout.strip() == "ok", done.stderr[-2000:]


def test_the_ordinary_import_can_be_forced():
    done = _run("import sys, parser.nlp; print('spacy.cli' in sys.modules)", CREDPARSE_SPACY_FULL_IMPORT="1")
    assert done.stdout.strip() == "True", done.stderr[-2000:]
