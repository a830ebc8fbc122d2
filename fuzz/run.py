"""Fuzz one reader: ``python -m fuzz.run pdf --runs 1000000`` (atheris, coverage-guided) or
``--engine hypothesis`` (a byte fuzzer seeded from the samples, when atheris is missing).

Prints executions, seconds and executions/s; exits non-zero on the first crashing input,
which is written to ``fuzz/crashes/<reader>-<sha1>``.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

from .targets import MEDIA, seeds, target

CRASHES = Path(__file__).resolve().parent / "crashes"


def _save(name: str, data: bytes) -> Path:
    CRASHES.mkdir(exist_ok=True)
    path = CRASHES / f"{name}-{hashlib.sha1(data).hexdigest()}"
    path.write_bytes(data)
    return path


def run_hypothesis(name: str, runs: int, max_len: int) -> int:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    fn = target(name)
    starts = seeds(name, max_len) or [b""]
    count = 0

    def mutate(seed: bytes, cut: int, insert: bytes, pos: int) -> bytes:
        pos = pos % (len(seed) + 1)
        return seed[:pos] + insert + seed[pos + cut :]

    @settings(max_examples=runs, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(
        st.one_of(
            st.binary(max_size=4096),
            st.builds(
                mutate,
                st.sampled_from(starts),
                st.integers(0, 512),
                st.binary(max_size=64),
                st.integers(0, 1 << 20),
            ),
        )
    )
    def fuzz(data: bytes) -> None:
        nonlocal count
        count += 1
        try:
            fn(data)
        except Exception:
            print(f"crash: {_save(name, data)}", file=sys.stderr)
            raise

    fuzz()
    return count


def run_atheris(name: str, runs: int, max_len: int) -> int:
    import atheris

    with atheris.instrument_imports():
        fn = target(name)
    # The readers were already imported (by .targets) before instrument_imports could see them;
    # without coverage feedback libFuzzer never grows its corpus beyond one input.
    atheris.instrument_all()
    corpus = CRASHES.parent / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(seeds(name, max_len)):
        (corpus / f"seed{i}").write_bytes(seed)
    CRASHES.mkdir(parents=True, exist_ok=True)
    atheris.Setup(
        [
            sys.argv[0],
            f"-runs={runs}",
            f"-max_len={max_len}",
            "-print_final_stats=1",
            f"-artifact_prefix={CRASHES}/{name}-",
            str(corpus),
        ],
        fn,
    )
    atheris.Fuzz()
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("reader", choices=sorted(MEDIA))
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--engine", choices=("atheris", "hypothesis"), default=None)
    ap.add_argument(
        "--max-len", type=int, default=None, help="largest input in bytes (default: 20000 for pdf, else 200000)"
    )
    args = ap.parse_args()
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401

            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    max_len = args.max_len or (20_000 if args.reader == "pdf" else 200_000)
    started = time.perf_counter()
    run = run_atheris if engine == "atheris" else run_hypothesis
    n = run(args.reader, args.runs, max_len)
    secs = time.perf_counter() - started
    print(f"{args.reader}: {n} executions in {secs:.1f} s ({n / secs:.0f}/s) with {engine}, no crash")


if __name__ == "__main__":
    main()
