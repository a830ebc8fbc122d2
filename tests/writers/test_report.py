"""The HTML report: escaping, self-containment, and a real headless chromium run."""

from __future__ import annotations

import re

import pytest

from parser.writers.report import render_report, write_report

from .cdp import Browser, chromium_path
from .conftest import HOSTILE_NAME


def test_untrusted_text_is_escaped(hostile_profile, sample_profiles):
    page = render_report([hostile_profile, *sample_profiles[:2]])
    assert HOSTILE_NAME not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Eve&lt;/script&gt;" in page
    assert "<script>alert(2)</script>" not in page
    assert "javascript:" not in page
    assert page.count("<script") == 1  # only the page's own, nonce'd script


def test_page_is_self_contained(sample_profiles):
    page = render_report(sample_profiles)
    assert not re.search(r"""<(link|img|iframe|object|embed)\b""", page)
    assert not re.search(r"""\bsrc\s*=""", page)
    assert "Content-Security-Policy" in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith(("https://", "http://")) for h in hrefs)
    assert all(level in page for level in ("Verifiable", "Unverifiable", "Suspicious"))


@pytest.mark.skipif(
    chromium_path() is None, reason="Debian chromium is not installed (apt-get install chromium)"
)
def test_report_in_headless_chromium(tmp_path, sample_profiles, hostile_profile):
    report = tmp_path / "report.html"
    write_report(report, [*sample_profiles, hostile_profile])
    browser = Browser(tmp_path / "chromium-profile")
    try:
        browser.open(report.as_uri())
        total = browser.eval("document.querySelectorAll('.cred').length")
        assert total == sum(len(p["credentials"]) for p in [*sample_profiles, hostile_profile])
        assert browser.eval("document.getElementById('filters').hidden") is False
        assert (
            browser.eval("document.getElementById('shown').textContent")
            == f"Showing {total} of {total} credentials"
        )
        assert browser.eval("window.__xss === undefined && !document.querySelector('img')")

        def choose(select: str, value: str) -> None:
            browser.eval(
                f"(function(){{var s=document.getElementById('{select}');s.value={value!r};"
                "s.dispatchEvent(new Event('change'));})()"
            )

        def visible(attr: str) -> list[str]:
            return browser.eval(
                f"Array.from(document.querySelectorAll('.cred:not([hidden])')).map(e => e.dataset.{attr})"
            )

        choose("f-level", "suspicious")
        levels = visible("level")
        assert levels and set(levels) == {"suspicious"}
        cards = browser.eval("document.querySelectorAll('.card:not([hidden])').length")
        assert 0 < cards < len(sample_profiles)
        browser.screenshot(tmp_path / "report-suspicious.png")
        choose("f-level", "")
        choose("f-status", "in_progress")
        assert set(visible("status")) == {"in_progress"}
        choose("f-status", "")
        issuer = browser.eval("document.getElementById('f-issuer').options[1].value")
        choose("f-issuer", issuer)
        assert set(visible("issuer")) == {issuer}
        choose("f-issuer", "")
        assert browser.eval("document.querySelectorAll('.cred:not([hidden])').length") == total
        shot = browser.screenshot(tmp_path / "report.png")
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
        assert browser.errors == []
    finally:
        browser.close()
