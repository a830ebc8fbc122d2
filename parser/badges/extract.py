"""Recognise badge payloads in a file's bytes and unbake them.

Handles baked PNG (iTXt ``openbadges`` / ``openbadgecredential``), baked SVG
(``<openbadges:assertion>`` / ``<openbadges:credential>``), Open Badges 2.0 assertion JSON,
Open Badges 3.0 / W3C VC JSON-LD (VC 1.1 and 2.0), Verifiable Presentations of those, and
VC-JWT / JWS text. Never raises for bad input: non-badges give ``[]``; something clearly
meant to be a badge but unreadable gives a payload with ``malformed=True``.
"""

from __future__ import annotations

import re
from typing import Any

from . import jose
from .limits import LimitError, active, load_json
from .payload import BadgePayload, as_list, classify
from .png import badge_texts, is_png
from .svg import SvgError, badges_in_svg, looks_like_svg

_URL = re.compile(r"^https?://\S+$")
_FAMILY_BY_KEYWORD = {
    "openbadges": "ob2",
    "openbadgecredential": "ob3",
    "assertion": "ob2",
    "credential": "ob3",
}
MAX_PRESENTED = 50  # credentials read from one presentation


def _malformed(family: str, source: str, problem: str, url: str | None = None) -> BadgePayload:
    return BadgePayload(family, "json", source, url=url, malformed=True, problems=[problem])


def _from_jws(token: str, source: str, baked: bool, family_hint: str) -> list[BadgePayload]:
    try:
        jws = jose.parse(token)
    except jose.JwsError as exc:
        return [_malformed(family_hint, source, str(exc))] if baked else []
    payload = jws.payload
    if not isinstance(payload, dict):
        return [_malformed(family_hint, source, "JWS payload is not a JSON object")] if baked else []
    vc = payload.get("vc") if isinstance(payload.get("vc"), dict) else None
    doc = vc if vc is not None else payload
    family = classify(doc)
    if family is None:
        return [_malformed(family_hint, source, "JWS payload is not a badge or credential")] if baked else []
    claims = {k: v for k, v in payload.items() if k != "vc"} if vc is not None else {}
    return [BadgePayload(family, "jwt", source, document=doc, jws=jws.token, jwt_claims=claims)]


def _from_json(doc: Any, source: str, depth: int = 0) -> list[BadgePayload]:
    if isinstance(doc, dict) and "VerifiablePresentation" in as_list(doc.get("type")) and depth == 0:
        out: list[BadgePayload] = []
        for item in as_list(doc.get("verifiableCredential"))[:MAX_PRESENTED]:
            if isinstance(item, str) and jose.looks_like_jws(item):
                out += _from_jws(item, source, False, "vc")
            else:
                out += _from_json(item, source, depth + 1)
        return out
    family = classify(doc)
    if family is None or not isinstance(doc, dict):
        return []
    url = None
    if family in ("ob2", "ob1"):
        verify = doc.get("verification") or doc.get("verify") or {}
        url = verify.get("url") if isinstance(verify, dict) else None
        url = url or (doc.get("id") if isinstance(doc.get("id"), str) else None)
    return [BadgePayload(family, "json", source, document=doc, url=url if isinstance(url, str) else None)]


def from_text(text: str, source: str, *, baked: bool = False, family_hint: str = "ob2") -> list[BadgePayload]:
    """Payloads from a badge text: JSON, a compact JWS, or (when baked) a hosted URL."""
    text = text.strip().lstrip("\ufeff")
    if text.startswith(("{", "[")):
        try:
            doc = load_json(text)
        except (LimitError, ValueError) as exc:
            problem = f"badge JSON cannot be read: {exc}"
            return [_malformed(family_hint, source, problem)] if baked else []
        found = _from_json(doc, source)
        if not found and baked:
            return [_malformed(family_hint, source, "baked text is JSON but not a recognised badge")]
        return found
    if jose.looks_like_jws(text):
        return _from_jws(text, source, baked, family_hint)
    if baked and _URL.match(text):
        return [BadgePayload(family_hint, "url", source, url=text)]
    return [_malformed(family_hint, source, "baked text is neither JSON, a JWS nor a URL")] if baked else []


def _from_png(data: bytes) -> list[BadgePayload]:
    chunks = badge_texts(data)
    out: list[BadgePayload] = []
    for kw, text in chunks.texts:
        out += from_text(text, "baked PNG", baked=True, family_hint=_FAMILY_BY_KEYWORD.get(kw, "ob2"))
    for kw, problem in chunks.problems:
        if kw:  # a problem in a badge chunk: clearly meant to be a badge
            out.append(_malformed(_FAMILY_BY_KEYWORD.get(kw, "ob2"), "baked PNG", problem))
    return out


def _from_svg(data: bytes) -> list[BadgePayload]:
    try:
        elements = badges_in_svg(data)
    except SvgError as exc:
        # Hostile markup beside an Open Badges namespace is reported; other bad SVG is no badge.
        head = data[: active().max_json_bytes].lower()
        if b"openbadges" in head or b"imsglobal.org/ob" in head:
            return [_malformed("ob2", "baked SVG", str(exc))]
        return []
    out: list[BadgePayload] = []
    for el in elements:
        hint = _FAMILY_BY_KEYWORD[el.tag]
        if el.text:
            found = from_text(el.text, "baked SVG", baked=True, family_hint=hint)
        elif el.verify:
            found = from_text(el.verify, "baked SVG", baked=True, family_hint=hint)
        else:
            found = [_malformed(hint, "baked SVG", f"empty <openbadges:{el.tag}> element")]
        out += found
    return out


def find_badges(data: bytes, filename: str = "") -> list[BadgePayload]:
    """All badge payloads in ``data`` (a PNG, SVG, JSON or JWT file); ``[]`` for non-badges."""
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("find_badges expects bytes")
    data = bytes(data)
    try:
        if is_png(data):
            return _from_png(data)
        if looks_like_svg(data, filename):
            return _from_svg(data)
        if len(data) > active().max_json_bytes:
            return []
        text = data.decode("utf-8-sig", errors="strict")
        source = "JWT text" if jose.looks_like_jws(text.strip()) else "JSON file"
        return from_text(text, source)
    except UnicodeDecodeError:
        return []
    except (ValueError, TypeError, RecursionError):  # defensive: bad input never raises
        return []
