"""Load on the real bot through the local sandbox: many members in many channels and servers at once.

Fires a mix of searches, summaries, citations, autocompletes and quiz answers at a target rate for a
fixed time, then reports interactions per second sustained and acknowledgement latency (Discord drops
an interaction not acknowledged within 3 seconds). Loopback only; bounded in count and time.

    python benchmarks/load_test.py                     # 200/s for 20 s, pinned to one core
    python benchmarks/load_test.py --rate 400 --seconds 30
    python benchmarks/load_test.py --sources /tmp/ungdc/TXT --index-dir /tmp/un-index   # a large corpus
    python benchmarks/load_test.py --database both     # the records in SQLite, then in PostgreSQL: the ratio
    python benchmarks/load_test.py --bot-process --all-cores --engine-workers 2 --sources /tmp/ungdc/TXT \
        --index-dir /tmp/un-index --varied   # engine workers, every process on both cores, questions that vary

PostgreSQL is a server of its own, started for the run from the distribution's package (as the tests do).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import resource
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from bot.app import StudyBot  # noqa: E402
from bot.cogs.error_handler import BUSY  # noqa: E402
from bot.config import DATABASE_URL_VARIABLE, QuizSettings, Settings  # noqa: E402
from bot.content.engine import StudyEngine  # noqa: E402
from bot.content.index.build import open_index  # noqa: E402
from bot.content.topics import load_topics  # noqa: E402
from bot.sandbox.members import Reply, SandboxMember  # noqa: E402
from bot.sandbox.server import Sandbox, point_discord_at  # noqa: E402

QUERIES = ["jailed dissidents", "famine", "sanctions on coal", "Hanoi summit", "cryptocurrency theft", "COVID border"]
CLAIMS = ["sanctions hurt ordinary people", "10.7 million North Koreans need food", "China vetoed ICC referrals"]
TOPICS = ["food", "sanctions", "detention", "covid", "diplomacy"]
Database = Literal["sqlite", "postgresql"]


@dataclass(frozen=True)
class Asked:
    """What members search for and claim."""

    queries: list[str]
    claims: list[str]


def varied() -> Asked:
    """The evaluation's questions and claims, written as members put them: a load whose questions
    seldom repeat, where the bot's kept question vectors help less than with the six above."""
    from tests.evaluation.claim_scoring import claims
    from tests.evaluation.question_scoring import question_set

    return Asked([q.question for q in question_set().questions], [c.claim for c in claims()])


async def one_action(member: SandboxMember, channel: str, rng: random.Random, asked: Asked) -> tuple[str, Reply]:
    roll = rng.random()
    if roll < 0.35:
        return "search", await member.run(channel, "search", query=rng.choice(asked.queries))
    if roll < 0.55:
        return "summary", await member.run(channel, "summary", topic=rng.choice(TOPICS))
    if roll < 0.70:
        return "cite", await member.run(channel, "cite", claim=rng.choice(asked.claims))
    if roll < 0.82:
        typed = rng.choice(["fo", "san", "co", ""])
        return "autocomplete", await member.autocomplete(channel, "summary", "topic", typed)
    if roll < 0.94:
        return "stats", await member.run(channel, "stats", topic=rng.choice(TOPICS))
    command = rng.choice(["sources", "topics", "fact"])
    return command, await member.run(channel, command)


class LoopLag:
    """How late a 1 ms sleep wakes: the longest stretch anything held the event loop, handlers included."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._watch())

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            self.lags.append((time.perf_counter() - before - 0.001) * 1000)

    def stop(self) -> list[float]:
        if self._task is not None:
            self._task.cancel()
        return sorted(self.lags)


async def quiz_clicks(sandbox: Sandbox, members: list[SandboxMember], channel: str, rng: random.Random) -> list[Reply]:
    """A quiz in one channel, every member of it clicking an answer at once."""
    start = await members[0].run(channel, "quiz start", questions=1, seconds=30)
    await start.wait(5)
    message = start.message
    return list(await asyncio.gather(*(m.click(message, rng.choice(m.button_labels(message))) for m in members)))


def bench_settings(
    sources: Path,
    index_dir: Path | None,
    data: Path,
    guilds: list[int],
    database: Database = "sqlite",
    engine_workers: int | Literal["auto"] = "auto",
) -> Settings:
    """The bot's settings for a benchmark: its commands synced to `guilds`, quizzes without a cooldown."""
    return Settings(
        sources=sources,
        index_dir=index_dir,
        data_dir=data,
        database=database,
        engine_workers=engine_workers,
        topics=PROJECT / "config/topics.yaml",
        dev_guilds=guilds,
        quiz=QuizSettings(cooldown_seconds=0, seconds=30),
    )


class InProcessBot:
    """The bot on the benchmark's own event loop, which the watch then measures with the sandbox's work in it."""

    def __init__(self, engine: StudyEngine, settings: Settings, sandbox: Sandbox) -> None:
        self.bot = StudyBot(engine, settings)
        self.sandbox = sandbox
        self.watch = LoopLag()
        self.lags: list[float] = []

    async def start(self) -> None:
        self.runner = asyncio.create_task(self.bot.start(self.sandbox.token))
        await asyncio.wait_for(self.bot.wait_until_ready(), 60)
        self.watch.start()

    async def stop(self) -> None:
        self.lags = self.watch.stop()
        await self.bot.close()
        self.runner.cancel()
        await asyncio.gather(self.runner, return_exceptions=True)


class BotProcess:
    """`python -m bot run` in its own process pinned to `core`, pointed at the sandbox, its loop watched."""

    def __init__(self, sandbox: Sandbox, settings: Settings, core: int | None) -> None:
        self.sandbox, self.settings, self.core = sandbox, settings, core
        self.folder = Path(tempfile.mkdtemp())
        self.lags: list[float] = []
        self.answered: dict[str, int] = {}

    async def start(self) -> None:
        config = self.folder / "bot.yaml"
        config.write_text(json.dumps(self.settings.model_dump(mode="json")))  # JSON is YAML
        env = {**os.environ, "DISCORD_TOKEN": self.sandbox.token}
        self.process = await asyncio.create_subprocess_exec(
            sys.executable,
            str(PROJECT / "benchmarks" / "_bot_with_lag.py"),
            str(self.folder / "lags.json"),
            self.sandbox.base_url,
            "run",
            "--config",
            str(config),
            env=env,
            cwd=PROJECT,
            preexec_fn=None if self.core is None else partial(os.sched_setaffinity, 0, {self.core}),
        )
        for _ in range(1200):
            if self.sandbox.gateway.connected() and all(
                g in self.sandbox.guild_commands for g in self.settings.dev_guilds
            ):
                return
            await asyncio.sleep(0.05)
        raise RuntimeError("the bot process did not come up")

    def cpu_seconds(self) -> tuple[float, float]:
        """The CPU time the bot's process has used so far, and its engine workers' (its child processes)."""
        assert self.process.pid is not None
        workers = [
            int(status.parent.name)
            for status in Path("/proc").glob("[0-9]*/status")
            if f"PPid:\t{self.process.pid}\n" in _readable(status)
        ]
        return _cpu_of(self.process.pid), sum(_cpu_of(pid) for pid in workers)

    async def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        await self.process.wait()
        report = json.loads((self.folder / "lags.json").read_text())
        self.lags = sorted(report.pop("lags"))
        self.answered = report


def _readable(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:  # a process that ended meanwhile
        return ""


def _cpu_of(pid: int) -> float:
    """A process's user and system CPU seconds (/proc/PID/stat, fields 14 and 15, in clock ticks)."""
    fields = _readable(Path(f"/proc/{pid}/stat")).rsplit(")", 1)[-1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") if fields else 0.0


@dataclass
class Figures:
    acknowledged: int
    offered: int
    sustained: float
    p50: float
    p99: float


async def run_once(
    args: argparse.Namespace, engine: StudyEngine, database: Database, cores: list[int], *, quiet: bool = False
) -> Figures:
    """One load run against a fresh sandbox and a fresh records database; prints its figures unless `quiet`."""
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    rng = random.Random(7)
    asked = varied() if args.varied else Asked(QUERIES, CLAIMS)
    worlds = []
    for g in range(args.guilds):
        guild = sandbox.add_guild(f"Guild {g}", [f"room-{c}" for c in range(args.channels)])
        members = [SandboxMember(sandbox, guild, sandbox.add_user(guild, f"m{g}-{i}")) for i in range(args.members)]
        worlds.append((guild, members))
    with tempfile.TemporaryDirectory() as data:
        settings = bench_settings(
            args.sources, args.index_dir, Path(data), [g.id for g, _ in worlds], database, args.engine_workers
        )
        core = None if args.all_cores else cores[0]
        bot = BotProcess(sandbox, settings, core) if args.bot_process else InProcessBot(engine, settings, sandbox)
        await bot.start()

        replies: list[Reply] = []
        labels: list[str] = []
        quiz_tasks = [
            asyncio.create_task(quiz_clicks(sandbox, members, f"room-{args.channels - 1}", rng))
            for _, members in worlds
        ]
        started = time.perf_counter()
        ours_before = resource.getrusage(resource.RUSAGE_SELF)
        bot_before = bot.cpu_seconds() if isinstance(bot, BotProcess) else None
        sent = 0
        while (elapsed := time.perf_counter() - started) < args.seconds:
            due = int(elapsed * args.rate) - sent
            for _ in range(max(due, 0)):
                guild, members = rng.choice(worlds)
                channel = f"room-{rng.randrange(args.channels - 1)}"
                label, reply = await one_action(rng.choice(members), channel, rng, asked)
                labels.append(label)
                replies.append(reply)
                sent += 1
            await asyncio.sleep(0.002)
        offered_for = time.perf_counter() - started
        ours = sum(resource.getrusage(resource.RUSAGE_SELF)[:2]) - sum(ours_before[:2])
        busy = {"this process (the bot, the sandbox and members)": ours}
        if isinstance(bot, BotProcess) and bot_before is not None:
            (bot_then, workers_then), (bot_now, workers_now) = bot_before, bot.cpu_seconds()
            busy = {
                "the sandbox and members": ours,
                "the bot's process": bot_now - bot_then,
                "its engine workers": workers_now - workers_then,
            }
        for task in quiz_tasks:
            clicks = await task
            replies.extend(clicks)
            labels.extend(["quiz click"] * len(clicks))
        await asyncio.sleep(3.5)  # past Discord's deadline: whatever is not acknowledged now never will be
        await bot.stop()
        lags = bot.lags
        acked = [r.record.ack_seconds for r in replies if r.record.ack_seconds is not None]
        last_ack = max(r.record.created + (r.record.ack_seconds or 0) for r in replies)
        first = min(r.record.created for r in replies)
    await sandbox.stop()
    latencies = sorted(ms * 1000 for ms in acked)
    p = lambda share: latencies[min(len(latencies) - 1, int(share * len(latencies)))]  # noqa: E731
    sustained = len(acked) / (last_ack - first)
    if quiet:
        return Figures(len(acked), len(replies), sustained, p(0.5), p(0.99))

    where = "one core (bot and sandbox share it)" if not args.all_cores else "all cores"
    if args.bot_process:
        where = "the bot alone on one core, the sandbox and members on the other"
        if args.all_cores:
            where = "the bot (and its engine workers), the sandbox and members sharing all cores"
    if isinstance(bot, InProcessBot):
        workers = bot.bot.engine_workers
        bot_answered = {
            "workers": workers.processes,
            "by_workers": workers.answered_by_workers,
            "in_threads": workers.answered_in_threads,
        }
    else:
        bot_answered = bot.answered
    print(
        f"engine workers: {bot_answered['workers']}; engine questions answered by them "
        f"{bot_answered['by_workers']}, in the bot's threads {bot_answered['in_threads']}"
    )
    print(f"records in {database}")
    print(
        f"offered {sent} interactions in {offered_for:.1f} s (target {args.rate:.0f}/s) "
        f"+ {len(replies) - sent} quiz clicks, {args.guilds} guilds x {args.channels} channels, "
        f"{where}"
    )
    report = engine.index.report
    print(f"corpus: {args.sources} ({report.documents:,} documents, {report.sentences:,} sentences)")
    print(f"acknowledged {len(acked)} of {len(replies)}; unacknowledged {len(replies) - len(acked)}")
    print(f"sustained {sustained:.0f} interactions/s")
    print(
        f"ack latency ms: p50 {p(0.5):.1f}, p99 {p(0.99):.1f}, max {latencies[-1]:.1f}, "
        f"mean {statistics.fmean(latencies):.1f}"
    )
    print("cores busy while offering: " + ", ".join(f"{who} {cpu / offered_for:.2f}" for who, cpu in busy.items()))
    # What the member waits for: the answer itself, which after a deferral ("thinking…") comes later.
    shown = sorted(r.record.answered_seconds * 1000 for r in replies if r.record.answered_seconds is not None)
    deferred = sum(1 for r in replies if r.record.response_type == 5)
    # ... or, for a question no engine worker started within Discord's 3 seconds, that the bot is busy
    busy = [r for r in replies if (m := r.message_record) is not None and m.payload.get("content") == BUSY]
    if shown:
        a = lambda share: shown[min(len(shown) - 1, int(share * len(shown)))]  # noqa: E731
        print(
            f"answer shown ms: p50 {a(0.5):.1f}, p99 {a(0.99):.1f}, max {shown[-1]:.1f} ({len(shown)} answers; "
            f"{deferred} acknowledged with 'thinking…' first; {len(busy)} told the bot is busy, "
            f"{sum(1 for r in busy if r.record.created >= first + offered_for / 2)} of them in the second half)"
        )
    later = [r.record.ack_seconds for r in replies if r.record.created >= first + offered_for / 2]
    settled = sorted(seconds * 1000 for seconds in later if seconds is not None)
    if settled:  # a freshly started bot's first seconds hold its caches' misses: the second half without them
        q2 = lambda share: settled[min(len(settled) - 1, int(share * len(settled)))]  # noqa: E731
        later_shown = sorted(
            r.record.answered_seconds * 1000
            for r in replies
            if r.record.created >= first + offered_for / 2 and r.record.answered_seconds is not None
        )
        shown_p99 = later_shown[min(len(later_shown) - 1, int(0.99 * len(later_shown)))] if later_shown else 0.0
        print(
            f"second half only: acknowledged {len(settled)} of {len(later)}; "
            f"ack p50 {q2(0.5):.1f}, p99 {q2(0.99):.1f} ms; answer shown p99 {shown_p99:.1f} ms"
        )
    by_command: dict[str, list[float]] = {}
    for label, reply in zip(labels, replies, strict=True):
        if reply.record.ack_seconds is not None:
            by_command.setdefault(label, []).append(reply.record.ack_seconds * 1000)
    for label, times in sorted(by_command.items()):
        times.sort()
        p50, p99 = times[len(times) // 2], times[int(0.99 * len(times))]
        print(f"  {label:13s} {len(times):5d}  p50 {p50:6.1f}  p99 {p99:6.1f}  max {times[-1]:6.1f}")
    q = lambda share: lags[min(len(lags) - 1, int(share * len(lags)))]  # noqa: E731
    print(
        f"{'the bot' if args.bot_process else 'the'} event loop held (lateness of a 1 ms sleep, "
        f"{len(lags):,} samples) ms: p50 {q(0.5):.1f}, "
        f"p99 {q(0.99):.1f}, max {lags[-1]:.1f}; asyncio's debug mode calls a step slow at 100 ms"
    )
    return Figures(len(acked), len(replies), sustained, p(0.5), p(0.99))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rate", type=float, default=200.0, help="interactions per second to offer")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long to offer them")
    parser.add_argument("--guilds", type=int, default=4)
    parser.add_argument("--channels", type=int, default=5, help="channels per guild")
    parser.add_argument("--members", type=int, default=10, help="members per guild")
    parser.add_argument(
        "--all-cores", action="store_true", help="pin nothing to one core (with --bot-process: the bot either)"
    )
    parser.add_argument(
        "--varied", action="store_true", help="the evaluation's questions and claims, not six and three"
    )
    parser.add_argument(
        "--engine-workers",
        type=lambda v: v if v == "auto" else int(v),
        default="auto",
        help="the bot's engine worker processes (the setting engine_workers: auto, or 0 to 8)",
    )
    parser.add_argument("--sources", type=Path, default=PROJECT / "seeds", help="the corpus to serve")
    parser.add_argument("--index-dir", type=Path, default=None, help="where its index is (built if missing)")
    parser.add_argument(
        "--bot-process", action="store_true", help="run the bot in its own process on its own core (needs 2 cores)"
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgresql", "both"],
        default="sqlite",
        help="where the bot keeps its records; both: one run each, and their ratio",
    )
    args = parser.parse_args()
    cores = sorted(os.sched_getaffinity(0))
    if args.bot_process and not args.all_cores:
        os.sched_setaffinity(0, {cores[-1]})  # the sandbox and members; the bot gets cores[0]
    elif not args.all_cores:
        os.sched_setaffinity(0, {cores[0]})
    logging.basicConfig(level=logging.ERROR)

    index = open_index(args.sources, index_dir=args.index_dir)
    engine = StudyEngine(index, load_topics(PROJECT / "config" / "topics.yaml"))
    databases: list[Database] = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    server = None
    figures: dict[str, Figures] = {}
    try:
        if len(databases) > 1:
            # The first seconds of load in a process run slower (seen: p50 110 vs 18 ms at 100/s on the seeds,
            # whichever database came first): a warm-up run, not reported, so neither setup pays for it.
            warm_up = argparse.Namespace(**{**vars(args), "seconds": min(5.0, args.seconds)})
            await run_once(warm_up, engine, "sqlite", cores, quiet=True)
        for database in databases:
            if database == "postgresql":
                # Started after the pinning above: the server shares the sandbox's core, not the bot's.
                from tests.postgres_server import start_postgres

                server = server or start_postgres()
                os.environ[DATABASE_URL_VARIABLE] = server.new_database()
            figures[database] = await run_once(args, engine, database, cores)
    finally:
        if server is not None:
            server.stop()
    if len(figures) == 2:
        lite, postgres = figures["sqlite"], figures["postgresql"]
        print(
            f"PostgreSQL / SQLite: ack p50 {postgres.p50 / lite.p50:.2f}x, p99 {postgres.p99 / lite.p99:.2f}x, "
            f"sustained {postgres.sustained / lite.sustained:.2f}x"
        )


if __name__ == "__main__":
    asyncio.run(main())
