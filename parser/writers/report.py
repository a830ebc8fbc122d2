"""A self-contained HTML report for recruiters: one card per candidate, credentials grouped
by verification level, filters by level / issuer / status, a summary at the top.

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

from .export import LEVELS, as_dict, safe_url
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


def _credential(cred: dict[str, Any]) -> str:
    issuer = (cred.get("issuer") or {}).get("name") or "unknown issuer"
    status = cred.get("status") or ""
    facts = [_e(issuer), _e(STATUS_WORDS.get(status, status))]
    if cred.get("issued"):
        facts.append(f"issued {_e(cred['issued'])}")
    if cred.get("expires"):
        facts.append(f"expires {_e(cred['expires'])}")
    if cred.get("credential_id"):
        facts.append(f"ID {_e(cred['credential_id'])}")
    url = safe_url(cred.get("url"))
    link = (
        f' <a href="{_e(url)}" rel="noopener noreferrer nofollow" target="_blank">verify ↗</a>' if url else ""
    )
    reasons = "".join(f"<li>{_e(r)}</li>" for r in (cred.get("verification") or {}).get("reasons") or [])
    why = f"<details><summary>Why this level</summary><ul>{reasons}</ul></details>" if reasons else ""
    level = (cred.get("verification") or {}).get("level", "unverifiable")
    return (
        f'<li class="cred" data-level="{_e(level)}" data-issuer="{_e(issuer)}" data-status="{_e(status)}">'
        f'<strong>{_e(cred.get("name"))}</strong>{link}<div class="facts">{" · ".join(facts)}</div>{why}</li>'
    )


def _card(profile: dict[str, Any]) -> str:
    cand = profile.get("candidate") or {}
    source = profile.get("source") or {}
    name = cand.get("name") or "(name not found)"
    meta = [_e(source.get("file"))] + [_e(e) for e in (cand.get("emails") or [])[:2]]
    parts = [f'<article class="card"><h2>{_e(name)}</h2><p class="meta">{" · ".join(meta)}</p>']
    error = profile.get("error")
    if error:
        parts.append(
            f'<p class="error">Could not read this file: {_e(error.get("code"))}: {_e(error.get("message"))}</p>'
        )
    creds = profile.get("credentials") or []
    if not creds and not error:
        parts.append("<p>No credentials found.</p>")
    for level in LEVELS:
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
    errors = sum(1 for p in items if p.get("error"))
    nonce = secrets.token_urlsafe(16)
    csp = f"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'"
    summary = [f"<li><b>{len(items)}</b>résumés</li>", f"<li><b>{len(creds)}</b>credentials</li>"]
    summary += [f"<li><b>{levels.get(lv, 0)}</b>{_level_tag(lv)}</li>" for lv in LEVELS]
    summary.append(f"<li><b>{errors}</b>unreadable files</li>")
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
        f"<main>{''.join(_card(p) for p in items)}</main>"
        f'<script nonce="{nonce}">{JS}</script></body></html>'
    )


def write_report(path: Path, profiles: Iterable[Any], title: str = "Credential report") -> int:
    """Write the report; returns the number of résumés in it."""
    items = [as_dict(p) for p in profiles]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(items, title=title), encoding="utf-8")
    return len(items)
