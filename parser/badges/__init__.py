"""Digital badges (Open Badges 2.0/3.0, W3C Verifiable Credentials), read and verified offline.

``find_badges`` unbakes payloads from PNG/SVG/JSON/JWT bytes, ``verify_badge`` checks one
offline (an optional ``fetch`` can be injected later for online checks), and
``badge_credentials`` turns them into the contract's ``Credential`` records.
"""

from .convert import badge_credential, badge_credentials
from .extract import find_badges
from .payload import BadgePayload
from .verify import BadgeCheck, verify_badge

__all__ = [
    "BadgeCheck",
    "BadgePayload",
    "badge_credential",
    "badge_credentials",
    "find_badges",
    "verify_badge",
]
