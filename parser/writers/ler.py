"""An LER-RS (HR Open Standards "Learning and Employment Record – Resume Standard", 4.4)
style document, for HR systems that speak HR Open rather than JSON Resume.

It follows the shape of `LER-RSType`: `type` names the schema, `person.name`,
`communication` (email / phone / web lists), `certifications[]` and `licenses[]` of HR Open
credential records (`name`, `issuingAuthority`, `effectiveTimePeriod`, `status`, `id`).
The HR Open JSON schemas are not published on a package registry, so tests check the
structure against the subset of that schema written out in `tests/writers/`; the
verification details ride in an `x-credparse` extension, as in the JSON Resume export.
"""

from __future__ import annotations

from typing import Any

from .common import credparse_extension, iso_date, safe_url

LER_RS_TYPE = "http://schema.hropenstandards.org/4.4/recruiting/json/ler-rs/LER-RSType.json"
_STATUS = {"earned": "Active", "expired": "Expired", "in_progress": "InProgress"}


def _communication(cand: dict[str, Any]) -> dict[str, Any]:
    comm: dict[str, Any] = {}
    if cand.get("emails"):
        comm["email"] = [{"address": e} for e in cand["emails"]]
    if cand.get("phones"):
        comm["phone"] = [{"formattedNumber": p} for p in cand["phones"]]
    web = [u for u in (safe_url(u) for u in cand.get("urls") or []) if u]
    if web:
        comm["web"] = [{"url": u} for u in web]
    return comm


def _credential(cred: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": cred["name"], "status": _STATUS.get(cred.get("status") or "", "Active")}
    issuer = cred.get("issuer") or {}
    if issuer.get("name"):
        out["issuingAuthority"] = {"name": issuer["name"]}
    period = {
        k: v
        for k, v in (("validFrom", iso_date(cred.get("issued"))), ("validTo", iso_date(cred.get("expires"))))
        if v
    }
    if period:
        out["effectiveTimePeriod"] = period
    if cred.get("credential_id"):
        out["id"] = {"value": cred["credential_id"], "schemeAgencyId": issuer.get("name") or ""}
    url = safe_url(cred.get("url"))
    if url:
        out["url"] = url
    out["x-credparse"] = credparse_extension(cred)
    return out


def to_ler(profile: dict[str, Any]) -> dict[str, Any]:
    """One profile (its JSON dict) as an LER-RS style document."""
    cand = profile.get("candidate") or {}
    source = profile.get("source") or {}
    creds = profile.get("credentials") or []
    doc: dict[str, Any] = {
        "type": LER_RS_TYPE,
        "documentId": {"value": source.get("sha256") or source.get("file") or "", "schemeId": "sha256"},
        "person": {"name": {"formattedName": cand.get("name") or ""}},
        "communication": _communication(cand),
        "certifications": [_credential(c) for c in creds if c.get("kind") != "license"],
        "licenses": [_credential(c) for c in creds if c.get("kind") == "license"],
    }
    if profile.get("error"):
        doc["x-credparse"] = {"error": profile["error"], "sourceFile": source.get("file")}
    return doc
