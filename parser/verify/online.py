"""Opt-in online check of a platform badge URL: fetch the hosted assertion and compare it.

A Credly (or Badgr) badge URL on a résumé is only ``verifiable`` offline. With online checks
on, the platform's public Open Badges 2.0 endpoint (a template in ``platforms.yaml``) is
fetched through :mod:`parser.verify.fetch`; the credential becomes ``verified`` only when the
hosted badge names the same achievement and issuer as the résumé, ``suspicious`` when it
names another, ``invalid`` when it is revoked. A failed request changes nothing but a reason.

The checker also hands the engine the client for the badges embedded in a document (status
lists, ``did:web`` and OB 2.0 keys). Both are bounded per document: at most
``max_fetches_per_document`` fetches for a document's badge links, and as many again for its
embedded badges; past that a check fails with a reason, like any failed request.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from ..badges.dates import partial
from ..badges.limits import load_json
from ..badges.recipient import recipient_match
from ..catalog.schema import CredentialEntry, IssuerEntry
from ..catalog.store import Catalog, norm
from ..models import Badge
from .fetch import (
    ENV_MAX_FETCHES_PER_DOCUMENT,
    MAX_FETCHES_PER_DOCUMENT,
    DocumentFetch,
    Fetch,
    FetchError,
    setting,
)


@dataclass
class OnlineResult:
    level: str
    method: str
    reasons: list[str] = field(default_factory=list)
    badge: Badge | None = None


def _json(body: bytes) -> dict[str, Any]:
    """A fetched JSON object, within the badge JSON size and depth limits."""
    obj = load_json(body.decode("utf-8", "replace"))
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    return obj


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return value["name"]
    return None


class OnlineChecker:
    """Checks platform badge URLs against their hosted assertions (injected ``fetch``)."""

    def __init__(self, catalog: Catalog, fetch: Fetch, max_fetches_per_document: int | None = None) -> None:
        self.catalog = catalog
        self.client = fetch
        if max_fetches_per_document is None:
            max_fetches_per_document = getattr(fetch, "max_fetches_per_document", None)
        if not isinstance(max_fetches_per_document, int):
            max_fetches_per_document = setting(ENV_MAX_FETCHES_PER_DOCUMENT, MAX_FETCHES_PER_DOCUMENT)
        self.max_fetches_per_document = max_fetches_per_document
        self._links = DocumentFetch(fetch, max_fetches_per_document)
        self._document: object = None
        self.templates = [
            (p.name, re.compile(p.assertion_id, re.I), p.assertion_url)
            for p in catalog.platforms.values()
            if p.assertion_id and p.assertion_url
        ]

    @property
    def fetch(self) -> Fetch:
        """The client for the badges embedded in one document, with that document's budget.

        The engine reads it once per document and hands it to the badge verifier, so every read
        starts a new budget: one badge with 500 status entries cannot make 500 requests.
        """
        return DocumentFetch(self.client, self.max_fetches_per_document)

    def start_document(self) -> None:
        """A new budget for the badge links of the next document."""
        self._links = DocumentFetch(self.client, self.max_fetches_per_document)

    def _for_document(self, emails: object) -> None:
        # The engine checks all of a document's links with that profile's list of e-mails, a new
        # list for every document: a new list is a new document. The list is kept, so its id
        # cannot be reused by the next one.
        if emails is not self._document:
            self._document = emails
            self.start_document()

    def assertion_url(self, url: str) -> tuple[str, str] | None:
        """(platform name, hosted assertion URL) for a badge URL this checker understands."""
        for name, rx, template in self.templates:
            m = rx.search(url)
            if m:
                return name, template.format(id=m.group("id"))
        return None

    def _follow(self, value: Any) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        if isinstance(value, str) and value.startswith("http"):
            return _json(self._links(value))
        return {}

    def check(
        self,
        url: str,
        claimed: str,
        credential: CredentialEntry | None,
        issuer: IssuerEntry | None,
        emails: list[str],
    ) -> OnlineResult | None:
        found = self.assertion_url(url)
        if found is None:
            return None
        platform, api = found
        self._for_document(emails)
        try:
            assertion = _json(self._links(api))
            badge_class = self._follow(assertion.get("badge"))
            issuer_doc = self._follow(badge_class.get("issuer"))
        except (FetchError, ValueError) as exc:
            return OnlineResult(
                "verifiable",
                "platform_url",
                [f"The online check of the {platform} badge failed ({exc}); check the link by hand."],
            )
        achievement = _name(badge_class) or ""
        issuer_name = _name(issuer_doc) or ""
        criteria = badge_class.get("criteria")
        flat = Badge(
            format="ob2-hosted",
            achievement=achievement or None,
            description=badge_class.get("description")
            if isinstance(badge_class.get("description"), str)
            else None,
            criteria=(criteria.get("narrative") or criteria.get("id"))
            if isinstance(criteria, dict)
            else criteria
            if isinstance(criteria, str)
            else None,
            issuer_name=issuer_name or None,
            issuer_url=issuer_doc.get("url") if isinstance(issuer_doc.get("url"), str) else None,
            issued_on=partial(assertion.get("issuedOn")),
            expires=partial(assertion.get("expires")),
            recipient_match=recipient_match(assertion, "ob2", emails),
            skills=[
                a["targetName"]
                for a in badge_class.get("alignment") or []
                if isinstance(a, dict) and isinstance(a.get("targetName"), str)
            ],
            evidence_urls=[
                e if isinstance(e, str) else e.get("id", "")
                for e in (assertion.get("evidence") or [])
                if isinstance(e, (str, dict))
            ][:10]
            if isinstance(assertion.get("evidence"), list)
            else [],
            source=f"{platform} hosted assertion {api}",
        )
        if assertion.get("revoked"):
            why = assertion.get("revocationReason") or "no reason given"
            return OnlineResult(
                "invalid", "ob2_hosted", [f"The {platform} badge has been revoked ({why})."], flat
            )
        if not self._same_achievement(achievement, claimed, credential):
            return OnlineResult(
                "suspicious",
                "ob2_hosted",
                [f"The {platform} badge at this link is {achievement!r}, not {claimed!r}."],
                flat,
            )
        if issuer is not None and not self._same_issuer(issuer_name, issuer):
            return OnlineResult(
                "suspicious",
                "ob2_hosted",
                [f"The {platform} badge was issued by {issuer_name!r}, not by {issuer.name}."],
                flat,
            )
        if flat.recipient_match is False:
            return OnlineResult(
                "suspicious",
                "ob2_hosted",
                [f"The {platform} badge was issued to someone else (no email of the résumé matches)."],
                flat,
            )
        return OnlineResult(
            "verified",
            "ob2_hosted",
            [
                f"Checked online: the {platform} badge {achievement!r} was issued by {issuer_name or 'its issuer'} and is not revoked."
            ],
            flat,
        )

    def _same_achievement(self, achievement: str, claimed: str, credential: CredentialEntry | None) -> bool:
        names = [claimed] + ([credential.name, *credential.aliases] if credential else [])
        if any(fuzz.ratio(norm(achievement), norm(n)) >= 85 for n in names if n):
            return True
        return credential is not None and any(
            h.id == credential.id for h in self.catalog.lookup(achievement, "credential")
        )

    def _same_issuer(self, issuer_name: str, issuer: IssuerEntry) -> bool:
        names = [issuer.name, *issuer.aliases, *issuer.acronyms]
        if any(fuzz.ratio(norm(issuer_name), norm(n)) >= 85 for n in names):
            return True
        return any(h.id == issuer.id for h in self.catalog.lookup(issuer_name, "issuer"))
