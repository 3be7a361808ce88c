"""The reading benchmark, small: it runs on one PDF and one page and prints its comparison.

The real runs (`python benchmarks/reading_benchmark.py`, and with `--pdf` on a long report) are by
hand; their figures are in docs/benchmarks.md.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT

DOCUMENTS = PROJECT / "tests" / "evaluation" / "documents"


def test_the_reading_benchmark_compares_studybot_with_its_peers():
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/reading_benchmark.py",
            "--pdf",
            str(DOCUMENTS / "AER.pdf"),
            "--html",
            str(DOCUMENTS / "udhr-english.html"),
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "PDF: 1 files, 6 pages" in run.stdout and "x studybot's time" in run.stdout
    for peer in ("pypdf", "pdfminer.six", "trafilatura default", "readability-lxml"):
        assert peer in run.stdout
