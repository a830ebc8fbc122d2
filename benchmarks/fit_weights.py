"""Would a trained model beat the hand-set decision weights? ``python -m benchmarks.fit_weights``.

The decision stage is a logistic model already: confidence = logistic(base + the weights of the
evidence that applies). This fits those weights by L2-regularised logistic regression on the
candidates of the generated labelled set (``tests/data``; a candidate is positive when a label
names it), writes them into a copy of ``patterns/``, and scores both weight sets on the generated
set and, when it is present, on the real development set (``../shared/real-dev``). README
"Accuracy" reports the outcome.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
REAL_DEV = ROOT.parent / "shared" / "real-dev"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def candidates() -> tuple[list[str], np.ndarray, np.ndarray]:
    """Evidence vectors of every candidate of the generated set, and whether a label names it."""
    from parser import CredentialParser
    from parser.nlp.decide import REGISTRY

    names = list(REGISTRY)
    cp = CredentialParser(as_of="2026-11-25")
    truth = json.loads((DATA / "truth.json").read_text(encoding="utf-8"))
    rows, labels = [], []
    for file, lab in truth.items():
        _, trace = cp.explain(str(DATA / file))
        wanted = [c["name"] for c in lab.get("credentials", [])]
        wanted += [a for c in lab.get("credentials", []) for a in c.get("aliases", [])]
        for t in trace:
            hit = {e.split(" ")[0] for e in t.evidence.split("; ") if e}
            rows.append([1.0 if n in hit else 0.0 for n in names])
            labels.append(
                1.0 if any(fuzz.token_set_ratio(_norm(w), _norm(t.text)) >= 80 for w in wanted) else 0.0
            )
    return names, np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 20000) -> tuple[np.ndarray, float]:
    """Plain gradient descent on the logistic loss with an L2 penalty."""
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        w -= 0.5 * (x.T @ (p - y) / len(y) + l2 * w / len(y))
        b -= 0.5 * float((p - y).mean())
    return w, b


def write_patterns(folder: Path, names: list[str], w: np.ndarray, b: float) -> None:
    shutil.copytree(ROOT / "patterns", folder)
    path = folder / "evidence.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^base: .*$", f"base: {b:.3f}", text, flags=re.M)
    text = re.sub(r"^threshold: .*$", "threshold: 0.5", text, flags=re.M)
    for name, value in zip(names, w):
        text = re.sub(rf"^(  {name}: )[-0-9.]+", rf"\g<1>{value:.3f}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")


def score(patterns: Path | None, out: Path) -> dict[str, str]:
    """F1 on both sets with the given patterns folder (None: the shipped one)."""
    env = dict(os.environ, CREDPARSE_CACHE="")
    if patterns is not None:
        env["CREDPARSE_PATTERNS"] = str(patterns)
    cli = [str(Path(sys.executable).parent / "credparse")]
    gen = subprocess.run(
        [*cli, "eval", str(DATA), "--truth", str(DATA / "truth.json")],
        env=env,
        capture_output=True,
        text=True,
    ).stdout
    found = dict(re.findall(r"\| (precision|recall|f1) \| ([0-9.]+) \|", gen))
    result = {f"generated {k}": v for k, v in found.items()}
    if REAL_DEV.is_dir():
        subprocess.run(
            [*cli, "scan", str(REAL_DEV / "files"), "--out", str(out), "--force", "--as-of", "2026-12-01"],
            env=env,
            capture_output=True,
        )
        real = subprocess.run(
            [*cli, "eval", str(REAL_DEV / "files"), "--truth", str(REAL_DEV / "truth.jsonl")],
            env=env,
            capture_output=True,
            text=True,
        ).stdout
        result |= {
            f"real-dev {k}": v for k, v in re.findall(r"\| (precision|recall|f1) \| ([0-9.]+) \|", real)
        }
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=0.1, help="L2 penalty (default 0.1)")
    args = ap.parse_args()
    names, x, y = candidates()
    print(f"{len(y)} candidates in the generated set, {int(y.sum())} named by a label")
    w, b = fit(x, y, args.l2)
    print("fitted: base", round(b, 2), {n: round(float(v), 2) for n, v in zip(names, w) if abs(v) > 0.01})
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "patterns"
        write_patterns(folder, names, w, b)
        rows = {
            "hand-set weights": score(None, Path(tmp) / "a.jsonl"),
            "fitted weights": score(folder, Path(tmp) / "b.jsonl"),
        }
    keys = sorted({k for r in rows.values() for k in r})
    print(f"{'':18}" + "".join(f"{k:>20}" for k in keys))
    for label, r in rows.items():
        print(f"{label:18}" + "".join(f"{r.get(k, '-'):>20}" for k in keys))


if __name__ == "__main__":
    main()
