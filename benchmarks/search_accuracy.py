"""Search on the question set (tests/evaluation/questions.yaml): plain BM25, the words search studybot
had (stemmed BM25 with topic aliases), meaning alone, and words and meaning together as shipped;
recall@3 and MRR, development and held-out questions apart, and ratios to plain BM25; then the seeds'
questions asked in four other languages.

    python benchmarks/search_accuracy.py             # the figures
    python benchmarks/search_accuracy.py --problems  # and the development questions each way missed
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bot.content.index import meaning as meaning_module  # noqa: E402
from bot.content.index.meaning import MeaningIndex  # noqa: E402
from bot.content.index.store import StoredSentence  # noqa: E402
from tests.evaluation.question_scoring import (  # noqa: E402
    other_language_questions,
    question_set,
    questions_engine,
    questions_library,
    score_search,
)

_LIMIT = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", action="store_true", help="list the development questions each way missed")
    args = parser.parse_args()
    data = question_set()
    with tempfile.TemporaryDirectory() as work:
        sources = questions_library(Path(work) / "sources", data.documents)
        plain = questions_engine(sources, Path(work) / "plain", analyzer="plain")
        engine = questions_engine(sources, Path(work) / "stemmed")
        started = time.perf_counter()
        engine.index.compute_meaning(engine.embedder)
        print(f"{engine.index.report.sentences} sentences read for meaning in {time.perf_counter() - started:.1f} s")
        assert isinstance(engine.index.meaning, MeaningIndex)
        meaning = engine.index.meaning
        # the same library read as one too large to read sentence by sentence is (see word_meaning.py)
        sentences_read_whole, meaning_module.MAX_SENTENCES = meaning_module.MAX_SENTENCES, 0
        word_by_word = questions_engine(sources, Path(work) / "word-by-word")
        meaning_module.MAX_SENTENCES = sentences_read_whole
        started = time.perf_counter()
        word_by_word.index.compute_meaning(word_by_word.embedder)
        print(f"... and word by word in {time.perf_counter() - started:.1f} s")

        def by_meaning_alone(question: str) -> list[StoredSentence]:
            hits = meaning.nearest(engine.embedder.query(question), _LIMIT)
            return engine.index.store.sentences([sid for sid, _ in hits])

        ways = {
            "plain BM25": lambda q: plain.search(q, limit=_LIMIT, expand=False, meaning=False).results,
            "words (stemmed, aliases)": lambda q: engine.search(q, limit=_LIMIT, meaning=False).results,
            "meaning alone": by_meaning_alone,
            "words and meaning (shipped)": lambda q: engine.search(q, limit=_LIMIT).results,
            "words and meaning, read word by word": lambda q: word_by_word.search(q, limit=_LIMIT).results,
        }
        scored = {name: score_search(data.questions, search) for name, search in ways.items()}
        abroad = {name: score_search(other_language_questions(), search) for name, search in ways.items()}
    baseline = scored["plain BM25"]
    for part, index in (("development", 0), ("held out", 1)):
        print(f"{part} ({baseline[index].asked} questions):")
        for name, scores in scored.items():
            ratio = scores[index].recall_at_3 / (baseline[index].recall_at_3 or 1)
            print(f"  {scores[index].line(name)}   {ratio:.2f}x plain BM25's recall@3")
    for part, index in (("development", 0), ("held out", 1)):
        print(
            f"asked in French, Spanish, German and Portuguese, {part} ({abroad['plain BM25'][index].asked} questions):"
        )
        for name, scores in abroad.items():
            print(f"  {scores[index].line(name)}")
    if args.problems:
        for name, (development, _) in scored.items():
            print(f"{name}, development questions missed: {development.missed}")


if __name__ == "__main__":
    main()
