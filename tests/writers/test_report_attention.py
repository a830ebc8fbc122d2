"""The report tells the truth at a glance: what needs attention first, read in headless Chromium.

A recruiter must see why a credential is suspicious without a click, must not be offered its
look-alike link as "verify", must get a licence's look-up as a link with the number to type,
must see an expected date as expected, and must not mistake a scan for a clean résumé.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from parser.reading import WORDS, reading
from parser.writers.report import render_report, write_report

from .cdp import Browser, chromium_path

RESUME = """Jordan Miles
jordan.miles@example.com

Licenses & Certifications
Registered Nurse (RN) — License No. 452189
AWS Certified Solutions Architect – Associate — https://aws-certification.net/verify/ABC123
Project Management Professional (PMP) — in progress, expected 2027-02
"""

CLEAN = """Robin Vale
robin.vale@example.com

Certifications
Certified ScrumMaster (CSM), Scrum Alliance, 2021
"""


@pytest.fixture(scope="module")
def profiles(cp, tmp_path_factory, sample_profiles) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("attention")
    out = []
    for name, text in (("clean.txt", CLEAN), ("jordan.txt", RESUME)):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(cp.parse(str(path)).model_dump(mode="json"))
    scanned = [p for p in sample_profiles if p["source"]["file"].endswith("scanned_image_only.pdf")]
    return out + scanned


def _credential(profiles: list[dict[str, Any]], catalog_id: str) -> dict[str, Any]:
    return next(c for p in profiles for c in p["credentials"] if c["catalog_id"] == catalog_id)


def test_the_pipeline_gives_what_the_report_must_show(profiles):
    """The inputs of the browser test are what the real pipeline makes of these résumés."""
    aws = _credential(profiles, "aws/solutions-architect-associate")
    assert aws["verification"]["level"] == "suspicious"
    rn = _credential(profiles, "state-boards-of-nursing/rn")
    assert rn["verification"]["lookup"] == {
        "name": "Nursys QuickConfirm",
        "url": "https://www.nursys.com/LQC/LQCSearch.aspx",
        "number": "452189",
    }
    pmp = _credential(profiles, "pmi/pmp")
    assert (pmp["status"], pmp["issued"], pmp["expected"]) == ("in_progress", None, "2027-02")


def test_distrusted_link_is_never_an_anchor(profiles):
    page = render_report(profiles)
    assert 'href="https://aws-certification.net' not in page
    assert "link to aws-certification.net (not opened: see why)" in page
    assert "expected 2027-02" in page and "issued 2027-02" not in page


@pytest.mark.skipif(
    chromium_path() is None, reason="Debian chromium is not installed (apt-get install chromium)"
)
def test_report_puts_attention_first_in_headless_chromium(tmp_path: Path, profiles):
    report = tmp_path / "report.html"
    write_report(report, profiles)
    browser = Browser(tmp_path / "chromium-profile")
    try:
        browser.open(report.as_uri())
        # the suspicious credential: its reason is on screen without a click, and it has no link
        suspicious = "document.querySelector('.cred[data-level=\"suspicious\"]')"
        assert browser.eval(f"{suspicious}.querySelectorAll('a').length") == 0
        reason = browser.eval(f"{suspicious}.querySelector('.warn li').innerText")
        assert "aws-certification.net imitates Amazon Web Services" in reason
        assert browser.eval(f"{suspicious}.querySelector('.warn').getBoundingClientRect().height") > 0
        assert browser.eval(f"!{suspicious}.querySelector('details')")
        # what needs attention comes first: the first card holds it, its first group is suspicious
        assert browser.eval("document.querySelector('.card .group').dataset.level") == "suspicious"
        assert browser.eval("document.querySelector('.card h2').innerText") == "Jordan Miles"
        clean_at = browser.eval(
            "Array.from(document.querySelectorAll('.card h2')).findIndex(h => h.innerText === 'Robin Vale')"
        )
        assert clean_at > 0
        # the licence look-up is a link, with the number to type beside it
        lookup = browser.eval(
            "(function(){var a=document.querySelector('a.lookup');"
            "return [a.href, a.nextElementSibling.innerText];})()"
        )
        assert lookup == ["https://www.nursys.com/LQC/LQCSearch.aspx", " on Nursys QuickConfirm for 452189"]
        assert "expected 2027-02" in browser.eval("document.body.innerText")
        # a scan is not a clean résumé without credentials: its card and the tiles say so
        outcome = reading(profiles[-1])  # the image-only sample: "scanned", or "ocr" where OCR is set up
        assert outcome in ("scanned", "ocr")
        assert WORDS[outcome].capitalize() in browser.eval("document.body.innerText")
        tile = browser.eval(
            "Array.from(document.querySelectorAll('.summary li'))"
            f".filter(li => li.innerText.includes({WORDS[outcome]!r}))[0].querySelector('b').innerText"
        )
        assert tile == "1"
        browser.screenshot(tmp_path / "attention.png")
        assert browser.errors == []
    finally:
        browser.close()
