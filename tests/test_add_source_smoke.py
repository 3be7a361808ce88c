"""The add-a-source benchmark, small: a 6-page PDF added under a light load, every interaction acknowledged,
and the figures printed. The real run (`python benchmarks/add_source.py`, a 51-page PDF) is by hand;
its figures are in docs/benchmarks.md."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROJECT, SEEDS


def test_the_add_source_benchmark_runs_small_and_loses_no_interaction(tmp_path: Path) -> None:
    # A copy of its own: the benchmark reads the library for meaning and keeps the vectors in its index,
    # which the session's engine over `seeds_dir` must not find (it answers by words alone).
    library = tmp_path / "seeds"
    shutil.copytree(SEEDS, library, ignore=shutil.ignore_patterns(".*"))
    pdf = PROJECT / "tests" / "evaluation" / "documents" / "AER.pdf"
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/add_source.py",
            "--pdf",
            str(pdf),
            "--rate",
            "20",
            "--baseline-seconds",
            "2",
            "--sources",
            str(library),
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = run.stdout
    assert re.search(r"added AER\.pdf \(6 pages\) with /source add: 'Source added' after [\d.]+ s", out), out
    assert re.search(r"the whole library built again with it: [\d.]+ s .* takes [\d.]+x its time", out), out
    assert re.search(r"load alone .*: \d+ interactions, 0 unacknowledged", out), out
    assert re.search(r"load while adding: \d+ interactions, 0 unacknowledged", out), out
