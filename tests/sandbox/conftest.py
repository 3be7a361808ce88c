"""A world for end-to-end tests: the sandbox on a random loopback port, the real bot connected to it."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.app import StudyBot
from bot.config import QuizSettings, Settings
from bot.content.engine import StudyEngine
from bot.sandbox.members import SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import MEMBER_PERMISSIONS, Sandbox, point_discord_at

MANAGE_GUILD = 1 << 5


@dataclass
class World:
    sandbox: Sandbox
    bot: StudyBot
    guild: SandboxGuild
    alice: SandboxMember
    bob: SandboxMember
    refusals_expected: bool = False

    def expect_refusals(self) -> None:
        """This test provokes Discord's refusals on purpose; otherwise any refusal fails it."""
        self.refusals_expected = True


def quick_settings(data_dir: Path) -> Settings:
    """Short quiz timings so a whole session runs in a second or two."""
    return Settings(
        data_dir=data_dir,
        quiz=QuizSettings(questions=3, seconds=5, reveal_seconds=0, cooldown_seconds=30),
    )


async def start_bot(engine: StudyEngine, settings: Settings, sandbox: Sandbox, guild: SandboxGuild) -> StudyBot:
    bot = StudyBot(engine, settings, sync_guilds=[guild.id])
    bot.runner = asyncio.create_task(bot.start(sandbox.token))  # type: ignore[attr-defined]
    await asyncio.wait_for(bot.wait_until_ready(), 15)
    return bot


async def stop_bot(bot: StudyBot) -> None:
    await bot.close()
    bot.runner.cancel()  # type: ignore[attr-defined]
    await asyncio.gather(bot.runner, return_exceptions=True)  # type: ignore[attr-defined]


@pytest.fixture
async def world(engine: StudyEngine, tmp_path: Path) -> AsyncIterator[World]:
    async with world_in(engine, tmp_path) as made:
        yield made


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


@pytest.fixture
async def admin(world: World) -> SandboxMember:
    """A member who can manage the server, as the /daily commands require."""
    user = world.sandbox.add_user(world.guild, "admin", permissions=MEMBER_PERMISSIONS | MANAGE_GUILD)
    return SandboxMember(world.sandbox, world.guild, user)
