"""Resolve a mention to a catalog credential: catalog span → exact → alias → fuzzy → none.

Fuzzy matching (rapidfuzz ``token_set_ratio`` with a cutoff, checked again with
``token_sort_ratio``) only runs on candidate spans that no rule resolved, never on every
line. A mention whose stated issuer is not the candidate's issuer is never fuzzily moved
to a known issuer: it stays unresolved with its issuer as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .store import Catalog, norm

FUZZY_CUTOFF = 90.0
SORT_FLOOR = 72.0
DISTINCT_FLOOR = 80.0
# words of issuer names that say nothing of which body it is
_GENERIC_ISSUER_WORDS = {
    "of",
    "the",
    "and",
    "for",
    "in",
    "on",
    "association",
    "institute",
    "council",
    "board",
    "national",
    "international",
    "american",
    "society",
    "academy",
    "college",
    "inc",
    "ltd",
}


_GENERIC = {
    "certification",
    "certificate",
    "certified",
    "certifications",
    "program",
    "programme",
    "professional",
    "exam",
    "course",
    "level",
    "the",
    "of",
    "in",
    "and",
    "for",
    "a",
    "an",
    "credential",
    "license",
    "licence",
}


def _distinct(key: str) -> str:
    """The words of a normalised name that are not generic credential words."""
    return " ".join(w for w in key.split() if w not in _GENERIC)


@dataclass(frozen=True)
class Resolution:
    catalog_id: str | None
    method: str  # exact | alias | fuzzy | pattern | none
    score: float
    rule: str
    issuer_id: str | None
    issuer_name: str | None
    issuer_known: bool


class Resolver:
    """Resolves mentions against one loaded catalog; build once, reuse."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        long = [(key, cid) for key, cid in catalog.names if len(key) >= 6]
        self._choices = [key for key, _ in long]
        self._choice_ids = [cid for _, cid in long]

    def pick(self, candidates: list[str], issuer_ids: list[str], context: str) -> str:
        """Choose among credentials sharing an acronym or alias, by issuer and context words."""
        if len(candidates) == 1:
            return candidates[0]
        low = context.lower()

        def score(cid: str) -> tuple[int, int]:
            cred = self.catalog.credentials[cid]
            issuer = self.catalog.issuers.get(cred.issuer_id)
            s = 3 if cred.issuer_id in issuer_ids else 0
            words = [*cred.context, *(issuer.context if issuer else [])]
            s += sum(1 for w in words if w.lower() in low)
            return s, -candidates.index(cid)

        return max(candidates, key=score)

    def method_for(self, text: str, catalog_id: str) -> tuple[str, str]:
        hits = [h for h in self.catalog.lookup(text, "credential") if h.id == catalog_id]
        if not hits:
            return "alias", "catalog phrase"
        kind = hits[0].method
        return ("exact" if kind == "exact" else "alias"), kind

    def fuzzy(self, text: str) -> tuple[str, float] | None:
        key = norm(text)
        if len(key) < 6 or not self._choices:
            return None
        best = process.extractOne(key, self._choices, scorer=fuzz.token_set_ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        choice, score, index = best
        if fuzz.token_sort_ratio(key, choice) < SORT_FLOOR:
            return None
        # the distinctive words must agree too, both ways: "Certification AMF" is not "CAMS
        # Certification", and "Certificate of Qualification" is not "Hairstylist Certificate of …"
        mine, theirs = _distinct(key), _distinct(choice)
        if len(mine) < 5 or fuzz.token_sort_ratio(mine, theirs) < DISTINCT_FLOOR:
            return None
        cid = self._choice_ids[index]
        if set(theirs.split()) - set(mine.split()) & self._issuer_words(cid):
            return (
                None  # "Certified Personal Trainer" lacks the "ACE" that makes it ACE's: no issuer invented
            )
        return cid, score / 100.0

    def _issuer_words(self, credential_id: str) -> set[str]:
        """The words of the issuer's name and acronyms, as a credential name may carry them."""
        issuer = self.catalog.issuer_of(credential_id)
        if issuer is None:
            return set()
        return {w for t in [issuer.name, *issuer.acronyms] for w in norm(t).split()} - _GENERIC_ISSUER_WORDS

    def fuzzy_within(self, text: str, issuer_ids: list[str]) -> tuple[str, float] | None:
        """A looser match among the credentials of an issuer the item names ("Lean Six Sigma
        Green Belt (IASSC)"): the issuer already narrows the field."""
        if not issuer_ids:
            return None
        key = norm(text)
        choices = [
            (norm(t), cid)
            for iid in issuer_ids
            for cid in self.catalog.by_issuer.get(iid, [])
            for t in dict.fromkeys(
                [self.catalog.credentials[cid].name, *self.catalog.credentials[cid].aliases]
            )
        ]
        if len(key) < 4 or not choices:
            return None
        best = process.extractOne(key, [c for c, _ in choices], scorer=fuzz.token_set_ratio, score_cutoff=85)
        if best is None or fuzz.token_sort_ratio(key, best[0]) < 55:
            return None
        return choices[best[2]][1], best[1] / 100.0

    def issuer(
        self, issuer_ids: list[str], issuer_text: str | None, context: str
    ) -> tuple[str | None, str | None, bool]:
        if issuer_ids:
            iid = self._pick_issuer(issuer_ids, context)
            return iid, self.catalog.issuers[iid].name, True
        if issuer_text:
            hits = self.catalog.lookup(issuer_text, "issuer")
            if hits:
                return hits[0].id, self.catalog.issuers[hits[0].id].name, True
            return None, issuer_text, False
        return None, None, False

    def _pick_issuer(self, ids: list[str], context: str) -> str:
        if len(ids) == 1:
            return ids[0]
        low = context.lower()
        return max(
            ids,
            key=lambda i: (
                sum(w.lower() in low for w in self.catalog.issuers[i].context),
                -ids.index(i),
            ),
        )

    def resolve(
        self,
        text: str,
        name: str,
        candidates: list[str],
        how: str,
        issuer_ids: list[str],
        issuer_text: str | None,
        context: str,
    ) -> Resolution:
        """Resolve one mention. ``name`` is the cleaned mention, ``context`` its item text."""
        named = issuer_ids
        issuer_ids = self._with_families(issuer_ids)
        if candidates and how == "case" and self._other_issuer(text, candidates, issuer_ids, issuer_text):
            candidates = []  # an acronym whose stated issuer is someone else: not this credential
        if candidates:
            cid = self.pick(candidates, issuer_ids, context)
            if how == "enum":
                method, rule = "pattern", "enumeration"
            else:
                method, rule = self.method_for(text, cid)
            return self._resolved(cid, method, 1.0, rule)
        hits = self.catalog.lookup(name, "credential")
        if hits:
            cid = self.pick([h.id for h in hits], issuer_ids, context)
            method, rule = self.method_for(name, cid)
            return self._resolved(cid, method, 1.0, rule)
        fz = self.fuzzy_within(name, issuer_ids) or self.fuzzy(name)
        if fz is not None:
            cid, score = fz
            cred_issuer = self.catalog.credentials[cid].issuer_id
            stated_other = (issuer_ids and cred_issuer not in issuer_ids) or (issuer_text and not issuer_ids)
            if not stated_other:
                return self._resolved(cid, "fuzzy", score, "token_set_ratio")
        iid, iname, known = self.issuer(named, issuer_text, context)
        return Resolution(None, "none", 0.0, "unresolved", iid, iname, known)

    def _with_families(self, issuer_ids: list[str]) -> list[str]:
        """The issuers named, plus the family of each licensing board among them: the "Texas Real
        Estate Commission" issues what the catalog files under "State Real Estate Commissions"."""
        families = [self.catalog.issuers[i].board_of for i in issuer_ids if self.catalog.issuers[i].board_of]
        return list(dict.fromkeys([*issuer_ids, *(f for f in families if f)]))

    def _other_issuer(
        self, text: str, candidates: list[str], issuer_ids: list[str], issuer_text: str | None
    ) -> bool:
        """The item names an issuer that cannot have issued this acronym's credential."""
        issuers = {self.catalog.credentials[c].issuer_id for c in candidates}
        if issuer_ids:
            return not issuers & set(issuer_ids)
        weak = all(text.strip() in self.catalog.credentials[c].weak_acronyms for c in candidates)
        return weak and issuer_text is not None and not self.catalog.lookup(issuer_text, "issuer")

    def _resolved(self, cid: str, method: str, score: float, rule: str) -> Resolution:
        cred = self.catalog.credentials[cid]
        issuer = self.catalog.issuers[cred.issuer_id]
        return Resolution(cid, method, score, rule, issuer.id, issuer.name, True)
