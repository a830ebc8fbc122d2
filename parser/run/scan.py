"""``scan``: many files in, exactly one JSON line per input out, resumable.

Inputs are walked in a stable order (:mod:`parser.run.inputs`); every input (a bad file, a
broken link, a symlink loop, an unreadable folder) gets exactly one line. Files are parsed in
forked children (:mod:`parser.run.pool`) that share one built pipeline; a file that hangs past
``timeout``, runs past ``max_memory`` or kills its child gets a ``timeout`` /
``resource_limit`` / ``worker_crashed`` record, the child is replaced and the run goes on.
Lines are written and flushed as files finish, by one writer, whichever engine (local
children or Dask, :mod:`parser.run.dask`) did the work.

:func:`prepare_scan` checks the output and lists the inputs, :class:`Scanner` runs the scan
and :func:`write_exports` writes the other formats from the finished JSONL: ``credparse scan``
is these three calls with a progress bar and a summary around them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..limits import Limits
from ..models import CandidateProfile, Error, ParserInfo, ProfileWarning, Source
from ..reading import reading
from ..storage import OutputTarget
from ..version import __version__
from ..writers.jsonl import JsonlWriter, read_complete, repair
from .hashing import sha256_of
from .inputs import OUTSIDE_ROOT, display, walk
from .isolate import template
from .jobs import Job, Outcome, profile_of
from .pool import ChildPool

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

    def whole(self) -> ScanResult | None:
        """After a run that resumed an earlier one, the counts of the whole output; else None."""
        return ScanResult.of_output(read_complete(self.out)) if self.result.skipped else None

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
            from .dask import run_dask

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


class ScanError(Exception):
    """A scan that cannot start (its output, its list of inputs); the message says why."""


@dataclass
class PreparedScan:
    """A scan's output, checked, and its inputs with the problem of each (None: parse it)."""

    target: OutputTarget
    inputs: list[tuple[str, str | None]]


def prepare_scan(
    paths: Iterable[str],
    out: str,
    *,
    from_list: Path | None = None,
    follow_symlinks: bool = False,
    resume: bool = False,
    force: bool = False,
) -> PreparedScan:
    """The output ``out`` (a path or a store URL; one that exists needs ``resume`` or
    ``force``) and every input under ``paths`` and the lines of ``from_list``, the output itself
    left out. Raises :class:`ScanError` when the scan cannot start."""
    try:
        target = OutputTarget(out)
        exists = target.exists()
    except (RuntimeError, OSError) as exc:
        raise ScanError(str(exc)) from None
    if exists and not (resume or force):
        raise ScanError(f"{out} exists: pass --resume to continue it or --force to start over")
    items = list(paths)
    if from_list is not None:
        try:
            items += [ln.strip() for ln in from_list.read_text(encoding="utf-8").splitlines() if ln.strip()]
        except OSError as exc:
            raise ScanError(f"cannot read --from-list {from_list}: {exc}") from None
    output = os.path.realpath(target.local)
    inputs = [(p, why) for p, why in walk(items, follow_symlinks) if os.path.realpath(p) != output]
    return PreparedScan(target, inputs)


def write_exports(
    out: Path, *, csv: Path | None = None, formats: Sequence[str] = (), report: Path | None = None
) -> list[Path]:
    """The extras of ``scan``, all rebuilt from the finished JSONL ``out``: the CSV at ``csv``,
    each of ``formats`` beside ``out`` and the HTML ``report``. Returns the files written beside
    the output and the report (what a scan to a store URL uploads), not ``csv``."""
    from ..writers.export import default_path, write_format

    if csv is not None:
        from ..writers.csv import write_csv

        write_csv(csv, read_complete(out))
    written = []
    for fmt in dict.fromkeys(formats):
        path = default_path(out, fmt)
        write_format(fmt, path, read_complete(out))
        written.append(path)
    if report is not None:
        from ..writers.report import write_report

        write_report(report, read_complete(out))
        written.append(report)
    return written
