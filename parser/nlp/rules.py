"""The rule files of ``patterns/`` (sections, status, dates, cues), validated at load.

Each file has a pydantic model that rejects unknown keys; errors name the file. The
compiled form (regexes, look-up sets) is built once per process.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..catalog.schema import Region, RegionsFile
from ..catalog.store import CatalogError, load_yaml, norm, patterns_root


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SectionsFile(_Strict):
    credential_heading_words: list[str] = Field(default_factory=list)
    sections: dict[str, list[str]]


class Trigger(_Strict):
    phrase: str
    status: Literal["in_progress", "expired"]
    direction: Literal["forward", "backward", "both"]
    unless_next: list[str] = Field(default_factory=list)


class StatusFile(_Strict):
    triggers: list[Trigger]


class DatesFile(_Strict):
    months: dict[int, list[str]]
    present: list[str]
    range_separators: list[str]
    issued_keywords: list[str]
    expires_keywords: list[str]
    expected_keywords: list[str]


class NegativeContext(_Strict):
    before: list[str]
    after: list[str]


class CuesFile(_Strict):
    strong_cues: list[str]
    negative_context: NegativeContext
    credential_words: list[str]
    credential_words_cased: list[str] = Field(default_factory=list)
    title_nouns: list[str]
    card_terms: list[str]
    course_words: list[str]
    school_words: list[str]
    issuer_leads: list[str] = Field(
        default_factory=list,
        description="Words that introduce who issued the credential before them (certified by …).",
    )
    not_items: list[str]
    id_labels: list[str]
    id_labels_bare: list[str] = Field(
        default_factory=list,
        description="Words that label a number only when a long one follows (License 065.012345).",
    )
    organisation_words: list[str]
    levelled_qualifications: list[str] = Field(
        default_factory=list,
        description="Qualifications named by a level and a field in brackets (Certificate 4 (…)).",
    )
    name_abbreviations: dict[str, str] = Field(
        default_factory=dict,
        description="Abbreviations in organisation names and the word each is read as (Dept. → department).",
    )
    kind_words: dict[str, list[str]]


def _load(name: str, model: type[BaseModel]) -> Any:
    path = patterns_root() / name
    try:
        raw = load_yaml(name, path.read_bytes())  # no anchors or aliases, size-capped
        return model.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise CatalogError(f"{name}: {exc}") from exc


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class Rules:
    """Compiled rules, shared by the NLP stages."""

    def __init__(self) -> None:
        sections: SectionsFile = _load("sections.yaml", SectionsFile)
        self.status: StatusFile = _load("status.yaml", StatusFile)
        self.dates: DatesFile = _load("dates.yaml", DatesFile)
        self.cues: CuesFile = _load("cues.yaml", CuesFile)
        regions: RegionsFile = _load("regions.yaml", RegionsFile)
        self.regions: dict[str, Region] = regions.regions
        self.countries: dict[str, Region] = regions.countries
        #: postal and country abbreviations ("IA", "UK"): a catalog acronym that is one may be a place
        self.place_abbrs = {a for r in [*self.regions.values(), *self.countries.values()] for a in r.abbr}
        self.credential_heading_words = {w.lower() for w in sections.credential_heading_words}
        self.headings: dict[str, str] = {}
        for category, names in sections.sections.items():
            for name in names:
                self.headings.setdefault(heading_key(name), category)
        self.strong_cues = [re.compile(rx) for rx in self.cues.strong_cues]
        self.not_items = [re.compile(rx, re.I) for rx in self.cues.not_items]
        self.credential_words = {w.lower() for w in self.cues.credential_words}
        self.title_nouns = {w.lower() for w in self.cues.title_nouns}
        words = sorted(self.credential_words, key=len, reverse=True)
        cased = "|".join(map(re.escape, self.cues.credential_words_cased)) or "(?!)"
        self.credential_word = re.compile(rf"(?<!\w)(?:(?i:{'|'.join(map(re.escape, words))})|{cased})(?!\w)")
        self.course_word = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.cues.course_words))})\b")
        leads = "|".join(
            re.escape(w).replace(r"\ ", r"\s+") for w in sorted(self.cues.issuer_leads, key=len, reverse=True)
        )
        #: a list part that only says who issued the credential before it ("certified by Yoga
        #: Alliance", "membre en règle de l'OHDQ"); its article or elision is not the name
        self.issuer_lead = re.compile(
            rf"^(?:{leads or '(?!)'})\s+(?:(?:the|la|le|les)\s+|l['’]\s*)?(?P<issuer>.+)$", re.I
        )
        nouns = _alternation(self.cues.levelled_qualifications) or "(?!)"
        #: a qualification by level with its field in brackets: the bracket is part of its name
        self.levelled = re.compile(rf"\b(?:{nouns})\s+(?:IV|V|I{{1,3}}|[1-5])\s*(\([^()]+\))", re.I)
        self.school_word = re.compile(rf"\b(?:{'|'.join(map(re.escape, self.cues.school_words))})\b")
        cards = sorted(self.cues.card_terms, key=len, reverse=True)
        self.card = re.compile(
            "|".join(
                rf"(?<!\w){re.escape(t)}(?!\w)" if t.isupper() else rf"(?i:(?<!\w){re.escape(t)}(?!\w))"
                for t in cards
            )
        )
        self.org_words = {w.lower().rstrip(".") for w in self.cues.organisation_words}
        self.neg_before = [w.lower() for w in self.cues.negative_context.before]
        self.neg_after = [w.lower() for w in self.cues.negative_context.after]
        labels = _alternation(self.cues.id_labels)
        bare = _alternation(self.cues.id_labels_bare) or "(?!)"
        prefix = r"(?-i:[A-Z]{1,4})[ -]?"  # "RN 452189", "CGC1523456"
        self.id_re = re.compile(
            rf"(?:(?<![\w])(?:{labels})\s*(?:[:#.]|\bno\.?)?\s*(?:[:#]\s*)?"
            rf"|(?<![\w])(?:{bare})\.?\s*[:#]?\s*(?=(?:{prefix})?\d[\dA-Z./-]{{3,}})(?!(?:19|20)\d\d(?![\w./-]))"
            rf"|(?<![\w&])#\s?(?=[A-Z]*\d)"
            rf"|(?<![\w-])(?=(?-i:[A-Z]{{2,4}}) ?\d{{6,}}(?![\w-])))"
            rf"(?P<id>(?:(?-i:[A-Z]{{1,4}}) (?=\d))?(?=[A-Z./-]*\d)[A-Z0-9](?:[A-Z0-9./-]*[A-Z0-9])?)(?![\w])",
            re.I,
        )
        trig = sorted(self.status.triggers, key=lambda t: len(t.phrase), reverse=True)
        self.triggers = [(re.compile(rf"(?<![\w-]){re.escape(t.phrase)}(?![\w-])", re.I), t) for t in trig]
        #: any status phrase, longest first: one pass where a caller only removes or finds them
        self.trigger_any = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(t.phrase) for t in trig) or '(?!)'})(?![\w-])", re.I
        )


def heading_key(text: str) -> str:
    """Normalise a heading line for look-up (case, accents kept, punctuation dropped)."""
    text = text.strip().rstrip(":").strip()
    if re.fullmatch(r"(?:\w ){3,}\w", text):  # letter-spaced: "C E R T I F I C A T I O N S"
        text = text.replace(" ", "")
    return norm(text).replace(" and ", " ").replace("'", "")


@cache
def load_rules() -> Rules:
    return Rules()
