"""The cache folder: compiled data kept between runs, and pruned.

Why: compiling the catalog from its YAML and building the matcher's token tries cost seconds;
loading them pickled costs tens of milliseconds. Each file is named by a key that changes
whenever what it was built from changes (the catalog's hash, the code, spaCy's version), so
a stale file is never read, only left behind. Every catalog edit would leave about 5 MB
behind; writing a file therefore removes the oldest of its kind past :data:`KEEP`.

The folder is ``CREDPARSE_CACHE``, else ``~/.cache/credparse``; ``CREDPARSE_CACHE=""``
switches caching off. A damaged, unreadable or unwritable cache is rebuilt or skipped,
never fatal.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from .gcpause import no_gc
from .version import __version__

ENV_CACHE = "CREDPARSE_CACHE"
#: Files of one kind kept: the current ones and a few for other catalogs in use (``--catalog``).
KEEP = 4


def cache_dir() -> Path | None:
    """Where compiled data is cached: CREDPARSE_CACHE, else ~/.cache/credparse ("" disables)."""
    value = os.environ.get(ENV_CACHE)
    if value == "":
        return None
    return Path(value) if value else Path.home() / ".cache" / "credparse"


def code_digest(*files: str) -> str:
    """A short hash of credparse's version and of the source files that build a cached object
    (``__file__`` of their modules): editing the code that compiles the catalog, or upgrading,
    makes the old files stale too, not only editing the catalog."""
    h = hashlib.sha256(__version__.encode())
    for name in files:
        try:
            h.update(Path(name).read_bytes())
        except OSError:  # no source beside the bytecode: the version decides alone
            h.update(name.encode())
    return h.hexdigest()[:10]


def load(kind: str, key: str) -> Any | None:
    """The object cached under ``kind-key``, or None (no cache, no file, or a damaged one).
    A file read is touched, so the files in use are the last to be pruned."""
    folder = cache_dir()
    path = folder / f"{kind}-{key}.pickle" if folder else None
    if path is None or not path.is_file():
        return None
    try:
        with path.open("rb") as fh, no_gc():  # thousands of small objects: see parser.gcpause
            obj = pickle.load(fh)  # noqa: S301 - our own file, named by what it was built from
        os.utime(path)
        return obj
    except Exception:  # noqa: BLE001 - a damaged or unreadable file is rebuilt
        return None


def store(kind: str, key: str, obj: Any) -> None:
    """Cache ``obj`` under ``kind-key`` (written whole, then renamed: readers never see half a
    file), then remove the oldest files of ``kind`` past :data:`KEEP`."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{kind}-{key}.{os.getpid()}.tmp"
        with tmp.open("wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, folder / f"{kind}-{key}.pickle")
        _prune(folder, kind)
    except OSError:
        pass


def _prune(folder: Path, kind: str) -> None:
    def age(path: Path) -> float:
        try:
            return path.stat().st_mtime
        except OSError:  # removed meanwhile by another process
            return float("inf")

    files = sorted(folder.glob(f"{kind}-*.pickle"), key=age, reverse=True)
    for old in files[KEEP:]:
        try:
            old.unlink()
        except OSError:
            pass
