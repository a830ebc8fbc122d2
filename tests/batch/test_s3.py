"""Object storage: a scan reads s3:// inputs and writes its JSONL to s3://, against a local
S3-compatible server (moto in server mode on 127.0.0.1) that the test starts."""

from __future__ import annotations

import json
import os
import stat

import pytest
from typer.testing import CliRunner

from parser.cli import app
from parser.storage import OutputTarget

from .helpers import AS_OF, SAMPLES

moto_server = pytest.importorskip("moto.server")
boto3 = pytest.importorskip("boto3")
pytest.importorskip("s3fs")


@pytest.fixture
def s3(monkeypatch):
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,
        "FSSPEC_S3_ENDPOINT_URL": endpoint,
    }.items():
        monkeypatch.setenv(key, value)
    import fsspec

    fsspec.config.set_conf_env(fsspec.config.conf)
    client = boto3.client("s3", endpoint_url=endpoint)
    client.create_bucket(Bucket="hr-intake")
    yield client
    fsspec.config.conf.pop("s3", None)
    server.stop()


def test_scan_reads_and_writes_object_storage_and_resumes(s3, tmp_path):
    names = [p.name for p in SAMPLES[:4]]
    for p in SAMPLES[:4]:
        s3.put_object(Bucket="hr-intake", Key=f"in/{p.name}", Body=p.read_bytes())
    s3.put_object(Bucket="hr-intake", Key="in/empty.txt", Body=b"")
    args = [
        "scan",
        "s3://hr-intake/in/",
        "s3://hr-intake/missing.pdf",
        "--out",
        "s3://hr-intake/out/results.jsonl",
    ]
    args += ["--workers", "2", "--as-of", AS_OF]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    body = s3.get_object(Bucket="hr-intake", Key="out/results.jsonl")["Body"].read().decode()
    lines = [json.loads(line) for line in body.splitlines()]
    by_file = {r["source"]["file"]: r for r in lines}
    assert sorted(by_file) == sorted(
        [f"s3://hr-intake/in/{n}" for n in [*names, "empty.txt"]] + ["s3://hr-intake/missing.pdf"]
    )
    assert by_file["s3://hr-intake/in/empty.txt"]["error"]["code"] == "empty"
    assert by_file["s3://hr-intake/missing.pdf"]["error"]["code"] == "not_found"
    assert all(by_file[f"s3://hr-intake/in/{n}"]["error"] is None for n in names)
    assert all(by_file[f"s3://hr-intake/in/{n}"]["source"]["sha256"] for n in names)

    again = CliRunner().invoke(app, [*args, "--resume"])
    assert again.exit_code == 0, again.output
    body2 = s3.get_object(Bucket="hr-intake", Key="out/results.jsonl")["Body"].read().decode()
    again_lines = [json.loads(line) for line in body2.splitlines()]
    assert sorted(map(json.dumps, again_lines)) == sorted(map(json.dumps, lines))  # nothing redone or doubled
    assert "already done" in again.output
    assert CliRunner().invoke(app, args).exit_code == 2  # an existing remote output needs --resume/--force


def test_the_staging_copy_is_private_and_removed_after_a_complete_scan(s3, tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPARSE_CACHE", str(tmp_path / "cache"))
    s3.put_object(Bucket="hr-intake", Key="in/cv.txt", Body=b"Certifications\nCISSP, ISC2, 2021\n")
    url = "s3://hr-intake/out/run.jsonl"
    staging = OutputTarget(url).local.parent  # the folder a scan of this URL stages in
    assert stat.S_IMODE(os.stat(staging).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(staging.parent).st_mode) == 0o700
    args = ["scan", "s3://hr-intake/in/", "--out", url, "--format", "jsonresume", "--as-of", AS_OF]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert not staging.exists()  # personal data does not outlive the scan on this machine
    exported = s3.get_object(Bucket="hr-intake", Key="out/run.jsonresume.jsonl")["Body"].read()
    # the export went beside the remote output, not (only) into the staging folder
    assert b"Certified Information Systems Security Professional" in exported
    assert "wrote s3://hr-intake/out/run.jsonresume.jsonl" in result.output


def test_a_planted_staging_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CREDPARSE_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache" / "staging").symlink_to(tmp_path / "elsewhere")
    result = CliRunner().invoke(app, ["scan", str(tmp_path), "--out", "s3://hr-intake/out/x.jsonl"])
    assert result.exit_code == 2 and "refusing to stage" in result.output
