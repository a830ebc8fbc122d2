"""Test helpers: fixture paths, a did:key signer for eddsa-rdfc-2022, and bakers."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import struct
import zlib
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from parser.badges.proofs import canonical

REPO = Path(__file__).resolve().parents[2]
#: Public badge files copied into the repository (provenance and licences: SOURCES.md there).
FIXTURES = REPO / "tests" / "fixtures" / "badges"

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(data: bytes) -> str:
    num = int.from_bytes(data, "big")
    out = ""
    while num:
        num, rem = divmod(num, 58)
        out = _B58[rem] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Signer:
    """An Ed25519 key with its did:key, signing Data Integrity proofs and JWS."""

    def __init__(self) -> None:
        self.key = ed25519.Ed25519PrivateKey.generate()
        pub = self.key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.multikey = "z" + b58encode(b"\xed\x01" + pub)
        self.did = f"did:key:{self.multikey}"
        self.vm = f"{self.did}#{self.multikey}"

    def sign_di(self, doc: dict[str, Any], vm: str | None = None) -> dict[str, Any]:
        """Add an eddsa-rdfc-2022 DataIntegrityProof (RDFC-1.0 canonical form)."""
        body = {k: v for k, v in copy.deepcopy(doc).items() if k != "proof"}
        proof = {
            "type": "DataIntegrityProof",
            "cryptosuite": "eddsa-rdfc-2022",
            "created": "2025-01-01T00:00:00Z",
            "verificationMethod": vm or self.vm,
            "proofPurpose": "assertionMethod",
        }
        options = {**proof, "@context": body["@context"]}
        digest = hashlib.sha256(canonical(options).encode()).digest()
        digest += hashlib.sha256(canonical(body).encode()).digest()
        proof["proofValue"] = "z" + b58encode(self.key.sign(digest))
        return {**body, "proof": proof}

    def sign_jws(self, payload: dict[str, Any], header: dict[str, Any] | None = None) -> str:
        head = {"alg": "EdDSA", "typ": "JWT", "kid": self.vm, **(header or {})}
        signing_input = f"{b64url(json.dumps(head).encode())}.{b64url(json.dumps(payload).encode())}"
        return f"{signing_input}.{b64url(self.key.sign(signing_input.encode()))}"


def _chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def png_with_itxt(keyword: str, text: str | bytes, *, compressed: bool = False) -> bytes:
    """A 1×1 PNG with an iTXt chunk, written by hand (as a badge baker would)."""
    raw = text.encode() if isinstance(text, str) else text
    body = keyword.encode("latin-1") + b"\0" + (b"\1\0" if compressed else b"\0\0") + b"\0\0"
    body += zlib.compress(raw) if compressed else raw
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", ihdr)
        + _chunk(b"iTXt", body)
        + _chunk(b"IDAT", idat)
        + _chunk(b"IEND", b"")
    )


def svg_with(text: str = "", verify: str = "", tag: str = "credential") -> bytes:
    ns = "https://purl.imsglobal.org/ob/v3p0" if tag == "credential" else "http://openbadges.org"
    attr = f' verify="{verify}"' if verify else ""
    inner = f"<![CDATA[{text}]]>" if text else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="{ns}" viewBox="0 0 10 10">'
        f'<openbadges:{tag}{attr}>{inner}</openbadges:{tag}><rect width="10" height="10"/></svg>'
    ).encode()


def ob3_credential(issuer_id: str, *, name: str = "Example Corp", v1: bool = False) -> dict[str, Any]:
    ctx = (
        [
            "https://www.w3.org/2018/credentials/v1",
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        ]
        if v1
        else [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
    )
    doc: dict[str, Any] = {
        "@context": ctx,
        "id": "urn:uuid:2d7b1e6a-2f4b-4b0e-9d3c-0b6a6d9b7c11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": issuer_id, "type": ["Profile"], "name": name},
        "name": "Cloud Basics",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": "pepper",
                    "identityHash": "sha256$"
                    + hashlib.sha256(b"dana.ruiz@example.com" + b"pepper").hexdigest(),
                }
            ],
            "achievement": {
                "id": "https://badges.example.org/achievements/cloud-basics",
                "type": ["Achievement"],
                "achievementType": "Certification",
                "name": "Cloud Basics",
                "description": "Knows the basics of cloud computing.",
                "criteria": {"narrative": "Pass the cloud basics exam."},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": "Cloud computing",
                        "targetUrl": "https://skills.example.org/cloud",
                    }
                ],
            },
        },
    }
    if v1:
        doc["issuanceDate"] = "2024-03-01T00:00:00Z"
    else:
        doc["validFrom"] = "2024-03-01T00:00:00Z"
    return doc
