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

The tokenizer is handed a bounded copy of the text (:func:`tokenizable`): spaCy strips a
token's prefixes and suffixes one at a time and searches the whole rest of the token again
after each, so a run of punctuation without whitespace costs time quadratic in its length (a
20 KB line of "(" took 42 s). The copy has the same length, so the offsets of tokens and
catalog spans are offsets into the document's own text.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from typing import Any

import spacy
from spacy.attrs import NORM, ORTH
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc, Span

from .. import cache as compiled
from ..catalog.store import Catalog, cache_key

_CATALOGS: dict[str, Catalog] = {}
_DASH_NORMS = {"–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "&": "and", "’": "'"}
_END = -1  # trie key holding the (label, id) pairs that end at a node; never a token hash

Trie = dict[int, Any]

#: The longest run of non-whitespace characters handed to spaCy's tokenizer. Longer runs are
#: broken with spaces, so tokenizing costs at most about MAX_RUN steps per character. The
#: longest run in the samples and test résumés is a 79-character URL.
MAX_RUN = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
#: spaCy's own limit (1,000,000 characters) guards the memory of parser and NER models, which
#: this pipeline has none of; the readers' ``max_chars`` limit bounds the text instead.
_MAX_LENGTH = 100_000_000


def _break_run(match: re.Match[str]) -> str:
    """A long run with a space every MAX_RUN characters at most: at the last character that is
    not a letter or digit in the second half of each stretch (a word stays whole), else at its end."""
    run = list(match.group())
    pos = 0
    while len(run) - pos > MAX_RUN:
        cut = pos + MAX_RUN
        for i in range(pos + MAX_RUN, pos + MAX_RUN // 2, -1):
            if not run[i].isalnum():
                cut = i
                break
        run[cut] = " "
        pos = cut + 1
    return "".join(run)


def tokenizable(text: str) -> str:
    """``text`` as the tokenizer is given it: every run of more than :data:`MAX_RUN` characters
    without whitespace broken by spaces, so that tokenizing is linear in the length.

    Characters are replaced one for one (never inserted or removed), so the result has the
    same length and every token's offsets are offsets into ``text``; text without such runs
    (every résumé in the samples) comes back unchanged.
    """
    if _LONG_RUN.search(text) is None:
        return text
    return _LONG_RUN.sub(_break_run, text)


class BoundedTokenizer:
    """spaCy's tokenizer, called on :func:`tokenizable` text (``nlp.tokenizer`` of :func:`build_nlp`)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(tokenizable(text))

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        return self.tokenizer.pipe((tokenizable(t) for t in texts), batch_size=batch_size)

    def __getattr__(self, name: str) -> Any:  # vocab, explain, to_bytes ...: spaCy's tokenizer
        return getattr(self.tokenizer, name)


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


@cache
def _abbreviations() -> dict[str, str]:
    """``cues.yaml``'s name abbreviations as written, in lower and in upper case: one token
    each, whose NORM is the word it stands for ("Dept." → "department")."""
    from .rules import load_rules

    out: dict[str, str] = {}
    for text, word in load_rules().cues.name_abbreviations.items():
        for form in (text, text.lower(), text.upper()):
            out.setdefault(form, word.lower())
    return out


def _cached_tries(nlp: Language, catalog: Catalog) -> tuple[Trie, Trie]:
    words = ",".join(f"{k}={v}" for k, v in sorted(_abbreviations().items()))
    code = compiled.code_digest(__file__) + hashlib.sha256(words.encode()).hexdigest()[:6]
    key = f"{cache_key(catalog.version)}-spacy{spacy.__version__}-{code}"
    loaded = compiled.load("matcher", key)
    if isinstance(loaded, tuple) and len(loaded) == 2:
        return loaded
    tries = build_tries(nlp, catalog)
    compiled.store("matcher", key, tries)
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


#: French elisions split off a word, so "l'OHDQ" and "d'Ontario" hold the names they elide.
_ELISIONS = [
    rf"{letter}{apostrophe}(?=\w)" for letter in ("l", "L", "d", "D", "qu", "Qu") for apostrophe in ("'", "’")
]
#: An English tokenizer exception that is a word with apostrophes ("don't", "I'm") or a
#: contraction written without them ("dont", "Id", "Wed", "Ill"). See :class:`ResumeEnglish`.
_CONTRACTION = re.compile(r"^[^\W\d_'’‘]+(?:['’‘][^\W\d_'’‘]*)*$|^['’‘][^\W\d_]+$")


class _ResumeDefaults(English.Defaults):  # type: ignore[misc,valid-type]
    tokenizer_exceptions = {
        text: tokens
        for text, tokens in English.Defaults.tokenizer_exceptions.items()
        if not _CONTRACTION.match(text)
    }
    prefixes = [*_ELISIONS, *(English.Defaults.prefixes or [])]


class ResumeEnglish(English):  # type: ignore[misc]
    """spaCy's English with the tokenizer exceptions a résumé needs: abbreviations with periods
    ("Inc.", "Ph.D.", "N.Y."), whitespace, "C++", "and/or", emoticons. French elisions are
    prefixes ("l'", "d'"), so "membre de l'OHDQ" names the OHDQ.

    Why: the other three quarters of English's 1,347 exceptions are contractions ("don't",
    "you'll've") and their apostrophe-less spellings, which split "Wed" into "We" "d" and "Id"
    into "I" "d" and are no part of a credential. Adding each exception costs the tokenizer a
    lexeme and a validation pass: about 80 ms of every start-up, a tenth of ``credparse parse``.
    """

    Defaults = _ResumeDefaults


_BUILT: dict[str, Language] = {}


def build_nlp(catalog: Catalog) -> Language:
    """A blank English pipeline (:class:`ResumeEnglish`) with the catalog ruler; no model download.

    Built once per catalog version and process: every parser in a worker shares it. Its
    tokenizer is a :class:`BoundedTokenizer`: ``nlp(text)`` tokenizes :func:`tokenizable`
    text (same length as ``text``, so span offsets are offsets into ``text``).
    """
    if catalog.version in _BUILT:
        return _BUILT[catalog.version]
    nlp = ResumeEnglish()
    tokenizer: Any = nlp.tokenizer
    for text, word in _abbreviations().items():
        tokenizer.add_special_case(text, [{ORTH: text, NORM: word}])
    for text, norm_ in _DASH_NORMS.items():
        nlp.vocab[text].norm_ = norm_
    _CATALOGS[catalog.version] = catalog
    nlp.add_pipe("credparse_catalog_ruler", config={"catalog_key": catalog.version})
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # type: ignore[assignment]
    nlp.max_length = _MAX_LENGTH
    _BUILT[catalog.version] = nlp
    return nlp
