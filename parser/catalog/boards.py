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

from .schema import BoardRow, BoardsFile, IssuerEntry, Region, RegionsFile

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


def _department(name: str) -> list[str]:
    """The department a board is an office of ("Oregon Health Authority – EMS and Trauma
    Systems"): résumés name the department alone ("EMT, Oregon Health Authority")."""
    head, dash, _ = name.partition(" – ")
    return [head] if dash and len(head.split()) >= 2 else []


def _aliases(row: BoardRow, regions: RegionsFile) -> tuple[list[str], list[str]]:
    """(aliases, names matched only as written). A name with a word-like postal abbreviation is
    matched as written, like an acronym: "IN State Board of Nursing" is Indiana's, "in state
    board of nursing" may be prose; "CT Dept. of Consumer Protection" matches in any case."""
    own = [row.name, *row.aliases]
    department = [d for d in _department(row.name) if d not in own]
    abbreviated = [
        a for a in _abbreviated([*own, *department], regions.regions.get(row.jurisdiction)) if a not in own
    ]
    as_written = [a for a in abbreviated if a.split()[0] in regions.word_abbreviations]
    loose = [a for a in abbreviated if a not in as_written]
    return list(dict.fromkeys([*row.aliases, *department, *loose])), [
        *row.acronyms,
        *dict.fromkeys(as_written),
    ]


def _abbreviated(names: list[str], region: Region | None) -> list[str]:
    """The names with the region's postal abbreviation for its name ("North Carolina Office of
    Emergency Medical Services" → "NC Office of Emergency Medical Services")."""
    if region is None:
        return []
    return [
        f"{abbr}{name[len(word) :]}"
        for name in names
        for word in region.names
        if name.startswith(word + " ")
        for abbr in region.abbr
    ]


def board_issuers(
    data: BoardsFile, family: IssuerEntry | None, regions: RegionsFile | None = None
) -> list[IssuerEntry]:
    """One issuer per board row; ids are ``<profession>-<jurisdiction>`` (plus the board's
    acronym or name where a jurisdiction has several boards of the profession). Besides its
    aliases, a board goes by its department alone and by its place's postal abbreviation."""
    out: list[IssuerEntry] = []
    seen: set[str] = set()
    for row in data.boards:
        base = f"{data.profession}-{row.jurisdiction.lower()}"
        ident = base if base not in seen else f"{base}-{_slug(row.acronyms[0] if row.acronyms else row.name)}"
        seen.add(ident)
        url, name = _lookup(row, data)
        aliases, as_written = _aliases(row, regions or RegionsFile(regions={}))
        out.append(
            IssuerEntry(
                id=ident,
                name=row.name,
                aliases=aliases,
                acronyms=as_written,
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
    #: profession → jurisdiction → board issuer ids
    by_profession: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: (word, profession), longest first: what names a profession in a licence title
    words: list[tuple[re.Pattern[str], int, str]] = field(default_factory=list)
    #: national certification id → the licence its title names where a board is named
    counterparts: dict[str, str] = field(default_factory=dict)
    #: what makes a title a licence whatever its profession ("Full Licence", "Registered …")
    licence_word: re.Pattern[str] = re.compile("(?!)")

    def add(self, data: BoardsFile, issuers: list[IssuerEntry], family_credentials: list[str]) -> None:
        """Index one profession's boards. A row that lists no credentials licenses the family's
        own (a US board does not issue England's QTS because the teaching file also lists it)."""
        self.professions[data.profession] = (data.name, data.family)
        self.counterparts.update(data.counterparts)
        for cred in data.credentials:
            self.profession.setdefault(cred, data.profession)
        for row, issuer in zip(data.boards, issuers):
            self.by_profession.setdefault(data.profession, {}).setdefault(row.jurisdiction, []).append(
                issuer.id
            )
            for cred in row.credentials or family_credentials or data.credentials:
                ids = self.by_credential.setdefault(cred, {}).setdefault(row.jurisdiction, [])
                if row.credentials:
                    ids.insert(0, issuer.id)  # California's BVNPT for LVNs before its BRN
                else:
                    ids.append(issuer.id)
                table = self.prefixes.setdefault(cred, {})
                for prefix in row.number_prefixes:
                    seen = table.get(prefix.upper(), row.jurisdiction)
                    table[prefix.upper()] = row.jurisdiction if seen == row.jurisdiction else None

    def add_words(self, words: dict[str, list[str]], licence_words: list[str]) -> None:
        """The words that name each profession (``patterns/profession_words.yaml``)."""
        if licence_words:
            alternation = "|".join(re.escape(w) for w in sorted(licence_words, key=len, reverse=True))
            self.licence_word = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.I)
        pairs = [(w, p) for p, ws in words.items() for w in ws]
        self.words = [
            (re.compile(rf"(?<![\w-]){re.escape(w)}(?![\w-])", re.I), len(w), p)
            for w, p in sorted(pairs, key=lambda x: -len(x[0]))
        ]

    def licence_title(self, title: str, board_id: str) -> bool:
        """Whether ``title`` reads as a licence of board ``board_id``: a licence word, or a word
        of the board's profession."""
        return bool(self.licence_word.search(title)) or self.profession_of(
            board_id
        ) in self.professions_named(title)

    def professions_named(self, title: str) -> set[str]:
        """Every profession whose words the title holds."""
        return {p for rx, _, p in self.words if rx.search(title)}

    def profession_of(self, board_id: str) -> str | None:
        """The profession of a board issuer id (``nursing-us-oh`` → ``nursing``)."""
        return next(
            (p for p, places in self.by_profession.items() for ids in places.values() if board_id in ids),
            None,
        )

    def profession_named(self, title: str) -> str | None:
        """The profession a licence title names by its longest profession word; None when the
        longest words name two professions or none."""
        found = [(n, p) for rx, n, p in self.words if rx.search(title)]
        if not found:
            return None
        longest = [p for n, p in found if n == found[0][0]]
        return longest[0] if len(set(longest)) == 1 else None

    def board_for_profession(self, profession: str, jurisdiction: str | None) -> str | None:
        """A board of ``profession`` in ``jurisdiction`` (or its country)."""
        return _first_in(self.by_profession.get(profession, {}), jurisdiction)

    def only_jurisdiction(self, credential_id: str) -> str | None:
        """The jurisdiction of a credential only one jurisdiction's board issues (England's QTS)."""
        places = self.by_credential.get(credential_id, {})
        return next(iter(places)) if len(places) == 1 else None

    def board(self, credential_id: str, jurisdiction: str | None) -> str | None:
        """The board issuer id for ``credential_id`` in ``jurisdiction`` (or its country)."""
        return _first_in(self.by_credential.get(credential_id, {}), jurisdiction)

    def counterpart(self, credential_id: str, board_ids: list[str]) -> str | None:
        """The licence a named board issues under a national certification's title: "EMT-Basic,
        Texas DSHS" is Texas's EMT licence, not the NREMT certification its words also match."""
        licence = self.counterparts.get(credential_id)
        if licence is None:
            return None
        profession = self.profession.get(licence)
        return licence if any(self.profession_of(b) == profession for b in board_ids) else None

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


def _first_in(places: dict[str, list[str]], jurisdiction: str | None) -> str | None:
    """The first board of ``jurisdiction`` in ``places``, else of its country (GB for GB-SCT)."""
    if not jurisdiction:
        return None
    found = places.get(jurisdiction) or places.get(jurisdiction.split("-")[0])
    return found[0] if found else None


def check_boards(data: BoardsFile, known_issuers: set[str], known_credentials: set[str]) -> list[str]:
    """What is wrong with a boards file, as sentences naming the row."""
    problems = []
    if data.family not in known_issuers:
        problems.append(f"boards {data.profession}: family {data.family!r} is not a catalog issuer")
    for cred in data.credentials:
        if cred not in known_credentials:
            problems.append(f"boards {data.profession}: credential {cred!r} is not in the catalog")
    for national, licence in data.counterparts.items():
        if national not in known_credentials or licence not in data.credentials:
            problems.append(
                f"boards {data.profession}: counterpart {national!r} → {licence!r} names an unknown credential"
            )
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
