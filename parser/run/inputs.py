"""The inputs of a scan: files under folders, walked in a stable order, and each one's problem
(a broken link, a loop, a special file) found before it is opened; and names made safe to
write (:func:`display`, in JSON) and to show (:func:`printable`, on a terminal).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..storage import expand, is_url


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
