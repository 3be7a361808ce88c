"""The search scaling benchmark, small: readers of the seeds' index, one then two, and PostgreSQL's full-text
search over the same sentences, with the ratios it prints.

The real run (`python benchmarks/search_scaling.py --sources /tmp/ungdc/TXT ...`) is by hand; figures are in
docs/benchmarks.md.
"""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import PROJECT


def test_the_search_scaling_benchmark_runs_small_and_reports_its_ratios(postgres_server, private_seeds):
    run = subprocess.run(
        [sys.executable, "benchmarks/search_scaling.py", "--sources", str(private_seeds), "--seconds", "0.5"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    rows = re.findall(r"^\| (words|words and meaning) \| ([12]) \| [\d.]+ s \| (\d+) \|", run.stdout, re.M)
    assert len(rows) == 4 and all(int(answered) > 0 for *_, answered in rows), run.stdout
    assert re.search(r"two readers / one: [\d.]+x", run.stdout)
    assert re.search(r"PostgreSQL / studybot's words \(one reader\): p50 [\d.]+x, p99 [\d.]+x", run.stdout)
