"""How well the engine reads real documents: the evaluation set's figures, development and held-out
documents apart (see tests/evaluation/README.md for the documents and what their truth says).

    python benchmarks/reading_accuracy.py            # the figures
    python benchmarks/reading_accuracy.py --problems  # and every development miss, document by document
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.evaluation.scoring import Scores, ingest, report, score, truths  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", action="store_true", help="list every development miss")
    args = parser.parse_args()
    development, held_out = Scores(), Scores()
    for truth in truths():
        score(truth, ingest(truth), held_out if truth.held_out else development)
    for label, scores in (("development", development), ("held out", held_out)):
        print("\n".join(report(scores, label)))
        # the held-out misses are counted, never shown: reading them would be developing against them
        if args.problems and scores is development:
            print("\n".join(f"  {problem}" for problem in scores.problems))


if __name__ == "__main__":
    main()
