"""Time each pipeline stage by calling the stage functions the way ``parser/engine.py`` does.

The engine has no timing hooks, so this module runs the same calls in the same order
(``reader_for``, ``nlp(doc.text)``, ``assign_sections``, ``MentionFinder.find``,
``assign_attributes``, ``Engine._credential``, ``find_candidate``,
``model_dump_json``) with a clock around each. Resolution and verification both happen
inside ``_credential``; the verifier's share is measured by wrapping the parser's own
``Verifier.verify`` in a stopwatch, and the rest of ``_credential`` counts as resolution.
:func:`staged_profile` returns the profile it built, so a test can prove the staged run
and ``CredentialParser.parse`` give the same answer (if they did not, these numbers would
describe some other program).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from parser.document import Document
from parser.engine import Engine, _lines_with_credentials, document_warnings, parse_as_of
from parser.models import CandidateProfile, Source
from parser.nlp.attributes import assign_attributes
from parser.nlp.candidate import find_candidate
from parser.nlp.mentions import catalog_spans
from parser.nlp.sections import assign_sections
from parser.readers import Reader, reader_for
from parser.sniff import sniff

STAGES = (
    "read",
    "nlp",
    "sections",
    "mentions",
    "attributes",
    "decide",
    "resolve",
    "verify",
    "candidate",
    "serialise",
)


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

    def _reader(self, media_type: str) -> Reader | None:
        if media_type == "application/pdf" and self.pdf_reader is not None:
            return self.pdf_reader
        return reader_for(media_type)

    def run(self, path: Path, as_of: date | str | None = None) -> tuple[dict[str, float], str]:
        """Parse ``path`` stage by stage: (seconds per stage, the profile's JSON)."""
        times = dict.fromkeys(STAGES, 0.0)
        cp = self.cp
        day = parse_as_of(as_of if as_of is not None else cp.as_of)
        clock = time.perf_counter()

        def lap(stage: str) -> None:
            nonlocal clock
            now = time.perf_counter()
            times[stage] += now - clock
            clock = now

        data = path.read_bytes()
        media_type = sniff(data, str(path))
        reader = self._reader(media_type) if media_type else None
        if reader is None:
            raise ValueError(f"{path}: not a format the benchmark times")
        doc: Document = reader(data, cp.limits)
        profile = CandidateProfile(
            source=Source(
                file=str(path),
                media_type=media_type,
                size_bytes=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                pages=doc.pages,
                ocr=bool(doc.ocr_pages),
                ocr_pages=list(doc.ocr_pages),
            ),
            parser=cp._info(0),
        )
        profile.warnings = document_warnings(doc, media_type)
        lap("read")
        nlp_doc = cp.nlp(doc.text)
        spans = catalog_spans(nlp_doc)
        protected = _lines_with_credentials(doc, spans)
        lap("nlp")
        sections = assign_sections(doc, cp.rules, protected)
        lap("sections")
        mentions = cp.finder.find(doc, sections, spans)
        lap("mentions")
        attrs = assign_attributes(doc, mentions, cp.rules)
        lap("attributes")
        resolved = {id(m): cp.resolve(doc, m) for m in mentions}
        decisions = cp.decider.decide(doc, mentions, attrs, resolved)
        mentions = [m for m in mentions if decisions[id(m)].keep]
        lap("decide")
        verified_before = self.verify.total
        cp.verifier.verify = self.verify  # type: ignore[method-assign]
        try:
            creds, urls = cp.assemble(doc, mentions, attrs, day, decisions, resolved)
        finally:
            del cp.verifier.verify  # back to the class's method
        lap("resolve")
        spent_verifying = self.verify.total - verified_before
        times["resolve"] -= spent_verifying
        times["verify"] += spent_verifying
        profile.credentials = creds
        profile.candidate = find_candidate(doc, sections, urls, protected)
        profile.credentials += cp._badges(doc, day, profile.candidate.emails)
        lap("candidate")
        out = profile.model_dump_json()
        lap("serialise")
        return times, out
