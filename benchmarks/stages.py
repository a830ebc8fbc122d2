"""Time each pipeline stage by running the engine's own stage list with a clock around each.

``Engine.read`` is the ``read`` stage (optionally with another PDF reader, so the benchmark can
set the pdfplumber reader beside PDFium); ``parser.engine.STAGES`` are the stages after it, the
same list ``Engine.parse`` runs, so nothing here repeats the sequence. Resolution and
verification both happen in the ``resolve`` stage; the verifier's share is measured by wrapping
the parser's own ``Verifier.verify`` in a stopwatch. :meth:`StagedParser.run` returns the
profile it built, so a test proves the staged run and ``CredentialParser.parse`` give the same
answer (if they did not, these numbers would describe some other program).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from parser import engine
from parser.engine import Engine, Run, parse_as_of
from parser.models import CandidateProfile, Source
from parser.readers import Reader


def _stage_names() -> tuple[str, ...]:
    """read, the engine's stages (with ``verify`` measured inside ``resolve``), serialise."""
    names: list[str] = ["read"]
    for name, _ in engine.STAGES:
        names += [name, "verify"] if name == "resolve" else [name]
    return (*names, "serialise")


STAGES = _stage_names()


class _Stopwatch:
    """Wraps a callable and adds its run time to ``total``."""

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn
        self.total = 0.0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        t = time.perf_counter()
        try:
            return self.fn(*args, **kwargs)
        finally:
            self.total += time.perf_counter() - t


class StagedParser:
    """An :class:`~parser.engine.Engine` run stage by stage with a clock around each stage."""

    def __init__(self, cp: Engine, pdf_reader: Reader | None = None) -> None:
        self.cp = cp
        self.pdf_reader = pdf_reader  # None: the registry's reader, as the engine picks it
        self.verify = _Stopwatch(cp.verifier.verify)

    def run(self, path: Path, as_of: date | str | None = None) -> tuple[dict[str, float], str]:
        """Parse ``path`` stage by stage: (seconds per stage, the profile's JSON)."""
        times = dict.fromkeys(STAGES, 0.0)
        cp = self.cp
        day = parse_as_of(as_of if as_of is not None else cp.as_of)
        data = path.read_bytes()
        profile = CandidateProfile(
            source=Source(file=str(path), size_bytes=len(data), sha256=hashlib.sha256(data).hexdigest()),
            parser=cp.info(),
        )
        clock = time.perf_counter()
        run = Run(cp.read(data, str(path), profile, self.pdf_reader), day, profile)
        times["read"] = time.perf_counter() - clock
        verified_before = self.verify.total
        cp.verifier.verify = self.verify  # type: ignore[method-assign]
        try:
            for name, stage in engine.STAGES:
                clock = time.perf_counter()
                stage(cp, run)
                times[name] += time.perf_counter() - clock
        finally:
            del cp.verifier.verify  # back to the class's method
        spent_verifying = self.verify.total - verified_before
        times["resolve"] -= spent_verifying
        times["verify"] += spent_verifying
        clock = time.perf_counter()
        out = profile.model_dump_json()
        times["serialise"] = time.perf_counter() - clock
        return times, out
