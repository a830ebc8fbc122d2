"""Find Open Badges baked into an SVG, parsing the untrusted XML with defusedxml.

A baked SVG carries ``<openbadges:assertion>`` (1.0/2.0, namespace
``http://openbadges.org``) or ``<openbadges:credential>`` (3.0, namespace
``https://purl.imsglobal.org/ob/v3p0``) whose text is JSON (usually CDATA) or whose
``verify`` attribute holds a URL (hosted) or a compact JWS. Entities and external
references are refused by defusedxml, so an XXE or "billion laughs" file never expands.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from .limits import active

TAGS = ("assertion", "credential")


@dataclass(frozen=True)
class SvgBadge:
    tag: str  # "assertion" | "credential"
    namespace: str
    text: str  # element text (CDATA), stripped
    verify: str  # the verify attribute, stripped ("" when absent)


class SvgError(ValueError):
    """An SVG that is hostile or not well-formed."""


def looks_like_svg(data: bytes, filename: str = "") -> bool:
    head = data[:4096].lstrip().lower()
    return filename.lower().endswith(".svg") or b"<svg" in head


def badges_in_svg(data: bytes) -> list[SvgBadge]:
    """Baked badge elements of an SVG; raises :class:`SvgError` for hostile or broken XML."""
    limit = active().max_badge_svg_bytes
    if len(data) > limit:
        raise SvgError(f"SVG over the {limit}-byte limit")
    try:
        root = safe_et.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SvgError(f"SVG refused: {type(exc).__name__} (entity or external reference)") from exc
    except (ParseError, ValueError, LookupError) as exc:
        # LookupError: expat asks Python's codecs for the declared encoding, and an unknown
        # name ("utf-9") or a bytes-to-bytes codec ("rot13") is raised from there.
        raise SvgError(f"SVG is not well-formed XML: {exc}") from exc
    found = []
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        ns, _, local = tag[1:].rpartition("}") if tag.startswith("{") else ("", "", tag)
        if local in TAGS and ("openbadges" in ns.lower() or "imsglobal.org/ob" in ns.lower()):
            found.append(SvgBadge(local, ns, (el.text or "").strip(), (el.get("verify") or "").strip()))
    return found
