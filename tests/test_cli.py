"""The command line, invoked with argument lists (typer's CliRunner) on real files."""

from __future__ import annotations

import json
from pathlib import Path

from builders import make_pdf, slow_resume
from typer.testing import CliRunner

from parser.cli import app

runner = CliRunner()
GOOD = "Lee Chan\nlee@example.com\n\nCertifications\nCertified Information Systems Security Professional (CISSP), 2020\n"


def _folder(tmp_path):
    d = tmp_path / "in"
    (d / "a").mkdir(parents=True)
    (d / "a" / "cv.txt").write_text(GOOD)
    (d / "b").mkdir()
    (d / "b" / "cv.txt").write_text(GOOD.replace("2020", "2021"))
    (d / "empty.txt").write_bytes(b"")
    (d / "junk.pdf").write_bytes(b"%PDF-1.4 junk")
    return d


def _lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_parse_prints_one_profile(tmp_path):
    f = tmp_path / "cv.txt"
    f.write_text(GOOD)
    result = runner.invoke(app, ["parse", str(f), "--as-of", "2026-11-25"])
    assert result.exit_code == 0
    profile = json.loads(result.stdout)
    assert [c["catalog_id"] for c in profile["credentials"]] == ["isc2/cissp"]


def test_scan_writes_one_line_per_input_and_a_csv(tmp_path):
    d = _folder(tmp_path)
    out, csv = tmp_path / "r.jsonl", tmp_path / "r.csv"
    result = runner.invoke(app, ["scan", str(d), "--out", str(out), "--csv", str(csv), "--workers", "1"])
    assert result.exit_code == 0, result.output
    lines = _lines(out)
    files = sorted(p["source"]["file"] for p in lines)
    assert files == sorted(str(p) for p in d.rglob("*") if p.is_file())  # two cv.txt stay apart
    errors = {p["source"]["file"].rsplit("/", 1)[-1]: p["error"]["code"] for p in lines if p["error"]}
    assert errors == {"empty.txt": "empty", "junk.pdf": "corrupt"}
    rows = csv.read_text().splitlines()
    assert rows[0].startswith("file,candidate,email,credential,issuer")
    assert sum("Certified Information Systems Security Professional" in r for r in rows) == 2
    assert "credentials" in result.output and "errors" in result.output


def test_existing_output_needs_resume_or_force(tmp_path):
    d = _folder(tmp_path)
    out = tmp_path / "r.jsonl"
    out.write_text("")
    result = runner.invoke(app, ["scan", str(d), "--out", str(out)])
    assert result.exit_code == 2
    assert runner.invoke(app, ["scan", str(d), "--out", str(out), "--resume", "--force"]).exit_code == 2
    assert runner.invoke(app, ["scan", str(d), "--out", str(out), "--force", "--workers", "1"]).exit_code == 0
    assert len(_lines(out)) == 4


def test_resume_skips_done_files_and_repairs_a_torn_line(tmp_path):
    d = _folder(tmp_path)
    out = tmp_path / "r.jsonl"
    assert runner.invoke(app, ["scan", str(d), "--out", str(out), "--workers", "1"]).exit_code == 0
    lines = out.read_text().splitlines(keepends=True)
    kept = lines[:2]
    out.write_text("".join(kept) + lines[2][:25])  # a killed run: two lines and a torn third
    result = runner.invoke(app, ["scan", str(d), "--out", str(out), "--resume", "--workers", "1"])
    assert result.exit_code == 0, result.output
    final = _lines(out)
    assert len(final) == 4
    assert len({p["source"]["file"] for p in final}) == 4
    assert [json.dumps(p) for p in final[:2]] == [json.dumps(json.loads(k)) for k in kept]  # not redone
    assert "already done" in result.output
    # the summary counts this run and, beside it, the whole output (not only this run's files)
    table = {
        ln.split("│")[1].strip(): ln.split("│")[2:4]
        for ln in result.output.splitlines()
        if ln.count("│") >= 4
    }
    assert [v.strip() for v in table["files"]] == ["2", "4"]
    credentials = sum(len(p["credentials"]) for p in final)
    this_run = sum(len(p["credentials"]) for p in final[2:])
    assert [v.strip() for v in table["credentials"]] == [str(this_run), str(credentials)]
    assert "the output now holds 4" in result.output


def test_scan_with_two_workers_matches_one(tmp_path):
    d = _folder(tmp_path)
    one, two = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    assert (
        runner.invoke(
            app, ["scan", str(d), "--out", str(one), "--workers", "1", "--as-of", "2026-11-25"]
        ).exit_code
        == 0
    )
    assert (
        runner.invoke(
            app, ["scan", str(d), "--out", str(two), "--workers", "2", "--as-of", "2026-11-25"]
        ).exit_code
        == 0
    )

    def key(path):
        return {p["source"]["file"]: [c["catalog_id"] for c in p["credentials"]] for p in _lines(path)}

    assert key(one) == key(two)


def test_bad_as_of_is_a_usage_error(tmp_path):
    f = tmp_path / "cv.txt"
    f.write_text(GOOD)
    assert runner.invoke(app, ["parse", str(f), "--as-of", "yesterday"]).exit_code == 2


def test_schema_has_enums_and_descriptions():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    cred = schema["$defs"]["Credential"]["properties"]
    assert "Open Badges 3.0" in cred["kind"]["description"]
    assert set(cred["status"]["enum"]) == {"earned", "in_progress", "expired"}
    level = schema["$defs"]["Verification"]["properties"]["level"]
    assert set(level["enum"]) == {"verified", "verifiable", "unverifiable", "suspicious", "invalid"}


def test_limits_are_settings_on_the_command_line_and_in_the_environment(tmp_path, monkeypatch):
    pdf = tmp_path / "two_pages.pdf"
    pdf.write_bytes(
        make_pdf([[(72, 72, "Ana Lima")], [(72, 72, "Certifications"), (72, 90, "CISSP, ISC2, 2021")]])
    )
    whole = json.loads(runner.invoke(app, ["parse", str(pdf)]).stdout)
    assert [c["catalog_id"] for c in whole["credentials"]] == ["isc2/cissp"]
    cut = json.loads(runner.invoke(app, ["parse", str(pdf), "--limit", "max_pages=1"]).stdout)
    assert cut["credentials"] == [] and "truncated" in [w["code"] for w in cut["warnings"]]
    assert cut["source"]["pages"] == 1

    monkeypatch.setenv("CREDPARSE_LIMIT_MAX_BYTES", "100")
    refused = json.loads(runner.invoke(app, ["parse", str(pdf)]).stdout)
    assert refused["error"]["code"] == "too_large"
    assert refused["source"]["size_bytes"] == pdf.stat().st_size  # what was refused, and how big

    bad = runner.invoke(app, ["parse", str(pdf), "--limit", "pages=1"])
    assert bad.exit_code == 2 and "unknown limit" in bad.output
    negative = runner.invoke(app, ["parse", str(pdf), "--limit", "max_pages=-1"])
    assert negative.exit_code == 2 and "negative" in negative.output
    monkeypatch.setenv("CREDPARSE_LIMIT_MAX_PAGES", "many")
    garbled = runner.invoke(app, ["parse", str(pdf)])
    assert garbled.exit_code == 2 and "needs a number" in garbled.output


def test_scan_takes_its_time_limit_from_the_limit_settings(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "slow.txt").write_bytes(slow_resume())
    (folder / "cv.txt").write_text(GOOD)
    out = tmp_path / "r.jsonl"
    result = runner.invoke(app, ["scan", str(folder), "--out", str(out), "--limit", "timeout=0.5"])
    assert result.exit_code == 0, result.output
    codes = {Path(r["source"]["file"]).name: (r["error"] or {}).get("code") for r in _lines(out)}
    assert codes == {"slow.txt": "timeout", "cv.txt": None}


def test_version_and_help_read_cleanly():
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.startswith("credparse ")
    for args in (["--help"], ["parse", "--help"], ["catalog", "--help"]):
        shown = runner.invoke(app, args).stdout
        assert "--help" in shown and "<bool>" not in shown


def test_csv_says_why_a_level_is_what_it_is_and_the_issuer_as_written(tmp_path):
    import csv as csv_module

    d = tmp_path / "in"
    d.mkdir()
    (d / "cv.txt").write_text(
        "Kim Example\nCertifications\n"
        "AWS Certified Cloud Practitioner https://aws-certification.net/verify/ABC123\n"
        "Registered Nurse, Ohio, License No. 452189\n"
    )
    out, table = tmp_path / "r.jsonl", tmp_path / "r.csv"
    assert runner.invoke(app, ["scan", str(d), "--out", str(out), "--csv", str(table)]).exit_code == 0
    rows = {r["credential"]: r for r in csv_module.DictReader(table.open(encoding="utf-8"))}
    aws = rows["AWS Certified Cloud Practitioner"]
    assert aws["level"] == "suspicious" and "aws-certification.net" in aws["reasons"]
    nurse = next(r for name, r in rows.items() if "Registered Nurse" in name)
    assert nurse["issuer_as_written"] == "Ohio"
    # the look-up the recruiter uses (the Ohio board's, from the catalog), and the number to type there
    from parser.catalog.store import load_catalog

    assert nurse["lookup_url"] == load_catalog().issuers["nursing-us-oh"].lookup_url
    assert nurse["lookup_url"].startswith("https://") and nurse["lookup_number"] == "452189"


def test_scan_counts_scanned_files_apart_from_clean_ones_and_csv_says_so(tmp_path):
    import csv as csv_module

    d = tmp_path / "in"
    d.mkdir()
    (d / "cv.txt").write_text(GOOD.replace("2020", "in progress, expected 2027-03"))
    (d / "scan.pdf").write_bytes(
        make_pdf([[]], image_page=True, image_text="")
    )  # blank, and an image of nothing
    out, table = tmp_path / "r.jsonl", tmp_path / "r.csv"
    result = runner.invoke(app, ["scan", str(d), "--out", str(out), "--csv", str(table), "--workers", "1"])
    assert result.exit_code == 0, result.output
    counts = {
        ln.split("│")[1].strip(): ln.split("│")[2].strip()
        for ln in result.output.splitlines()
        if ln.count("│") >= 3
    }
    assert counts["parsed ok"] == "1"
    assert counts["no text layer: scanned?"] == "1"
    rows = {Path(r["file"]).name: r for r in csv_module.DictReader(table.open(encoding="utf-8"))}
    assert rows["scan.pdf"]["warnings"] == "no_text_layer no_text" and rows["scan.pdf"]["credential"] == ""
    cissp = rows["cv.txt"]
    assert (cissp["status"], cissp["issued"], cissp["expected"]) == ("in_progress", "", "2027-03")


def test_own_profile_json_is_named_for_what_it_is(tmp_path):
    cv = tmp_path / "cv.txt"
    cv.write_text(GOOD)
    saved = tmp_path / "cv.json"
    saved.write_text(runner.invoke(app, ["parse", str(cv)]).stdout)
    profile = json.loads(runner.invoke(app, ["parse", str(saved)]).stdout)
    assert profile["error"]["code"] == "unsupported_format"
    assert profile["error"]["message"].startswith("this is a credparse profile")
    # and what the message says to do works
    page = tmp_path / "report.html"
    assert runner.invoke(app, ["report", str(saved), "--out", str(page)]).exit_code == 0
    assert "Lee Chan" in page.read_text(encoding="utf-8")


def test_the_installed_command_prints_all_its_output_and_keeps_exit_codes(tmp_path):
    """``credparse`` ends without tearing the interpreter down (``cli.main``): the profile
    must still arrive whole and flushed, and a failing or misused command keeps its code."""
    import subprocess
    import sys

    cli = Path(sys.executable).with_name("credparse")
    f = tmp_path / "cv.txt"
    f.write_text(GOOD * 200)  # a profile larger than a pipe's buffer

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(cli), *args], capture_output=True, text=True, timeout=120)

    done = run("parse", str(f), "--pretty")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["credentials"][0]["catalog_id"] == "isc2/cissp"
    assert run("catalog", "validate", str(tmp_path / "missing")).returncode == 1
    assert run("no-such-command").returncode == 2
    bad = tmp_path / "catalog"
    bad.mkdir()
    (bad / "ours.yaml").write_text("issuers:\n- id: acme\n  nme: Acme\n")
    done = run("parse", str(f), "--catalog", str(bad))  # a catalog that does not load: one line, no traceback
    assert done.returncode == 2
    assert done.stderr.startswith("credparse: the catalog does not load: ") and "ours.yaml" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 2
