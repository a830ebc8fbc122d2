"""Import spaCy without its command-line package.

Why: ``import spacy`` imports ``spacy.cli`` (weasel, requests, httpx and every training and
debugging command) for one name, ``spacy.info``. That is about a third of spaCy's import time,
which every ``credparse parse`` pays at start-up, and credparse never runs spaCy's CLI.

How: while spaCy's package initialises, ``spacy.cli`` and ``spacy.cli.info`` are stand-ins
whose ``info`` imports and calls the real function. Both leave ``sys.modules`` as soon as
spaCy is imported, so a later ``import spacy.cli`` (or ``python -m spacy``) loads the real
package. If anything about the stand-ins fails (a spaCy release that needs more of its CLI at
import), spaCy is imported the ordinary way; ``CREDPARSE_SPACY_FULL_IMPORT=1`` forces that.
"""

from __future__ import annotations

import importlib
import os
import sys
import types
from typing import Any


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: the real one, imported on first use."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _stand_ins() -> dict[str, types.ModuleType]:
    cli = types.ModuleType("spacy.cli")
    cli.__path__ = []  # a package, so that ``spacy.cli.info`` is found under it
    info = types.ModuleType("spacy.cli.info")
    info.info = _info  # type: ignore[attr-defined]
    cli.info = info  # type: ignore[attr-defined]
    return {"spacy.cli": cli, "spacy.cli.info": info}


def _remove(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, module in stand_ins.items():
        if sys.modules.get(name) is module:
            del sys.modules[name]
    spacy = sys.modules.get("spacy")
    if spacy is not None and getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        delattr(spacy, "cli")


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without ``spacy.cli`` when it is not imported yet."""
    if "spacy" in sys.modules or os.environ.get("CREDPARSE_SPACY_FULL_IMPORT"):
        return importlib.import_module("spacy")
    stand_ins = _stand_ins()
    if any(name in sys.modules for name in stand_ins):
        return importlib.import_module("spacy")
    sys.modules.update(stand_ins)
    try:
        return importlib.import_module("spacy")
    except Exception:  # noqa: BLE001 - fall back to the ordinary import, which raises if it must
        for name in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
            del sys.modules[name]
        _remove(stand_ins)
        return importlib.import_module("spacy")
    finally:
        _remove(stand_ins)
