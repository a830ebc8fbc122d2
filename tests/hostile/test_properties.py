"""Property tests on the text pipeline: any string gives a valid profile, never an exception."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parser.errors import ERROR_CODES
from parser.models import CandidateProfile

LINES = st.lists(
    st.one_of(
        st.text(max_size=200),
        st.sampled_from(
            ["Certifications", "CISSP, 2020", "PMP (expired 2019)", "https://www.credly.com/badges/x"]
        ),
    ),
    max_size=30,
)

# Any text, lone UTF-16 surrogates included: ``json.dumps`` writes them as ``\ud800`` escapes,
# which a JSON parser hands back as strings no UTF-8 writer can encode.
LONE_SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
ANY_TEXT = st.lists(st.one_of(st.characters(), LONE_SURROGATE), max_size=40).map("".join)

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(text=st.text(max_size=2000))
def test_any_string_gives_a_valid_profile(cp, text):
    profile = cp.parse(text.encode("utf-8", "surrogatepass"), filename="cv.txt")
    _valid(profile)


@SETTINGS
@given(lines=LINES, name=st.sampled_from(["cv.txt", "cv.md"]))
def test_any_resume_shaped_text_gives_a_valid_profile(cp, lines, name):
    _valid(cp.parse("\n".join(lines).encode("utf-8", "surrogatepass"), filename=name))


@SETTINGS
@given(
    data=st.binary(max_size=4000),
    name=st.sampled_from(["cv.pdf", "cv.docx", "cv.txt", "cv.json", "b.png", "b.svg"]),
)
def test_any_bytes_give_a_valid_profile(cp, data, name):
    _valid(cp.parse(data, filename=name))


@SETTINGS
@given(name=ANY_TEXT, cert=ANY_TEXT, issuer=ANY_TEXT, url=ANY_TEXT)
def test_any_strings_in_a_json_resume_give_a_valid_profile(cp, name, cert, issuer, url):
    resume = {
        "basics": {"name": name, "email": "a@example.org"},
        "certificates": [{"name": cert, "issuer": issuer, "url": f"https://example.org/{url}"}],
    }
    profile = cp.parse(json.dumps(resume).encode("ascii"), filename="cv.json")
    _valid(profile)
    assert profile.error is None


@SETTINGS
@given(achievement=ANY_TEXT, issuer=ANY_TEXT, description=ANY_TEXT)
def test_any_strings_in_an_open_badge_give_a_valid_profile(cp, achievement, issuer, description):
    assertion = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "https://example.org/assertions/1",
        "recipient": {"type": "email", "hashed": False, "identity": "a@example.org"},
        "issuedOn": "2024-01-01",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "name": achievement,
            "description": description,
            "issuer": {"type": "Profile", "name": issuer, "url": "https://example.org"},
        },
    }
    profile = cp.parse(json.dumps(assertion).encode("ascii"), filename="badge.json")
    _valid(profile)
    assert profile.error is None
    assert len(profile.credentials) == 1


def _valid(profile: CandidateProfile) -> None:
    assert profile.error is None or profile.error.code in ERROR_CODES
    assert profile.error is None or profile.credentials == []
    again = CandidateProfile.model_validate(json.loads(profile.model_dump_json()))
    assert again == profile
    for cred in profile.credentials:
        assert 0.0 <= cred.confidence <= 1.0
        for ev in cred.evidence:
            assert 0 <= ev.start <= ev.end
