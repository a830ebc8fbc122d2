"""Who issued the badge, and does that fit what the catalog knows about the issuer?

An issuer *name* costs nothing to write; a domain or a platform is what ties a badge to
an organisation. A badge that names a catalog issuer (say "Amazon Web Services") but whose
issuer id, URL, key or hosted assertion lives on none of that issuer's domains or badge
platforms is flagged ``suspicious``. The catalog issuer is reported only when name AND
domain agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..hosts import hostname
from .payload import BadgePayload


@dataclass
class IssuerFacts:
    name: str | None = None
    id: str | None = None
    url: str | None = None
    hosts: set[str] = field(default_factory=set)  # hosts the badge is tied to
    claimed: Any = None  # catalog IssuerEntry the name claims, if any
    bound: bool = False  # claimed issuer's domain or platform found in ``hosts``


def host_of(value: Any) -> str | None:
    """Host of an http(s) URL or a ``did:web`` identifier, lower-case, without ``www.``."""
    if not isinstance(value, str):
        return None
    if value.startswith("did:web:"):
        host = value[len("did:web:") :].split(":", 1)[0].split("#", 1)[0].replace("%3A", ":")
    elif value.startswith(("http://", "https://")):
        host = hostname(value)
    else:
        return None
    host = host.lower().split(":", 1)[0]
    return host[4:] if host.startswith("www.") else host or None


def on_domain(host: str, domains: list[str]) -> bool:
    host = host.lower()
    return any(host == d.lower() or host.endswith("." + d.lower()) for d in domains)


def platform_of(url: str | None, catalog: Any) -> Any:
    """The catalog platform whose hosts serve ``url``, or None.

    A platform without credential URL shapes (a registry that describes credentials, such as
    Credential Engine's) hosts no badge assertions.
    """
    host = host_of(url)
    if not host or catalog is None:
        return None
    for platform in catalog.platforms.values():
        if platform.url_patterns and on_domain(host, platform.hosts):
            return platform
    return None


def issuer_parts(payload: BadgePayload) -> tuple[str | None, str | None, str | None]:
    """(name, id, url) of the issuer as the badge states it."""
    doc = payload.document or {}
    issuer: Any = doc.get("issuer")
    if payload.family in ("ob2", "ob1"):
        badge = doc.get("badge")
        issuer = badge.get("issuer") if isinstance(badge, dict) else None
    if isinstance(issuer, str):
        return None, issuer, None
    if not isinstance(issuer, dict):
        return None, None, None
    name = issuer.get("name")
    if isinstance(name, dict):  # a language map
        name = next((v for v in name.values() if isinstance(v, str)), None)
    ident, url = issuer.get("id"), issuer.get("url")
    if payload.family == "ob1":
        url = url or issuer.get("origin")
    return (
        name if isinstance(name, str) else None,
        ident if isinstance(ident, str) else None,
        url if isinstance(url, str) else None,
    )


def issuer_facts(payload: BadgePayload, catalog: Any, extra_ids: list[str] | None = None) -> IssuerFacts:
    """The stated issuer, the hosts it is tied to, and the catalog issuer its name claims.

    ``extra_ids``: ids the verifier bound the badge to (the verification method, the hosted
    assertion URL, the JWT ``iss``).
    """
    name, ident, url = issuer_parts(payload)
    facts = IssuerFacts(name=name, id=ident, url=url)
    for value in [ident, url, payload.url, *(extra_ids or [])]:
        host = host_of(value)
        if host:
            facts.hosts.add(host)
    if catalog is None or not name:
        return facts
    hits = catalog.lookup(name, target="issuer")
    if not hits:
        return facts
    facts.claimed = catalog.issuers.get(hits[0].id)
    if facts.claimed is None:
        return facts
    platform_hosts = [
        h for p in facts.claimed.platforms if p in catalog.platforms for h in catalog.platforms[p].hosts
    ]
    facts.bound = any(
        on_domain(h, list(facts.claimed.domains)) or on_domain(h, platform_hosts) for h in facts.hosts
    )
    return facts
