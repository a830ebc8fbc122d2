"""Does the badge name the résumé's owner? Hashed-email recipient checks.

Open Badges 2.0 ``recipient`` (``identity`` = ``sha256$<hex>`` of email+salt, or the plain
email), 1.0 ``identity`` / ``recipient``, and 3.0 ``credentialSubject.identifier[]``
(``identityHash`` with ``identityType: emailAddress``). The answer is True/False, or None
when there is nothing to compare (no candidate email, or a non-email identity).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from typing import Any

from .payload import as_list

_ALGOS = {"sha256": hashlib.sha256, "md5": hashlib.md5}


def _matches(identity: str, hashed: bool, salt: str, emails: Sequence[str]) -> bool:
    if not hashed and "$" not in identity:
        return any(identity.strip().lower() == e.strip().lower() for e in emails)
    algo, _, digest = identity.partition("$")
    fn = _ALGOS.get(algo.lower())
    if fn is None:
        return False
    for email in emails:
        for variant in {email.strip(), email.strip().lower()}:
            if hmac.compare_digest(fn((variant + salt).encode("utf-8")).hexdigest(), digest.lower()):
                return True
    return False


def _identities(doc: dict[str, Any], family: str) -> list[tuple[str, bool, str]]:
    """(identity, hashed, salt) of every email identity the badge names."""
    out: list[tuple[str, bool, str]] = []
    if family in ("ob3", "vc"):
        for subject in as_list(doc.get("credentialSubject")):
            if not isinstance(subject, dict):
                continue
            for ident in as_list(subject.get("identifier")):
                if isinstance(ident, dict) and ident.get("identityType") in (
                    "emailAddress",
                    "email",
                ):
                    value = ident.get("identityHash")
                    if isinstance(value, str):
                        out.append((value, bool(ident.get("hashed")), str(ident.get("salt") or "")))
        return out
    rec = doc.get("recipient") if family == "ob2" else doc.get("identity", doc.get("recipient"))
    if isinstance(rec, dict):
        kind = rec.get("type", "email")
        value = rec.get("identity", rec.get("recipient"))
        if kind == "email" and isinstance(value, str):
            out.append((value, bool(rec.get("hashed")), str(rec.get("salt") or "")))
    elif isinstance(rec, str):  # 0.5: a bare hashed or plain email; the salt sits beside it
        out.append((rec, "$" in rec, str(doc.get("salt") or "")))
    return out


def recipient_match(doc: dict[str, Any] | None, family: str, emails: Sequence[str]) -> bool | None:
    """True when a candidate email is the badge's recipient, False when none is, None when "
    "unknown."""
    if not doc or not emails:
        return None
    identities = _identities(doc, family)
    if not identities:
        return None
    return any(_matches(i, h, s, emails) for i, h, s in identities)
