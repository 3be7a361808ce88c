"""SIGKILL the real bot process at random points during quiz sessions and around the daily post.

The sandbox runs here; the bot runs as `python -m bot run` in its own process, pointed at it. After
every kill the bot restarts, and SQLite and what the sandbox saw must agree: no answer a member was
told about is lost, none counts twice, the day's fact is posted exactly once. The count is bounded
and seeded for CI (KILLS); set STUDYBOT_KILLS for a longer run.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml

from bot.sandbox.members import Reply, SandboxMember
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox
from tests.conftest import PROJECT, SEEDS

KILLS = int(os.environ.get("STUDYBOT_KILLS", "6"))
SEED = 20261122
COUNTED = ("Right!", "Not this time")


class BotProcess:
    def __init__(self, sandbox: Sandbox, config: Path) -> None:
        self.sandbox, self.config = sandbox, config
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0
        self.log = config.with_name("bot.log")

    async def start(self) -> None:
        env = {**os.environ, "PYTHONPATH": str(PROJECT), "DISCORD_TOKEN": self.sandbox.token}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.sandbox.run_bot", self.sandbox.base_url, "run", "--config", str(self.config)],
            cwd=PROJECT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("ab"),
        )
        self.starts += 1
        stats = self.sandbox.gateway.stats
        for _ in range(600):
            if stats.identifies >= self.starts and self.sandbox.gateway.connected():
                await asyncio.sleep(0.3)  # cog_load work (ending interrupted quizzes) right after ready
                return
            await asyncio.sleep(0.05)
        raise AssertionError("the bot did not come up")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)


def rows(data: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(data / "studybot.sqlite3") as db:
        return db.execute(sql).fetchall()


async def settle(reply: Reply) -> Reply | None:
    try:
        return await reply.wait(3.5)
    except TimeoutError:
        return None  # the bot died first: Discord would say the interaction failed, and nothing was promised


async def test_random_sigkills_lose_nothing_and_double_nothing(tmp_path: Path):
    rng = random.Random(SEED)
    sources = tmp_path / "seeds"
    sources.mkdir()
    for path in SEEDS.iterdir():
        if path.is_file():
            (sources / path.name).write_bytes(path.read_bytes())
    sandbox = Sandbox()
    await sandbox.start()
    guild = sandbox.add_guild("Study Group", ["study", "general"])
    members = [SandboxMember(sandbox, guild, sandbox.add_user(guild, n)) for n in ("alice", "bob", "carol")]
    admin = SandboxMember(sandbox, guild, sandbox.add_user(guild, "admin", permissions=MEMBER_PERMISSIONS | 1 << 5))
    data = tmp_path / "data"
    config = tmp_path / "bot.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "sources": str(sources),
                "data_dir": str(data),
                "topics": str(PROJECT / "config" / "topics.yaml"),
                "dev_guilds": [guild.id],
                "log_level": "WARNING",
                "quiz": {"questions": 2, "seconds": 30, "reveal_seconds": 0, "cooldown_seconds": 0},
                "daily": {"grace_minutes": 60, "check_seconds": 0.2},
            }
        )
    )
    bot = BotProcess(sandbox, config)
    told: list[tuple[str, int]] = []  # (session, member) for every answer the member was told counted
    try:
        await bot.start()
        now = datetime.now(UTC)
        channel = str(guild.channel_id("general"))
        await (
            await admin.run("study", "daily set", channel=channel, time=now.strftime("%H:%M"), timezone="UTC")
        ).wait()
        for _ in range(KILLS):
            start = await settle(await members[0].run("study", "quiz start"))
            if start is not None and not start.ephemeral:
                message = start.message
                session = message["components"][0]["components"][0]["custom_id"].split(":")[1]
                clicks = []
                for member in rng.sample(members, 3):
                    await asyncio.sleep(rng.uniform(0, 0.15))
                    clicks.append((member, await member.click(message, rng.choice(member.button_labels(message)))))
                    if rng.random() < 0.3:  # a double click
                        clicks.append((member, await member.click(message, rng.choice(member.button_labels(message)))))
                await asyncio.sleep(rng.uniform(0, 2.5))  # sometimes before the day's post, sometimes after
                bot.kill()
                for member, click in clicks:
                    answered = await settle(click)
                    if answered is not None and answered.content.startswith(COUNTED):
                        told.append((session, member.id))
            else:
                bot.kill()
            await bot.start()

        stored = rows(
            data, "SELECT session_id, member_id, count(*) FROM quiz_answers GROUP BY session_id, question, member_id"
        )
        assert all(count == 1 for *_, count in stored), "an answer counted twice"
        in_db = {(s, m) for s, m, _ in stored}
        assert set(told) <= in_db, f"answers the members were told about are missing: {set(told) - in_db}"
        assert rows(data, "SELECT count(*) FROM quiz_sessions WHERE status = 'running'")[0][0] <= 1
        today = now.date().isoformat()

        def posts() -> list:
            footer = f"Daily fact · {today}"
            return [
                m
                for m in sandbox.channel_messages(guild.channel_id("general"))
                if m.payload["embeds"] and m.payload["embeds"][0].get("footer", {}).get("text") == footer
            ]

        for _ in range(200):  # the last incarnation runs undisturbed: the day's post must come, once
            if rows(data, "SELECT status FROM daily_posts") == [("posted",)]:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)  # time enough for a second post, if the bot were to make one
        assert len(posts()) == 1, f"{len(posts())} daily posts on {today}"
        assert rows(data, "SELECT status FROM daily_posts") == [("posted",)]
        print(f"\n{KILLS} SIGKILLs: {len(told)} answers told, all stored once; 1 daily post")
    finally:
        if bot.process is not None and bot.process.poll() is None:
            bot.kill()
        await sandbox.stop()
