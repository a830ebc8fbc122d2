"""Decide, for every candidate mention, whether it is a credential, and say why.

Candidate generation (sections, items, cues, catalog spans) is broad on purpose; this stage
weighs the evidence of each candidate the way Presidio's recognizers feed its decision
process: small evidence functions, registered by name, each returning a weight (from
``patterns/evidence.yaml``) and a reason a person can read. A candidate's confidence is the
logistic of ``base`` plus its weights, and it is kept when that reaches ``threshold``.

The decision never reads files or resolves names: it sees the mention, the attributes found
for it and the text of its item.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from ..catalog.resolve import Resolution
from ..catalog.schema import ProfessionWords
from ..document import Document
from .attributes import Attributes
from .mentions import Mention
from .rules import _load, _Strict, load_rules


class EvidenceFile(_Strict):
    """``patterns/evidence.yaml``."""

    base: float
    threshold: float
    weights: dict[str, float]
    credential_nouns: list[str]
    credential_nouns_cased: list[str]
    degree: list[str]
    degree_lines: list[str]
    award: list[str]
    personal_data: list[str]
    first_person: list[str]
    vague: list[str]
    course: list[str]
    placeholder: list[str]
    sentence_words: int
    verbs: list[str]
    generic_words: list[str]
    organisation: list[str]
    action_verbs: list[str]
    negated: list[str]
    membership_headings: list[str]
    skill_words: list[str]


@dataclass(frozen=True)
class Evidence:
    """One reason for or against a candidate."""

    name: str
    weight: float
    detail: str


@dataclass
class Decision:
    """Whether a candidate is kept, its confidence and the evidence behind it."""

    keep: bool
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)

    def explain(self) -> str:
        return "; ".join(f"{e.name} {e.weight:+.1f} ({e.detail})" for e in self.evidence)


@dataclass(frozen=True)
class Candidate:
    """What the evidence functions see of one mention."""

    mention: Mention
    name: str  # the mention as a credential name (cleaned)
    attrs: Attributes
    item_text: str  # the other lines of its item
    after: str  # the rest of its line
    line_text: str  # its whole line
    resolution: Resolution | None  # what the catalog makes of it

    @property
    def known(self) -> bool:
        """Whether the mention names a catalog credential (a span, or the resolver's match)."""
        res = self.resolution
        return bool(self.mention.candidates) or bool(res and res.catalog_id and res.method != "fuzzy")


class Words:
    """The compiled lists of ``patterns/evidence.yaml``."""

    def __init__(
        self, raw: EvidenceFile, card: re.Pattern[str], places: list[str], professions: list[str]
    ) -> None:
        def rx(patterns: list[str]) -> list[re.Pattern[str]]:
            return [re.compile(p, re.I) for p in patterns]

        nouns = "|".join(re.escape(w) for w in sorted(raw.credential_nouns, key=len, reverse=True))
        cased = "|".join(map(re.escape, raw.credential_nouns_cased)) or "(?!)"
        self.noun = re.compile(rf"(?<!\w)(?:(?i:{nouns})|{cased})(?!\w)")
        self.degree = rx(raw.degree)
        self.degree_line = rx(raw.degree_lines)
        self.award = rx(raw.award)
        self.personal = rx(raw.personal_data)
        self.first_person = rx(raw.first_person)
        self.vague = rx(raw.vague)
        self.course = rx(raw.course)
        self.placeholder = rx(raw.placeholder)
        self.verbs = re.compile(rf"\b(?:{'|'.join(map(re.escape, raw.verbs))})\b", re.I)
        self.sentence_words = raw.sentence_words
        self.generic = {w.lower() for w in raw.generic_words} | {w.lower() for w in raw.credential_nouns}
        self.organisation = rx(raw.organisation)
        self.action_verbs = {w.lower() for w in raw.action_verbs}
        self.negated = rx(raw.negated)
        self.membership_headings = rx(raw.membership_headings)
        self.skill_words = {x.lower() for x in raw.skill_words}
        self.card = card  # safety cards and belts (patterns/cues.yaml card_terms)
        alternation = "|".join(re.escape(p) for p in sorted(set(places), key=len, reverse=True))
        # a place, perhaps with its agency's initials or a licence number: what follows a
        # licence ("…, TX 1382736-R", "…, Connecticut DPH", "…, NYS License 784215")
        place = rf"\s*(?:(?:State|Commonwealth) of )?(?:{alternation})"
        number = r"\s*[-–—#:,]?\s*(?:[A-Z]{0,4}[ -]?\d[\w./-]*)?\s*"
        self.place_only = re.compile(place + number)
        # … or with its agency's initials or a licence word, where no catalog name stands
        self.place_agency = re.compile(
            rf"{place}(?: State)?(?: [A-Z][A-Za-z]{{1,4}})?"
            rf"(?:\s+(?i:licen[cs]e|lic\.|registration|reg\.)(?:\s*(?:no\.?|#))?)?{number}"
        )

        # a place right after a title: "Pharmacist – ID", "Electrician, State of Ohio"
        self.place_after = re.compile(
            rf"\s*[-–—,(]\s*(?:(?:State|Commonwealth) of )?(?:{alternation})(?![\w-])"
        )
        self.profession = {p.lower() for p in professions}
        #: a profession's initials that are also a place ("MD": a physician, and Maryland)
        self.title_places = {p for p in professions if p.isupper() and p in places}

    def names_credentials(self, heading: str) -> bool:
        """Whether a section heading names credentials ("Licenses & Certifications", "Zertifikate")."""
        return bool(self.noun.search(heading))


_NO_NAME = Evidence("no_name", 0.0, "nothing left of it as a credential name")
EvidenceFn = Callable[[Candidate, Words], tuple[bool, str] | None]
REGISTRY: dict[str, EvidenceFn] = {}


def evidence(name: str) -> Callable[[EvidenceFn], EvidenceFn]:
    """Register an evidence function under the name of its weight in ``evidence.yaml``."""

    def register(fn: EvidenceFn) -> EvidenceFn:
        REGISTRY[name] = fn
        return fn

    return register


def _first(patterns: list[re.Pattern[str]], text: str) -> str | None:
    for p in patterns:
        m = p.search(text)
        if m:
            return m.group(0).strip() or p.pattern
    return None


def _hit(detail: str | bool | None) -> tuple[bool, str] | None:
    return (True, detail) if isinstance(detail, str) and detail else None


# -- positive evidence -----------------------------------------------------------------
@evidence("catalog")
def _catalog(c: Candidate, w: Words) -> tuple[bool, str] | None:
    m = c.mention
    if m.candidates and m.how != "case":
        return True, f"catalog {m.how} match"
    res = c.resolution
    if not m.candidates and res and res.catalog_id and res.method != "fuzzy":
        return True, f"resolves to {res.catalog_id} ({res.rule})"
    return None


@evidence("catalog_fuzzy")
def _catalog_fuzzy(c: Candidate, w: Words) -> tuple[bool, str] | None:
    res = c.resolution
    if (
        not c.mention.candidates
        and res
        and res.catalog_id
        and res.method == "fuzzy"
        and not _only_generic(c, w)
    ):
        return True, f"close to {res.catalog_id} ({res.score:.2f})"
    return None


@evidence("catalog_acronym")
def _catalog_acronym(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return (
        (True, f"catalog acronym {c.mention.text!r}")
        if c.mention.candidates and c.mention.how == "case"
        else None
    )


@evidence("cue")
def _cue(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return (True, "a credential cue phrase") if c.mention.how in ("cue", "phrase") else None


@evidence("credential_noun")
def _credential_noun(c: Candidate, w: Words) -> tuple[bool, str] | None:
    m = w.noun.search(c.mention.text)
    return (True, f"'{m.group(0)}' in the name") if m else None


@evidence("safety_card")
def _safety_card(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """CPR, First Aid, food handler, forklift: cards with a certifying body (RULES of the labels)."""
    m = w.card.search(c.name)
    return (True, f"'{m.group(0)}' is a safety or health card") if m and not c.known else None


@evidence("labelled")
def _labelled(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """The entry follows a credential label on its own line: "Certification: Prep Cook"."""
    m = c.mention
    start = m.section.content_start
    if not start or c.known or w.noun.search(m.text):
        return None
    label = c.line_text[:start]
    return (True, f"labelled {label.strip()!r}") if w.noun.search(label) else None


@evidence("credential_cue")
def _credential_cue(c: Candidate, w: Words) -> tuple[bool, str] | None:
    if w.noun.search(c.mention.text):
        return None
    m = w.noun.search(c.item_text)
    return (True, f"'{m.group(0)}' in the entry") if m else None


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z0-9+.&/-]{1,11})\)")


@evidence("acronym")
def _acronym(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """A name with its acronym in brackets, the way credentials are written: "… (TNCC)"."""
    if c.known or _first(w.organisation, c.name):
        return None
    m = _own_acronym(c)
    return (True, f"acronym '{m.group(1)}'") if m and not m.group(1).isdigit() else None


def _own_acronym(c: Candidate) -> re.Match[str] | None:
    """The acronym written with the name, inside it or right after it: "… (TNCC)"."""
    return _ACRONYM.search(c.mention.text) or _ACRONYM.match(c.after.lstrip())


@evidence("issuer_known")
def _issuer_known(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return (True, f"issuer {c.mention.issuer_text!r}") if c.mention.issuer_ids else None


@evidence("issuer_written")
def _issuer_written(c: Candidate, w: Words) -> tuple[bool, str] | None:
    m = c.mention
    return (True, f"issuer as written {m.issuer_text!r}") if m.issuer_text and not m.issuer_ids else None


@evidence("credential_id")
def _credential_id(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(c.attrs.credential_id and f"ID {c.attrs.credential_id}")


@evidence("url")
def _url(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(c.attrs.urls[0] if c.attrs.urls else None)


@evidence("date")
def _date(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(c.attrs.issued or c.attrs.expires or c.attrs.expected)


@evidence("in_section")
def _in_section(c: Candidate, w: Words) -> tuple[bool, str] | None:
    heading = c.mention.section.heading or ""
    return _hit(c.mention.in_section and w.names_credentials(heading) and f"under {heading!r}")


@evidence("in_list_section")
def _in_list_section(c: Candidate, w: Words) -> tuple[bool, str] | None:
    heading = c.mention.section.heading or ""
    return _hit(c.mention.in_section and not w.names_credentials(heading) and f"under {heading!r}")


@evidence("status")
def _status(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(c.attrs.status_words[0][1] if c.attrs.status_words else None)


# -- negative evidence -----------------------------------------------------------------
def _unmatched(c: Candidate) -> bool:
    return not c.known


@evidence("degree")
def _degree(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_unmatched(c) and _first(w.degree, c.mention.text))


@evidence("award")
def _award(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_unmatched(c) and not w.noun.search(c.mention.text) and _first(w.award, c.mention.text))


@evidence("personal_data")
def _personal(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_first(w.personal, c.mention.text))


@evidence("first_person")
def _first_person(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_unmatched(c) and _first(w.first_person, c.mention.text))


@evidence("sentence")
def _sentence(c: Candidate, w: Words) -> tuple[bool, str] | None:
    words = c.name.split()
    if len(words) > w.sentence_words:
        return True, f"{len(words)} words"
    verb = w.verbs.search(c.name)
    if _unmatched(c) and verb and not w.noun.search(c.name):
        return True, f"reads as a phrase ('{verb.group(0)}')"
    return None


@evidence("vague")
def _vague(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_unmatched(c) and _first(w.vague, c.mention.text))


@evidence("course")
def _course(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """A course or event; under a heading that names credentials it is the certificate's subject."""
    if c.known or w.noun.search(c.mention.text) or w.card.search(c.name):
        return None  # "First Aid Training" is the card's course
    if c.mention.in_section and w.names_credentials(c.mention.section.heading or ""):
        return None
    return _hit(_first(w.course, c.mention.text))


@evidence("placeholder")
def _placeholder(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_first(w.placeholder, c.name))


@evidence("skill_phrase")
def _skill_phrase(c: Candidate, w: Words) -> tuple[bool, str] | None:
    if c.known or w.noun.search(c.mention.text) or re.search(r"\b[A-Z]{2,}\b", c.name):
        return None
    if w.card.search(c.name):
        return None
    if _own_acronym(c):
        return None
    if c.mention.in_section and w.names_credentials(c.mention.section.heading or "") and _title(c.name):
        return None  # "Hadoop Platform and Application Framework" under "Certifications": a name
    return True, "no credential word, acronym or catalog name"


def _title(name: str) -> bool:
    """Written as a title: two to ten words, the first and most others capitalised."""
    words = re.findall(r"[A-Za-z][\w'’+#-]*", name)
    if not 2 <= len(words) <= 10 or not words[0][0].isupper():
        return False
    small = {"and", "of", "for", "in", "on", "the", "to", "with", "a", "an", "&"}
    big = [w for w in words if w.lower() not in small]
    return sum(w[0].isupper() for w in big) >= 0.75 * len(big)


def _only_generic(c: Candidate, w: Words) -> bool:
    """Only credential nouns, filler words and the issuer's name: "Red Hat certification"."""
    name = c.name.lower()
    issuer = (c.mention.issuer_text or "").lower() if c.mention.issuer_ids else ""
    if issuer and issuer in name and w.noun.search(name.replace(issuer, " ")):
        name = name.replace(issuer, " ")  # but "OSHA training" names OSHA's training
    words = re.findall(r"[\w&/'-]+", name)
    return bool(words) and all(x in w.generic for x in words)


@evidence("skill_words")
def _skill_words(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """Only a vendor and product or skill words: "Microsoft Office Tools", "Excel Skills"."""
    if c.known:
        return None
    name = c.name.lower()
    issuer = (c.mention.issuer_text or "").lower()
    if issuer and issuer in name:
        name = name.replace(issuer, " ")
    raw = re.findall(r"[\w+#'-]+", name)
    words = [x for x in raw if x not in w.generic]
    vendor_first = len(raw) > 1 and raw[1] not in w.generic  # not "Principles of Marketing"
    if len(words) > 1 and words[0] not in w.skill_words and c.name[:1].isupper() and vendor_first:
        words = words[1:]  # a vendor's name first: "Microsoft Office Tools"
    return (True, "only product or skill words") if words and all(x in w.skill_words for x in words) else None


@evidence("generic")
def _generic(c: Candidate, w: Words) -> tuple[bool, str] | None:
    if c.mention.candidates:
        return None
    return (True, "only generic words") if _only_generic(c, w) else None


@evidence("organisation")
def _organisation(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_unmatched(c) and _first(w.organisation, c.name))


@evidence("verb_first")
def _verb_first(c: Candidate, w: Words) -> tuple[bool, str] | None:
    first = re.match(r"\W*([A-Za-z]+)", c.name)
    if _unmatched(c) and first and first.group(1).lower() in w.action_verbs:
        return True, f"opens with '{first.group(1)}'"
    return None


@evidence("negated")
def _negated(c: Candidate, w: Words) -> tuple[bool, str] | None:
    return _hit(_first(w.negated, c.mention.text))


@evidence("degree_entry")
def _degree_entry(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """A credential named as the programme of a degree: "Diploma : Nursing - Registered Nurse, School …"."""
    m = c.mention
    if not c.known or m.in_section or m.section.category != "education":
        return None
    return _hit(_first(w.degree, c.line_text) or _first(w.degree_line, c.line_text))


@evidence("membership_section")
def _membership_section(c: Candidate, w: Words) -> tuple[bool, str] | None:
    heading = c.mention.section.heading or ""
    return _hit(_unmatched(c) and _first(w.membership_headings, heading) and f"under {heading!r}")


@evidence("place_only")
def _place_only(c: Candidate, w: Words) -> tuple[bool, str] | None:
    text = c.mention.text.strip()
    if c.mention.issuer_ids and text.partition(" ")[0] in w.title_places:
        return None  # "Oregon Medical Board – MD License": the board says whose licence it is
    if w.place_only.fullmatch(text) or (not c.known and w.place_agency.fullmatch(text)):
        return True, f"{text!r} is a place, not a credential"
    return None


@evidence("licensed_title")
def _licensed_title(c: Candidate, w: Words) -> tuple[bool, str] | None:
    """A licensed profession's title and the place that licensed it, listed among credentials:
    "Pharmacist – ID" is Idaho's pharmacist licence. In experience the same words are a job."""
    m = c.mention
    if c.known or not m.in_section or c.name.strip().lower() not in w.profession:
        return None
    return _hit(w.place_after.match(c.after) and f"{c.name!r} followed by a place")


@cache
def _load_words() -> tuple[EvidenceFile, Words]:
    raw: EvidenceFile = _load("evidence.yaml", EvidenceFile)
    unknown = set(REGISTRY) ^ set(raw.weights)
    if unknown:
        from ..catalog.store import CatalogError

        raise CatalogError(f"evidence.yaml: weights and evidence functions differ: {sorted(unknown)}")
    rules = load_rules()
    places = [x for r in [*rules.regions.values(), *rules.countries.values()] for x in [*r.names, *r.abbr]]
    words: ProfessionWords = _load("profession_words.yaml", ProfessionWords)
    professions = [w for ws in words.professions.values() for w in ws]
    return raw, Words(raw, rules.card, places, professions)


class Decider:
    """Weighs the evidence of every candidate; keeps those above the threshold."""

    def __init__(self, name_of: Callable[[Mention], str]) -> None:
        self.raw, self.words = _load_words()
        self.name_of = name_of  # the finder's: a catalog match as written, anything else cleaned

    def decide(
        self,
        doc: Document,
        mentions: list[Mention],
        attrs: dict[int, Attributes],
        resolved: dict[int, Resolution | None],
    ) -> dict[int, Decision]:
        """A decision for every mention, keyed by ``id(mention)``; an unresolvable name is dropped."""
        out = {}
        for m in mentions:
            res = resolved.get(id(m))
            out[id(m)] = self.one(doc, m, attrs[id(m)], res) if res else Decision(False, 0.0, [_NO_NAME])
        return out

    def one(self, doc: Document, m: Mention, a: Attributes, res: Resolution | None = None) -> Decision:
        others = [doc.lines[i].text for i in m.item_lines if i != m.line]
        line = doc.lines[m.line]
        after = doc.text[m.end : line.start + len(line.text)]
        cand = Candidate(m, self.name_of(m), a, " ".join(others), after, line.text, res)
        score = self.raw.base
        found: list[Evidence] = []
        for key, fn in REGISTRY.items():
            hit = fn(cand, self.words)
            if hit:
                weight = self.raw.weights[key]
                score += weight
                found.append(Evidence(key, weight, hit[1]))
        confidence = 1.0 / (1.0 + math.exp(-score))
        return Decision(confidence >= self.raw.threshold, round(confidence, 3), found)
