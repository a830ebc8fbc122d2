"""The spaCy pipeline: a blank English tokenizer plus a catalog ruler component.

The ruler matches catalog phrases on token sequences, the way spaCy's ``PhraseMatcher``
does: names and aliases on ``NORM`` (lower case, every dash normalised to '-' and '&' to
'and'), acronyms and exam codes on ``ORTH`` (case-sensitive, so "PE" is not "pe"). Each
match becomes a span in ``doc.spans["catalog"]`` whose ``label_`` is CREDENTIAL or ISSUER
and whose ``id_`` is the catalog id, so a match already knows its catalog key.

The phrases are kept in a token trie rather than a ``PhraseMatcher`` because the trie can
be cached on disk (keyed by the catalog hash and the spaCy version): rebuilding matchers
for ~20,000 phrases costs about two seconds per process, loading the cached trie a few
tens of milliseconds. Trie keys are spaCy's 64-bit string hashes (stable across processes),
so a document's NORM and ORTH columns come out of ``Doc.to_array`` in one call each, without
building a ``Token`` object per token.
"""

from __future__ import annotations

import os
import pickle
import re
from typing import Any

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..catalog.store import Catalog, cache_dir, no_gc

_CATALOGS: dict[str, Catalog] = {}
_DASH_NORMS = {"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "&": "and", "’": "'"}
_END = -1  # trie key holding the (label, id) pairs that end at a node; never a token hash

Trie = dict[int, Any]
_TRIE_FORMAT = "h1"  # part of the cache file name: bump when the trie's shape changes


def _variants(text: str) -> set[str]:
    """Surface variants of an alias: as written, and without its dashes."""
    out = {text}
    no_dash = re.sub(r"\s*[–—-]\s*", " ", text)
    out.add(re.sub(r"\s+", " ", no_dash).strip())
    return {v for v in out if v}


def _insert(trie: Trie, tokens: list[int], value: tuple[str, str]) -> None:
    node = trie
    for tok in tokens:
        node = node.setdefault(tok, {})
    ends = node.setdefault(_END, [])
    if value not in ends:
        ends.append(value)


def build_tries(nlp: Language, catalog: Catalog) -> tuple[Trie, Trie]:
    """(loose, strict) tries of every catalog phrase, tokenized by ``nlp``'s tokenizer."""
    loose: Trie = {}
    strict: Trie = {}
    items: list[tuple[str, tuple[str, str], bool]] = []
    for text, label, id_, case_sensitive in catalog.phrases():
        for variant in sorted({text} if case_sensitive else _variants(text)):
            items.append((variant, (label, id_), case_sensitive))
    docs = nlp.tokenizer.pipe([t for t, _, _ in items])  # type: ignore[union-attr]
    for (_, value, case_sensitive), doc in zip(items, docs):
        if case_sensitive:
            _insert(strict, [t.orth for t in doc if not t.is_space], value)
        else:
            _insert(loose, [t.norm for t in doc if not t.is_space], value)
    return loose, strict


def _cached_tries(nlp: Language, catalog: Catalog) -> tuple[Trie, Trie]:
    folder = cache_dir()
    name = f"matcher-{_TRIE_FORMAT}-{catalog.version}-spacy{spacy.__version__}.pickle"
    path = folder / name if folder else None
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh, no_gc():
                loaded = pickle.load(fh)  # noqa: S301 - our own cache, keyed by the catalog hash
            if isinstance(loaded, tuple) and len(loaded) == 2:
                return loaded
        except Exception:  # a damaged cache is rebuilt
            pass
    tries = build_tries(nlp, catalog)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(tries, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass
    return tries


def _matches(tokens: list[int], trie: Trie) -> list[tuple[int, int, tuple[str, str]]]:
    """Every (start, end, value) where a trie phrase matches ``tokens``, like PhraseMatcher."""
    out = []
    for i in range(len(tokens)):
        node = trie.get(tokens[i])
        j = i + 1
        while node is not None:
            for value in node.get(_END, ()):
                out.append((i, j, value))
            if j >= len(tokens):
                break
            node = node.get(tokens[j])
            j += 1
    return out


class CatalogRuler:
    """Marks every catalog name, alias, acronym and exam code in a document."""

    def __init__(self, nlp: Language, catalog: Catalog) -> None:
        self.loose, self.strict = _cached_tries(nlp, catalog)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        norms = doc.to_array(NORM).tolist()
        orths = doc.to_array(ORTH).tolist()
        for tokens, trie, how in ((norms, self.loose, "norm"), (orths, self.strict, "case")):
            for start, end, (label, id_) in _matches(tokens, trie):
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
