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


def _valid(profile: CandidateProfile) -> None:
    assert profile.error is None or profile.error.code in ERROR_CODES
    assert profile.error is None or profile.credentials == []
    again = CandidateProfile.model_validate(json.loads(profile.model_dump_json()))
    assert again == profile
    for cred in profile.credentials:
        assert 0.0 <= cred.confidence <= 1.0
        for ev in cred.evidence:
            assert 0 <= ev.start <= ev.end
