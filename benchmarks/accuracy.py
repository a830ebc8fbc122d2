"""``python -m benchmarks.accuracy``: how right the parser is, and how it fails.

Scores the generated labelled set (``tests/data`` + ``tests/data/truth.json``) and, when the
folder exists, the real-résumé development set (``../shared/real-dev`` beside the repository, or
``--real-dev PATH``: ``truth.jsonl`` and ``files/``). For each it prints precision, recall, F1,
issuer accuracy and the time per résumé (one :class:`~parser.CredentialParser` in this
process), then counts every false positive and every miss by failure pattern (simple rules on
the text and the label, see :func:`fp_pattern` and :func:`fn_pattern`). Matching is the one of
``credparse eval``: labels alone, never the catalog. When the real-dev folder carries its own
``score.py``, that scorer is run on the JSONL written here and its ``score`` line is printed
beside ours.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from parser import CredentialParser
from parser.evaluate import FileResult, Report, evaluate_profiles, load_truth, normalise, resolve
from parser.models import Credential

from .throughput import percentile

ROOT = Path(__file__).resolve().parents[1]
GENERATED = ROOT / "tests" / "data"
REAL_DEV = ROOT.parent / "shared" / "real-dev"
AS_OF = {"generated": "2026-11-25", "real-dev": "2026-12-01"}  # the dates each set is labelled for

FP_PATTERNS = (
    "degree",
    "skill or phrase",
    "personal data",
    "award",
    "heading",
    "course/training",
    "other",
)
FN_PATTERNS = ("inline (outside a credentials section)", "several on one line", "issuer wrong", "other")

_PERSONAL = re.compile(
    r"^\W*(date of birth|birth ?date|d\.?o\.?b|born|nationality|citizenship|marital status|gender|sex|"
    r"religion|passport(?: no\.?| number)?|visa(?: status)?|place of birth|age|address|phone|mobile|"
    r"e-?mail|driving licen[cs]e|driver'?s licen[cs]e|national id|id number|social security)\s*[:：]",
    re.I,
)
_HEADING_WORDS = (
    r"certifications?|certificates?|licen[cs]es?|licensures?|credentials?|awards?|honou?rs?|"
    r"accreditations?|qualifications?|trainings?|courses?|education|professional development|"
    r"continuing education|achievements?|affiliations?|memberships?|skills"
)
_HEADING = re.compile(rf"^(?:{_HEADING_WORDS})(?:\s*(?:,|and|&|/)\s*(?:{_HEADING_WORDS}))*\s*:?$", re.I)
_CAPS_HEADING = re.compile(r"\b(?:AWARDS|CERTIFICATIONS?|CERTIFICATES|LICEN[CS]ES|CREDENTIALS|EDUCATION)\b")
_DEGREE = re.compile(
    r"\b(bachelor'?s?|master'?s|masters? (?:of|in)|associate'?s(?: degree)?|associate (?:of|degree|in)|"
    r"diploma|ged|high school|degree|mba|bsc|msc|bsn|ph\.?d|doctorate|b\.[sa]\.|m\.[sa]\.)(?!\w)",
    re.I,
)
_AWARD = re.compile(
    r"\b(awards?|awarded|honou?rs?|prize|medal|dean'?s list|scholarship|recognition|recognized|"
    r"employee of the (?:month|year)|winner|finalist)\b",
    re.I,
)
_COURSE = re.compile(
    r"\b(course|coursework|training|trained|workshop|seminar|class|classes|program|programme|bootcamp|"
    r"webinar|module|continuing education|ceus?|tutorial)\b",
    re.I,
)
_CREDENTIAL_WORD = re.compile(
    r"certif|licen[cs]|accredit|registered|chartered|credential|badge|\bcard\b|qualif|diploma|\bcert\b|"
    r"permit|endorse",
    re.I,
)


def fp_pattern(pred: Credential) -> str:
    """Why a prediction that no label wants was kept, guessed from its text and evidence line."""
    text = pred.text or pred.name or ""
    snippet = pred.evidence[0].snippet if pred.evidence else ""
    bare = re.sub(r"^[\W\d_]+|[\W_]+$", "", text)
    if _PERSONAL.search(text) or _PERSONAL.search(snippet):
        return "personal data"
    if _HEADING.match(bare) or _CAPS_HEADING.search(text):
        return "heading"
    if _DEGREE.search(text):
        return "degree"
    if _AWARD.search(text):
        return "award"
    if _COURSE.search(text):
        return "course/training"
    if not _CREDENTIAL_WORD.search(text):
        return "skill or phrase"
    return "other"


def _wordings(label: dict[str, Any]) -> list[str]:
    names = [label["name"], *(label.get("aliases") or [])]
    names += [re.sub(r"\s*[(\[][^)\]]*[)\]]", "", n) for n in names]
    return [w for w in (normalise(n) for n in names) if len(w) >= 3]


def fn_pattern(label: dict[str, Any], result: FileResult) -> str:
    """Why a label was missed: written inline, shares a line with another found credential, or other."""
    if label.get("where") == "inline":
        return "inline (outside a credentials section)"
    wordings = _wordings(label)
    for pair in result.pairs:
        if pair.label is label:
            continue
        for ev in pair.pred.evidence:
            snippet = normalise(ev.snippet)
            if any(w in snippet for w in wordings):
                return "several on one line"
    return "other"


def patterns(report: Report) -> tuple[dict[str, int], dict[str, int], list[str]]:
    """Counts of false positives and misses by pattern, and one line per failure."""
    fps = dict.fromkeys(FP_PATTERNS, 0)
    fns = dict.fromkeys(FN_PATTERNS, 0)
    lines: list[str] = []
    for result in report.files:
        for pred in result.extra:
            kind = fp_pattern(pred)
            fps[kind] += 1
            lines.append(f"FP [{kind}] {result.file}: {pred.text!r}")
        for label in result.missed:
            kind = fn_pattern(label, result)
            fns[kind] += 1
            lines.append(f"FN [{kind}] {result.file}: {label['name']!r}")
        for pair in result.pairs:
            if pair.issuer_ok is False:
                fns["issuer wrong"] += 1
                lines.append(
                    f"FN [issuer wrong] {result.file}: {pair.label['name']!r}: "
                    f"{pair.pred.issuer.name!r} != {pair.label.get('issuer')!r}"
                )
    return fps, fns, lines


def run_set(cp: CredentialParser, name: str, directory: Path, truth_path: Path) -> dict[str, Any]:
    """Parse every labelled file of one set (timed one by one) and score it."""
    truth, real_dev = load_truth(truth_path)
    as_of = AS_OF.get(name, AS_OF["generated"])
    profiles = {}
    seconds = []
    for file in truth:
        started = time.perf_counter()
        profiles[file] = cp.parse(str(resolve(directory, file)), as_of=as_of)
        seconds.append(time.perf_counter() - started)
    report = evaluate_profiles(profiles, truth, real_dev=real_dev)
    fps, fns, lines = patterns(report)
    return {
        "name": name,
        "metrics": report.metrics,
        "ms_mean": 1000 * sum(seconds) / len(seconds) if seconds else 0.0,
        "ms_p95": 1000 * percentile(seconds, 95),
        "fp_patterns": fps,
        "fn_patterns": fns,
        "failures": lines,
        "profiles": profiles,
    }


def official_score(real_dev: Path, profiles: dict[str, Any], folder: Path) -> str | None:
    """The set's own scorer on the profiles written as JSONL: its ``score`` line, or None."""
    scorer = real_dev / "score.py"
    if not scorer.is_file():
        return None
    out = folder / "real-dev.jsonl"
    out.write_text("".join(p.model_dump_json() + "\n" for p in profiles.values()), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(scorer), str(real_dev / "truth.jsonl"), str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("score")]
    if done.returncode != 0 or not lines:
        return f"score.py failed ({done.returncode}): {done.stderr.strip().splitlines()[-1:]}"
    return lines[-1]


def _fmt(v: Any) -> str:
    return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)


def report(sets: list[dict[str, Any]]) -> str:
    out = ["accuracy (labels alone, never the catalog)", ""]
    head = ("set", "files", "labelled", "predicted", "precision", "recall", "F1", "issuer acc", "ms/résumé")
    rows = [head]
    for s in sets:
        m = s["metrics"]
        issuer = _fmt(m["issuer_accuracy"])
        if "issuer_scored" in m:
            issuer += f" (of {m['issuer_scored']} stated)"
        rows.append(
            (
                s["name"],
                str(m["files"]),
                str(m["labelled"]),
                str(m["predicted"]),
                _fmt(m["precision"]),
                _fmt(m["recall"]),
                _fmt(m["f1"]),
                issuer,
                f"{s['ms_mean']:.1f} (p95 {s['ms_p95']:.0f})",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    out += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    extra = [s for s in sets if "in_progress_accuracy" in s["metrics"]]
    for s in extra:
        m = s["metrics"]
        out.append(
            f"{s['name']}: in-progress accuracy {_fmt(m['in_progress_accuracy'])}, ID accuracy "
            f"{_fmt(m['id_accuracy'])}, {m['borderline']} borderline labels (scored neither way), "
            f"{m['errors']} errors, {m['missing']} missing"
        )
    out += ["", "failure patterns"]
    width = max(len(k) for k in (*FP_PATTERNS, *FN_PATTERNS)) + 3
    out.append(f"{'':<{width}}" + "".join(f"{s['name']:>12}" for s in sets))
    for prefix, key, names in (("FP", "fp_patterns", FP_PATTERNS), ("FN", "fn_patterns", FN_PATTERNS)):
        for kind in names:
            out.append(f"{prefix} {kind:<{width - 3}}" + "".join(f"{s[key][kind]:>12}" for s in sets))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--real-dev",
        type=Path,
        default=REAL_DEV,
        help="folder of the real-résumé set: truth.jsonl, files/, optionally score.py "
        "(default: ../shared/real-dev beside the repository)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="list every failure with its pattern")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)

    cp = CredentialParser(as_of=AS_OF["generated"])
    cp.parse(str(sorted(GENERATED.glob("*.txt"))[0]))  # warm-up: lazy imports and first-call caches
    sets = [run_set(cp, "generated", GENERATED, GENERATED / "truth.json")]
    official = None
    real = args.real_dev
    if (real / "truth.jsonl").is_file():
        sets.append(run_set(cp, "real-dev", real, real / "truth.jsonl"))
        with tempfile.TemporaryDirectory(prefix="credparse-accuracy-") as tmp:
            official = official_score(real, sets[-1]["profiles"], Path(tmp))
    else:
        print(f"real-dev set not found at {real} (no truth.jsonl): skipped", file=sys.stderr)

    print(report(sets))
    if official is not None:
        print(f"\nofficial scorer ({real / 'score.py'}) on the same profiles:\n{official}")
    if args.verbose:
        for s in sets:
            print(f"\n{s['name']} failures:")
            print("\n".join(f"  {line}" for line in s["failures"]))
    if args.json:
        data = [{k: v for k, v in s.items() if k != "profiles"} for s in sets]
        args.json.write_text(json.dumps({"sets": data, "official": official}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
