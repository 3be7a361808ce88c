# pyright: reportMissingImports=false
# (the peers bm25s and PyStemmer come with the `bench` extra, which CI does not install)
"""Index build, query latency, start-up and memory: studybot against bm25s and SQLite FTS5, in one run.

Unpacks the UN General Debate corpus (../shared/corpora) to a temporary folder, builds studybot's
index over it, then gives the very same passages (studybot's sentences) to each peer. Every engine
runs in its own process so its peak memory is its own. Prints a table and peer/studybot ratios.

    pip install -e '.[bench]'
    python benchmarks/index_benchmark.py                  # the whole corpus (a few minutes)
    python benchmarks/index_benchmark.py --limit-files 300  # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ungdc-1946-2024.tar.gz"
QUERIES = [
    "nuclear disarmament",
    "human rights violations in prison camps",
    "refugees fleeing famine",
    "apartheid in South Africa",
    "climate change and small island states",
    "sanctions against Iraq",
    "jailed dissidents",
    "Security Council reform",
    "Palestinian people self-determination",
    "COVID-19 pandemic vaccines",
]
REPEATS = 10
TOP_K = 5
PEERS = ("bm25s", "fts5")
_STOPWORDS = {"and", "in", "the", "of", "against", "to", "a"}


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))], 2)


def timed_queries(run_query) -> dict[str, float]:
    latencies = []
    for _ in range(REPEATS):
        for query in QUERIES:
            started = time.perf_counter()
            run_query(query)
            latencies.append((time.perf_counter() - started) * 1000)
    return {"p50_ms": percentile(latencies, 0.50), "p99_ms": percentile(latencies, 0.99)}


def load_passages(index_dir: Path) -> list[str]:
    db = sqlite3.connect(index_dir / "content.sqlite3")
    return [row[0] for row in db.execute("SELECT text FROM sentences ORDER BY id")]


# -- roles: each runs in its own process and prints one JSON line --------------------------------------


def ours_build(sources: Path, work: Path) -> dict:
    from bot.content.index.build import open_index

    started = time.perf_counter()
    index = open_index(sources, index_dir=work / "studybot", force=True, progress=True)
    report = index.report
    return {
        "build_s": round(time.perf_counter() - started, 1),
        "documents": report.documents,
        "passages": report.sentences,
        "statistics": report.statistics,
        "peak_mb": peak_mb(),
    }


def ours_search_build(sources: Path, work: Path) -> dict:
    from bot.content.index.search import SearchIndexWriter

    passages = load_passages(work / "studybot")
    started = time.perf_counter()
    writer = SearchIndexWriter(work / "studybot-search-only", "stemmed")
    for i, text in enumerate(passages):
        writer.add(i, 0, text, False)
    writer.close()
    return {"build_s": round(time.perf_counter() - started, 1), "peak_mb": peak_mb()}


def ours_query(sources: Path, work: Path) -> dict:
    started = time.perf_counter()
    from bot.content.engine import StudyEngine
    from bot.content.index.build import open_index
    from bot.content.topics import load_topics

    topics = load_topics(Path(__file__).resolve().parents[1] / "config" / "topics.yaml")
    engine = StudyEngine(open_index(sources, index_dir=work / "studybot"), topics)
    assert not engine.index.report.rebuilt, "the index should have been reused"
    engine.sources_language()  # as the bot's start (`warm`) does: tells a question's language from theirs
    engine.search(QUERIES[0], limit=TOP_K)
    start_s = time.perf_counter() - started
    return {
        "start_s": round(start_s, 3),
        **timed_queries(lambda q: engine.search(q, limit=TOP_K)),
        "peak_mb": peak_mb(),
    }


def bm25s_build(sources: Path, work: Path) -> dict:
    import bm25s
    import Stemmer

    passages = load_passages(work / "studybot")
    started = time.perf_counter()
    stemmer = Stemmer.Stemmer("english")
    tokens = bm25s.tokenize(passages, stopwords="en", stemmer=stemmer, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    retriever.save(work / "bm25s", show_progress=False)
    return {"build_s": round(time.perf_counter() - started, 1), "peak_mb": peak_mb()}


def bm25s_query(sources: Path, work: Path) -> dict:
    started = time.perf_counter()
    import bm25s
    import Stemmer

    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25.load(work / "bm25s", mmap=True, show_progress=False)

    def run(query: str) -> object:
        tokens = bm25s.tokenize([query], stopwords="en", stemmer=stemmer, show_progress=False)
        return retriever.retrieve(tokens, k=TOP_K, show_progress=False)

    run(QUERIES[0])
    start_s = time.perf_counter() - started
    return {"start_s": round(start_s, 3), **timed_queries(run), "peak_mb": peak_mb()}


def fts5_build(sources: Path, work: Path) -> dict:
    passages = load_passages(work / "studybot")
    started = time.perf_counter()
    db = sqlite3.connect(work / "fts5.sqlite3")
    db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
    db.execute("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize='porter')")
    db.executemany("INSERT INTO passages (rowid, text) VALUES (?, ?)", enumerate(passages))
    db.commit()
    return {"build_s": round(time.perf_counter() - started, 1), "peak_mb": peak_mb()}


def fts5_query(sources: Path, work: Path) -> dict:
    started = time.perf_counter()
    db = sqlite3.connect(work / "fts5.sqlite3")

    def run(query: str) -> list:
        terms = [t for t in re.findall(r"\w+", query.lower()) if t not in _STOPWORDS]
        match = " OR ".join(f'"{t}"' for t in terms)
        sql = "SELECT rowid, text FROM passages WHERE passages MATCH ? ORDER BY rank LIMIT ?"
        return db.execute(sql, (match, TOP_K)).fetchall()

    run(QUERIES[0])
    start_s = time.perf_counter() - started
    return {"start_s": round(start_s, 3), **timed_queries(run), "peak_mb": peak_mb()}


ROLES = {
    "studybot-build": ours_build,
    "studybot-search-build": ours_search_build,
    "studybot-query": ours_query,
    "bm25s-build": bm25s_build,
    "bm25s-query": bm25s_query,
    "fts5-build": fts5_build,
    "fts5-query": fts5_query,
}


# -- the driver ---------------------------------------------------------------------------------------


def run_role(role: str, sources: Path, work: Path) -> dict:
    command = [sys.executable, __file__, "--role", role, "--sources", str(sources), "--work", str(work)]
    result = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def drop_file_cache() -> bool:
    """Cold start means the index files are not in the page cache; that needs root, so it may not happen."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def unpack(archive: Path, target: Path, limit: int | None) -> Path:
    """GNU tar unpacks the 11,000 files in seconds, where Python's tarfile takes over a minute."""
    everything = target.with_name("unpacked")
    everything.mkdir()
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(everything)], check=True)
    files = sorted(everything.rglob("*.txt"))
    target.mkdir()
    for path in files[:limit] if limit else files:
        destination = target / path.relative_to(everything)
        destination.parent.mkdir(parents=True, exist_ok=True)
        path.rename(destination)
    return target


def ratio(peer: float, ours: float) -> str:
    return f"{peer / ours:.1f}x" if ours else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit-files", type=int, help="only the first N speeches (a smoke run)")
    parser.add_argument("--peers", nargs="*", default=list(PEERS), choices=PEERS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--role", choices=ROLES, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.role:
        print(json.dumps(ROLES[args.role](args.sources, args.work)))
        return

    with tempfile.TemporaryDirectory(prefix="studybot-bench-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        sources = unpack(args.corpus, work / "corpus", args.limit_files)
        print(f"Unpacked the corpus in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        rows: dict[str, dict] = {}
        full = run_role("studybot-build", sources, work)
        search_only = run_role("studybot-search-build", sources, work)
        cold = drop_file_cache()
        rows["studybot"] = {
            **run_role("studybot-query", sources, work),
            "build_s": search_only["build_s"],
            "build_peak_mb": search_only["peak_mb"],
            "cold_start_s": None,
        }
        rows["studybot"]["cold_start_s"] = rows["studybot"].pop("start_s")
        rows["studybot"]["warm_start_s"] = run_role("studybot-query", sources, work)["start_s"]
        for peer in args.peers:
            build = run_role(f"{peer}-build", sources, work)
            drop_file_cache()
            first = run_role(f"{peer}-query", sources, work)
            second = run_role(f"{peer}-query", sources, work)
            rows[peer] = {
                **second,
                "build_s": build["build_s"],
                "build_peak_mb": build["peak_mb"],
                "cold_start_s": first["start_s"],
                "warm_start_s": second["start_s"],
            }
            rows[peer].pop("start_s")

    print(
        f"\nCorpus: {full['documents']:,} speeches, {full['passages']:,} passages (sentences), "
        f"{full['statistics']:,} statistics; {REPEATS}x{len(QUERIES)} queries, top {TOP_K}."
    )
    print(
        f"studybot whole build (ingest, furniture, sentences, citations, statistics, index): "
        f"{full['build_s']} s, peak {full['peak_mb']} MB"
    )
    print(f"cold start: {'page cache dropped' if cold else 'page cache NOT dropped (needs root)'}\n")
    columns = ["build_s", "build_peak_mb", "p50_ms", "p99_ms", "cold_start_s", "warm_start_s", "peak_mb"]
    print(f"{'engine':<10}" + "".join(f"{c:>15}" for c in columns))
    for name, row in rows.items():
        print(f"{name:<10}" + "".join(f"{row[c]:>15}" for c in columns))
    print("\nratios, peer / studybot (above 1 means studybot is faster or smaller):")
    ours = rows["studybot"]
    for peer in args.peers:
        print(f"{peer:<10}" + "".join(f"{ratio(rows[peer][c], ours[c]):>15}" for c in columns))


if __name__ == "__main__":
    main()
