"""What a hostile résumé or file name could do to the programs that read credparse's output:
a spreadsheet (formula injection in CSV/XLSX), a browser or ATS (script URLs) and the
terminal that shows a scan's progress (escape sequences in file names). Real files, the real
`credparse scan`, outputs read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from builders import add_hyperlink, docx_bytes
from docx import Document as DocxDocument
from openpyxl import load_workbook
from typer.testing import CliRunner

from parser.cli import app
from parser.writers.csv import COLUMNS, write_csv
from parser.writers.xlsx import write_xlsx

AS_OF = "2026-11-25"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
runner = CliRunner()

HOSTILE_MD = """Jane Doe
-cmd@evil.example.com

## Certifications

- =HYPERLINK("http://evil.example","Certified Kubernetes Administrator")
- CompTIA Security+
"""


def _scan(paths: list[str], *options: str) -> str:
    """`credparse scan OPTIONS -- PATHS` (a file name may start with "-"); the output a terminal would show."""
    args = ["scan", *options, "--workers", "1", "--as-of", AS_OF, "--", *paths]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


# -- 1. formula injection in tabular exports ------------------------------------------------


def _csv_cells(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_and_xlsx_from_a_scan_hold_no_cell_a_spreadsheet_would_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # relative inputs: the `file` column starts with the file name
    (tmp_path / "=1+1.md").write_text(HOSTILE_MD, encoding="utf-8")
    (tmp_path / "@SUM(A1).txt").write_text("Ann Lee\n\nCertifications\nCISSP\n", encoding="utf-8")
    (tmp_path / "-2+3.txt").write_text("Bob Ray\n\nCertifications\nCISSP\n", encoding="utf-8")
    (tmp_path / "\tTAB.txt").write_text("Cy Doe\n\nCertifications\nCISSP\n", encoding="utf-8")
    inputs = ["=1+1.md", "@SUM(A1).txt", "-2+3.txt", "\tTAB.txt"]
    _scan(inputs, "--out", "r.jsonl", "--csv", "direct.csv", "--format", "csv", "--format", "xlsx")
    raw = [json.loads(line) for line in Path("r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["source"]["file"] for r in raw} == set(inputs)
    for csv_path in (Path("direct.csv"), Path("r.csv")):
        table = _csv_cells(csv_path)
        cells = [v for row in table for v in row.values()]
        assert not [v for v in cells if v.startswith(TRIGGERS)], "a formula-like cell left as it is"
        assert {"'=1+1.md", "'@SUM(A1).txt", "'-2+3.txt", "'\tTAB.txt"} <= {r["file"] for r in table}
        assert "'-cmd@evil.example.com" in {r["email"] for r in table}
        assert any(r["credential"].startswith("'=HYPERLINK") for r in table)
    wb = load_workbook("r.xlsx")
    risky = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    risky = [c for c in risky if c.value.startswith(TRIGGERS)]
    assert {c.value for c in risky} >= {"=1+1.md", "-cmd@evil.example.com"}
    assert all(c.quotePrefix and c.data_type == "s" for c in risky), [
        c.value for c in risky if not c.quotePrefix
    ]


def test_every_column_of_the_csv_writer_is_neutralised(tmp_path, cp):
    profile = cp.parse(b"Jane Doe\n\nCertifications\nCISSP\n", filename="cv.txt", as_of=AS_OF)
    data = profile.model_dump(mode="json")
    assert data["credentials"], "the base résumé must give a credential"
    data["source"]["file"] = "=cmd|' /C calc'!A0"
    data["candidate"]["name"] = "+1+cmd|' /C calc'!A0"
    data["candidate"]["emails"] = ["-2+3@evil.example"]
    cred = data["credentials"][0]
    cred.update(name="@SUM(1+1)*cmd", credential_id="\t=1+1", url="\r=1+1", issued="-1", expires="+1")
    cred["issuer"]["name"] = '=HYPERLINK("http://evil.example")'
    cred["catalog_id"] = "@x"
    write_csv(tmp_path / "x.csv", [data])
    (row,) = _csv_cells(tmp_path / "x.csv")
    assert not [k for k, v in row.items() if v.startswith(TRIGGERS)]
    assert row["file"] == "'=cmd|' /C calc'!A0" and row["credential_id"] == "'\t=1+1"
    assert row["issuer"] == '\'=HYPERLINK("http://evil.example")'
    # harmless values are left exactly as they were
    assert row["kind"] == cred["kind"] and row["confidence"] == str(cred["confidence"])
    write_xlsx(tmp_path / "x.xlsx", [data])
    ws = load_workbook(tmp_path / "x.xlsx")["Credentials"]
    header = [c.value for c in ws[1]]
    assert header[: len(COLUMNS)] == COLUMNS
    for col in ("file", "candidate", "email", "credential", "issuer", "credential_id", "url"):
        cell = ws.cell(2, header.index(col) + 1)
        assert cell.quotePrefix and cell.data_type == "s", col
    assert not ws.cell(2, header.index("kind") + 1).quotePrefix


# -- 2. script URLs never become credential or candidate URLs ---------------------------------

JS = "javascript:alert(1)"
DATA = "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="
CREDLY = "https://www.credly.com/badges/e2d4f6a8-0b1c-4d3e-9f5a-6b7c8d9e0f1a/public_url"


def _hostile_docx() -> bytes:
    doc = DocxDocument()
    doc.add_paragraph("Jane Doe")
    add_hyperlink(doc.add_paragraph("Portfolio: "), "my work", "javascript:alert(2)")
    doc.add_heading("Licenses & certifications", level=1)
    doc.add_paragraph("CompTIA Security+")
    doc.add_paragraph("CompTIA")
    add_hyperlink(doc.add_paragraph(), "Show credential", JS)
    doc.add_paragraph("Certified Information Systems Security Professional (CISSP)")
    doc.add_paragraph("ISC2")
    add_hyperlink(doc.add_paragraph(), "Show credential", DATA)
    doc.add_paragraph("Certified Kubernetes Administrator (CKA)")
    add_hyperlink(doc.add_paragraph(), "Show credential", CREDLY)
    return docx_bytes(doc)


HOSTILE_LINKS_MD = f"""Jane Doe
[Portfolio](javascript:alert(2)) · [Site](DATA:text/html,hi) · [GitHub](https://github.com/janedoe)

## Certifications

- CompTIA Security+ [Show credential]({JS})
- Certified Information Systems Security Professional (CISSP) [Show credential](vbscript:msgbox)
- Certified Kubernetes Administrator (CKA) [Show credential]({CREDLY})
"""


def _urls(profile: dict) -> list[str]:
    return [c["url"] for c in profile["credentials"] if c.get("url")] + profile["candidate"]["urls"]


@pytest.mark.parametrize(
    ("name", "data"),
    [("cv.docx", _hostile_docx()), ("cv.md", HOSTILE_LINKS_MD.encode())],
    ids=["docx", "markdown"],
)
def test_only_http_urls_become_credential_or_candidate_urls(cp, name, data):
    profile = cp.parse(data, filename=name, as_of=AS_OF).model_dump(mode="json")
    assert profile["error"] is None
    names = {c["name"] for c in profile["credentials"]}
    assert {"CompTIA Security+", "Certified Kubernetes Administrator"} <= names
    urls = _urls(profile)
    assert CREDLY in urls  # http(s) links still arrive
    assert all(u.lower().startswith(("http://", "https://")) for u in urls), urls
    text = json.dumps(profile).lower()
    assert "javascript:" not in text and "data:text" not in text and "vbscript:" not in text


def test_a_scan_writes_no_script_url_to_jsonl_or_csv(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cv.docx").write_bytes(_hostile_docx())
    (tmp_path / "in" / "cv.md").write_text(HOSTILE_LINKS_MD, encoding="utf-8")
    out = tmp_path / "r.jsonl"
    _scan([str(tmp_path / "in")], "--out", str(out), "--csv", str(tmp_path / "r.csv"))
    for path in (out, tmp_path / "r.csv"):
        text = path.read_text(encoding="utf-8").lower()
        assert "javascript:" not in text and "data:text" not in text, path.name
    assert CREDLY in out.read_text(encoding="utf-8")


# -- 3. terminal escape sequences in file names --------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "cv\x1b]0;pwned\x07.txt",  # set the window title
        "\x1b]52;c;ZWNobyBwd25lZA==\x07.txt",  # OSC 52: write the clipboard
        "\x1b[2J\x1b[Hcv.txt",  # clear the screen
        "cv\x9b2J.txt",  # the same, as an 8-bit CSI
        "[link=javascript:alert(1)]cv.txt",  # Rich markup that would become an OSC 8 link
    ],
    ids=["title", "clipboard", "clear", "c1-csi", "rich-markup"],
)
def test_scan_progress_shows_file_names_with_control_characters_escaped(tmp_path, name):
    folder = tmp_path / "in\x1b[31m"
    folder.mkdir()
    (folder / name).write_text("Jane Doe\n\nCertifications\nCISSP\n", encoding="utf-8")
    output = _scan([str(folder)], "--out", str(tmp_path / "r\x1b]0;x\x07.jsonl"))
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    shown = name.encode("unicode_escape").decode("ascii") if not name.startswith("[") else name
    assert shown[:30] in output, output  # the name is shown, escaped, not dropped
    assert "r\\x1b]0;x\\x07.jsonl" in output
