"""The Python API (docs/contract.md §0): :class:`CredentialParser`, what ``parser`` exports.

The engine (:mod:`parser.engine`) parses one document in this process; the execution layer
(:mod:`parser.run`) parses documents in child processes it can stop. This module sits above
both and puts them together, so that neither the engine nor anything it imports reaches up
into the code that runs many documents (``tests/test_layers.py`` holds that line).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from .engine import Engine, PathLike
from .models import CandidateProfile


class CredentialParser(Engine):
    """Parses résumés into :class:`CandidateProfile` objects.

    Loading the catalog and building the pipeline happens once, here; reuse the instance.
    Keyword options: ``catalog_dirs`` (extra catalog folders), ``as_of`` (default date for
    statuses), ``limits`` (per-document :class:`~parser.limits.Limits`; by default the
    defaults with any ``CREDPARSE_LIMIT_*`` variables applied), ``online`` (fetch hosted badge
    assertions to upgrade platform URLs to ``verified``; off by default) and ``fetch`` (the
    HTTP client for it; default :class:`~parser.verify.fetch.SafeFetcher`).

    :meth:`parse` and :meth:`explain` parse in this process (:class:`~parser.engine.Engine`);
    :meth:`parse_many` and :meth:`parse_isolated` in child processes (:mod:`parser.run`).
    """

    def parse_many(
        self,
        sources: Iterable[PathLike | bytes],
        *,
        as_of: date | str | None = None,
        workers: int = 1,
        isolate: bool = True,
    ) -> Iterator[CandidateProfile]:
        """Parse several inputs; one profile per input, in input order.

        Each input is parsed in a child process forked from this parser, bounded by
        ``limits.timeout`` and ``limits.max_memory``: a file that hangs or blows up becomes a
        ``timeout`` or ``resource_limit`` record and the batch goes on. ``workers`` children
        run at once. ``isolate=False`` parses in this process (no fork, no bounds).
        """
        from .run.isolate import parse_many

        yield from parse_many(self, sources, as_of=as_of, workers=workers, isolate=isolate)

    def parse_isolated(
        self,
        source: PathLike | bytes,
        *,
        filename: str | None = None,
        as_of: date | str | None = None,
    ) -> CandidateProfile:
        """:meth:`parse` in a child process forked from this parser, bounded by
        ``limits.timeout`` and ``limits.max_memory`` (``0`` switches one off), like ``scan``:
        a document that hangs gets a ``timeout`` record, one that needs more memory a
        ``resource_limit`` record, one that kills its process ``worker_crashed``. The child
        shares the loaded pipeline, so this costs a few milliseconds more than :meth:`parse`.
        Where ``os.fork`` does not exist (Windows) it is :meth:`parse`.
        """
        from .run.isolate import parse_in_child

        return parse_in_child(self, source, filename=filename, as_of=as_of)
