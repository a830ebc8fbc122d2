"""Repair text that was UTF-8 read as Windows-1252 before it reached us ("â€¢" for "•").

Real résumé PDFs carry such mojibake in their own text layer (exports of online builders:
"â€“" for "–", "Â" before a space, "âˆ’" for "−"), and a credential next to it can lose its
bullet or gain stray letters. ftfy knows every such sequence; it runs only on lines that hold
one of their lead characters, so clean text costs one regex search.
"""

from __future__ import annotations

import re

# a lead byte of a UTF-8 sequence (Â Ã â …) followed by a character a continuation byte
# becomes in Windows-1252 or Latin-1
_SUSPECT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)


def repair(text: str) -> str:
    """``text`` with mojibake undone; text without it comes back unchanged."""
    if not _SUSPECT.search(text):
        return text
    from ftfy import fix_encoding

    return fix_encoding(text)
