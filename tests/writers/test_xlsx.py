"""XLSX export: read back with openpyxl; formulas from résumé text must stay inert text."""

from __future__ import annotations

from openpyxl import load_workbook

from parser.reading import WORDS, reading
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
    with_url = [r for r in range(2, creds.max_row + 1) if creds.cell(r, url_col).value]
    trusted = [r for r in with_url if creds.cell(r, level_col).value not in ("suspicious", "invalid")]
    distrusted = [r for r in with_url if r not in trusted]
    assert trusted and distrusted  # the samples hold both kinds
    for r in trusted:
        cell = creds.cell(r, url_col)
        assert cell.hyperlink is not None and cell.hyperlink.target == cell.value
    # a look-alike host is shown as text, never offered as a link to click
    assert all(creds.cell(r, url_col).hyperlink is None for r in distrusted)
    levels = {creds.cell(r, level_col).value for r in range(2, creds.max_row + 1)}
    assert levels <= {"verified", "verifiable", "unverifiable", "suspicious", "invalid"}
    assert creds.cell(2, level_col).fill.fgColor.rgb.endswith(
        ("1B7F3B", "1D5FA8", "5F6368", "B35C00", "B3261E")
    )
    assert creds.auto_filter.ref
    # a scan is counted as a scan, on the summary and on its candidate's row
    summary = {wb["Summary"].cell(r, 1).value: wb["Summary"].cell(r, 2).value for r in range(1, 20)}
    outcomes = [reading(p) for p in sample_profiles]  # the image-only sample: "ocr" with Tesseract
    assert summary["no text layer: scanned?"] == outcomes.count("scanned")
    assert summary[WORDS["ocr"]] == outcomes.count("ocr") and summary["parsed ok"] == outcomes.count("ok")
    cands = wb["Candidates"]
    cand_header = [c.value for c in cands[1]]
    read = {
        cands.cell(r, 1).value: cands.cell(r, cand_header.index("read") + 1).value
        for r in range(2, cands.max_row + 1)
    }
    scan = next(p for p in sample_profiles if p["source"]["file"].endswith("scanned_image_only.pdf"))
    assert read[scan["source"]["file"]] == WORDS[reading(scan)] and reading(scan) in ("ocr", "scanned")


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
