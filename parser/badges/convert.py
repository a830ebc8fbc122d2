"""Turn verified badge payloads into the contract's ``Credential`` records.

The credential's name is the achievement name; the flat ``verification.badge`` object
carries what an ATS can store without understanding Open Badges. Content a proof does
not cover (terms added after signing) is left out rather than shown as verified.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from ..models import Badge, Credential, Evidence, Issuer, Kind, Match, Verification
from .payload import BadgePayload, as_list
from .terms import covers
from .verify import BadgeCheck, Fetch, verify_badge

KINDS: dict[str, Kind] = {
    "certification": "certification",
    "license": "license",
    "badge": "badge",
    "microcredential": "microcredential",
    "course": "course",
    "assessment": "assessment",
    "membership": "membership",
    "degree": "degree",
    "associatedegree": "degree",
    "bachelordegree": "degree",
    "masterdegree": "degree",
    "doctoraldegree": "degree",
    "certificate": "certificate",
    "certificateofcompletion": "certificate",
}
CONFIDENCE = {
    "verified": 0.99,
    "verifiable": 0.9,
    "unverifiable": 0.7,
    "suspicious": 0.5,
    "invalid": 0.5,
}


def _text(value: Any) -> str | None:
    """A plain string from a string or a JSON-LD language map / value object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in ("@value", "en", "en-US", "narrative", "name"):
            if isinstance(value.get(key), str):
                return value[key].strip() or None
        return next((v.strip() for v in value.values() if isinstance(v, str) and v.strip()), None)
    return None


def _http(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


class _View:
    """Reads fields of a payload by JSON path, hiding paths its proof does not cover."""

    def __init__(self, payload: BadgePayload, check: BadgeCheck) -> None:
        self.doc = payload.document or {}
        self.unsigned = check.unsigned_paths

    def get(self, *path: str | int) -> Any:
        cur: Any = self.doc
        dotted = ""
        for part in path:
            if isinstance(part, int):
                if not isinstance(cur, list) or part >= len(cur):
                    return None
                dotted += f"[{part}]"
            else:
                if isinstance(cur, list):  # a single-item array stands for its item
                    cur = cur[0] if cur else None
                    dotted += "[0]"
                if not isinstance(cur, dict) or part not in cur:
                    return None
                dotted += f".{part}" if dotted else part
            cur = cur[part]
            if not covers(dotted, self.unsigned):
                return None
        return cur


def _achievement(payload: BadgePayload, v: _View) -> tuple[list[str | int], dict[str, Any]]:
    if payload.family in ("ob3", "vc"):
        ach = v.get("credentialSubject", "achievement")
        if isinstance(ach, dict):
            return ["credentialSubject", "achievement"], ach
        return [], {}
    badge = v.get("badge")
    return (["badge"], badge) if isinstance(badge, dict) else ([], {})


def _flat(payload: BadgePayload, check: BadgeCheck) -> tuple[Badge, str | None, Kind]:
    v = _View(payload, check)
    base, ach = _achievement(payload, v)

    def a(*path: str | int) -> Any:
        return v.get(*base, *path) if base else None

    name = _text(a("name")) or _text(v.get("name"))
    criteria = a("criteria")
    if isinstance(criteria, dict):
        criteria_text = _text(criteria.get("narrative")) or _http(criteria.get("id"))
    else:
        criteria_text = _http(criteria)
    skills = [
        t for al in as_list(a("alignment")) if isinstance(al, dict) and (t := _text(al.get("targetName")))
    ]
    evidence_urls: list[str] = []
    for ev in as_list(v.get("evidence")) + as_list(v.get("credentialSubject", "evidence")):
        url = _http(ev.get("id") or ev.get("url")) if isinstance(ev, dict) else _http(ev)
        if url and url not in evidence_urls:
            evidence_urls.append(url)
    kind_raw = a("achievementType")
    kind_key = str(kind_raw).replace("ext:", "").lower() if kind_raw else ""
    kind: Kind = KINDS.get(kind_key, "badge")
    issuer = check.issuer
    badge = Badge(
        format=payload.format,
        achievement=name,
        description=_text(a("description")),
        criteria=criteria_text,
        issuer_name=issuer.name,
        issuer_url=_http(issuer.url) or _http(issuer.id),
        issued_on=check.issued,
        expires=check.expires,
        recipient_match=check.recipient_match,
        skills=skills,
        evidence_urls=evidence_urls,
        source=payload.source,
    )
    return badge, name, kind


def _issuer(check: BadgeCheck, catalog: Any) -> Issuer:
    facts = check.issuer
    if facts.claimed is not None and facts.bound:
        return Issuer(name=facts.claimed.name, id=facts.claimed.id, known=True)
    return Issuer(name=facts.name or facts.id, id=None, known=False)


def _url(payload: BadgePayload) -> str | None:
    doc = payload.document or {}
    if payload.family in ("ob2", "ob1"):
        return _http(payload.url) or _http(doc.get("id"))
    return _http(doc.get("id"))


def badge_credential(payload: BadgePayload, check: BadgeCheck, catalog: Any = None) -> Credential:
    """One ``Credential`` from a payload and its verification result."""
    badge, name, kind = _flat(payload, check)
    reasons = list(check.reasons)
    if name is None:
        name = "Unreadable badge" if payload.malformed else "Unnamed badge"
        if not payload.malformed:
            reasons.append("The badge does not state an achievement name that could be read offline.")
    return Credential(
        name=name,
        text=name,
        kind=kind,
        status="expired" if check.status == "expired" else "earned",
        issuer=_issuer(check, catalog),
        match=Match(method="badge", score=1.0, rule=None),
        url=_url(payload),
        issued=check.issued,
        expires=check.expires,
        verification=Verification(level=check.level, method=check.method, reasons=reasons, badge=badge),
        evidence=[Evidence(page=None, section="Badges", start=0, end=0, snippet=name)],
        quality=None,
        confidence=CONFIDENCE[check.level],
    )


def badge_credentials(
    payloads: Iterable[BadgePayload],
    *,
    as_of: date,
    emails: Sequence[str] = (),
    catalog: Any = None,
    fetch: Fetch | None = None,
) -> list[Credential]:
    """Verify each payload (offline unless ``fetch`` is given) and return its ``Credential``."""
    out = []
    for payload in payloads:
        check = verify_badge(payload, as_of=as_of, emails=emails, catalog=catalog, fetch=fetch)
        out.append(badge_credential(payload, check, catalog))
    return out
