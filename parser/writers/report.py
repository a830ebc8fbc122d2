"""A self-contained HTML report for recruiters: one card per candidate, credentials grouped
by verification level, filters by level / issuer / status, a summary at the top.

What needs attention comes first: résumés with a suspicious or invalid credential or an unread
file lead, and within a card the suspicious group leads, its reasons shown without a click. A
distrusted link is shown as its host, never offered as "verify". A licence look-up is a link
beside the number to type there.

Résumé text is untrusted: every value is HTML-escaped, links are emitted only for http(s)
URLs (with ``rel="noopener noreferrer"``), and a Content-Security-Policy with a per-page
nonce lets only the page's own inline style and script run. The level is shown by colour,
an icon and its name, so it reads without colour too.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import Any

from ..hosts import hostname
from ..reading import WORDS, reading
from .common import ATTENTION_ORDER, DISTRUSTED, LEVELS, as_dict, safe_url
from .report_assets import CSS, JS

ICONS = {"verified": "✔", "verifiable": "↗", "unverifiable": "○", "suspicious": "⚠", "invalid": "✖"}
STATUS_WORDS = {"earned": "earned", "in_progress": "in progress", "expired": "expired"}


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _level_tag(level: str) -> str:
    words = LEVELS.get(level, ("", level))[1]
    return (
        f'<span class="level lvl-{_e(level)}" title="{_e(words)}">'
        f'<span aria-hidden="true">{ICONS.get(level, "")}</span> {_e(level.capitalize())}</span>'
    )


def _level_css() -> str:
    # Classes, not style attributes: the page's CSP allows only its own nonce'd style block.
    return "".join(f".lvl-{level}{{background:{colour}}}" for level, (colour, _) in LEVELS.items())


def _facts(cred: dict[str, Any], issuer: str, status: str) -> list[str]:
    facts = [_e(issuer), _e(STATUS_WORDS.get(status, status))]
    if cred.get("jurisdiction"):
        facts.insert(1, _e(cred["jurisdiction"]))
    for field, word in (("issued", "issued"), ("expected", "expected"), ("expires", "expires")):
        if cred.get(field):
            facts.append(f"{word} {_e(cred[field])}")
    if cred.get("credential_id"):
        facts.append(f"ID {_e(cred['credential_id'])}")
    return facts


def _handles(cred: dict[str, Any], level: str) -> str:
    """The credential's link and look-up. A distrusted link is shown as its host, never as a link."""
    out = []
    url = safe_url(cred.get("url"))
    if url and level in DISTRUSTED:
        out.append(f' <span class="host">link to {_e(hostname(url))} (not opened: see why)</span>')
    elif url:
        out.append(f' <a href="{_e(url)}" rel="noopener noreferrer nofollow" target="_blank">verify ↗</a>')
    lookup = (cred.get("verification") or {}).get("lookup") or {}
    where = safe_url(lookup.get("url"))
    if where and level not in DISTRUSTED:
        number = f" for <code>{_e(lookup['number'])}</code>" if lookup.get("number") else ""
        out.append(
            f' <a class="lookup" href="{_e(where)}" rel="noopener noreferrer nofollow" target="_blank">'
            f'look up ↗</a><span class="facts"> on {_e(lookup.get("name"))}{number}</span>'
        )
    return "".join(out)


def _credential(cred: dict[str, Any]) -> str:
    issuer = (cred.get("issuer") or {}).get("name") or "unknown issuer"
    status = cred.get("status") or ""
    level = (cred.get("verification") or {}).get("level", "unverifiable")
    reasons = [_e(r) for r in (cred.get("verification") or {}).get("reasons") or []]
    if level in DISTRUSTED:  # what needs attention is read without a click
        why = f'<ul class="warn">{"".join(f"<li>{r}</li>" for r in reasons)}</ul>' if reasons else ""
    else:
        items = "".join(f"<li>{r}</li>" for r in reasons)
        why = f"<details><summary>Why this level</summary><ul>{items}</ul></details>" if reasons else ""
    return (
        f'<li class="cred" data-level="{_e(level)}" data-issuer="{_e(issuer)}" data-status="{_e(status)}">'
        f"<strong>{_e(cred.get('name'))}</strong>{_handles(cred, level)}"
        f'<div class="facts">{" · ".join(_facts(cred, issuer, status))}</div>{why}</li>'
    )


def _attention(profile: dict[str, Any]) -> int:
    """0 for a résumé a recruiter must look at first (a distrusted credential, an unread file)."""
    levels = {(c.get("verification") or {}).get("level") for c in profile.get("credentials") or []}
    return 0 if levels & set(DISTRUSTED) or reading(profile) in ("error", "scanned") else 1


def _card(profile: dict[str, Any]) -> str:
    cand = profile.get("candidate") or {}
    source = profile.get("source") or {}
    name = cand.get("name") or "(name not found)"
    meta = [_e(source.get("file"))] + [_e(e) for e in (cand.get("emails") or [])[:2]]
    parts = [f'<article class="card"><h2>{_e(name)}</h2><p class="meta">{" · ".join(meta)}</p>']
    error = profile.get("error")
    outcome = reading(profile)
    if error:
        parts.append(
            f'<p class="error">Could not read this file: {_e(error.get("code"))}: {_e(error.get("message"))}</p>'
        )
    elif outcome == "scanned":
        parts.append(
            f'<p class="error">{_e(WORDS["scanned"].capitalize())} No text could be read from this file, '
            "so its credentials are unknown, not absent.</p>"
        )
    elif outcome == "ocr":
        parts.append(f'<p class="meta">{_e(WORDS["ocr"].capitalize())}: check names against the file.</p>')
    creds = profile.get("credentials") or []
    if not creds and outcome in ("ok", "ocr"):
        parts.append("<p>No credentials found.</p>")
    for level in ATTENTION_ORDER:
        group = [c for c in creds if (c.get("verification") or {}).get("level") == level]
        if group:
            items = "".join(_credential(c) for c in group)
            parts.append(
                f'<section class="group" data-level="{level}"><h3>{_level_tag(level)} '
                f"<span>({len(group)})</span></h3><ul>{items}</ul></section>"
            )
    parts.append("</article>")
    return "".join(parts)


def _options(label: str, ident: str, values: Iterable[str], words: dict[str, str] | None = None) -> str:
    opts = "".join(f'<option value="{_e(v)}">{_e((words or {}).get(v, v))}</option>' for v in values)
    return f'<label for="{ident}">{label}<select id="{ident}"><option value="">All</option>{opts}</select></label>'


def render_report(profiles: Iterable[Any], title: str = "Credential report") -> str:
    """The report page for ``profiles`` (CandidateProfile objects or their JSON dicts)."""
    items = [as_dict(p) for p in profiles]
    creds = [c for p in items for c in p.get("credentials") or []]
    levels = Counter((c.get("verification") or {}).get("level") for c in creds)
    issuers = sorted({(c.get("issuer") or {}).get("name") or "unknown issuer" for c in creds}, key=str.lower)
    statuses = [s for s in STATUS_WORDS if any(c.get("status") == s for c in creds)]
    outcomes = Counter(reading(p) for p in items)
    nonce = secrets.token_urlsafe(16)
    csp = f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'"
    summary = [f"<li><b>{len(items)}</b>résumés</li>", f"<li><b>{len(creds)}</b>credentials</li>"]
    summary += [f"<li><b>{levels.get(lv, 0)}</b>{_level_tag(lv)}</li>" for lv in ATTENTION_ORDER]
    summary += [f"<li><b>{outcomes[o]}</b>{_e(WORDS[o])}</li>" for o in ("ocr", "scanned") if outcomes[o]]
    summary.append(f"<li><b>{outcomes['error']}</b>unreadable files</li>")
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    filters = (
        '<form id="filters" class="filters" role="search" aria-label="Filter credentials" hidden>'
        + _options(
            "Level", "f-level", [lv for lv in LEVELS if levels.get(lv)], {k: v[1] for k, v in LEVELS.items()}
        )
        + _options("Issuer", "f-issuer", issuers)
        + _options("Status", "f-status", statuses, STATUS_WORDS)
        + '<output id="shown" aria-live="polite"></output></form>'
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="referrer" content="no-referrer"><title>{_e(title)}</title>'
        f'<style nonce="{nonce}">{CSS}{_level_css()}</style></head><body>'
        f'<header><h1>{_e(title)}</h1><p class="sub">Generated by credparse on {stamp}. '
        "Levels: verified = proof checked; verifiable = a link or ID to check; unverifiable = no "
        "handle; suspicious = handle contradicts the claim; invalid = proof failed.</p>"
        f'<ul class="summary" aria-label="Summary">{"".join(summary)}</ul>{filters}</header>'
        f"<main>{''.join(_card(p) for p in sorted(items, key=_attention))}</main>"
        f'<script nonce="{nonce}">{JS}</script></body></html>'
    )


def write_report(path: Path, profiles: Iterable[Any], title: str = "Credential report") -> int:
    """Write the report; returns the number of résumés in it."""
    items = [as_dict(p) for p in profiles]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(items, title=title), encoding="utf-8")
    return len(items)
