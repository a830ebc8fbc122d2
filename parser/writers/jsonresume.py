"""JSON Resume (https://jsonresume.org/schema) export: `basics` + `certificates[]`.

An ATS that imports JSON Resume gets the candidate and the credentials in fields it knows;
what JSON Resume has no field for (verification level, reasons, status, catalog id) rides
in an `x-credparse` extension object, which the schema allows (`additionalProperties`).
Credentials still in progress are not certificates: they are listed only in
`meta.x-credparse.inProgress`, so an importer that ignores extensions never counts them.
Degrees go to `education[]`.
"""

from __future__ import annotations

import re
from typing import Any

from ..hosts import hostname
from .common import credparse_extension, iso_date, safe_url

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _network(url: str) -> str:
    host = hostname(url)
    return host.split(".")[0].capitalize() if host else "Web"


def _basics(profile: dict[str, Any]) -> dict[str, Any]:
    cand = profile.get("candidate") or {}
    basics: dict[str, Any] = {}
    if cand.get("name"):
        basics["name"] = cand["name"]
    emails = [e for e in cand.get("emails") or [] if _EMAIL.match(e)]
    if emails:
        basics["email"] = emails[0]
    if cand.get("phones"):
        basics["phone"] = cand["phones"][0]
    urls = [u for u in (safe_url(u) for u in cand.get("urls") or []) if u]
    social = [u for u in urls if _network(u).lower() in {"linkedin", "github", "gitlab", "twitter", "x"}]
    personal = [u for u in urls if u not in social]
    if personal:
        basics["url"] = personal[0]
    if social:
        basics["profiles"] = [{"network": _network(u), "url": u} for u in social]
    return basics


def _certificate(cred: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"name": cred["name"]}
    if iso_date(cred.get("issued")):
        out["date"] = cred["issued"]
    url = safe_url(cred.get("url"))
    if url:
        out["url"] = url
    issuer = (cred.get("issuer") or {}).get("name")
    if issuer:
        out["issuer"] = issuer
    out["x-credparse"] = credparse_extension(cred)
    return out


def to_jsonresume(profile: dict[str, Any]) -> dict[str, Any]:
    """One profile (its JSON dict) as a JSON Resume document that validates against v1.0.0."""
    certificates: list[dict[str, Any]] = []
    education: list[dict[str, Any]] = []
    in_progress: list[dict[str, Any]] = []
    for cred in profile.get("credentials") or []:
        if cred.get("status") == "in_progress":
            in_progress.append(_certificate(cred))
        elif cred.get("kind") == "degree":
            edu: dict[str, Any] = {"studyType": cred["name"], "x-credparse": credparse_extension(cred)}
            issuer = (cred.get("issuer") or {}).get("name")
            if issuer:
                edu["institution"] = issuer
            if iso_date(cred.get("issued")):
                edu["endDate"] = cred["issued"]
            education.append(edu)
        else:
            certificates.append(_certificate(cred))
    source = profile.get("source") or {}
    parser = profile.get("parser") or {}
    doc: dict[str, Any] = {
        "$schema": SCHEMA_URL,
        "basics": _basics(profile),
        "certificates": certificates,
        "meta": {
            "version": "v1.0.0",
            "x-credparse": {
                "schemaVersion": profile.get("schema_version"),
                "sourceFile": source.get("file"),
                "sha256": source.get("sha256"),
                "parserVersion": parser.get("version"),
                "catalogVersion": parser.get("catalog_version"),
                "inProgress": in_progress,
                "error": profile.get("error"),
            },
        },
    }
    if education:
        doc["education"] = education
    return doc
