"""The Discord side: the Bot subclass that wires the content engine to the cogs, syncs and shuts down."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Sequence
from typing import Any

import aiosqlite
import discord
from discord import app_commands
from discord.ext import commands

from bot.config import Settings
from bot.content.engine import StudyEngine
from bot.store.database import open_database

log = logging.getLogger(__name__)

COGS = (
    "bot.cogs.about", "bot.cogs.search", "bot.cogs.topics", "bot.cogs.evidence", "bot.cogs.library",
    "bot.cogs.quiz", "bot.cogs.daily",
)  # fmt: skip
DATABASE_FILE = "studybot.sqlite3"


class StudyBot(commands.Bot):
    db: aiosqlite.Connection

    def __init__(self, engine: StudyEngine, settings: Settings, *, sync_guilds: Sequence[int] | None = None) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
        )
        self.engine = engine
        self.settings = settings
        self.sync_guilds = list(settings.dev_guilds if sync_guilds is None else sync_guilds)
        self.quiz_sessions: dict[str, Any] = {}
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        self.db = await open_database(self.settings.data_dir / DATABASE_FILE)
        for cog in COGS:
            await self.load_extension(cog)
        for guild_id in self.sync_guilds:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to guild %s", len(synced), guild_id)

    async def close(self) -> None:
        await super().close()
        if hasattr(self, "db"):
            await self.db.close()

    def log_problem(self, message: str) -> None:
        log.error("%s", message)

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """A bug or a Discord failure: log it, and tell the member plainly if we still can."""
        log.error("Command %s failed: %s", interaction.command and interaction.command.name, error, exc_info=error)
        message = "Something went wrong answering that. It has been logged; please try again in a moment."
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException as failure:
            log.error("Could not tell the member either: %s", failure)


async def run_until_stopped(bot: StudyBot, token: str) -> None:
    """Run until SIGINT or SIGTERM, then close the gateway and HTTP sessions cleanly."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)
