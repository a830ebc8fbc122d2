#!/usr/bin/env bash
# Make docs/report.png, the README's picture of the HTML report, from a scan of samples/ with
# Debian's headless Chromium (apt-get install chromium). Run from the repository root.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/credparse scan samples --out "$work/results.jsonl" --report "$work/report.html" --force \
  --as-of 2026-12-01 >/dev/null 2>&1
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$work/profile" --hide-scrollbars \
  --window-size=1000,1150 --screenshot=docs/report.png "file://$work/report.html" 2>/dev/null
