"""The large-library meaning benchmark, small: twenty of the evaluation's speeches and the seeds, read word
by word, with its comparisons printed. The real run (`python benchmarks/corpus_meaning.py`, the whole UN
corpus) is by hand; its figures are in docs/benchmarks.md."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import PROJECT


def test_the_corpus_meaning_benchmark_compares_meaning_with_words_alone():
    run = subprocess.run(
        [
            sys.executable,
            "benchmarks/corpus_meaning.py",
            "--corpus",
            str(PROJECT / "tests" / "evaluation" / "documents"),
            "--limit-files",
            "20",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Read for meaning word by word" in run.stdout
    figures = {
        name: float(recall)
        for name, recall in re.findall(
            r"^(words alone|words and meaning):  development: recall@3 ([\d.]+)", run.stdout, re.M
        )
    }
    assert set(figures) == {"words alone", "words and meaning"}
    assert re.search(r"search, words and meaning: p50 [\d.]+ ms, p99 [\d.]+ ms", run.stdout)
