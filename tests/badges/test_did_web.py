"""did:web keys are resolved only with online checks on (through the injected fetch)."""

from __future__ import annotations

import json
from datetime import date

from helpers import Signer, ob3_credential

from parser.badges import find_badges, verify_badge
from parser.badges.keys import did_web_url

DID = "did:web:badges.example.org:issuers:acme"


def test_did_web_urls():
    assert did_web_url("did:web:example.com") == "https://example.com/.well-known/did.json"
    assert did_web_url(DID + "#key-1") == "https://badges.example.org/issuers/acme/did.json"
    assert did_web_url("did:key:z6Mk") is None


def _signed() -> tuple[Signer, bytes]:
    signer = Signer()
    doc = signer.sign_di(ob3_credential(DID), vm=f"{DID}#key-1")
    return signer, json.dumps(doc).encode()


def test_did_web_key_is_fetched_when_online(catalog):
    signer, data = _signed()
    did_doc = {
        "id": DID,
        "verificationMethod": [
            {
                "id": f"{DID}#key-1",
                "type": "Multikey",
                "controller": DID,
                "publicKeyMultibase": signer.multikey,
            }
        ],
    }
    served = {"https://badges.example.org/issuers/acme/did.json": json.dumps(did_doc).encode()}
    [payload] = find_badges(data)
    online = verify_badge(payload, as_of=date(2026, 11, 25), catalog=catalog, fetch=lambda url: served[url])
    assert online.level == "verified"
    offline = verify_badge(payload, as_of=date(2026, 11, 25), catalog=catalog)
    assert offline.level == "unverifiable" and any("cannot be resolved offline" in r for r in offline.reasons)


def test_did_web_with_another_key_is_invalid(catalog):
    _, data = _signed()
    other = Signer()
    did_doc = {
        "id": DID,
        "verificationMethod": [{"id": "#key-1", "type": "Multikey", "publicKeyMultibase": other.multikey}],
    }
    [payload] = find_badges(data)
    check = verify_badge(
        payload, as_of=date(2026, 11, 25), catalog=catalog, fetch=lambda url: json.dumps(did_doc).encode()
    )
    assert check.level == "invalid"
