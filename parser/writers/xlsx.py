"""XLSX for recruiters (openpyxl): a summary, one row per candidate, one row per credential.

Every string is written as text, never as a formula: a résumé line such as
`=HYPERLINK("http://evil")` stays inert in Excel (CSV/formula injection), and a cell that
looks like a formula (:func:`~parser.writers.common.formula_like`, the CSV writer's rule) also
carries Excel's quote prefix, so editing the cell in Excel does not turn it into one. Characters that
are illegal in OOXML are dropped instead of failing the whole workbook. Level cells carry
both a colour and the level's name, links open the verification URL (http(s) only).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..reading import WORDS, reading
from .common import DISTRUSTED, LEVELS, as_dict, formula_like, safe_url
from .csv import COLUMNS, rows

#: Columns whose http(s) URLs become links, except on a credential whose handle is distrusted.
LINKED = ("url", "lookup_url")


def _text(value: Any) -> Any:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)[:32_000]
    return value


def _put(ws: Any, row: int, col: int, value: Any) -> Any:
    cell = ws.cell(row=row, column=col, value=_text(value))
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"  # text that starts with "=" is data, not a formula
    if formula_like(cell.value):
        cell.quotePrefix = True  # what Excel stores for a typed leading ' : text, even once edited
    return cell


def _header(ws: Any, names: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    for col, name in enumerate(names, start=1):
        cell = _put(ws, 1, col, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="37474F")
    ws.freeze_panes = "A2"


def _widths(ws: Any, widths: dict[str, int]) -> None:
    from openpyxl.utils import get_column_letter

    for col in range(1, ws.max_column + 1):
        name = ws.cell(row=1, column=col).value
        ws.column_dimensions[get_column_letter(col)].width = widths.get(str(name), 14)


def write_xlsx(path: Path, profiles: Iterable[dict[str, Any]]) -> int:
    """Write the workbook for ``profiles`` (JSON dicts); returns the number of credential rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    cands = wb.create_sheet("Candidates")
    creds = wb.create_sheet("Credentials")
    cand_cols = ["file", "candidate", "email", "read", "credentials", *LEVELS, "error"]
    cred_cols = COLUMNS
    _header(cands, cand_cols)
    _header(creds, cred_cols)
    levels: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    n_profiles = n_rows = 0
    for raw in profiles:
        profile = as_dict(raw)
        n_profiles += 1
        outcomes[reading(profile)] += 1
        plist = profile.get("credentials") or []
        counts = Counter(c["verification"]["level"] for c in plist)
        levels.update(counts)
        first = next(iter(rows(profile)))
        values = [first["file"], first["candidate"], first["email"], WORDS[reading(profile)], len(plist)]
        values += [counts.get(level, 0) for level in LEVELS] + [first["error"]]
        r = cands.max_row + 1
        for col, value in enumerate(values, start=1):
            _put(cands, r, col, value)
        for row in rows(profile):
            if not plist:
                continue
            r = creds.max_row + 1
            n_rows += 1
            for col, name in enumerate(cred_cols, start=1):
                cell = _put(creds, r, col, row.get(name, ""))
                if name in LINKED and safe_url(row.get(name)) and row.get("level") not in DISTRUSTED:
                    cell.hyperlink = row[name]
                    cell.font = Font(color="0563C1", underline="single")
                if name == "level" and row.get("level") in LEVELS:
                    cell.fill = PatternFill("solid", fgColor=LEVELS[row["level"]][0].lstrip("#").upper())
                    cell.font = Font(bold=True, color="FFFFFF")
    for ws in (cands, creds):
        ws.auto_filter.ref = ws.dimensions
    _widths(cands, {"file": 36, "candidate": 24, "email": 30})
    _widths(
        creds,
        {
            "file": 30,
            "candidate": 22,
            "credential": 44,
            "issuer": 26,
            "url": 44,
            "reasons": 80,
            "lookup_url": 40,
        },
    )
    _put(summary, 1, 1, "credparse export").font = Font(bold=True, size=14)
    lines: list[tuple[str, Any]] = [
        ("résumés", n_profiles),
        ("parsed ok", outcomes["ok"]),
        (WORDS["ocr"], outcomes["ocr"]),
        (WORDS["scanned"], outcomes["scanned"]),
        ("with errors", outcomes["error"]),
        ("credentials", n_rows),
    ]
    lines += [(f"  {level}", levels.get(level, 0)) for level in LEVELS]
    for i, (label, value) in enumerate(lines, start=3):
        _put(summary, i, 1, label)
        _put(summary, i, 2, value)
    for i, (level, (colour, words)) in enumerate(LEVELS.items(), start=len(lines) + 4):
        cell = _put(summary, i, 1, level)
        cell.fill = PatternFill("solid", fgColor=colour.lstrip("#").upper())
        cell.font = Font(bold=True, color="FFFFFF")
        _put(summary, i, 2, words)
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 44
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return n_rows
