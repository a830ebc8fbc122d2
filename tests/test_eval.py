"""Accuracy on the labelled set in tests/data (the numbers the README reports)."""

from __future__ import annotations

from pathlib import Path

from parser.evaluate import evaluate_dir

DATA = Path(__file__).resolve().parent / "data"


def test_labelled_set_accuracy():
    report = evaluate_dir(DATA, DATA / "truth.json", as_of="2026-11-25")
    m = report.metrics
    print(m)
    assert m["files"] >= 25 and m["labelled"] >= 100
    assert m["f1"] >= 0.90, report.misses + report.false_positives
    assert m["issuer_accuracy"] >= 0.90 and m["status_accuracy"] >= 0.90 and m["level_accuracy"] >= 0.90
    assert m["traps_reported"] == 0, report.false_positives
