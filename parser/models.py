"""The public output of credparse: pydantic models of docs/contract.md §1 and §2.

These models are the stable JSON schema that ATS plugins import. Field names and enum
values are fixed by the contract; adding a field is fine, renaming one needs a
``schema_version`` bump.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Kind = Literal[
    "certification",
    "license",
    "certificate",
    "badge",
    "microcredential",
    "course",
    "assessment",
    "membership",
    "degree",
    "other",
]
Status = Literal["earned", "in_progress", "expired"]
MatchMethod = Literal["exact", "alias", "fuzzy", "pattern", "badge", "none"]
Level = Literal["verified", "verifiable", "unverifiable", "suspicious", "invalid"]
VerificationMethod = Literal[
    "ob3_proof", "ob2_hosted", "ob2_signed", "platform_url", "credential_id", "licence_lookup", "none"
]

KIND_DESCRIPTION = (
    "What the credential is. Aligned with Open Badges 3.0 `achievementType` "
    "(Certification, License, Certificate, Badge, MicroCredential, Course, Assessment, "
    "Membership, Degree) and Credential Engine CTDL classes (ceterms:Certification, "
    "ceterms:License, ceterms:Certificate, ceterms:Badge, ceterms:MicroCredential, "
    "ceterms:AssessmentProfile, ceterms:Degree); `other` when none applies."
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Source(_Model):
    """Which input the profile describes."""

    file: str = Field(description="The path as given or as walked by `scan`; the bare name for uploads.")
    media_type: str | None = Field(None, description="Media type sniffed from the content.")
    sha256: str | None = Field(None, description="SHA-256 of the input bytes (hex).")
    size_bytes: int = Field(0, description="Size of the input in bytes.")
    pages: int | None = Field(None, description="Number of pages read (PDF), else null.")
    ocr: bool = Field(False, description="True when some of the text was read by OCR (a scan or a photo).")
    ocr_pages: list[int] = Field(default_factory=list, description="The 1-based pages read by OCR.")


class Candidate(_Model):
    """Who the résumé belongs to, found by layout heuristics (no statistical NER)."""

    name: str | None = Field(None, description="The candidate's name, or null when not found.")
    emails: list[str] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list, description="Profile and personal URLs.")


class Issuer(_Model):
    name: str | None = Field(None, description="Catalog name when known, else as written.")
    id: str | None = Field(None, description="Catalog issuer id when known.")
    known: bool = Field(False, description="True when the issuer is in the catalog.")
    as_written: str | None = Field(
        None, description="The issuer as the résumé names it in the entry, when it names one."
    )


class Match(_Model):
    method: MatchMethod = Field(description="How the mention was resolved against the catalog.")
    score: float = Field(ge=0.0, le=1.0)
    rule: str | None = Field(None, description="Which rule or alias produced the match.")


class Badge(_Model):
    """A flat view of badge metadata that an ATS can store without understanding Open Badges."""

    format: str | None = None
    achievement: str | None = None
    description: str | None = None
    criteria: str | None = None
    issuer_name: str | None = None
    issuer_url: str | None = None
    issued_on: str | None = None
    expires: str | None = None
    recipient_match: bool | None = None
    skills: list[str] = Field(default_factory=list)
    evidence_urls: list[str] = Field(default_factory=list)
    source: str | None = None


class Lookup(_Model):
    """A public register where a person checks the credential by hand (a licence look-up).

    Registers take a licence number in a search form, rarely in the URL: ``number`` is what to
    type there, so an ATS or a report can offer the link and the number side by side.
    """

    name: str = Field(description='The register, e.g. "Nursys QuickConfirm".')
    url: str = Field(description="The search page, with the number filled in where the register takes it.")
    number: str | None = Field(None, description="The credential ID or licence number to look up.")


class Verification(_Model):
    level: Level = Field(description="verified | verifiable | unverifiable | suspicious | invalid")
    method: VerificationMethod = "none"
    reasons: list[str] = Field(default_factory=list, description="Sentences a recruiter can act on.")
    badge: Badge | None = None
    lookup: Lookup | None = Field(
        None, description="The public look-up to check this credential on, when its issuer has one."
    )


class Evidence(_Model):
    page: int | None = Field(None, description="1-based page number when the format has pages.")
    section: str | None = Field(None, description="The section heading as written.")
    start: int = Field(description="Character offset into the extracted document text.")
    end: int
    snippet: str


class Quality(_Model):
    """What the catalog knows about a credential, for employers who cannot judge it."""

    issuer_type: str | None = None
    accreditation: list[str] = Field(default_factory=list)
    retired: bool = False
    part_of: list[str] = Field(default_factory=list)
    leads_to: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    level: str | None = Field(None, description="The credential's level in its issuer's scheme.")
    validity_years: float | None = Field(None, description="Typical validity before renewal.")
    successor: str | None = Field(
        None, description="Catalog id of the credential that replaced a retired one."
    )


class Credential(_Model):
    name: str = Field(description="Canonical catalog name when resolved, else the cleaned mention.")
    text: str = Field(description="The mention exactly as written.")
    kind: Kind = Field(description=KIND_DESCRIPTION)
    status: Status = Field(description="earned | in_progress | expired (judged against as_of).")
    issuer: Issuer
    catalog_id: str | None = None
    match: Match
    credential_id: str | None = None
    url: str | None = None
    issued: str | None = Field(None, description="ISO 8601 partial date: YYYY, YYYY-MM or YYYY-MM-DD.")
    expires: str | None = Field(None, description="ISO 8601 partial date: YYYY, YYYY-MM or YYYY-MM-DD.")
    expected: str | None = Field(
        None,
        description="When an in-progress credential is expected (ISO 8601 partial date); never an issue date.",
    )
    jurisdiction: str | None = Field(
        None,
        description="ISO 3166-2 code of the state, province or country that issued a licence "
        "(US-OH, CA-ON, GB), read from the entry itself; null when it names none.",
    )
    verification: Verification
    evidence: list[Evidence] = Field(default_factory=list)
    quality: Quality | None = None
    confidence: float = Field(ge=0.0, le=1.0)


class ProfileWarning(_Model):
    """A non-fatal problem with the input (for example a page without a text layer)."""

    code: str
    message: str


class Error(_Model):
    code: str = Field(description="unsupported_format | encrypted | corrupt | empty | too_large | …")
    message: str


class ParserInfo(_Model):
    version: str
    catalog_version: str | None = None
    elapsed_ms: int = 0


class CandidateProfile(_Model):
    """One résumé's structured credentials: the unit every interface emits."""

    schema_version: str = SCHEMA_VERSION
    source: Source
    candidate: Candidate = Field(default_factory=Candidate)
    credentials: list[Credential] = Field(default_factory=list)
    warnings: list[ProfileWarning] = Field(default_factory=list)
    error: Error | None = None
    parser: ParserInfo
