"""Offline checks of Data Integrity proofs: ``eddsa-rdfc-2022`` and ``Ed25519Signature2020``.

Both suites hash the RDFC-1.0 (URDNA2015) canonical form of the proof options (with the
document's ``@context``) and of the document without its proof, and sign
``sha256(proof options) || sha256(document)`` with Ed25519. The key comes from the
verification method: a ``did:key`` or a Multikey fragment (``…#z6Mk…``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519
from pyld import jsonld

from .keys import KeyDecodeError, from_multikey, multibase_decode, multikey_of, resolve_did_web
from .limits import active, count_nodes
from .loader import jsonld_options, missing_context

SUPPORTED = {("DataIntegrityProof", "eddsa-rdfc-2022"), ("Ed25519Signature2020", None)}


@dataclass(frozen=True)
class ProofResult:
    """One proof's outcome: ``ok`` True (valid), False (fails) or None (not checked)."""

    ok: bool | None
    proof_type: str
    verification_method: str | None
    reason: str
    missing_context: str | None = None


def canonical(document: dict[str, Any]) -> str:
    """The RDFC-1.0 (URDNA2015) N-Quads of ``document``, with shipped contexts only."""
    return str(
        jsonld.normalize(document, jsonld_options(algorithm="URDNA2015", format="application/n-quads"))
    )


def _suite(proof: dict[str, Any]) -> tuple[str, str | None]:
    ptype = proof.get("type")
    ptype = ptype[0] if isinstance(ptype, list) and ptype else ptype
    suite = proof.get("cryptosuite") if ptype == "DataIntegrityProof" else None
    return str(ptype), (str(suite) if suite is not None else None)


def proofs_of(document: dict[str, Any]) -> list[dict[str, Any]]:
    proof = document.get("proof")
    if isinstance(proof, dict):
        return [proof]
    if isinstance(proof, list):
        return [p for p in proof if isinstance(p, dict)]
    return []


def _verify_one(document: dict[str, Any], proof: dict[str, Any], fetch: Any = None) -> ProofResult:
    ptype, suite = _suite(proof)
    label = f"{ptype}/{suite}" if suite else ptype
    vm = proof.get("verificationMethod")
    vm = vm.get("id") if isinstance(vm, dict) else vm
    if (ptype, suite) not in SUPPORTED:
        return ProofResult(
            None,
            label,
            vm if isinstance(vm, str) else None,
            f"proof type {label} is not supported offline",
        )
    if not isinstance(vm, str):
        return ProofResult(False, label, None, "proof has no verification method")
    if proof.get("proofPurpose", "assertionMethod") != "assertionMethod":
        return ProofResult(
            False, label, vm, f"proof purpose {proof.get('proofPurpose')!r} is not assertionMethod"
        )
    multikey = multikey_of(vm)
    web_key = resolve_did_web(vm, fetch) if multikey is None else None
    if multikey is None and web_key is None:
        return ProofResult(None, label, vm, f"the key {vm} cannot be resolved offline")
    multikey = multikey or "did:web key"
    try:
        key = web_key or from_multikey(multikey)
        signature = multibase_decode(str(proof.get("proofValue", "")))
    except KeyDecodeError as exc:
        return ProofResult(False, label, vm, f"proof is malformed: {exc}")
    if not isinstance(key, ed25519.Ed25519PublicKey):
        return ProofResult(False, label, vm, f"{label} needs an Ed25519 key")
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    body = {k: v for k, v in document.items() if k != "proof"}
    if "@context" in body:
        options["@context"] = body["@context"]
    try:
        digest = hashlib.sha256(canonical(options).encode()).digest()
        digest += hashlib.sha256(canonical(body).encode()).digest()
    except Exception as exc:  # pyld raises many types for bad JSON-LD; all mean "not checkable"
        url = missing_context(exc)
        if url:
            return ProofResult(
                None, label, vm, f"context {url} is not available offline, proof not checked", url
            )
        return ProofResult(False, label, vm, f"the credential is not valid JSON-LD ({type(exc).__name__})")
    try:
        key.verify(signature, digest)
    except InvalidSignature:
        return ProofResult(
            False,
            label,
            vm,
            f"the {label} signature does not match the content (altered after signing, or a wrong key)",
        )
    return ProofResult(True, label, vm, f"{label} proof verified with key {multikey[:16]}…")


def verify_proofs(document: dict[str, Any], fetch: Any = None) -> list[ProofResult]:
    """Check every proof on ``document`` (empty list when it has none)."""
    size = len(json.dumps(document, default=str))
    limits = active()
    if size > limits.max_badge_canon_bytes or count_nodes(document) > limits.max_badge_canon_nodes:
        return [
            ProofResult(None, "any", None, "credential too large to canonicalise safely; proof not checked")
        ]
    return [_verify_one(document, p, fetch) for p in proofs_of(document)]
