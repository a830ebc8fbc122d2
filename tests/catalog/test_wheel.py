"""The catalog ships inside the wheel: build it, install it apart, resolve a credential there."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_installed_wheel_finds_its_patterns(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    [wheel] = list(wheels.glob("credparse-*.whl"))
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True,
    )
    probe = (
        "import json, parser, credparse_patterns\n"
        "from parser import CredentialParser\n"
        "p = CredentialParser().parse(b'Certifications\\nCISSP, 2020\\n', filename='cv.txt')\n"
        "print(json.dumps({'parser': parser.__file__, 'patterns': list(credparse_patterns.__path__)[0],"
        " 'ids': [c.catalog_id for c in p.credentials]}))\n"
    )
    env = {"PYTHONPATH": str(site), "CREDPARSE_CACHE": "", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, cwd=tmp_path, env=env
    )
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["parser"].startswith(str(site)) and got["patterns"].startswith(str(site))
    assert got["ids"] == ["isc2/cissp"]
