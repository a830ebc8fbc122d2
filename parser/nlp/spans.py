"""The plain objects of mention finding: catalog spans and mentions, and the catalog ruler's
matches turned into character spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .sections import SectionInfo


@dataclass
class Span_:
    start: int  # document offsets
    end: int
    label: str  # CREDENTIAL | ISSUER
    ids: list[str]
    how: str  # norm | case


@dataclass
class Mention:
    """A credential claim found in the text, before resolution and verification."""

    start: int
    end: int
    text: str
    line: int
    section: SectionInfo
    in_section: bool
    candidates: list[str] = field(default_factory=list)  # catalog credential ids
    how: str = "none"  # norm | case | enum | cue | item
    issuer_text: str | None = None
    issuer_ids: list[str] = field(default_factory=list)
    item_lines: list[int] = field(default_factory=list)


def catalog_spans(nlp_doc: Doc) -> list[Span_]:
    """Catalog matches as character spans; contained and overlapping shorter ones dropped."""
    merged: dict[tuple[int, int, str], Span_] = {}
    for span in nlp_doc.spans.get("catalog", []):
        key = (span.start_char, span.end_char, span.label_)
        hit = merged.setdefault(key, Span_(span.start_char, span.end_char, span.label_, [], span.kb_id_))
        if span.id_ not in hit.ids:
            hit.ids.append(span.id_)
        if span.kb_id_ == "norm":
            hit.how = "norm"
    spans = sorted(merged.values(), key=lambda s: (s.start, -(s.end - s.start), s.label != "CREDENTIAL"))
    # One sweep in start order; every kept span starts at or before the current one ``s``, so
    # "a longer kept span contains s" is "a kept span ends after s, or ends with s and starts
    # before it", and "a kept span of s's label overlaps s" is "one ends after s starts". The
    # largest kept end per label, and the smallest kept start per (label, end), answer both in
    # O(1): linear after the sort (25,000 matches of "AWS AWS ..." took 40 s comparing each
    # span with every kept one).
    kept: list[Span_] = []
    last_end: dict[str, int] = {}  # label -> the largest end of a kept span
    first_start: dict[tuple[str, int], int] = {}  # (label, end) -> the smallest start of a kept span
    for s in spans:
        # a kept span contains s and is longer: any label contains an ISSUER, only a CREDENTIAL a CREDENTIAL
        outer = list(last_end) if s.label == "ISSUER" else ["CREDENTIAL"]
        if any(
            last_end.get(label, -1) > s.end or first_start.get((label, s.end), s.start) < s.start
            for label in outer
        ):
            continue
        if last_end.get(s.label, -1) > s.start:  # overlaps a kept span of its own label
            continue
        kept.append(s)
        last_end[s.label] = max(last_end.get(s.label, -1), s.end)
        first_start[s.label, s.end] = min(first_start.get((s.label, s.end), s.start), s.start)
    return kept


def overlap(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per credential in a line: "Professional in Human Resources (PHR)" is one."""
    out: list[Mention] = []
    for m in mentions:
        if m.candidates and any(set(m.candidates) == set(o.candidates) for o in out):
            continue
        out.append(m)
    return out
