"""How honest /cite is: its verdicts on the claim set (tests/evaluation/claims.yaml), development and
held-out claims apart.

    python benchmarks/cite_accuracy.py              # the figures
    python benchmarks/cite_accuracy.py --problems   # and every wrong development verdict
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.evaluation.claim_scoring import ClaimScores, claims, claims_engine, report, score_claim  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", action="store_true", help="list every wrong development verdict")
    args = parser.parse_args()
    for meaning in (False, True):
        development, held_out = ClaimScores(), ClaimScores()
        with tempfile.TemporaryDirectory() as folder:
            engine = claims_engine(Path(folder), meaning=meaning)
            for claim in claims():
                score_claim(claim, engine.cite(claim.claim), held_out if claim.held_out else development)
        print("by words and meaning:" if meaning else "by words alone:")
        for label, scores in (("development", development), ("held out", held_out)):
            print("\n".join(report(scores, label)))
            # the held-out misses are counted, never shown: reading them would be developing against them
            if args.problems and scores is development:
                print("\n".join(f"  {problem}" for problem in scores.problems))


if __name__ == "__main__":
    main()
