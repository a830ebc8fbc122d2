"""Every public badge fixture (see tests/fixtures/badges/SOURCES.md) and its result."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parser.badges import badge_credentials, find_badges, verify_badge

AS_OF = date(2026, 11, 24)
OB30 = "1edtech-validator/ob30/"
DCC = "dcc-vc-test-fixtures/verifiableCredentials/"

# (file, format, level, status, a phrase the reasons must contain)
CASES = [
    (OB30 + "simple-json.png", "ob3-json", "verified", "earned", "eddsa-rdfc-2022 proof verified"),
    (OB30 + "simple-jwt.png", "ob3-jwt", "verified", "earned", "RS256 signature verified"),
    (OB30 + "simple-json.svg", "ob3-json", "verified", "earned", "proof verified"),
    (OB30 + "simple-jwt.svg", "ob3-jwt", "verified", "earned", "RS256 signature verified"),
    (OB30 + "simple.json", "ob3-json", "verified", "earned", "proof verified"),
    (OB30 + "simple_v1.json", "ob3-json", "verified", "earned", "Ed25519Signature2020 proof"),
    (OB30 + "simple-did-key-method.json", "ob3-json", "verified", "earned", "proof verified"),
    (OB30 + "complete.json", "ob3-json", "verified", "earned", "not checked (offline)"),
    (OB30 + "simple-multiple-proofs.json", "ob3-json", "verified", "earned", "SomeProofType"),
    (OB30 + "simple-err-proof-value.json", "ob3-json", "invalid", "earned", "does not match"),
    (OB30 + "simple-err-type.json", "ob3-json", "invalid", "earned", "does not match"),
    (OB30 + "simple-err-expired.json", "ob3-json", "verified", "expired", "Expired on 2010-01-01"),
    (OB30 + "simple-noproof.json", "ob3-json", "unverifiable", "earned", "no proof"),
    (OB30 + "simple.jwt", "ob3-jwt", "unverifiable", "earned", "cannot be resolved offline"),
    (
        "1edtech-validator/ob20/simple-badge.png",
        "ob2-hosted",
        "unverifiable",
        "earned",
        "not a known badge platform",
    ),
    (
        "1edtech-validator/ob20/basic-assertion.json",
        "ob2-hosted",
        "unverifiable",
        "earned",
        "example.org",
    ),
    (
        "1edtech-validator/ob20/simple.jwt",
        "ob2-signed",
        "unverifiable",
        "earned",
        "was not fetched",
    ),
    (
        DCC + "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json",
        "ob3-json",
        "verified",
        "earned",
        "eddsa-rdfc-2022",
    ),
    (
        DCC + "v2/ed25519/didKey/legacy-noStatus-noExpiry.json",
        "ob3-json",
        "verified",
        "earned",
        "Ed25519Signature2020",
    ),
    (
        DCC + "v2/ed25519/didKey/legacy-noStatus-noExpiry-tampered.json",
        "ob3-json",
        "invalid",
        "earned",
        "does not match",
    ),
    (
        DCC + "v2/bothSignatureTypes/didkey/legacy-noStatus-noExpiry.json",
        "ob3-json",
        "verified",
        "earned",
        "Ed25519Signature2020 proof verified",
    ),
    (
        DCC + "v1/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-OBSpecExample.json",
        "ob3-json",
        "verified",
        "earned",
        "eddsa-rdfc-2022",
    ),
    (
        DCC + "v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json",
        "ob3-json",
        "verified",
        "earned",
        "not checked (offline)",
    ),
    (
        DCC + "v2/ed25519/didKey/legacy-noStatus-expired.json",
        "ob3-json",
        "verified",
        "expired",
        "Expired on",
    ),
    (
        DCC + "v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json",
        "ob3-json",
        "verified",
        "earned",
        "not checked (offline)",
    ),
    (
        DCC + "v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-identityHash.json",
        "ob3-json",
        "verified",
        "earned",
        "eddsa-rdfc-2022",
    ),
    (
        DCC + "v2/ed25519/didWeb/oidf-noStatus-notExpired.json",
        "ob3-json",
        "verified",
        "earned",
        "not confirmed offline",
    ),
    (
        "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json",
        "vc-json",
        "verified",
        "earned",
        "eddsa-rdfc-2022",
    ),
    (
        "w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/signedEdSig.json",
        "vc-json",
        "verified",
        "earned",
        "Ed25519Signature2020",
    ),
    (
        "concentricsky-openbadges-bakery/baked_example.svg",
        "ob1-hosted",
        "unverifiable",
        "earned",
        "example.org",
    ),
    (
        "concentricsky-openbadges-bakery/baked_heart.png",
        "ob1-hosted",
        "unverifiable",
        "earned",
        "example.org",
    ),
    ("mozilla-openbadges-bakery/bad-json.svg", "ob2-malformed", "invalid", "earned", "malformed"),
]


@pytest.mark.parametrize(
    ("rel", "fmt", "level", "status", "phrase"), CASES, ids=[c[0].rsplit("/", 1)[-1] for c in CASES]
)
def test_fixture(fixtures: Path, catalog, rel, fmt, level, status, phrase):
    path = fixtures / rel
    payloads = find_badges(path.read_bytes(), path.name)
    assert [p.format for p in payloads] == [fmt]
    (cred,) = badge_credentials(payloads, as_of=AS_OF, emails=[], catalog=catalog)
    assert cred.verification.level == level, cred.verification.reasons
    assert cred.status == status
    assert phrase in " ".join(cred.verification.reasons)
    assert cred.match.method == "badge" and cred.verification.badge is not None
    assert cred.verification.badge.format == fmt


@pytest.mark.parametrize(
    "rel",
    [
        "1edtech-validator/ob20/assets/key1.json",
        "1edtech-validator/ob20/assets/organization.json",
        "1edtech-validator/ob20/assets/robotics-badge.json",
        "dcc-vc-test-fixtures/dids/oidf/did.json",
        "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020/e5WK8CbZ1GjycuPombrj",
        "w3c-vc-di-eddsa/TestVectors/keyPair.json",
        "contexts/1edtech-validator/ob-v3p0.json",
    ],
)
def test_metadata_files_are_not_badges(fixtures: Path, rel):
    path = fixtures / rel
    assert find_badges(path.read_bytes(), path.name) == []


def test_complete_ob3_fields(fixtures: Path, catalog):
    path = fixtures / OB30 / "complete.json"
    (cred,) = badge_credentials(
        find_badges(path.read_bytes(), path.name), as_of=AS_OF, emails=[], catalog=catalog
    )
    assert cred.kind == "degree"
    assert cred.issuer.known is False and cred.issuer.name
    badge = cred.verification.badge
    assert badge is not None and badge.achievement == cred.name and badge.issued_on
    assert cred.confidence == 0.99


def test_ob2_recipient_hash_from_fixture(fixtures: Path):
    path = fixtures / "1edtech-validator/ob20/basic-assertion.json"
    (payload,) = find_badges(path.read_bytes(), path.name)
    assert verify_badge(payload, as_of=AS_OF, emails=["Nobody@example.org"]).recipient_match is True
    wrong = verify_badge(payload, as_of=AS_OF, emails=["somebody@example.org"])
    assert wrong.recipient_match is False and wrong.level == "suspicious"
    assert verify_badge(payload, as_of=AS_OF, emails=[]).recipient_match is None


# --- what an injected fetch (a later online step) makes possible; served from the fixtures ----


def _fetcher(fixtures: Path):
    lists = fixtures / "dcc-vc-test-fixtures/statusLists/didkey-ed25519Signature2020"
    files = {
        "http://example.org/key1.json": fixtures / "1edtech-validator/ob20/assets/key1.json",
    }

    def fetch(url: str) -> bytes:
        if url in files:
            return files[url].read_bytes()
        name = url.rsplit("/", 1)[-1]
        if (lists / name).is_file():
            return (lists / name).read_bytes()
        raise OSError(f"offline: {url}")

    return fetch


@pytest.mark.parametrize(
    "rel",
    [
        DCC + "v2/ed25519/didKey/noRegistry-revokedStatus-notExpired.json",
        DCC + "v2/dataIntegrityProof/didKey/twoOIDF-revoked-notExpired-badSchema.json",
    ],
)
def test_revoked_with_status_list(fixtures: Path, rel):
    (payload,) = find_badges((fixtures / rel).read_bytes())
    check = verify_badge(payload, as_of=AS_OF, fetch=_fetcher(fixtures))
    assert check.level == "invalid" and check.revoked is True
    assert any("revoked" in r for r in check.reasons)


def test_tampered_status_list_is_not_trusted(fixtures: Path):
    from parser.badges.status import check_status

    entry = {
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListCredential": "https://x.example/statusLists/tampered",
        "statusListIndex": "8",
    }
    result = check_status({"credentialStatus": entry}, _fetcher(fixtures))
    assert result is not None and result.revoked is None
    assert "valid proof" in result.reason
    offline = check_status({"credentialStatus": entry}, None)
    assert offline is not None and offline.revoked is None and "offline" in offline.reason


def test_ob2_signed_with_fetched_key(fixtures: Path):
    path = fixtures / "1edtech-validator/ob20/simple.jwt"
    (payload,) = find_badges(path.read_bytes(), path.name)
    check = verify_badge(payload, as_of=AS_OF, fetch=_fetcher(fixtures))
    assert (check.level, check.method) == ("verified", "ob2_signed")
