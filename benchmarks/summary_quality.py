"""Summaries judged by the rubric of tests/evaluation/README.md ("Summaries"): the summary of every
topic the engine lists, over the seeds alone and over the seeds with the evaluation documents.

    python benchmarks/summary_quality.py             # the figures
    python benchmarks/summary_quality.py --problems  # and each summary's failed criteria
    python benchmarks/summary_quality.py --show      # and every summary as printed
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bot.content import summary  # noqa: E402
from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from bot.errors import NothingFoundError  # noqa: E402
from bot.render.text import render_summary  # noqa: E402
from tests.evaluation.scoring import DOCUMENTS  # noqa: E402
from tests.evaluation.summary_scoring import Rubric, judge  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", action="store_true", help="list each summary's failed criteria")
    parser.add_argument("--show", action="store_true", help="print every summary")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        for label, extra in (("seeds", []), ("seeds and the evaluation documents", sorted(DOCUMENTS.iterdir()))):
            folder = Path(work) / label.replace(" ", "-")
            folder.mkdir()
            for path in [*sorted((PROJECT / "seeds").glob("*.txt")), *extra]:
                shutil.copy(path, folder / path.name)
            engine = StudyEngine(open_index(folder, progress=False), load_topics(PROJECT / "config" / "topics.yaml"))
            rubric = judge_library(engine, show=args.show)
            print("\n".join(rubric.lines(label)))
            if args.problems:
                print("\n".join(f"  {problem}" for problem in rubric.problems))


def judge_library(engine: StudyEngine, *, show: bool = False) -> Rubric:
    store = engine.index.store
    source_order: dict[tuple[str, str], int] = {}
    for doc_id in store.document_ids():
        name = store.document(doc_id).id
        for place, text in enumerate(store.document_texts(doc_id)):
            source_order.setdefault((name, text), place)
    rubric = Rubric()
    for topic in engine.topics:
        try:
            answer = engine.summary(topic.id)
        except NothingFoundError:
            continue
        hits = engine.index.search.find(engine._planner.topic_phrases(topic), limit=summary.CANDIDATES)
        candidates = store.sentences([sid for sid, _ in hits])
        printed = render_summary(answer)
        rubric.add(topic.id, judge(answer, printed, candidates, source_order))
        if show:
            print(printed, end="\n\n")
    return rubric


if __name__ == "__main__":
    main()
