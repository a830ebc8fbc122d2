"""Credentials signed in the test (Ed25519, did:key, eddsa-rdfc-2022), baked and attacked."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from helpers import Signer, b64url, ob3_credential, png_with_itxt, svg_with

from parser.badges import badge_credentials, find_badges, verify_badge
from parser.badges.convert import badge_credential
from parser.badges.payload import BadgePayload

AS_OF = date(2026, 11, 24)
EMAIL = "dana.ruiz@example.com"


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer()


@pytest.fixture(scope="module")
def signed(signer: Signer) -> dict:
    return signer.sign_di(ob3_credential(signer.did))


def _one(data: bytes, catalog, emails=(EMAIL,)):
    payloads = find_badges(data)
    assert len(payloads) == 1
    return badge_credentials(payloads, as_of=AS_OF, emails=list(emails), catalog=catalog)[0]


@pytest.mark.parametrize("bake", ["json", "png", "svg"])
def test_signed_and_baked_is_verified(signed, catalog, bake):
    text = json.dumps(signed)
    data = {
        "json": text.encode(),
        "png": png_with_itxt("openbadgecredential", text),
        "svg": svg_with(text),
    }[bake]
    cred = _one(data, catalog)
    v = cred.verification
    assert (v.level, v.method, cred.status) == ("verified", "ob3_proof", "earned"), v.reasons
    assert cred.name == cred.text == "Cloud Basics" and cred.kind == "certification"
    assert cred.issued == "2024-03-01" and cred.expires is None
    assert cred.issuer.known is False and cred.issuer.name == "Example Corp"
    assert cred.confidence == 0.99 and cred.quality is None
    assert cred.evidence[0].section == "Badges" and cred.evidence[0].snippet == "Cloud Basics"
    badge = v.badge
    assert badge is not None
    assert badge.recipient_match is True and badge.skills == ["Cloud computing"]
    assert badge.criteria == "Pass the cloud basics exam." and badge.format == "ob3-json"
    assert badge.source == {"json": "JSON file", "png": "baked PNG", "svg": "baked SVG"}[bake]


def test_tampered_value_is_invalid(signed, catalog):
    doc = copy.deepcopy(signed)
    doc["credentialSubject"]["achievement"]["name"] = "Cloud Expert"
    cred = _one(json.dumps(doc).encode(), catalog)
    assert cred.verification.level == "invalid" and cred.confidence == 0.5
    assert "does not match" in " ".join(cred.verification.reasons)


def test_added_terms_on_vc2_are_reported_as_unsigned(signed, catalog):
    # The OB 3.0 type-scoped contexts leave these terms undefined: dropped on expansion, so
    # the proof still verifies, but they must be named and not shown as verified content.
    doc = copy.deepcopy(signed)
    doc["credentialSubject"]["grade"] = "A+"
    doc["extraTop"] = "x"
    cred = _one(json.dumps(doc).encode(), catalog)
    assert cred.verification.level == "verified"
    reasons = " ".join(cred.verification.reasons)
    assert "outside the signature" in reasons and "credentialSubject.grade, extraTop" in reasons


def test_unsigned_term_is_reported_not_presented(signer, catalog):
    doc = signer.sign_di(ob3_credential(signer.did, v1=True))
    assert _one(json.dumps(doc).encode(), catalog).verification.level == "verified"
    doc["grade"] = "A+ with honours"  # VC 1.1 has no @vocab: dropped on expansion, unsigned
    (payload,) = find_badges(json.dumps(doc).encode())
    check = verify_badge(payload, as_of=AS_OF, emails=[EMAIL])
    assert check.level == "verified" and check.unsigned_paths == ["grade"]
    assert any("outside the signature" in r and "grade" in r for r in check.reasons)


def test_unsigned_fields_are_hidden_from_the_flat_badge(signed):
    payload = find_badges(json.dumps(signed).encode())[0]
    check = verify_badge(payload, as_of=AS_OF)
    check.unsigned_paths = ["credentialSubject.achievement.description"]
    cred = badge_credential(payload, check)
    assert cred.verification.badge is not None and cred.verification.badge.description is None
    assert cred.verification.badge.achievement == "Cloud Basics"


def test_expired(signer, catalog):
    doc = ob3_credential(signer.did)
    doc["validUntil"] = "2025-03-01T00:00:00Z"
    cred = _one(json.dumps(signer.sign_di(doc)).encode(), catalog)
    assert (cred.verification.level, cred.status, cred.expires) == (
        "verified",
        "expired",
        "2025-03-01",
    )


def test_claimed_catalog_issuer_from_unrelated_key_is_suspicious(signer, catalog):
    doc = signer.sign_di(ob3_credential(signer.did, name="Amazon Web Services"))
    cred = _one(json.dumps(doc).encode(), catalog)
    assert cred.verification.level == "suspicious"
    assert cred.issuer.known is False and cred.issuer.name == "Amazon Web Services"
    assert any(
        "not one of Amazon Web Services' domains" in r or "Amazon Web Services's" in r
        for r in cred.verification.reasons
    )
    # same name from an unrelated https domain
    doc = signer.sign_di(
        ob3_credential("https://aws-certs.example.net/issuer", name="Amazon Web Services"),
        vm="https://aws-certs.example.net/issuer#" + signer.multikey,
    )
    assert _one(json.dumps(doc).encode(), catalog).verification.level == "suspicious"


def test_catalog_issuer_on_its_domain_is_known(signer, catalog):
    issuer = "https://aws.amazon.com/issuers/training"
    doc = signer.sign_di(ob3_credential(issuer, name="Amazon Web Services"), vm=f"{issuer}#{signer.multikey}")
    cred = _one(json.dumps(doc).encode(), catalog)
    assert (cred.issuer.id, cred.issuer.known) == ("aws", True)
    assert cred.issuer.name == "Amazon Web Services"
    # the key sits in the verification method id: self-asserted, so not "verified" offline
    assert (cred.verification.level, cred.verification.method) == ("verifiable", "ob3_proof")
    assert "not confirmed to be Amazon Web Services's" in " ".join(cred.verification.reasons)


def test_recipient_mismatch_is_suspicious(signed, catalog):
    cred = _one(json.dumps(signed).encode(), catalog, emails=["someone.else@example.com"])
    assert cred.verification.level == "suspicious"
    assert cred.verification.badge is not None and cred.verification.badge.recipient_match is False


def test_unknown_context_is_not_fetched(signer, catalog):
    doc = ob3_credential(signer.did)
    doc["@context"].append("https://contexts.example.org/custom/v1")
    doc["proof"] = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "verificationMethod": signer.vm,
        "proofPurpose": "assertionMethod",
        "proofValue": "z" + "1" * 60,
    }
    cred = _one(json.dumps(doc).encode(), catalog)
    assert cred.verification.level == "unverifiable"
    reasons = " ".join(cred.verification.reasons).lower()
    assert cred.verification.method == "none"
    assert (
        "context https://contexts.example.org/custom/v1 is not available offline, proof not checked"
        in reasons
    )


# --- VC-JWT ----------------------------------------------------------------------------------


def test_vc_jwt_eddsa_did_key(signer, catalog):
    vc = ob3_credential(signer.did)
    token = signer.sign_jws({"iss": signer.did, "vc": vc, "nbf": 1709251200})
    cred = _one(token.encode(), catalog)
    assert (cred.verification.level, cred.verification.badge.format) == ("verified", "ob3-jwt")
    head, body, sig = token.split(".")
    forged = json.loads(__import__("base64").urlsafe_b64decode(body + "=="))
    forged["vc"]["credentialSubject"]["achievement"]["name"] = "Cloud Expert"
    bad = f"{head}.{b64url(json.dumps(forged).encode())}.{sig}"
    assert _one(bad.encode(), catalog).verification.level == "invalid"
    # baked into an SVG verify attribute and a PNG
    assert _one(svg_with(verify=token), catalog).verification.level == "verified"
    assert _one(png_with_itxt("openbadgecredential", token), catalog).verification.level == "verified"


def test_vc_jwt_es256_embedded_jwk(catalog):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

    key = ec.generate_private_key(ec.SECP256R1())
    nums = key.public_key().public_numbers()
    jwk = {
        "kty": "EC",
        "crv": "P-256",
        "x": b64url(nums.x.to_bytes(32, "big")),
        "y": b64url(nums.y.to_bytes(32, "big")),
    }
    head = b64url(json.dumps({"alg": "ES256", "jwk": jwk}).encode())
    body = b64url(json.dumps(ob3_credential("https://badges.example.org/issuer")).encode())
    r, s = decode_dss_signature(key.sign(f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256())))
    token = f"{head}.{body}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"
    cred = _one(token.encode(), catalog)
    assert cred.verification.level == "verified"
    assert any("embedded in the token header" in r for r in cred.verification.reasons)


def test_alg_none_is_never_verified(catalog):
    head = b64url(json.dumps({"alg": "none"}).encode())
    body = b64url(json.dumps({"vc": ob3_credential("https://badges.example.org/issuer")}).encode())
    cred = _one(f"{head}.{body}.".encode(), catalog)
    assert cred.verification.level in ("unverifiable", "invalid")


# --- Open Badges 2.0 --------------------------------------------------------------------------


def _ob2(identity: str, salt: str | None, host: str = "api.badgr.io") -> dict:
    recipient = {"type": "email", "hashed": True, "identity": identity}
    if salt is not None:
        recipient["salt"] = salt
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": f"https://{host}/public/assertions/AbCdEf123456",
        "recipient": recipient,
        "badge": {
            "type": "BadgeClass",
            "name": "Robotics 101",
            "description": "Built a robot.",
            "criteria": {"narrative": "Build a robot."},
            "issuer": {
                "type": "Issuer",
                "name": "Robot School",
                "url": "https://robots.example.edu",
            },
        },
        "verification": {"type": "hosted"},
        "issuedOn": "2024-05-01T00:00:00Z",
        "expires": "2030-05-01T00:00:00Z",
    }


def test_ob2_hosted_on_platform_is_verifiable_and_recipient_hash(catalog):
    digest = "sha256$" + hashlib.sha256(f"{EMAIL}NaCl".encode()).hexdigest()
    cred = _one(json.dumps(_ob2(digest, "NaCl")).encode(), catalog)
    v = cred.verification
    assert (v.level, v.method, cred.name) == ("verifiable", "ob2_hosted", "Robotics 101")
    assert cred.url == "https://api.badgr.io/public/assertions/AbCdEf123456"
    assert v.badge is not None and v.badge.recipient_match is True and v.badge.format == "ob2-hosted"
    assert cred.confidence == 0.9 and cred.expires == "2030-05-01"
    unsalted = "sha256$" + hashlib.sha256(EMAIL.encode()).hexdigest()
    assert _one(json.dumps(_ob2(unsalted, None)).encode(), catalog).verification.badge.recipient_match is True
    mismatch = _one(json.dumps(_ob2(digest, "other-salt")).encode(), catalog)
    assert mismatch.verification.badge.recipient_match is False
    assert mismatch.verification.level == "suspicious"


def test_ob2_hosted_off_platform_is_unverifiable(catalog):
    cred = _one(json.dumps(_ob2("sha256$00", "x", host="badges.example.edu")).encode(), catalog, emails=())
    assert cred.verification.level == "unverifiable"
    assert "not a known badge platform" in " ".join(cred.verification.reasons)
    assert cred.verification.badge.recipient_match is None


def test_malformed_payload_is_invalid(catalog):
    payload = BadgePayload("ob3", "json", "baked PNG", malformed=True, problems=["bad CRC"])
    (cred,) = badge_credentials([payload], as_of=AS_OF, emails=[], catalog=catalog)
    assert cred.verification.level == "invalid" and "bad CRC" in cred.verification.reasons[0]


def test_shipped_contexts_are_resolved_once_per_process(signed, catalog, monkeypatch):
    """The loader marks shipped contexts static, so pyld keeps them resolved across badges
    (about a quarter of a signed badge's verification time otherwise)."""
    from parser.badges import loader

    loader._CACHE.clear()
    fetched: list[str] = []
    real = loader.load
    monkeypatch.setattr(loader, "load", lambda url, options=None: fetched.append(url) or real(url, options))
    data = json.dumps(signed).encode()
    assert _one(data, catalog).verification.level == "verified"
    first = len(fetched)
    assert _one(data, catalog).verification.level == "verified"
    assert first > 0 and len(fetched) == first
