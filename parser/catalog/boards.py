"""Licensing boards by jurisdiction, generated from the tables in ``patterns/boards/``.

A licence is issued by the board of one state, province or country ("Ohio Board of Nursing"),
not by the family the catalog files its credential under ("State Boards of Nursing"). Each
file of ``patterns/boards/`` is one profession: its family, the credentials its boards license,
the multi-state look-ups (Nursys, CPAverify) and one row per board. Every row becomes an
ordinary catalog issuer (so its names and acronyms are matched like any issuer's) that knows
its jurisdiction and its family; :class:`BoardIndex` finds the board of a credential in a
jurisdiction. The family stays the issuer when the jurisdiction is unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .schema import BoardRow, BoardsFile, IssuerEntry

JURISDICTION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _lookup(row: BoardRow, data: BoardsFile) -> tuple[str | None, str | None]:
    """The board's own look-up, else a multi-state look-up that covers its jurisdiction."""
    if row.lookup_url:
        return row.lookup_url, f"the {row.name} licence look-up"
    for multi in data.multistate_lookups:
        if row.jurisdiction in multi.jurisdictions:
            return multi.url, multi.name
    return None, None


def board_issuers(data: BoardsFile, family: IssuerEntry | None) -> list[IssuerEntry]:
    """One issuer per board row; ids are ``<profession>-<jurisdiction>`` (plus the board's
    acronym or name where a jurisdiction has several boards of the profession)."""
    out: list[IssuerEntry] = []
    seen: set[str] = set()
    for row in data.boards:
        base = f"{data.profession}-{row.jurisdiction.lower()}"
        ident = base if base not in seen else f"{base}-{_slug(row.acronyms[0] if row.acronyms else row.name)}"
        seen.add(ident)
        url, name = _lookup(row, data)
        out.append(
            IssuerEntry(
                id=ident,
                name=row.name,
                aliases=row.aliases,
                acronyms=row.acronyms,
                domains=[row.domain] if row.domain else [],
                type="licensing_board",
                country=row.jurisdiction.split("-")[0],
                sectors=family.sectors if family else [],
                id_formats=row.id_formats,
                lookup_url=url,
                lookup_name=name,
                context=family.context if family else [],
                jurisdiction=row.jurisdiction,
                board_of=data.family,
                number_prefixes=row.number_prefixes,
            )
        )
    return out


@dataclass
class BoardIndex:
    """Which board licenses a credential in a jurisdiction, and which profession it belongs to."""

    #: credential id → jurisdiction → board issuer ids (a board naming the credential first)
    by_credential: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: credential id → profession (the boards file stem)
    profession: dict[str, str] = field(default_factory=dict)
    #: profession → its label and family
    professions: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: credential id → licence-number prefix → jurisdiction (None where two jurisdictions share it)
    prefixes: dict[str, dict[str, str | None]] = field(default_factory=dict)

    def add(self, data: BoardsFile, issuers: list[IssuerEntry]) -> None:
        self.professions[data.profession] = (data.name, data.family)
        for cred in data.credentials:
            self.profession.setdefault(cred, data.profession)
        for row, issuer in zip(data.boards, issuers):
            for cred in row.credentials or data.credentials:
                ids = self.by_credential.setdefault(cred, {}).setdefault(row.jurisdiction, [])
                if row.credentials:
                    ids.insert(0, issuer.id)  # California's BVNPT for LVNs before its BRN
                else:
                    ids.append(issuer.id)
                table = self.prefixes.setdefault(cred, {})
                for prefix in row.number_prefixes:
                    seen = table.get(prefix.upper(), row.jurisdiction)
                    table[prefix.upper()] = row.jurisdiction if seen == row.jurisdiction else None

    def board(self, credential_id: str, jurisdiction: str | None) -> str | None:
        """The board issuer id for ``credential_id`` in ``jurisdiction`` (or its country)."""
        if not jurisdiction:
            return None
        boards = self.by_credential.get(credential_id, {})
        found = boards.get(jurisdiction) or boards.get(jurisdiction.split("-")[0])
        return found[0] if found else None

    def licenses(self, credential_id: str) -> bool:
        """Whether ``credential_id`` is a licence that boards by jurisdiction issue."""
        return credential_id in self.by_credential

    def jurisdiction_of_number(self, credential_id: str, number: str | None) -> str | None:
        """The jurisdiction whose board's licence-number prefix ``number`` carries (Florida's
        ``CGC1523456``), when exactly one board of this credential uses that prefix."""
        if not number:
            return None
        head = re.match(r"[A-Z]+", number.upper())
        if not head:
            return None
        return self.prefixes.get(credential_id, {}).get(head.group(0))


def check_boards(data: BoardsFile, known_issuers: set[str], known_credentials: set[str]) -> list[str]:
    """What is wrong with a boards file, as sentences naming the row."""
    problems = []
    if data.family not in known_issuers:
        problems.append(f"boards {data.profession}: family {data.family!r} is not a catalog issuer")
    for cred in data.credentials:
        if cred not in known_credentials:
            problems.append(f"boards {data.profession}: credential {cred!r} is not in the catalog")
    for row in data.boards:
        if not JURISDICTION_RE.match(row.jurisdiction):
            problems.append(
                f"boards {data.profession}: {row.name}: jurisdiction {row.jurisdiction!r} is not ISO 3166-2"
            )
        stray = set(row.credentials) - set(data.credentials)
        if stray:
            problems.append(
                f"boards {data.profession}: {row.name}: {sorted(stray)} not in the file's credentials"
            )
    return problems
