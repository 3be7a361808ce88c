"""Load on the real bot through the local sandbox: many members in many channels and servers at once.

Fires a mix of searches, summaries, citations, autocompletes and quiz answers at a target rate for a
fixed time, then reports interactions per second sustained and acknowledgement latency (Discord drops
an interaction not acknowledged within 3 seconds). Loopback only; bounded in count and time.

    python benchmarks/load_test.py                     # 200/s for 20 s, pinned to one core
    python benchmarks/load_test.py --rate 400 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bot.app import StudyBot  # noqa: E402
from bot.config import QuizSettings, Settings  # noqa: E402
from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from bot.sandbox.members import Reply, SandboxMember  # noqa: E402
from bot.sandbox.server import Sandbox, point_discord_at  # noqa: E402

QUERIES = ["jailed dissidents", "famine", "sanctions on coal", "Hanoi summit", "cryptocurrency theft", "COVID border"]
CLAIMS = ["sanctions hurt ordinary people", "10.7 million North Koreans need food", "China vetoed ICC referrals"]
TOPICS = ["food", "sanctions", "detention", "covid", "diplomacy"]


async def one_action(member: SandboxMember, channel: str, rng: random.Random) -> Reply:
    roll = rng.random()
    if roll < 0.35:
        return await member.run(channel, "search", query=rng.choice(QUERIES))
    if roll < 0.55:
        return await member.run(channel, "summary", topic=rng.choice(TOPICS))
    if roll < 0.70:
        return await member.run(channel, "cite", claim=rng.choice(CLAIMS))
    if roll < 0.85:
        return await member.autocomplete(channel, "summary", "topic", rng.choice(["fo", "san", "co", ""]))
    return await member.run(channel, "stats", topic=rng.choice(TOPICS))


async def quiz_clicks(sandbox: Sandbox, members: list[SandboxMember], channel: str, rng: random.Random) -> list[Reply]:
    """A quiz in one channel, every member of it clicking an answer at once."""
    start = await members[0].run(channel, "quiz start", questions=1, seconds=30)
    await start.wait(5)
    message = start.message
    return list(await asyncio.gather(*(m.click(message, rng.choice("ABCD")) for m in members)))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=200.0, help="interactions per second to offer")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to offer them")
    parser.add_argument("--guilds", type=int, default=4)
    parser.add_argument("--channels", type=int, default=5, help="channels per guild")
    parser.add_argument("--members", type=int, default=10, help="members per guild")
    parser.add_argument("--all-cores", action="store_true", help="do not pin the process to one core")
    args = parser.parse_args()
    if not args.all_cores:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    logging.basicConfig(level=logging.ERROR)

    engine = StudyEngine(open_index(PROJECT / "seeds"), load_topics(PROJECT / "config" / "topics.yaml"))
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    rng = random.Random(7)
    worlds = []
    for g in range(args.guilds):
        guild = sandbox.add_guild(f"Guild {g}", [f"room-{c}" for c in range(args.channels)])
        members = [SandboxMember(sandbox, guild, sandbox.add_user(guild, f"m{g}-{i}")) for i in range(args.members)]
        worlds.append((guild, members))
    with tempfile.TemporaryDirectory() as data:
        settings = Settings(data_dir=Path(data), quiz=QuizSettings(cooldown_seconds=0, seconds=30))
        bot = StudyBot(engine, settings, sync_guilds=[g.id for g, _ in worlds])
        runner = asyncio.create_task(bot.start(sandbox.token))
        await asyncio.wait_for(bot.wait_until_ready(), 30)

        replies: list[Reply] = []
        quiz_tasks = [
            asyncio.create_task(quiz_clicks(sandbox, members, f"room-{args.channels - 1}", rng))
            for _, members in worlds
        ]
        started = time.perf_counter()
        sent = 0
        while (elapsed := time.perf_counter() - started) < args.seconds:
            due = int(elapsed * args.rate) - sent
            for _ in range(max(due, 0)):
                guild, members = rng.choice(worlds)
                channel = f"room-{rng.randrange(args.channels - 1)}"
                replies.append(await one_action(rng.choice(members), channel, rng))
                sent += 1
            await asyncio.sleep(0.002)
        offered_for = time.perf_counter() - started
        for task in quiz_tasks:
            replies.extend(await task)
        await asyncio.sleep(3.5)  # past Discord's deadline: whatever is not acknowledged now never will be
        acked = [r.record.ack_seconds for r in replies if r.record.ack_seconds is not None]
        last_ack = max(r.record.created + (r.record.ack_seconds or 0) for r in replies)
        first = min(r.record.created for r in replies)
        await bot.close()
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
    await sandbox.stop()

    latencies = sorted(ms * 1000 for ms in acked)
    p = lambda share: latencies[min(len(latencies) - 1, int(share * len(latencies)))]  # noqa: E731
    print(
        f"offered {sent} interactions in {offered_for:.1f} s (target {args.rate:.0f}/s) "
        f"+ {len(replies) - sent} quiz clicks, {args.guilds} guilds x {args.channels} channels, "
        f"{'one core' if not args.all_cores else 'all cores'} (bot and sandbox share it)"
    )
    print(f"acknowledged {len(acked)} of {len(replies)}; unacknowledged {len(replies) - len(acked)}")
    print(f"sustained {len(acked) / (last_ack - first):.0f} interactions/s")
    print(
        f"ack latency ms: p50 {p(0.5):.1f}, p99 {p(0.99):.1f}, max {latencies[-1]:.1f}, "
        f"mean {statistics.fmean(latencies):.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
