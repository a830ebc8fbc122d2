"""Read an input file once, safely: open, check what was opened, read with a bound.

Checking a path and then opening it leaves a window in which the file can be swapped for a
link to ``/dev/zero`` (an endless read, ``MemoryError``), a FIFO (an open that never returns)
or a bigger file. So the file is opened first, without blocking (``O_NONBLOCK``: a FIFO opens at
once) and never as a controlling terminal; then the *descriptor* is checked (a regular file, not
over the size limit), and at most ``max_bytes + 1`` bytes are read, whatever the size said (files
in ``/proc`` say 0, a file can grow while it is read).

A symbolic link given as the path is followed: a caller that must not follow links (a folder
walk) decides that before, and passes ``follow_symlinks=False`` to refuse a link swapped in since.
"""

from __future__ import annotations

import errno
import os
import stat

from .errors import DocumentError

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 20


def _too_large(size: int | str, max_bytes: int) -> DocumentError:
    return DocumentError("too_large", f"{size} bytes is over the {max_bytes}-byte limit")


def open_regular(path: str | os.PathLike[str], *, follow_symlinks: bool = True) -> tuple[int, os.stat_result]:
    """A blocking descriptor of the regular file at ``path`` (the caller closes it) and its stat.

    Raises :class:`DocumentError`: ``not_found`` or ``unreadable`` (not a regular file, a link
    when ``follow_symlinks`` is false, no permission).
    """
    flags = _FLAGS if follow_symlinks else _FLAGS | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise DocumentError("not_found", "the file does not exist") from None
    except ValueError:  # a NUL byte in the path
        raise DocumentError("unreadable", "the file name cannot be opened") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            why = "a symbolic link (not followed)" if not follow_symlinks else "a symlink loop"
            raise DocumentError("unreadable", f"the file cannot be read: {why}") from None
        raise DocumentError("unreadable", f"the file cannot be read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError("unreadable", "not a regular file")
        os.set_blocking(fd, True)
    except OSError as exc:
        os.close(fd)
        raise DocumentError("unreadable", f"the file cannot be read: {exc.strerror or exc}") from None
    except DocumentError:
        os.close(fd)
        raise
    return fd, st


def read_file(path: str | os.PathLike[str], max_bytes: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    Raises :class:`DocumentError`: ``not_found``, ``unreadable`` (not a regular file, a link when
    ``follow_symlinks`` is false, no permission, an I/O error) or ``too_large``.
    """
    fd, st = open_regular(path, follow_symlinks=follow_symlinks)
    try:
        if st.st_size > max_bytes:
            raise _too_large(st.st_size, max_bytes)
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise _too_large(f"more than {max_bytes}", max_bytes)
        return b"".join(chunks)
    except OSError as exc:
        raise DocumentError("unreadable", f"the file cannot be read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
