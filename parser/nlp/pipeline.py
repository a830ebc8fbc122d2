"""The spaCy pipeline: a blank English tokenizer plus a catalog ruler component.

The ruler holds two PhraseMatchers built from the catalog: names and aliases on ``NORM``
(lower case, with every dash normalised to '-' and '&' to 'and'), and acronyms and exam
codes on ``ORTH`` (case-sensitive, so "PE" is not "pe"). Each match becomes a span in
``doc.spans["catalog"]`` whose ``label_`` is CREDENTIAL or ISSUER and whose ``id_`` is the
catalog id, so a match already knows its catalog key.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..catalog.store import Catalog

_CATALOGS: dict[str, Catalog] = {}
_DASH_NORMS = {"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "&": "and", "’": "'"}


def _variants(text: str) -> set[str]:
    """Surface variants of an alias: as written, and without its dashes."""
    out = {text}
    no_dash = re.sub(r"\s*[–—-]\s*", " ", text)
    out.add(re.sub(r"\s+", " ", no_dash).strip())
    return {v for v in out if v}


class CatalogRuler:
    """Marks every catalog name, alias, acronym and exam code in a document."""

    def __init__(self, nlp: Language, catalog: Catalog) -> None:
        self.loose = PhraseMatcher(nlp.vocab, attr="NORM")
        self.strict = PhraseMatcher(nlp.vocab, attr="ORTH")
        loose: dict[tuple[str, str], set[str]] = {}
        strict: dict[tuple[str, str], set[str]] = {}
        for text, label, id_, case_sensitive in catalog.phrases():
            table = strict if case_sensitive else loose
            table.setdefault((label, id_), set()).update(_variants(text) if not case_sensitive else {text})
        for table, matcher in ((loose, self.loose), (strict, self.strict)):
            keys = list(table)
            texts = [t for k in keys for t in sorted(table[k])]
            docs = iter(nlp.tokenizer.pipe(texts))  # type: ignore[union-attr]
            for label, id_ in keys:
                patterns = [next(docs) for _ in table[(label, id_)]]
                matcher.add(f"{label}|{id_}", patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        for matcher, how in ((self.loose, "norm"), (self.strict, "case")):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                label, id_ = key.split("|", 1)
                spans.append(Span(doc, start, end, label=label, span_id=id_, kb_id=how))
        doc.spans["catalog"] = spans
        return doc


@Language.factory("credparse_catalog_ruler", default_config={"catalog_key": ""})
def make_catalog_ruler(nlp: Language, name: str, catalog_key: str) -> CatalogRuler:
    return CatalogRuler(nlp, _CATALOGS[catalog_key])


_BUILT: dict[str, Language] = {}


def build_nlp(catalog: Catalog) -> Language:
    """A blank English pipeline with the catalog ruler; no model download.

    Built once per catalog version and process: every parser in a worker shares it.
    """
    if catalog.version in _BUILT:
        return _BUILT[catalog.version]
    nlp = spacy.blank("en")
    for text, norm_ in _DASH_NORMS.items():
        nlp.vocab[text].norm_ = norm_
    _CATALOGS[catalog.version] = catalog
    nlp.add_pipe("credparse_catalog_ruler", config={"catalog_key": catalog.version})
    _BUILT[catalog.version] = nlp
    return nlp
