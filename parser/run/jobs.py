"""What travels between the parent and a child: a :class:`Job` out, an :class:`Outcome` back.

:func:`parse_job` is the per-file work every child runs (local children and Dask tasks alike);
:func:`profile_of` turns an outcome back into a profile, or into the error record of a parse
that did not finish.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..document import ReadResult
from ..models import CandidateProfile, Error, ParserInfo, Source
from ..storage import is_url, parse_url
from ..version import __version__
from .hashing import sha256_of


@dataclass(frozen=True)
class Job:
    """One input: a path, an fsspec URL or bytes; ``shown`` is what ``source.file`` must say."""

    source: str | bytes
    shown: str
    filename: str | None = None
    as_of: str | None = None
    read: ReadResult | None = None  # the file already read (``credparse parse``'s prefetch)


@dataclass
class Outcome:
    """What came back for one job: the profile JSON, or an error code the parent decided."""

    text: str | None
    code: str | None = None
    message: str = ""
    peak_rss: int = 0  # bytes: the child's peak resident set so far
    base_rss: int = 0  # bytes: its resident set when it started (the shared pipeline)
    elapsed: float = 0.0


def parse_job(parser: Any, job: Job) -> CandidateProfile:
    """The per-file function shared by local children and Dask tasks."""
    if job.read is not None:
        profile = parser.parse(job.source, filename=job.filename, as_of=job.as_of, read=job.read)
    elif isinstance(job.source, bytes):
        profile = parser.parse(job.source, filename=job.filename, as_of=job.as_of)
    elif is_url(job.source):
        profile = parse_url(parser, job.source, as_of=job.as_of)
    else:
        profile = parser.parse(job.source, as_of=job.as_of)
    profile.source.file = job.shown
    return profile


def failed_profile(job: Job, code: str, message: str) -> CandidateProfile:
    """The record of a job whose parse did not finish (timeout, crash, memory cap)."""
    digest = None
    size = 0
    if isinstance(job.source, bytes):
        digest, size = hashlib.sha256(job.source).hexdigest(), len(job.source)
    return CandidateProfile(
        source=Source(file=job.shown, sha256=digest, size_bytes=size),
        error=Error(code=code, message=message),
        parser=ParserInfo(version=__version__),
    )


def job_for(source: str | os.PathLike[str] | bytes, filename: str | None, as_of: str | None) -> Job:
    """The job for a path, URL or bytes, named as ``CredentialParser.parse`` would name it."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        shown = Path(filename).name if filename else "upload"
        return Job(bytes(source), shown=shown, filename=filename, as_of=as_of)
    if isinstance(source, (str, os.PathLike)):
        return Job(os.fspath(source), shown=os.fspath(source), as_of=as_of)
    raise TypeError(f"expected a path or bytes, not {type(source).__name__}")


def profile_of(job: Job, outcome: Outcome) -> CandidateProfile:
    """The profile a child sent back, or the error record for a parse that did not finish."""
    if outcome.text is not None:
        return CandidateProfile.model_validate_json(outcome.text)
    profile = failed_profile(job, outcome.code or "internal_error", outcome.message)
    if isinstance(job.source, str):
        profile.source.sha256 = sha256_of(job.source)  # so that --resume can still skip it
    return profile
