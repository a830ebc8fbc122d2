"""Credential phrases in free text: list parts that carry a credential word.

Outside a credentials section, résumés list credentials in skill lists ("TRX Certified
Trainer, Rowing Certified Trainer"), education lines ("Pilates Instruction certificate")
and highlights ("Basic Vocational Certificate: Pastry Assistant"). Every short part of a list-like
line that holds a credential word (``patterns/cues.yaml``) becomes a candidate; the decision
stage (``decide.py``) weighs it like any other. Sentences are left to the cue phrases.
"""

from __future__ import annotations

import re

from .items import has_credential_word, strip_bullet
from .rules import Rules

_SEP = re.compile(r"\s*(?:[,;|•·*]|\s[–—-]\s|\(|\)|(?<=[A-Za-z)][A-Za-z)])\.\s+(?=[A-Z]))\s*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
_NEXT_CREDENTIAL = re.compile(
    r"(?<=\S )(?:(?:Certificate|Certification|Diploma|License|Licence)\s+(?:in|of)\b|Certified\s+(?=[A-Z]))"
)
# a credential noun that ends a name, then the next name: "… Certificate | Single Engine … Rating"
_AFTER_NOUN = re.compile(
    r"\b(?:Certificate|Certification|License|Licence|Rating|Endorsement)\s+"
    r"(?P<next>(?!(?:Program|Programme|Number|No|ID|Holder|Course|In|Of|Issued|Expires|Valid|Renewal|Exam)\b)[A-Z])"
)
_NOUN_END = re.compile(
    r"\b(?:Certificate|Certification|Certified|Diploma|License|Licence|Rating|Endorsement)\b"
)
_JOIN = re.compile(r"\s*(?:&|/|\band\b)\s*")
_NUMBERED = re.compile(r"(?:certificate|diploma|level)\s+[IVX\d]", re.I)  # "certificate 4 & 5"
_MAX_WORDS = 12
_LIST_LINE_WORDS = 16


def parts(text: str) -> list[tuple[int, int]]:
    """(start, end) of the parts of a line, split at list separators and sentence ends."""
    out = []
    pos = 0
    for m in _SEP.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [piece for a, b in out if text[a:b].strip() for piece in unglue(text, a, b)]


def split_cards(text: str, a: int, b: int, rules: Rules) -> list[tuple[int, int]]:
    """ "CPR & First Aid Training", "CPR/AED/First Aid Card": one card per piece."""
    pieces = []
    for m in _JOIN.finditer(text, a, b):
        left = text[a : m.start()].strip()
        if rules.card.fullmatch(left) and rules.card.match(text, m.end()):
            pieces.append((a, m.start()))
            a = m.end()
    pieces.append((a, b))
    return pieces


def unglue(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Credentials a PDF ran together: "Certificate in X Certificate in Y", "… Certified A Certified B",
    "Private Pilot Certificate Instrument Certificate Single Engine Commercial Rating"."""
    cuts = [m.start() for m in _NEXT_CREDENTIAL.finditer(text, a, b)]
    cuts += [
        m.start("next")
        for m in _AFTER_NOUN.finditer(text, a, b)
        if _NOUN_END.search(text, m.start("next"), b)
    ]
    out = []
    for cut in sorted(set(cuts)):
        if cut > a and _NOUN_END.search(text, a, cut):
            out.append((a, cut))
            a = cut
    out.append((a, b))
    return out


def credential_phrases(text: str, rules: Rules) -> list[tuple[int, int]]:
    """Offsets in ``text`` (one line) of the parts that read as credential names."""
    if not has_credential_word(text, rules) and not rules.card.search(text):
        return []  # every part needs one of the two: most lines end here, unsplit
    words = text.split()
    listed = (
        len(words) <= _LIST_LINE_WORDS
        or len(re.findall(r"[,;•|*]", text)) >= 2
        or len(_NEXT_CREDENTIAL.findall(text)) >= 2  # "Certificate in A Certificate in B …"
    )
    if not listed:
        return []
    out = []
    found = [piece for a, b in parts(text) for piece in split_cards(text, a, b, rules)]
    for k, (a, b) in enumerate(found):
        part = text[a:b]
        body = strip_bullet(part)
        if not body or len(body.split()) > _MAX_WORDS:
            continue
        if not has_credential_word(body, rules):
            cards = list(rules.card.finditer(body))
            if not cards or re.search(r"\b[a-z]{3,}\b", body[cards[-1].end() :]):
                continue  # "BLS transports and transfers": the card names a kind of work here
        if not (body[0].isupper() or body[0].isdigit() or _NUMBERED.match(body)):
            continue  # "marriage certifications", "and license cost savings": prose, not a name
        a += part.find(body)
        if k and _ACRONYM.fullmatch(text[found[k - 1][0] : found[k - 1][1]].strip()):
            if re.fullmatch(r"\s[–—-]\s", text[found[k - 1][1] : a]):
                a = found[k - 1][0]  # "ACE - Yoga Certification": the body and its credential
        out.append((a, a + len(body.rstrip(" .:;,"))))
    return out
