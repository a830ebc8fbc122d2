"""``--engine dask`` on a LocalCluster gives the same credentials per file as ``--engine local``."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from parser.cli import app

from .helpers import AS_OF, records, sample_folder

pytest.importorskip("distributed")


def test_dask_output_matches_local_output(tmp_path):
    d = tmp_path / "in"
    sample_folder(d, 16)
    (d / "empty.txt").write_bytes(b"")
    (d / "junk.pdf").write_bytes(b"%PDF-1.4 junk")
    outs = {}
    for engine in ("local", "dask"):
        out = tmp_path / f"{engine}.jsonl"
        args = ["scan", str(d), "--out", str(out), "--workers", "2", "--as-of", AS_OF, "--engine", engine]
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 0, result.output
        outs[engine] = {
            r["source"]["file"]: (
                (r["error"] or {}).get("code"),
                r["source"]["sha256"],
                [
                    (c["catalog_id"], c["name"], c["status"], c["verification"]["level"])
                    for c in r["credentials"]
                ],
            )
            for r in records(out)
        }
    assert len(outs["local"]) == 18
    assert outs["dask"] == outs["local"]


def test_unknown_engine_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        app, ["scan", str(tmp_path), "--out", str(tmp_path / "o.jsonl"), "--engine", "spark"]
    )
    assert result.exit_code == 2
