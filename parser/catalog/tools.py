"""Catalog commands: stats, search (what a mention resolves to, and why), validate."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .store import Catalog, CatalogError, load_catalog, norm


def stats(dirs: Iterable[Path] | None = None) -> dict[str, Any]:
    cat = load_catalog(dirs)
    sectors: Counter[str] = Counter()
    for cred in cat.credentials.values():
        issuer = cat.issuers.get(cred.issuer_id)
        for s in issuer.sectors if issuer and issuer.sectors else ["other"]:
            sectors[s] += 1
    kinds = Counter(c.kind for c in cat.credentials.values())
    return {
        "issuers": len(cat.issuers),
        "credentials": len(cat.credentials),
        "version": cat.version,
        "files": len(cat.files),
        "platforms": len(cat.platforms),
        "by_sector": dict(sectors.most_common()),
        "by_kind": dict(kinds.most_common()),
        "boards": board_stats(cat),
    }


def board_stats(cat: Catalog) -> dict[str, Any]:
    """Licensing boards by profession and by country, with the US jurisdictions each profession
    covers and how many boards have a public look-up (their own or a multi-state one)."""
    boards = [i for i in cat.issuers.values() if i.jurisdiction]
    by_profession: dict[str, dict[str, Any]] = {}
    for profession, (label, _family) in sorted(cat.boards.professions.items()):
        rows = [b for b in boards if b.id.startswith(f"{profession}-{(b.jurisdiction or '').lower()}")]
        us = {b.jurisdiction for b in rows if b.country == "US"}
        by_profession[profession] = {
            "name": label,
            "boards": len(rows),
            "us_jurisdictions": len(us),
            "with_lookup": sum(1 for b in rows if b.lookup_url),
            "countries": dict(Counter(b.country for b in rows).most_common()),
        }
    return {
        "total": len(boards),
        "jurisdictions": len({b.jurisdiction for b in boards}),
        "by_country": dict(Counter(b.country for b in boards).most_common()),
        "by_profession": by_profession,
    }


def search(text: str, dirs: Iterable[Path] | None = None) -> list[str]:
    """Explain how ``text`` resolves: catalog look-ups first, then the full pipeline."""
    from ..engine import Engine

    cat = load_catalog(dirs)
    out = []
    for hit in cat.lookup(text):
        entry = cat.credentials.get(hit.id) if hit.target == "credential" else cat.issuers.get(hit.id)
        out.append(f"{hit.target} {hit.id} ({getattr(entry, 'name', '')}) by {hit.method}")
    cp = Engine(catalog_dirs=dirs)
    profile = cp.parse(f"Certifications\n{text}\n".encode(), filename="search.txt")
    for c in profile.credentials:
        out.append(
            f"pipeline: {c.name!r} → {c.catalog_id or 'unresolved'} via {c.match.method} "
            f"({c.match.rule}, score {c.match.score}); issuer {c.issuer.name} (known={c.issuer.known})"
        )
    if not out:
        out.append(f"{text!r} does not resolve to any catalog entry")
    return out


def validate(dirs: Iterable[Path] | None = None) -> list[str]:
    """Every problem in the catalog, as sentences naming the file or entry."""
    try:
        cat = load_catalog(dirs)
    except CatalogError as exc:
        return [str(exc)]
    problems: list[str] = []
    for cred in cat.credentials.values():
        for rel in [*cred.part_of, *cred.leads_to, *([cred.successor] if cred.successor else [])]:
            if rel not in cat.credentials:
                problems.append(f"{cred.id}: relation {rel!r} is not in the catalog")
    for table in (cat.by_norm, cat.by_case):
        for key, hits in table.items():
            ids = sorted({h.id for h in hits if h.target == "credential"})
            if len(ids) > 1:
                strong = [
                    i
                    for i in ids
                    if key
                    not in {norm(w) for w in cat.credentials[i].weak_acronyms}
                    | set(cat.credentials[i].weak_acronyms)
                ]
                if len(strong) > 1:
                    problems.append(
                        f"alias {key!r} is claimed by {', '.join(strong)} (make it weak with context, or drop it)"
                    )
    for issuer in cat.issuers.values():
        for rx in [*issuer.verification_urls, *issuer.id_formats]:
            try:
                re.compile(rx)
            except re.error as exc:
                problems.append(f"{issuer.id}: regex {rx!r} does not compile: {exc}")
    problems += check_examples(dirs)
    return problems


def check_examples(dirs: Iterable[Path] | None = None, ids: Iterable[str] | None = None) -> list[str]:
    """Run each example and counter-example through the real pipeline."""
    from ..engine import Engine

    cat = load_catalog(dirs)
    cp = Engine(catalog_dirs=dirs)
    wanted = set(ids) if ids is not None else None
    problems = []
    for cred in cat.credentials.values():
        if wanted is not None and cred.id not in wanted:
            continue
        for example in cred.examples:
            got = cp.parse(f"Certifications\n{example}\n".encode(), filename="example.txt")
            if cred.id not in {c.catalog_id for c in got.credentials}:
                found = [c.catalog_id or c.name for c in got.credentials]
                problems.append(f"{cred.id}: example {example!r} resolved to {found}")
        for counter in cred.counter_examples:
            got = cp.parse(f"Experience\n{counter}\n".encode(), filename="counter.txt")
            if cred.id in {c.catalog_id for c in got.credentials}:
                problems.append(f"{cred.id}: counter-example {counter!r} yields the credential")
    return problems
