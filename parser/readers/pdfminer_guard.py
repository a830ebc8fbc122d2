"""Bound pdfminer's chasing of indirect references, so a reference cycle cannot hang a parse.

Why: pdfminer resolves an indirect object with ``while isinstance(x, PDFObjRef): x = x.resolve()``
(``pdfminer.pdftypes.resolve1``). A PDF whose object refers to itself, directly or through
others, loops there forever, at 100 % CPU, inside ``pdfplumber.open``; no exception, no error
record. The fuzzer found one (``tests/hostile/data/pdf-reference-cycle-hangs-open.pdf``). A
process-level time limit (``parser.isolate``) turns it into a ``timeout`` record after a minute;
this guard makes the in-process ``parse`` answer ``corrupt`` at once.

How: the same loop with a bound, installed in place of ``resolve1`` (and of ``resolve_all``,
which has the same loop) in ``pdfminer.pdftypes`` and in the modules that imported them by
name. A real document chains a reference to another reference once or twice; past
:data:`MAX_CHAIN` steps it is a cycle, and pdfminer's own ``PDFSyntaxError`` is raised, which
the PDF reader already reports as ``corrupt``. Cycles through arrays and dictionaries end in a
``RecursionError``, as before.
"""

from __future__ import annotations

import importlib
from typing import Any

MAX_CHAIN = 64
#: Modules that bind the functions at import (``from pdfminer.pdftypes import resolve1``).
_USERS = (
    "pdfminer.pdftypes",
    "pdfminer.pdfinterp",
    "pdfminer.pdffont",
    "pdfminer.pdfpage",
    "pdfplumber.structure",
)
_installed = False


def bounded_resolve1(x: object, default: object = None) -> Any:
    """``pdfminer.pdftypes.resolve1`` that gives up on a reference chain longer than :data:`MAX_CHAIN`."""
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.pdftypes import PDFObjRef

    for _ in range(MAX_CHAIN):
        if not isinstance(x, PDFObjRef):
            return x
        x = x.resolve(default=default)
    if isinstance(x, PDFObjRef):
        raise PDFSyntaxError(f"indirect reference cycle (more than {MAX_CHAIN} references in a chain)")
    return x


def bounded_resolve_all(x: object, default: object = None) -> Any:
    """``pdfminer.pdftypes.resolve_all`` built on :func:`bounded_resolve1` (same in-place semantics)."""
    x = bounded_resolve1(x, default)
    if isinstance(x, list):
        return [bounded_resolve_all(v, default) for v in x]
    if isinstance(x, dict):
        for k, v in x.items():
            x[k] = bounded_resolve_all(v, default)
    return x


def install() -> None:
    """Put the bounded functions wherever pdfminer's are bound; once per process."""
    global _installed
    if _installed:
        return
    replacements = {"resolve1": bounded_resolve1, "resolve_all": bounded_resolve_all}
    for name in _USERS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        for attr, guarded in replacements.items():
            if getattr(module, attr, None) is not None:
                setattr(module, attr, guarded)
    _installed = True
