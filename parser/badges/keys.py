"""Public keys from the places an offline verifier can find them.

``did:key`` identifiers and Multikey values (multibase base58btc / base64url with a
multicodec prefix), JSON Web Keys from a JWS header, and PEM keys (Open Badges 2.0
``CryptographicKey``). Nothing here touches the network.
"""

from __future__ import annotations

import base64
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}
_ED25519_PUB = b"\xed\x01"  # multicodec 0xed, varint-encoded
_P256_PUB = b"\x80\x24"  # multicodec 0x1200, varint-encoded


class KeyDecodeError(ValueError):
    """A key that cannot be decoded or is of an unsupported type."""


def b58decode(text: str) -> bytes:
    """Decode Bitcoin-alphabet base58 (what multibase ``z`` uses)."""
    if len(text) > 4096:
        raise KeyDecodeError("base58 value too long")
    num = 0
    for ch in text:
        if ch not in _B58_INDEX:
            raise KeyDecodeError(f"invalid base58 character {ch!r}")
        num = num * 58 + _B58_INDEX[ch]
    body = num.to_bytes((num.bit_length() + 7) // 8, "big") if num else b""
    pad = len(text) - len(text.lstrip("1"))
    return b"\x00" * pad + body


def b64url_decode(text: str) -> bytes:
    """Base64url without padding, strictly (no stray characters)."""
    if any(c not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for c in text):
        raise KeyDecodeError("invalid base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def multibase_decode(value: str) -> bytes:
    """Decode a multibase string: ``z`` (base58btc) or ``u`` (base64url)."""
    if value.startswith("z"):
        return b58decode(value[1:])
    if value.startswith("u"):
        return b64url_decode(value[1:])
    raise KeyDecodeError(f"unsupported multibase prefix {value[:1]!r}")


def from_multikey(value: str) -> PublicKey:
    """A public key from a Multikey string (``z6Mk…`` Ed25519, ``zDn…`` P-256)."""
    raw = multibase_decode(value)
    if raw.startswith(_ED25519_PUB) and len(raw) == 34:
        return ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])
    if raw.startswith(_P256_PUB) and len(raw) == 35:
        try:
            return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw[2:])
        except ValueError as exc:
            raise KeyDecodeError("P-256 multikey is not a point on the curve") from exc
    raise KeyDecodeError("unsupported multikey type (Ed25519 and P-256 are supported)")


def multikey_of(verification_method: str) -> str | None:
    """The Multikey that a verification method id carries, if any.

    ``did:key:z6Mk…`` and ``did:key:z6Mk…#z6Mk…`` carry it by definition; any other id
    (``https://issuer.example/#z6Mk…``, ``did:web:…#z6Mk…``) only in its fragment.
    """
    if verification_method.startswith("did:key:"):
        return verification_method[len("did:key:") :].split("#", 1)[0] or None
    _, _, fragment = verification_method.partition("#")
    return fragment if fragment.startswith(("z6Mk", "zDn")) else None


def did_web_url(did: str) -> str | None:
    """The DID document URL of a ``did:web`` identifier (W3C did:web method, section 3.2)."""
    if not did.startswith("did:web:"):
        return None
    parts = [p.replace("%3A", ":") for p in did[len("did:web:") :].split("#", 1)[0].split(":")]
    if not parts or not parts[0]:
        return None
    path = "/".join(parts[1:])
    return f"https://{parts[0]}/{path}/did.json" if path else f"https://{parts[0]}/.well-known/did.json"


def resolve_did_web(verification_method: str, fetch: Any) -> PublicKey | None:
    """The public key a ``did:web`` verification method names, fetched with ``fetch``.

    Only used when online checks are on; any failure means "not resolvable".
    """
    url = did_web_url(verification_method)
    if url is None or fetch is None:
        return None
    try:
        import json

        doc = json.loads(fetch(url))
        did = verification_method.split("#", 1)[0]
        for vm in doc.get("verificationMethod") or []:
            vm_id = str(vm.get("id", ""))
            if vm_id == verification_method or (vm_id.startswith("#") and did + vm_id == verification_method):
                if vm.get("publicKeyMultibase"):
                    return from_multikey(str(vm["publicKeyMultibase"]))
                if vm.get("publicKeyJwk"):
                    return from_jwk(vm["publicKeyJwk"])
    except Exception:  # whatever fetch or parsing raises: the key is unavailable
        return None
    return None


def from_jwk(jwk: Any) -> PublicKey:
    """A public key from a JWK (OKP/Ed25519, EC/P-256, RSA); private members are ignored."""
    if not isinstance(jwk, dict):
        raise KeyDecodeError("jwk is not an object")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    try:
        if kty == "OKP" and crv == "Ed25519":
            return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(str(jwk["x"])))
        if kty == "EC" and crv == "P-256":
            x = int.from_bytes(b64url_decode(str(jwk["x"])), "big")
            y = int.from_bytes(b64url_decode(str(jwk["y"])), "big")
            return ec.EllipticCurvePublicNumbers(x, y, ec.SECP256R1()).public_key()
        if kty == "RSA":
            n = int.from_bytes(b64url_decode(str(jwk["n"])), "big")
            e = int.from_bytes(b64url_decode(str(jwk["e"])), "big")
            if n.bit_length() < 2048:
                raise KeyDecodeError("RSA key shorter than 2048 bits")
            return rsa.RSAPublicNumbers(e, n).public_key()
    except (KeyError, ValueError, TypeError) as exc:
        raise KeyDecodeError(f"bad {kty} jwk: {exc}") from exc
    raise KeyDecodeError(f"unsupported jwk type {kty}/{crv}")


def from_pem(pem: str) -> PublicKey:
    """A public key from PEM text (Open Badges 2.0 ``publicKeyPem``)."""
    try:
        key = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, UnicodeError, TypeError) as exc:
        raise KeyDecodeError(f"bad PEM public key: {exc}") from exc
    if not isinstance(key, (ed25519.Ed25519PublicKey, ec.EllipticCurvePublicKey, rsa.RSAPublicKey)):
        raise KeyDecodeError("unsupported PEM key type")
    return key
