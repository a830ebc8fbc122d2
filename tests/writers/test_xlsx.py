"""XLSX export: read back with openpyxl; formulas from résumé text must stay inert text."""

from __future__ import annotations

from openpyxl import load_workbook

from parser.writers.csv import rows
from parser.writers.xlsx import write_xlsx

from .conftest import HOSTILE_CRED


def test_workbook_has_one_row_per_credential_with_links_and_levels(tmp_path, sample_profiles):
    path = tmp_path / "out.xlsx"
    n = write_xlsx(path, sample_profiles)
    expected = sum(len(p["credentials"]) for p in sample_profiles)
    assert n == expected
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Candidates", "Credentials"]
    creds = wb["Credentials"]
    header = [c.value for c in creds[1]]
    assert creds.max_row - 1 == expected
    assert wb["Candidates"].max_row - 1 == len(sample_profiles)
    url_col = header.index("url") + 1
    level_col = header.index("level") + 1
    linked = [creds.cell(r, url_col) for r in range(2, creds.max_row + 1) if creds.cell(r, url_col).value]
    assert linked and all(c.hyperlink is not None and c.hyperlink.target == c.value for c in linked)
    levels = {creds.cell(r, level_col).value for r in range(2, creds.max_row + 1)}
    assert levels <= {"verified", "verifiable", "unverifiable", "suspicious", "invalid"}
    assert creds.cell(2, level_col).fill.fgColor.rgb.endswith(
        ("1B7F3B", "1D5FA8", "5F6368", "B35C00", "B3261E")
    )
    assert creds.auto_filter.ref


def test_formula_text_is_not_a_formula(tmp_path, hostile_profile):
    path = tmp_path / "hostile.xlsx"
    write_xlsx(path, [hostile_profile])
    creds = load_workbook(path)["Credentials"]
    header = [c.value for c in creds[1]]
    cell = creds.cell(2, header.index("credential") + 1)
    assert cell.value == HOSTILE_CRED and cell.data_type == "s"
    url = creds.cell(2, header.index("url") + 1)
    assert url.hyperlink is None  # javascript: is never a link
    issuer = creds.cell(2, header.index("issuer") + 1).value
    assert issuer == "Acme <Corp>"  # the control character is gone, the text is kept
    assert len(list(rows(hostile_profile))) == creds.max_row - 1
