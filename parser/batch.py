"""``scan``: many files in, exactly one JSON line per input out, resumable.

Inputs are walked in a stable order; every input (a bad file, a broken link, a symlink loop,
an unreadable folder) gets exactly one line. Files are parsed in forked children
(:mod:`parser.isolate`) that share one built pipeline; a file that hangs past ``timeout``,
runs past ``max_memory`` or kills its child gets a ``timeout`` / ``resource_limit`` /
``worker_crashed`` record, the child is replaced and the run goes on. Lines are written and
flushed as files finish, by one writer, whichever engine (local children or Dask) did the work.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .errors import DocumentError
from .fileio import open_regular
from .isolate import ChildPool, Job, Outcome, profile_of, template
from .limits import Limits
from .models import CandidateProfile, Error, ParserInfo, ProfileWarning, Source
from .reading import reading
from .storage import OutputTarget, expand, is_url
from .storage import sha256 as url_sha256
from .writers.jsonl import JsonlWriter, read_complete, repair

ENGINES = ("local", "dask")


@dataclass
class ScanResult:
    """Counts of a scan, by outcome (:mod:`parser.reading`), error code and verification level."""

    files: int = 0
    skipped: int = 0
    ok: int = 0
    ocr: int = 0
    scanned: int = 0
    errors: int = 0
    credentials: int = 0
    duplicates: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    by_error: dict[str, int] = field(default_factory=dict)

    def count(self, profile: CandidateProfile | dict[str, Any]) -> None:
        """Count one profile, or its JSON dict (a line of an earlier run's output)."""
        self.files += 1
        outcome = reading(profile)
        if outcome == "error":
            self.errors += 1
            error = profile["error"] if isinstance(profile, dict) else profile.error
            code = error["code"] if isinstance(error, dict) else error.code  # type: ignore[union-attr]
            self.by_error[code] = self.by_error.get(code, 0) + 1
        else:
            setattr(self, outcome, getattr(self, outcome) + 1)
        creds = profile.get("credentials") or [] if isinstance(profile, dict) else profile.credentials
        for cred in creds:
            self.credentials += 1
            level = cred["verification"]["level"] if isinstance(cred, dict) else cred.verification.level
            self.by_level[level] = self.by_level.get(level, 0) + 1

    @classmethod
    def of_output(cls, lines: Iterable[dict[str, Any]]) -> ScanResult:
        """The counts of a whole JSONL output (after ``--resume``: earlier runs and this one)."""
        total = cls()
        for line in lines:
            total.count(line)
        return total


def display(path: str) -> str:
    """The path as JSON can carry it: undecodable bytes in a name become ``\\xNN`` escapes."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """``text`` as a terminal may show it: control and other non-printing characters (ESC, BEL,
    the 8-bit CSI, bidi overrides) become ``\\x1b``-style escapes, so a file named
    ``cv\\x1b]0;pwned\\x07.pdf`` cannot retitle the window, write the clipboard (OSC 52) or
    clear the screen when a scan shows it."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


#: The problem of a file link, found in a folder, to a file outside every scanned folder.
OUTSIDE_ROOT = "link to a file outside the scanned folders (not followed; --follow-symlinks reads it)"


def _inside(path: str, roots: list[str]) -> bool:
    return any(os.path.commonpath([path, root]) == root for root in roots)


def _problem(path: str) -> str | None:
    """Why ``path`` cannot be parsed before even opening it, or None."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if exc.errno == errno.ENOENT:
            return "broken link" if os.path.islink(path) else "not found"
        return f"cannot read: {exc.strerror}"
    if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        return "not a regular file"
    return None


def walk(paths: Iterable[str], follow_symlinks: bool = False) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every input file below ``paths``, sorted, links not followed into loops.

    A file link found in a folder whose target is outside every folder in ``paths`` is not read
    (problem :data:`OUTSIDE_ROOT`) unless ``follow_symlinks``; a path named in ``paths`` is read.
    """
    paths = list(paths)
    roots = [os.path.realpath(p) for p in paths if not is_url(p) and os.path.isdir(p)]
    for raw in paths:
        if is_url(raw):
            try:
                yield from expand(raw)
            except RuntimeError as exc:  # the store's extra is missing: one record, not a crash
                yield raw, str(exc)
            continue
        p = Path(raw)
        if p.is_dir():
            entries: list[tuple[str, str | None]] = []

            def unreadable(
                exc: OSError, entries: list[tuple[str, str | None]] = entries, top: str = raw
            ) -> None:
                entries.append((exc.filename or top, f"unreadable folder: {exc.strerror}"))

            for root, dirs, files in os.walk(p, followlinks=False, onerror=unreadable):
                dirs.sort()
                for name in files:
                    full = os.path.join(root, name)
                    if (
                        not follow_symlinks
                        and os.path.islink(full)
                        and not _inside(os.path.realpath(full), roots)
                    ):
                        entries.append((full, OUTSIDE_ROOT))  # not even stat'ed
                    else:
                        entries.append((full, _problem(full)))
                for name in dirs:
                    full = os.path.join(root, name)
                    if os.path.islink(full):
                        entries.append((full, "link to a folder (not followed)"))
            yield from sorted(entries)
        else:
            yield raw, _problem(raw)


def sha256_of(path: str) -> str | None:
    """SHA-256 of a regular file or an object URL (never opens a FIFO or device)."""
    if is_url(path):
        return url_sha256(path)
    try:  # opened once and the descriptor checked: a file swapped for a FIFO or /dev/zero is None
        fd, _ = open_regular(path)
    except DocumentError:
        return None
    try:
        h = hashlib.sha256()
        with open(fd, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def error_profile(
    path: str, code: str, message: str, sha256: str | None = None, *, hash_file: bool = True
) -> CandidateProfile:
    if sha256 is None and hash_file:
        sha256 = sha256_of(path)
    return CandidateProfile(
        source=Source(file=display(path), sha256=sha256),
        error=Error(code=code, message=message),
        parser=ParserInfo(version=__version__),
    )


def _problem_code(why: str) -> str:
    if why == OUTSIDE_ROOT:
        return "symlink_outside_root"
    return "not_found" if why in ("not found", "broken link") else "unreadable"


class Scanner:
    """Runs a scan; ``on_done`` is called after each file (for progress).

    ``timeout`` (seconds per file) and ``max_memory`` (bytes of address space per child on
    top of the pipeline) default to :class:`~parser.limits.Limits`. ``engine`` is ``local``
    (forked children on this machine) or ``dask`` (``dask_address``, else a LocalCluster).
    ``dedupe`` parses identical files (same sha256) once and still writes one line per input.
    """

    def __init__(
        self,
        out: Path | str | OutputTarget,
        *,
        workers: int = 1,
        as_of: str | None = None,
        resume: bool = False,
        options: dict[str, Any] | None = None,
        on_done: Callable[[CandidateProfile], None] | None = None,
        timeout: float | None = None,
        max_memory: int | None = None,
        engine: str = "local",
        dask_address: str | None = None,
        dedupe: bool = False,
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
        self.target = out if isinstance(out, OutputTarget) else OutputTarget(out)
        self.out = self.target.local
        self.workers = max(1, workers)
        self.as_of = as_of
        self.resume = resume
        self.options = options or {}
        self.on_done = on_done or (lambda p: None)
        limits = self.options.get("limits") or Limits()
        self.timeout = limits.timeout if timeout is None else timeout
        self.max_memory = limits.max_memory if max_memory is None else max_memory
        self.engine = engine
        self.dask_address = dask_address
        self.dedupe = dedupe
        self.result = ScanResult()
        self._hashes: dict[str, str | None] = {}
        self._known: dict[str, dict[str, Any]] = {}  # sha256 -> a finished profile (resume + dedupe)

    def _sha(self, path: str) -> str | None:
        if path not in self._hashes:
            self._hashes[path] = sha256_of(path)
        return self._hashes[path]

    def plan(self, inputs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        """Inputs still to do; on resume, drop those with a complete line (same path and sha256)."""
        if not (self.resume and self.out.exists()):
            return inputs
        finished = [o for o in read_complete(self.out) if "source" in o]
        done = {(o["source"]["file"], o["source"].get("sha256")) for o in finished}
        self._known = {
            o["source"]["sha256"]: o for o in finished if o["source"].get("sha256") and not o.get("error")
        }
        todo = []
        for path, problem in inputs:
            if (display(path), self._sha(path) if problem is None else None) in done:
                self.result.skipped += 1
            else:
                todo.append((path, problem))
        repair(self.out, drop_files={display(p) for p, _ in todo})
        return todo

    def run(self, inputs: list[tuple[str, str | None]]) -> ScanResult:
        if self.resume:
            self.target.pull()
        else:
            self.target.reset()
        todo = self.plan(inputs)
        writer = JsonlWriter(self.out, append=self.resume and self.out.exists())
        try:
            for profile in self._profiles(todo):
                writer.write(profile)
                self.result.count(profile)
                self.on_done(profile)
                self.target.push(force=False)
        finally:
            writer.close()
            self.target.push()
        return self.result

    def _profiles(self, todo: list[tuple[str, str | None]]) -> Iterator[CandidateProfile]:
        for path, why in todo:
            if why is not None:
                code = _problem_code(why)  # a link out of the roots is not read, not even hashed
                yield error_profile(path, code, why, hash_file=code != "symlink_outside_root")
        paths = [p for p, why in todo if why is None]
        if not self.dedupe:
            for _, profile in self._parsed(paths):
                yield profile
            return
        groups: dict[str, list[str]] = {}
        alone: list[str] = []
        for path in paths:
            digest = self._sha(path)
            if digest is None:
                alone.append(path)
            elif digest in self._known:
                yield _duplicate(CandidateProfile.model_validate(self._known[digest]), path)
            else:
                groups.setdefault(digest, []).append(path)
        firsts = {members[0]: members[1:] for members in groups.values()}
        for path, profile in self._parsed(list(firsts) + alone):
            yield profile
            for other in firsts.get(path, []):
                self.result.duplicates += 1
                yield _duplicate(profile, other)

    def _parsed(self, paths: list[str]) -> Iterator[tuple[str, CandidateProfile]]:
        """(path, profile) for each path, in completion order, from the chosen engine."""
        if not paths:
            return
        jobs = [(p, Job(p, shown=display(p), as_of=self.as_of)) for p in paths]
        outcomes: Iterator[tuple[str, Outcome]]
        if self.engine == "dask":
            from .dask_engine import run_dask

            outcomes = run_dask(
                jobs,
                self.options,
                workers=self.workers,
                timeout=self.timeout,
                max_memory=self.max_memory,
                address=self.dask_address,
            )
        else:
            pool: ChildPool[str] = ChildPool(
                template(self.options), self.workers, timeout=self.timeout, max_memory=self.max_memory
            )
            outcomes = pool.run(jobs)
        by_path = dict(jobs)
        for path, outcome in outcomes:
            yield path, profile_of(by_path[path], outcome)


def _duplicate(profile: CandidateProfile, path: str) -> CandidateProfile:
    """The profile of an identical file, under this input's own path."""
    first = profile.source.file
    copy = profile.model_copy(deep=True)
    copy.source.file = display(path)
    copy.warnings.append(ProfileWarning(code="duplicate", message=f"same content as {first}; parsed once"))
    return copy
