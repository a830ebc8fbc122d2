"""Unbaking and hostile input: never raise, never expand entities, cap sizes."""

from __future__ import annotations

import json
import struct
import zlib

import pytest
from helpers import png_with_itxt, svg_with

from parser.badges import find_badges
from parser.badges.png import badge_texts
from parser.limits import Limits

MAX_PNG_CHUNK = Limits().max_badge_png_chunk

OB2 = {
    "@context": "https://w3id.org/openbadges/v2",
    "type": "Assertion",
    "id": "https://api.badgr.io/public/assertions/AbCdEf123456",
    "recipient": {"type": "email", "hashed": False, "identity": "dana@example.com"},
    "badge": "https://api.badgr.io/public/badges/XyZ987654",
    "verification": {"type": "hosted"},
    "issuedOn": "2024-01-02",
}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello world",
        b"\x89PNG\r\n\x1a\n",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR",  # truncated
        b"{not json",
        b'{"name": "just some json"}',
        b"[1, 2, 3]",
        b"\xff\xfe\x00garbage",
        b"eyJhbGciOiJub25lIn0.e30.",  # a JWT that is not a badge
        b"<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>",
        b"<svg><unclosed>",
    ],
)
def test_non_badges_give_nothing(data):
    assert find_badges(data, "x.bin") == []


def test_png_ob2_json_url_and_compressed():
    (p,) = find_badges(png_with_itxt("openbadges", json.dumps(OB2)))
    assert (p.family, p.format, p.source) == ("ob2", "ob2-hosted", "baked PNG")
    (u,) = find_badges(png_with_itxt("openbadges", "https://api.badgr.io/public/assertions/AbCdEf123456"))
    assert (u.format, u.url) == ("ob2-url", "https://api.badgr.io/public/assertions/AbCdEf123456")
    (c,) = find_badges(png_with_itxt("openbadges", json.dumps(OB2), compressed=True))
    assert c.document == OB2


def test_png_huge_itxt_is_capped():
    data = png_with_itxt("openbadgecredential", b"{" + b" " * (MAX_PNG_CHUNK + 10) + b"}")
    (p,) = find_badges(data)
    assert p.malformed and "limit" in p.problems[0]


def test_png_zip_bomb_is_capped():
    bomb = b"{" + b" " * (50 * 1024 * 1024) + b"}"  # 50 MB inflates from ~50 KB
    (p,) = find_badges(png_with_itxt("openbadges", bomb, compressed=True))
    assert p.malformed and "limit" in p.problems[0]


def test_png_bad_crc_stops():
    data = bytearray(png_with_itxt("openbadges", json.dumps(OB2)))
    i = data.index(b"iTXt") + 40  # inside the text, past the keyword
    data[i] ^= 0xFF
    chunks = badge_texts(bytes(data))
    assert chunks.texts == [] and "CRC" in chunks.problems[0][1]


def test_png_length_past_end():
    sig = b"\x89PNG\r\n\x1a\n"
    data = sig + struct.pack(">I", 10_000_000) + b"iTXt" + b"openbadges\0"
    assert find_badges(data) == []
    assert "past the end" in badge_texts(data).problems[0][1]


def test_png_ignores_other_text_chunks():
    data = png_with_itxt("Comment", json.dumps(OB2))
    assert find_badges(data) == []


def test_svg_cdata_and_verify_attribute():
    (p,) = find_badges(svg_with(text=json.dumps(OB2), tag="assertion"))
    assert (p.family, p.source) == ("ob2", "baked SVG")
    (u,) = find_badges(svg_with(verify="https://example.org/a.json", tag="assertion"))
    assert u.format == "ob2-url"


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
<openbadges:assertion verify="https://example.org/a.json">&xxe;</openbadges:assertion></svg>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">
<openbadges:assertion>&lol9;</openbadges:assertion></svg>"""


@pytest.mark.parametrize("data", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_hostile_svg_is_not_expanded(data):
    found = find_badges(data, "evil.svg")
    assert all(p.malformed and p.document is None for p in found)
    assert not any("root:" in str(p.problems) or "lol" * 10 in str(p.problems) for p in found)


def test_hostile_svg_without_badge_namespace_is_nothing():
    assert find_badges(XXE.replace(b"openbadges", b"other"), "evil.svg") == []


def test_json_too_deep_and_too_big():
    deep = b'{"type": "Assertion", "x": ' + b"[" * 10_000 + b"]" * 10_000 + b"}"
    assert find_badges(deep, "deep.json") == []
    (p,) = find_badges(png_with_itxt("openbadges", b'{"a":' * 100 + b"1" + b"}" * 100))
    assert p.malformed and "deep" in p.problems[0]
    assert find_badges(b'{"type": "Assertion", "pad": "' + b"x" * (3 * 1024 * 1024) + b'"}') == []


def test_bad_baked_json_is_malformed():
    (p,) = find_badges(svg_with(text="{verify:{}}", tag="assertion"))
    assert p.malformed and p.format == "ob2-malformed"
    (q,) = find_badges(png_with_itxt("openbadgecredential", "not a badge at all"))
    assert q.malformed and q.family == "ob3"


def test_presentation_yields_each_credential():
    vp = {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [
            OB2,
            {
                "@context": ["https://www.w3.org/ns/credentials/v2"],
                "type": ["VerifiableCredential"],
            },
        ],
    }
    assert [p.family for p in find_badges(json.dumps(vp).encode())] == ["ob2", "vc"]


def test_zlib_corrupt_itxt():
    data = png_with_itxt("openbadges", b"x")
    # mark as compressed without compressing: inflate fails, reported as a problem
    data = data.replace(b"openbadges\0\0\0", b"openbadges\0\1\0")
    fixed = bytearray(data)
    i = fixed.index(b"iTXt")
    (length,) = struct.unpack(">I", fixed[i - 4 : i])
    crc = zlib.crc32(bytes(fixed[i : i + 4 + length]))
    fixed[i + 4 + length : i + 8 + length] = struct.pack(">I", crc)
    (p,) = find_badges(bytes(fixed))
    assert p.malformed


def test_badge_limits_are_settings_like_every_other_limit(monkeypatch):
    """One limits system: the badge limits are fields of Limits, so --limit, CREDPARSE_LIMIT_* and
    CredentialParser(limits=…) reach them when a résumé is parsed."""
    from parser import CredentialParser

    badge = png_with_itxt("openbadges", json.dumps(OB2))
    assert not find_badges(badge)[0].malformed  # within the defaults
    tight = CredentialParser(limits=Limits(max_badge_png_chunk=100), as_of="2026-12-01")
    [cred] = tight.parse(badge, filename="badge.png").credentials
    assert cred.verification.level == "invalid"
    assert any("100-byte limit" in r for r in cred.verification.reasons)
    monkeypatch.setenv("CREDPARSE_LIMIT_MAX_BADGE_PNG_CHUNK", "100")
    from_env = CredentialParser(as_of="2026-12-01")
    [cred] = from_env.parse(badge, filename="badge.png").credentials
    assert cred.verification.level == "invalid"
