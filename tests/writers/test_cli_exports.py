"""`scan --format … --report` and `credparse report`: the exports from one command."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from parser.cli import app

from .conftest import SAMPLES

runner = CliRunner()


def _scan_with_every_export(folder: Path, out_dir: Path) -> Path:
    """`credparse scan` with every `--format` and `--report`; the JSONL path (the others sit beside it)."""
    out = out_dir / "results.jsonl"
    args = ["scan", str(folder), "--out", str(out), "--workers", "1", "--as-of", "2026-11-25"]
    for fmt in ("csv", "xlsx", "jsonresume", "ler"):
        args += ["--format", fmt]
    result = runner.invoke(app, [*args, "--report", str(out_dir / "report.html")])
    assert result.exit_code == 0, result.output
    return out


def test_scan_writes_every_format_and_the_report(tmp_path):
    out = _scan_with_every_export(SAMPLES, tmp_path / "out")
    lines = out.read_text().splitlines()
    for name in (
        "results.csv",
        "results.xlsx",
        "results.jsonresume.jsonl",
        "results.ler.jsonl",
        "report.html",
    ):
        assert (out.parent / name).stat().st_size > 0, name
    assert len((out.parent / "results.jsonresume.jsonl").read_text().splitlines()) == len(lines)
    assert len((out.parent / "results.ler.jsonl").read_text().splitlines()) == len(lines)
    n_creds = sum(len(json.loads(ln)["credentials"]) for ln in lines)
    assert load_workbook(out.parent / "results.xlsx")["Credentials"].max_row - 1 == n_creds
    page = (out.parent / "report.html").read_text()
    assert page.count('class="card"') == len(lines)


def test_report_command_and_usage_errors(tmp_path, sample_profiles):
    results = tmp_path / "r.jsonl"
    results.write_text("".join(json.dumps(p) + "\n" for p in sample_profiles[:3]) + '{"torn')
    result = runner.invoke(
        app, ["report", str(results), "--out", str(tmp_path / "r.html"), "--title", "Q3 <hires>"]
    )
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text()
    assert page.count('class="card"') == 3 and "<title>Q3 &lt;hires&gt;</title>" in page
    assert runner.invoke(app, ["report", str(tmp_path / "missing.jsonl"), "--out", "x.html"]).exit_code == 2
    bad = runner.invoke(
        app, ["scan", str(SAMPLES), "--out", str(tmp_path / "o.jsonl"), "--workers", "1", "--format", "pdf"]
    )
    assert bad.exit_code == 2 and "choose from" in bad.output
    assert not (tmp_path / "o.jsonl").exists()


def test_urls_no_parser_reads_are_kept_in_the_profile_and_left_out_of_the_links(tmp_path):
    """`http://[oops` made `urlsplit` raise in the JSON Resume export, and the whole scan stopped
    with a traceback after its JSONL was written."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "cv.txt").write_text(
        "Ana Lima\nana@example.org  http://[oops/x  https://github.com/ana-lima\n\n"
        "Certifications\nPMP, PMI, 2020 https://exampl].com/pmp\n",
        encoding="utf-8",
    )
    out = _scan_with_every_export(folder, tmp_path / "out")
    [profile] = [json.loads(line) for line in out.read_text().splitlines()]
    assert profile["candidate"]["urls"] == ["http://[oops/x", "https://github.com/ana-lima"]
    [resume] = [
        json.loads(line) for line in (out.parent / "results.jsonresume.jsonl").read_text().splitlines()
    ]
    assert "url" not in resume["basics"]  # the one personal URL was the malformed one
    assert resume["basics"]["profiles"] == [{"network": "Github", "url": "https://github.com/ana-lima"}]
    assert "[oops" not in (out.parent / "results.ler.jsonl").read_text()
    assert 'href="https://exampl].com' not in (out.parent / "report.html").read_text()
