"""Object-storage inputs and outputs (``s3://``, ``gs://``, ``az://``, …) through fsspec.

Why fsspec: one interface over every store, with the credentials each store's own tools
already use (``AWS_*`` variables and profiles, ``gcloud`` logins, Azure connection strings),
and the endpoint settings fsspec reads from ``FSSPEC_<PROTOCOL>_<KWARG>`` variables (e.g.
``FSSPEC_S3_ENDPOINT_URL`` for MinIO or another S3-compatible server). fsspec and each
store's driver are optional extras (``credparse[s3]``, ``[gcs]``, ``[azure]``); a local-only
install never imports them.

An output URL cannot be appended to line by line, so the JSONL is written to a local staging
file (kept across a killed run, so ``--resume`` finds it) and uploaded every
:data:`PUSH_EVERY` seconds and at the end.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from .errors import DocumentError

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+)://")
PUSH_EVERY = 30.0
EXTRAS = {
    "s3": "s3",
    "s3a": "s3",
    "gs": "gcs",
    "gcs": "gcs",
    "az": "azure",
    "abfs": "azure",
    "abfss": "azure",
}


def is_url(text: str) -> bool:
    """True for ``scheme://…`` inputs other than plain local files."""
    m = _SCHEME.match(text)
    return m is not None and m.group(1).lower() != "file"


def _fs(url: str, **storage_options: Any) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RuntimeError(_missing(url)) from exc
    try:
        fs, path = url_to_fs(url, **storage_options)
    except (ImportError, ValueError) as exc:
        raise RuntimeError(_missing(url) + f" ({exc})") from exc
    return fs, path


def _missing(url: str) -> str:
    scheme = url.split("://", 1)[0].lower()
    return f"{url}: install the '{EXTRAS.get(scheme, 'storage')}' extra: pip install 'credparse[{EXTRAS.get(scheme, 'storage')}]'"


def _full(fs: Any, path: str) -> str:
    url: str = fs.unstrip_protocol(path)
    return url


def expand(url: str) -> list[tuple[str, str | None]]:
    """(url, problem) for every object at or below ``url``, sorted; a missing one is reported."""
    fs, path = _fs(url)
    try:
        if fs.isdir(path):
            return [(_full(fs, p), None) for p in sorted(fs.find(path))]
        if fs.exists(path):
            return [(url, None)]
    except OSError as exc:
        return [(url, f"cannot list: {exc}")]
    return [(url, "not found")]


def read_bytes(url: str, max_bytes: int) -> bytes:
    """The object's bytes; raises :class:`DocumentError` (``not_found``, ``too_large``, ``unreadable``)."""
    fs, path = _fs(url)
    try:
        size = fs.size(path)
        if size is not None and size > max_bytes:
            raise DocumentError("too_large", f"{size} bytes is over the {max_bytes}-byte limit")
        with fs.open(path, "rb") as fh:
            data: bytes = fh.read(max_bytes + 1)
    except FileNotFoundError as exc:
        raise DocumentError("not_found", "the object does not exist") from exc
    except OSError as exc:
        raise DocumentError("unreadable", f"the object cannot be read: {exc}") from exc
    if len(data) > max_bytes:
        raise DocumentError("too_large", f"over the {max_bytes}-byte limit")
    return data


def sha256(url: str) -> str | None:
    """SHA-256 of an object's bytes, or None when it cannot be read."""
    try:
        fs, path = _fs(url)
        h = hashlib.sha256()
        with fs.open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except (OSError, RuntimeError):
        return None


def parse_url(parser: Any, url: str, *, as_of: str | None = None) -> Any:
    """Parse one object: read it (within the size limit), then parse the bytes."""
    from .models import CandidateProfile, Error, ParserInfo, Source
    from .version import __version__

    try:
        data = read_bytes(url, parser.limits.max_bytes)
    except (DocumentError, RuntimeError) as exc:
        code = exc.code if isinstance(exc, DocumentError) else "unreadable"
        return CandidateProfile(
            source=Source(file=url),
            error=Error(code=code, message=getattr(exc, "message", str(exc))),
            parser=ParserInfo(version=__version__),
        )
    profile = parser.parse(data, filename=url, as_of=as_of)
    profile.source.file = url
    return profile


def private_dir(path: Path) -> Path:
    """``path`` created if needed and entered by this user only (0700), because what is staged
    there is personal data; a folder that is not ours (say, planted in /tmp) is refused."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    st = path.lstat()
    if not path.is_dir() or path.is_symlink() or st.st_uid != os.getuid():
        raise OSError(f"{path} is not a folder of this user; refusing to stage personal data there")
    os.chmod(path, 0o700)
    return path


def staging_root() -> Path:
    """Where remote outputs are staged: the user's credparse cache, else a per-user temp folder."""
    from .cache import cache_dir

    base = cache_dir()
    return base / "staging" if base else Path(tempfile.gettempdir()) / f"credparse-staging-{os.getuid()}"


class OutputTarget:
    """Where the JSONL goes: a local path, or a URL written through a local staging file.

    The staging file lives in a private folder, is uploaded as the scan goes, and is removed
    by :meth:`discard` once the scan is complete and uploaded; an interrupted scan keeps it
    for ``--resume``.
    """

    def __init__(self, out: str | Path) -> None:
        self.url = str(out) if is_url(str(out)) else None
        if self.url is None:
            self.local = Path(out)
            return
        digest = hashlib.sha256(self.url.encode()).hexdigest()[:16]
        name = self.url.rstrip("/").rsplit("/", 1)[-1] or "results.jsonl"
        root = staging_root()
        private_dir(root)
        self.local = private_dir(root / digest) / name
        self._pushed = 0.0

    def __str__(self) -> str:
        return self.url or str(self.local)

    def exists(self) -> bool:
        if self.url is None:
            return self.local.exists()
        fs, path = _fs(self.url)
        return bool(fs.exists(path))

    def pull(self) -> None:
        """Before a resume: fetch the remote output unless the staging copy is further along."""
        if self.url is None:
            return
        fs, path = _fs(self.url)
        if not fs.exists(path):
            return
        if self.local.exists() and self.local.stat().st_size >= (fs.size(path) or 0):
            return
        fs.get(path, str(self.local))

    def reset(self) -> None:
        """``--force``: forget an old staging copy."""
        if self.url is not None and self.local.exists():
            self.local.unlink()

    def push(self, *, force: bool = True) -> None:
        """Upload the staging file (at most every :data:`PUSH_EVERY` s unless ``force``)."""
        if self.url is None or not self.local.exists():
            return
        now = time.monotonic()
        if not force and now - self._pushed < PUSH_EVERY:
            return
        fs, path = _fs(self.url)
        fs.put(str(self.local), path)
        self._pushed = now

    def publish(self, file: Path) -> str:
        """Upload an export written beside the staging file next to the remote output; its URL.

        Files elsewhere (a ``--report`` path the user chose) stay where they are.
        """
        if self.url is None or file.parent != self.local.parent:
            return str(file)
        dest = self.url.rsplit("/", 1)[0] + "/" + file.name
        fs, path = _fs(dest)
        fs.put(str(file), path)
        return dest

    def discard(self) -> None:
        """After a complete, uploaded scan: remove the staging folder (personal data)."""
        if self.url is not None:
            shutil.rmtree(self.local.parent, ignore_errors=True)
