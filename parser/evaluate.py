"""``credparse eval``: measure the pipeline on labelled résumés.

Labels are one JSON object keyed by file name, each with ``credentials`` (name, issuer,
status, level) and ``traps`` (phrases that must not become credentials). A predicted
credential matches a label when their names agree (normalised, fuzzy ratio ≥ 88, or the
label's name equals the mention as written).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from .catalog.store import norm
from .models import CandidateProfile, Credential


@dataclass
class Report:
    metrics: dict[str, Any]
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _name_score(pred: Credential, label: dict[str, Any]) -> float:
    """How well a prediction names a label: its name, its mention, or its catalog aliases."""
    want = norm(label["name"])
    names = [pred.name, pred.text]
    if pred.catalog_id:
        from .catalog.store import load_catalog

        entry = load_catalog().credentials.get(pred.catalog_id)
        if entry is not None:
            names += [*entry.aliases, *entry.acronyms]
            short = re.findall(r"\(([^)]+)\)", label["name"])
            if any(s.strip() in (*entry.acronyms, *entry.exam_codes, *entry.weak_acronyms) for s in short):
                return 100.0
    bare = norm(re.sub(r"\([^)]*\)", "", label["name"]))
    names += [re.sub(r"\([^)]*\)", "", n) for n in names]
    return max(max(fuzz.ratio(norm(n), want), fuzz.ratio(norm(n), bare)) for n in names)


def _same_issuer(pred: Credential, label: dict[str, Any]) -> bool:
    """Issuers agree by name, or the label uses one of the catalog issuer's aliases or acronyms."""
    want = norm(label.get("issuer") or "")
    names = [pred.issuer.name or ""]
    if pred.issuer.id:
        from .catalog.store import load_catalog

        entry = load_catalog().issuers.get(pred.issuer.id)
        if entry is not None:
            names += [*entry.aliases, *entry.acronyms]
    if not want:
        return not pred.issuer.name
    bare = norm(re.sub(r"\([^)]*\)", "", label.get("issuer") or ""))
    return any(
        got and (fuzz.ratio(got, want) >= 85 or fuzz.ratio(got, bare) >= 85 or want in got or got in want)
        for got in (norm(n) for n in names)
    )


def evaluate_profiles(profiles: dict[str, CandidateProfile], truth: dict[str, Any]) -> Report:
    tp = fp = fn = 0
    issuer_ok = status_ok = level_ok = 0
    trap_hits = traps = 0
    report = Report(metrics={})
    for name, labels in truth.items():
        profile = profiles.get(name)
        preds = list(profile.credentials) if profile else []
        remaining = list(range(len(preds)))
        traps += len(labels.get("traps", []))
        for label in labels.get("credentials", []):
            scored = sorted(((_name_score(preds[i], label), i) for i in remaining), reverse=True)
            if scored and scored[0][0] >= 88:
                i = scored[0][1]
                remaining.remove(i)
                tp += 1
                pred = preds[i]
                ok_issuer = _same_issuer(pred, label)
                issuer_ok += ok_issuer
                status_ok += pred.status == label.get("status", "earned")
                level_ok += pred.verification.level == label.get("level", "unverifiable")
                for what, good, got, want in (
                    ("issuer", ok_issuer, pred.issuer.name, label.get("issuer")),
                    (
                        "status",
                        pred.status == label.get("status", "earned"),
                        pred.status,
                        label.get("status"),
                    ),
                    (
                        "level",
                        pred.verification.level == label.get("level", "unverifiable"),
                        pred.verification.level,
                        label.get("level"),
                    ),
                ):
                    if not good:
                        report.wrong.append(f"{name}: {label['name']}: {what} {got!r} != {want!r}")
            else:
                fn += 1
                report.misses.append(f"{name}: missed {label['name']!r}")
        for i in remaining:
            fp += 1
            pred = preds[i]
            snippet = norm(pred.evidence[0].snippet) if pred.evidence else ""
            if any(norm(pred.text) in norm(t) or norm(t) in snippet for t in labels.get("traps", [])):
                trap_hits += 1
            report.false_positives.append(f"{name}: extra {pred.name!r} (text {pred.text!r})")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    report.metrics = {
        "files": len(truth),
        "labelled": tp + fn,
        "predicted": tp + fp,
        "true_positives": tp,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "issuer_accuracy": round(issuer_ok / tp, 3) if tp else 0.0,
        "status_accuracy": round(status_ok / tp, 3) if tp else 0.0,
        "level_accuracy": round(level_ok / tp, 3) if tp else 0.0,
        "traps": traps,
        "traps_reported": trap_hits,
    }
    return report


def evaluate_dir(directory: Path, truth_path: Path, as_of: str | None = None) -> Report:
    from .engine import CredentialParser

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    truth = truth.get("files", truth) if isinstance(truth, dict) else truth
    cp = CredentialParser(as_of=as_of or "2026-11-25")
    profiles = {name: cp.parse(str(directory / name)) for name in truth}
    return evaluate_profiles(profiles, truth)


def render(report: Report, verbose: bool = False) -> str:
    m = report.metrics
    rows = [
        "| metric | value |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in m.items()),
    ]
    if verbose:
        rows += ["", *report.misses, *report.false_positives, *report.wrong]
    return "\n".join(rows)
