"""A slice of the real UN General Debate corpus, built with worker processes as a large corpus is.

Skipped when the corpus is not beside the project (it lives in ../shared/corpora, never in the repo).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.content.engine import StudyEngine
from bot.content.index.build import open_index
from bot.content.topics import load_topics
from tests.conftest import PROJECT, TOPICS
from tests.evaluation.scoring import letters

ARCHIVE = PROJECT.parent / "shared" / "corpora" / "ungdc-1946-2024.tar.gz"
SESSION = "TXT/Session 79 - 2024"
pytestmark = pytest.mark.skipif(not ARCHIVE.exists(), reason="UN General Debate corpus not available")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("ungdc")
    subprocess.run(["tar", "-xzf", str(ARCHIVE), "-C", str(target), SESSION], check=True)
    return target / SESSION


@pytest.fixture(scope="module")
def engine(corpus: Path) -> StudyEngine:
    return StudyEngine(open_index(corpus, workers=2, progress=False), load_topics(TOPICS))


def test_a_session_of_speeches_builds_in_parallel_and_is_reused(corpus: Path, engine: StudyEngine):
    report = engine.index.report
    assert report.documents == len(list(corpus.glob("*.txt"))) > 150
    assert report.sentences > 10_000 and report.statistics > 500
    assert not open_index(corpus).report.rebuilt


def test_statistics_and_search_results_quote_the_speeches_verbatim(corpus: Path, engine: StudyEngine):
    texts: dict[str, str] = {}

    # A quote is the source's words in one run; the Markdown marks some speeches type ("**") and their
    # paragraph numbers are not words a reader sees, so they are compared away.
    def text_of(doc_id: str) -> str:
        if doc_id not in texts:
            texts[doc_id] = letters((corpus / f"{doc_id}.txt").read_text(encoding="utf-8"))
        return texts[doc_id]

    for stat in engine.stats(limit=50).stats:
        assert letters(stat.quote) in text_of(stat.document.id)
        assert stat.value in stat.quote
    for hit in engine.search("climate change threatens small island states", limit=10).results:
        assert letters(hit.text) in text_of(hit.document.id)
    for question in engine.quiz(count=10, seed=4).questions:
        assert letters(question.quote) in text_of(question.document.id)
        if question.kind != "statement":
            assert question.options[question.answer] in question.quote
