"""The quiz's question pool: how many distinct questions the seeds and the evaluation's documents give, of
which kinds, and how well strategies that never read the sources score on them, as a ratio to chance
(the peer: guessing at random). The issue's bar is 60 questions from the seeds, and no strategy above
0.30 over the whole pool.

    python benchmarks/quiz_pool.py               # seeds (100 quizzes of each difficulty) and documents (40)
    python benchmarks/quiz_pool.py --seeds 300   # more quizzes, a fuller pool
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from tests.evaluation.quiz_guessing import Guessability, guessability, kinds, question_pool  # noqa: E402

_LIBRARIES = {"seeds": PROJECT / "seeds", "evaluation documents": PROJECT / "tests" / "evaluation" / "documents"}


def _line(label: str, measured: Guessability) -> str:
    name, best = measured.best
    return (
        f"  {label:<12} {measured.questions:>5} questions · chance {measured.chance:.3f} · best naive "
        f"{best:.3f} ({name}), {best / measured.chance:.2f}× chance"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=100, help="quizzes of each difficulty on the seeds")
    args = parser.parse_args()
    for label, folder in _LIBRARIES.items():
        with tempfile.TemporaryDirectory() as work:
            sources = Path(work) / "sources"
            shutil.copytree(folder, sources)
            engine = StudyEngine(open_index(sources, progress=False), load_topics(PROJECT / "config" / "topics.yaml"))
            started = time.perf_counter()
            pool = question_pool(engine, seeds=args.seeds if label == "seeds" else max(args.seeds * 2 // 5, 1))
            took = time.perf_counter() - started
        print(
            f"{label}: {len(pool)} distinct questions ({took:.1f} s) · "
            + ", ".join(f"{kind} {n}" for kind, n in kinds(pool).most_common())
        )
        print(_line("all", guessability(pool)))
        for kind in kinds(pool):
            print(_line(kind, guessability([q for q in pool if q.kind == kind])))


if __name__ == "__main__":
    main()
