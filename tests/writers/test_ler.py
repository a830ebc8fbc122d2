"""LER-RS export: checked against the subset of HR Open's 4.4 LER-RSType it fills in.

HR Open's JSON schemas are not on a package registry, so the structure it relies on is
written out here (draft-07) rather than fetched.
"""

from __future__ import annotations

from parser.writers.ler import LER_RS_TYPE, to_ler

_CREDENTIAL = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "minLength": 1},
        "status": {"enum": ["Active", "Expired", "InProgress"]},
        "issuingAuthority": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "string"}},
        },
        "effectiveTimePeriod": {
            "type": "object",
            "properties": {
                "validFrom": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
                "validTo": {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            },
            "additionalProperties": False,
        },
        "id": {"type": "object", "required": ["value"]},
        "url": {"type": "string", "pattern": "^https?://"},
    },
}
LER_SUBSET = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["type", "person"],
    "properties": {
        "type": {"const": LER_RS_TYPE},
        "documentId": {"type": "object", "required": ["value"]},
        "person": {
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"type": "object", "properties": {"formattedName": {"type": "string"}}}},
        },
        "communication": {
            "type": "object",
            "properties": {
                "email": {"type": "array", "items": {"type": "object", "required": ["address"]}},
                "phone": {"type": "array", "items": {"type": "object", "required": ["formattedNumber"]}},
                "web": {"type": "array", "items": {"type": "object", "required": ["url"]}},
            },
        },
        "certifications": {"type": "array", "items": _CREDENTIAL},
        "licenses": {"type": "array", "items": _CREDENTIAL},
    },
}


def test_every_sample_matches_the_ler_rs_structure(sample_profiles, hostile_profile):
    from jsonschema import Draft7Validator

    validator = Draft7Validator(LER_SUBSET)
    for profile in [*sample_profiles, hostile_profile]:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(to_ler(profile))]
        assert not errors, (profile["source"]["file"], errors)


def test_licenses_and_certifications_are_split_and_keep_the_level(sample_profiles):
    profile = next(p for p in sample_profiles if any(c["kind"] == "license" for c in p["credentials"]))
    doc = to_ler(profile)
    assert len(doc["licenses"]) == sum(c["kind"] == "license" for c in profile["credentials"])
    assert len(doc["certifications"]) + len(doc["licenses"]) == len(profile["credentials"])
    assert all("verificationLevel" in c["x-credparse"] for c in doc["licenses"] + doc["certifications"])
    assert doc["person"]["name"]["formattedName"] == (profile["candidate"]["name"] or "")
