"""Run the whole test suite several times in a row while another process keeps every core busy.

The suite must not be flaky on a loaded machine (CI shares its cores). Usage:

    python benchmarks/busy_suite.py [--runs 5] [-- PYTEST_ARGS...]

Prints each run's outcome and duration, and exits non-zero if any run failed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def burn() -> None:
    """Spin on one core until killed."""
    while True:
        pass


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (after --)")
    args = parser.parse_args()
    burners = [multiprocessing.Process(target=burn, daemon=True) for _ in range(os.cpu_count() or 2)]
    for burner in burners:
        burner.start()
    failures = 0
    try:
        for run in range(1, args.runs + 1):
            started = time.perf_counter()
            result = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args.pytest_args],
                cwd=PROJECT,
                capture_output=True,
                text=True,
            )
            summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "(no output)"
            print(
                f"run {run}: {'passed' if result.returncode == 0 else 'FAILED'} in "
                f"{time.perf_counter() - started:.0f} s: {summary}",
                flush=True,
            )
            if result.returncode != 0:
                failures += 1
                print(result.stdout[-6000:], flush=True)
    finally:
        for burner in burners:
            burner.kill()
    print(f"{args.runs - failures} of {args.runs} runs passed with {len(burners)} cores kept busy")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
