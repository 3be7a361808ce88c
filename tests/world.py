"""A world for end-to-end tests: the sandbox on a random loopback port, the real bot connected to it."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar, cast

import discord

from bot.app import StudyBot
from bot.cogs.daily import Daily
from bot.config import QuizSettings, Settings
from bot.content.engine import StudyEngine
from bot.sandbox.members import SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import Sandbox, point_discord_at
from bot.shards import ShardPlan

T = TypeVar("T")

MANAGE_GUILD = 1 << 5


@dataclass
class World:
    sandbox: Sandbox
    bot: StudyBot
    guild: SandboxGuild
    alice: SandboxMember
    bob: SandboxMember
    refusals_expected: bool = False

    @property
    def daily(self) -> Daily:
        """The bot's daily-fact cog, whose clock and checks a test may drive."""
        cog = self.bot.get_cog("Daily")
        # discord.py loads each extension as a fresh module, so its class is not the one imported here.
        assert cog is not None and type(cog).__name__ == Daily.__name__
        return cast(Daily, cog)

    def text_channel(self, name: str) -> discord.TextChannel:
        """The bot's view of one of the guild's text channels."""
        channel = self.bot.get_channel(self.guild.channel_id(name))
        assert isinstance(channel, discord.TextChannel)
        return channel

    def expect_refusals(self) -> None:
        """This test provokes Discord's refusals on purpose; otherwise any refusal fails it."""
        self.refusals_expected = True


def quick_settings(data_dir: Path) -> Settings:
    """Short quiz timings so a whole session runs in a second or two."""
    return Settings(
        data_dir=data_dir,
        quiz=QuizSettings(questions=3, seconds=5, reveal_seconds=0, cooldown_seconds=30),
    )


# The task running each bot a test started, to be cancelled when the test stops it.
_RUNNERS: dict[StudyBot, asyncio.Task[None]] = {}


async def start_bot(
    engine: StudyEngine,
    settings: Settings,
    sandbox: Sandbox,
    guild: SandboxGuild,
    *more: SandboxGuild,
    shards: ShardPlan | None = None,
) -> StudyBot:
    """The bot, connected and ready, its commands synced to `guild` (and `more`); running `shards` only."""
    bot = StudyBot(engine, settings, sync_guilds=[guild.id, *(g.id for g in more)], shards=shards)
    _RUNNERS[bot] = asyncio.create_task(bot.start(sandbox.token))
    # A bot whose identify came too soon after another's waits 5 seconds to try again, as on Discord.
    await asyncio.wait_for(bot.wait_until_ready(), 30)
    return bot


async def stop_bot(bot: StudyBot) -> None:
    await bot.close()
    runner = _RUNNERS.pop(bot)
    runner.cancel()
    await asyncio.gather(runner, return_exceptions=True)


@contextlib.asynccontextmanager
async def world_in(
    engine: StudyEngine, data_dir: Path, *, latency: float = 0.0, **settings: object
) -> AsyncIterator[World]:
    """The sandbox, two members and the bot, keeping its database in `data_dir`; `latency` seconds each way
    between the bot and the sandbox; `settings` changed from the quick defaults."""
    sandbox = Sandbox(latency=latency)
    await sandbox.start()
    point_discord_at(sandbox)
    guild = sandbox.add_guild("Study Group", ["study", "general"])
    alice = SandboxMember(sandbox, guild, sandbox.add_user(guild, "alice"))
    bob = SandboxMember(sandbox, guild, sandbox.add_user(guild, "bob"))
    bot = await start_bot(engine, quick_settings(data_dir).model_copy(update=settings), sandbox, guild)
    world = World(sandbox, bot, guild, alice, bob)
    try:
        yield world
    finally:
        await stop_bot(world.bot)
        await sandbox.stop()
    if not world.refusals_expected:
        # The strict sandbox refuses what Discord refuses: a refusal the test did not ask for is a bug.
        assert sandbox.refusals == [], sandbox.refusals


async def lock_database(world: World) -> sqlite3.Connection:
    """Another process's exclusive lock on the bot's database, taken off the event loop: the bot may be in
    the middle of a write, and waiting for it here would stop the loop it needs to finish that write."""

    def take() -> sqlite3.Connection:
        holder = sqlite3.connect(world.bot.settings.data_dir / "studybot.sqlite3", timeout=10, check_same_thread=False)
        holder.execute("BEGIN EXCLUSIVE")
        return holder

    return await asyncio.to_thread(take)


async def eventually(condition: Callable[[], T | None], timeout: float = 5.0) -> T:
    """The first true value of `condition`, polled: for what the bot writes to its own database, which no
    request to the sandbox announces."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not (found := condition()):
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not true within {timeout} s")
        await asyncio.sleep(0.02)
    return found
