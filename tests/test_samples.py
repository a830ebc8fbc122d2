"""Every sample résumé gives its expected profile (labels in tests/samples_expected/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parser.evaluate import evaluate_profiles

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = sorted((Path(__file__).resolve().parent / "samples_expected").glob("*.json"))
# Samples whose labels need catalog entries that are still being added (issue 4) or layouts
# not handled yet; listed in the issue notes. Non-strict so that a fix shows up as XPASS.
KNOWN_GAPS = {"nested_textbox.docx"}
CASES = [
    pytest.param(
        p,
        marks=pytest.mark.xfail(
            reason="labels the CFA charter where the résumé states a Level II candidacy; see issue 3 note",
            strict=False,
        ),
    )
    if p.name.removesuffix(".json") in KNOWN_GAPS
    else p
    for p in EXPECTED
]


@pytest.mark.parametrize("expected", CASES, ids=lambda p: p.stem)
def test_sample_matches_expected_profile(cp, expected):
    name = expected.name.removesuffix(".json")
    labels = json.loads(expected.read_text(encoding="utf-8"))
    profile = cp.parse(str(SAMPLES / name))
    assert profile.error is None, profile.error
    want = labels.get("candidate", {})
    if want.get("name"):
        assert profile.candidate.name == want["name"]
    for email in want.get("emails", []):
        assert email in profile.candidate.emails
    report = evaluate_profiles({name: profile}, {name: labels})
    assert report.misses == [] and report.false_positives == [] and report.wrong == []
    by_name = {c.name: c for c in profile.credentials}
    for label in labels.get("credentials", []):
        got = next((c for n, c in by_name.items() if n.lower() == label["name"].lower()), None)
        if got is None:
            continue
        for key in ("credential_id", "url", "issued", "expires"):
            if key in label:
                value = getattr(got, key)
                if key in ("issued", "expires") and value:
                    assert value.startswith(label[key]), (label["name"], key)  # more precise is fine
                else:
                    assert value == label[key], (label["name"], key)


def test_every_sample_has_expectations():
    inputs = {
        p.name for p in SAMPLES.iterdir() if p.is_file() and p.suffix != ".py" and p.name != "README.md"
    }
    assert inputs == {p.name.removesuffix(".json") for p in EXPECTED}
