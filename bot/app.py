"""The Discord side: the Bot subclass that wires the content engine to the cogs, syncs and shuts down."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import time
from collections.abc import Callable, Sequence
from typing import Concatenate, ParamSpec, TypeVar

import discord
from discord.ext import commands, tasks

from bot.cogs.quiz._sessions import QuizSessions
from bot.cogs.shared.paginator import PageSets
from bot.cogs.shared.replies import in_time
from bot.config import Settings
from bot.content.engine import StudyEngine
from bot.content.index.meaning_apart import start_reading_meaning
from bot.engine_workers import EngineWorkers
from bot.filelock import FileLock
from bot.health import HEARTBEAT_SECONDS, write_heartbeat
from bot.library.libraries import Libraries
from bot.logs import keep_tokens_out_of_logs
from bot.records.database import Database, lock_data_folder, open_database
from bot.shards import ShardPlan

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

# The error handler first, so that it answers for every command loaded after it.
COGS = (
    "bot.cogs.error_handler",
    "bot.cogs.shared.paginator",
    "bot.cogs.about",
    "bot.cogs.search",
    "bot.cogs.topics",
    "bot.cogs.evidence",
    "bot.cogs.library",
    "bot.cogs.sources",
    "bot.cogs.quiz",
    "bot.cogs.daily",
)
# Discord drops an interaction not acknowledged within 3 seconds of its creation.
ACKNOWLEDGE_SECONDS = 3.0
# An engine answer not ready this soon is acknowledged first ("thinking…") and then sent in its place, so
# that a member's command is acknowledged at once even while the engine is busy. Answers from the bot's own
# threads (a small library) take a millisecond or two. Through engine workers (a large library) every answer
# is acknowledged first: waiting even 10 ms for one put the acknowledgement's p99 over 50 ms at 200/s (see
# docs/benchmarks.md, "Acknowledged first through the engine workers").
ANSWER_DIRECTLY_SECONDS = 0.025
# Exit status when the bot gave up after being disconnected too long, so a restart policy starts it afresh.
EXIT_DISCONNECTED = 3


class StudyBot(commands.AutoShardedBot):
    db: Database

    def __init__(
        self,
        engine: StudyEngine,
        settings: Settings,
        *,
        sync_guilds: Sequence[int] | None = None,
        shards: ShardPlan | None = None,
        read_meaning: bool = False,
    ) -> None:
        """`read_meaning`: read the shared library's sentences for meaning, if it has no vectors yet, once
        started (in a process of its own: `meaning_apart`)."""
        # Every shard Discord recommends in this process, or the range `shards` gives (several processes).
        ranged = {"shard_ids": list(shards.ids), "shard_count": shards.count} if shards else {}
        super().__init__(
            **ranged,
            command_prefix=commands.when_mentioned,
            intents=discord.Intents.default(),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            # A longer rate-limit wait raises instead of stalling the caller: past Discord's 3-second
            # interaction deadline the answer is lost anyway, and the daily post counts it as a failure.
            max_ratelimit_timeout=30.0,
        )
        keep_tokens_out_of_logs()  # whoever runs the bot, and however they set logging up
        self.engine = engine
        self.shard_plan = shards
        self.libraries = Libraries(engine, settings)
        self.engine_workers = EngineWorkers(settings.engine_processes(engine.index.report.sentences))
        self.settings = settings
        self.read_meaning = read_meaning
        self.sync_guilds = list(settings.dev_guilds if sync_guilds is None else sync_guilds)
        self.quiz_sessions = QuizSessions()
        self.page_sets = PageSets()
        self.exit_code = 0
        self._closing: asyncio.Future[None] | None = None
        self.closing_begun = asyncio.Event()
        self._data_lock: FileLock | None = None
        # Not connected until the first Ready: a bot that never gets there counts as down from its start.
        self._down_since: float | None = time.monotonic()
        self.connection_watch.change_interval(seconds=min(HEARTBEAT_SECONDS, settings.disconnected_exit_seconds / 4))

    async def setup_hook(self) -> None:
        self._data_lock = lock_data_folder(self.settings.data_dir)
        self.db = await open_database(self.settings)
        log.info("Records in %s (%s); %s", self.db.name, self.db.kind, self.shard_plan or "every shard")
        await asyncio.to_thread(self.engine.warm)
        await asyncio.to_thread(self.libraries.open_saved)
        await self.engine_workers.start(self.engine)
        if self.read_meaning:
            # Only now, with the records open and the token taken: a bot that stops at start leaves no child
            # process half spawned (which printed a traceback from multiprocessing after the bot's own message).
            start_reading_meaning(self.engine.index)
        self.heartbeat.start()
        self.connection_watch.start()
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

    def serves(self, guild_id: int) -> bool:
        """Whether this process runs the server's shard: its daily posts and quizzes are this process's."""
        return self.shard_plan is None or self.shard_plan.serves(guild_id)

    def engine_for(self, guild_id: int | None) -> StudyEngine:
        """The engine that answers in this server: its own library's, or the shared one."""
        return self.libraries.engine_for(guild_id)

    async def ask(
        self,
        guild_id: int | None,
        method: Callable[Concatenate[StudyEngine, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """`method` of the server's engine, off the gateway's loop: in an engine worker process, or a thread."""
        return await self.engine_workers.run(self.engine_for(guild_id), None, method, *args, **kwargs)

    async def answer(
        self,
        interaction: discord.Interaction[StudyBot],
        method: Callable[Concatenate[StudyEngine, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """As `ask`, for a member's command whose answer is public: acknowledged first when the bot has engine
        workers or the answer takes longer than `ANSWER_DIRECTLY_SECONDS`, and not started once Discord would
        no longer take its acknowledgement (3 s from now, unless the command has deferred), but raised as
        `TooLate`."""
        if interaction.response.is_done():
            return await self.engine_workers.run(self.engine_for(interaction.guild_id), None, method, *args, **kwargs)
        answer_by = time.monotonic() + ACKNOWLEDGE_SECONDS
        work = self.engine_workers.run(self.engine_for(interaction.guild_id), answer_by, method, *args, **kwargs)
        after = 0.0 if self.engine_workers.processes else ANSWER_DIRECTLY_SECONDS
        return await in_time(interaction, work, ephemeral=False, after=after)

    @property
    def connected(self) -> bool:
        return self._down_since is None

    def _connection_changed(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self._down_since = None if connected else time.monotonic()
        log.info("Gateway %s", "connected" if connected else "disconnected")
        self._beat()

    async def on_ready(self) -> None:
        self._connection_changed(True)

    async def on_resumed(self) -> None:
        self._connection_changed(True)

    async def on_disconnect(self) -> None:
        self._connection_changed(False)

    def _beat(self) -> None:
        try:
            write_heartbeat(self.settings.data_dir, connected=self.connected and not self.is_closed(), now=time.time())
        except OSError as error:  # a full or read-only disk must not stop the bot; the check will say unhealthy
            log.warning("Could not write the heartbeat file: %s", error)

    @tasks.loop(seconds=HEARTBEAT_SECONDS)
    async def heartbeat(self) -> None:
        """Proof of life for health checks: says whether the gateway session is up right now."""
        self._beat()

    @tasks.loop(seconds=HEARTBEAT_SECONDS)
    async def connection_watch(self) -> None:
        """Down longer than `disconnected_exit_seconds`: exit, so the restart policy starts a fresh process
        rather than leaving a bot that answers nobody."""
        if self._down_since is None or self.is_closed():
            return
        down = time.monotonic() - self._down_since
        if down > self.settings.disconnected_exit_seconds:
            log.error("Disconnected from Discord for %.0f s; exiting so the bot is restarted", down)
            self.exit_code = EXIT_DISCONNECTED
            # Closing cancels this loop, so it runs as its own task rather than inside the loop's.
            self._begin_closing()

    def _begin_closing(self) -> asyncio.Future[None]:
        if self._closing is None:
            self.closing_begun.set()
            self._closing = asyncio.ensure_future(self._shut_down())
        return self._closing

    async def close(self) -> None:
        # SIGTERM, the connection watch and `async with` can all close the bot, even at the same moment.
        # One shutdown serves them all: two racing closes of the aiosqlite connection leave the second
        # waiting forever on a worker thread that has already stopped.
        await asyncio.shield(self._begin_closing())

    async def _shut_down(self) -> None:
        self.heartbeat.cancel()
        self.connection_watch.cancel()
        await super().close()
        self._beat()  # closed: no longer connected
        await asyncio.to_thread(self.engine_workers.close)
        gc.unfreeze()  # a process that starts another bot (tests, the playground) lets this one's objects go
        if hasattr(self, "db"):
            await self.db.close()
        if self._data_lock is not None:
            self._data_lock.release()


async def sync_globally(bot: StudyBot, token: str) -> int:
    """Publish the slash commands to every server (Discord may take up to an hour to show them)."""
    async with bot:
        await bot.login(token)
        return len(await bot.tree.sync())


async def run_until_stopped(bot: StudyBot, token: str) -> int:
    """Run until SIGINT or SIGTERM (exit status 0), or until disconnected too long (`EXIT_DISCONNECTED`),
    then close the gateway and HTTP sessions cleanly."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
    async with bot:
        running = asyncio.create_task(bot.start(token))
        closing = asyncio.create_task(bot.closing_begun.wait())
        await asyncio.wait({running, closing}, return_when=asyncio.FIRST_COMPLETED)
        closing.cancel()
        if running.done():
            running.result()  # a failed login or a gateway refusal surfaces as before
        else:
            # Closing (a signal, or down too long) ends the run: discord.py's own run would end only after
            # its reconnect back-off sleep, up to a minute later, while the restart policy waits for the exit.
            await bot.close()
            running.cancel()
            await asyncio.gather(running, return_exceptions=True)
    await bot.close()  # a signal's close may still be releasing the database when the gateway is down
    return bot.exit_code
