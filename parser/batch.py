"""``scan``: many files in, exactly one JSON line per input out, resumable.

Inputs are walked in a stable order; every input (a bad file, a broken link, an unreadable
folder entry) gets exactly one line. Work runs in a process pool whose workers each build
the pipeline once; lines are written and flushed as files finish. A worker that dies takes
only its file with it: that file gets a ``worker_crashed`` record and the pool is rebuilt.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .models import CandidateProfile, Error, ParserInfo, Source
from .writers.jsonl import JsonlWriter, read_complete, repair


@dataclass
class ScanResult:
    files: int = 0
    skipped: int = 0
    ok: int = 0
    errors: int = 0
    credentials: int = 0
    by_level: dict[str, int] = field(default_factory=dict)
    by_error: dict[str, int] = field(default_factory=dict)

    def count(self, profile: CandidateProfile) -> None:
        self.files += 1
        if profile.error:
            self.errors += 1
            self.by_error[profile.error.code] = self.by_error.get(profile.error.code, 0) + 1
        else:
            self.ok += 1
        for cred in profile.credentials:
            self.credentials += 1
            level = cred.verification.level
            self.by_level[level] = self.by_level.get(level, 0) + 1


def walk(paths: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for every input file below ``paths``, sorted, links not followed into loops."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            entries: list[tuple[str, str | None]] = []
            for root, dirs, files in os.walk(p, followlinks=False, onerror=None):
                dirs.sort()
                for name in files:
                    full = os.path.join(root, name)
                    entries.append((full, None if os.path.exists(full) else "broken link"))
                for name in dirs:
                    full = os.path.join(root, name)
                    if os.path.islink(full):
                        entries.append((full, "link to a folder (not followed)"))
            yield from sorted(entries)
        elif p.exists() or p.is_symlink():
            yield raw, None if p.exists() else "broken link"
        else:
            yield raw, "not found"


def sha256_of(path: str) -> str | None:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def error_profile(path: str, code: str, message: str) -> CandidateProfile:
    return CandidateProfile(
        source=Source(file=path, sha256=sha256_of(path) if os.path.isfile(path) else None),
        error=Error(code=code, message=message),
        parser=ParserInfo(version=__version__),
    )


_WORKER: Any = None


def _init_worker(options: dict[str, Any]) -> None:
    global _WORKER
    from .engine import CredentialParser

    _WORKER = CredentialParser(**options)


def _work(path: str, as_of: str | None) -> str:
    assert _WORKER is not None
    return _WORKER.parse(path, as_of=as_of).model_dump_json()


class Scanner:
    """Runs a scan; ``on_done`` is called after each file (for progress)."""

    def __init__(
        self,
        out: Path,
        *,
        workers: int = 1,
        as_of: str | None = None,
        resume: bool = False,
        options: dict[str, Any] | None = None,
        on_done: Callable[[CandidateProfile], None] | None = None,
    ) -> None:
        self.out = out
        self.workers = max(1, workers)
        self.as_of = as_of
        self.resume = resume
        self.options = options or {}
        self.on_done = on_done or (lambda p: None)
        self.result = ScanResult()

    def plan(self, inputs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        """Inputs still to do; on resume, drop those with a complete line (same path and sha256)."""
        if not (self.resume and self.out.exists()):
            return inputs
        done = {
            (o["source"]["file"], o["source"].get("sha256")) for o in read_complete(self.out) if "source" in o
        }
        todo = []
        for path, problem in inputs:
            if (path, sha256_of(path) if problem is None else None) in done:
                self.result.skipped += 1
            else:
                todo.append((path, problem))
        repair(self.out, drop_files={p for p, _ in todo})
        return todo

    def run(self, inputs: list[tuple[str, str | None]]) -> ScanResult:
        todo = self.plan(inputs)
        writer = JsonlWriter(self.out, append=self.resume and self.out.exists())
        try:
            for profile in self._profiles(todo):
                writer.write(profile)
                self.result.count(profile)
                self.on_done(profile)
        finally:
            writer.close()
        return self.result

    def _profiles(self, todo: list[tuple[str, str | None]]) -> Iterator[CandidateProfile]:
        bad = [(p, why) for p, why in todo if why is not None]
        for path, why in bad:
            code = "not_found" if why in ("not found", "broken link") else "unreadable"
            yield error_profile(path, code, why or "")
        paths = [p for p, why in todo if why is None]
        if self.workers == 1 or len(paths) <= 1:
            from .engine import CredentialParser

            cp = CredentialParser(**self.options)
            for path in paths:
                yield cp.parse(path, as_of=self.as_of)
            return
        yield from self._pooled(paths)

    def _pooled(self, paths: list[str]) -> Iterator[CandidateProfile]:
        pending = list(reversed(paths))
        while pending:
            pool = ProcessPoolExecutor(self.workers, initializer=_init_worker, initargs=(self.options,))
            running: dict[Future[str], str] = {}
            broken = False
            try:
                while (pending or running) and not broken:
                    while pending and len(running) < self.workers * 2:
                        path = pending.pop()
                        running[pool.submit(_work, path, self.as_of)] = path
                    done, _ = wait(running, return_when=FIRST_COMPLETED)
                    for fut in done:
                        path = running.pop(fut)
                        try:
                            yield CandidateProfile.model_validate_json(fut.result())
                        except BrokenProcessPool:
                            broken = True
                            yield error_profile(
                                path,
                                "worker_crashed",
                                "the worker process died while parsing this file",
                            )
                        except Exception as exc:  # noqa: BLE001 - one file's failure is its own record
                            yield error_profile(path, "internal_error", f"{type(exc).__name__}: {exc}")
                if broken:
                    # Files that were in flight with the crashed worker are retried in a new pool.
                    pending.extend(reversed(list(running.values())))
                    running.clear()
            finally:
                pool.shutdown(wait=not broken, cancel_futures=True)
