"""The Discord side: the Bot subclass that wires the content engine to the cogs, syncs and shuts down."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sqlite3
import time
from collections.abc import Sequence
from pathlib import Path

import aiosqlite
import discord
from discord import app_commands
from discord.ext import commands, tasks

from bot.cogs.paginator import PageButton, PageSets
from bot.cogs.quiz._sessions import QuizSessions
from bot.config import Settings
from bot.content.engine import StudyEngine
from bot.store.database import open_database

log = logging.getLogger(__name__)

COGS = (
    "bot.cogs.about", "bot.cogs.search", "bot.cogs.topics", "bot.cogs.evidence", "bot.cogs.library",
    "bot.cogs.quiz", "bot.cogs.daily",
)  # fmt: skip
DATABASE_FILE = "studybot.sqlite3"
HEARTBEAT_SECONDS = 30
HEARTBEAT_STALE_SECONDS = 120


def heartbeat_file(settings: Settings) -> Path:
    return settings.data_dir / "heartbeat"


def is_healthy(settings: Settings, now: float) -> bool:
    """The bot refreshed its heartbeat recently, so it is running and connected."""
    try:
        beat = float(heartbeat_file(settings).read_text().strip())
    except (OSError, ValueError):
        return False
    return now - beat < HEARTBEAT_STALE_SECONDS


class StudyBot(commands.Bot):
    db: aiosqlite.Connection

    def __init__(self, engine: StudyEngine, settings: Settings, *, sync_guilds: Sequence[int] | None = None) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            # A longer rate-limit wait raises instead of stalling the caller: past Discord's 3-second
            # interaction deadline the answer is lost anyway, and the daily post counts it as a failure.
            max_ratelimit_timeout=30.0,
        )
        self.engine = engine
        self.settings = settings
        self.sync_guilds = list(settings.dev_guilds if sync_guilds is None else sync_guilds)
        self.quiz_sessions = QuizSessions()
        self.page_sets = PageSets()
        self.tree.on_error = self.on_app_command_error

    async def setup_hook(self) -> None:
        self.db = await open_database(self.settings.data_dir / DATABASE_FILE)
        await asyncio.to_thread(self.engine.warm)
        self.add_dynamic_items(PageButton)
        self.heartbeat.start()
        for cog in COGS:
            await self.load_extension(cog)
        for guild_id in self.sync_guilds:
            guild = discord.Object(guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("Synced %d commands to guild %s", len(synced), guild_id)
        # Everything loaded so far lives as long as the process: out of the collector's way, a full
        # collection no longer walks it, which on a busy bot held the event loop for 60-160 ms at a time.
        gc.collect()
        gc.freeze()

    @tasks.loop(seconds=HEARTBEAT_SECONDS)
    async def heartbeat(self) -> None:
        """Proof of life for health checks: refreshed while connected to Discord."""
        if self.is_ready() and not self.is_closed():
            heartbeat_file(self.settings).write_text(f"{time.time():.0f}\n")

    @heartbeat.before_loop
    async def _first_beat_when_ready(self) -> None:
        await self.wait_until_ready()

    async def close(self) -> None:
        self.heartbeat.cancel()
        await super().close()
        gc.unfreeze()  # a process that starts another bot (tests, the playground) lets this one's objects go
        if hasattr(self, "db"):
            await self.db.close()

    async def on_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        """A bug or a Discord failure: log it, and tell the member plainly if we still can."""
        if isinstance(error, app_commands.CheckFailure) and interaction.response.is_done():
            return  # a check that refused has already told the member why
        log.error("Command %s failed: %s", interaction.command and interaction.command.name, error, exc_info=error)
        message = "Something went wrong answering that. It has been logged; please try again in a moment."
        if isinstance(getattr(error, "original", None), sqlite3.Error):
            message = (
                "The bot could not save that just now (its database is busy or out of space), so nothing "
                "was recorded. Please try again in a moment."
            )
        try:
            if interaction.response.is_done():
                await interaction.followup.send(message, ephemeral=True)
            else:
                await interaction.response.send_message(message, ephemeral=True)
        except discord.HTTPException as failure:
            log.error("Could not tell the member either: %s", failure)


async def sync_globally(bot: StudyBot, token: str) -> int:
    """Publish the slash commands to every server (Discord may take up to an hour to show them)."""
    async with bot:
        await bot.login(token)
        return len(await bot.tree.sync())


async def run_until_stopped(bot: StudyBot, token: str) -> None:
    """Run until SIGINT or SIGTERM, then close the gateway and HTTP sessions cleanly."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        await bot.start(token)
