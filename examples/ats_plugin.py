"""An ATS plugin in one file: turn a résumé into the record an applicant-tracking system keeps.

Two ways in, same output:
  * in-process, with the library (CONTRACT §0):   python examples/ats_plugin.py cv.pdf
  * over HTTP, against `credparse serve`:          python examples/ats_plugin.py cv.pdf --url http://127.0.0.1:8000
The HTTP path uses only the standard library, so a plugin needs nothing but credparse's API.
Set CREDPARSE_API_TOKEN when the server requires a bearer token.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any


def ats_record(profile: dict[str, Any]) -> dict[str, Any]:
    """What a recruiter screen needs: who, what can be checked in one click, what needs a look."""
    creds = profile.get("credentials") or []

    def brief(c: dict[str, Any]) -> dict[str, Any]:
        return {
            "name": c["name"],
            "issuer": c["issuer"]["name"],
            "status": c["status"],
            "level": c["verification"]["level"],
            "url": c.get("url"),
        }

    cand = profile.get("candidate") or {}
    return {
        "candidate": cand.get("name"),
        "email": (cand.get("emails") or [None])[0],
        "checkable": [brief(c) for c in creds if c["verification"]["level"] in ("verified", "verifiable")],
        "needs_review": [brief(c) for c in creds if c["verification"]["level"] in ("suspicious", "invalid")],
        "claims_without_proof": sum(c["verification"]["level"] == "unverifiable" for c in creds),
        "error": profile.get("error"),
    }


def via_library(path: Path, as_of: str | None) -> dict[str, Any]:
    from parser import CredentialParser

    profile = CredentialParser().parse(str(path), as_of=as_of)  # never raises for a bad file
    return json.loads(profile.model_dump_json())


def via_http(path: Path, url: str, as_of: str | None) -> dict[str, Any]:
    boundary = uuid.uuid4().hex
    fields = {"as_of": as_of} if as_of else {}
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
        for k, v in fields.items()
    )
    body += (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + path.read_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    if os.environ.get("CREDPARSE_API_TOKEN"):
        headers["Authorization"] = f"Bearer {os.environ['CREDPARSE_API_TOKEN']}"
    request = urllib.request.Request(url.rstrip("/") + "/v1/parse", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.load(response)
    except urllib.error.HTTPError as exc:  # 4xx: the body is {"error": {"code", "message"}}
        error = json.load(exc)["error"]
        return {"source": {"file": path.name}, "credentials": [], "error": error}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("resume", type=Path)
    ap.add_argument("--url", help="Base URL of `credparse serve`; without it the library is used.")
    ap.add_argument("--as-of", help="Judge expiry as of this ISO date.")
    args = ap.parse_args(argv)
    profile = (
        via_http(args.resume, args.url, args.as_of) if args.url else via_library(args.resume, args.as_of)
    )
    print(json.dumps(ats_record(profile), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
