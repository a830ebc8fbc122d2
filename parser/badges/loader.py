"""A JSON-LD document loader that serves only the contexts shipped in ``contexts/``.

Verification must not depend on (or leak to) the network: an unknown context URL is
never fetched. It raises :class:`ContextUnavailable`, which the verifier turns into
"context X is not available offline, proof not checked".
"""

from __future__ import annotations

import copy
import json
from functools import cache
from importlib import resources
from typing import Any

from cachetools import LRUCache
from pyld.context_resolver import ContextResolver

CONTEXTS: dict[str, str] = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/2018/credentials/v1": "2018-credentials-v1.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "credentials-examples-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob-v3p0-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob-v3p0-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": "ob-v3p0.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob-v3p0-extensions.json",
    "https://w3id.org/security/suites/ed25519-2020/v1": "security-suites-ed25519-2020-v1.jsonld",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
    "https://w3id.org/security/multikey/v1": "multikey-v1.jsonld",
    "https://www.w3.org/ns/credentials/status/v1": "vc-bitstring-status-list-v1.jsonld",
    "https://www.w3.org/ns/did/v1": "did-v1.jsonld",
    "https://w3id.org/openbadges/v2": "obv2x.jsonld",
    "https://openbadgespec.org/v2/context.json": "obv2x.jsonld",
}


class ContextUnavailable(Exception):
    """A JSON-LD context that is not shipped with credparse (and so is never fetched)."""

    def __init__(self, url: str) -> None:
        super().__init__(f"context {url} is not available offline")
        self.url = url


def _key(url: str) -> str:
    # http:// and https:// name the same published context; a trailing '#' or '/' does not matter
    url = url.strip().rstrip("#")
    return "https://" + url[len("http://") :] if url.startswith("http://") else url


@cache
def _document(name: str) -> Any:
    return json.loads(resources.files("parser.badges").joinpath("contexts").joinpath(name).read_text("utf-8"))


def is_known(url: str) -> bool:
    return _key(url) in CONTEXTS


def load(url: str, options: Any = None) -> dict[str, Any]:
    """pyld ``documentLoader``: a shipped context, or :class:`ContextUnavailable`."""
    name = CONTEXTS.get(_key(url))
    if name is None:
        raise ContextUnavailable(url)
    # "static": a shipped context never changes, so the resolver may keep it across operations
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": copy.deepcopy(_document(name)),
        "tag": "static",
    }


def jsonld_options(**extra: Any) -> dict[str, Any]:
    """pyld options that use only the shipped contexts, with a resolver cache of our own

    (pyld's module-level cache is shared with any other loader in the process)."""
    opts: dict[str, Any] = {
        "documentLoader": load,
        "contextResolver": ContextResolver(_CACHE, load),
    }
    opts.update(extra)
    return opts


_CACHE: LRUCache = LRUCache(maxsize=64)


def missing_context(exc: BaseException) -> str | None:
    """The URL of an unavailable context somewhere in ``exc``'s cause chain, else None."""
    seen = 0
    cur: BaseException | None = exc
    while cur is not None and seen < 20:
        if isinstance(cur, ContextUnavailable):
            return cur.url
        details = getattr(cur, "details", None)
        if isinstance(details, dict) and isinstance(details.get("url"), str) and not is_known(details["url"]):
            return str(details["url"])
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return None
