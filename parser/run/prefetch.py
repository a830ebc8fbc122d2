"""Read the file of ``credparse parse FILE`` in a child while the parser loads.

Why: a one-file run spends most of its start-up loading the parser (spaCy, the catalog),
and reading a PDF or DOCX (its libraries' imports, then the file) needs none of it. Forked
before spaCy is imported, a reading child overlaps the two on a second core: the parse child
then starts from the :class:`~parser.document.ReadResult` instead of reading again.

The reading child runs under the same limits as any parse child (:mod:`parser.run.pool`):
its address space capped at what it maps plus ``max_memory``, killed past ``timeout``, killed
with its parent. A timeout or a crash becomes the file's error record, as it would in a parse
child.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time

from ..document import ReadResult
from ..limits import Limits
from .child import RESOURCE_EXIT, cap_address_space, crash_reason, die_with_parent, timeout_reason

_HEAD = 8  # the result's length, written first: the read is done when it arrives


class Prefetch:
    """A file being read in a forked child; :meth:`result` waits for it."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path, self.limits = path, limits
        self.deadline = time.monotonic() + limits.timeout if limits.timeout else None
        read_end, write_end = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # the child: read, hand the result over, leave without cleanup
            os.close(read_end)
            _child(path, limits, write_end)
        os.close(write_end)
        self.fd = read_end

    def result(self) -> ReadResult:
        """The child's :class:`ReadResult`, or the error record of a read that did not finish.

        The time limit covers the read: the child says it is done with the length of its result,
        which may then take a while to arrive if the pipe filled while this process was busy."""
        try:
            head = self._head()
            if head is None:
                self._stop()
                return self._failed(*timeout_reason(self.limits.timeout))
            payload = self._rest(struct.unpack("!Q", head)[0]) if len(head) == _HEAD else b""
        finally:
            os.close(self.fd)
        code = os.waitstatus_to_exitcode(os.waitpid(self.pid, 0)[1])
        if payload and code == 0:
            read: ReadResult = pickle.loads(payload)  # noqa: S301 - our own child's bytes
            return read
        return self._failed(*crash_reason(code, self.limits.max_memory))

    def _head(self) -> bytes | None:
        """The result's length as the child wrote it (short or empty if it died); None past the deadline."""
        head = b""
        while len(head) < _HEAD:
            left = None if self.deadline is None else max(0.0, self.deadline - time.monotonic())
            if not select.select([self.fd], [], [], left)[0]:
                return None
            chunk = os.read(self.fd, _HEAD - len(head))
            if not chunk:
                break
            head += chunk
        return head

    def _rest(self, size: int) -> bytes:
        chunks, got = [], 0
        while got < size:
            chunk = os.read(self.fd, min(size - got, 1 << 20))
            if not chunk:
                return b""  # the child died while writing
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks)

    def _stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)

    def _failed(self, code: str, message: str) -> ReadResult:
        from .hashing import sha256_of

        return ReadResult(sha256_of(self.path), 0, error=(code, message))  # sha256: --resume skips it


def _child(path: str, limits: Limits, fd: int) -> None:
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        die_with_parent()
        cap_address_space(limits.max_memory)
        from ..readers import read_path

        payload = pickle.dumps(read_path(path, limits), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(fd, "wb") as out:
            out.write(struct.pack("!Q", len(payload)) + payload)
    except MemoryError:
        status = RESOURCE_EXIT
    except BaseException:  # noqa: BLE001 - the parent reports a crash for an empty pipe
        status = 1
    finally:
        os._exit(status)
