"""Verify one badge payload offline and say how far a recruiter can trust it.

Levels follow docs/contract.md §2: a valid proof → ``verified`` (``ob3_proof``, or ``ob2_signed``
for an Open Badges 2.0 JWS); a failing, tampered, malformed or revoked badge → ``invalid``;
no proof → ``unverifiable``, except a hosted 2.0 assertion on a known badge platform →
``verifiable`` (``ob2_hosted``); a badge whose issuer name claims a catalog issuer that its
ids, keys and URLs do not belong to → ``suspicious``. Expiry is a status, not a level.

Network access is never made here. ``fetch(url) -> bytes`` may be injected (status lists,
Open Badges 2.0 signing keys); the default None keeps everything offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import Level, VerificationMethod
from . import jose
from .dates import first, partial, to_date
from .keys import KeyDecodeError, PublicKey, from_jwk, from_multikey, from_pem, multikey_of
from .limits import load_json
from .payload import BadgePayload
from .proofs import verify_proofs
from .recipient import recipient_match
from .status import Fetch, check_status
from .terms import unsigned_paths
from .trust import IssuerFacts, issuer_facts, platform_of

_RANK = {"invalid": 0, "suspicious": 1}


@dataclass
class BadgeCheck:
    """The verifier's answer for one payload."""

    level: Level
    method: VerificationMethod = "none"
    status: str = "earned"
    reasons: list[str] = field(default_factory=list)
    recipient_match: bool | None = None
    unsigned_paths: list[str] = field(default_factory=list)
    issuer: IssuerFacts = field(default_factory=IssuerFacts)
    revoked: bool | None = None
    self_asserted_key: bool = False  # the proof's key is not tied to the issuer offline
    issued: str | None = None
    expires: str | None = None

    def downgrade(self, level: Level, reason: str) -> None:
        """Lower the level to ``invalid``/``suspicious`` (never raise it) and say why."""
        if _RANK.get(level, 9) < _RANK.get(self.level, 9):
            self.level = level
        self.reasons.append(reason)


def _jwt_key(jws: jose.Jws, payload: BadgePayload) -> tuple[PublicKey | None, str, bool]:
    """(key, where it came from, bound to the issuer) for a VC-JWT."""
    header = jws.header
    kid = header.get("kid") if isinstance(header.get("kid"), str) else None
    iss = payload.jwt_claims.get("iss") or (payload.document or {}).get("issuer")
    iss_id = iss.get("id") if isinstance(iss, dict) else iss
    for candidate in (
        kid,
        iss_id if isinstance(iss_id, str) and iss_id.startswith("did:key:") else None,
    ):
        if candidate is None:
            continue
        mk = multikey_of(candidate)
        if mk:
            controller = candidate.split("#", 1)[0]
            tied = isinstance(iss_id, str) and controller == iss_id.split("#", 1)[0]
            return from_multikey(mk), f"key {candidate}", tied
    if "jwk" in header:
        return from_jwk(header["jwk"]), "a public key embedded in the token header", False
    return None, f"key {kid}" if kid else "no key id", False


def _check_vc(payload: BadgePayload, check: BadgeCheck, fetch: Fetch | None = None) -> list[str]:
    """Proof checks for Open Badges 3.0 / VC payloads; returns ids the signature binds."""
    doc = payload.document or {}
    issuer_id = check.issuer.id
    if payload.encoding == "jwt" and payload.jws:
        jws = jose.parse(payload.jws)
        try:
            key, where, tied = _jwt_key(jws, payload)
        except KeyDecodeError as exc:
            check.level = "invalid"
            check.reasons.append(f"The token's key cannot be read ({exc}).")
            return []
        if key is None:
            check.level = "unverifiable"
            check.reasons.append(
                f"Signed token ({jws.header.get('alg')}) but its key ({where}) cannot be resolved "
                "offline; ask the candidate for the issuer's verification link."
            )
            return []
        check.method = "ob3_proof"
        if not jose.verify(jws, key):
            check.level = "invalid"
            check.reasons.append(
                f"The token's {jws.header.get('alg')} signature does not verify with {where}: it "
                "was altered or signed by someone else."
            )
            return []
        check.level = "verified"
        check.reasons.append(f"{jws.header.get('alg')} signature verified offline with {where}.")
        if not tied:
            check.self_asserted_key = True
            check.reasons.append(
                "The signing key is not published by the issuer in a way that can be checked "
                "offline; the content is intact, but who signed it rests on the issuer's word."
            )
        iss = payload.jwt_claims.get("iss")
        if isinstance(iss, str) and issuer_id and iss != issuer_id:
            check.downgrade(
                "suspicious",
                f"The token's issuer ({iss}) differs from the credential's issuer ({issuer_id}).",
            )
        return [iss] if isinstance(iss, str) else []
    results = verify_proofs(doc, fetch)
    check.method = "ob3_proof" if results else "none"
    if not results:
        check.level = "unverifiable"
        check.reasons.append(
            "The credential carries no proof (signature), so its content cannot be checked; ask "
            "the issuer or the candidate for a signed copy or a verification link."
        )
        return []
    failed = [r for r in results if r.ok is False]
    passed = [r for r in results if r.ok]
    skipped = [r for r in results if r.ok is None]
    if failed:
        check.level = "invalid"
        check.reasons += [f"Proof fails: {r.reason}." for r in failed]
        return []
    if not passed:
        check.level, check.method = "unverifiable", "none"
        check.reasons += [r.reason[0].upper() + r.reason[1:] + "." for r in skipped]
        return []
    check.level = "verified"
    check.reasons += [r.reason + "." for r in passed]
    check.reasons += [f"Ignored: {r.reason}." for r in skipped]
    signers: list[str] = []
    for r in passed:
        vm = r.verification_method or ""
        controller = vm.split("#", 1)[0]
        signers.append(vm)
        if not vm.startswith("did:key:") or (issuer_id and controller != issuer_id):
            check.self_asserted_key = True
        if issuer_id and controller and controller != issuer_id:
            # Common in real credentials (a platform signs for the issuer), so a reason, not a
            # level: a claimed catalog issuer is still checked against domains below.
            check.reasons.append(
                f"Signed with key {vm}, which is not published under the stated issuer "
                f"{issuer_id}; the content is intact, but that the issuer signed it was not "
                "confirmed offline."
            )
        elif not vm.startswith("did:key:"):
            check.reasons.append(
                "The key is read from the verification method id; that it is the issuer's "
                "published key was not confirmed offline."
            )
    try:
        check.unsigned_paths = unsigned_paths(doc)
    except Exception:  # expansion already succeeded in the proof check; be safe anyway
        check.unsigned_paths = []
    if check.unsigned_paths:
        check.reasons.append(
            "Fields added outside the signature are ignored (not verified content): "
            + ", ".join(check.unsigned_paths[:10])
            + "."
        )
    return signers


def _ob2_key(creator: str, fetch: Fetch | None) -> PublicKey | None:
    if fetch is None:
        return None
    try:
        doc = load_json(fetch(creator))
    except Exception:  # whatever the injected fetch raises: the key is just unavailable
        return None
    pem = doc.get("publicKeyPem") if isinstance(doc, dict) else None
    return from_pem(pem) if isinstance(pem, str) else None


def _check_ob2(payload: BadgePayload, check: BadgeCheck, catalog: Any, fetch: Fetch | None) -> list[str]:
    doc = payload.document or {}
    verification = doc.get("verification") or doc.get("verify") or {}
    if payload.encoding == "jwt" and payload.jws:
        jws = jose.parse(payload.jws)
        creator = verification.get("creator") if isinstance(verification, dict) else None
        try:
            key = _ob2_key(creator, fetch) if isinstance(creator, str) else None
        except KeyDecodeError:
            key = None
        if key is None:
            check.level = "unverifiable"
            check.reasons.append(
                f"Signed Open Badges 2.0 assertion; its public key ({creator or 'not named'}) is "
                "online and was not fetched, so the signature was not checked."
            )
            return []
        check.method = "ob2_signed"
        if jose.verify(jws, key):
            check.level = "verified"
            check.reasons.append(f"Open Badges 2.0 signature verified with the issuer's key {creator}.")
            return [creator] if isinstance(creator, str) else []
        check.level = "invalid"
        check.reasons.append(
            f"The Open Badges 2.0 signature does not verify with the issuer's key {creator}."
        )
        return []
    url = payload.url
    platform = platform_of(url, catalog)
    if platform is not None:
        check.level, check.method = "verifiable", "ob2_hosted"
        check.reasons.append(f"Hosted Open Badges assertion on {platform.name}: open {url} to confirm it.")
        return [url] if url else []
    check.level = "unverifiable"
    if url:
        check.reasons.append(
            f"Hosted Open Badges assertion at {url}, which is not a known badge platform; the "
            "assertion was not fetched, so open the URL yourself and check the issuer."
        )
    else:
        check.reasons.append("Open Badges assertion without a signature or hosted URL; it cannot be checked.")
    return []


def _dates(payload: BadgePayload, check: BadgeCheck, as_of: date) -> None:
    doc = payload.document or {}
    claims = payload.jwt_claims
    if payload.family in ("ob3", "vc"):
        issued = (
            first(doc, "validFrom", "issuanceDate", "awardedDate") or claims.get("nbf") or claims.get("iat")
        )
        expires = first(doc, "validUntil", "expirationDate") or claims.get("exp")
    else:
        issued = first(doc, "issuedOn", "issued_on")
        expires = first(doc, "expires")
    check.issued, check.expires = partial(issued), partial(expires)
    start, end = to_date(issued), to_date(expires)
    if end and end < as_of:
        check.status = "expired"
        check.reasons.append(f"Expired on {end.isoformat()} (checked against {as_of.isoformat()}).")
    if start and end and end < start:
        check.downgrade("suspicious", "The badge expires before it was issued (impossible dates).")
    elif start and start > as_of:
        check.downgrade("suspicious", f"The badge is dated {start.isoformat()}, after {as_of.isoformat()}.")


def verify_badge(
    payload: BadgePayload,
    *,
    as_of: date | None = None,
    emails: Sequence[str] = (),
    catalog: Any = None,
    fetch: Fetch | None = None,
) -> BadgeCheck:
    """Verify ``payload`` offline (``fetch`` None) and return its level, status and reasons."""
    as_of = as_of or date.today()
    if payload.malformed or (payload.document is None and payload.encoding != "url"):
        problems = "; ".join(payload.problems) or "unreadable badge data"
        return BadgeCheck(
            "invalid",
            reasons=[f"The badge data is malformed or damaged ({problems}); it cannot be trusted."],
        )
    check = BadgeCheck("unverifiable")
    check.issuer = issuer_facts(payload, catalog)
    if payload.family in ("ob3", "vc"):
        bound = _check_vc(payload, check, fetch)
        if check.level != "invalid" and payload.document:
            status = check_status(payload.document, fetch)
            if status is not None:
                check.revoked = status.revoked
                if status.revoked:
                    check.downgrade("invalid", status.reason[0].upper() + status.reason[1:] + ".")
                else:
                    check.reasons.append(status.reason[0].upper() + status.reason[1:] + ".")
    else:
        bound = _check_ob2(payload, check, catalog, fetch)
    if bound:
        check.issuer = issuer_facts(payload, catalog, bound)
    _dates(payload, check, as_of)
    check.recipient_match = recipient_match(payload.document, payload.family, emails)
    if check.recipient_match is False:
        check.downgrade(
            "suspicious",
            "The badge was issued to a different email address than the résumé's; ask the "
            "candidate which address they used.",
        )
    elif check.recipient_match:
        check.reasons.append("The badge's recipient matches the candidate's email.")
    claimed = check.issuer.claimed
    if claimed is not None and check.issuer.bound and check.self_asserted_key:
        # Anyone can sign with a key of their own and put it in the verification method id:
        # for a catalog issuer that is not "verified" until the key is confirmed online.
        if check.level == "verified":
            check.level = "verifiable"
        check.reasons.append(
            f"The proof is intact, but its key was not confirmed to be {claimed.name}'s offline; "
            f"check the issuer profile {check.issuer.id or check.issuer.url} lists that key."
        )
    if claimed is not None and not check.issuer.bound:
        where = ", ".join(sorted(check.issuer.hosts)) or (check.issuer.id or "an unnamed issuer")
        check.downgrade(
            "suspicious",
            f"The badge names {claimed.name} as issuer, but it comes from {where}, which is not "
            f"one of {claimed.name}'s domains or badge platforms.",
        )
    return check
