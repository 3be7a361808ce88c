"""The load benchmark, small: it runs, every interaction is acknowledged, and it reports its figures.

The real run (`python benchmarks/load_test.py`, 200/s for 20 s) is by hand; figures are in the README.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import PROJECT


@pytest.mark.parametrize(
    "mode",
    [[], ["--bot-process", "--engine-workers", "2"], ["--database", "both"]],
    ids=["shared-core", "bot-process-with-engine-workers", "both-databases"],
)
def test_the_load_benchmark_runs_small_and_loses_no_interaction(mode, request):
    if "both" in mode:
        request.getfixturevalue("postgres_server")  # skipped, or failed in CI, as the other PostgreSQL tests
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/load_test.py",
            "--rate",
            "40",
            "--seconds",
            "2",
            "--guilds",
            "1",
            "--channels",
            "2",
            "--members",
            "3",
            *mode,
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    acked = re.search(r"acknowledged (\d+) of (\d+); unacknowledged 0", run.stdout)
    assert acked and acked[1] == acked[2] and int(acked[1]) >= 60, run.stdout
    assert re.search(r"ack latency ms: p50 [\d.]+, p99 [\d.]+", run.stdout)
    assert re.search(r"event loop held .* max [\d.]+", run.stdout)
    if "--engine-workers" in mode:  # the bot process's workers answered (spawned, they import its script again)
        answered = re.search(r"engine workers: 2; engine questions answered by them (\d+),", run.stdout)
        assert answered and int(answered[1]) > 0, run.stdout
    if "both" in mode:
        assert (
            "records in postgresql" in run.stdout and "unacknowledged 0" in run.stdout.split("records in postgresql")[1]
        )
        assert re.search(r"PostgreSQL / SQLite: ack p50 [\d.]+x, p99 [\d.]+x", run.stdout)
