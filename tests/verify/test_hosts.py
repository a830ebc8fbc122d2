"""Hosts issuers really use: a known platform is never "suspicious"; a look-alike host still is.

Each case parses a text résumé through the real pipeline and reads ``verification``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
UUID = "3f2c9a1e-5b7d-4c2a-9e1f-0a1b2c3d4e5f"
HEDGE = "open it to check the issuer shown"


def _one(parse_text, name: str, url: str):
    profile = parse_text(f"Certifications\n{name}\n{url}\n", filename="cv.txt")
    [cred] = profile.credentials
    return cred


def test_google_ads_on_skillshop_credential_net_is_verifiable(parse_text):
    cred = _one(parse_text, "Google Ads Search Certification", "https://skillshop.credential.net/1206082745")
    assert cred.catalog_id == "google-skillshop/google-ads-search"
    v = cred.verification
    assert (v.level, v.method) == ("verifiable", "platform_url"), v.reasons
    assert "Google Skillshop issues its credentials on Accredible" in v.reasons[0]


def test_catalog_issuer_on_an_unlisted_credential_net_brand_is_verifiable_with_a_hedge(parse_text):
    cred = _one(parse_text, "Google Ads Search Certification", "https://acme.credential.net/98765432")
    v = cred.verification
    assert (v.level, v.method) == ("verifiable", "platform_url"), v.reasons
    assert v.reasons == [
        "Hosted on Accredible (acme.credential.net); the catalog does not list this platform for "
        f"Google Skillshop — {HEDGE}."
    ]


def test_unknown_issuer_on_a_credential_net_brand_is_verifiable_with_a_hedge(parse_text):
    cred = _one(
        parse_text,
        "Acme Robotics Certified Integrator, Acme Robotics Inc.",
        "https://acme.credential.net/98765432",
    )
    assert cred.issuer.known is False
    v = cred.verification
    assert v.level == "verifiable", v.reasons
    assert "Accredible" in v.reasons[0] and "check the issuer named on the page" in v.reasons[0]


def test_credly_url_for_a_catalog_issuer_not_known_on_credly_is_verifiable(cp, parse_text):
    assert "credly" not in cp.catalog.issuers["hubspot-academy"].platforms
    cred = _one(
        parse_text,
        "HubSpot Inbound Marketing Certification",
        f"https://www.credly.com/badges/{UUID}/public_url",
    )
    v = cred.verification
    assert (v.level, v.method) == ("verifiable", "platform_url"), v.reasons
    assert "Hosted on Credly (credly.com)" in v.reasons[0] and HEDGE in v.reasons[0]
    assert "HubSpot Academy" in v.reasons[0]


def test_another_vendors_platform_is_verifiable_with_a_hedge_not_suspicious(parse_text):
    cred = _one(
        parse_text,
        "AWS Certified Cloud Practitioner",
        "https://learn.microsoft.com/api/credentials/share/en-us/JaneDoe-1234/ABCDEF0123456789",
    )
    v = cred.verification
    assert v.level == "verifiable", v.reasons
    assert "Microsoft Learn" in v.reasons[0] and HEDGE in v.reasons[0]


@pytest.mark.parametrize(
    "name,url,imitated",
    [
        (
            "AWS Certified Cloud Practitioner",
            "https://aws-certification.net/verify/3f2c9a1e",
            "Amazon Web Services",
        ),
        ("AWS Certified Cloud Practitioner", f"https://credly.badge-verify.net/badges/{UUID}", "Credly"),
        (
            "Google Ads Search Certification",
            "https://google-ads-certified.net/verify/1206082745",
            "Google Skillshop",
        ),
    ],
)
def test_look_alike_hosts_stay_suspicious(parse_text, name, url, imitated):
    v = _one(parse_text, name, url).verification
    assert v.level == "suspicious", v.reasons
    assert f"imitates {imitated} but is not its domain" in v.reasons[0]


@pytest.mark.parametrize(
    "name,url,level",
    [
        # the issuer's own verification pages
        (
            "Oracle Cloud Infrastructure Foundations Associate",
            "https://brm-certview.oracle.com/ords/certview/ecertificate?ssn=OC1234567&trackId=OCI",
            "verifiable",
        ),
        (
            "HubSpot Inbound Marketing Certification",
            "https://app.hubspot.com/academy/achievements/abc123/en/1/jane-doe/inbound-marketing",
            "verifiable",
        ),
        ("Microsoft Office Specialist: Excel Associate", "https://verify.certiport.com/", "verifiable"),
        # generic badge platforms, unknown issuer, regional hosts
        (
            "Acme Robotics Certified Integrator, Acme Robotics Inc.",
            "https://api.eu.badgr.io/public/assertions/AbCdEf123",
            "verifiable",
        ),
        (
            "Acme Robotics Certified Integrator, Acme Robotics Inc.",
            "https://badges.parchment.com/public/assertions/AbCdEf123",
            "verifiable",
        ),
        # a registry describes the credential, not the candidate's award
        (
            "Acme Robotics Certified Integrator, Acme Robotics Inc.",
            "https://credentialfinder.org/credential/1234/acme",
            "unverifiable",
        ),
        # a plain word in a host ("credentials") is no platform brand
        (
            "Acme Robotics Certified Integrator, Acme Robotics Inc.",
            "https://credentials.example.edu/abc123",
            "unverifiable",
        ),
        # the root dot of a fully qualified host name changes nothing
        (
            "AWS Certified Cloud Practitioner",
            f"https://www.credly.com./badges/{UUID}/public_url",
            "verifiable",
        ),
    ],
)
def test_known_hosts_are_never_suspicious(parse_text, name, url, level):
    v = _one(parse_text, name, url).verification
    assert v.level == level, v.reasons


def test_hosts_are_catalog_data(cp):
    platforms = cp.catalog.platforms
    assert "credential.net" in platforms["accredible"].hosts
    assert "skillshop.credential.net" in platforms["google-skillshop"].hosts
    assert "google-skillshop" in cp.catalog.issuers["google-skillshop"].platforms
    assert {"credentialengineregistry.org", "credentialfinder.org"} <= set(
        platforms["credential-engine"].hosts
    )
    assert "verify.certiport.com" in platforms["certiport"].hosts


def test_labelled_spanish_resume_google_ads_is_verifiable(cp):
    name = "t15_es_marketing.docx"
    profile = cp.parse((DATA / name).read_bytes(), filename=name)
    [cred] = [c for c in profile.credentials if c.catalog_id == "google-skillshop/google-ads-search"]
    assert cred.url == "https://skillshop.credential.net/1206082745"
    assert cred.verification.level == "verifiable", cred.verification.reasons


def test_a_registry_hosts_no_badge_assertions(cp):
    from parser.badges.trust import platform_of

    assert platform_of("https://credentialfinder.org/credential/1234/acme", cp.catalog) is None
    assert platform_of("https://skillshop.credential.net/1206082745", cp.catalog) is not None
