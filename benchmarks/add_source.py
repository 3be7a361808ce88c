"""Time to add a 50-page PDF to a server's library while the bot serves the load test, and what the adding
costs the members meanwhile.

The bot runs in this process against the local sandbox (as `load_test.py` runs it, on all cores: the file
is read in a child process and indexed in a worker thread). First the load alone, then the same load while
a moderator adds the PDF with `/source add`: the time until the result shows, and the acknowledgement
latency of everyone else's commands in both phases. The peer, in the same run: what adding used to take,
building the whole library again with the PDF in it.

    python benchmarks/add_source.py                          # lmer.pdf (51 pages), 100 interactions/s
    python benchmarks/add_source.py --pdf report.pdf --rate 200 --sources /tmp/ungdc/TXT --index-dir /tmp/un-index
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "benchmarks"))

import pypdfium2 as pdfium  # noqa: E402
from load_test import CLAIMS, QUERIES, Asked, InProcessBot, bench_settings, one_action  # noqa: E402

from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from bot.sandbox.members import Reply, SandboxMember  # noqa: E402
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox, point_discord_at  # noqa: E402

MANAGE_GUILD = 1 << 5
DEFAULT_PDF = PROJECT / "tests" / "evaluation" / "documents" / "lmer.pdf"


async def offer_load(
    members: list[SandboxMember], channels: int, rate: float, until: asyncio.Future[float] | float
) -> list[Reply]:
    """Members' commands at `rate` a second, until the future is done (or for that many seconds)."""
    rng = random.Random(11)
    replies: list[Reply] = []
    started = time.perf_counter()
    sent = 0

    def going() -> bool:
        if isinstance(until, asyncio.Future):
            return not until.done()
        return time.perf_counter() - started < until

    while going():
        due = int((time.perf_counter() - started) * rate) - sent
        for _ in range(max(due, 0)):
            member, channel = rng.choice(members), f"room-{rng.randrange(channels)}"
            _, reply = await one_action(member, channel, rng, Asked(QUERIES, CLAIMS))
            replies.append(reply)
            sent += 1
        await asyncio.sleep(0.002)
    await asyncio.sleep(3.5)  # past Discord's deadline: what is not acknowledged now never will be
    return replies


def latency_line(replies: list[Reply]) -> str:
    acked = sorted(r.record.ack_seconds * 1000 for r in replies if r.record.ack_seconds is not None)
    if not acked:
        return "no interactions"
    p = lambda share: acked[min(len(acked) - 1, int(share * len(acked)))]  # noqa: E731
    missing = len(replies) - len(acked)
    return (
        f"{len(replies)} interactions, {missing} unacknowledged; ack ms p50 {p(0.5):.1f}, p99 {p(0.99):.1f}, "
        f"max {acked[-1]:.1f}, mean {statistics.fmean(acked):.1f}"
    )


async def added(reply: Reply, timeout: float) -> float:
    """The moment the command's message shows the result (or a refusal)."""
    await reply.wait(10)
    await reply.wait_for(lambda r: bool(r.followups) or bool(r.message.get("embeds")), timeout)
    return time.perf_counter()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pdf", type=Path, default=DEFAULT_PDF, help="the PDF to add")
    parser.add_argument("--rate", type=float, default=100.0, help="members' interactions per second")
    parser.add_argument("--baseline-seconds", type=float, default=10.0, help="how long the load runs alone")
    parser.add_argument("--sources", type=Path, default=PROJECT / "seeds", help="the shared library")
    parser.add_argument("--index-dir", type=Path, default=None, help="where its index is (built if missing)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    pages = len(pdfium.PdfDocument(args.pdf))

    index = open_index(args.sources, index_dir=args.index_dir)
    engine = StudyEngine(index, load_topics(PROJECT / "config" / "topics.yaml"))
    if index.meaning is None and index.report.sentences <= 20_000:
        index.compute_meaning(engine.embedder)  # as a running bot would have by now
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    channels = 4
    guild = sandbox.add_guild("Study Group", [f"room-{c}" for c in range(channels)])
    members = [SandboxMember(sandbox, guild, sandbox.add_user(guild, f"m{i}")) for i in range(10)]
    moderator = SandboxMember(
        sandbox, guild, sandbox.add_user(guild, "mod", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    )
    with tempfile.TemporaryDirectory() as data:
        settings = bench_settings(args.sources, args.index_dir, Path(data), [guild.id])
        bot = InProcessBot(engine, settings, sandbox)
        await bot.start()
        alone = await offer_load(members, channels, args.rate, args.baseline_seconds)
        lags_alone = len(bot.watch.lags)

        started = time.perf_counter()
        reply = await moderator.run("room-0", "source add", file=args.pdf)
        done = asyncio.ensure_future(added(reply, 600))
        during = await offer_load(members, channels, args.rate, done)
        add_seconds = done.result() - started
        lags_during = sorted(bot.watch.lags[lags_alone:])
        lags_before = sorted(bot.watch.lags[:lags_alone])
        result = reply.message.get("embeds", [{}])[0].get("title", reply.message.get("content"))
        await bot.stop()
    await sandbox.stop()

    # The peer: the whole library built again with the PDF in it, as adding a file meant before.
    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "sources"
        shutil.copytree(args.sources, library, ignore=shutil.ignore_patterns(".*"))
        shutil.copy2(args.pdf, library / args.pdf.name)
        before = time.perf_counter()
        rebuilt = open_index(library, progress=False)
        peer = StudyEngine(rebuilt, [])
        words = time.perf_counter() - before
        if rebuilt.report.sentences <= 20_000:
            rebuilt.compute_meaning(peer.embedder)
        rebuild_seconds = time.perf_counter() - before
        rebuilt.close()

    print(
        f"shared library: {args.sources} ({index.report.documents:,} documents, {index.report.sentences:,} sentences)"
    )
    print(f"added {args.pdf.name} ({pages} pages) with /source add: {result!r} after {add_seconds:.1f} s")
    print(
        f"peer, the whole library built again with it: {rebuild_seconds:.1f} s ({words:.1f} s by words, "
        f"the rest for meaning); /source add takes {add_seconds / rebuild_seconds:.2f}x its time"
    )
    print(f"load alone ({args.rate:.0f}/s, {args.baseline_seconds:.0f} s): {latency_line(alone)}")
    print(f"load while adding: {latency_line(during)}")
    for name, lags in (("alone", lags_before), ("while adding", lags_during)):
        p50, p99 = (lags[min(len(lags) - 1, int(share * len(lags)))] for share in (0.5, 0.99))
        print(f"event loop held {name} (lateness of a 1 ms sleep) ms: p50 {p50:.1f}, p99 {p99:.1f}, max {lags[-1]:.1f}")


if __name__ == "__main__":
    asyncio.run(main())
