"""JSON Resume export, validated against the published schema (npm `@jsonresume/schema`).

The schema file ships with the tests (tests/fixtures/jsonresume/, provenance in SOURCES.md there),
so this needs neither npm nor the network.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from parser.writers.jsonresume import to_jsonresume

SCHEMA_VERSION = "1.3.1"  # of npm @jsonresume/schema; see tests/fixtures/jsonresume/SOURCES.md
SCHEMA = Path(__file__).resolve().parents[1] / "fixtures" / "jsonresume" / "schema.json"
SCHEMA_SHA256 = "a07eedd3d86ac5bb61d72e136d788269e35baf42c35391e15d0be39b3dc5a4bd"


@pytest.fixture(scope="session")
def jsonresume_schema() -> dict:
    """The schema.json of ``@jsonresume/schema`` SCHEMA_VERSION, copied unmodified."""
    return json.loads(SCHEMA.read_text(encoding="utf-8"))


def test_shipped_schema_is_the_published_file():
    """Unmodified: the sha256 and version SOURCES.md records for the file npm publishes."""
    sources = (SCHEMA.parent / "SOURCES.md").read_text(encoding="utf-8")
    assert hashlib.sha256(SCHEMA.read_bytes()).hexdigest() == SCHEMA_SHA256
    assert SCHEMA_SHA256 in sources and f"**{SCHEMA_VERSION}**" in sources
    assert (
        json.loads(SCHEMA.read_text(encoding="utf-8"))["$schema"] == "http://json-schema.org/draft-07/schema#"
    )


def _validator(schema: dict):
    from jsonschema import Draft7Validator, FormatChecker

    Draft7Validator.check_schema(schema)
    return Draft7Validator(schema, format_checker=FormatChecker())


def test_every_sample_validates(sample_profiles, jsonresume_schema):
    validator = _validator(jsonresume_schema)
    for profile in sample_profiles:
        doc = to_jsonresume(profile)
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(doc)]
        assert not errors, (profile["source"]["file"], errors)


def test_hostile_profile_validates_and_drops_script_urls(hostile_profile, jsonresume_schema):
    doc = to_jsonresume(hostile_profile)
    assert not list(_validator(jsonresume_schema).iter_errors(doc))
    assert all(not c.get("url", "").startswith("javascript:") for c in doc["certificates"])


def test_certificates_keep_level_and_leave_in_progress_out(sample_profiles):
    profile = next(p for p in sample_profiles if any(c["status"] == "in_progress" for c in p["credentials"]))
    doc = to_jsonresume(profile)
    names_in_progress = {c["name"] for c in profile["credentials"] if c["status"] == "in_progress"}
    assert names_in_progress
    assert {c["name"] for c in doc["meta"]["x-credparse"]["inProgress"]} == names_in_progress
    assert all(c["x-credparse"]["status"] != "in_progress" for c in doc["certificates"])
    for cert in doc["certificates"]:
        assert cert["x-credparse"]["verificationLevel"] in {
            "verified",
            "verifiable",
            "unverifiable",
            "suspicious",
            "invalid",
        }
    assert doc["basics"]["name"] == profile["candidate"]["name"]


def test_verifiable_certificate_carries_its_url(sample_profiles):
    creds = [
        (p, c)
        for p in sample_profiles
        for c in p["credentials"]
        if c["verification"]["level"] == "verifiable" and c.get("url") and c["status"] != "in_progress"
    ]
    assert creds
    profile, cred = creds[0]
    cert = next(c for c in to_jsonresume(profile)["certificates"] if c["name"] == cred["name"])
    assert cert["url"] == cred["url"]
    assert cert["issuer"] == cred["issuer"]["name"]
