"""Compact JWS (RFC 7515) parsing and signature checks: EdDSA, ES256, RS256, PS256.

Only asymmetric algorithms are accepted; ``none`` and the HMAC family are refused so a
badge can never be "verified" with a key its holder chose.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, utils

from .keys import KeyDecodeError, PublicKey, b64url_decode
from .limits import LimitError, active, load_json

ALGORITHMS = ("EdDSA", "Ed25519", "ES256", "RS256", "PS256")


class JwsError(ValueError):
    """Text that looks like a JWS but cannot be decoded."""


@dataclass(frozen=True)
class Jws:
    """A decoded compact JWS; ``payload`` is the parsed JSON payload."""

    token: str
    header: dict[str, Any]
    payload: Any
    signing_input: bytes
    signature: bytes


def looks_like_jws(text: str) -> bool:
    """Three dot-separated base64url parts whose first decodes to a JSON object with ``alg``."""
    parts = text.strip().split(".")
    if len(parts) != 3 or not parts[0].startswith("eyJ"):
        return False
    try:
        header = json.loads(b64url_decode(parts[0]))
    except (ValueError, KeyDecodeError):
        return False
    return isinstance(header, dict) and "alg" in header


def parse(token: str) -> Jws:
    """Decode a compact JWS whose payload is JSON; raises :class:`JwsError`."""
    token = token.strip()
    if len(token) > active().max_badge_jws_bytes:
        raise JwsError("JWS over the size limit")
    parts = token.split(".")
    if len(parts) != 3:
        raise JwsError("a compact JWS has three parts")
    try:
        header = load_json(b64url_decode(parts[0]))
        payload = load_json(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
    except (KeyDecodeError, LimitError, ValueError) as exc:
        raise JwsError(f"JWS does not decode: {exc}") from exc
    if not isinstance(header, dict):
        raise JwsError("JWS header is not a JSON object")
    return Jws(token, header, payload, f"{parts[0]}.{parts[1]}".encode("ascii"), signature)


def verify(jws: Jws, key: PublicKey) -> bool:
    """True when the signature is valid for ``key`` under the header's algorithm."""
    alg = jws.header.get("alg")
    data, sig = jws.signing_input, jws.signature
    try:
        if alg in ("EdDSA", "Ed25519") and isinstance(key, ed25519.Ed25519PublicKey):
            key.verify(sig, data)
            return True
        if alg == "ES256" and isinstance(key, ec.EllipticCurvePublicKey):
            if len(sig) != 64 or key.curve.name != "secp256r1":
                return False
            der = utils.encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
            key.verify(der, data, ec.ECDSA(hashes.SHA256()))
            return True
        if alg == "RS256" and isinstance(key, rsa.RSAPublicKey):
            key.verify(sig, data, padding.PKCS1v15(), hashes.SHA256())
            return True
        if alg == "PS256" and isinstance(key, rsa.RSAPublicKey):
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=padding.PSS.DIGEST_LENGTH)
            key.verify(sig, data, pss, hashes.SHA256())
            return True
    except InvalidSignature:
        return False
    return False
