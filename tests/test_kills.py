"""SIGKILL the real bot process at random points during quiz sessions and around the daily post.

The sandbox runs here; the bot runs as `python -m bot run` in its own process, pointed at it. Two setups:
one process on SQLite, and two processes on one PostgreSQL database, each running one of two shards (each
server on its own shard), one of them killed at random each round. After every kill the bot restarts,
and the database and what the sandbox saw must agree: no answer a member was told about is lost, none
counts twice, each server's fact is posted exactly once. The count is bounded and seeded for CI (KILLS);
set STUDYBOT_KILLS for a longer run.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
import yaml

from bot.config import DATABASE_URL_VARIABLE
from bot.sandbox.members import Reply, SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox
from tests.conftest import PROJECT, copy_seeds

KILLS = int(os.environ.get("STUDYBOT_KILLS", "6"))
SEED = 20261122
COUNTED = ("Right!", "Not this time")


class BotProcess:
    """One bot process; with `shard`, the process running that shard of two."""

    def __init__(self, sandbox: Sandbox, config: Path, shard: int | None = None, database_url: str = "") -> None:
        self.sandbox, self.config, self.shard = sandbox, config, shard
        self.database_url = database_url
        self.process: subprocess.Popen[bytes] | None = None
        self.log = config.with_name("bot.log")

    async def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "DISCORD_TOKEN": self.sandbox.token}
        if self.database_url:
            env[DATABASE_URL_VARIABLE] = self.database_url
        command = [
            sys.executable,
            "-m",
            "bot.sandbox.run_bot",
            self.sandbox.base_url,
            "run",
            "--config",
            str(self.config),
        ]
        if self.shard is not None:
            command += ["--shards", str(self.shard), "--shard-count", "2"]
        gateway = self.sandbox.gateway
        before = set(gateway.sessions)
        self.process = subprocess.Popen(
            command,
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
        )
        for _ in range(900):  # a start within 5 s of another's identify waits 5 s more, as on Discord
            if any(s.id not in before and s.shard[0] == (self.shard or 0) for s in gateway.connected()):
                await asyncio.sleep(0.3)  # cog_load work (ending interrupted quizzes) right after ready
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the bot did not come up")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


async def settle(reply: Reply) -> Reply | None:
    try:
        return await reply.wait(3.5)
    except TimeoutError:
        return None  # the bot died first: Discord would say the interaction failed, and nothing was promised


def _sqlite_rows(data: Path) -> Callable[[str], Awaitable[list[tuple]]]:
    async def rows(sql: str) -> list[tuple]:
        with sqlite3.connect(data / "studybot.sqlite3") as db:
            return db.execute(sql).fetchall()

    return rows


def _postgres_rows(url: str) -> Callable[[str], Awaitable[list[tuple]]]:
    async def rows(sql: str) -> list[tuple]:
        connection = await asyncpg.connect(url)
        try:
            return [tuple(row) for row in await connection.fetch(sql)]
        finally:
            await connection.close()

    return rows


@pytest.mark.parametrize("setup", ["one process, SQLite", "two shard processes, PostgreSQL"])
async def test_random_sigkills_lose_nothing_and_double_nothing(tmp_path: Path, setup: str, request):
    rng = random.Random(SEED)
    sharded = setup.startswith("two")
    sources = copy_seeds(tmp_path / "seeds")
    sandbox = Sandbox()
    await sandbox.start()
    guilds: list[SandboxGuild] = [
        sandbox.add_guild(f"Study Group {n}", ["study", "general"], shard=(n, 2) if sharded else None)
        for n in range(2 if sharded else 1)
    ]
    url = request.getfixturevalue("postgres_url") if sharded else ""
    processes: list[BotProcess] = []
    for n in range(len(guilds)):
        folder = tmp_path / f"process{n}"
        folder.mkdir()
        config = folder / "bot.yaml"
        config.write_text(
            yaml.safe_dump(
                {
                    "sources": str(sources),
                    "data_dir": str(folder / "data"),
                    "database": "postgresql" if sharded else "sqlite",
                    "topics": str(PROJECT / "config" / "topics.yaml"),
                    "dev_guilds": [g.id for g in guilds],
                    "log_level": "WARNING",
                    "quiz": {"questions": 2, "seconds": 30, "reveal_seconds": 0, "cooldown_seconds": 0},
                    "daily": {"grace_minutes": 60, "check_seconds": 0.2},
                }
            )
        )
        processes.append(BotProcess(sandbox, config, n if sharded else None, url))
    rows = _postgres_rows(url) if sharded else _sqlite_rows(tmp_path / "process0" / "data")
    members = {
        g.id: [SandboxMember(sandbox, g, sandbox.add_user(g, f"{name}{n}")) for name in ("alice", "bob", "carol")]
        for n, g in enumerate(guilds)
    }
    told: list[tuple[str, int]] = []  # (session, member) for every answer the member was told counted
    try:
        for process in processes:
            await process.start()
        now = datetime.now(UTC)
        for guild in guilds:
            admin = SandboxMember(
                sandbox, guild, sandbox.add_user(guild, "admin", permissions=MEMBER_PERMISSIONS | 1 << 5)
            )
            channel = str(guild.channel_id("general"))
            await (
                await admin.run("study", "daily set", channel=channel, time=now.strftime("%H:%M"), timezone="UTC")
            ).wait()
        # Each round starts a quiz in two servers and one process again: half the kills keep CI's time.
        kills = KILLS // 2 if sharded else KILLS
        for _ in range(kills):
            victim = rng.choice(processes)
            clicks = []
            for guild in guilds:
                start = await settle(await members[guild.id][0].run("study", "quiz start"))
                if start is None or start.ephemeral:
                    continue  # the bot was down, or the server's last quiz still runs
                message = start.message
                session = message["components"][0]["components"][0]["custom_id"].split(":")[1]
                for member in rng.sample(members[guild.id], 3):
                    await asyncio.sleep(rng.uniform(0, 0.15))
                    clicks.append(
                        (session, member, await member.click(message, rng.choice(member.button_labels(message))))
                    )
                    if rng.random() < 0.3:  # a double click
                        clicks.append(
                            (session, member, await member.click(message, rng.choice(member.button_labels(message))))
                        )
            await asyncio.sleep(rng.uniform(0, 2.5))  # sometimes before the day's post, sometimes after
            victim.kill()
            for session, member, click in clicks:
                answered = await settle(click)
                if answered is not None and answered.content.startswith(COUNTED):
                    told.append((session, member.id))
            await victim.start()

        stored = await rows(
            "SELECT session_id, member_id, count(*) FROM quiz_answers GROUP BY session_id, question, member_id"
        )
        assert all(count == 1 for *_, count in stored), "an answer counted twice"
        in_db = {(s, m) for s, m, _ in stored}
        assert set(told) <= in_db, f"answers the members were told about are missing: {set(told) - in_db}"
        assert (await rows("SELECT count(*) FROM quiz_sessions WHERE status = 'running'"))[0][0] <= len(guilds)
        today = now.date().isoformat()

        def posts(guild: SandboxGuild) -> list:
            footer = f"Daily fact · {today}"
            return [
                m
                for m in sandbox.channel_messages(guild.channel_id("general"))
                if m.payload["embeds"] and m.payload["embeds"][0].get("footer", {}).get("text") == footer
            ]

        for _ in range(200):  # the last incarnations run undisturbed: each day's post must come, once
            if await rows("SELECT status FROM daily_posts") == [("posted",)] * len(guilds):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)  # time enough for a second post, if the bot were to make one
        assert [len(posts(g)) for g in guilds] == [1] * len(guilds)
        assert await rows("SELECT status FROM daily_posts") == [("posted",)] * len(guilds)
        print(f"\n{setup}: {kills} SIGKILLs, {len(told)} answers told, all stored once; 1 daily post per server")
    finally:
        for process in processes:
            if process.process is not None and process.process.poll() is None:
                process.kill()
        await sandbox.stop()
