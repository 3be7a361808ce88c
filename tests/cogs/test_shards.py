"""Two bot processes, each running one of two shards, on one PostgreSQL database: each answers its own
server, a restart of one ends only its own quizzes, and each posts only its own servers' daily facts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.app import StudyBot
from bot.config import DATABASE_URL_VARIABLE
from bot.sandbox.members import SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox, point_discord_at
from bot.shards import ShardPlan
from tests.cogs.test_daily import at
from tests.world import MANAGE_GUILD, World, quick_settings, start_bot, stop_bot


@dataclass
class Shards:
    sandbox: Sandbox
    guilds: list[SandboxGuild]
    bots: list[StudyBot]
    members: list[SandboxMember]
    admins: list[SandboxMember]


@pytest.fixture
async def shards(engine, tmp_path, postgres_url, monkeypatch) -> AsyncIterator[Shards]:
    monkeypatch.setenv(DATABASE_URL_VARIABLE, postgres_url)
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    guilds = [sandbox.add_guild(f"Group {n}", ["study", "general"], shard=(n, 2)) for n in (0, 1)]
    members = [SandboxMember(sandbox, g, sandbox.add_user(g, f"member{n}")) for n, g in enumerate(guilds)]
    admins = [
        SandboxMember(sandbox, g, sandbox.add_user(g, f"admin{n}", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD))
        for n, g in enumerate(guilds)
    ]
    bots = [await _start(engine, tmp_path, sandbox, guilds, n) for n in (0, 1)]
    made = Shards(sandbox, guilds, bots, members, admins)
    try:
        yield made
    finally:
        for bot in made.bots:
            await stop_bot(bot)
        await sandbox.stop()
    assert sandbox.refusals == [], sandbox.refusals


async def _start(engine, tmp_path, sandbox: Sandbox, guilds: list[SandboxGuild], shard: int) -> StudyBot:
    settings = quick_settings(tmp_path / f"shard{shard}").model_copy(update={"database": "postgresql"})
    return await start_bot(engine, settings, sandbox, *guilds, shards=ShardPlan((shard,), 2))


def _titles(sandbox: Sandbox, guild: SandboxGuild) -> list[str]:
    channel = guild.channel_id("study")
    return [m.payload["embeds"][0]["title"] for m in sandbox.channel_messages(channel) if m.payload["embeds"]]


async def test_each_process_holds_its_own_servers_and_a_restart_ends_only_its_own_quiz(
    shards: Shards, engine, tmp_path
):
    assert [[g.id for g in bot.guilds] for bot in shards.bots] == [[g.id] for g in shards.guilds]
    for member in shards.members:
        started = await (await member.run("study", "quiz start", questions=3, seconds=60)).wait()
        assert not started.ephemeral
    for guild in shards.guilds:
        await shards.sandbox.wait_until(
            lambda g=guild: any(t.startswith("Question 1 of") for t in _titles(shards.sandbox, g))
        )

    await stop_bot(shards.bots[0])
    shards.bots[0] = await _start(engine, tmp_path, shards.sandbox, shards.guilds, 0)
    await shards.sandbox.wait_until(
        lambda: any(t.startswith("This quiz was interrupted") for t in _titles(shards.sandbox, shards.guilds[0]))
    )
    assert not any(t.startswith("This quiz was interrupted") for t in _titles(shards.sandbox, shards.guilds[1]))
    # Shard 1's quiz goes on in the process that holds it: its starter can still stop it.
    stopped = await (await shards.members[1].run("study", "quiz stop")).wait()
    assert stopped.ephemeral and "Stopping" in stopped.content


async def test_each_process_posts_its_own_servers_daily_fact_once(shards: Shards):
    for admin, guild in zip(shards.admins, shards.guilds, strict=True):
        channel = str(guild.channel_id("general"))
        reply = await (await admin.run("study", "daily set", channel=channel, time="09:00", timezone="UTC")).wait()
        assert "Daily fact set" in reply.content
    cogs = [
        World(shards.sandbox, bot, guild, m, m).daily
        for bot, guild, m in zip(shards.bots, shards.guilds, shards.members, strict=True)
    ]
    for cog in cogs:
        cog.check.cancel()  # the test drives the clock itself
    await cogs[0].run_due(at("2026-11-23T09:00:30"))
    posted = [len(shards.sandbox.channel_messages(g.channel_id("general"))) for g in shards.guilds]
    assert posted == [1, 0]  # shard 1's server is not shard 0's to post for
    await asyncio.gather(*(cog.run_due(at("2026-11-23T09:01:00")) for cog in cogs))
    posted = [len(shards.sandbox.channel_messages(g.channel_id("general"))) for g in shards.guilds]
    assert posted == [1, 1]


def test_run_with_shards_needs_postgresql_and_a_sensible_range(tmp_path, capsys):
    from bot.__main__ import main

    config = tmp_path / "bot.yaml"
    config.write_text(f"data_dir: {tmp_path / 'data'}\n")
    assert main(["run", "--config", str(config), "--shards", "0-1", "--shard-count", "2"]) == 2
    assert "database: postgresql" in capsys.readouterr().err
    config.write_text(f"data_dir: {tmp_path / 'data'}\ndatabase: postgresql\n")
    assert main(["run", "--config", str(config), "--shards", "0-4", "--shard-count", "4"]) == 2
    assert "numbered 0 to 3" in capsys.readouterr().err
    assert main(["run", "--config", str(config), "--shards", "1"]) == 2
    assert "go together" in capsys.readouterr().err
