"""A world for end-to-end tests: the sandbox on a random loopback port, the real bot connected to it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.app import StudyBot
from bot.content.engine import StudyEngine
from bot.sandbox.members import SandboxMember
from bot.sandbox.records import SandboxGuild
from bot.sandbox.server import Sandbox, point_discord_at


@dataclass
class World:
    sandbox: Sandbox
    bot: StudyBot
    guild: SandboxGuild
    alice: SandboxMember
    bob: SandboxMember


@pytest.fixture
async def world(engine: StudyEngine) -> AsyncIterator[World]:
    sandbox = Sandbox()
    await sandbox.start()
    point_discord_at(sandbox)
    guild = sandbox.add_guild("Study Group", ["study", "general"])
    alice = SandboxMember(sandbox, guild, sandbox.add_user(guild, "alice"))
    bob = SandboxMember(sandbox, guild, sandbox.add_user(guild, "bob"))
    bot = StudyBot(engine, sync_guilds=[guild.id])
    task = asyncio.create_task(bot.start(sandbox.token))
    try:
        await asyncio.wait_for(bot.wait_until_ready(), 15)
        yield World(sandbox, bot, guild, alice, bob)
    finally:
        await bot.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await sandbox.stop()
