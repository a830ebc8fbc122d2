"""The engine: bytes → Document → sections → mentions → resolved → verified → CandidateProfile.

It only orchestrates the stages; each stage lives in its own module. A bad document never
raises here: every failure becomes the profile's ``error`` record.

It parses one document in the calling process and knows nothing of child processes, pools or
scans: running many documents under time and memory limits is the execution layer's
(:mod:`parser.run`), and :class:`parser.CredentialParser` (:mod:`parser.library`) puts the two
together behind the public API.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .catalog.resolve import Resolution, Resolver
from .catalog.schema import CredentialEntry, IssuerEntry
from .catalog.store import Catalog, load_catalog, norm
from .document import Document, ReadResult
from .errors import DocumentError
from .gcpause import no_gc
from .limits import Limits
from .models import (
    CandidateProfile,
    Credential,
    Error,
    Evidence,
    Issuer,
    Match,
    ParserInfo,
    ProfileWarning,
    Quality,
    Source,
    Verification,
)
from .nlp.attributes import Attributes, assign_attributes
from .nlp.candidate import find_candidate
from .nlp.decide import Decider, Decision
from .nlp.jurisdiction import JurisdictionReader, Places
from .nlp.mentions import Mention, MentionFinder, catalog_spans
from .nlp.pipeline import build_nlp
from .nlp.rules import Rules, load_rules
from .nlp.sections import SectionInfo, assign_sections
from .nlp.spans import Span_
from .readers import Reader, read_bytes, read_path, reader_of
from .reading import NO_TEXT
from .sniff import PDF
from .verify.platform import Claim, Verifier
from .version import __version__

if TYPE_CHECKING:
    from .verify.online import OnlineChecker

PathLike = str | os.PathLike[str]
_BASE_CONFIDENCE = {"exact": 0.97, "alias": 0.95, "pattern": 0.9, "badge": 0.99}


def parse_as_of(value: date | str | None) -> date:
    """The date statuses are judged against: a date, an ISO string, or today."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return date.fromisoformat(value)
    raise TypeError(f"as_of must be a date or an ISO date string, not {type(value).__name__}")


class Engine:
    """Parses one résumé at a time into a :class:`CandidateProfile`, in this process.

    The single-document half of :class:`parser.CredentialParser`, which adds the calls that
    parse in child processes; the execution layer (:mod:`parser.run`) forks its children from an
    ``Engine``. Loading the catalog and building the pipeline happens once, here; reuse the
    instance. The keyword options are :class:`parser.CredentialParser`'s.
    """

    def __init__(
        self,
        *,
        catalog_dirs: Iterable[PathLike] | None = None,
        as_of: date | str | None = None,
        limits: Limits | None = None,
        online: bool = False,
        fetch: Callable[[str], bytes] | None = None,
    ) -> None:
        with no_gc():  # long-lived objects only: see parser.gcpause
            self.catalog: Catalog = load_catalog(catalog_dirs)
            self.rules: Rules = load_rules()
            self.nlp = build_nlp(self.catalog)
            self.finder = MentionFinder(self.catalog, self.rules)
            self.decider = Decider(self.finder.name_of)
            self.jurisdictions = JurisdictionReader(self.rules, self.catalog)
            self.resolver = Resolver(self.catalog)
            self.verifier = Verifier(self.catalog)
        self.as_of = as_of
        self.limits = limits or Limits.from_env()
        self._trace: list[Explained] | None = None
        self.online: OnlineChecker | None = None
        if online or fetch is not None:
            from .cache import cache_dir
            from .verify.fetch import SafeFetcher
            from .verify.online import OnlineChecker

            folder = cache_dir()
            client = fetch or SafeFetcher(cache_dir=folder / "http" if folder else None)
            self.online = OnlineChecker(self.catalog, client)

    # -- public API ----------------------------------------------------------------------
    def parse(
        self,
        source: PathLike | bytes,
        *,
        filename: str | None = None,
        as_of: date | str | None = None,
        read: ReadResult | None = None,
    ) -> CandidateProfile:
        """Parse one résumé given as a path, or as bytes with ``filename=``.

        ``read`` is the file already read (:func:`parser.readers.read_path`), as
        ``credparse parse`` reads it in a child while the parser loads; ``source`` then only
        names it.

        Never raises for a bad document: the profile's ``error`` says what went wrong.
        Raises ``TypeError`` only for arguments of the wrong type.

        This parses in the calling process, bounded by the limits the readers apply
        (``self.limits``: sizes, pages, characters, inflated PDF streams, zip archives). The
        ``timeout`` and ``max_memory`` limits need a process that can be stopped from outside:
        :meth:`parser.CredentialParser.parse_isolated` (one input) and
        :meth:`~parser.CredentialParser.parse_many` (several) parse in a child process forked
        from the parser under them, as ``credparse parse``, ``credparse scan``
        and the HTTP API do; :func:`parser.run.parse_isolated` does the same without an
        instance.
        """
        day = parse_as_of(as_of if as_of is not None else self.as_of)
        started = time.perf_counter()
        if isinstance(source, (bytes, bytearray, memoryview)):
            shown = Path(filename).name if filename else "upload"
            read = read or read_bytes(bytes(source), filename or shown, self.limits)
        elif isinstance(source, (str, os.PathLike)):
            shown = os.fspath(source)
            read = read or read_path(shown, self.limits)
        else:
            raise TypeError(f"parse() takes a path or bytes, not {type(source).__name__}")
        size = read.size if read.sha256 is not None else _size_on_disk(shown)
        source_info = Source(file=shown, size_bytes=size, sha256=read.sha256, media_type=read.media_type)
        profile = CandidateProfile(source=source_info, parser=self.info())
        error = DocumentError(*read.error) if read.error else None
        if error is None and read.doc is not None and read.media_type is not None:
            try:
                self._run(self._adopt(read.doc, read.media_type, profile), day, profile)
            except DocumentError as exc:
                error = exc
            except (MemoryError, RecursionError) as exc:
                error = DocumentError(
                    "resource_limit",
                    f"the document exceeded a resource limit ({type(exc).__name__})",
                )
            except Exception as exc:  # a bug must not take a batch down; report it per file
                error = DocumentError("internal_error", f"{type(exc).__name__}: {exc}")
        if error is not None:
            profile.error = Error(code=error.code, message=error.message)
            profile.credentials = []
        profile.parser.elapsed_ms = int((time.perf_counter() - started) * 1000)
        return profile

    def explain(
        self, source: PathLike | bytes, *, filename: str | None = None, as_of: date | str | None = None
    ) -> tuple[CandidateProfile, list[Explained]]:
        """Parse like :meth:`parse`, and say for every candidate mention whether it was kept and why."""
        self._trace = []
        try:
            profile = self.parse(source, filename=filename, as_of=as_of)
            return profile, self._trace
        finally:
            self._trace = None

    # -- stages --------------------------------------------------------------------------
    def info(self, elapsed: int = 0) -> ParserInfo:
        """Which parser and catalog made a profile (its ``parser`` field)."""
        return ParserInfo(version=__version__, catalog_version=self.catalog.version, elapsed_ms=elapsed)

    def _run(self, doc: Document, day: date, profile: CandidateProfile) -> None:
        run = Run(doc, day, profile)
        for _name, stage in STAGES:
            stage(self, run)

    def read(
        self, data: bytes, filename: str, profile: CandidateProfile, reader: Reader | None = None
    ) -> Document:
        """Bytes to a :class:`Document` (the ``read`` stage), with the profile's source and
        warnings filled in; ``reader`` replaces the registry's (the benchmark's PDF readers)."""
        media_type, read = reader_of(data, filename, self.limits, reader)
        profile.source.media_type = media_type
        return self._adopt(read(data, self.limits), media_type, profile)

    def _adopt(self, doc: Document, media_type: str, profile: CandidateProfile) -> Document:
        """What the profile says of a read document: its pages, OCR and the reader's warnings."""
        profile.source.pages = doc.pages
        profile.source.ocr, profile.source.ocr_pages = bool(doc.ocr_pages), list(doc.ocr_pages)
        profile.warnings = document_warnings(doc, media_type)
        return doc

    # The stages after reading, in order: each reads and fills the run's fields.
    def _nlp(self, run: Run) -> None:
        run.spans = catalog_spans(self.nlp(run.doc.text))
        run.protected = _lines_with_credentials(run.doc, run.spans)

    def _sections(self, run: Run) -> None:
        run.sections = assign_sections(run.doc, self.rules, run.protected)

    def _mentions(self, run: Run) -> None:
        run.mentions = self.finder.find(run.doc, run.sections, run.spans)

    def _attributes(self, run: Run) -> None:
        run.attrs = assign_attributes(run.doc, run.mentions, self.rules)

    def _decide(self, run: Run) -> None:
        doc, mentions = run.doc, run.mentions
        run.resolved = {id(m): self.resolve(doc, m) for m in mentions}
        run.decisions = self.decider.decide(doc, mentions, run.attrs, run.resolved)
        if self._trace is not None:
            self._trace += [_explained(doc, m, run.decisions[id(m)]) for m in mentions]

    def _resolve(self, run: Run) -> None:
        kept = [m for m in run.mentions if run.decisions[id(m)].keep]
        _numbers_of_places(run, kept)
        creds, run.credential_urls = self.assemble(
            run.doc, kept, run.attrs, run.day, run.decisions, run.resolved
        )
        run.profile.credentials = creds

    def _candidate(self, run: Run) -> None:
        profile = run.profile
        profile.candidate = find_candidate(run.doc, run.sections, run.credential_urls, run.protected)
        if self.online is not None:
            self._check_online(profile.credentials, profile.candidate.emails)
        profile.credentials += self._badges(run.doc, run.day, profile.candidate.emails)

    def resolve(self, doc: Document, m: Mention) -> Resolution | None:
        """The catalog entry and issuer of a mention; None for a name no credential can have."""
        name = self.finder.name_of(m)
        if not m.candidates and not _plausible_name(name):
            return None
        context = " ".join(doc.lines[i].text for i in m.item_lines)
        return self.resolver.resolve(m.text, name, m.candidates, m.how, m.issuer_ids, m.issuer_text, context)

    def assemble(
        self,
        doc: Document,
        mentions: list[Mention],
        attrs: dict[int, Attributes],
        day: date,
        decisions: dict[int, Decision],
        resolved: dict[int, Resolution | None],
    ) -> tuple[list[Credential], set[str]]:
        """Build and verify a credential for every kept mention, folding repeats of one credential."""
        creds: list[Credential] = []
        keys: dict[tuple[str | None, ...], int] = {}
        urls: set[str] = set()
        places = Places(doc, mentions, self.jurisdictions)
        # the strongest mention of a credential makes its record; repeats fold into it
        for m in sorted(mentions, key=lambda m: (not m.in_section, -decisions[id(m)].confidence, m.start)):
            a = attrs[id(m)]
            res = resolved[id(m)]
            if res is None:
                continue
            cred = self._credential(doc, m, res, a, day, decisions[id(m)].confidence, places)
            urls.update(a.urls)
            # an RN licence of Ohio and one of Texas are two credentials
            key = (cred.catalog_id, cred.jurisdiction) if cred.catalog_id else ("?", norm(cred.name))
            if key in keys:
                _merge(creds[keys[key]], cred)
                continue
            keys[key] = len(creds)
            creds.append(cred)
        creds.sort(key=lambda c: c.evidence[0].start if c.evidence else 0)
        return creds, urls

    def _credential(
        self,
        doc: Document,
        m: Mention,
        res: Resolution,
        a: Attributes,
        day: date,
        decided: float,
        places: Places,
    ) -> Credential:
        name = self.finder.name_of(m)
        entry = self.catalog.credentials.get(res.catalog_id) if res.catalog_id else None
        licence = self.catalog.boards.counterpart(entry.id, m.issuer_ids) if entry else None
        if licence is not None:
            entry = self.catalog.credentials[licence]
            res = replace(res, catalog_id=licence)
        issuer_entry = self.catalog.issuers.get(res.issuer_id) if res.issuer_id else None
        jurisdiction, board = self._board(m, entry, places, a.credential_id)
        if board is not None:
            issuer_entry = board
            res = replace(res, issuer_id=board.id, issuer_name=board.name, issuer_known=True)
        status = _status(a, day)
        issued, expected = _issued_and_expected(a, status, day)
        claim = Claim(
            issuer_entry,
            entry,
            a.credential_id,
            tuple(dict.fromkeys(a.urls)),
            issued,
            a.expires,
            status == "in_progress",
            jurisdiction,
        )
        verification = self.verifier.verify(claim, day)
        issuer = self._issuer(m, res, entry, issuer_entry, board is not None, verification)
        line = doc.lines[m.line]
        confidence = _confidence(res, m, decided, verification.level, line.confidence)
        return Credential(
            name=entry.name if entry else name,
            text=m.text,
            kind=entry.kind if entry else self._kind(name),  # type: ignore[arg-type]
            status=status,  # type: ignore[arg-type]
            issuer=issuer,
            catalog_id=res.catalog_id,
            match=Match(method=res.method, score=round(res.score, 3), rule=res.rule),  # type: ignore[arg-type]
            credential_id=a.credential_id,
            url=a.urls[0] if a.urls else None,
            issued=issued,
            expires=a.expires,
            expected=expected,
            jurisdiction=jurisdiction,
            verification=verification,
            evidence=[
                Evidence(
                    page=line.page,
                    section=m.section.heading,
                    start=m.start,
                    end=m.end,
                    snippet=line.text.strip()[:240],
                )
            ],
            quality=self._quality(entry, issuer_entry) if entry else None,
            confidence=confidence,
        )

    def _issuer(
        self,
        m: Mention,
        res: Resolution,
        entry: CredentialEntry | None,
        issuer_entry: IssuerEntry | None,
        by_board: bool,
        verification: Verification,
    ) -> Issuer:
        """Who issued it: the catalog's body, unless the résumé names another one (kept as written)."""
        issuer = Issuer(
            name=res.issuer_name, id=res.issuer_id, known=res.issuer_known, as_written=m.issuer_text
        )
        stated = (
            m.issuer_text if m.issuer_text and m.issuer_text not in m.text else None
        )  # not "PMI Agile" of its name
        if by_board:
            return issuer  # the licensing board of the jurisdiction the entry names
        if entry and entry.issuer_is_standard and not stated and not m.issuer_ids:
            return Issuer(as_written=m.issuer_text)  # OSHA sets the forklift standard; it issues no card
        if issuer_entry and issuer_entry.family and stated:
            issuer.name = stated  # "California Board of Registered Nursing", not "State Boards of Nursing"
        elif entry and stated and not m.issuer_ids and not self.catalog.lookup(stated, "issuer"):
            # the résumé names another body (a state, a school, a training provider): keep it as written
            verification.reasons.append(
                f"The résumé names the issuer as {m.issuer_text!r}; the catalog issuer of {entry.name} is {res.issuer_name}."
            )
            issuer = Issuer(name=m.issuer_text, known=False, as_written=m.issuer_text)
        return issuer

    def _board(
        self, m: Mention, entry: CredentialEntry | None, places: Places, number: str | None
    ) -> tuple[str | None, IssuerEntry | None]:
        """The jurisdiction of a licence and the board that issued it there.

        The jurisdiction comes from the entry only: a board it names ("Texas Real Estate
        Commission"), the place it names ("RN, Ohio"), or a licence-number prefix only one
        board uses (Florida's ``CGC``). Without one the family stays the issuer. A credential
        the catalog does not know, under a board the entry names, is that board's.
        """
        boards = self.catalog.boards
        named = [self.catalog.issuers[i] for i in m.issuer_ids if self.catalog.issuers[i].jurisdiction]
        if entry is None and named:  # "Registered Teacher, Victorian Institute of Teaching"
            # only a title of the board's profession: France's AMF certification is not a
            # licence of Québec's Autorité des marchés financiers, which shares its name
            fit = [b for b in named if boards.licence_title(m.text, b.id)]
            if len({boards.profession_of(b.id) for b in fit}) > 1:  # Skilled Trades Ontario: many trades
                profession = boards.profession_named(m.text)
                fit = [b for b in fit if boards.profession_of(b.id) == profession]
            if fit:
                return fit[0].jurisdiction, fit[0]
        if entry is None:  # "Licensed Insurance Agent, Ohio": a profession's word and a place
            # (or the place of a body it names that licenses other professions there: "Florida
            # Real Estate Sales Associate (DBPR)" is the Florida Real Estate Commission's)
            profession = boards.profession_named(m.text)
            place = (places.of(m) or (named[0].jurisdiction if named else None)) if profession else None
            board_id = boards.board_for_profession(profession, place) if profession else None
            return (place, self.catalog.issuers[board_id]) if board_id else (None, None)
        if not boards.licenses(entry.id):
            return None, None
        jurisdiction = (
            (named[0].jurisdiction if named else None)
            or places.of(m)
            or boards.jurisdiction_of_number(entry.id, number)
            or boards.only_jurisdiction(entry.id)
        )
        board_id = boards.board(entry.id, jurisdiction)
        if board_id is None and named and named[0].board_of == entry.issuer_id:
            board_id = named[0].id
        return jurisdiction, self.catalog.issuers.get(board_id) if board_id else None

    def _check_online(self, credentials: list[Credential], emails: list[str]) -> None:
        """Upgrade or downgrade platform-URL credentials from their hosted assertions."""
        assert self.online is not None
        for cred in credentials:
            v = cred.verification
            if v.method != "platform_url" or v.level != "verifiable" or not cred.url:
                continue
            entry = self.catalog.credentials.get(cred.catalog_id or "")
            issuer = self.catalog.issuers.get(cred.issuer.id or "")
            result = self.online.check(cred.url, cred.name, entry, issuer, emails)
            if result is None:
                continue
            v.level, v.method = result.level, result.method  # type: ignore[assignment]
            v.reasons = result.reasons + v.reasons
            v.badge = result.badge or v.badge

    def _kind(self, name: str) -> str:
        low = name.lower()
        for kind, words in self.rules.cues.kind_words.items():
            if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in words):
                return kind
        return "certification"

    def _quality(self, entry: CredentialEntry, iss: IssuerEntry | None) -> Quality:
        return Quality(
            issuer_type=iss.type if iss else None,
            accreditation=list(iss.accreditation) if iss else [],
            retired=entry.retired,
            part_of=list(entry.part_of),
            leads_to=list(entry.leads_to),
            skills=list(entry.skills),
            level=entry.level,
            validity_years=entry.validity_years,
            successor=entry.successor,
        )

    def _badges(self, doc: Document, day: date, emails: list[str]) -> list[Credential]:
        if not doc.attachments:
            return []
        try:
            from .badges import badge_credentials, find_badges
        except ImportError:
            return []
        from .badges.limits import applied

        with applied(self.limits):  # the badge limits are this parse's settings too
            payloads = [p for att in doc.attachments for p in find_badges(att.data, att.name)]
            if not payloads:
                if doc.media_type.startswith(("image/", "application/ld+json", "application/jwt")):
                    raise DocumentError(
                        "unsupported_format", "the file holds no Open Badge or verifiable credential"
                    )
                return []
            fetch = self.online.fetch if self.online is not None else None
            return list(
                badge_credentials(payloads, as_of=day, emails=emails, catalog=self.catalog, fetch=fetch)
            )


def _lines_with_credentials(doc: Document, spans: list) -> set[int]:
    import bisect

    starts = [line.start for line in doc.lines]
    return {bisect.bisect_right(starts, s.start) - 1 for s in spans if s.label == "CREDENTIAL"}


@dataclass(frozen=True)
class Explained:
    """One candidate mention, whether the decision stage kept it, and its evidence."""

    text: str
    kept: bool
    confidence: float
    section: str | None
    page: int | None
    evidence: str


def _explained(doc: Document, m: Mention, d: Decision) -> Explained:
    return Explained(m.text, d.keep, d.confidence, m.section.heading, doc.lines[m.line].page, d.explain())


def _size_on_disk(path: str) -> int:
    """The size of a file that was not read (too large, unreadable), so its record still says it."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def _plausible_name(name: str) -> bool:
    letters = sum(c.isalpha() for c in name)
    return letters >= 3 and len(name) <= 150 and len(name.split()) <= 14


def _status(a: Attributes, day: date) -> str:
    words = {s for s, _ in a.status_words}
    if "in_progress" in words or a.expected:
        return "in_progress"
    if "expired" in words:
        return "expired"
    if a.expires and a.expires < day.isoformat()[: len(a.expires)]:
        return "expired"
    return "earned"


@dataclass
class Run:
    """One document on its way through the stages: what each stage leaves for the next."""

    doc: Document
    day: date
    profile: CandidateProfile
    spans: list[Span_] = field(default_factory=list)
    protected: set[int] = field(default_factory=set)
    sections: list[SectionInfo] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    attrs: dict[int, Attributes] = field(default_factory=dict)
    resolved: dict[int, Resolution | None] = field(default_factory=dict)
    decisions: dict[int, Decision] = field(default_factory=dict)
    credential_urls: set[str] = field(default_factory=set)


#: The stages after ``read``, in the order the engine runs them (``benchmarks/stages.py`` times
#: each one by running this same list).
STAGES: list[tuple[str, Callable[[Engine, Run], None]]] = [
    ("nlp", Engine._nlp),
    ("sections", Engine._sections),
    ("mentions", Engine._mentions),
    ("attributes", Engine._attributes),
    ("decide", Engine._decide),
    ("resolve", Engine._resolve),
    ("candidate", Engine._candidate),
]


def _confidence(res: Resolution, m: Mention, decided: float, level: str, read: float | None) -> float:
    """How sure the record is: the match's method, the decision, where it stood, its level, and
    the OCR confidence of its line (``read``) when a scan was read."""
    confidence = _BASE_CONFIDENCE.get(res.method, 0.0)
    if res.method == "fuzzy":
        confidence = 0.8 * res.score
    elif res.method == "none":
        confidence = min(0.7 if m.in_section else 0.55, decided)
    if not m.in_section:
        confidence -= 0.05
    confidence += {"verifiable": 0.02, "suspicious": -0.15}.get(level, 0.0)
    if read is not None:  # read by OCR: as sure as the words it read
        confidence *= read
    return round(min(0.99, max(0.05, confidence)), 3)


_PLACE_NUMBER = re.compile(r"(?<![\w-])(?!(?:19|20)\d\d(?![\w./-]))[A-Z]{0,4}-?\d[\w./-]{3,}$")


def _numbers_of_places(run: Run, kept: list[Mention]) -> None:
    """ "Registered Professional Nurse, NYS License 784215": a part dropped as only a place
    carries the licence number of the credential before it on its line."""
    for m in run.mentions:
        if not any(e.name == "place_only" for e in run.decisions[id(m)].evidence):
            continue
        labelled = run.attrs[id(m)].credential_id if id(m) in run.attrs else None
        bare = _PLACE_NUMBER.search(m.text)  # "…, TX 1382736-R": a number by where it stands
        number = labelled or (bare.group(0) if bare else None)
        if not number:
            continue
        before = [k for k in kept if k.line == m.line and k.end <= m.start]
        owner = run.attrs.get(id(max(before, key=lambda k: k.end))) if before else None
        if owner is not None and owner.credential_id is None:
            owner.credential_id = number


def document_warnings(doc: Document, media_type: str | None) -> list[ProfileWarning]:
    """The reader's warnings, and ``no_text`` for a PDF with no text at all: an image-only scan
    is not a résumé without credentials (see :mod:`parser.reading`)."""
    warnings = [ProfileWarning(code=c, message=m) for c, m in doc.warnings]
    if media_type == PDF and not doc.text.strip():
        warnings.append(
            ProfileWarning(code=NO_TEXT, message="no text could be read from this file: is it a scan?")
        )
    return warnings


def _issued_and_expected(a: Attributes, status: str, day: date) -> tuple[str | None, str | None]:
    """The issue date and the expected date of a credential.

    A date on a credential still in progress that lies after ``day`` ("PMP – in progress,
    2027-02") is when it is expected, not when it was issued.
    """
    if status != "in_progress":
        return a.issued, None
    if a.expected:
        return a.issued, a.expected
    if a.issued and a.issued > day.isoformat()[: len(a.issued)]:
        return None, a.issued
    return a.issued, None


def _merge(primary: Credential, other: Credential) -> None:
    """Fold a repeated mention of the same credential into the first one."""
    primary.evidence.extend(other.evidence)
    for attr in ("credential_id", "url", "issued", "expires", "expected"):
        if getattr(primary, attr) is None and getattr(other, attr) is not None:
            setattr(primary, attr, getattr(other, attr))
    if primary.verification.level == "unverifiable" and other.verification.level != "unverifiable":
        primary.verification = other.verification
    if primary.status == "earned" and other.status != "earned" and not primary.issued:
        primary.status = other.status
    if primary.issuer.as_written is None and other.issuer.as_written is not None:
        primary.issuer = other.issuer  # the repeat names who issued it
