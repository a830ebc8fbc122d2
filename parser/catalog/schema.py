"""Pydantic models of the catalog files under ``patterns/issuers/``.

Unknown keys are rejected so that a typo in a data file fails loudly at load time,
with the file and key named, instead of silently dropping a field.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..models import Kind

IssuerType = Literal[
    "vendor",
    "certification_body",
    "professional_association",
    "university",
    "licensing_board",
    "government",
    "learning_platform",
    "employer",
    "nonprofit",
    "other",
]

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._+-]*)?$")


def _regexes(v: list[str]) -> list[str]:
    """Regexes of a data file compile at load time, so a bad one names its file and key."""
    for rx in v:
        re.compile(rx)
    return v


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class SourceRef(_Strict):
    """Where the facts of a file come from, and under which licence."""

    name: str
    url: str | None = None
    licence: str


class IssuerEntry(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list, description="Other names, matched case-insensitively.")
    acronyms: list[str] = Field(default_factory=list, description="Short forms, matched case-sensitively.")
    domains: list[str] = Field(default_factory=list, description="Official domains (registered names).")
    type: IssuerType = "other"
    family: bool = Field(
        False,
        description="A family of bodies (every US state's board of nursing): the body a résumé names "
        '("Ohio Board of Nursing", "State of Mississippi") is shown instead of the family\'s name.',
    )
    country: str | None = None
    sectors: list[str] = Field(default_factory=list)
    accreditation: list[str] = Field(default_factory=list, description="e.g. 'ISO/IEC 17024 (ANAB)'.")
    platforms: list[str] = Field(default_factory=list, description="Badge platform ids from platforms.yaml.")
    verification_urls: list[str] = Field(
        default_factory=list, description="Regexes of the issuer's own verification pages."
    )
    id_formats: list[str] = Field(
        default_factory=list, description="Regexes of credential IDs / licence numbers."
    )
    lookup_url: str | None = Field(
        None,
        description="A public look-up where a credential ID can be checked; '{number}' in it is "
        "replaced by the ID when the look-up takes it in the URL.",
    )
    lookup_name: str | None = Field(None, description='The look-up\'s own name ("Nursys QuickConfirm").')
    context: list[str] = Field(
        default_factory=list,
        description="Words that point to this issuer when an acronym is shared.",
    )
    founded: int | None = None
    jurisdiction: str | None = Field(
        None, description="ISO 3166-2 code of the state, province or country a licensing board serves."
    )
    board_of: str | None = Field(
        None, description="The family issuer this board belongs to (generated from patterns/boards/)."
    )
    number_prefixes: list[str] = Field(
        default_factory=list, description="Letter prefixes that identify this board's licence numbers."
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not ID_RE.match(v) or "/" in v:
            raise ValueError(f"issuer id {v!r} must be lowercase letters, digits, '.', '_' or '-'")
        return v

    _compiles = field_validator("verification_urls", "id_formats")(_regexes)


class CredentialEntry(_Strict):
    id: str
    issuer: str | None = Field(None, description="Issuer id; defaults to the id's prefix.")
    name: str
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    exam_codes: list[str] = Field(default_factory=list)
    kind: Kind = "certification"
    level: str | None = None
    validity_years: float | None = Field(None, description="Typical validity, to derive `expires`.")
    introduced: int | None = None
    issuer_is_standard: bool = Field(
        False,
        description="The issuer writes the standard but does not issue the credential (employers and "
        "trainers do, as with forklift operator certificates): no issuer is shown unless the résumé names one.",
    )
    retired: bool = False
    retired_year: int | None = None
    successor: str | None = None
    part_of: list[str] = Field(default_factory=list)
    leads_to: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list, description="Words that confirm a weak acronym.")
    weak_acronyms: list[str] = Field(default_factory=list, description="Acronyms that need context to count.")
    examples: list[str] = Field(default_factory=list, description="Mentions that must resolve here.")
    counter_examples: list[str] = Field(
        default_factory=list, description="Texts that must not yield this credential."
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, v: str) -> str:
        if not ID_RE.match(v) or "/" not in v:
            raise ValueError(f"credential id {v!r} must look like 'issuer/credential-slug'")
        return v

    @property
    def issuer_id(self) -> str:
        return self.issuer or self.id.split("/", 1)[0]


class CatalogFile(_Strict):
    """One file of ``patterns/issuers/``: an issuer family and its credentials."""

    sources: list[SourceRef] = Field(default_factory=list)
    issuers: list[IssuerEntry] = Field(default_factory=list)
    credentials: list[CredentialEntry] = Field(default_factory=list)


class BoardRow(_Strict):
    """One licensing board of a profession in one jurisdiction (a row of ``patterns/boards/``)."""

    jurisdiction: str = Field(
        description="ISO 3166-2: US-OH, CA-ON, AU-NSW; GB or AU for a national regulator."
    )
    name: str
    aliases: list[str] = Field(default_factory=list)
    acronyms: list[str] = Field(default_factory=list)
    domain: str | None = None
    lookup_url: str | None = Field(None, description="The board's own licence look-up; '{number}' fills in.")
    id_formats: list[str] = Field(default_factory=list)
    number_prefixes: list[str] = Field(default_factory=list)
    credentials: list[str] = Field(
        default_factory=list,
        description="Where a jurisdiction splits the profession: what this board licenses.",
    )

    _compiles = field_validator("id_formats")(_regexes)


class MultistateLookup(_Strict):
    """A look-up that covers many boards of a profession (Nursys, CPAverify)."""

    name: str
    url: str
    jurisdictions: list[str] = Field(default_factory=list)


class BoardsFile(_Strict):
    """One file of ``patterns/boards/``: the boards of one licensed profession, by jurisdiction."""

    profession: str
    name: str
    family: str = Field(description="The family issuer, kept when the jurisdiction is unknown.")
    credentials: list[str] = Field(description="Catalog credentials these boards license.")
    multistate_lookups: list[MultistateLookup] = Field(default_factory=list)
    counterparts: dict[str, str] = Field(
        default_factory=dict,
        description="A national certification → the licence the boards issue under its title "
        "(NREMT's EMT → a state's EMT licence), taken when the entry names a board.",
    )
    sources: list[SourceRef] = Field(default_factory=list)
    boards: list[BoardRow]


class ProfessionWords(_Strict):
    """``patterns/profession_words.yaml``: words that name each licensed profession in a title."""

    professions: dict[str, list[str]]
    licence_words: list[str] = Field(default_factory=list)


class Region(_Strict):
    """A state, province or nation: its names and the abbreviations résumés write."""

    names: list[str]
    abbr: list[str] = Field(default_factory=list)


class RegionsFile(_Strict):
    """``patterns/regions.yaml``: read by the rules (jurisdictions) and by the catalog (the
    names boards go by)."""

    regions: dict[str, Region]
    countries: dict[str, Region] = Field(
        default_factory=dict, description="Read only as a licence's jurisdiction, never as an issuer."
    )
    word_abbreviations: list[str] = Field(
        default_factory=list,
        description="Abbreviations that are also common lower-case words (IN, OR, ME): names built on them match only as written.",
    )


class Platform(_Strict):
    """A badge or credential platform whose pages verify credentials (Credly, Accredible…)."""

    id: str
    name: str
    hosts: list[str]
    url_patterns: list[str] = Field(description="Regexes a verification URL on this platform matches.")
    method: Literal["platform_url"] = "platform_url"
    assertion_id: str | None = Field(
        None, description="Regex with a group 'id' over a badge URL (online checks)."
    )
    assertion_url: str | None = Field(
        None, description="URL template '{id}' of the public Open Badges 2.0 assertion."
    )

    _compiles = field_validator("url_patterns")(_regexes)


class PlatformsFile(_Strict):
    sources: list[SourceRef] = Field(default_factory=list)
    platforms: list[Platform]
    generic_hosts: list[str] = Field(
        default_factory=list,
        description="File hosts and social sites: never a verification channel.",
    )
