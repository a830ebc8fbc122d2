"""`scan` does not follow a file link out of the folders it was given (unless --follow-symlinks):
a résumé folder is untrusted, and a link in it to ../outside/secret.txt or /etc/passwd must not
put that file's contents, or its hash, into the results."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parser.cli import app
from parser.errors import ERROR_CODES
from parser.run.inputs import walk

from .helpers import AS_OF

runner = CliRunner()
SECRET = "Olga Outsider\nolga.outsider@example.org\n\nCertifications\nCISSP\n"


def _tree(tmp_path: Path) -> Path:
    """root/ with a résumé, links inside root, and links to files outside it."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, encoding="utf-8")
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "cv.txt").write_text("Jane Doe\n\nCertifications\nCISSP\n", encoding="utf-8")
    (root / "leak.txt").symlink_to("../outside/secret.txt")
    (root / "sub" / "deeper.txt").symlink_to("../../outside/secret.txt")
    (root / "abs.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    (root / "passwd").symlink_to("/etc/passwd")
    (root / "sibling.txt").symlink_to("cv.txt")  # inside the root: still read
    (root / "sub" / "up.txt").symlink_to("../cv.txt")
    return root


def _scan(*args: str) -> list[dict]:
    out = Path(args[args.index("--out") + 1])
    result = runner.invoke(app, ["scan", *args, "--workers", "1", "--as-of", AS_OF, "--force"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _by_name(records: list[dict], root: Path) -> dict[str, dict]:
    return {os.path.relpath(r["source"]["file"], root): r for r in records}


OUTSIDE = ("leak.txt", "sub/deeper.txt", "abs.txt", "passwd")


def test_links_out_of_the_scanned_folder_get_a_record_and_are_not_read(tmp_path):
    root = _tree(tmp_path)
    out = tmp_path / "r.jsonl"
    records = _by_name(_scan(str(root), "--out", str(out)), root)
    assert set(records) == {"cv.txt", "sibling.txt", "sub/up.txt", *OUTSIDE}
    for name in OUTSIDE:
        rec = records[name]
        assert rec["error"]["code"] == "symlink_outside_root", name
        assert rec["source"]["sha256"] is None and rec["credentials"] == [], name
    for name in ("cv.txt", "sibling.txt", "sub/up.txt"):
        assert records[name]["error"] is None and records[name]["credentials"], name
    text = out.read_text(encoding="utf-8")
    assert "Olga" not in text and "olga.outsider" not in text and "root:x:0" not in text
    assert "symlink_outside_root" in ERROR_CODES


def test_follow_symlinks_reads_them_and_resume_keeps_the_records(tmp_path):
    root = _tree(tmp_path)
    out = tmp_path / "r.jsonl"
    first = _by_name(_scan(str(root), "--out", str(out)), root)
    assert first["leak.txt"]["error"]["code"] == "symlink_outside_root"
    again = runner.invoke(app, ["scan", str(root), "--out", str(out), "--workers", "1", "--resume"])
    assert again.exit_code == 0, again.output
    # every input, the links' records included, is already done: nothing parsed or hashed again
    assert re.search(r"already done \(resumed\)\s*\S\s*7\s", again.output), again.output
    followed = _by_name(_scan(str(root), "--out", str(out), "--follow-symlinks"), root)
    assert followed["leak.txt"]["error"] is None
    assert followed["leak.txt"]["candidate"]["name"] == "Olga Outsider"


def test_a_link_named_on_the_command_line_is_read(tmp_path):
    """The user named it: its target is one of the roots (so is a folder reached through a link)."""
    root = _tree(tmp_path)
    (tmp_path / "linked_root").symlink_to(root)
    out = tmp_path / "r.jsonl"
    records = _scan(str(root / "leak.txt"), str(tmp_path / "linked_root"), "--out", str(out))
    by_file = {r["source"]["file"]: r for r in records}
    assert by_file[str(root / "leak.txt")]["error"] is None
    inner = by_file[str(tmp_path / "linked_root" / "leak.txt")]
    assert inner["error"]["code"] == "symlink_outside_root"
    assert by_file[str(tmp_path / "linked_root" / "sibling.txt")]["error"] is None


@pytest.mark.parametrize("follow", [False, True])
def test_walk_reports_links_out_of_the_roots(tmp_path, follow):
    root = _tree(tmp_path)
    found = dict(walk([str(root)], follow_symlinks=follow))
    problems = {os.path.relpath(p, root): why for p, why in found.items() if why}
    if follow:
        assert problems == {}
    else:
        assert set(problems) == set(OUTSIDE)
