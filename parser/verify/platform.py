"""Verification levels from what the résumé itself holds: URLs, credential IDs, dates.

A URL on a badge platform the issuer uses, or on the issuer's own verification pages, is
``verifiable``; a credential ID is ``verifiable`` when the issuer has a public look-up. A
credential page on a known platform (Credly, Accredible's ``<brand>.credential.net``, Badgr…)
that the catalog does not list for the issuer is ``verifiable`` too, with a reason telling the
recruiter to check the issuer shown on the page: anyone's credentials live on those platforms,
and a catalog gap is no evidence against the candidate. ``suspicious`` needs positive
evidence: a look-alike host (a brand in a host that is neither the brand's domain nor a known
platform) or impossible dates. Everything else is ``unverifiable``, with a reason a recruiter
can act on. Which hosts issuers and platforms use is catalog data (``patterns/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote

from rapidfuzz import fuzz

from ..catalog.schema import CredentialEntry, IssuerEntry, Platform
from ..catalog.store import Catalog
from ..hosts import hostname
from ..models import Lookup, Verification

_LEVEL_RANK = {"suspicious": 3, "verifiable": 2, "unverifiable": 1}
_LOOKED_UP = ("credential_id", "licence_lookup")


@dataclass(frozen=True)
class Claim:
    """What a résumé states about one credential, as far as verification cares."""

    issuer: IssuerEntry | None
    credential: CredentialEntry | None
    credential_id: str | None
    urls: tuple[str, ...]
    issued: str | None
    expires: str | None
    in_progress: bool
    jurisdiction: str | None = None  # a licence's state, province or country, when the entry names one


def absolute(url: str) -> str:
    """``url`` with a scheme (résumés often drop it) and without the root dot of its host
    (``credly.com./badges/…``), the form URL patterns of the catalog are written against."""
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I):
        url = "https://" + url
    return re.sub(r"^([a-z][a-z0-9+.-]*://[^/?#:@]+)\.(?=[/?#:]|$)", r"\1", url, flags=re.I)


def host_of(url: str) -> str:
    return hostname(absolute(url))


def _on(host: str, domain: str) -> bool:
    domain = domain.lower().removeprefix("www.")
    return host == domain or host.endswith("." + domain)


def _brands(platform: Platform) -> set[str]:
    """Second-level labels of the platform's hosts that carry its name ("credly" of credly.com).

    A label that is a plain word rather than the platform's name ("credential" of Accredible's
    credential.net) is no brand: a host holding it imitates nobody.
    """
    words = [w for w in re.split(r"[^a-z0-9]+", platform.name.lower()) if len(w) >= 3]
    labels = {h.lower().split(".")[-2] for h in platform.hosts if "." in h}
    return {label for label in labels if any(w in label for w in words)}


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


#: Capitals and a space before a licence number label it ("SBN 298765", "RN 452189"): a
#: look-up takes the number without them. Glued ones are part of it (Florida's "CGC1523456").
_LABEL = re.compile(r"^[A-Z]{1,5}\s+(?=\d)")


def _board_lookup(issuer: IssuerEntry | None) -> bool:
    """A licensing board of one jurisdiction with a public register (searchable by name too)."""
    return bool(issuer and issuer.jurisdiction and issuer.lookup_url and "{number}" not in issuer.lookup_url)


def lookup(issuer: IssuerEntry | None, number: str | None) -> Lookup | None:
    """The issuer's public look-up for ``number``, with the number in the URL where it goes there."""
    if issuer is None or not issuer.lookup_url:
        return None
    url = issuer.lookup_url
    if "{number}" in url:
        if not number:
            return None
        url = url.replace("{number}", quote(_LABEL.sub("", number), safe=""))
    name = issuer.lookup_name or f"{issuer.name}'s look-up"
    return Lookup(name=name, url=url, number=number)


class Verifier:
    """Judges claims against the catalog's issuers, platforms and look-ups."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.platform_rx = {
            p.id: [re.compile(rx, re.I) for rx in p.url_patterns] for p in catalog.platforms.values()
        }
        self.brands = {b: p.name for p in catalog.platforms.values() for b in sorted(_brands(p))}
        self.real_domains = {
            d.lower().removeprefix("www.") for i in catalog.issuers.values() for d in i.domains
        }
        self.real_domains |= {h for p in catalog.platforms.values() for h in p.hosts}

    def verify(self, claim: Claim, as_of: date) -> Verification:
        results: list[tuple[str, str, str]] = []  # (level, method, reason)
        results += self._dates(claim, as_of)
        for url in claim.urls:
            results.append(self._url(url, claim.issuer))
        if claim.credential_id and not any(r[0] == "verifiable" for r in results):
            results.append(self._credential_id(claim.credential_id, claim.issuer))
        elif (
            claim.jurisdiction
            and _board_lookup(claim.issuer)
            and not any(r[0] == "verifiable" for r in results)
        ):
            where = lookup(claim.issuer, None)
            assert where is not None
            results.append(
                (
                    "verifiable",
                    "licence_lookup",
                    f"Look the licence up by the candidate's name on {where.name}: {where.url}",
                )
            )
        if not results:
            results.append(
                (
                    "unverifiable",
                    "none",
                    "No verification URL or credential ID is given with this credential.",
                )
            )
        top = max(_LEVEL_RANK[r[0]] for r in results)
        chosen = [r for r in results if _LEVEL_RANK[r[0]] == top]
        method = next((r[1] for r in chosen if r[1] != "none"), "none")
        reasons = [r[2] for r in chosen] + [r[2] for r in results if _LEVEL_RANK[r[0]] != top]
        level = chosen[0][0]
        return Verification(
            level=level,  # type: ignore[arg-type]
            method=method,  # type: ignore[arg-type]
            reasons=list(dict.fromkeys(reasons)),
            lookup=lookup(claim.issuer, claim.credential_id) if method in _LOOKED_UP else None,
        )

    # -- dates ---------------------------------------------------------------------------
    def _dates(self, claim: Claim, as_of: date) -> list[tuple[str, str, str]]:
        out = []
        issued, expires = claim.issued, claim.expires
        if issued and not claim.in_progress and issued[:7] > as_of.isoformat()[: len(issued[:7])]:
            out.append(
                (
                    "suspicious",
                    "none",
                    f"The issue date {issued} is in the future (as of {as_of.isoformat()}).",
                )
            )
        if issued and expires and expires < issued[: len(expires)]:
            out.append(
                (
                    "suspicious",
                    "none",
                    f"The expiry date {expires} is before the issue date {issued}.",
                )
            )
        cred = claim.credential
        year = _year(issued)
        if cred and year:
            if cred.introduced and year < cred.introduced:
                out.append(
                    (
                        "suspicious",
                        "none",
                        f"{cred.name} was introduced in {cred.introduced}, after the stated issue year {year}.",
                    )
                )
            if cred.retired_year and year > cred.retired_year:
                out.append(
                    (
                        "suspicious",
                        "none",
                        f"{cred.name} was retired in {cred.retired_year}, before the stated issue year {year}.",
                    )
                )
        return out

    # -- URLs ----------------------------------------------------------------------------
    def _url(self, url: str, issuer: IssuerEntry | None) -> tuple[str, str, str]:
        host = host_of(url)
        if not host:
            return "unverifiable", "none", f"The link {url!r} is not a valid URL."
        who = issuer.name if issuer else "the issuer"
        url = absolute(url)
        platforms = self._platforms_on(host)
        if platforms:
            return self._platform_url(url, host, platforms, issuer)
        if issuer is not None:
            own_site = any(_on(host, d) for d in issuer.domains)
            if any(re.search(rx, url, re.I) for rx in issuer.verification_urls):
                where = (
                    f"on {who}'s own site ({host})"
                    if own_site
                    else f"on {host}, where {who} publishes its credentials"
                )
                return "verifiable", "platform_url", f"Verification page {where}."
            if own_site:
                return (
                    "unverifiable",
                    "none",
                    f"The link goes to {who}'s site ({host}) but not to a verification page.",
                )
        lookalike = self._lookalike(host, issuer)
        if lookalike:
            return (
                "suspicious",
                "none",
                f"The host {host} imitates {lookalike} but is not its domain: do not trust this link.",
            )
        if any(_on(host, g) for g in self.catalog.generic_hosts):
            return (
                "unverifiable",
                "none",
                f"The link is on {host}, which is not a verification channel.",
            )
        return (
            "unverifiable",
            "none",
            f"The link is on {host}, which is not a known verification channel of {who}.",
        )

    def _platforms_on(self, host: str) -> list[Platform]:
        """The catalog platforms serving ``host``, the most specific host first.

        ``skillshop.credential.net`` is served by Google Skillshop's entry and by Accredible's
        (``credential.net``); the issuer may be listed with either.
        """
        found = []
        for platform in self.catalog.platforms.values():
            best = max((len(h) for h in platform.hosts if _on(host, h)), default=0)
            if best:
                found.append((best, platform))
        found.sort(key=lambda item: -item[0])
        return [platform for _, platform in found]

    def _platform_url(
        self, url: str, host: str, platforms: list[Platform], issuer: IssuerEntry | None
    ) -> tuple[str, str, str]:
        pages = [p for p in platforms if any(rx.search(url) for rx in self.platform_rx[p.id])]
        if not pages:
            return (
                "unverifiable",
                "none",
                f"The {platforms[0].name} link is not a page of one person's credential (it may be a "
                "profile, a home page or a description of the credential); ask for the credential's own link.",
            )
        generic = pages[-1]  # the platform that owns the host (Accredible for <brand>.credential.net)
        if issuer is None:
            return (
                "verifiable",
                "platform_url",
                f"{generic.name} credential URL ({host}); the issuer is not in the catalog, so check the "
                "issuer named on the page.",
            )
        used = next((p for p in reversed(pages) if p.id in issuer.platforms), None)
        if used is not None:
            return (
                "verifiable",
                "platform_url",
                f"{used.name} credential URL; {issuer.name} issues its credentials on {used.name}.",
            )
        if any(re.search(rx, url, re.I) for rx in issuer.verification_urls):
            return (
                "verifiable",
                "platform_url",
                f"Verification page on {host}, where {issuer.name} publishes its credentials.",
            )
        return (
            "verifiable",
            "platform_url",
            f"Hosted on {generic.name} ({host}); the catalog does not list this platform for "
            f"{issuer.name} — open it to check the issuer shown.",
        )

    def _lookalike(self, host: str, issuer: IssuerEntry | None) -> str | None:
        if any(_on(host, d) for d in self.real_domains):
            return None
        labels = [t for t in re.split(r"[.\-_]", host) if t]
        brands = dict(self.brands)
        if issuer is not None:
            for d in issuer.domains:
                parts = d.lower().removeprefix("www.").split(".")
                if len(parts) >= 2:
                    brands[parts[-2]] = issuer.name
            for a in issuer.acronyms:
                if len(a) >= 3:
                    brands[a.lower()] = issuer.name
        for label in labels[:-1] or labels:
            for brand, owner in sorted(brands.items()):
                if label == brand or (len(brand) >= 5 and len(label) >= 5 and fuzz.ratio(label, brand) >= 80):
                    return owner
        return None

    # -- credential IDs ------------------------------------------------------------------
    def _credential_id(self, cid: str, issuer: IssuerEntry | None) -> tuple[str, str, str]:
        if issuer is None or not issuer.lookup_url:
            who = issuer.name if issuer else "this issuer"
            return (
                "unverifiable",
                "none",
                f"Credential ID {cid} is given, but {who} has no public look-up in the catalog.",
            )
        fits = not issuer.id_formats or any(re.fullmatch(rx, cid) for rx in issuer.id_formats)
        where = lookup(issuer, cid)
        if not fits and not _board_lookup(issuer):
            return (
                "unverifiable",
                "none",
                f"Credential ID {cid} does not match {issuer.name}'s ID format; ask the candidate for a verification link.",
            )
        assert where is not None
        reason = f"Look up {cid} on {where.name}: {where.url}"
        if not fits:  # a board's register also finds the licence by name: a reason, not an accusation
            reason += (
                f" The number does not match the format {issuer.name} publishes; if the register does not "
                "find it, search by the candidate's name."
            )
        return "verifiable", "credential_id", reason
