"""Search by meaning on the UN corpus, read word by word, against words alone (what the bot answered
before), in one run.

Unpacks the UN General Debate corpus (../shared/corpora) with the two seeds beside it, builds studybot's
index, reads it for meaning word by word (`bot/content/index/word_meaning.py`), then:
- asks the question set (tests/evaluation/questions.yaml: the seeds and ten speeches of the corpus) of
  the whole library, by words alone and by words and meaning: recall@3 and MRR, both halves;
- times search as the bot answers (the question set, five times): p50 and p99 of each way.

    python benchmarks/corpus_meaning.py                      # the whole corpus (about ten minutes)
    python benchmarks/corpus_meaning.py --limit-files 300    # a quick look
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from benchmarks.index_benchmark import CORPUS, percentile, unpack  # noqa: E402
from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index import meaning  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.index.word_meaning import WordMeaningIndex  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from bot.errors import StudybotError  # noqa: E402
from tests.evaluation.question_scoring import question_set, score_search  # noqa: E402

_REPEATS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit-files", type=int, help="only the first N speeches (a smoke run)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus archive, or a folder of .txt files")
    parser.add_argument("--keep", type=Path, help="build the index in this folder and keep it (reused if there)")
    args = parser.parse_args()
    # however few the speeches, they are read as a large library is
    meaning.MAX_SENTENCES = 0
    data = question_set()
    with tempfile.TemporaryDirectory(prefix="studybot-bench-") as tmp:
        work = args.keep or Path(tmp)
        sources = work / "corpus"
        if not sources.exists():
            if args.corpus.is_dir():  # a folder of speeches (the smoke test gives the evaluation's)
                sources.mkdir(parents=True)
                for path in sorted(args.corpus.glob("*.txt"))[: args.limit_files]:
                    shutil.copy(path, sources / path.name)
            else:
                unpack(args.corpus, sources, args.limit_files)
            shutil.copytree(PROJECT / "seeds", sources / "seeds")
        started = time.perf_counter()
        index = open_index(sources, index_dir=work / "index", progress=True)
        print(
            f"Index: {index.report.documents:,} documents, {index.report.sentences:,} sentences "
            f"({time.perf_counter() - started:.0f} s to build or open)"
        )
        engine = StudyEngine(index, load_topics(PROJECT / "config" / "topics.yaml"))
        started = time.perf_counter()
        index.compute_meaning(engine.embedder, progress=True)
        print(f"Read for meaning word by word in {time.perf_counter() - started:.0f} s (or opened)")
        assert isinstance(index.meaning, WordMeaningIndex)
        engine.warm()

        ways = {
            "words alone": lambda q: engine.search(q, limit=10, meaning=False).results,
            "words and meaning": lambda q: engine.search(q, limit=10).results,
        }
        for name, search in ways.items():
            development, held_out = score_search(data.questions, search)
            print(f"{name}:  {development.line('development')};  {held_out.line('held out')}")

        for name, meaning_on in (("words and meaning", True), ("words alone", False)):
            latencies: list[float] = []
            for _ in range(_REPEATS):
                for question in data.questions:
                    began = time.perf_counter()
                    with contextlib.suppress(StudybotError):  # nothing found is an answer too, and is timed
                        engine.search(question.question, limit=5, meaning=meaning_on)
                    latencies.append((time.perf_counter() - began) * 1000)
            print(f"search, {name}: p50 {percentile(latencies, 0.5)} ms, p99 {percentile(latencies, 0.99)} ms")

        print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
        kept = sum(path.stat().st_size for path in (work / "index").glob("word_meaning*"))
        print(f"the vectors on disk: {kept / 1e6:.0f} MB")
        index.close()


if __name__ == "__main__":
    main()
