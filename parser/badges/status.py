"""Revocation checks through a credential's status list (Bitstring Status List, StatusList2021).

Needs the status list credential, which lives on the web: it is only read through an
injected ``fetch(url) -> bytes`` (None = offline, status not checked). The list must
itself carry a valid proof, or its answer is not trusted.
"""

from __future__ import annotations

import base64
import gzip
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .limits import LimitError, active, load_json
from .payload import as_list
from .proofs import verify_proofs

Fetch = Callable[[str], bytes]
STATUS_TYPES = ("BitstringStatusListEntry", "StatusList2021Entry")


@dataclass(frozen=True)
class StatusResult:
    revoked: bool | None  # True revoked/suspended, False checked and fine, None not checked
    reason: str


def _bits(encoded: str) -> bytes:
    text = encoded[1:] if encoded.startswith("u") else encoded  # multibase base64url, or bare
    raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    with gzip.GzipFile(fileobj=io.BytesIO(raw)) as gz:
        limit = active().max_badge_inflated
        out = gz.read(limit + 1)
    if len(out) > limit:
        raise LimitError("status list over the size limit")
    return out


def _check_entry(entry: dict[str, Any], fetch: Fetch) -> StatusResult:
    url, index = entry.get("statusListCredential"), entry.get("statusListIndex")
    purpose = str(entry.get("statusPurpose", "revocation"))
    try:
        idx = int(str(index))
    except ValueError:
        return StatusResult(None, "the credential's status entry has no valid index")
    if not isinstance(url, str):
        return StatusResult(None, "the credential's status entry names no status list")
    try:
        listing = load_json(fetch(url))
    except Exception as exc:  # the injected fetch may raise anything; offline is not an error
        return StatusResult(None, f"the status list {url} could not be read ({type(exc).__name__})")
    if not isinstance(listing, dict):
        return StatusResult(None, f"the status list {url} is not a credential")
    proofs = verify_proofs(listing)
    if not any(p.ok for p in proofs) or any(p.ok is False for p in proofs):
        return StatusResult(
            None,
            f"the status list {url} does not carry a valid proof, so its answer is not trusted",
        )
    subject = listing.get("credentialSubject")
    encoded = subject.get("encodedList") if isinstance(subject, dict) else None
    try:
        bits = _bits(str(encoded))
    except Exception:  # base64, gzip and limit errors all mean the list is unreadable
        return StatusResult(None, f"the status list {url} cannot be decoded")
    if idx < 0 or idx // 8 >= len(bits):
        return StatusResult(None, f"status index {idx} is outside the status list")
    if bits[idx // 8] >> (7 - idx % 8) & 1:
        word = "suspended" if purpose == "suspension" else "revoked"
        return StatusResult(True, f"the issuer has {word} this credential (status list {url}, index {idx})")
    return StatusResult(False, f"not {purpose}-listed in the issuer's status list")


def check_status(doc: dict[str, Any], fetch: Fetch | None) -> StatusResult | None:
    """The revocation status of ``doc``; None when it declares no status list."""
    entries = [e for e in as_list(doc.get("credentialStatus")) if isinstance(e, dict)]
    if not entries:
        return None
    if fetch is None:
        return StatusResult(None, "revocation status was not checked (offline); the status list is online")
    results = []
    for entry in entries:
        if entry.get("type") not in STATUS_TYPES:
            results.append(StatusResult(None, f"status type {entry.get('type')} is not supported"))
            continue
        results.append(_check_entry(entry, fetch))
    revoked = [r for r in results if r.revoked]
    if revoked:
        return revoked[0]
    unknown = [r for r in results if r.revoked is None]
    return unknown[0] if unknown else results[0]
