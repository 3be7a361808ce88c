"""How search grows past one process, and past one machine: more readers of the same index, against
PostgreSQL's full-text search (the other way several machines could share one library), in one run.

Readers: the engine as the bot's engine workers open it (its index folder read-only, memory-mapped), one
reader then two at once, each asking the same questions: what a reader costs to open and in memory, and
the questions answered per second (a reader on another machine costs the same, given the folder).
The peer: the very same sentences in a PostgreSQL 15 table with a GIN index on their English tsvector,
ranked by ts_rank, started from the distribution's package as the tests do.

    python benchmarks/search_scaling.py --sources /tmp/ungdc/TXT --index-dir /tmp/un-index
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import sqlite3
import statistics
import sys
import time
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Event
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from index_benchmark import QUERIES  # noqa: E402

from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import ContentIndex, open_index, read_manifest  # noqa: E402
from bot.content.index.meaning import Embedder  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402

TOP = 5
ROUNDS = 10  # the peer's questions, each
SECONDS = 5.0  # a reader asks the questions over and over for this long (its question vectors are kept after
# the first round: the figures with meaning are those of a reader whose questions repeat)


def memory_mb() -> tuple[float, float]:
    """This process's private memory and its proportional share of what it shares (the mapped index)."""
    fields = {}
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":")
        fields[name] = int(value.split()[0]) / 1024
    return fields["Private_Clean"] + fields["Private_Dirty"], fields["Pss"]


def reader(folder: str, meaning: bool, seconds: float, start: Event, ready: Queue, out: Queue) -> None:
    """One reader: open the engine as a worker does, wait for the others, answer every question ROUNDS times."""
    opened = time.perf_counter()
    path = Path(folder)
    manifest = read_manifest(path)
    assert manifest is not None
    engine = StudyEngine(ContentIndex(path, "stemmed", manifest.report), load_topics(PROJECT / "config/topics.yaml"))
    engine.embedder = Embedder(threads=1)
    engine.warm()
    engine.search(QUERIES[0], limit=TOP, meaning=meaning)
    open_seconds = time.perf_counter() - opened
    ready.put(True)
    start.wait()
    latencies = []
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        for query in QUERIES:
            asked = time.perf_counter()
            engine.search(query, limit=TOP, meaning=meaning)
            latencies.append((time.perf_counter() - asked) * 1000)
    private, share = memory_mb()
    out.put((open_seconds, time.perf_counter() - began, latencies, private, share))


def readers(folder: Path, count: int, meaning: bool, seconds: float) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    start, ready, out = context.Event(), context.Queue(), context.Queue()
    asked = (str(folder), meaning, seconds, start, ready, out)
    processes = [context.Process(target=reader, args=asked) for _ in range(count)]
    for process in processes:
        process.start()
    for _ in processes:
        ready.get(timeout=600)  # every reader opens first; the questions start together
    start.set()
    results = [out.get() for _ in processes]
    for process in processes:
        process.join()
    latencies = sorted(ms for r in results for ms in r[2])
    return {
        "open_s": max(r[0] for r in results),
        "per_second": sum(len(r[2]) / r[1] for r in results),
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(0.99 * len(latencies))],
        "private_mb": statistics.fmean(r[3] for r in results),
        "pss_mb": statistics.fmean(r[4] for r in results),
    }


async def postgres_peer(folder: Path) -> dict[str, float]:
    import asyncpg

    from tests.postgres_server import start_postgres

    server = start_postgres()
    try:
        connection = await asyncpg.connect(server.new_database())
        rows = sqlite3.connect(folder / "content.sqlite3").execute("SELECT id, text FROM sentences ORDER BY id")
        began = time.perf_counter()
        await connection.execute("CREATE TABLE sentences (id BIGINT PRIMARY KEY, text TEXT NOT NULL)")
        await connection.copy_records_to_table("sentences", records=rows)
        loaded = time.perf_counter() - began
        began = time.perf_counter()
        await connection.execute(
            "ALTER TABLE sentences ADD COLUMN words tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED"
        )
        await connection.execute("CREATE INDEX sentences_words ON sentences USING GIN (words)")
        await connection.execute("VACUUM ANALYZE sentences")
        indexed = time.perf_counter() - began
        query = (
            "SELECT id FROM sentences, plainto_tsquery('english', $1) AS q WHERE words @@ q "
            "ORDER BY ts_rank(words, q) DESC LIMIT $2"
        )
        await connection.fetch(query, QUERIES[0], TOP)
        latencies = []
        began = time.perf_counter()
        for _ in range(ROUNDS):
            for text in QUERIES:
                asked = time.perf_counter()
                await connection.fetch(query, text, TOP)
                latencies.append((time.perf_counter() - asked) * 1000)
        answered = len(latencies) / (time.perf_counter() - began)
        await connection.close()
    finally:
        server.stop()
    latencies.sort()
    return {
        "load_s": loaded,
        "index_s": indexed,
        "per_second": answered,
        "p50": latencies[len(latencies) // 2],
        "p99": latencies[int(0.99 * len(latencies))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sources", type=Path, default=PROJECT / "seeds")
    parser.add_argument("--index-dir", type=Path, default=None, help="where its index is (built if missing)")
    parser.add_argument("--no-postgres", action="store_true", help="readers only")
    parser.add_argument("--seconds", type=float, default=SECONDS, help="how long each reader asks")
    args = parser.parse_args()
    index = open_index(args.sources, index_dir=args.index_dir)
    folder, sentences = index.folder, index.report.sentences
    index.close()
    print(f"{sentences:,} sentences; {len(QUERIES)} questions, top {TOP}: readers {args.seconds:g} s, peer x {ROUNDS}")
    print("| search | readers | open | questions/s | p50 ms | p99 ms | private MB each | PSS MB each |")
    print("|---|---|---|---|---|---|---|---|")
    words: dict[int, dict[str, float]] = {}
    for meaning in (False, True):
        for count in (1, 2):
            r = readers(folder, count, meaning, args.seconds)
            if not meaning:
                words[count] = r
            kind = "words and meaning" if meaning else "words"
            print(
                f"| {kind} | {count} | {r['open_s']:.1f} s | {r['per_second']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
                f"{r['private_mb']:.0f} | {r['pss_mb']:.0f} |"
            )
    print(f"two readers / one: {words[2]['per_second'] / words[1]['per_second']:.2f}x the questions per second")
    if args.no_postgres:
        return
    peer = asyncio.run(postgres_peer(folder))
    print(
        f"PostgreSQL full-text search: load {peer['load_s']:.1f} s, tsvector and GIN index {peer['index_s']:.1f} s; "
        f"{peer['per_second']:.0f} questions/s, p50 {peer['p50']:.2f} ms, p99 {peer['p99']:.2f} ms"
    )
    one = words[1]
    print(
        f"PostgreSQL / studybot's words (one reader): p50 {peer['p50'] / one['p50']:.1f}x, "
        f"p99 {peer['p99'] / one['p99']:.1f}x, questions per second {peer['per_second'] / one['per_second']:.2f}x"
    )


if __name__ == "__main__":
    main()
