"""The README's quick-start command works as written (on a copy of its output paths)."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_start_scan_command(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```\n(.*?)\n```", readme, flags=re.S)
    quick = next(c for c in commands if "credparse scan samples" in c)
    scan = shlex.split(quick.split("&&")[-1])
    assert scan[0].endswith("credparse") and scan[1:3] == ["scan", "samples"]
    args = [a.replace("out/", f"{tmp_path}/") for a in scan[1:]]
    cli = Path(sys.executable).with_name("credparse")
    done = subprocess.run([str(cli), *args], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    lines = [json.loads(x) for x in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert len(lines) == len([p for p in (ROOT / "samples").rglob("*") if p.is_file()])
    assert sum(len(p["credentials"]) for p in lines) >= 50
    assert (tmp_path / "results.csv").read_text().startswith("file,candidate,email,credential")
    assert "credentials" in done.stderr
    report = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert report.count('class="card"') == len(lines)


def test_every_repository_path_the_readme_names_exists():
    """A path in backticks or a link target that names a folder of the repository must be there."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = re.findall(r"`([^`\s]+)`", readme) + re.findall(r"\]\(([^)\s#]+)\)", readme)
    tops = {p.name for p in ROOT.iterdir()} - {"out", ".venv"}
    paths = {
        n.rstrip("/").split("::")[0]
        for n in named
        if "/" in n and "://" not in n and not any(c in n for c in "<>*{}…|") and n.split("/")[0] in tops
    }
    assert len(paths) > 20  # the check itself reads the README
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert missing == []
