"""What the extractor hands to the verifier: one badge payload, as found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VC_CONTEXTS = ("https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2")
OB3_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
# Verifiable credentials that are infrastructure, not something a person earned.
NOT_BADGES = {
    "BitstringStatusListCredential",
    "StatusList2021Credential",
    "RevocationList2020Credential",
}


@dataclass
class BadgePayload:
    """One badge found in a file.

    ``family``: ``ob3`` (Open Badges 3.0), ``vc`` (another W3C Verifiable Credential),
    ``ob2`` (Open Badges 2.0 Assertion), ``ob1`` (legacy 0.5/1.0 assertion).
    ``encoding``: ``json``, ``jwt`` (compact JWS in ``jws``) or ``url`` (only a hosted URL).
    ``document`` is the credential or assertion JSON (the decoded ``vc`` claim for a VC-JWT).
    ``malformed`` is set when the input was clearly meant to be a badge but cannot be read.
    """

    family: str
    encoding: str
    source: str
    document: dict[str, Any] | None = None
    jws: str | None = None
    url: str | None = None
    jwt_claims: dict[str, Any] = field(default_factory=dict)
    malformed: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def format(self) -> str:
        """The flat ``badge.format`` label, e.g. ``ob3-json``, ``ob3-jwt``, ``ob2-hosted``."""
        if self.malformed:
            return f"{self.family}-malformed"
        if self.family in ("ob2", "ob1"):
            if self.encoding == "jwt":
                return f"{self.family}-signed"
            if self.encoding == "url":
                return f"{self.family}-url"
            return f"{self.family}-hosted"
        return f"{self.family}-{self.encoding}"


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def classify(doc: Any) -> str | None:
    """``ob3`` | ``vc`` | ``ob2`` | ``ob1`` for badge JSON, None for anything else."""
    if not isinstance(doc, dict):
        return None
    types = {t for t in as_list(doc.get("type") or doc.get("@type")) if isinstance(t, str)}
    contexts = [c for c in as_list(doc.get("@context")) if isinstance(c, str)]
    if "VerifiableCredential" in types or any(c.rstrip("/") in VC_CONTEXTS for c in contexts):
        if types & NOT_BADGES:
            return None
        if types & OB3_TYPES or any("imsglobal.org/spec/ob/v3p0" in c for c in contexts):
            return "ob3"
        return "vc"
    ob2_context = any("w3id.org/openbadges" in c or "openbadgespec.org" in c for c in contexts)
    if "Assertion" in types or (ob2_context and "recipient" in doc and "badge" in doc):
        return "ob2"
    if ob2_context:
        return None  # a BadgeClass, Issuer profile or CryptographicKey: metadata, not an award
    if (
        "badge" in doc
        and ("recipient" in doc or "identity" in doc)
        and ("uid" in doc or "verify" in doc or "salt" in doc)
    ):
        return "ob1"
    return None
