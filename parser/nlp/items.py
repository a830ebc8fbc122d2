"""Group the lines of a credentials section into items.

A LinkedIn-style entry is a title line, an issuer line, then attribute lines (dates,
"Credential ID …", a "Show credential" link); a list entry is one line; a group line
("Cisco") above bullet items is their issuer. Each item keeps its line indices so later
stages read its dates, IDs, links and status words from the whole item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document
from .dates import date_rules
from .rules import Rules

BULLET = re.compile(r"^[\s•·▪◦●○■□►▸➢✓✔\-*–—+]+\s*")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.I)
_IDLIKE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{6,}\b|\b\d[\d\s-]{3,}\b")
_LEFTOVER = re.compile(r"[\W\d_]+")
_ATTR_WORDS = re.compile(
    r"\b(issued|issue|expires?|expiration|expiry|date|no|credential|certificate|license|licence|id|number|"
    r"show|see|view|verify|verification|url|link|valid|through|until|from|since|present|exp|renewal|"
    r"ausgestellt|gültig|bis|obtenu|délivré|expire|emitido|válido|hasta|vence|rilasciato|scadenza|geldig|tot|"
    r"number|nr|nº|n°|de|le|la|el|on|in|am|at|badge|issuer|issuing|organization|organisation|passed|parts?|score|"
    r"credly|accredible|acclaim|badgr|digital|public|profile|certification|certificate|code|"
    r"brokercheck|nursys|cpaverify|registry|lookup|crd)\b",
    re.I,
)


@dataclass
class Item:
    """One credential entry of a credentials section."""

    title: list[int] = field(default_factory=list)  # line indices
    attrs: list[int] = field(default_factory=list)
    issuer_line: int | None = None
    group_line: int | None = None

    @property
    def lines(self) -> list[int]:
        extra = [self.issuer_line] if self.issuer_line is not None else []
        return sorted([*self.title, *extra, *self.attrs])


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def is_attribute(text: str, rules: Rules) -> bool:
    """True for lines that only carry dates, IDs, links or status words."""
    body = strip_bullet(text)
    if not body:
        return False
    if any(rx.search(body) for rx in rules.not_items):
        return True
    body = URL.sub(" ", body)
    body = rules.id_re.sub(" ", body)
    body = date_rules().one.sub(" ", body)
    body = _IDLIKE.sub(" ", body)
    body = rules.trigger_any.sub(" ", body)
    body = _ATTR_WORDS.sub(" ", body)
    return len(_LEFTOVER.sub("", body)) < 2


def _words(text: str) -> list[str]:
    return re.findall(r"[\w+#.]+", text.lower())


def has_credential_word(text: str, rules: Rules) -> bool:
    return bool(rules.credential_word.search(text))


def looks_like_issuer(text: str, rules: Rules, issuer_cover: float, has_credential_span: bool) -> bool:
    """An organisation name on its own line (known issuer, or words like Inc., Institute)."""
    if has_credential_span:
        return False
    body = strip_bullet(text)
    if body != text.strip() or date_rules().one.search(body):
        return False  # a bullet or a date marks an entry, not an organisation line
    if issuer_cover >= 0.7:
        return True
    if re.fullmatch(r"[^()]*\w[^()]*\([^()]+\)", body):
        return False  # "Change Management Foundation (APMG International)": an entry and its issuer
    words = _words(body)
    if not words or len(words) > 8 or has_credential_word(body, rules):
        return False
    return any(w.rstrip(".") in rules.org_words for w in words)


def group_items(
    doc: Document,
    line_ids: list[int],
    rules: Rules,
    issuer_cover: dict[int, float],
    credential_lines: set[int],
    without_issuer: dict[int, str] | None = None,
    continued: set[int] | None = None,
) -> list[Item]:
    """Items of one credentials section, from its line indices in document order."""
    without_issuer = without_issuer or {}
    items: list[Item] = []
    current: Item | None = None
    group: int | None = None
    groups: list[int] = []
    prev_kind = "blank"
    for i in line_ids:
        text = doc.lines[i].text
        body = strip_bullet(text)
        if continued and i in continued and current is not None:
            current.attrs.append(i)  # the rest of a name wrapped from the line above
            prev_kind = "attr"
            continue
        if not body:
            if prev_kind != "group":
                group = None
            current, prev_kind = None, "blank"
            continue
        if is_attribute(body, rules) or (
            current is not None and prev_kind == "title" and body.startswith("(")
        ):
            if current is not None:
                current.attrs.append(i)  # dates, IDs, links — or "(CPA), Illinois — License No. …"
            prev_kind = "attr"
            continue
        cover = issuer_cover.get(i, 0.0)
        if (
            current is not None
            and cover > 0
            and i in without_issuer
            and is_attribute(without_issuer[i], rules)
        ):
            # "ISC2 · 2021 · Verify": the issuer plus attributes of the entry above
            if current.issuer_line is None:
                current.issuer_line = i
            else:
                current.attrs.append(i)
            prev_kind = "attr"
            continue
        if looks_like_issuer(body, rules, cover, i in credential_lines):
            if current is not None and prev_kind == "title" and current.issuer_line is None:
                current.issuer_line = i
                prev_kind = "issuer"
                continue
            group, current, prev_kind = i, None, "group"
            groups.append(i)
            continue
        bulleted = body != text.strip()
        if (
            current is not None
            and prev_kind == "title"
            and not bulleted
            and i not in credential_lines
            and len(body.split()) <= 6
            and not has_credential_word(body, rules)
            and _next_is_attribute(doc, line_ids, i, rules)
        ):
            current.issuer_line = i  # an unknown issuer in LinkedIn layout
            prev_kind = "issuer"
            continue
        if group is not None and not (bulleted or _indent(doc, i) > _indent(doc, group) + 2):
            group = None
        current = Item(title=[i], group_line=group)
        items.append(current)
        prev_kind = "title"
    return _entries_under_a_body(items, groups, without_issuer)


def _entries_under_a_body(items: list[Item], groups: list[int], without_issuer: dict[int, str]) -> list[Item]:
    """A line taken for a body heading that no entry follows is an entry that names its body:
    "Sales Agent, Texas Real Estate Commission (TREC) – 784512" is a licence, not a heading."""
    headed = {item.group_line for item in items}
    alone = [
        Item(title=[g])
        for g in groups
        if g not in headed and len(re.findall(r"[^\W\d_]{3,}", without_issuer.get(g, ""))) >= 1
    ]
    return sorted(items + alone, key=lambda item: item.lines[0]) if alone else items


def _next_is_attribute(doc: Document, line_ids: list[int], i: int, rules: Rules) -> bool:
    pos = line_ids.index(i)
    if pos + 1 >= len(line_ids):
        return False
    return is_attribute(doc.lines[line_ids[pos + 1]].text, rules)


def _indent(doc: Document, i: int) -> float:
    line = doc.lines[i]
    if line.x0 is not None:
        return line.x0
    return float(len(line.text) - len(line.text.lstrip()))
