"""What the writers share: verification levels and their words, which links may leave as
links, the one rule against spreadsheet formulas, and the ``x-credparse`` extension of the
standard formats. The writers import it; it imports none of them.
"""

from __future__ import annotations

import re
from typing import Any

from ..hosts import hostname

#: Verification levels from strongest to weakest, with the colour and the words the
#: recruiter-facing outputs (XLSX, HTML report) use, so colour never carries meaning alone.
LEVELS: dict[str, tuple[str, str]] = {
    "verified": ("#1b7f3b", "Verified: proof checked"),
    "verifiable": ("#1d5fa8", "Verifiable: one click to check"),
    "unverifiable": ("#5f6368", "Unverifiable: no handle given"),
    "suspicious": ("#b35c00", "Suspicious: handle contradicts claim"),
    "invalid": ("#b3261e", "Invalid: proof failed"),
}

#: Levels whose link must not be offered as a way to verify: the handle contradicts the claim
#: or its proof failed. Writers show such a URL as text (its host), never as a link.
DISTRUSTED = ("suspicious", "invalid")

#: The order recruiter-facing outputs list credentials in: what needs attention first.
ATTENTION_ORDER = ("suspicious", "invalid", "verified", "verifiable", "unverifiable")

_DATE = re.compile(r"^[12]\d{3}(-[01]\d(-[0-3]\d)?)?$")


def as_dict(profile: Any) -> dict[str, Any]:
    """A profile as its JSON dict, whether given as a CandidateProfile or already a dict."""
    if isinstance(profile, dict):
        return profile
    dumped = profile.model_dump(mode="json")
    assert isinstance(dumped, dict)
    return dumped


def safe_url(url: Any) -> str | None:
    """Only http(s) URLs with a host leave as links: résumé text could carry `javascript:` or
    `data:` URLs, or ones no URL parser reads (`http://[oops`)."""
    if (
        isinstance(url, str)
        and url.lower().startswith(("https://", "http://"))
        and " " not in url
        and hostname(url)
    ):
        return url
    return None


#: What a spreadsheet reads as the start of a formula (OWASP "CSV injection"): = + - @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_like(value: Any) -> bool:
    """Whether a spreadsheet could run ``value`` as a formula (``=HYPERLINK(…)``, ``@SUM(…)``,
    ``-2+3``), also after leading blanks. The one rule of every tabular export: the CSV writer
    prefixes such a cell with ``'``, the XLSX writer gives it Excel's quote prefix (the same ``'``)."""
    return isinstance(value, str) and (
        value.startswith(FORMULA_START) or value.lstrip().startswith(FORMULA_START)
    )


def iso_date(value: Any) -> str | None:
    """``value`` when it is an ISO date (``2024``, ``2024-05``, ``2024-05-17``), else None."""
    return value if isinstance(value, str) and _DATE.match(value) else None


def credparse_extension(cred: dict[str, Any]) -> dict[str, Any]:
    """What a credential's record holds that the standard formats have no field for, as the
    ``x-credparse`` object the JSON Resume and LER-RS exports add to each credential."""
    ver = cred.get("verification") or {}
    return {
        "verificationLevel": ver.get("level"),
        "verificationMethod": ver.get("method"),
        "verificationReasons": list(ver.get("reasons") or []),
        "status": cred.get("status"),
        "kind": cred.get("kind"),
        "catalogId": cred.get("catalog_id"),
        "issuerKnown": bool((cred.get("issuer") or {}).get("known")),
        "credentialId": cred.get("credential_id"),
        "expires": cred.get("expires"),
        "confidence": cred.get("confidence"),
    }
