"""``python -m benchmarks.reader_equality [DIR ...]``: do the two PDF readers read the same?

For every PDF in each folder (default: the generated PDFs under ``samples/`` and
``tests/data/``, and ``../shared/real-dev/files`` when it exists), the file is read with the
pdfplumber reader and with the PDFium reader (switched the public way, by the
``CREDPARSE_PDF_READER`` setting, through :func:`parser.readers.reader_for`) and parsed with
:class:`parser.CredentialParser` under each. It compares

- the Document's lines (how many lines differ; the first few differences are shown, as line
  numbers and lengths only for a file outside this repository, never its text), and
- the credentials found (name and credential id of each),

and prints per folder: files equal, files whose credentials differ, files whose text differs,
files a reader rejected, and the read time per PDF for each reader with their ratio.
The files outside the repository are third-party data: nothing of their text is printed.
"""

from __future__ import annotations

import argparse
import difflib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REAL_DEV = ROOT.parent / "shared" / "real-dev" / "files"
ENV = "CREDPARSE_PDF_READER"
READERS = ("pdfplumber", "pdfium")
AS_OF = "2026-12-01"


def default_dirs() -> list[Path]:
    dirs = sorted({p.parent for base in ("samples", "tests/data") for p in (ROOT / base).glob("**/*.pdf")})
    if REAL_DEV.is_dir():
        dirs.append(REAL_DEV)
    return dirs


@contextmanager
def reader(name: str) -> Iterator[None]:
    """Select a PDF reader by its setting for the duration of the block."""
    old = os.environ.get(ENV)
    os.environ[ENV] = name
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = old


def _private(path: Path) -> bool:
    """A file outside the repository (the real-résumé set): never print its text."""
    try:
        path.resolve().relative_to(ROOT)
    except ValueError:
        return True
    return False


@dataclass
class Read:
    lines: list[str] | None = None  # None: the reader rejected the file
    error: str | None = None
    seconds: float = 0.0
    credentials: list[tuple[str, str | None]] = field(default_factory=list)


def read_with(name: str, path: Path, data: bytes, cp: Any, repeat: int) -> Read:
    from parser.errors import DocumentError
    from parser.limits import Limits
    from parser.readers import reader_for
    from parser.sniff import PDF

    out = Read()
    limits = Limits()
    with reader(name):
        read = reader_for(PDF)
        assert read is not None
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            try:
                doc = read(data, limits)
            except DocumentError as exc:
                out.error = exc.code
                doc = None
            except Exception as exc:  # noqa: BLE001 - a reader bug is counted, not fatal
                out.error = f"crash:{type(exc).__name__}"
                doc = None
            best = min(best, time.perf_counter() - t)
        out.seconds = best
        if doc is not None:
            out.lines = [ln.text for ln in doc.lines]
        profile = cp.parse(str(path))
    out.credentials = sorted((c.name, c.credential_id) for c in profile.credentials)
    if profile.error is not None and out.error is None:
        out.error = profile.error.code
    return out


def _diffs(a: list[str], b: list[str]) -> list[tuple[int, int, str, str]]:
    """(line in a, line in b, text a, text b) of each differing line, paired by a sequence diff."""
    out: list[tuple[int, int, str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            ia, jb = i1 + k, j1 + k
            out.append((ia, jb, a[ia] if ia < i2 else "", b[jb] if jb < j2 else ""))
    return out


@dataclass
class Totals:
    files: int = 0
    equal: int = 0
    cred_diff: int = 0
    text_diff: int = 0
    lines_diff: int = 0
    rejected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(READERS, 0))
    seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(READERS, 0.0))


def compare_dir(folder: Path, cp: Any, repeat: int, show: int, verbose: bool) -> Totals:
    tot = Totals()
    private = _private(folder)
    for path in sorted(folder.glob("*.pdf")):
        data = path.read_bytes()
        reads = {name: read_with(name, path, data, cp, repeat) for name in READERS}
        a, b = reads["pdfplumber"], reads["pdfium"]
        tot.files += 1
        for name in READERS:
            tot.seconds[name] += reads[name].seconds
            if reads[name].lines is None:
                tot.rejected[name] += 1
        diffs = _diffs(a.lines or [], b.lines or [])
        text_same = not diffs and (a.lines is None) == (b.lines is None) and a.error == b.error
        cred_same = a.credentials == b.credentials
        tot.lines_diff += len(diffs)
        tot.text_diff += not text_same
        tot.cred_diff += not cred_same
        tot.equal += text_same and cred_same
        if text_same and cred_same and not verbose:
            continue
        label = path.name
        print(
            f"  {label}: {len(diffs)} differing lines of {len(a.lines or [])}|{len(b.lines or [])}"
            f"; credentials {'same' if cred_same else 'DIFFER'}"
            f" ({len(a.credentials)}|{len(b.credentials)})"
            + (f"; errors {a.error}|{b.error}" if a.error or b.error else "")
        )
        for ia, jb, ta, tb in diffs[:show]:
            if private or _private(path):
                print(f"    line {ia}|{jb}: {len(ta)}|{len(tb)} chars")
            else:
                print(f"    line {ia}|{jb}: {ta!r}\n    {'':>{len(str(ia)) + len(str(jb)) + 6}} {tb!r}")
        if not cred_same and not (private or _private(path)):
            only_a = sorted(set(a.credentials) - set(b.credentials))
            only_b = sorted(set(b.credentials) - set(a.credentials))
            print(f"    pdfplumber only: {only_a}\n    pdfium only:     {only_b}")
        elif not cred_same:
            print(
                f"    credentials only pdfplumber: {len(set(a.credentials) - set(b.credentials))},"
                f" only pdfium: {len(set(b.credentials) - set(a.credentials))}"
            )
    return tot


def _summary(name: str, t: Totals) -> str:
    n = max(t.files, 1)
    ms = {k: 1000 * v / n for k, v in t.seconds.items()}
    ratio = ms["pdfium"] / ms["pdfplumber"] if ms["pdfplumber"] else float("nan")
    return (
        f"{name}: {t.files} PDFs, {t.equal} equal, {t.cred_diff} differ in credentials,"
        f" {t.text_diff} differ in text ({t.lines_diff} lines);"
        f" rejected pdfplumber {t.rejected['pdfplumber']}, pdfium {t.rejected['pdfium']};"
        f" read ms/PDF pdfplumber {ms['pdfplumber']:.1f}, pdfium {ms['pdfium']:.1f} (ratio {ratio:.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.reader_equality", description=__doc__.split("\n")[0]
    )
    ap.add_argument("dirs", nargs="*", type=Path, help="folders of PDFs (default: generated + real-dev)")
    ap.add_argument("--repeat", type=int, default=3, help="reads per reader and file; the fastest counts")
    ap.add_argument("--show", type=int, default=3, help="differing lines shown per file")
    ap.add_argument("-v", "--verbose", action="store_true", help="list equal files too")
    args = ap.parse_args(argv)
    from parser import CredentialParser

    cp = CredentialParser(as_of=AS_OF)
    dirs = args.dirs or default_dirs()
    results: list[tuple[str, Totals]] = []
    for d in dirs:
        if not d.is_dir():
            print(f"{d}: not a folder", file=sys.stderr)
            continue
        shown = os.path.relpath(d, ROOT)
        print(f"{shown}")
        t = compare_dir(d, cp, max(1, args.repeat), args.show, args.verbose)
        results.append((shown, t))
    print()
    for shown, t in results:
        print(_summary(shown, t))
    if len(results) > 1:
        total = Totals()
        for _, t in results:
            total.files += t.files
            total.equal += t.equal
            total.cred_diff += t.cred_diff
            total.text_diff += t.text_diff
            total.lines_diff += t.lines_diff
            for k in READERS:
                total.rejected[k] += t.rejected[k]
                total.seconds[k] += t.seconds[k]
        print(_summary("all", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
