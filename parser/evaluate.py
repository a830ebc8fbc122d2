"""``credparse eval``: measure the pipeline on labelled résumés, with the labels alone.

Two label formats:

* JSON (``tests/data/truth.json``, ``tests/samples_expected/*.json``): one object keyed by file
  name, each with ``credentials`` (``name``, optional ``aliases``, ``issuer``, optional
  ``issuer_aliases``, ``status``, ``level``, optional ``borderline``) and ``traps`` (phrases that
  must not become credentials).
* JSONL (a real-résumé development set): one object a line with ``file`` and ``credentials``
  (``name``, ``aliases``, ``issuer``, ``issuer_stated``, ``credential_id``, ``status``,
  ``borderline``, ``where``). Issuers are scored only where ``issuer_stated`` is true; the
  metrics are precision, recall, F1, issuer, in-progress and ID accuracy.

Matching never consults the catalog under test (that would let the parser grade itself). A
prediction matches a label when rapidfuzz ``token_set_ratio`` of the normalised label name, or
one of its ``aliases``, against the prediction's ``name`` or ``text`` is ≥ 80, or the label's
parenthesised acronym ("… (CKA)") is the prediction's text. Pairs are taken best-first, one to
one. A prediction that repeats a matched label, or matches a borderline label, counts neither
way; borderline labels count neither way either.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .catalog.store import norm as _trap_norm
from .models import CandidateProfile, Credential

MATCH = 80  # name similarity (token_set_ratio) for a prediction to match a label
ISSUER_MATCH = 88  # issuer similarity (token_set_ratio)
_STOP = ("of", "and", "for", "the")


@dataclass
class Pair:
    """A label and the prediction matched to it, with the verdicts on its fields."""

    label: dict[str, Any]
    pred: Credential
    score: float
    issuer_ok: bool | None  # None: the issuer is not scored for this label


@dataclass
class FileResult:
    """What happened to one résumé's labels and predictions."""

    file: str
    pairs: list[Pair] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    extra: list[Credential] = field(default_factory=list)
    ignored: list[Credential] = field(default_factory=list)  # repeats and borderline items
    error: str | None = None


@dataclass
class Report:
    metrics: dict[str, Any]
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)


def normalise(text: str | None) -> str:
    """NFKC, lower case, en/em dashes to '-', no ® or ™, single spaces."""
    if not text:
        return ""
    text = str(text).replace("®", "").replace("™", "")  # before NFKC, which spells ™ as "TM"
    text = unicodedata.normalize("NFKC", text).lower().replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", text).strip()


def label_names(label: dict[str, Any]) -> list[str]:
    """The label's name and every other wording the labels give for it."""
    return [label["name"], *(label.get("aliases") or [])]


def _acronyms(label: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for name in label_names(label):
        found.update(normalise(a) for a in re.findall(r"[(\[]([^)\]]+)[)\]]", name))
    return {a for a in found if a}


def name_similarity(label: dict[str, Any], pred: Credential) -> float:
    """0..100: how well ``pred`` names ``label``, judged on the label's own wordings only."""
    got = [normalise(c) for c in (pred.name, pred.text) if c]
    if normalise(pred.text) in _acronyms(label):
        return 100.0
    return max(
        (fuzz.token_set_ratio(normalise(n), g) for n in label_names(label) for g in got if n),
        default=0.0,
    )


def _tiebreak(label: dict[str, Any], pred: Credential) -> float:
    """Among equal token-set scores, the closer wording wins (token_set_ratio is 100 for any subset)."""
    got = [normalise(c) for c in (pred.name, pred.text) if c]
    return max((fuzz.ratio(normalise(n), g) for n in label_names(label) for g in got if n), default=0.0)


def _issuer_forms(s: str) -> set[str]:
    return {
        s,
        re.sub(r"\s*\(.*?\)", "", s).strip(),
        re.sub(r"\.(org|com|net)\b", "", s),
        re.sub(r"^the ", "", s),
        *(x.strip() for x in re.findall(r"\(([^)]+)\)", s)),
    } - {""}


def _initials(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z]+", s) if w not in _STOP)


def _acronym_of(short: str, long: str) -> bool:
    """``short`` is built from the start of every word of ``long`` in order (FINRA, ACAMS, NREMT).

    Plain initials are the case of one letter a word; a word may give more ("FINancial").
    Words of, and, for, the may be skipped.
    """
    if len(short) < 3 or not short.isalpha():
        return False
    words = re.findall(r"[a-z]+", long)
    if len(words) < 2:
        return False

    def fits(rest: str, i: int) -> bool:
        if i == len(words):
            return not rest
        word = words[i]
        if word in _STOP and fits(rest, i + 1):
            return True
        return any(rest.startswith(word[:k]) and fits(rest[k:], i + 1) for k in range(1, len(word) + 1))

    return fits(short, 0)


def _one_issuer_ok(want: str, got: str) -> bool:
    t = re.sub(r"[,.;:]+(\s|$)", r"\1", normalise(want)).strip()
    p = re.sub(r"[,.;:]+(\s|$)", r"\1", normalise(got)).strip()
    if not p or not t:
        return False
    if t == p or fuzz.token_set_ratio(t, p) >= ISSUER_MATCH:
        return True
    tf, pf = _issuer_forms(t), _issuer_forms(p)
    if tf & pf:
        return True
    return any(_acronym_of(x, y) or _acronym_of(y, x) for x in tf for y in pf)


def issuer_matches(label: dict[str, Any], got: str | None) -> bool:
    """The prediction's issuer is the label's (or one of its ``issuer_aliases``); "A|B" accepts either."""
    wants = [label.get("issuer") or "", *(label.get("issuer_aliases") or [])]
    alternatives = [w.strip() for want in wants for w in want.split("|") if w.strip()]
    if not alternatives:
        return not got
    return any(_one_issuer_ok(w, got or "") for w in alternatives)


def _issuer_scored(label: dict[str, Any], stated_only: bool) -> bool:
    if stated_only:
        return bool(label.get("issuer_stated")) and bool(label.get("issuer"))
    return label.get("issuer_stated", True) is not False


def match_file(
    name: str, preds: list[Credential], labels: Iterable[dict[str, Any]], *, stated_only: bool = False
) -> FileResult:
    """Pair one résumé's predictions with its labels, best-first and one to one."""
    labels = list(labels)
    gold = [lb for lb in labels if not lb.get("borderline")]
    border = [lb for lb in labels if lb.get("borderline")]
    sims = [[name_similarity(lb, p) for p in preds] for lb in gold]
    scored = sorted(
        (
            (-sims[i][j], -_tiebreak(gold[i], preds[j]), i, j)
            for i in range(len(gold))
            for j in range(len(preds))
            if sims[i][j] >= MATCH
        ),
    )
    result = FileResult(file=name)
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    paired: dict[int, Pair] = {}
    for neg, _, i, j in scored:
        if i in taken_g or j in taken_p:
            continue
        taken_g.add(i)
        taken_p.add(j)
        label, pred = gold[i], preds[j]
        ok = issuer_matches(label, pred.issuer.name) if _issuer_scored(label, stated_only) else None
        paired[i] = Pair(label, pred, -neg, ok)
    result.pairs = [paired[i] for i in sorted(paired)]  # in label order
    result.missed = [lb for i, lb in enumerate(gold) if i not in taken_g]
    for j, pred in enumerate(preds):
        if j in taken_p:
            continue
        repeat = any(sims[i][j] >= MATCH for i in taken_g)
        if repeat or any(name_similarity(lb, pred) >= MATCH for lb in border):
            result.ignored.append(pred)
        else:
            result.extra.append(pred)
    return result


def _ratio(ok: int, n: int) -> float | None:
    return round(ok / n, 3) if n else None


def evaluate_profiles(
    profiles: dict[str, CandidateProfile], truth: dict[str, Any], *, real_dev: bool = False
) -> Report:
    """Score ``profiles`` (keyed by file name) against ``truth`` (labels keyed by file name).

    ``real_dev``: the labels came from the JSONL format: issuers are scored only where
    ``issuer_stated``, and the metrics are those of that set (no level, traps or status).
    """
    tp = fp = fn = 0
    issuer_n = issuer_ok = status_ok = level_ok = 0
    progress_n = progress_ok = id_n = id_ok = 0
    trap_hits = traps = missing = errors = borderline = 0
    report = Report(metrics={})
    for name, labels in truth.items():
        profile = profiles.get(name)
        creds = labels.get("credentials", [])
        borderline += sum(bool(c.get("borderline")) for c in creds)
        traps += len(labels.get("traps", []))
        if profile is None or profile.error is not None:
            missing += profile is None
            errors += profile is not None
        preds = list(profile.credentials) if profile else []
        result = match_file(name, preds, creds, stated_only=real_dev)
        if profile is not None and profile.error is not None:
            result.error = profile.error.code
        report.files.append(result)
        tp += len(result.pairs)
        fn += len(result.missed)
        fp += len(result.extra)
        for pair in result.pairs:
            label, pred = pair.label, pair.pred
            checks: list[tuple[str, bool, Any, Any]] = []
            if pair.issuer_ok is not None:
                issuer_n += 1
                issuer_ok += pair.issuer_ok
                checks.append(("issuer", pair.issuer_ok, pred.issuer.name, label.get("issuer")))
            if real_dev:
                if label.get("status") == "in_progress":
                    progress_n += 1
                    good = pred.status == "in_progress"
                    progress_ok += good
                    checks.append(("status", good, pred.status, label.get("status")))
                if label.get("credential_id"):
                    id_n += 1
                    good = _id_key(pred.credential_id) == _id_key(label["credential_id"])
                    id_ok += good
                    checks.append(("credential_id", good, pred.credential_id, label["credential_id"]))
            else:
                good = pred.status == label.get("status", "earned")
                status_ok += good
                checks.append(("status", good, pred.status, label.get("status")))
                good = pred.verification.level == label.get("level", "unverifiable")
                level_ok += good
                checks.append(("level", good, pred.verification.level, label.get("level")))
            for what, good, got, want in checks:
                if not good:
                    report.wrong.append(f"{name}: {label['name']}: {what} {got!r} != {want!r}")
        for label in result.missed:
            why = f" ({result.error})" if result.error else ""
            report.misses.append(f"{name}: missed {label['name']!r}{why}")
        for pred in result.extra:
            snippet = _trap_norm(pred.evidence[0].snippet) if pred.evidence else ""
            text = _trap_norm(pred.text)
            if any(text in _trap_norm(t) or _trap_norm(t) in snippet for t in labels.get("traps", [])):
                trap_hits += 1
            report.false_positives.append(f"{name}: extra {pred.name!r} (text {pred.text!r})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    common = {
        "files": len(truth),
        "labelled": tp + fn,
        "predicted": tp + fp,
        "true_positives": tp,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
    }
    if real_dev:
        report.metrics = {
            **common,
            "false_positives": fp,
            "false_negatives": fn,
            "borderline": borderline,
            "missing": missing,
            "errors": errors,
            "issuer_accuracy": _ratio(issuer_ok, issuer_n),
            "issuer_scored": issuer_n,
            "in_progress_accuracy": _ratio(progress_ok, progress_n),
            "id_accuracy": _ratio(id_ok, id_n),
        }
    else:
        report.metrics = {
            **common,
            "issuer_accuracy": round(issuer_ok / issuer_n, 3) if issuer_n else 0.0,
            "status_accuracy": round(status_ok / tp, 3) if tp else 0.0,
            "level_accuracy": round(level_ok / tp, 3) if tp else 0.0,
            "traps": traps,
            "traps_reported": trap_hits,
        }
    return report


def _id_key(value: str | None) -> str:
    return normalise(value).replace(" ", "")


def load_truth(path: Path) -> tuple[dict[str, Any], bool]:
    """Labels keyed by file name, and whether they came in the real-dev JSONL format.

    The format is told by the extension (``.jsonl``) or, failing that, by the content: several
    JSON objects one a line, or one object with ``file`` and ``credentials`` at its top.
    """
    text = path.read_text(encoding="utf-8-sig")
    jsonl = path.suffix.lower() == ".jsonl"
    data: Any = None
    if not jsonl:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            jsonl = True
        else:
            jsonl = isinstance(data, dict) and "file" in data and "credentials" in data
    if jsonl:
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return {str(row["file"]): row for row in rows}, True
    if isinstance(data, dict):
        data = data.get("files", data)
    if isinstance(data, list):  # a list of per-file objects
        data = {str(row["file"]): row for row in data}
    return data, False


def resolve(directory: Path, name: str) -> Path:
    """Where a labelled file lives: ``DIR/name``, else ``DIR/files/name`` (the real-dev layout)."""
    path = directory / name
    if not path.exists() and (directory / "files" / name).exists():
        return directory / "files" / name
    return path


def evaluate_dir(directory: Path, truth_path: Path, as_of: str | None = None) -> Report:
    from .engine import Engine

    truth, real_dev = load_truth(truth_path)
    cp = Engine(as_of=as_of or "2026-11-25")
    profiles = {name: cp.parse(str(resolve(directory, name))) for name in truth}
    return evaluate_profiles(profiles, truth, real_dev=real_dev)


def render(report: Report, verbose: bool = False) -> str:
    m = report.metrics
    rows = [
        "| metric | value |",
        "|---|---|",
        *(f"| {k} | {'n/a' if v is None else v} |" for k, v in m.items()),
    ]
    if verbose:
        rows += ["", *report.misses, *report.false_positives, *report.wrong]
    return "\n".join(rows)
